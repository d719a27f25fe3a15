"""Find the figures in running prose, with offsets, for the figure check and the copy-edit lint.

A number in prose is not always a figure. These are left out, by rules a reader can predict:

- dates: a day next to a month name ("September 21", "21 September 2022", "Sept. 21-22"; not "June,
  7.57 million"), a month
  and year ("September 2022"), numeric dates ("2022-09-21", "21/09/2022"), seasons ("1990-91");
- times: "10:30", "20:00-21:00", "9.30 am", "10 pm";
- years: a plain four-digit number from 1800 to 2099 with no currency, percent, scale word or sign
  ("in 2022"; also, unavoidably, "2000 troops"), unless `include_years` is set;
- ordinals, measurements and identifiers: numbers glued to letters ("21st", "5km", "MH17", "F-16",
  "1990s"), numbers after "No.", "#", "§", "Article", "Section", "page"..., numbers in paths;
- single-digit numbers in words ("no one", "one of them") unless a unit follows ("five per cent");
- a number of more than 100 digits (no figure has as many; see notation.MAX_FIGURE_DIGITS);
- a number in words after a fraction ("a million" in "half a million"): `phrase` reads the whole.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factsite.checks.figures.expression import FIGURE_PATTERN, order_readings, read_expression
from factsite.checks.figures.notation import FigureReading


@dataclass(frozen=True)
class FoundFigure:
    """A figure in a text: as written, where (character offsets), and its readings."""

    text: str
    start: int
    end: int
    readings: tuple[FigureReading, ...]


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_DASHES = "-\u2010\u2011\u2013"
_DAYS = rf"{_DAY}(?:[{_DASHES}]{_DAY})?"
_YEAR = r"[0-9]{4}\b"
_AM_PM = r"(?:[ap]\.m\.|[ap]m\b)"
# Spans of text that are dates or times; any figure overlapping one is left out.
# The lookahead is a cheap first-character test (digits, month initials) that saves most attempts.
DATE_OR_TIME = re.compile(
    rf"""
    (?=[0-9JFMASOND])(?:
      {_MONTH},?[ \u00a0]{_DAYS}\b(?![.,][0-9])(?:,?[ \u00a0]{_YEAR})?
    | \b{_DAYS}[ \u00a0](?:of[ \u00a0])?{_MONTH}(?:,?[ \u00a0]{_YEAR})?
    | {_MONTH}[ \u00a0]{_YEAR}
    | \b[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\b
    | \b[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}}\b
    | \b[0-9]{{4}}[{_DASHES}][0-9]{{2}}\b
    | \b[0-9]{{1,2}}(?:[:.][0-9]{{2}}){{1,2}}[ \u00a0]?{_AM_PM}
    | \b[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?\b
    | \b[0-9]{{1,2}}[ \u00a0]?{_AM_PM}
    )""",
    re.VERBOSE,
)
_IDENTIFIER_CUE = re.compile(
    r"(?:\b(?:No|Nos|no|nos|Art|pp?|para)\.[ \u00a0]?"
    r"|\b(?:Article|Section|Chapter|Paragraph|Clause|article|section|chapter|paragraph|clause"
    r"|page|pages|Page)[ \u00a0]"
    r"|[#§№][ \u00a0]?)$"
)
_IDENTIFIER_CUE_REACH = 12
_NOUN_AFTER = re.compile(r"[ \u00a0][a-z]")
_SMALLEST_FIGURE_IN_WORDS = 10


def find_figures(text: str, *, locale: str | None = None, include_years: bool = False) -> tuple[FoundFigure, ...]:
    """Every figure in running prose, in order; readings standard in `locale` come first."""
    excluded = _DateAndTimeSpans(text)
    figures = []
    for match in FIGURE_PATTERN.finditer(text):
        if excluded.overlaps(match.start(), match.end()) or _is_glued(text, match):
            continue
        # "4.2m people" is millions; "a 5m wall" may be metres, but only a count of walls compares.
        readings = read_expression(match, bare_m=_NOUN_AFTER.match(text, match.end()) is not None)
        if not readings or _is_minor_word(match, readings[0]) or _is_part_of_a_fraction(text, match):
            continue
        if not include_years and _is_year(match):
            continue
        figures.append(FoundFigure(match.group(), match.start(), match.end(), order_readings(readings, locale)))
    return tuple(figures)


class _DateAndTimeSpans:
    def __init__(self, text: str) -> None:
        spans = [match.span() for match in DATE_OR_TIME.finditer(text)]
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]

    def overlaps(self, start: int, end: int) -> bool:
        # Spans do not overlap each other, so only the last span starting before `end` can meet us.
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start


def _is_glued(text: str, match: re.Match[str]) -> bool:
    """Whether the number is part of a word, an identifier, a path or a decade."""
    start, end = match.start(), match.end()
    before = text[start - 1] if start else " "
    two_before = text[start - 2] if start > 1 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in "_/:" or after.isalnum() or after in "_/":
        return True
    if (before in _DASHES or before == ".") and two_before.isalpha():
        return True  # "F-16", "Covid-19", "No.5"
    if text.startswith(("'s", "\u2019s"), end):
        return True  # "the 1990's"
    if after == ":" and text[end + 1 : end + 2].isdigit():
        return True
    cue_window = text[max(0, start - _IDENTIFIER_CUE_REACH) : start]
    return _IDENTIFIER_CUE.search(cue_window) is not None


_ATTACHMENTS = ("prefix", "sign", "scale", "suffix", "percent", "currency_word", "currency_sign")


def _is_bare(match: re.Match[str]) -> bool:
    return not any(match[group] for group in _ATTACHMENTS)


def _is_minor_word(match: re.Match[str], reading: FigureReading) -> bool:
    if match["words"] is None or not _is_bare(match):
        return False
    return abs(reading.value) < _SMALLEST_FIGURE_IN_WORDS


_FRACTION_BEFORE = re.compile(
    r"(?i)\b(?:half|thirds?|quarters?|fifths?|tenths?|eighths?)(?:[ \u00a0\n]+of)?[ \u00a0\n]+$"
)


def _is_part_of_a_fraction(text: str, match: re.Match[str]) -> bool:
    # "half a million" is not "a million": the whole phrase is read by phrase.find_source_figures.
    if match["words"] is None:
        return False
    return _FRACTION_BEFORE.search(text, max(0, match.start() - 20), match.start()) is not None


def _is_year(match: re.Match[str]) -> bool:
    digits = match["digits"]
    if digits is None or len(digits) != 4 or not digits.isdigit() or not _is_bare(match):
        return False
    return 1800 <= int(digits) <= 2099
