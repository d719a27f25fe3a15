"""The date check: compare the date a claim mark states with the claim's value and with the dates
its sources give."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from factsite.checks.dates.resolve import resolve_date
from factsite.checks.dates.results import (
    DateComparison,
    DateResolution,
    FoundDate,
    SourceDate,
    describe_relation,
    format_span,
)
from factsite.checks.dates.scan import find_dates
from factsite.checks.dates.spans import Span
from factsite.checks.figures.compare import content_words, sentence_around
from factsite.model import Basis, CheckResult, Source

GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
PREPOSITION_ONLY = re.compile(r"(?:[^\W\d_]+\s+)?")
STATUS_ORDER = ("match", "within-range", "mismatch")
ORDINALS = ("first", "second", "third", "fourth")
NOT_FOUND = "not found in the cited sources (none of their dates bears on it)"


def _compare(reading: Span, stated: Span) -> str:
    """ "match" for the same span, "within-range" when one holds the other, else "mismatch"."""
    if reading == stated:
        return "match"
    inside = reading[0] <= stated[0] and stated[1] <= reading[1]
    around = stated[0] <= reading[0] and reading[1] <= stated[1]
    return "within-range" if inside or around else "mismatch"


def _compare_reading(reading: DateResolution, other: Span) -> str:
    """`_compare` for a reading; a counted one ("two weeks ago", rule 6) matches its exact day and
    holds what lies within its tolerance or a span around its exact day."""
    if reading.point is None:
        return _compare(reading.span, other)
    if other == (reading.point, reading.point):
        return "match"
    if other[0] <= reading.point <= other[1]:
        return "within-range"
    return _compare(reading.span, other)


def _stated_span(value: object) -> Span | None:
    """The claim's value as a span: a date, or a pair of dates (YAML gives a list)."""
    if value is None:
        return None
    days = value if isinstance(value, tuple | list) else (value, value)
    if len(days) == 2 and all(isinstance(day, dt.date) for day in days):
        start, end = sorted(day.date() if isinstance(day, dt.datetime) else day for day in days)
        return (start, end)
    raise TypeError(f"a date claim's value is a date or a pair of dates, not {value!r}")


def _source_dates(
    sources: Sequence[Source],
    readings: Sequence[DateResolution],
    published: dt.date,
    locale: str,
    topic: frozenset[str] = frozenset(),
) -> tuple[SourceDate, ...]:
    """The sources' dates as precise as the readings, agreeing ones first.

    A source's publication date counts: a statement is usually dated by its release. A source's
    relative dates count from its own publication date; without one, only the dates that name their
    year or need only a year are kept.
    """
    coarsest = max(GRANULARITY_RANK[reading.granularity] for reading in readings)
    found = []
    for source in sources:
        dates = [("", _publication_date(source.published), 0)] if source.published else []
        for date in _dates_in_source(source.text, source.published or published, locale):
            if source.published or date.resolution.depends_on != "day":
                shared = len(topic & content_words(sentence_around(source.text, date.start, date.end)))
                dates.append((date.text, date.resolution, shared))
        for text, resolution, shared in dates:
            if GRANULARITY_RANK[resolution.granularity] > coarsest:
                continue
            agrees = any(
                _compare_reading(reading, other.span) != "mismatch"
                for reading in readings
                for other in resolution.readings
            )
            found.append(SourceDate(source.id, text, resolution, agrees, shared))
    # Dates in a source's text make a better example than its publication date.
    return tuple(sorted(found, key=lambda date: (not date.agrees, not date.text)))


# A source is cited by several claims of an article: its dates are found once.
@functools.lru_cache(maxsize=16)
def _dates_in_source(text: str, published: dt.date, locale: str) -> tuple[FoundDate, ...]:
    return find_dates(text, published, locale=locale)


def _publication_date(day: dt.date) -> DateResolution:
    return DateResolution("", day, day, "day", "the source's publication date", (), "nothing")


def _value_phrase(comparison: DateComparison, stated: Span, reading: DateResolution) -> str:
    readings = comparison.resolution.readings if comparison.resolution else ()
    which = f" under its {ORDINALS[readings.index(reading)]} reading" if len(readings) > 1 else ""
    noun, shown = "date" if stated[0] == stated[1] else "range", format_span(*stated)
    if comparison.value_status == "match":
        return f"matches the stated {noun}{which}"
    if comparison.value_status == "mismatch":
        return f"but the stated {noun} is {shown}"
    if reading.start <= stated[0] and stated[1] <= reading.end:
        return f"the stated {noun}, {shown}, falls within it{which}"
    return f"it falls within the stated {noun}, {shown}{which}"


