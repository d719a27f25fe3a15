"""The date check: resolve the dates an article states, absolute or relative to its publication.

`find_dates` lists every date expression in a text ("on Tuesday", "last week", "September 21",
"21/9", "two weeks ago", "in 2021"...) with the day or range it means, `resolve_date` resolves one
expression, and `check_date` compares the date a claim mark states with the claim's value and with
the dates in its sources.

Month and weekday names and the order of numeric dates come from Babel for the locale; the relative
phrases are English. The grammar is our own because the libraries do not follow newsroom usage
(dateparser reads a bare "Tuesday" as this week's, cannot return two readings and takes "May" the
verb for a month). Its conventions count from the publication date (a source's relative dates from
the source's publication date); "before publication" means strictly before the publication day.

1. A bare weekday ("on Tuesday", "Wednesday's address") is past: the most recent such day before
   publication, one to seven days earlier (an article published on a Tuesday would say "today", so
   its "on Tuesday" is a week earlier). After a future marker in the same sentence ("will", "is due
   to", "plans to"...) it is the first such day after publication.
2. "last <weekday>" is the most recent such day before publication. When that day falls in the
   publication's own Monday-Sunday week the phrase is ambiguous (published Thursday, "last
   Wednesday" is yesterday or eight days ago): the most recent day is the reading, the day a week
   earlier an alternative. "this past <weekday>" is always the most recent one.
3. "next <weekday>" mirrors rule 2 forwards; "this coming <weekday>" is always the first one after
   publication; "this <weekday>" is that day of the publication's week.
4. Weeks run Monday to Sunday (ISO 8601): "last week" is the week before the publication's, "this
   week" the publication's, "earlier this week" its Monday to the day before publication. "last
   weekend" is the most recent Saturday-Sunday before publication; "next weekend" is read like
   "next <weekday>".
5. Months and years are calendar ones: "last month" is the previous calendar month, "earlier this
   month" the first of the month to the day before publication. "the past week/month/year" are the
   7, 30 or 365 days before publication. "early", "mid" and "late" take thirds: days 1-10, 11-20
   and 21 to the end of a month; January-April, May-August and September-December of a year.
6. "N days ago" is one day; "N weeks ago" the Monday-Sunday week holding the day 7*N days earlier;
   "N months/years ago" the calendar month or year N before the publication's. "in N weeks' time"
   and "N weeks from now" mirror them forwards.
7. A date without a year ("September 21", "21/9") takes the year that puts it nearest to
   publication without being after it ("December 30" published 3 January 2023 is 30 December
   2022). When the date a year later is nearer ("October 3" published 28 September) it is an
   alternative; after a future marker the first date not before publication is the reading. A month
   alone ("in May") works alike; "last May" is the most recent May before the publication's month,
   "next May" the first one after it.
8. Numeric dates follow the locale's order (Babel's short date pattern: month first for "en" and
   "en_US", day first for "en_GB"); when the other order also makes a date, it is an alternative.
   Two-digit years are 20xx.
9. In prose a date must look like one. Weekday and month names are capitalised. A month needs a
   day, a year, a preposition ("in May") or a modifier ("last May", "early May"), so "may refuse"
   and a headline's "Russia May Refuse" are not months. A year, or a numeric date without a year,
   needs a preposition ("in 2021", "on 21/9"; not "2021 people", "rose by 3/4", "3/4 of voters"), a
   year must not be followed by a counted noun ("in 2000 deaths"), and "24/7" is never a date.
   Names holding a weekday are not dates: "Sunday Times", "The Mail on Sunday", "Good Friday",
   "Sheffield Wednesday", "USA Today".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from babel.dates import format_date, get_date_format, get_day_names, get_month_names
from text_to_num import text2num  # type: ignore[import-untyped]

from factsite.model import CheckResult, Source

Span = tuple[dt.date, dt.date]
ONE_DAY = dt.timedelta(days=1)
GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


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

    @property
    def agreeing(self) -> tuple[SourceDate, ...]:
        return tuple(date for date in self.source_dates if date.agrees)

    @property
    def disagreeing(self) -> tuple[SourceDate, ...]:
        return tuple(date for date in self.source_dates if not date.agrees)


# --- Dates for readers and calendar arithmetic ----------------------------------------------------


def format_day(day: dt.date) -> str:
    """A day as readers see it: "Tuesday 27 September 2022"."""
    return format_date(day, "EEEE d MMMM y", locale="en")


def format_span(start: dt.date, end: dt.date) -> str:
    """A day or range as readers see it, whole months and years by their names."""
    if start == end:
        return format_day(start)
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
        return str(start.year)
    if (start, end) == _month_span(start.year, start.month):
        return format_date(start, "MMMM y", locale="en")
    if start.year != end.year:
        return f"{format_day(start)} to {format_day(end)}"
    pattern = "EEEE d" if start.month == end.month else "EEEE d MMMM"
    return f"{format_date(start, pattern, locale='en')} to {format_day(end)}"


def _relation(span: Span, published: dt.date) -> str:
    """Where a single day stands from publication, "the day before publication"; "" for a range."""
    if span[0] != span[1]:
        return ""
    days = (published - span[0]).days
    if days == 0:
        return "the day of publication"
    count = "the day" if abs(days) == 1 else f"{abs(days)} days"
    return f"{count} {'before' if days > 0 else 'after'} publication"


def _month_name(month: int) -> str:
    return format_date(dt.date(2000, month, 1), "MMMM", locale="en")


def _month_span(year: int, month: int) -> Span:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (dt.date(year, month, 1), following - ONE_DAY)


def _months_later(day: dt.date, months: int) -> Span:
    """The calendar month `months` after (or before, if negative) the one of `day`."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return _month_span(year, month + 1)


