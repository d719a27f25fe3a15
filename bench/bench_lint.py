"""Precision and recall of `suggest` per finding kind on the labelled corpus, and lint speed.

Run `python bench/bench_lint.py` (add `-v` to list every miss and false alarm). The corpus is
`tests/lint/corpus/`: articles with planted errors in US, UK, Australian and Indian English, and
clean text that must not fire. Speed is measured on 5,000-word texts of new prose (synthetic.py's
sentences), each read once: Harper answers a sentence it has read before from a cache.
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic import TOWNS, prose_sentence
from timing import best_time

from factsite.lint import COPY_ERROR_KINDS, FINDING_KINDS, lint_text, suggest_candidates
from tests.lint.labelled import Score, load_corpus, score

WORDS_FOR_SPEED = 5000
REPEATS = 5


def main(verbose: bool) -> None:
    total = Score()
    words = 0
    for article in load_corpus():
        found = suggest_candidates(article.text, locale=article.locale, published=article.published)
        result = score(found, article.expected)
        total.add(result)
        words += len(re.findall(r"\w+", article.text))
        if verbose:
            _print_mistakes(article.name, result)
    _print_table(total)
    _print_copy_errors(total, words)
    _print_speed()


def _print_copy_errors(total: Score, words: int) -> None:
    """The figures of the issue's target: recall of planted copy errors, false flags per 1,000 words."""
    caught = sum(count for kind, count in total.true_positives.items() if kind in COPY_ERROR_KINDS)
    missed = sum(1 for wanted in total.false_negatives if wanted["kind"] in COPY_ERROR_KINDS)
    false = sum(1 for finding in total.false_positives if finding.is_copy_error)
    recall = caught / (caught + missed) if caught + missed else 1.0
    print(
        f"copy errors: {caught} of {caught + missed} caught (recall {recall:.2f}); "
        f"{false} false flags in {words} words ({1000 * false / words if words else 0:.2f} per 1,000)"
    )


def _print_table(total: Score) -> None:
    print(f"{'kind':<16}{'found':>6}{'missed':>8}{'false':>7}{'precision':>11}{'recall':>8}")
    for kind in sorted(FINDING_KINDS):
        hits = total.true_positives[kind]
        false = sum(1 for finding in total.false_positives if finding.kind == kind)
        missed = sum(1 for wanted in total.false_negatives if wanted["kind"] == kind)
        precision = hits / (hits + false) if hits + false else 1.0
        recall = hits / (hits + missed) if hits + missed else 1.0
        print(f"{kind:<16}{hits:>6}{missed:>8}{false:>7}{precision:>11.2f}{recall:>8.2f}")
    details = len(total.wrong_details)
    print(f"\nmatched findings with a wrong suggestion, value or speaker: {details}")


def _print_mistakes(name: str, result: Score) -> None:
    for wanted in result.false_negatives:
        print(f"{name}: missed {wanted['kind']} {wanted['text']!r}")
    for finding in result.false_positives:
        print(f"{name}: false {finding.kind} {finding.text!r} ({finding.confidence})")
    for kind, field, expected, found in result.wrong_details:
        print(f"{name}: {kind} {field} expected {expected!r}, found {found!r}")


def _print_speed() -> None:
    # Harper keeps what it has read sentence by sentence: linting the same text again costs a tenth
    # of the first time. Each timing reads a text no earlier call has seen, as a build does.
    lint_text("Loading the dictionaries.")  # once per process
    timings = []
    for seed in range(REPEATS):
        article = fresh_text(seed, WORDS_FOR_SPEED)
        started = time.perf_counter()
        lint_text(article)
        timings.append(time.perf_counter() - started)
    again = best_time(lambda: lint_text(article), REPEATS)
    suggest_started = time.perf_counter()
    suggest_candidates(fresh_text(REPEATS, WORDS_FOR_SPEED))
    suggest_time = time.perf_counter() - suggest_started
    print(
        f"\n{WORDS_FOR_SPEED} words of new text: lint_text {statistics.median(timings) * 1000:.0f} ms "
        f"(median of {REPEATS} texts; the same text again {again * 1000:.0f} ms), "
        f"suggest {suggest_time * 1000:.0f} ms"
    )


def fresh_text(seed: int, words: int) -> str:
    """News prose whose sentences (about 100,000 possible) barely repeat: synthetic.py's reporting."""
    rng = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(prose_sentence(rng, rng.choice(TOWNS)) for _ in range(5))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:])
