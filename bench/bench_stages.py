"""Where a build from nothing spends its processor time, stage by stage, and how that grows with the site.

    python bench/synthetic.py /tmp/s5000 --articles 250 --claims 20
    .venv/bin/python bench/bench_stages.py /tmp/s5000/mkdocs.yml /tmp/s10000/mkdocs.yml --jobs 1

Each project is built from nothing (its site/ and cache removed first) in a fresh process running `build.py
build`, kept from forking (a second thread, idle, stops `workers.can_fork`), so that every stage runs in that one
process: at each stage the build announces (checking, composing, rendering, writing data files, indexing for
search), and at its end, the process's processor time (user + system, its own and its finished children's:
Pagefind), wall time and peak memory are taken, and Python's garbage collector is timed (`gc.callbacks`), in
all and stage by stage. Stage lines are printed in processor ms per claim page, so a stage whose cost per page
grows with the site shows as a growing number. Run it with another checkout's interpreter (its own virtual
environment, installed editable; or this one's with PYTHONPATH set to the other checkout) for the figures
before a change.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPOSITORY = Path(__file__).resolve().parents[1]

# Run in the measured process: stage boundaries from `Progress.stage`/`finish`, collector time from its callbacks.
DRIVER = r"""
import gc, json, os, resource, sys, threading, time
from factsite.build.progress import Progress

# A second thread keeps the build from forking (`workers.can_fork`): every stage runs in this process.
threading.Thread(target=threading.Event().wait, daemon=True).start()

marks = [("loading", time.perf_counter(), os.times())]
collector = {"seconds": 0.0, "full": 0, "full_seconds": 0.0, "started": 0.0}
collector_stages = {}

def on_collect(phase, info):
    if phase == "start":
        collector["started"] = time.perf_counter()
    else:
        spent = time.perf_counter() - collector["started"]
        collector["seconds"] += spent
        collector_stages[marks[-1][0]] = collector_stages.get(marks[-1][0], 0.0) + spent
        if info["generation"] == 2:
            collector["full"] += 1
            collector["full_seconds"] += spent

gc.callbacks.append(on_collect)
if os.environ.get("BENCH_GC_THRESHOLD"):  # an experiment: the collector's first threshold (Python's default 700)
    gc.set_threshold(int(os.environ["BENCH_GC_THRESHOLD"]), *gc.get_threshold()[1:])
stage, finish = Progress.stage, Progress.finish

def on_stage(self, name, total, unit):
    marks.append((name, time.perf_counter(), os.times()))
    stage(self, name, total, unit)

def on_finish(self):
    if marks[-1][0] != "summary":
        marks.append(("summary", time.perf_counter(), os.times()))
    finish(self)

Progress.stage, Progress.finish = on_stage, on_finish
from factsite.commands.cli import main
status = main(sys.argv[1:])
marks.append(("end", time.perf_counter(), os.times()))

def cpu(times):
    return times.user + times.system + times.children_user + times.children_system

stages = {}
for (name, wall, times), (_, next_wall, next_times) in zip(marks, marks[1:]):
    cpu_s, wall_s = stages.get(name, (0.0, 0.0))
    stages[name] = (cpu_s + cpu(next_times) - cpu(times), wall_s + next_wall - wall)
print(json.dumps({"status": status, "stages": stages, "gc_s": collector["seconds"], "gc_stages": collector_stages,
                  "gc_full": collector["full"], "gc_full_s": collector["full_seconds"],
                  "cpu_s": cpu(marks[-1][2]) - cpu(marks[0][2]), "wall_s": marks[-1][1] - marks[0][1],
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def claim_count(project: Path) -> int:
    return sum(len(yaml.safe_load(path.read_text("utf-8")).get("claims") or {})
               for path in (project / "content" / "articles").glob("*.yaml"))  # fmt: skip


def build(config: Path, jobs: str, gc_threshold: int | None = None) -> dict[str, object]:
    config = config.resolve()
    project = config.parent
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(project / ".factsite-cache", ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if gc_threshold is not None:
        env["BENCH_GC_THRESHOLD"] = str(gc_threshold)
    completed = subprocess.run([sys.executable, "-c", DRIVER, "build", "-f", str(config), "-j", jobs],
                               cwd=project, env=env, capture_output=True, text=True, check=False)  # fmt: skip
    lines = completed.stdout.strip().splitlines()
    if completed.returncode != 0 or not lines:
        raise RuntimeError(f"{config} failed:\n{completed.stderr[-3000:]}")
    result: dict[str, object] = json.loads(lines[-1])
    if result["status"] != 0:
        raise RuntimeError(f"{config}: the build failed (status {result['status']}):\n{completed.stderr[-3000:]}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("configs", nargs="+", type=Path, help="the projects' mkdocs.yml")
    parser.add_argument("--jobs", default="1", help="the build's -j (default 1: one process)")
    parser.add_argument("--gc-threshold", type=int, help="an experiment: the collector's first threshold (700)")
    args = parser.parse_args()
    for config in args.configs:
        claims = claim_count(config.parent)
        load_before = os.getloadavg()[0]
        result = build(config, args.jobs, args.gc_threshold)
        stages = result["stages"]
        assert isinstance(stages, dict)
        per_page = {name: round(1000 * cpu_s / claims, 3) for name, (cpu_s, _) in stages.items()}
        print(json.dumps({"config": str(config), "claims": claims, "load": [load_before, os.getloadavg()[0]],
                          "cpu_ms_per_claim": per_page,
                          "total_cpu_ms_per_claim": round(1000 * float(result["cpu_s"]) / claims, 3),  # type: ignore[arg-type]
                          **result}), flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
