"""Calendar arithmetic for the date check: ISO weeks, calendar months and years, and their thirds.

A span is a pair of days, both inclusive.
"""

from __future__ import annotations

import datetime as dt

Span = tuple[dt.date, dt.date]
ONE_DAY = dt.timedelta(days=1)


def month_span(year: int, month: int) -> Span:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (dt.date(year, month, 1), following - ONE_DAY)


def months_later(day: dt.date, months: int) -> Span:
    """The calendar month `months` after (or before, if negative) the one of `day`."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return month_span(year, month + 1)


def year_span(year: int) -> Span:
    return (dt.date(year, 1, 1), dt.date(year, 12, 31))


def week_span(day: dt.date) -> Span:
    monday = day - dt.timedelta(days=day.weekday())
    return (monday, monday + dt.timedelta(days=6))


# "early", "mid" and "late" split a month into thirds by tens of days, a year by four months.
PARTS = {"early": 0, "start": 0, "beginning": 0, "mid": 1, "late": 2, "end": 2}
PART_LABELS = {
    "month": ("days 1-10 of", "days 11-20 of", "days 21 to the end of"),
    "year": ("January-April of", "May-August of", "September-December of"),
}


def _part_index(part: str) -> int:
    return next(index for word, index in PARTS.items() if word in part.lower())


def part_of(span: Span, part: str | None, granularity: str) -> Span:
    if part is None:
        return span
    third, (start, end) = _part_index(part), span
    if granularity == "month":
        first_days = (1, 11, 21)
        start = start.replace(day=first_days[third])
        return (start, end if third == 2 else start.replace(day=first_days[third + 1] - 1))
    first_month = 1 + 4 * third
    return (dt.date(start.year, first_month, 1), month_span(start.year, first_month + 3)[1])


def part_label(part: str | None, granularity: str, name: str) -> str:
    return name if part is None else f"{PART_LABELS[granularity][_part_index(part)]} {name}"
