"""Throughput of the figure check: scanning prose with find_figures, parse_figure, check_figure.

Run `python bench/bench_checks_figures.py`; it generates its own news-like prose (seeded, so runs
compare) and prints characters and figures per second, best of several repeats.
"""

from __future__ import annotations

import random
from decimal import Decimal

from timing import best_time

from factsite.checks.figures import check_figure, find_figures, parse_figure
from factsite.model import Location, Source

# Phrases of news prose, with the traps a figure scanner must not fall into.
PHRASES = (
    "the ministry said", "that officials would review the proposal", "before the vote",
    "and critics warned", "on September 21", "across the region", "in 2022",
    "while the U.S. Embassy reported", "at 10:30 am", "in a statement", "the 21st brigade",
    "according to Decree No. 647", "after an F-16 crashed", "and no one knows",
    "since the 1990s", "and one of them left",
)  # fmt: skip
FIGURES = (
    "3,00,000 fighters", "300,000 reservists", "Rs 2,000 crore", "1.2 lakh people", "14K views",
    "0.3 million", "three hundred thousand reservists", "12%", "3,5 percent", "$5m",
    "€3,5 Mio.", "300 000 people", "1,234.50 dollars", "£2bn", "twenty-one soldiers",
)  # fmt: skip


def generate_prose(characters: int, figures_per_sentence: float, seed: int = 1) -> str:
    """Sentences of three to six phrases, with a figure in some of them."""
    rng = random.Random(seed)
    sentences: list[str] = []
    size = 0
    while size < characters:
        parts = rng.choices(PHRASES, k=rng.randint(3, 6))
        if rng.random() < figures_per_sentence:
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(FIGURES))
        sentence = " ".join(parts)
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        size += len(sentences[-1]) + 1
    return " ".join(sentences)


def bench_find_figures() -> None:
    for label, density in (("news-like prose", 0.3), ("prose without figures", 0.0)):
        text = generate_prose(1_000_000, density)
        found = find_figures(text, locale="en_US")
        seconds = best_time(lambda text=text: find_figures(text, locale="en_US"))
        print(
            f"find_figures, {label}: {len(text) / seconds / 1e6:.2f} M characters/s,"
            f" {len(found) / seconds:,.0f} figures/s"
            f" ({len(found):,} figures in {len(text):,} characters)"
        )


def bench_parse_figure() -> None:
    expressions = [figure.rsplit(" ", 1)[0] for figure in FIGURES] * 500
    seconds = best_time(lambda: [parse_figure(expression) for expression in expressions])
    print(f"parse_figure: {len(expressions) / seconds:,.0f} expressions/s")


def bench_check_figure() -> None:
    source = Source(
        id="source",
        title="A source",
        publisher="",
        url="https://example.org/",
        location=Location("bench"),
        text=generate_prose(20_000, 0.3, seed=2),
    )
    claims = 200
    seconds = best_time(
        lambda: [
            check_figure("3,00,000", value=Decimal(300000), unit=None, locale="en_US", sources=[source])
            for _ in range(claims)
        ],
        repeats=3,
    )
    print(f"check_figure, one 20,000-character source: {claims / seconds:,.0f} checks/s")


if __name__ == "__main__":
    bench_find_figures()
    bench_parse_figure()
    bench_check_figure()