def _year_span(year: int) -> Span:
    return (dt.date(year, 1, 1), dt.date(year, 12, 31))


def _week_span(day: dt.date) -> Span:
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


def _part_of(span: Span, part: str | None, granularity: str) -> Span:
    if part is None:
        return span
    third, (start, end) = _part_index(part), span
    if granularity == "month":
        first_days = (1, 11, 21)
        start = start.replace(day=first_days[third])
        return (start, end if third == 2 else start.replace(day=first_days[third + 1] - 1))
    first_month = 1 + 4 * third
    return (dt.date(start.year, first_month, 1), _month_span(start.year, first_month + 3)[1])


def _part_label(part: str | None, granularity: str, name: str) -> str:
    return name if part is None else f"{PART_LABELS[granularity][_part_index(part)]} {name}"


# --- Grammar --------------------------------------------------------------------------------------

PREPOSITIONS = r"on|in|since|until|till|by|from|before|after|during|through|as\s+of"
WEEKDAY_PREPOSITIONS = r"on|since|until|till|by|from|before|after|as\s+of"
PART_WORDS = r"early|mid|late|the\s+(?:start|beginning|end)\s+of"
NUMBER_WORDS = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four"
    r"|five|six|seven|eight|nine)(?![^\W\d_]))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten"
)
COUNT = rf"\d{{1,3}}|(?i:a\s+couple\s+of|an?|{NUMBER_WORDS})"
UNITS = r"(?i:day|week|month|year)"
NOT_LETTER = r"(?![^\W\d_])"
DASH = r"\s*[-\u2013]\s*"
# Newsroom abbreviations Babel's English data lacks.
EXTRA_MONTH_ABBREVIATIONS = {"sept": 9}


@dataclass(frozen=True)
class _Grammar:
    """The compiled date grammar of one locale, with the names it was built from."""

    pattern: re.Pattern[str]
    months: dict[str, int]  # lower-case names and abbreviations -> 1..12
    weekdays: dict[str, int]  # lower-case names -> 0 (Monday)..6
    month_first: bool  # numeric dates put the month first in this locale

    @functools.cached_property
    def anchors(self) -> frozenset[str]:
        """The lower-case words an expression can end with (see _regions), digits aside."""
        return ANCHOR_WORDS | self.months.keys() | self.weekdays.keys()


def _alternation(names: set[str], scanning: bool) -> str:
    # Prose capitalises weekdays and months (headlines may shout them); lower-case "may" is a verb.
    forms = {form for name in names for form in ((name, name.upper()) if scanning else (name,))}
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