def _sources_phrase(comparison: DateComparison) -> str:
    agreeing = comparison.agreeing
    if comparison.value_status == "mismatch":
        date, _ = _supporting_value(comparison)
        if date is not None:
            shown = f"“{date.text}”" if date.text else "its publication date"
            return f"the cited source {date.source_id} gives the stated date ({shown})"
    if not agreeing:
        return NOT_FOUND if comparison.cited else ""
    ids = list(dict.fromkeys(date.source_id for date in agreeing))
    shown = f"“{agreeing[0].text}”" if agreeing[0].text else "its publication date"
    if len(ids) == 1:
        return f"the cited source {ids[0]} supports it ({shown})"
    return f"the cited sources {', '.join(ids)} support it ({ids[0]}: {shown})"


def _summary(comparison: DateComparison, resolution: DateResolution, published: dt.date) -> str:
    """One sentence: what the expression means, and how the stated value and the sources compare."""
    shown = []
    for reading in resolution.readings:
        if reading.point is not None:
            day = (reading.point, reading.point)
            margin = (reading.end - reading.point).days
            span = format_span(*day) + (f" (give or take {margin} days)" if margin else "")
            shown.append((span, describe_relation(day, published) if not margin else ""))
            continue
        span, relation = format_span(*reading.span), describe_relation(reading.span, published)
        shown.append((span, relation))
    quoted = f"“{comparison.expression}”"
    if len(shown) == 1:
        span, relation = shown[0]
        parts = [f"{quoted} resolves to {span}{f', {relation}' if relation else ''}"]
    else:
        options = [f"{span} ({relation})" if relation else span for span, relation in shown]
        parts = [f"{quoted} is ambiguous: {' or '.join(options)}"]
    if comparison.stated and comparison.reading:
        parts.append(_value_phrase(comparison, comparison.stated, comparison.reading))
    parts.append(_sources_phrase(comparison))
    return "; ".join(part for part in parts if part) + "."


def _findings(comparison: DateComparison, resolution: DateResolution) -> tuple[str, ...]:
    findings = list(resolution.notes)
    if resolution.alternatives:
        rules = "; or ".join(reading.rule for reading in resolution.readings)
        findings.append(f"“{comparison.expression}” is ambiguous: {rules}.")
    if comparison.other_dates:
        others = ", ".join(f"“{date.text}”" for date in comparison.other_dates)
        findings.append(f"The marked text also holds {others}; the check reads the first date.")
    return tuple(findings)


def _status(comparison: DateComparison, resolution: DateResolution) -> str:
    """The comparison with the claim's value when it has one; else with the cited sources: "match"
    or "within-range" when one of their dates agrees, "not-found" when none does (a source's other
    dates may be about something else: never a "mismatch"), "resolved" when none is cited."""
    if comparison.value_status != "no-value":
        return comparison.value_status
    statuses = {
        _compare_reading(reading, other.span)
        for date in comparison.agreeing
        for reading in resolution.readings
        for other in date.resolution.readings
    }
    found = next((status for status in STATUS_ORDER[:2] if status in statuses), None)
    return found or ("not-found" if comparison.cited else "resolved")


def _agreement(comparison: DateComparison) -> tuple[DateResolution | None, SourceDate | None, DateResolution | None]:
    """The claim's reading, the source date and that date's reading the result rests on."""
    resolution = comparison.resolution
    if resolution is None:
        return None, None, None
    readings = (comparison.reading,) if comparison.reading else resolution.readings
    # Of several agreeing dates, the one whose sentence shares most words with the article's: "NDRF teams were
    # deployed last week" rests on the source's "deployed from 6 August", not on its "10 August" of a barrage.
    # The main reading before its alternatives: "last Thursday" rests on this week's Thursday when a source gives it.
    agreeing = sorted(comparison.agreeing, key=lambda date: -date.shared)
    for status in STATUS_ORDER[:2]:
        for reading in readings:
            for date in agreeing:
                for other in date.resolution.readings:
                    if _compare_reading(reading, other.span) == status:
                        return reading, date, other
    return readings[0], None, None


