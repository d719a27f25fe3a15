"""Accuracy of the automatic checks on the labelled corpus (tests/accuracy/): per check and per case class,
how many results are right, how many say honestly that they could not tell, and how many are confidently
wrong (the number that must be 0); then the lint's recall of planted copy errors and its false flags per
1,000 words.

The corpus has two parts: the tuned articles, written by the engineers who tuned the checks, and the held-out
articles (slugs starting `heldout-`), written with their labels before the checks ran on them. The per-check
table is printed for each part as well, since only the held-out part measures what a desk will see.

The held-out articles of a numbered batch (slugs `heldout-N-...`, batch 4 onwards) get a table of their own, so a
new batch's first run is read apart from the batches the checks were since fixed on. The locale table counts
the same per article locale (en_US, hi_IN, ar_EG...), so each language's figures are read apart.
Run `python bench/bench_accuracy.py` (`-v` lists every result that is not right).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.accuracy.labelled import (
    OUTCOMES,
    ClaimScore,
    check_corpus,
    load_labels,
    score_claims,
    score_lint,
    tally,
    tally_by_locale,
)

HELD_OUT = "heldout-"


def print_table(title: str, table: dict[str, Counter[str]]) -> None:
    width = max([len(title), *map(len, table)]) + 2
    print(f"{title:<{width}}{'right':>7}{'could not tell':>16}{'confidently wrong':>19}")
    for name in sorted(table):
        counts = table[name]
        print(f"{name:<{width}}" + "".join(f"{counts[o]:>{w}}" for o, w in zip(OUTCOMES, (7, 16, 19), strict=True)))
    total = [sum(c[o] for n, c in table.items() if not n.endswith(": all")) for o in OUTCOMES]
    print(f"{'all':<{width}}" + "".join(f"{n:>{w}}" for n, w in zip(total, (7, 16, 19), strict=True)) + "\n")


def part(scores: list[ClaimScore], held_out: bool) -> list[ClaimScore]:
    return [s for s in scores if s.article.startswith(HELD_OUT) == held_out]


def batches(scores: list[ClaimScore]) -> dict[int, list[ClaimScore]]:
    """The numbered held-out batches (`heldout-N-slug`), by number."""
    found: dict[int, list[ClaimScore]] = {}
    for score in scores:
        numbered = re.match(rf"{HELD_OUT}(\d+)-", score.article)
        if numbered:
            found.setdefault(int(numbered.group(1)), []).append(score)
    return dict(sorted(found.items()))


def main(verbose: bool) -> None:
    labels = load_labels()
    project = check_corpus()
    for problem in project.errors:
        print(problem)
    scores = score_claims(project, labels)
    locales = sorted({a.article.locale for a in project.articles})
    print(f"{len(project.articles)} articles ({', '.join(locales)}), {len(scores)} labelled claims\n")
    for table, title in (
        (tally(scores, "check"), "check"),
        (tally(scores, "case"), "check: case class"),
        (tally_by_locale(scores, project), "locale: check"),
    ):
        print_table(title, table)
    for held_out, name in ((False, "tuned articles"), (True, "held-out articles")):
        chosen = part(scores, held_out)
        articles = len({s.article for s in chosen})
        print_table(f"check ({name}: {articles}, {len(chosen)} claims)", tally(chosen, "check"))
    for number, chosen in batches(scores).items():
        articles = len({s.article for s in chosen})
        print_table(f"check (held-out batch {number}: {articles}, {len(chosen)} claims)", tally(chosen, "check"))
    lint = score_lint(project, labels)
    print(
        f"lint: {lint.caught} of {lint.planted} planted copy errors caught (recall {lint.recall:.2f}); "
        f"{len(lint.false_flags)} false flags in {lint.words} words ({lint.false_per_thousand_words:.2f} per 1,000)"
    )
    if verbose:
        for item in scores:
            if item.outcome != "right":
                print(item.describe())
        for line in lint.missed:
            print(f"lint missed {line}")
        for line in lint.false_flags:
            print(f"lint false flag {line}")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
