"""Resolving one match of the date grammar: the day or range it means, by the rules of the
package docstring, and `resolve_date` for a lone expression."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from babel.dates import format_date
from text_to_num import text2num  # type: ignore[import-untyped]

from factsite.checks.dates.grammar import DateGrammar, date_grammar
from factsite.checks.dates.results import DateResolution, describe_relation, format_day
from factsite.checks.dates.spans import (
    ONE_DAY,
    Span,
    month_span,
    months_later,
    part_label,
    part_of,
    week_span,
    year_span,
)
from factsite.languages import language_of_locale


def _month_name(month: int) -> str:
    return format_date(dt.date(2000, month, 1), "MMMM", locale="en")


@dataclass(frozen=True)
class _Context:
    """What a resolver needs besides the match."""

    expression: str
    published: dt.date
    tense: str  # "past" | "future" | "marked-past" | "either" (see resolve_date, rule 10)
    grammar: DateGrammar

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
        point: dt.date | None = None,
    ) -> DateResolution:
        start, end = span
        return DateResolution(
            self.expression, start, end, granularity, rule, tuple(alternatives), depends_on, point=point
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
    years = range(max(dt.MINYEAR, published.year - 8), min(dt.MAXYEAR, published.year + 8) + 1)
    spans = [span for year in years if (span := make(year))]
    not_after = [span for span in spans if span[0] <= published]
    not_before = [span for span in spans if span[1] >= published]
    if not not_after or not not_before:
        return None
    if context.tense == "future":
        rule = f"{label} in the nearest year not before {publication}, as the sentence looks ahead"
        return context.resolution(not_before[0], granularity, rule, depends_on="year")
    earlier = not_after[-1]
    rule = f"{label} in the nearest year not after {publication}"
    if context.tense == "marked-past":
        rule += ", as the verb is in the past"
        return context.resolution(earlier, granularity, rule, depends_on="year")
    later = next(span for span in spans if span[0] > published)
    later_rule = f"{label} in the following year, nearer to {publication}"
    if later[0] - published >= published - earlier[1]:
        # "was extended until June 15": a past verb before a forward preposition leaves both open.
        alternatives = []
        if context.tense == "either":
            later_rule = f"{label} in the following year, as the preposition looks ahead"
            alternatives.append(context.resolution(later, granularity, later_rule, depends_on="year"))
        return context.resolution(earlier, granularity, rule, depends_on="year", alternatives=alternatives)
    # The later date is nearer ("takes effect July 1" published 15 June): news prose mentions the
    # coming weeks more often than a day nearly a year past, but the tense does not settle it.
    return context.resolution(
        later,
        granularity,
        later_rule,
        depends_on="year",
        alternatives=[context.resolution(earlier, granularity, rule, depends_on="year")],
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


def _numeric_date(context: _Context, first: int, second: int, year: int | None) -> DateResolution | None:
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


def _resolve_named_date(match: re.Match[str], context: _Context, *, prefix: str) -> DateResolution | None:
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
    span = part_of(month_span(int(match["month_year_year"]), month), part, "month")
    rule = part_label(part, "month", "a named month")
    return context.resolution(span, "month", rule, depends_on="nothing")


def _resolve_month(match: re.Match[str], context: _Context) -> DateResolution | None:
    """ "in May" (rule 7), "last May", "next May", "this May", "early May"."""
    month = context.grammar.months[match["month_name"].lower()]
    modifier, part = (match["month_modifier"] or "").lower(), match["month_part"]
    published, publication = context.published, context.publication
    name = part_label(part, "month", _month_name(month))

    def make(year: int) -> Span:
        return part_of(month_span(year, month), part, "month")

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
    span = part_of(year_span(int(match["year_number"])), part, "year")
    return context.resolution(span, "year", part_label(part, "year", "a named year"), depends_on="nothing")


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
    rule = f"{describe_relation((day, day), context.published)} ({format_day(context.published)})"
    return context.resolution((day, day), "day", rule)


def _unit_span(modifier: str, unit: str, context: _Context) -> tuple[Span, str]:
    """Rules 4 and 5: "last week", "this month", "earlier this year", "the past week"..."""
    published, publication = context.published, context.publication
    step = {"last": -1, "next": 1}.get(modifier, 0)
    if unit == "week":
        span = week_span(published + dt.timedelta(weeks=step))
        kind = "Monday-Sunday week"
    elif unit == "month":
        span, kind = months_later(published, step), "calendar month"
    else:
        span, kind = year_span(published.year + step), "calendar year"
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

    def weekend(saturday: dt.date, rule: str, alternatives: Sequence[DateResolution] = ()) -> DateResolution:
        return context.resolution((saturday, saturday + ONE_DAY), "week", rule, alternatives=alternatives)

    if modifier in ("last", "past"):
        sunday = published - dt.timedelta(days=(published.weekday() + 1) % 7 or 7)
        return weekend(sunday - ONE_DAY, f"the most recent weekend before {publication}")
    saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7 or 7)
    if modifier == "this coming":
        return weekend(saturday, f"the first weekend after {publication}")
    if modifier != "next":
        saturday = week_span(published)[0] + dt.timedelta(days=5)
        return weekend(saturday, f"the weekend of the week of {publication}")
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
    # "this coming week/month/year" is the next one (rule 3's "this coming" for units).
    span, rule = _unit_span("next" if modifier == "this coming" else modifier, unit, context)
    return context.resolution(span, unit, rule)


# Rule 6: how far from the exact day a counted expression still holds. Half the unit, so that the
# days of "two weeks ago" and "three weeks ago" never overlap; "N days ago" is exact.
TOLERANCE_DAYS = {"day": 0, "week": 3, "month": 15, "year": 182}


def _shifted(day: dt.date, unit: str, count: int) -> dt.date:
    """`day` moved by `count` units; a month or year shift keeps the day of the month where it can
    (31 March less a month is 28 or 29 February)."""
    if unit in ("day", "week"):
        return day + dt.timedelta(days=count * (7 if unit == "week" else 1))
    months = count * (12 if unit == "year" else 1)
    start, end = months_later(day, months)
    return start.replace(day=min(day.day, end.day))


def _counted(context: _Context, count: int, unit: str, direction: int) -> DateResolution:
    """Rule 6: "N days/weeks/months/years ago" is the exact day N units before publication, give
    or take half a unit (TOLERANCE_DAYS); "in N weeks' time" mirrors it forwards."""
    published, word = context.published, "before" if direction < 0 else "after"
    day = _shifted(published, unit, direction * count)
    tolerance = TOLERANCE_DAYS[unit]
    units = unit if count == 1 else f"{unit}s"
    rule = f"{count} {units} {word} {context.publication}: {format_day(day)}"
    if tolerance:
        rule += f", give or take {tolerance} days"
    margin = dt.timedelta(days=tolerance)
    return context.resolution((day - margin, day + margin), unit, rule, point=day)


def _resolve_ago(match: re.Match[str], context: _Context) -> DateResolution | None:
    return _counted(context, *_in_units(_count(match["ago_count"]), match["ago_unit"]), -1)


def _resolve_ahead(match: re.Match[str], context: _Context) -> DateResolution | None:
    return _counted(context, *_in_units(_count(match["ahead_count"]), match["ahead_unit"]), 1)


def _in_units(count: int, unit: str) -> tuple[int, str]:
    """ "a fortnight" is two weeks, with a week's tolerance."""
    unit = unit.lower()
    return (2 * count, "week") if unit == "fortnight" else (count, unit)