def _supporting_value(comparison: DateComparison) -> tuple[SourceDate | None, DateResolution | None]:
    """A source date that agrees with the claim's stated value (the evidence of a "mismatch")."""
    stated = comparison.stated
    for date in comparison.source_dates if stated else ():
        for other in date.resolution.readings:
            if stated and _compare(other.span, stated) == "match":
                return date, other
    return None, None


def _basis(comparison: DateComparison) -> Basis:
    reading, date, other = _agreement(comparison)
    if reading is None:
        return Basis(reason=f"no date found in “{comparison.expression}”")
    if comparison.value_status == "mismatch":
        date, other = _supporting_value(comparison)
    if date is None or other is None:
        reason = NOT_FOUND if comparison.cited else ""
        return Basis(reading=reading.iso, reason=reason)
    return Basis(reading=reading.iso, source_id=date.source_id, candidate=other.iso)


def _in_context(marked_text: str, context: str, offset: int | None, published: dt.date, locale: str) -> list[FoundDate]:
    """The dates of the marked text as a scan of the text around it reads them: the words around
    the mark give the tense ("will", "had") and "from Monday on" its "on" (rules 1, 7 and 10).
    `offset` is where the mark starts in `context`; None to look for it."""
    start = context.find(marked_text) if offset is None and context and marked_text else offset
    if start is None or start < 0 or context[start : start + len(marked_text)] != marked_text:
        return []
    end = start + len(marked_text)
    found = find_dates(context, published, locale=locale)
    # A date may start before the mark by its preposition ("on October 3" for a mark "October 3"),
    # never end after it: the mark's words must not be read as part of a longer expression.
    return [
        replace(date, start=date.start - start, end=date.end - start)
        for date in found
        if start < date.end <= end and PREPOSITION_ONLY.fullmatch(context[date.start : max(date.start, start)])
    ]


def _topic(marked_text: str, sentence: str, offset: int | None) -> frozenset[str]:
    """The words of the mark's sentence that say what it is about."""
    if not sentence:
        return frozenset()
    start = sentence.find(marked_text) if offset is None else offset
    if start < 0:
        return content_words(sentence)
    return content_words(sentence_around(sentence, start, start + len(marked_text)))


def check_date(
    marked_text: str,
    *,
    published: dt.date,
    value: dt.date | tuple[dt.date, dt.date] | None,
    sources: Sequence[Source],
    locale: str = "en",
    sentence: str = "",
    offset: int | None = None,
) -> CheckResult:
    """Resolve the date in a claim mark; compare it with the claim's value and the sources' dates.

    Status: the comparison with the value ("match", "within-range", "mismatch") when the claim has
    one; otherwise "match" or "within-range" when a source's date agrees, "not-found" when the
    claim cites sources and none of their dates agrees, "resolved" when it cites none;
    "unresolved" when the mark holds no date. Of an ambiguous expression's readings, the one that
    fares best counts, and the summary says which. `sentence`, the text around the mark (its
    sentence, or more), gives the tense the mark's words may lack; `offset` is where the mark
    starts in it. `basis` holds the reading and the source date it rests on.
    """
    stated = _stated_span(value)
    found = _in_context(marked_text, sentence, offset, published, locale) or list(
        find_dates(marked_text, published, locale=locale)
    )
    # A mark may be the bare expression in lower case, which the prose scan does not take.
    resolution = found[0].resolution if found else resolve_date(marked_text, published, locale=locale)
    if resolution is None:
        details = DateComparison(marked_text, None, stated, "unresolved" if stated else "no-value")
        reason = f"no date found in “{marked_text}”"
        return CheckResult(
            "date", "unresolved", f"No date found in “{marked_text}”.", details, basis=Basis(reason=reason)
        )
    reading = None
    if stated:
        reading = min(resolution.readings, key=lambda r: STATUS_ORDER.index(_compare_reading(r, stated)))
    comparison = DateComparison(
        expression=found[0].text if found else marked_text.strip(),
        resolution=resolution,
        stated=stated,
        value_status=_compare_reading(reading, stated) if reading and stated else "no-value",
        reading=reading,
        source_dates=_source_dates(
            sources,
            (reading,) if reading else resolution.readings,
            published,
            locale,
            _topic(marked_text, sentence, offset),
        ),
        other_dates=tuple(found[1:]),
        cited=bool(sources),
    )
    return CheckResult(
        check="date",
        status=_status(comparison, resolution),
        summary=_summary(comparison, resolution, published),
        details=comparison,
        findings=_findings(comparison, resolution),
        basis=_basis(comparison),
    )
