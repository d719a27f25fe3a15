"""factsite at scale against plain Material: full and incremental builds, checks, memory, search.

For each size (claim pages; 20 claims per article) this writes a synthetic site (`synthetic.py`; size 36
is the repository's demo itself) and a plain Material site with the same number of comparable pages,
then measures in one run:

- our full build from nothing (no cache, no previous site), and plain Material's `mkdocs build`;
- our full build with the check cache warm but no page cache and no previous site;
- `build` again after editing one article (the previous site and the caches are reused);
- the live preview (`serve`): the time to bring the preview up to date after editing one
  article's YAML, its Markdown, or a verdict (in one process, as `serve` runs);
- `check` (validate and check, write nothing) in claims per second, from an empty cache and warm;
- peak memory: the largest resident set of the build process, and of its child processes
  (forked render workers, Pagefind), which run while it waits;
- whether the incremental build's output is byte-identical to a build from nothing;
- in Chromium, the bytes a reader's search transfers (four queries), and whether the first
  result is a claim page.

    python bench/bench_scale.py                        # the demo (size 36), 100, 1,000 and 25,000 claim pages
    python bench/bench_scale.py --sizes 36 100 1000 --workdir /tmp/fs-bench --no-browser
    python bench/bench_scale.py --sizes --huge --rounds 1 --no-browser   # 100,000 claim pages, on its own
    python bench/bench_scale.py --sizes 1000 10000 25000 --huge --rounds 1 --full-only   # the scale curve

Commands run as separate processes, so each time includes starting Python. Figures go to stdout
and to WORKDIR/results.json. Every build uses `--jobs` processes (default: one per processor).
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_plain_project, write_project

REPOSITORY = Path(__file__).resolve().parents[1]
BUILD = [sys.executable, str(REPOSITORY / "build.py")]
CLAIMS_PER_ARTICLE = 20
# Size 36 is the repository's demo itself, not a synthetic site (36 pages when it had one article; its claims are
# counted from its files).
DEMO_SIZE = 36
# The 100,000-claim run is asked for on its own (`--size 100000`): it must stay within this memory.
MEMORY_BUDGET_MB = 8 * 1024
# Runs a Python script or module in a fresh interpreter and prints its wall time, its own peak
# resident memory and the largest of its child processes' (render workers, Pagefind).
MEASURE = """
import json, os, resource, runpy, sys, time
target, sys.argv = sys.argv[1], sys.argv[1:]
if target != "-m":  # as `python build.py` has it: the script's checkout first, not an installed one
    sys.path.insert(0, os.path.dirname(os.path.abspath(target)))
started, status = time.perf_counter(), 0
try:
    if target == "-m":
        sys.argv = sys.argv[1:]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        runpy.run_path(target, run_name="__main__")
except SystemExit as exit:
    status = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
seconds = time.perf_counter() - started
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
cpu = sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
          for field in ("ru_utime", "ru_stime"))
print(json.dumps({"seconds": seconds, "cpu_s": cpu, "peak_mb": own, "children_peak_mb": children,
                  "status": status}))
