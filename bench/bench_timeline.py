"""When each process and thread of a build from nothing is busy, and what waits for what: a build's timeline.

Runs `build.py build` from nothing (no site, no cache) on the demo (size 36) or a synthetic site, with wall-clock
stamps around the build's stages in every thread and forked process, and prints, per size, each stage's start
and end in milliseconds from the command's launch and the processor time its thread spent in it (with `--jobs 1`
beside the default, what the second processor costs, stage by stage):

    python bench/bench_timeline.py                                  # the demo, 100 and 1,000 claim pages
    python bench/bench_timeline.py --sizes 100 --rounds 3 --code /work/main   # another checkout, best of 3
    python bench/bench_timeline.py --sizes 36 --tsv /tmp/demo.tsv   # also every stamp, one call a line

The stamps come from wrappers put around the functions named in `STAGES` as their modules are imported (an
import hook in the measured process; nothing of the code is changed), each call written with one unbuffered
write: its process, thread, start and end (`time.perf_counter`, the system's monotonic clock, which every
process shares) and the thread's processor time. They cost about 1 % of the build. A function the code no longer
has is left out of the table, so another checkout's timeline still prints. Of `--rounds` builds, the one with the
shortest wall time is shown: on a shared machine it is the one least disturbed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import CLAIMS_PER_ARTICLE, DEMO_SIZE, REPOSITORY, write_demo
from synthetic import write_project

# (row label, the function stamped: module, then its name in the module). Rows without a call are left out.
STAGES = (
    ("imports (factsite, MkDocs, Material)", "import", "factsite.adapters.mkdocs.commands"),
    ("Harper's dictionary, loaded ahead", "factsite.build.ahead", "start"),
    ("MkDocs' configuration", "factsite.adapters.mkdocs.commands", "load_site_config"),
    ("Material's theme files listed", "mkdocs.structure.files", "Files.add_files_from_theme"),
    ("check", "factsite.build.site", "SiteBuild.check"),
    ("  a lint asks for the dictionary (first call)", "factsite.lint.engine", "linter_for"),
    (
        "  the next articles checked but for the lint, while the dictionary loads",
        "factsite.build.incremental.check_cache",
        "CheckCache._check_ahead",
    ),
    (
        "  check in shares (the first article before the fork)",
        "factsite.build.incremental.check_cache",
        "CheckCache._check_share",
    ),
    (
        "  the cards' drawing forked, at the first article checked",
        "factsite.build.incremental.card_drawing",
        "CardStream._fork",
    ),
    ("compose (cards included where no process draws them apart)", "factsite.build.site", "SiteBuild.pages"),
    ("  cards", "factsite.render.data_files", "article_cards"),
    (
        "  compose in shares (the first article before the fork)",
        "factsite.build.incremental.page_cache",
        "PageCache._render_share",
    ),
    ('  site-wide pages assembled ("Also checked in", listings)', "factsite.render.pages", "PageRenderer.assemble"),
    ("Material's own templates (404, sitemap)", "mkdocs.commands.build", "_build_theme_template"),
    ("render the generated pages", "factsite.adapters.mkdocs.rendering", "render_pages"),
    ("  Material's search, its page event", "material.plugins.search.plugin", "SearchPlugin.on_page_context"),
    ("  render in a forked process", "factsite.adapters.mkdocs.rendering", "_render_all"),
    ("data files asked for (waits for the cards drawn apart)", "factsite.build.site", "SiteBuild.data_file_data"),
    ("data files written", "factsite.render.data_files", "site_file_data"),
    ("Pagefind", "factsite.adapters.mkdocs.search", "index_site"),
    ("publish", "factsite.build.write", "publish"),
)

# The measured process: `python bench_timeline.py --stamped OUT T0 build.py build ...`. It installs the hook,
# then runs build.py as `python build.py` would (its folder first on the path, so `--code` is what runs).
HOOK = r"""
import functools, importlib.abc, importlib.machinery, inspect, os, sys, threading, time

OUT, T0, STAGES = sys.argv[1], float(sys.argv[2]), STAGES_GIVEN
FD = os.open(OUT, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)


def emit(name, start, end, cpu):
    os.write(FD, (f"{os.getpid()}\t{threading.current_thread().name}\t{name}\t{(start - T0) * 1000:.1f}\t"
                  f"{(end - T0) * 1000:.1f}\t{cpu * 1000:.1f}\n").encode())


def stamped(name, function):
    if inspect.isgeneratorfunction(function):
        @functools.wraps(function)
        def generator(*args, **kwargs):
            start, cpu = time.perf_counter(), time.thread_time()
            yield from function(*args, **kwargs)
            emit(name, start, time.perf_counter(), time.thread_time() - cpu)
        return generator

    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            emit(name, start, time.perf_counter(), time.thread_time() - cpu)
    return wrapped


def patch(module):
    for _, owner_name, path in STAGES:
        if owner_name != module.__name__:
            continue
        owner = module
        *parents, last = path.split(".")
        try:
            for parent in parents:
                owner = getattr(owner, parent)
            function = getattr(owner, last)
        except AttributeError:
            continue  # another checkout's code: its row stays empty
        name = f"{owner_name}:{path}"
        if owner_name == "factsite.build.ahead" and last == "start":
            # The work started ahead is stamped in its thread, not the call that starts it.
            setattr(owner, last, lambda work, start=function, name=name: start(stamped(name, work)))
        else:
            setattr(owner, last, stamped(name, function))


