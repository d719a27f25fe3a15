"""The date grammar: one regular expression per locale whose named groups are the kinds of date
expression, with the month and weekday names it was built from (Babel's, for the locale)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from babel.dates import get_date_format, get_day_names, get_month_names

PREPOSITIONS = r"on|in|since|until|till|by|from|before|after|during|through|as\s+of"
WEEKDAY_PREPOSITIONS = r"on|since|until|till|by|from|before|after|as\s+of"
PART_WORDS = r"early|mid|late|the\s+(?:start|beginning|end)\s+of"
NUMBER_WORDS = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four"
    r"|five|six|seven|eight|nine)(?![^\W\d_]))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten"
)
COUNT = rf"\d{{1,3}}|(?i:a\s+couple\s+of|an?|{NUMBER_WORDS})"
UNITS = r"(?i:day|week|fortnight|month|year)"  # a fortnight is two weeks (British English)
NOT_LETTER = r"(?![^\W\d_])"
DASH = r"\s*[-\u2013]\s*"
# Newsroom abbreviations Babel's English data lacks.
EXTRA_MONTH_ABBREVIATIONS = {"sept": 9}

# Every date expression ends with an anchor (digits, a month or weekday name, or one of these
# words): the scan runs the grammar only around them.
ANCHOR_WORDS = frozenset(
    {
        "yesterday", "today", "tomorrow", "tonight", "night", "morning", "afternoon", "evening",
        "ago", "now", "time", "week", "weeks", "fortnight", "fortnights", "weekend", "month", "months", "year", "years",
    }
)  # fmt: skip


@dataclass(frozen=True)
class DateGrammar:
    """The compiled date grammar of one locale, with the names it was built from."""

    pattern: re.Pattern[str]
    months: dict[str, int]  # lower-case names and abbreviations -> 1..12
    weekdays: dict[str, int]  # lower-case names -> 0 (Monday)..6
    month_first: bool  # numeric dates put the month first in this locale

    @functools.cached_property
    def anchors(self) -> frozenset[str]:
        """The lower-case words an expression can end with (see the scan), digits aside."""
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
        r"(?P<unit>(?P<unit_modifier>(?i:last|this\s+coming|this|next|earlier\s+this|later\s+this"
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
def date_grammar(locale: str, *, scanning: bool) -> DateGrammar:
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
    return DateGrammar(
        pattern=re.compile(source, 0 if scanning else re.IGNORECASE),
        months=months | EXTRA_MONTH_ABBREVIATIONS,
        weekdays={name.lower(): number for name, number in days.items()},
        month_first=get_date_format("short", locale=locale).pattern.lower().startswith("m"),
    )
