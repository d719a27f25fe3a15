"""Accuracy of the automatic checks on the labelled corpus (tests/accuracy/): per check and per case class,
how many results are right, how many say honestly that they could not tell, and how many are confidently
wrong (the number that must be 0); then the lint's recall of planted copy errors and its false flags per
1,000 words.

The last table counts the same per article locale (en_US, hi_IN, ar_EG...), so each language's figures are
read apart. Run `python bench/bench_accuracy.py` (`-v` lists every result that is not right).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.accuracy.labelled import (
    OUTCOMES,
    check_corpus,
    load_labels,
    score_claims,
    score_lint,
    tally,
    tally_by_locale,
)


def main(verbose: bool) -> None:
    labels = load_labels()
    project = check_corpus()
    for problem in project.errors:
        print(problem)
    scores = score_claims(project, labels)
    locales = sorted({a.article.locale for a in project.articles})
    print(f"{len(project.articles)} articles ({', '.join(locales)}), {len(scores)} labelled claims\n")
    tables = [(tally(scores, "check"), "check"), (tally(scores, "case"), "check: case class")]
    tables.append((tally_by_locale(scores, project), "locale: check"))
    for table, title in tables:
        width = max([len(title), *map(len, table)]) + 2
        print(f"{title:<{width}}{'right':>7}{'could not tell':>16}{'confidently wrong':>19}")
        for name in sorted(table):
            counts = table[name]
            print(f"{name:<{width}}" + "".join(f"{counts[o]:>{w}}" for o, w in zip(OUTCOMES, (7, 16, 19), strict=True)))
        total = [sum(c[o] for n, c in table.items() if not n.endswith(": all")) for o in OUTCOMES]
        print(f"{'all':<{width}}" + "".join(f"{n:>{w}}" for n, w in zip(total, (7, 16, 19), strict=True)) + "\n")
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