def _pattern_source(full: set[str], short: set[str], days: set[str], scanning: bool) -> str:
    """The grammar as one regular expression whose alternatives are named groups, one per kind."""
    full_names, short_names = _alternation(full, scanning), _alternation(short - full, scanning)
    day_names = _alternation(days, scanning)

    def month(group: str) -> str:
        return rf"(?P<{group}>(?:{full_names}|(?:{short_names})\.?){NOT_LETTER})"

    def weekday(group: str) -> str:
        return rf"(?P<{group}>(?:{day_names}){NOT_LETTER})"

    def day(group: str) -> str:
        return rf"(?P<{group}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"

    def year(group: str) -> str:
        return rf"(?P<{group}>(?:1[89]|2[01])\d\d)(?!\d)"

    # Rule 9: in prose a month alone, a year or a numeric date without year needs a cue.
    month_cue = rf"(?(prep)|(?=(?i:last|next|this|{PART_WORDS}){NOT_LETTER}))" if scanning else ""
    year_cue = rf"(?(prep)|(?=(?i:{PART_WORDS}){NOT_LETTER}))" if scanning else ""
    numeric_cue = r"(?(prep)|(?!))" if scanning else ""
    before_preposition = [
        r"(?P<relative_day>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
        r"|yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
        rf"|(?:earlier|later)\s+today){NOT_LETTER})",
        r"(?P<unit>(?P<unit_modifier>(?i:last|this|next|earlier\s+this|later\s+this"
        rf"|(?:the\s+)?past))\s+(?P<unit_name>(?i:weekend|week|month|year)){NOT_LETTER})",
        rf"(?P<ago>(?P<ago_count>{COUNT})\s+(?P<ago_unit>{UNITS})s?\s+(?i:ago){NOT_LETTER})",
    ]
    after_preposition = [
        r"(?P<iso>(?<![/.\d])(?P<iso_year>\d{4})(?P<iso_separator>[-/])(?P<iso_month>\d{1,2})"
        r"(?P=iso_separator)(?P<iso_day>\d{1,2})(?!\d|[-/]\d))",
        r"(?P<numeric>(?<![/.\d])(?P<numeric_first>\d{1,2})(?P<numeric_separator>[/.-])"
        r"(?P<numeric_second>\d{1,2})(?P=numeric_separator)(?P<numeric_year>\d{4}|\d\d)"
        r"(?!\d|[/.-]\d))",
        rf"(?P<day_month>(?:{weekday('day_month_weekday')},?\s+)?(?:(?i:the)\s+)?"
        rf"{day('day_month_day')}(?:{DASH}{day('day_month_last')})?(?:\s+(?i:of))?\s+"
        rf"{month('day_month_month')}(?:,?\s+{year('day_month_year')})?)",
        rf"(?P<month_day>(?:{weekday('month_day_weekday')},?\s+)?{month('month_day_month')}\s+"
        rf"{day('month_day_day')}(?:{DASH}{day('month_day_last')})?"
        rf"(?:,?\s+{year('month_day_year')})?)",
        rf"(?P<month_year>(?:(?P<month_year_part>(?i:{PART_WORDS}))[-\s]+)?"
        rf"{month('month_year_month')},?\s+{year('month_year_year')}(?![-\u2013/.,]\d))",
        rf"(?P<ahead>(?P<ahead_count>{COUNT})\s+(?P<ahead_unit>{UNITS})s?"
        rf"(?:(?:['\u2019]s?)?\s+(?i:time)|\s+(?i:from\s+now)){NOT_LETTER})",
        rf"(?P<month>{month_cue}(?:(?P<month_modifier>(?i:last|next|this))\s+)?"
        rf"(?:(?P<month_part>(?i:{PART_WORDS}))[-\s]+)?"
        rf"(?P<month_name>(?:{full_names}){NOT_LETTER}))",
        rf"(?P<year>{year_cue}(?:(?P<year_part>(?i:{PART_WORDS}))[-\s]+)?{year('year_number')}"
        r"(?![-\u2013/.,]\d))",
        rf"(?P<bare_numeric>{numeric_cue}(?<![/.\d])(?P<bare_first>\d{{1,2}})/"
        rf"(?P<bare_second>\d{{1,2}})(?![/\d])(?!\s*(?:%|(?i:per\s*cent|of){NOT_LETTER})))",
    ]
    # After the others, so that "on Tuesday, September 27" is read whole; "in Tuesday's vote" is
    # not "in Tuesday".
    weekday_alternative = (
        rf"(?P<weekday>(?:(?P<weekday_prep>(?i:{WEEKDAY_PREPOSITIONS}))\s+)?"
        r"(?:(?P<weekday_modifier>(?i:last|next|this\s+past|this\s+coming|this|coming|past))\s+)?"
        rf"{weekday('weekday_name')})"
    )
    return (
        rf"(?<!\w)(?:{'|'.join(before_preposition)}"
        rf"|(?:(?P<prep>(?i:{PREPOSITIONS}))\s+)?(?:{'|'.join(after_preposition)})"
        rf"|{weekday_alternative})"
    )


# Compiled once per locale and mode; a compiled pattern is immutable, so builds can share it.
@functools.cache
def _grammar(locale: str, *, scanning: bool) -> _Grammar:
    """The grammar for a locale: `scanning` for prose (rule 9), else for a lone expression."""
    names = {
        width: {
            name: number
            for context in ("format", "stand-alone")
            for number, name in get_month_names(width, context, locale).items()
        }
        for width in ("wide", "abbreviated")
    }
    short = set(names["abbreviated"]) | {name.title() for name in EXTRA_MONTH_ABBREVIATIONS}
    months = {name.lower(): number for width in names.values() for name, number in width.items()}
    days = {name: number for number, name in get_day_names("wide", locale=locale).items()}
    source = _pattern_source(set(names["wide"]), short, set(days), scanning)
    return _Grammar(
        pattern=re.compile(source, 0 if scanning else re.IGNORECASE),
        months=months | EXTRA_MONTH_ABBREVIATIONS,
        weekdays={name.lower(): number for name, number in days.items()},
        month_first=get_date_format("short", locale=locale).pattern.lower().startswith("m"),
    )


