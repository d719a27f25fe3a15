"""Date candidates for `suggest`: every date expression, resolved by the date check's own reader."""

from __future__ import annotations

import datetime as dt

from factsite.checks.dates import DateResolution, find_dates
from factsite.lint.findings import Span
from factsite.lint.prose import Prose

# Without a publication date nothing relative can be resolved; the scan still needs a day to count
# from, and only the expressions that name their own year keep a value.
ANY_DAY = dt.date(2000, 1, 1)


def find_date_candidates(prose: Prose, published: dt.date | None, locale: str) -> list[Span]:
    spans: list[Span] = []
    for found in find_dates(prose.masked, published or ANY_DAY, locale=locale):
        resolution = found.resolution
        if published is None and resolution.depends_on != "nothing":
            message = f"A date ('{found.text}'); give the publication date to resolve it."
            spans.append(Span("date", found.start, found.end, message, confidence=0.5))
            continue
        value = date_value(resolution)
        message = f"A date: {value}, {resolution.rule}."
        if resolution.alternatives:
            others = ", ".join(date_value(other) for other in resolution.alternatives)
            message += f" It could also mean {others}."
        confidence = 0.6 if resolution.alternatives else 0.9
        spans.append(Span("date", found.start, found.end, message, value=value, confidence=confidence))
    return spans


def date_value(resolution: DateResolution) -> str:
    """The ISO day, or `start/end` (ISO 8601 interval) for a week, month or range; the exact day
    of a counted expression ("two weeks ago"), whose tolerance the rule states."""
    return resolution.iso
