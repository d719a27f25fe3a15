"""What a social card costs: processor time per card (median and 95th percentile) and bytes per card.

    python bench/bench_cards.py                        # this checkout's cards
    python bench/bench_cards.py --code /work/main      # another checkout's cards (e.g. before a change)
    python bench/bench_cards.py --save /tmp/cards-now  # and write a few of the cards for a look

The cards' texts come from this checkout: the demo's claims and articles, and a synthetic site (`synthetic.py`,
50 articles of 20 claims by default) for "Latin", whose words repeat a lot; sentences of 8 to 30 words from the
documentation of Python's library for "Latin prose", whose words repeat far less (as in the first cards of a real
archive); the demo has 9 Devanagari and 7 Arabic cards, so more sentences of those scripts are made by drawing the
demo's Hindi and Arabic words in a seeded random order (a real archive repeats its words less: a cache keyed by
word looks better here than there). The cards are drawn in a fresh process whose import path starts at `--code`:
`card_png(text, verdict, label, site, kicker)`, the function old and new code both have, one card at a time,
timed with `time.process_time` (every thread of the process). Last, in another fresh process, `article_cards`
(what a build calls) over the synthetic site's articles: processor and wall time per card, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
SCRIPTS = ("Latin", "Latin prose", "Devanagari", "Arabic")
# Modules of Python's library whose documentation gives the "Latin prose" sentences.
PROSE_MODULES = ("argparse", "asyncio", "collections", "csv", "datetime", "decimal", "email", "fractions", "json",
                 "logging", "os", "pathlib", "random", "shutil", "socket", "statistics", "string", "subprocess",
                 "tarfile", "textwrap", "threading", "typing", "unittest", "zipfile", "inspect", "functools",
                 "itertools", "difflib", "calendar", "configparser", "smtplib", "sqlite3", "tempfile", "uuid",
                 "ftplib", "imaplib", "mailbox", "optparse", "pickle", "pprint", "sched", "selectors", "ssl",
                 "timeit", "trace", "wave")  # fmt: skip


def card_inputs(root: Path, articles: int, claims: int, per_script: int) -> dict[str, list[list[str]]]:
    """(text, verdict id, label, site name, kicker) of every card of the demo and of a synthetic site."""
    sys.path.insert(0, str(REPOSITORY))
    sys.path.insert(0, str(REPOSITORY / "bench"))
    from synthetic import write_project

    from factsite.build.pipeline import check_project
    from factsite.load.site_config import read_settings

    write_project(root, articles=articles, claims_per_article=claims)
    inputs: dict[str, list[list[str]]] = {script: [] for script in SCRIPTS}
    words: dict[str, list[str]] = {"Devanagari": [], "Arabic": []}
    for config in (REPOSITORY / "mkdocs.yml", root / "mkdocs.yml"):
        settings, _ = read_settings(str(config))
        project = check_project(replace(settings, lint=False))
        for checked in project.articles:
            for card in _cards(checked, settings):
                script = _script(card[0])
                inputs[script].append(card)
                if script in words:
                    words[script] += card[0].split()
    sentences = _prose()
    for number, sentence in enumerate(sentences[: per_script * 2]):
        _, verdict, label, site, kicker = inputs["Latin"][number % len(inputs["Latin"])]
        inputs["Latin prose"].append([sentence, verdict, label, site, kicker])
    chosen = random.Random(20)
    for script, vocabulary in words.items():
        templates = list(inputs[script])
        while len(inputs[script]) < per_script:
            _, verdict, label, site, kicker = chosen.choice(templates)
            text = " ".join(chosen.choice(vocabulary) for _ in range(chosen.randint(4, 24)))
            inputs[script].append([text, verdict, label, site, kicker])
    return inputs


def _prose() -> list[str]:
    """Sentences of 8 to 30 words from the documentation of Python's library: English whose words repeat far less
    than the synthetic site's (2,600 different words in the first 12,000), as in the first cards of a real archive."""
    import importlib
    import pydoc
    import re

    sentences = []
    for name in PROSE_MODULES:
        text = " ".join(pydoc.render_doc(importlib.import_module(name), renderer=pydoc.plaintext).split())
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            plain = sentence.isascii() and not re.search(r"[|=_(){}\[\]<>\\]", sentence)
            if plain and 8 <= len(sentence.split()) <= 30 and sentence[0].isupper():
                sentences.append(sentence)
    return sentences