# --- Resolving one match --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """What a resolver needs besides the match."""

    expression: str
    published: dt.date
    tense: str  # "past" | "future"
    grammar: _Grammar

    @functools.cached_property
    def publication(self) -> str:
        return f"publication ({format_day(self.published)})"

    def resolution(
        self,
        span: Span,
        granularity: str,
        rule: str,
        *,
        depends_on: str = "day",
        alternatives: Sequence[DateResolution] = (),
    ) -> DateResolution:
        start, end = span
        return DateResolution(
            self.expression, start, end, granularity, rule, tuple(alternatives), depends_on
        )


Resolver = Callable[[re.Match[str], _Context], DateResolution | None]


def _count(text: str) -> int:
    words = " ".join(text.lower().split())
    if words.isdigit():
        return int(words)
    return {"a": 1, "an": 1, "a couple of": 2}.get(words) or int(text2num(words, "en"))


def _inferred(
    context: _Context, make: Callable[[int], Span | None], label: str, granularity: str
) -> DateResolution | None:
    """Rule 7: a date or month without a year, in the year nearest to publication."""
    published, publication = context.published, context.publication
    # Eight years either side reach a 29 February from any publication date.
    spans = [span for year in range(published.year - 8, published.year + 9) if (span := make(year))]
    not_after = [span for span in spans if span[0] <= published]
    not_before = [span for span in spans if span[1] >= published]
    if not not_after or not not_before:
        return None
    if context.tense == "future":
        rule = f"{label} in the nearest year not before {publication}, as the sentence looks ahead"
        return context.resolution(not_before[0], granularity, rule, depends_on="year")
    reading = not_after[-1]
    later = next(span for span in spans if span[0] > published)
    alternatives = []
    if later[0] - published < published - reading[1]:
        later_rule = f"{label} in the following year, nearer to {publication}"
        alternatives.append(context.resolution(later, granularity, later_rule, depends_on="year"))
    rule = f"{label} in the nearest year not after {publication}"
    return context.resolution(
        reading, granularity, rule, depends_on="year", alternatives=alternatives
    )


def _day_reading(
    context: _Context, month: int, day: int, year: int | None, label: str, last: int | None = None
) -> DateResolution | None:
    """A day (or days `day` to `last` of one month) in the stated year or the one rule 7 infers."""

    def make(year: int) -> Span | None:
        try:
            return (dt.date(year, month, day), dt.date(year, month, last or day))
        except ValueError:
            return None

    if year is None:
        return _inferred(context, make, label, "day")
    span = make(year)
    return context.resolution(span, "day", label, depends_on="nothing") if span else None


def _numeric_date(
    context: _Context, first: int, second: int, year: int | None
) -> DateResolution | None:
    """Rule 8: the locale's order first, the other order as an alternative when it is a date too."""
    orders = {"month first": (first, second), "day first": (second, first)}
    if not context.grammar.month_first:
        orders = dict(reversed(orders.items()))
    readings: list[DateResolution] = []
    for order, (month, day) in orders.items():
        if readings and (month, day) == (readings[0].start.month, readings[0].start.day):
            continue
        reading = _day_reading(context, month, day, year, f"a numeric date read {order}")
        readings.extend(reading.readings if reading else ())
    if not readings:
        return None
    primary, *others = readings
    return replace(primary, alternatives=tuple(replace(r, alternatives=()) for r in others))


def _resolve_iso(match: re.Match[str], context: _Context) -> DateResolution | None:
    year, month, day = (int(match[f"iso_{part}"]) for part in ("year", "month", "day"))
    return _day_reading(context, month, day, year, "a year-month-day date")


def _resolve_numeric(match: re.Match[str], context: _Context) -> DateResolution | None:
    digits = match["numeric_year"]
    if match["numeric_separator"] != "/" and len(digits) == 2:
        return None  # "1.5.20" is a version number more often than a date
    year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    return _numeric_date(context, int(match["numeric_first"]), int(match["numeric_second"]), year)


def _resolve_bare_numeric(match: re.Match[str], context: _Context) -> DateResolution | None:
    return _numeric_date(context, int(match["bare_first"]), int(match["bare_second"]), None)


def _resolve_named_date(
    match: re.Match[str], context: _Context, *, prefix: str
) -> DateResolution | None:
    """ "21 September", "Sept. 21, 2022", "Tuesday 27 September", "19-25 September"."""

    def group(name: str) -> str:
        return match[f"{prefix}_{name}"] or ""

    month = context.grammar.months[group("month").rstrip(".").lower()]
    day, last = int(group("day")), int(group("last")) if group("last") else None
    if last is not None and last <= day:
        return None
    year = int(group("year")) if group("year") else None
    label = f"{day}{f'-{last}' if last else ''} {_month_name(month)}" if year is None else ""
    reading = _day_reading(context, month, day, year, label or "an explicit date", last)
    stated = group("weekday")
    if reading is None or not stated:
        return reading
    if reading.start.weekday() == context.grammar.weekdays[stated.lower()]:
        return reading
    return replace(reading, notes=(f"{format_day(reading.start)} is not a {stated.title()}.",))


