"""Throughput of the date check: scanning prose with find_dates, resolve_date, check_date.

Run `python bench/bench_checks_dates.py`; it generates its own news-like prose (seeded, so runs
compare) and prints characters and dates per second, best of several repeats.
"""

from __future__ import annotations

import datetime as dt
import random

from timing import best_time

from factsite.checks.dates import check_date, find_dates, resolve_date
from factsite.model import Location, Source

PUBLISHED = dt.date(2022, 9, 28)
# Phrases of news prose, and traps a date scanner must not fall into (and which slow it down:
# numbers and capitalised month or weekday names make it look closer).
PHRASES = (
    "the ministry said", "that officials would review the proposal", "before the vote",
    "and critics warned", "across the region", "in a statement", "according to the embassy",
    "as reservists were called up", "while the governor promised a hotline",
    "despite a petition signed by residents", "and the opposition demanded answers",
)  # fmt: skip
TRAPS = (
    "the plan may march ahead of schedule", "while the Sunday Times reported",
    "that 3/4 of residents backed it", "with 3,00,000 reservists called up",
    "as Russia May Refuse To Acknowledge dual nationals", "after 2000 people signed a petition",
    "and the governor promised a 24/7 hotline",
)  # fmt: skip
EXPRESSIONS = (
    "on Tuesday", "last week", "last Wednesday", "On September 21", "yesterday", "two weeks ago",
    "last month", "Sept. 21", "on 21/9", "2022-09-21", "September 21, 2022", "in 2021",
    "earlier this month", "next Tuesday", "in May", "mid-September", "this week", "Wednesday's",
)  # fmt: skip


def generate_prose(characters: int, dates: float, traps: float, seed: int = 1) -> str:
    """Sentences of three to six phrases; `dates` and `traps`: the shares of sentences with one."""
    rng = random.Random(seed)
    sentences: list[str] = []
    size = 0
    while size < characters:
        parts = rng.choices(PHRASES, k=rng.randint(3, 6))
        for share, choices in ((dates, EXPRESSIONS), (traps, TRAPS)):
            if rng.random() < share:
                parts.insert(rng.randrange(len(parts) + 1), rng.choice(choices))
        sentence = " ".join(parts)
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        size += len(sentences[-1]) + 1
    return " ".join(sentences)


CORPORA = {
    # name: (share of sentences with a date, share with a trap)
    "news prose": (0.3, 0.2),
    "prose without dates": (0.0, 0.2),
    "prose full of numbers and names": (0.3, 1.0),
}


def bench_find_dates() -> None:
    for name, (dates, traps) in CORPORA.items():
        text = generate_prose(1_000_000, dates, traps)
        found = find_dates(text, PUBLISHED)
        seconds = best_time(lambda text=text: find_dates(text, PUBLISHED))
        print(
            f"find_dates, {name}: {len(text) / seconds / 1e6:.2f} M characters/s,"
            f" {len(found) / seconds:,.0f} dates/s"
            f" ({len(found):,} dates in {len(text):,} characters)"
        )


def bench_resolve_date() -> None:
    expressions = [expression.removesuffix("'s") for expression in EXPRESSIONS] * 500
    seconds = best_time(lambda: [resolve_date(expression, PUBLISHED) for expression in expressions])
    print(f"resolve_date: {len(expressions) / seconds:,.0f} expressions/s")


def bench_check_date() -> None:
    source = Source(
        id="source",
        title="A source",
        publisher="",
        url="https://example.org/",
        location=Location("bench"),
        published=PUBLISHED,
        text=generate_prose(20_000, 0.3, 0.2, seed=2),
    )
    claims = 200
    seconds = best_time(
        lambda: [
            check_date(
                "in a statement on Tuesday",
                published=PUBLISHED,
                value=dt.date(2022, 9, 27),
                sources=[source],
            )
            for _ in range(claims)
        ],
        repeats=3,
    )
    print(f"check_date, one 20,000-character source: {claims / seconds:,.0f} checks/s")


if __name__ == "__main__":
    bench_find_dates()
    bench_resolve_date()
    bench_check_date()