def _resolve_weekday(match: re.Match[str], context: _Context) -> DateResolution | None:
    """Rules 1 to 3."""
    name = match["weekday_name"].title()
    target = context.grammar.weekdays[name.lower()]
    modifier = " ".join((match["weekday_modifier"] or "").lower().split())
    forwards = modifier in ("next", "this coming", "coming") or (not modifier and context.tense == "future")
    return weekday_resolution(context, name, target, modifier, forwards)


def weekday_resolution(context: _Context, name: str, target: int, modifier: str, forwards: bool) -> DateResolution:
    """A weekday named in relation to the publication date (rules 1 to 3), in any language: `modifier` is
    "this", "last", "next" or "", `forwards` whether it looks ahead."""
    published, publication = context.published, context.publication
    if modifier == "this":
        day = week_span(published)[0] + dt.timedelta(days=target)
        return context.resolution((day, day), "day", f"the {name} of the week of {publication}")
    if forwards:
        day = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
        rule = f"the first {name} after {publication}"
    else:
        day = published - dt.timedelta(days=(published.weekday() - target) % 7 or 7)
        rule = f"the most recent {name} before {publication}"
    alternatives = []
    if modifier in ("last", "next") and week_span(day) == week_span(published):
        other = day + dt.timedelta(weeks=1 if forwards else -1)
        other_rule = f"the {name} of the week {'after' if forwards else 'before'} the one of {publication}"
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