def _resolve_month_year(match: re.Match[str], context: _Context) -> DateResolution | None:
    month = context.grammar.months[match["month_year_month"].rstrip(".").lower()]
    part = match["month_year_part"]
    span = _part_of(_month_span(int(match["month_year_year"]), month), part, "month")
    rule = _part_label(part, "month", "a named month")
    return context.resolution(span, "month", rule, depends_on="nothing")


def _resolve_month(match: re.Match[str], context: _Context) -> DateResolution | None:
    """ "in May" (rule 7), "last May", "next May", "this May", "early May"."""
    month = context.grammar.months[match["month_name"].lower()]
    modifier, part = (match["month_modifier"] or "").lower(), match["month_part"]
    published, publication = context.published, context.publication
    name = _part_label(part, "month", _month_name(month))

    def make(year: int) -> Span:
        return _part_of(_month_span(year, month), part, "month")

    if not modifier:
        return _inferred(context, make, name, "month")
    if modifier == "this":
        rule = f"{name} of the year of {publication}"
        return context.resolution(make(published.year), "month", rule, depends_on="year")
    if modifier == "last":
        year = published.year - (month >= published.month)
        rule = f"{name}, the most recent before the month of {publication}"
    else:
        year = published.year + (month <= published.month)
        rule = f"{name}, the first after the month of {publication}"
    return context.resolution(make(year), "month", rule)


def _resolve_year(match: re.Match[str], context: _Context) -> DateResolution | None:
    part = match["year_part"]
    span = _part_of(_year_span(int(match["year_number"])), part, "year")
    return context.resolution(
        span, "year", _part_label(part, "year", "a named year"), depends_on="nothing"
    )


RELATIVE_DAYS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}  # the others ("today", "tonight", "this morning", "earlier today"...) are the publication day


def _resolve_relative_day(match: re.Match[str], context: _Context) -> DateResolution | None:
    offset = RELATIVE_DAYS.get(" ".join(match["relative_day"].lower().split()), 0)
    day = context.published + dt.timedelta(days=offset)
    rule = f"{_relation((day, day), context.published)} ({format_day(context.published)})"
    return context.resolution((day, day), "day", rule)


def _unit_span(modifier: str, unit: str, context: _Context) -> tuple[Span, str]:
    """Rules 4 and 5: "last week", "this month", "earlier this year", "the past week"..."""
    published, publication = context.published, context.publication
    step = {"last": -1, "next": 1}.get(modifier, 0)
    if unit == "week":
        span = _week_span(published + dt.timedelta(weeks=step))
        kind = "Monday-Sunday week"
    elif unit == "month":
        span, kind = _months_later(published, step), "calendar month"
    else:
        span, kind = _year_span(published.year + step), "calendar year"
    if modifier == "earlier this":
        return (
            span[0],
            max(span[0], published - ONE_DAY),
        ), f"the {unit} of {publication} until then"
    if modifier == "later this":
        return (
            min(published + ONE_DAY, span[1]),
            span[1],
        ), f"the rest of the {unit} of {publication}"
    if modifier == "past":
        days = {"week": 7, "month": 30, "year": 365}[unit]
        return (
            published - dt.timedelta(days=days),
            published - ONE_DAY,
        ), f"the {days} days before {publication}"
    where = {-1: "before the one of", 0: "of", 1: "after the one of"}[step]
    return span, f"the {kind} {where} {publication}"


def _weekend(modifier: str, context: _Context) -> DateResolution:
    """Rule 4 for weekends: a Saturday and the Sunday after it."""
    published, publication = context.published, context.publication

    def weekend(
        saturday: dt.date, rule: str, alternatives: Sequence[DateResolution] = ()
    ) -> DateResolution:
        return context.resolution(
            (saturday, saturday + ONE_DAY), "week", rule, alternatives=alternatives
        )

    if modifier in ("last", "past"):
        sunday = published - dt.timedelta(days=(published.weekday() + 1) % 7 or 7)
        return weekend(sunday - ONE_DAY, f"the most recent weekend before {publication}")
    if modifier != "next":
        saturday = _week_span(published)[0] + dt.timedelta(days=5)
        return weekend(saturday, f"the weekend of the week of {publication}")
    saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7 or 7)
    alternatives = []
    if published.weekday() < 5:  # the first weekend after is in the publication's week
        rule = f"the weekend of the week after the one of {publication}"
        alternatives.append(weekend(saturday + dt.timedelta(weeks=1), rule))
    return weekend(saturday, f"the first weekend after {publication}", alternatives)


def _resolve_unit(match: re.Match[str], context: _Context) -> DateResolution | None:
    modifier = " ".join(match["unit_modifier"].lower().split()).removeprefix("the ")
    unit = match["unit_name"].lower()
    if unit == "weekend":
        return _weekend(modifier, context)
    span, rule = _unit_span(modifier, unit, context)
    return context.resolution(span, unit, rule)