"""


def measure(command: list[str], cwd: Path) -> dict[str, object]:
    """Run `[python, script-or--m, args...]`; returns its figures, raises if it failed.

    While it runs, this process samples the memory of the command and all its descendants every 0.1 s
    (from outside, so the command's own timing is not disturbed): `tree_peak_mb`.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # Python writes compiled modules, as on an editor's machine (Material's came compiled with its wheel).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen([sys.executable, "-c", MEASURE, *command[1:]], cwd=cwd, env=env,
                                   stdout=out, stderr=err, text=True)  # fmt: skip
        tree_peak = 0.0
        while process.poll() is None:
            tree_peak = max(tree_peak, tree_mb(process.pid))
            time.sleep(0.1)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    lines = stdout.strip().splitlines()
    result = json.loads(lines[-1]) if lines else {"status": process.returncode}
    if result["status"] != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    result["tree_peak_mb"] = tree_peak
    # `build` says when its pages were in place; Pagefind's new index may follow them.
    published = re.search(r"pages in place after ([0-9.]+) s", stderr)
    if published:
        result["published_s"] = float(published.group(1))
    return result


def tree_mb(root: int) -> float:
    """Proportional set size (pages shared between processes split between them) of `root` and all its
    descendants, from /proc: what they hold in memory together at this moment. 0 where /proc has no
    `smaps_rollup`."""
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as stat:
                    parents[int(name)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grown = bool(more)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                total += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except (OSError, StopIteration):
            continue
    return total / 1024


def tree_digest(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def edit_article(project: Path, marker: str) -> Path:
    """Change the note of one claim in the middle article's YAML, as an editor would."""
    citations = sorted((project / "content" / "articles").glob("*.yaml"))
    path = citations[len(citations) // 2]
    text = path.read_text("utf-8")
    # The first note written on its line (not a quoted or block value, which the marker would break).
    path.write_text(re.sub(r"(?m)^(    note: )(?![|>\"'])", rf"\g<1>{marker} ", text, count=1), "utf-8")
    return path


def write_demo(root: Path) -> Path:
    """The repository's own demo site (one article, 31 claims, 36 pages), copied: the size of a small desk."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    for folder in ("content", "templates"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    shutil.copy2(REPOSITORY / "mkdocs.yml", root / "mkdocs.yml")
    return root / "mkdocs.yml"


def demo_claims(citations: Path) -> int:
    import yaml

    return len(yaml.safe_load(citations.read_text("utf-8")).get("claims") or {})


def bench_size(size: int, workdir: Path, jobs: list[str], browser: bool, rounds: int = 1,
               full_only: bool = False) -> dict[str, object]:  # fmt: skip
    ours, plain = workdir / f"factsite-{size}", workdir / f"plain-{size}"
    if size == DEMO_SIZE:
        config = write_demo(ours)
        citations = sorted((ours / "content" / "articles").glob("*.yaml"))
        articles, claim_pages = len(citations), sum(demo_claims(path) for path in citations)
    else:
        articles, claim_pages = max(1, size // CLAIMS_PER_ARTICLE), size
        config = write_project(ours, articles=articles, claims_per_article=CLAIMS_PER_ARTICLE)
    build = [*BUILD, "build", "-f", str(config), *jobs]
    result: dict[str, object] = {"size": size, "claim_pages": claim_pages, "articles": articles,
                                 "load_before": os.getloadavg()[0]}  # fmt: skip

    # factsite from nothing and plain Material, alternately, `rounds` times: on a shared machine one
    # pair can differ by a tenth; the medians and the median of the rounds' ratios are reported.
    colds, materials = [], []
    plain_config = None
    for round_number in range(rounds):
        if round_number:
            shutil.rmtree(ours / ".factsite-cache")
            shutil.rmtree(ours / "site")
        colds.append(measure(build, ours))
        if plain_config is None:
            pages = count_pages(ours / "site")
            plain_config = write_plain_project(plain, pages=pages)
        materials.append(measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain_config)], plain))
    cold = max(colds, key=lambda run: float(run["tree_peak_mb"]))  # memory: the largest of the rounds
    result.update(cold_rounds=" ".join(f"{float(run['seconds']):.2f}" for run in colds),
                  material_rounds=" ".join(f"{float(run['seconds']):.2f}" for run in materials),
                  cold_cpu_s=statistics.median(float(run["cpu_s"]) for run in colds),
                  material_cpu_s=statistics.median(float(run["cpu_s"]) for run in materials))  # fmt: skip
    cold_s = statistics.median(float(run["seconds"]) for run in colds)
    material_s = statistics.median(float(run["seconds"]) for run in materials)
    ratios = [float(c["seconds"]) / float(m["seconds"]) for c, m in zip(colds, materials, strict=True)]
    result.update(pages=pages, full_cold_s=cold_s, full_cold_peak_mb=max(float(r["peak_mb"]) for r in colds),
                  full_cold_children_peak_mb=max(float(r["children_peak_mb"]) for r in colds),
                  full_cold_tree_peak_mb=cold["tree_peak_mb"], ratio_median=statistics.median(ratios),
                  ratios=" ".join(f"{ratio:.2f}" for ratio in ratios))  # fmt: skip
    result.update(material_s=material_s, material_peak_mb=max(float(r["peak_mb"]) for r in materials),
                  material_tree_peak_mb=max(float(r["tree_peak_mb"]) for r in materials))  # fmt: skip
    if full_only:  # the scale curve: builds from nothing only
        result["load_after"] = os.getloadavg()[0]
        return result

    cache = ours / ".factsite-cache"
    for folder in ("pages", "sites"):
        shutil.rmtree(cache / folder, ignore_errors=True)
    shutil.rmtree(ours / "site")
    warm = measure(build, ours)
    result.update(full_checked_s=warm["seconds"], full_checked_peak_mb=warm["peak_mb"],
                  full_checked_children_peak_mb=warm["children_peak_mb"])  # fmt: skip

    edit_article(ours, "Edited for the benchmark.")
    incremental = measure(build, ours)
    result.update(incremental_build_s=incremental["seconds"],
                  incremental_published_s=incremental.get("published_s", incremental["seconds"]))  # fmt: skip
    shutil.rmtree(cache / "pages", ignore_errors=True)
    fresh = workdir / f"fresh-{claim_pages}"
    measure([*BUILD, "build", "-f", str(config), "-d", str(fresh), *jobs], ours)
    result["identical"] = tree_digest(ours / "site") == tree_digest(fresh)
    shutil.rmtree(fresh)

    shutil.rmtree(cache)  # the check results and the lint's findings
    check = [*BUILD, "check", "-f", str(config), *jobs]
    check_cold = measure(check, ours)
    check_warm = measure(check, ours)
    shutil.rmtree(cache / "articles")  # the check results alone: each article checked again, not linted again
    check_linted = measure(check, ours)
    result.update(check_cold_claims_per_s=claim_pages / float(check_cold["seconds"]),
                  check_warm_claims_per_s=claim_pages / float(check_warm["seconds"]),
                  check_linted_claims_per_s=claim_pages / float(check_linted["seconds"]))  # fmt: skip

    preview = subprocess.run([sys.executable, __file__, "--preview", str(config)], check=True,
                             capture_output=True, text=True)  # fmt: skip
    result.update(json.loads(preview.stdout.strip().splitlines()[-1]))
    # The four queries are the synthetic archive's words; the demo holds none of them, and Material's search
    # shows no result to wait for.
    if browser and size != DEMO_SIZE:
        from search_transfer import measure_search

        result.update(measure_search(ours / "site"))
    result["load_after"] = os.getloadavg()[0]
    return result


def count_pages(site: Path) -> int:
    """Generated pages, the search page (which has no counterpart in plain Material) aside."""
    pages = sum(1 for _ in site.rglob("index.html"))
    return pages - (1 if (site / "search" / "index.html").exists() else 0)


def bench_preview(config: Path) -> dict[str, object]:
    """Times of the live preview, in this process: its first build, then three edits."""
    from factsite.adapters.mkdocs.preview import Preview

    project = config.parent
    site = project / "preview-site"
    shutil.rmtree(site, ignore_errors=True)
    preview = Preview(str(config), site)
    first = preview.build()
    times, modes = [], set()
    for number in range(3):
        changed = edit_article(project, f"Preview edit {number}.")
        outcome = preview.build({changed})
        assert outcome.ok, outcome.problems[:3]
        times.append(outcome.seconds)
        modes.add(outcome.mode)
    markdown = sorted((project / "content" / "articles").glob("*.md"))[0]
    markdown.write_text(markdown.read_text("utf-8").replace("Critics warned", "Critics said", 1))
    times.append(preview.build({markdown}).seconds)
    preview.wait()
    shutil.rmtree(site, ignore_errors=True)
    return {
        "preview_first_build_s": first.seconds,
        "preview_edit_median_s": statistics.median(times),
        "preview_edit_max_s": max(times),
        # "content": only the edit's pages rebuilt; "full": a whole MkDocs build reusing pages
        # (sites on Material's search, whose single index needs every page).
        "preview_mode": "/".join(sorted(modes)),
    }


def report(results: list[dict[str, object]]) -> str:
    rows = [
        ("claim pages", "claim_pages", "{:,}"),
        ("pages in the site", "pages", "{:,}"),
        ("factsite full build, from nothing (s), median of the rounds", "full_cold_s", "{:.2f}"),
        ("plain Material, same page count (s), median of the rounds", "material_s", "{:.2f}"),
        ("ratio, from nothing: median of the rounds' ratios", "ratio_median", "{:.2f}"),
        ("ratio, from nothing: each round", "ratios", "{}"),
        ("factsite, each round (s)", "cold_rounds", "{}"),
        ("plain Material, each round (s)", "material_rounds", "{}"),
        ("processor time, from nothing: factsite / Material (s), medians", "cpu_pair", "{}"),
        ("factsite from nothing, ms per page", "ms_per_page", "{:.2f}"),
        ("factsite from nothing, processor ms per claim page", "cpu_ms_per_claim_page", "{:.2f}"),
        ("factsite full build, checks cached (s)", "full_checked_s", "{:.1f}"),
        ("ratio, checks cached", "ratio_checked", "{:.2f}"),
        ("build after a one-article edit (s)", "incremental_build_s", "{:.2f}"),
        ("  of which until the new pages were in place (s)", "incremental_published_s", "{:.2f}"),
        ("serve: preview up to date after an edit, median (s)", "preview_edit_median_s", "{:.2f}"),
        ("serve: slowest of four edits (s)", "preview_edit_max_s", "{:.2f}"),
        ("serve: how the preview rebuilt", "preview_mode", "{}"),
        ("check from an empty cache (claims/s)", "check_cold_claims_per_s", "{:,.0f}"),
        ("check with the cache warm (claims/s)", "check_warm_claims_per_s", "{:,.0f}"),
        ("check, results dropped, the lint's findings kept (claims/s)", "check_linted_claims_per_s", "{:,.0f}"),
        ("peak memory, all of factsite's build processes at once (MB)", "full_cold_tree_peak_mb", "{:,.0f}"),
        ("peak memory, the build command's process (MB)", "full_cold_peak_mb", "{:,.0f}"),
        (
            "peak memory, its largest child: MkDocs build, workers, Pagefind (MB)",
            "full_cold_children_peak_mb",
            "{:,.0f}",
        ),
        ("peak memory, plain Material (MB)", "material_peak_mb", "{:,.0f}"),
        ("within the memory budget of 8 GB", "within_budget", "{}"),
        ("incremental output identical to full", "identical", "{}"),
        ("machine load average, before / after", "load", "{}"),
        ("search engine", "search", "{}"),
        ("search: KB one search transfers, gzip host, median of 4", "search_kb", "{:,.0f}"),
        ("search: the same, largest of the 4 queries", "search_max_kb", "{:,.0f}"),
        ("search: the same from a host without compression", "search_raw_kb", "{:,.0f}"),
        ("search: loading the page searched from (KB, gzip)", "page_kb", "{:,.0f}"),
        ("search: every first result is, or lists, a claim page", "claim_result", "{}"),
    ]
    for result in results:
        result["load"] = f"{result['load_before']:.1f} / {result['load_after']:.1f}"
        if "full_checked_s" in result:
            result["ratio_checked"] = float(result["full_checked_s"]) / float(result["material_s"])
        result["ms_per_page"] = 1000 * float(result["full_cold_s"]) / float(result["pages"])
        result["within_budget"] = float(result["full_cold_tree_peak_mb"]) <= MEMORY_BUDGET_MB
        if "cold_cpu_s" in result:
            result["cpu_pair"] = f"{float(result['cold_cpu_s']):.2f} / {float(result['material_cpu_s']):.2f}"
            result["cpu_ms_per_claim_page"] = 1000 * float(result["cold_cpu_s"]) / float(result["claim_pages"])
    lines = []
    for label, key, pattern in rows:
        cells = [pattern.format(r[key]) if key in r else "-" for r in results]
        if any(cell != "-" for cell in cells):  # rows no size measured (--full-only, --no-browser) are left out
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    header = "| | " + " | ".join("demo" if r.get("size") == DEMO_SIZE else f"{r['claim_pages']:,}"
                                 for r in results) + " |"  # fmt: skip
    return "\n".join([header, "| --- |" + " ---: |" * len(results), *lines])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[DEMO_SIZE, 100, 1000, 25000],
                        help="claim pages; 36 is the repository's demo")  # fmt: skip
    parser.add_argument("--size", type=int, action="append", dest="extra_sizes", default=[],
                        help="one more size, run after --sizes (e.g. --size 100000: about an hour, "
                        "within 8 GB); alone with --sizes given nothing: `--sizes --size 100000`")  # fmt: skip
    parser.add_argument("--huge", action="append_const", const=100_000, dest="extra_sizes",
                        help="add 100,000 claim pages (the same as --size 100000)")  # fmt: skip
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/factsite-bench"))
    parser.add_argument("--jobs", type=int, help="processes for factsite (default: one per CPU)")
    parser.add_argument("--no-browser", action="store_true", help="skip the search measurement")
    parser.add_argument("--rounds", type=int, default=3,
                        help="full builds of factsite and Material, alternately (medians reported)")  # fmt: skip
    parser.add_argument("--full-only", action="store_true",
                        help="only the builds from nothing, factsite's and Material's, with their memory: "
                        "the curve of time and memory per page across sizes")  # fmt: skip
    parser.add_argument("--preview", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.preview:
        print(json.dumps(bench_preview(args.preview)))
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    # factsite's modules compiled to bytecode first, as MkDocs' and Material's are (pip compiles what it installs):
    # in a fresh checkout the first build measured would otherwise compile them, 0.13 s of its time.
    compileall.compile_dir(REPOSITORY / "factsite", quiet=1)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    results = []
    for size in [*args.sizes, *args.extra_sizes]:
        started = time.perf_counter()
        browser = not args.no_browser and not args.full_only
        results.append(bench_size(size, args.workdir, jobs, browser, max(1, args.rounds), args.full_only))
        print(f"{size:,} claim pages measured in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        (args.workdir / "results.json").write_text(json.dumps(results, indent=1), "utf-8")
    print(report(results))


if __name__ == "__main__":
    main()