# Rule 10: prepositions that look forward ("by June 15", "until Friday", "from Monday on") and one
# that looks back ("since June 15").
FORWARD_PREPOSITIONS = frozenset({"by", "until", "till"})
ONWARDS = re.compile(r"\s+on(?:wards?)?(?![^\W\d_])", re.IGNORECASE)


def _preposition(match: re.Match[str]) -> str:
    groups = match.groupdict()
    return " ".join((groups.get("prep") or groups.get("weekday_prep") or "").lower().split())


def tense_with_preposition(match: re.Match[str], tense: str, following: str) -> str:
    """Rule 10: the tense a preposition gives the date after it, with the sentence's `tense`.

    A forward preposition looks ahead unless the verb is plainly past ("the office was closed
    until Friday"); even then the later date stays possible ("the deadline was extended until
    June 15"): "either", both years are readings. "since" looks back.
    """
    preposition = _preposition(match)
    forwards = preposition in FORWARD_PREPOSITIONS or (preposition == "from" and ONWARDS.match(following) is not None)
    if forwards:
        return "either" if tense == "marked-past" else "future"
    if preposition == "since" and tense != "future":
        return "marked-past"
    return tense


def resolve_match(
    match: re.Match[str], published: dt.date, grammar: DateGrammar, tense: str, following: str = ""
) -> DateResolution | None:
    """Resolve one match; `following` is the text after it (for "from Monday on")."""
    # The alternative that matched is the last group to close: its name says which resolver to use.
    kind = match.lastgroup
    assert kind is not None, "every alternative of the grammar is a named group"
    tense = tense_with_preposition(match, tense, following)
    return RESOLVERS[kind](match, _Context(match.group(), published, tense, grammar))


def resolve_date(
    expression: str, published: dt.date, *, locale: str = "en", tense: str = "past"
) -> DateResolution | None:
    """The day or range one date expression means, or None if it is not one.

    Case does not matter here. `tense` is "future" when the sentence looks ahead ("will meet on
    Friday", "is closed until June 15"), "marked-past" when its verb is plainly past ("had risen
    by June 15"), "past" otherwise (news prose reports the past): it decides bare weekdays and
    dates without a year (rules 1, 7 and 10).
    """
    language = language_of_locale(locale)
    if language is not None:
        # Imported here: the Hindi and Arabic reader builds on this module's rules.
        from factsite.checks.dates.native import find_native_dates

        found = find_native_dates(expression, published, language)
        return found[0].resolution if len(found) == 1 else None
    grammar = date_grammar(locale, scanning=False)
    text = " ".join(expression.split()).rstrip(",;:!?")
    match = grammar.pattern.fullmatch(text) or grammar.pattern.fullmatch(text.rstrip("."))
    return resolve_match(match, published, grammar, tense) if match else None