def _counted(context: _Context, count: int, unit: str, direction: int) -> DateResolution:
    """Rule 6: "N days ago" is a day; weeks, months and years ago are whole calendar units."""
    published, word = context.published, "before" if direction < 0 else "after"
    if unit == "day":
        day = published + dt.timedelta(days=direction * count)
        return context.resolution((day, day), "day", f"{count} days {word} {context.publication}")
    if unit == "week":
        day = published + dt.timedelta(weeks=direction * count)
        rule = (
            f"the Monday-Sunday week holding the day {7 * count} days {word} {context.publication}"
        )
        return context.resolution(_week_span(day), "week", rule)
    if unit == "month":
        span = _months_later(published, direction * count)
    else:
        span = _year_span(published.year + direction * count)
    rule = f"the calendar {unit} {count} {word} the one of {context.publication}"
    return context.resolution(span, unit, rule)


def _resolve_ago(match: re.Match[str], context: _Context) -> DateResolution | None:
    return _counted(context, _count(match["ago_count"]), match["ago_unit"].lower(), -1)


def _resolve_ahead(match: re.Match[str], context: _Context) -> DateResolution | None:
    return _counted(context, _count(match["ahead_count"]), match["ahead_unit"].lower(), 1)


def _resolve_weekday(match: re.Match[str], context: _Context) -> DateResolution | None:
    """Rules 1 to 3."""
    published, publication = context.published, context.publication
    name = match["weekday_name"].title()
    target = context.grammar.weekdays[name.lower()]
    modifier = " ".join((match["weekday_modifier"] or "").lower().split())
    if modifier == "this":
        day = _week_span(published)[0] + dt.timedelta(days=target)
        return context.resolution((day, day), "day", f"the {name} of the week of {publication}")
    forwards = modifier in ("next", "this coming", "coming") or (
        not modifier and context.tense == "future"
    )
    if forwards:
        day = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
        rule = f"the first {name} after {publication}"
    else:
        day = published - dt.timedelta(days=(published.weekday() - target) % 7 or 7)
        rule = f"the most recent {name} before {publication}"
    alternatives = []
    if modifier in ("last", "next") and _week_span(day) == _week_span(published):
        other = day + dt.timedelta(weeks=1 if forwards else -1)
        other_rule = (
            f"the {name} of the week {'after' if forwards else 'before'} the one of {publication}"
        )
        alternatives.append(context.resolution((other, other), "day", other_rule))
    return context.resolution((day, day), "day", rule, alternatives=alternatives)


RESOLVERS: dict[str, Resolver] = {
    "relative_day": _resolve_relative_day,
    "unit": _resolve_unit,
    "ago": _resolve_ago,
    "iso": _resolve_iso,
    "numeric": _resolve_numeric,
    "day_month": functools.partial(_resolve_named_date, prefix="day_month"),
    "month_day": functools.partial(_resolve_named_date, prefix="month_day"),
    "month_year": _resolve_month_year,
    "ahead": _resolve_ahead,
    "month": _resolve_month,
    "year": _resolve_year,
    "bare_numeric": _resolve_bare_numeric,
    "weekday": _resolve_weekday,
}


def _resolve_match(
    match: re.Match[str], published: dt.date, grammar: _Grammar, tense: str
) -> DateResolution | None:
    # The alternative that matched is the last group to close: its name says which resolver to use.
    kind = match.lastgroup
    assert kind is not None, "every alternative of the grammar is a named group"
    return RESOLVERS[kind](match, _Context(match.group(), published, tense, grammar))


# --- Public entry points --------------------------------------------------------------------------


def resolve_date(
    expression: str, published: dt.date, *, locale: str = "en", tense: str = "past"
) -> DateResolution | None:
    """The day or range one date expression means, or None if it is not one.

    Case does not matter here. `tense` is "future" when the sentence looks ahead ("will meet on
    Friday"): it decides bare weekdays and dates without a year (rules 1 and 7).
    """
    grammar = _grammar(locale, scanning=False)
    text = " ".join(expression.split()).rstrip(",;:!?")
    match = grammar.pattern.fullmatch(text) or grammar.pattern.fullmatch(text.rstrip("."))
    return _resolve_match(match, published, grammar, tense) if match else None


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Rule 9: names holding a weekday (or "Today") are not dates. Compared in lower case with the
# capitalised word just before or after a bare weekday...
NAME_WORDS_BEFORE = _words(
    "good black super ash cyber maundy bloody palm easter holy shrove giving fat whit sheffield usa"
)
NAME_WORDS_AFTER = _words(
    "times telegraph mirror express post herald independent observer people mail sport star"
    " tribune record show club league"
)
# ...or with these in any case ("Sunday school", "the Today programme")...
NAME_WORDS_AFTER_ANY_CASE = _words("school programme")
# ...or before "on <weekday>" ("The Mail on Sunday").
NAME_WORDS_BEFORE_ON = _words("mail independent scotland wales")
# Words that may follow a year which is a date ("in 2021 the company..."), unlike a count
# ("resulted in 2000 deaths"): a lower-case word outside this list makes the number a count.
WORDS_AFTER_A_YEAR = _words(
    "the a an and or but nor when while as after before since until than that which who where if"
    " because although though so yet he she it they we i you there this these those his her its"
    " their our my alone only too also was were is are had has have will would to for with by at"
    " on in of from against versus compared"
)
PREPOSITIONS_BEFORE_COUNTS = _words("in by from before after through on")
# "rose by 3/4" is a fraction; "on 21/9" is a date.
PREPOSITIONS_BEFORE_NUMERIC_DATES = _words("on since until till before after")
FUTURE_MARKER = re.compile(
    r"\b(?:will|shall|won['\u2019]t|plans?\s+to|intends?\s+to"
    r"|(?:is|are|'s|'re)\s+(?:due|set|scheduled|expected|going|planning)\s+to)\b|['\u2019]ll\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z])|\n\s*\n")