MODULES = {module for _, module, _ in STAGES} | {path for module, path in
           ((module, path) for _, module, path in STAGES) if module == "import"}


class Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname not in MODULES:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module

        def exec_module(module):
            start, cpu = time.perf_counter(), time.thread_time()
            run(module)
            emit(f"import:{fullname}", start, time.perf_counter(), time.thread_time() - cpu)
            patch(module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, Hook())
target, sys.argv = sys.argv[3], sys.argv[3:]
sys.path.insert(0, os.path.dirname(os.path.abspath(target)))
import runpy
status = 0
try:
    runpy.run_path(target, run_name="__main__")
except SystemExit as exit:
    status = exit.code
emit("command", T0, time.perf_counter(), 0.0)
sys.exit(status)
"""


Row = tuple[int, str, str, float, float, float]  # process, thread, function, start and end (ms), processor ms


def stamped_build(config: Path, code: Path, jobs: list[str]) -> tuple[list[Row], float]:
    """One build from nothing of the site at `config` with `code`'s build.py: its stamps, and its processor time
    (the command's and its children's, in seconds)."""
    for folder in ("site", ".factsite-cache"):
        shutil.rmtree(config.parent / folder, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules, as on an editor's machine
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "stamps.tsv"
        hook = HOOK.replace("STAGES_GIVEN", repr(STAGES))
        before = os.times()
        started = time.perf_counter()
        command = [sys.executable, "-c", hook, str(out), repr(started), str(code / "build.py"), "build",
                   "-f", str(config), *jobs]  # fmt: skip
        finished = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
        after = os.times()
        if finished.returncode != 0:
            raise RuntimeError(f"the build failed:\n{finished.stderr[-3000:]}")
        rows = []
        for line in out.read_text().splitlines():
            pid, thread, name, start, end, cpu = line.split("\t")
            rows.append((int(pid), thread, name, float(start), float(end), float(cpu)))
    processor = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return rows, processor


def table(rows: list[Row]) -> list[tuple[str, str, str, str]]:
    """(stage, where, "start-end ms", processor ms) rows: where is the main thread, a thread, or the nth forked
    process; the processor time is the thread's, summed over the calls (a function called inside another one
    counts in both rows)."""
    command_pid = next(pid for pid, _, name, *_ in rows if name == "command")
    children = {pid: index for index, pid in enumerate(dict.fromkeys(pid for pid, *_ in rows if pid != command_pid), 1)}
    lines = []
    for label, module, path in STAGES:
        name = f"import:{path}" if module == "import" else f"{module}:{path}"
        calls = [row for row in rows if row[2] == name]
        if path == "linter_for":
            calls = sorted(calls, key=lambda row: row[3])[:1]
        by_place: dict[str, list[tuple[float, float, float]]] = {}
        for pid, thread, _, start, end, cpu in calls:
            place = f"child {children[pid]}" if pid in children else ("main" if thread == "MainThread" else thread)
            by_place.setdefault(place, []).append((start, end, cpu))
        for place, spans in by_place.items():
            span = f"{min(s for s, _, _ in spans):.0f}-{max(e for _, e, _ in spans):.0f}"
            lines.append((label, place, span, f"{sum(cpu for *_, cpu in spans):.0f}"))
    end = next(end for _, _, name, _, end, _ in rows if name == "command")
    lines.append(("the command ends", "main", f"{end:.0f}", ""))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[DEMO_SIZE, 100, 1000])
    parser.add_argument("--rounds", type=int, default=1, help="builds per size; the quickest is shown")
    parser.add_argument("--code", type=Path, default=REPOSITORY, help="the checkout whose build.py runs")
    parser.add_argument("--jobs", type=int, help="processes for factsite (default: one per processor)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/factsite-timeline"))
    parser.add_argument("--tsv", type=Path, help="also write the quickest build's stamps here (of the last size)")
    args = parser.parse_args()
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    for size in args.sizes:
        project = args.workdir / f"size-{size}"
        if size == DEMO_SIZE:
            config = write_demo(project)
        else:
            shutil.rmtree(project, ignore_errors=True)
            config = write_project(project, articles=max(1, size // CLAIMS_PER_ARTICLE),
                                   claims_per_article=CLAIMS_PER_ARTICLE)  # fmt: skip
        stamped_build(config, args.code, jobs)  # compiles the checkout's modules; not shown
        builds = []
        for _ in range(args.rounds):
            load = os.getloadavg()[0]
            rows, processor = stamped_build(config, args.code, jobs)
            builds.append((max(end for *_, end, _ in rows), processor, load, rows))
        wall, processor, load, rows = min(builds, key=lambda build: build[0])
        print(f"\n{'demo' if size == DEMO_SIZE else size} claim pages: {wall / 1000:.2f} s wall, {processor:.2f} s "
              f"processor, load average {load:.2f} (the quickest of {len(builds)})")  # fmt: skip
        print("| stage | where | ms from the launch | processor ms |\n| --- | --- | ---: | ---: |")
        for label, place, span, cpu in table(rows):
            print(f"| {label} | {place} | {span} | {cpu} |")
        if args.tsv:
            args.tsv.write_text("".join("\t".join(map(str, row)) + "\n" for row in rows), "utf-8")


if __name__ == "__main__":
    main()