def _cards(checked, settings):  # type: ignore[no-untyped-def]
    """The texts `article_cards` draws for an article (its card, then one per claim)."""
    from factsite.render.messages import Messages
    from factsite.render.views import article_rating, claim_title, verdict_view

    messages = Messages(checked.article.locale)
    rating = article_rating(checked.claims, checked.article, settings).verdict
    site = settings.site_name
    yield [checked.article.title, rating.id, messages.gettext(rating.label), site, messages.gettext("Fact-check")]
    for claimed in checked.claims:
        verdict = verdict_view(claimed, settings)
        kicker = messages.gettext("Claim %(number)s", number=messages.number(claimed.mark.number))
        yield [claim_title(claimed), verdict.id, messages.gettext(verdict.label), site, kicker]


def _script(text: str) -> str:
    if any("\u0900" <= c <= "\u097f" for c in text):
        return "Devanagari"
    if any("\u0600" <= c <= "\u06ff" for c in text):
        return "Arabic"
    return "Latin"


def time_cards(inputs_file: Path, save: str) -> dict[str, object]:
    """In a fresh process: every card drawn once, after one card of each script to load the typefaces."""
    from factsite.render.cards import card_png

    inputs = json.loads(inputs_file.read_text("utf-8"))
    results: dict[str, object] = {}
    for script in SCRIPTS:
        cards = inputs[script]
        card_png(*cards[0])  # typefaces opened, character maps read
        times, sizes = [], []
        for number, card in enumerate(cards):
            start = time.process_time()
            png = card_png(*card)
            times.append(time.process_time() - start)
            sizes.append(len(png))
            if save and number < 4:
                (Path(save) / f"{script}-{number}.png").write_bytes(png)
        times.sort()
        results[script] = {
            "cards": len(cards),
            "median_ms": statistics.median(times) * 1000,
            "p95_ms": times[int(len(times) * 0.95)] * 1000,
            "bytes": statistics.mean(sizes),
        }
    return results


def _article_cards(root: Path) -> dict[str, float]:
    """`article_cards` over the synthetic site, as a build calls it (in a process of its own, so that nothing is
    kept from the cards above): processor and wall time per card, and the process's peak memory."""
    import resource

    from factsite.build.pipeline import check_project
    from factsite.load.site_config import read_settings
    from factsite.render.data_files import article_cards

    settings, _ = read_settings(str(root / "mkdocs.yml"))
    project = check_project(replace(settings, lint=False))
    article_cards(project.articles[0], settings)  # warm up
    processor, wall = time.process_time(), time.perf_counter()
    count = sum(len(article_cards(checked, settings)) for checked in project.articles)
    processor, wall = time.process_time() - processor, time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"cards": count, "processor_ms": processor / count * 1000, "wall_ms": wall / count * 1000, "peak_mb": peak}


def _fresh(arguments: list[str], code: Path) -> dict:  # type: ignore[type-arg]
    """This script's own part run in a fresh process whose import path starts at `code`: its JSON answer."""
    environment = {**os.environ, "PYTHONPATH": str(code.resolve())}
    command = [sys.executable, __file__, *arguments]
    output = subprocess.run(command, env=environment, check=True, capture_output=True, text=True, cwd=code).stdout
    return json.loads(output.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--code", type=Path, default=REPOSITORY, help="the checkout whose cards are timed")
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--per-script", type=int, default=300, help="Devanagari and Arabic cards to draw")
    parser.add_argument("--save", default="", help="a directory for a few of the cards")
    parser.add_argument("--time", type=Path, help=argparse.SUPPRESS)  # the fresh process's own part
    parser.add_argument("--synthetic", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.time:
        print(json.dumps(time_cards(options.time, options.save)))
        return
    if options.synthetic:
        print(json.dumps(_article_cards(options.synthetic)))
        return
    if options.save:
        Path(options.save).mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-cards-"))
    try:
        inputs = card_inputs(work / "site", options.articles, options.claims, options.per_script)
        (work / "inputs.json").write_text(json.dumps(inputs), "utf-8")
        results = _fresh(["--time", str(work / "inputs.json"), "--save", options.save], options.code)
        results["article_cards"] = _fresh(["--synthetic", str(work / "site")], options.code)
    finally:
        shutil.rmtree(work)
    print(f"cards of {options.code.resolve()} (load average {os.getloadavg()[0]:.1f})")
    print(f"{'texts':<12}{'cards':>7}{'median ms':>11}{'p95 ms':>9}{'bytes':>9}")
    for script in SCRIPTS:
        row = results[script]
        print(f"{script:<12}{row['cards']:>7}{row['median_ms']:>11.2f}{row['p95_ms']:>9.2f}{row['bytes']:>9.0f}")
    whole = results["article_cards"]
    print(f"article_cards over {whole['cards']} cards: {whole['processor_ms']:.2f} ms of processor time a card, "
          f"{whole['wall_ms']:.2f} ms wall; peak memory {whole['peak_mb']:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