WORD = re.compile(r"[^\W\d_]+")


def _word_before(text: str, position: int) -> str:
    words = WORD.findall(text, max(0, position - 30), position)
    return words[-1] if words and text[position - 1 : position].isspace() else ""


def _word_after(text: str, position: int) -> str:
    match = WORD.match(text, position + 1) if text[position : position + 1] == " " else None
    return match.group() if match else ""


def _is_capitalised_in(word: str, names: frozenset[str]) -> bool:
    return word[:1].isupper() and word.lower() in names


def _is_not_a_date(match: re.Match[str], text: str) -> bool:
    """Rule 9's checks of the words around a match."""
    kind, start, end = match.lastgroup, match.start(), match.end()
    if kind == "bare_numeric":
        pair = (match["bare_first"], match["bare_second"])
        return pair == ("24", "7") or match["prep"].lower() not in PREPOSITIONS_BEFORE_NUMERIC_DATES
    if kind == "year":
        after = _word_after(text, end)
        counted = after.islower() and after not in WORDS_AFTER_A_YEAR
        return counted and (match["prep"] or "").lower() in PREPOSITIONS_BEFORE_COUNTS
    if kind == "weekday" and not match["weekday_modifier"]:
        preposition = (match["weekday_prep"] or "").lower()
        if preposition == "on":
            return _is_capitalised_in(_word_before(text, start), NAME_WORDS_BEFORE_ON)
        if preposition:
            return False
    elif kind != "relative_day" or match.group().lower() != "today":
        return False
    after = _word_after(text, end)
    return (
        _is_capitalised_in(_word_before(text, start), NAME_WORDS_BEFORE)
        or _is_capitalised_in(after, NAME_WORDS_AFTER)
        or after.lower() in NAME_WORDS_AFTER_ANY_CASE
    )


def _tense_before(text: str, position: int) -> str:
    """ "future" when a future marker is among the eight words before `position` in its sentence."""
    sentence = SENTENCE_END.split(text[max(0, position - 100) : position])[-1]
    words = " ".join(sentence.split()[-8:])
    return "future" if FUTURE_MARKER.search(words) else "past"


# Every date expression ends with an anchor (digits, a month or weekday name, or one of these
# words) and starts less than ANCHOR_REACH characters before one, its anchors closer together than
# that. So the grammar needs to run only around anchors: most words of news prose are not near one.
ANCHOR_WORDS = _words(
    "yesterday today tomorrow tonight night morning afternoon evening ago now time"
    " week weeks weekend month months year years"
)
ANCHOR_REACH = 40
TOKEN = re.compile(r"[^\W\d_]+|\d+")
WORD_REST = re.compile(r"\w*")


