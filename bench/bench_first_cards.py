"""What a process's first cards cost: the demo's cards drawn in a fresh process, and where their time goes.

    python bench/bench_first_cards.py                     # this checkout
    python bench/bench_first_cards.py --code /work/main   # another checkout (e.g. before a change)

A small build draws its cards in a forked process that has drawn none before, so it pays whatever a process pays
once: fontTools' import and the typefaces' character maps, factsite's catalogs of the articles' languages, each
frame (verdict, label, site), the kicker's rows of each claim number, each word's glyphs. This runs, in a fresh
process whose import path starts at `--code`, what a build's process has done before it forks the drawing (the
demo checked, without the lint), then `article_cards` over the demo's articles, with wall-clock timers around the
cards module's functions: each function's own time (its callees' taken out) and its calls. `--languages`: the
articles' catalogs compiled before the cards (as the build's process does before it forks, since this round).
Of `--rounds` fresh processes, each row shows the least.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]

# The functions timed: (module, name); a function a checkout lacks is left out.
TIMED = [("factsite.render.cards", name) for name in (
    "_characters", "face_for", "_font", "frame", "_palette", "_head", "_with_kicker", "_cover", "_paint", "_sentence",
    "_fit", "_advance", "_word", "_sentence_cover", "_piece", "_blank", "_scanlines", "_stream", "_png", "card_png",
)] + [("factsite.render.messages", "translations"), ("factsite.render.data_files", "article_cards"),
     ("factsite.render.data_files", "card_png")]  # fmt: skip

CHILD = r"""
import collections, functools, importlib, json, os, sys, time
code, languages, timed = sys.argv[1], sys.argv[2] == "1", json.loads(sys.argv[3])
sys.path.insert(0, code)
os.chdir(code)
from dataclasses import replace
from factsite.build.pipeline import check_project
from factsite.load.site_config import read_settings
from factsite.render import data_files, messages

settings, _ = read_settings("mkdocs.yml")
project = check_project(replace(settings, lint=False))
if languages:
    for checked in project.articles:
        messages.translations(checked.article.locale)
own, calls, stack = collections.Counter(), collections.Counter(), []


def timer(name, function):
    @functools.wraps(function)
    def timed_call(*args, **kwargs):
        stack.append(0.0)
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent = time.perf_counter() - start
            inner = stack.pop()
            own[name] += spent - inner
            calls[name] += 1
            if stack:
                stack[-1] += spent
    return timed_call


for module_name, name in timed:
    module = importlib.import_module(module_name)
    if hasattr(module, name):
        setattr(module, name, timer(name, getattr(module, name)))
# Calls within a module go through its globals: the cards module's own calls are timed too. fontTools is imported
# where the first character map is read: here first, to time it apart.
start, cpu = time.perf_counter(), time.process_time()
import fontTools.ttLib
own["(fontTools imported)"], calls["(fontTools imported)"] = time.perf_counter() - start, 1
cards = 0
for checked in project.articles:
    cards += len(data_files.article_cards(checked, settings))
total, processor = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({"cards": cards, "total": total, "processor": processor,
                  "own": dict(own), "calls": dict(calls)}))
"""


def run(code: Path, languages: bool) -> dict:  # type: ignore[type-arg]
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-c", CHILD, str(code), "1" if languages else "0", json.dumps(TIMED)]
    output = subprocess.run(command, env=environment, check=True, capture_output=True, text=True).stdout
    return json.loads(output.splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", type=Path, default=REPOSITORY, help="the checkout whose cards are drawn")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--languages", action="store_true", help="the catalogs compiled before the cards")
    args = parser.parse_args()
    runs = [run(args.code, args.languages) for _ in range(args.rounds)]
    load = os.getloadavg()[0]
    wall, processor = min(r["total"] for r in runs) * 1000, min(r["processor"] for r in runs) * 1000
    print(f"{runs[0]['cards']} cards, {args.code}: all of them {wall:.0f} ms wall, {processor:.0f} ms processor "
          f"(least of {args.rounds}), load {load:.2f}")  # fmt: skip
    names = sorted(runs[0]["own"], key=lambda name: -min(r["own"].get(name, 0) for r in runs))
    print("| function | own time (ms) | calls |\n| --- | ---: | ---: |")
    for name in names:
        print(f"| `{name}` | {min(r['own'].get(name, 0) for r in runs) * 1000:.1f} | {runs[0]['calls'][name]} |")


if __name__ == "__main__":
    main()
