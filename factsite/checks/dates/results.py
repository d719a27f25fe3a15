"""What the date check finds: resolutions, found dates, the evidence of a check, and the words
readers see for a day or a range."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date

from factsite.checks.dates.spans import Span, month_span


@dataclass(frozen=True)
class DateResolution:
    """The day or range an expression means, and the rule that says so."""

    expression: str
    start: dt.date
    end: dt.date  # inclusive; equal to start for a single day
    granularity: str  # the unit the expression names: "day" | "week" | "month" | "year"
    rule: str
    alternatives: tuple[DateResolution, ...] = ()  # other readings of an ambiguous expression
    # What the reading takes from the reference date: "nothing" (it names its year), "year" (only
    # its year is inferred) or "day" (it counts from the day, like "yesterday").
    depends_on: str = "day"
    notes: tuple[str, ...] = ()  # e.g. a stated weekday that is not the date's
    # The exact day of a counted expression ("two weeks ago"); start and end are then that day
    # give or take the rule's tolerance (rule 6).
    point: dt.date | None = None

    @property
    def iso(self) -> str:
        """The reading in ISO 8601 form: a day "2022-09-14", or a span "2022-09-05/2022-09-11"."""
        if self.point is not None or self.start == self.end:
            return (self.point or self.start).isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def readings(self) -> tuple[DateResolution, ...]:
        return (self, *self.alternatives)

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass(frozen=True)
class FoundDate:
    """A date expression found in a text; `start` and `end` are character offsets into it."""

    text: str
    start: int
    end: int
    resolution: DateResolution


@dataclass(frozen=True)
class SourceDate:
    """A date a cited source gives: in its text, or its publication date (`text` is then empty)."""

    source_id: str
    text: str
    resolution: DateResolution
    agrees: bool
    shared: int = 0  # words its sentence shares with the article's: which of several agreeing dates is meant


@dataclass(frozen=True)
class DateComparison:
    """The evidence behind a date check's status."""

    expression: str
    resolution: DateResolution | None
    stated: Span | None  # the claim's value as a range; None when it has none
    value_status: str  # "match" | "within-range" | "mismatch" | "no-value" | "unresolved"
    reading: DateResolution | None = None  # the reading value_status refers to
    source_dates: tuple[SourceDate, ...] = ()  # agreeing ones first
    other_dates: tuple[FoundDate, ...] = ()  # further date expressions in the marked text
    cited: bool = False  # the claim cites sources (without any, no source date can agree)

    @property
    def agreeing(self) -> tuple[SourceDate, ...]:
        return tuple(date for date in self.source_dates if date.agrees)

    @property
    def disagreeing(self) -> tuple[SourceDate, ...]:
        return tuple(date for date in self.source_dates if not date.agrees)


def format_day(day: dt.date) -> str:
    """A day as readers see it: "Tuesday 27 September 2022"."""
    return format_date(day, "EEEE d MMMM y", locale="en")


def format_span(start: dt.date, end: dt.date) -> str:
    """A day or range as readers see it, whole months and years by their names."""
    if start == end:
        return format_day(start)
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
        return str(start.year)
    if (start, end) == month_span(start.year, start.month):
        return format_date(start, "MMMM y", locale="en")
    if start.year != end.year:
        return f"{format_day(start)} to {format_day(end)}"
    pattern = "EEEE d" if start.month == end.month else "EEEE d MMMM"
    return f"{format_date(start, pattern, locale='en')} to {format_day(end)}"


def describe_relation(span: Span, published: dt.date) -> str:
    """Where a single day stands from publication, "the day before publication"; "" for a range."""
    if span[0] != span[1]:
        return ""
    days = (published - span[0]).days
    if days == 0:
        return "the day of publication"
    count = "the day" if abs(days) == 1 else f"{abs(days)} days"
    return f"{count} {'before' if days > 0 else 'after'} publication"