def _regions(text: str, anchors: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Stretches of `text` around its anchors, merged where they overlap."""
    start = end = -1
    for token in TOKEN.finditer(text):
        word = token.group()
        if not (word[0].isdigit() or word.lower() in anchors):
            continue
        if token.start() - ANCHOR_REACH > end >= 0:
            yield start, end
            start = -1
        if start < 0:
            start = max(0, token.start() - ANCHOR_REACH)
        # Never end inside a word: "Tuesdayon" cut after "Tuesday" would read as a weekday.
        rest = WORD_REST.match(text, token.end() + ANCHOR_REACH)
        end = rest.end() if rest else len(text)
    if end >= 0:
        yield start, end


def _matches(text: str, grammar: _Grammar) -> Iterator[re.Match[str]]:
    """The grammar's matches in `text`, as a scan of the whole text finds them, only faster."""
    for start, end in _regions(text, grammar.anchors):
        yield from grammar.pattern.finditer(text, start, end)


def find_dates(text: str, published: dt.date, *, locale: str = "en") -> tuple[FoundDate, ...]:
    """Every date expression in a text, in order, with what it means for an article of that date.

    The scan follows rule 9 (capitalised names, cues for months and years) and reads bare weekdays
    and dates without a year in the tense of the words before them (rules 1 and 7).
    """
    grammar = _grammar(locale, scanning=True)
    found = []
    for match in _matches(text, grammar):
        if _is_not_a_date(match, text):
            continue
        resolution = _resolve_match(match, published, grammar, _tense_before(text, match.start()))
        if resolution is not None:
            found.append(FoundDate(match.group(), match.start(), match.end(), resolution))
    return tuple(found)


# --- The check ------------------------------------------------------------------------------------

STATUS_ORDER = ("match", "within-range", "mismatch")
ORDINALS = ("first", "second", "third", "fourth")


def _compare(reading: Span, stated: Span) -> str:
    """ "match" for the same span, "within-range" when one holds the other, else "mismatch"."""
    if reading == stated:
        return "match"
    inside = reading[0] <= stated[0] and stated[1] <= reading[1]
    around = stated[0] <= reading[0] and reading[1] <= stated[1]
    return "within-range" if inside or around else "mismatch"


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
    sources: Sequence[Source], readings: Sequence[DateResolution], published: dt.date, locale: str
) -> tuple[SourceDate, ...]:
    """The sources' dates as precise as the readings, agreeing ones first.

    A source's publication date counts: a statement is usually dated by its release. A source's
    relative dates count from its own publication date; without one, only the dates that name their
    year or need only a year are kept.
    """
    coarsest = max(GRANULARITY_RANK[reading.granularity] for reading in readings)
    found = []
    for source in sources:
        dates = [("", _publication_date(source.published))] if source.published else []
        for date in find_dates(source.text, source.published or published, locale=locale):
            if source.published or date.resolution.depends_on != "day":
                dates.append((date.text, date.resolution))
        for text, resolution in dates:
            if GRANULARITY_RANK[resolution.granularity] > coarsest:
                continue
            agrees = any(
                _compare(reading.span, other.span) != "mismatch"
                for reading in readings
                for other in resolution.readings
            )
            found.append(SourceDate(source.id, text, resolution, agrees))
    # Dates in a source's text make a better example than its publication date.
    return tuple(sorted(found, key=lambda date: (not date.agrees, not date.text)))


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
    if not agreeing:
        return "no date in the cited sources agrees" if comparison.source_dates else ""
    ids = list(dict.fromkeys(date.source_id for date in agreeing))
    shown = f"“{agreeing[0].text}”" if agreeing[0].text else "its publication date"
    if len(ids) == 1:
        return f"the cited source {ids[0]} supports it ({shown})"
    return f"the cited sources {', '.join(ids)} support it ({ids[0]}: {shown})"


def _summary(comparison: DateComparison, resolution: DateResolution, published: dt.date) -> str:
    """One sentence: what the expression means, and how the stated value and the sources compare."""
    shown = []
    for reading in resolution.readings:
        span, relation = format_span(*reading.span), _relation(reading.span, published)
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
    if comparison.value_status != "no-value":
        return comparison.value_status
    statuses = {
        _compare(date.resolution.span, reading.span)
        for date in comparison.agreeing
        for reading in resolution.readings
    }
    return next((status for status in STATUS_ORDER[:2] if status in statuses), "resolved")


def check_date(
    marked_text: str,
    *,
    published: dt.date,
    value: dt.date | tuple[dt.date, dt.date] | None,
    sources: Sequence[Source],
    locale: str = "en",
) -> CheckResult:
    """Resolve the date in a claim mark; compare it with the claim's value and the sources' dates.

    Status: the comparison with the value ("match", "within-range", "mismatch") when the claim has
    one; otherwise "match" or "within-range" when a source's date agrees, else "resolved";
    "unresolved" when the mark holds no date. Of an ambiguous expression's readings, the one that
    fares best counts, and the summary says which.
    """
    stated = _stated_span(value)
    found = find_dates(marked_text, published, locale=locale)
    # A mark may be the bare expression in lower case, which the prose scan does not take.
    resolution = (
        found[0].resolution if found else resolve_date(marked_text, published, locale=locale)
    )
    if resolution is None:
        details = DateComparison(marked_text, None, stated, "unresolved" if stated else "no-value")
        return CheckResult("date", "unresolved", f"No date found in “{marked_text}”.", details)
    reading = None
    if stated:
        reading = min(
            resolution.readings, key=lambda r: STATUS_ORDER.index(_compare(r.span, stated))
        )
    comparison = DateComparison(
        expression=found[0].text if found else marked_text.strip(),
        resolution=resolution,
        stated=stated,
        value_status=_compare(reading.span, stated) if reading and stated else "no-value",
        reading=reading,
        source_dates=_source_dates(
            sources, (reading,) if reading else resolution.readings, published, locale
        ),
        other_dates=found[1:],
    )
    return CheckResult(
        check="date",
        status=_status(comparison, resolution),
        summary=_summary(comparison, resolution, published),
        details=comparison,
        findings=_findings(comparison, resolution),
    )
