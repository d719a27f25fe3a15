"""A small site's fixed cost: the imports, and whole builds from nothing of two checkouts, alternated.

    python bench/bench_fixed_cost.py --code /work/main .              # main against this checkout, demo and 100
    python bench/bench_fixed_cost.py --code /tmp/base . --sizes 36 --rounds 8 --imports 6

For each size (36: the repository's demo, copied; otherwise a synthetic site of that many claim pages), the
checkouts build it from nothing (no site, no cache) one after the other, `--rounds` times, each with its own
`build.py` (its folder comes first on the import path, so the checkout's code is what runs): the wall time and
the processor time of the command and all its children (user + system), medians and minima, with the load
average before and after. Then `python -X importtime build.py build` on the demo, `--imports` times each, also
alternated: the sum of the modules' own times (least of the runs: on a shared machine the least disturbed), the
number of modules, and factsite's share. Every command runs with Python writing its compiled modules, as on an
editor's machine (each checkout's modules are compiled first).
"""

from __future__ import annotations

import argparse
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

from bench_scale import CLAIMS_PER_ARTICLE, DEMO_SIZE, write_demo
from synthetic import write_project

IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def environment() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def build(code: Path, config: Path, importtime: bool = False) -> tuple[float, float, str]:
    """One build from nothing: (wall s, processor s of the command and its children, its standard error)."""
    for folder in ("site", ".factsite-cache"):
        shutil.rmtree(config.parent / folder, ignore_errors=True)
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), str(code / "build.py"), "build",
               "-f", str(config)]  # fmt: skip
    before, started = os.times(), time.perf_counter()
    finished = subprocess.run(command, cwd=config.parent, env=environment(), capture_output=True, text=True)
    wall, after = time.perf_counter() - started, os.times()
    if finished.returncode != 0:
        raise RuntimeError(f"{code}: the build failed:\n{finished.stderr[-3000:]}")
    processor = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, processor, finished.stderr


def import_totals(stderr: str) -> tuple[float, int, float]:
    """(sum of the modules' own import times in ms, modules, factsite's own share in ms)."""
    rows = [(int(own), name) for own, _, _, name in IMPORT_LINE.findall(stderr)]
    return (sum(own for own, _ in rows) / 1000, len(rows),
            sum(own for own, name in rows if name.split(".")[0] == "factsite") / 1000)  # fmt: skip


def site(size: int, workdir: Path) -> Path:
    if size == DEMO_SIZE:
        return write_demo(workdir / "demo")
    return write_project(workdir / f"s{size}", articles=max(1, size // CLAIMS_PER_ARTICLE),
                         claims_per_article=CLAIMS_PER_ARTICLE)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkouts", nargs="*", type=Path, default=[Path(__file__).resolve().parents[1]])
    parser.add_argument("--code", type=Path, action="append", default=[], help="another checkout, measured first")
    parser.add_argument("--sizes", type=int, nargs="*", default=[DEMO_SIZE, 100])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--imports", type=int, default=6, help="-X importtime runs of each checkout on the demo")
    args = parser.parse_args()
    checkouts = [path.resolve() for path in (*args.code, *args.checkouts)]
    for code in checkouts:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(code / "factsite")], check=True,
                       capture_output=True, env=environment())  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        for size in args.sizes:
            config = site(size, workdir)
            runs: dict[Path, list[tuple[float, float]]] = {code: [] for code in checkouts}
            load_before = os.getloadavg()[0]
            for _ in range(args.rounds):
                for code in checkouts:
                    runs[code].append(build(code, config)[:2])
            load_after = os.getloadavg()[0]
            print(f"\n{'demo' if size == DEMO_SIZE else size} claim pages, {args.rounds} builds from nothing each, "
                  f"alternated; load average {load_before:.2f} before, {load_after:.2f} after")  # fmt: skip
            print("| checkout | wall median / least (s) | processor median / least (s) |\n| --- | ---: | ---: |")
            for code, measured in runs.items():
                walls, processors = [w for w, _ in measured], [p for _, p in measured]
                print(f"| {code} | {statistics.median(walls):.3f} / {min(walls):.3f} | "
                      f"{statistics.median(processors):.3f} / {min(processors):.3f} |")  # fmt: skip
        if args.imports:
            config = site(DEMO_SIZE, workdir)
            totals: dict[Path, list[tuple[float, int, float]]] = {code: [] for code in checkouts}
            load_before = os.getloadavg()[0]
            for _ in range(args.imports):
                for code in checkouts:
                    totals[code].append(import_totals(build(code, config, importtime=True)[2]))
            print(f"\n`-X importtime` of a build of the demo, {args.imports} runs each, alternated; load average "
                  f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after")  # fmt: skip
            print("| checkout | modules' own times, least / median (ms) | modules | factsite's own, least (ms) |")
            print("| --- | ---: | ---: | ---: |")
            for code, measured in totals.items():
                own = [total for total, _, _ in measured]
                print(f"| {code} | {min(own):.0f} / {statistics.median(own):.0f} | {measured[0][1]} | "
                      f"{min(factsite for _, _, factsite in measured):.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
