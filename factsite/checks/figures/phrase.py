"""A marked figure read whole: approximate markers, ranges, fractions of scale words, ratios, shares.

`parse_figure` reads one figure expression ("£1.3bn", "2.5 lakh", "three hundred thousand"); text2num
and Babel do the words and the digits under it. text2num reads whole numbers in words only: not
fractions ("half", "a third", "three-quarters"), "dozen", ratios ("three in ten"), vague plurals
("hundreds of") or approximate markers; Babel reads and writes digits in a locale's notation only.
So this module reads the newsroom phrases built around a figure, with one rule above all: a longer
phrase is never read by a shorter part of it. If any number word of the marked span is left
unexplained ("half a million" read as "a million"), the whole mark is unread and says why.

Read here (each a tested case in tests/checks/test_figures.py):

- approximate markers kept as a bound: "about", "around", "roughly", "some", "an estimated" (within
  10%); "nearly", "almost", "just under" (at most the figure and within 10% below it); "more than",
  "over", "above" (above it); "at least" (at or above it); "fewer than", "less than", "under",
  "below" (under it); "up to", "as many as", "no more than" (at or under it);
- ranges: "20-25%", "20 to 25 per cent", "between 3 and 4 million", "$3-4bn" (a unit or scale
  written once applies to both ends);
- fractions and multiples of scale words: "half a million", "a quarter of a million",
  "three-quarters of a billion", "one and a half million", "2.5 million", "a dozen", "two dozen";
- vague plurals as ranges: "dozens of" (24-99), "hundreds of" (200-999), "thousands of"
  (2,000-9,999), "tens of thousands" (20,000-99,999), "hundreds of thousands" (200,000-999,999),
  "millions of" (2-999 million);
- ratios and shares as percentages: "three in ten", "one out of every four", "1 in 5", "half of",
  "a third of", "two-thirds", "three-quarters of".

Not read (the mark is "unread"): numbers in words joined by "and" across a range ("between three and
four million"), multiples ("twice as many", "a threefold rise"), conversions between currencies.

In a source (`find_source_figures`), fractions of scale words, dozens and ratios are read whole too
("half a million" is never "a million" there either), and shares with a count ("a third of", "two-
thirds"), but not a bare "half of" or a share of time ("a quarter of the year"), nor vague plurals. A fraction
joined by a hyphen to the word after it is an adjective, not a share, in a source or an article: "one third-cycle
drug", "a third-party supplier", "a half-day strike" (an article's mark of it is unread).
"""

from __future__ import annotations

import decimal
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from factsite.checks.figures.expression import FIGURE_PATTERN, order_readings, read_expression
from factsite.checks.figures.native import native_source_figures, read_native
from factsite.checks.figures.notation import (
    MAX_FIGURE_DIGITS,
    NOTATION_LABELS,
    WIDE_CONTEXT,
    FigureReading,
    number_conventions,
)
from factsite.checks.figures.scan import DATE_OR_TIME, FoundFigure, find_figures
from factsite.checks.figures.words import read_number_words
from factsite.languages import Language, language_of_locale

# Marker -> bound. Longer markers first, so "just under" wins over "under".
_MARKERS = {
    "an estimated": "about",
    "approximately": "about",
    "roughly": "about",
    "around": "about",
    "about": "about",
    "some": "about",
    "close to": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "just under": "nearly",
    "more than": "more-than",
    "just over": "more-than",
    "upwards of": "more-than",
    "in excess of": "more-than",
    "over": "more-than",
    "above": "more-than",
    "at least": "at-least",
    "no fewer than": "at-least",
    "no less than": "at-least",
    "fewer than": "less-than",
    "less than": "less-than",
    "under": "less-than",
    "below": "less-than",
    "up to": "at-most",
    "as many as": "at-most",
    "no more than": "at-most",
    "not more than": "at-most",
    "at most": "at-most",
}
BOUND_PHRASES = {
    "exact": "",
    "about": "about",
    "nearly": "nearly",
    "more-than": "more than",
    "at-least": "at least",
    "less-than": "fewer than",
    "at-most": "at most",
    "range": "",
}
_MARKER_BEFORE = re.compile(
    r"(?i:\b(?P<marker>" + "|".join(sorted(map(re.escape, _MARKERS), key=len, reverse=True)) + r")[ \u00a0]+)$"
)

_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100,
}  # fmt: skip
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_SCALE_VALUES = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "lakh": 10**5, "crore": 10**7, "dozen": 12,
}  # fmt: skip
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)"
_FRACTION = r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)"
_SCALE = r"(?:thousand|million|billion|trillion|lakh|crore|dozen)"
_SEP = r"[ \u00a0-]"
_S = r"[ \u00a0]+"

# Every phrase below is tried on the whole mark; the longest match at each place wins.
_A_YEAR = re.compile(r"1[89][0-9]{2}|2[01][0-9]{2}")
_PHRASES = re.compile(
    rf"""(?ix)
    # Every phrase starts a word with a digit or one of these letters: a cheap test at each position.
    \b(?=[0-9aotfsenhqdmb])
    (?:
    (?P<fraction_of_scale>
        (?:(?P<fs_count>{_COUNT}){_SEP}+)?(?P<fs_fraction>{_FRACTION})(?:{_S}of)?{_S}(?:a|an|one){_S}
        (?P<fs_scale>{_SCALE})\b)
  | (?P<half_scale>\bhalf{_S}(?:a|an){_S}(?P<hs_scale>{_SCALE})\b)
  | (?P<and_a_half>\b(?P<ah_whole>{_COUNT}|[0-9]+){_S}and{_S}a{_S}(?P<ah_fraction>half|quarter)
        {_S}(?P<ah_scale>{_SCALE})\b)
  | (?P<scaled_dozen>\b(?P<dz_count>{_COUNT}){_S}dozen\b)
  | (?P<vague>\b(?P<vague_words>tens{_S}of{_S}thousands|hundreds{_S}of{_S}thousands|dozens|hundreds
        |thousands|millions|billions)\b(?:{_S}of\b)?)
  | (?P<ratio>\b(?P<ratio_count>{_COUNT}|[0-9]+){_S}(?:in|out{_S}of)(?:{_S}every)?{_S}
        (?P<ratio_total>two|three|four|five|six|seven|eight|nine|ten|twenty|a{_S}hundred
            |[0-9]{{1,3}}(?:,[0-9]{{2,3}})+(?![0-9])|[0-9]+)\b(?![.,][0-9]))
  | (?P<share>\b(?:(?P<sh_count>{_COUNT}){_SEP}+)?(?P<sh_fraction>{_FRACTION})\b(?![-\u2010\u2011][A-Za-z])
        (?:{_S}of\b)?)
    )"""
)
# Words and signs that carry a number: if one is left outside the phrase read, the mark is unread.
_NUMBERISH = re.compile(
    r"(?i)[0-9]|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|lakhs?|lacs?"
    r"|crores?|dozens?|half|halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?|twice"
    r"|double|triple|treble|percent|bn|tn|mn)\b|%"
)


def is_number_word(word: str) -> bool:
    """Whether a word carries a number ("million", "half", "twelve")."""
    return _NUMBERISH.fullmatch(word) is not None


_VAGUE = {
    "dozens": (24, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999),
    "billions": (2_000_000_000, 999_999_999_999),
}
_RANGE_BETWEEN = re.compile(r"(?i)[ \u00a0]*(?:-|\u2013|\u2014|to|and)[ \u00a0]*")


@dataclass(frozen=True)
class FigurePhrase:
    """What a marked figure says: a value or a range, a bound, a unit, and the step it is written to.

    `low == high` for one value. `step` is the precision the article writes ("12.5" -> 0.1, "4.2m" ->
    100,000); `grid` is set for a spoken fraction ("half a million": 1,000,000; "a third of": 100,
    the percentage), whose rounding is to the nearest simple fraction of the grid, not to a step.
    """

    text: str  # the figure as the article writes it, marker included ("more than 300")
    low: Decimal
    high: Decimal
    bound: str  # a key of BOUND_PHRASES
    unit: str | None  # "percent", an ISO 4217 code, or None
    step: Decimal
    kind: str  # "figure", "range", "fraction-of-scale", "dozen", "vague-plural", "ratio", "share"
    grid: Decimal | None = None
    digits: FigureReading | None = None  # the digit reading under it, for notation findings
    digits_text: str = ""  # the figure expression that reading is of ("3,00,000")

    @property
    def value(self) -> Decimal:
        return self.low


@dataclass(frozen=True)
class Unread:
    """Why a mark could not be read whole."""

    reason: str


def read_phrase(marked_text: str, locale: str) -> tuple[FigurePhrase, ...] | Unread:
    """Every reading of the figure in a mark, most likely first, or why there is none.

    The mark may hold words around the figure ("3,00,000 fighters will be mobilised"); it may not hold
    number words or digits the reading leaves out.
    """
    text = " ".join(marked_text.split())
    if not text:
        return Unread("the mark is empty")
    language = language_of_locale(locale)
    if language is not None:
        return _read_native_phrase(text, language, locale)
    longest = max((len(run) for run in re.findall(r"[0-9]+", text)), default=0)
    if longest > MAX_FIGURE_DIGITS:
        return Unread(f"it has a number of {longest} digits; a figure may have at most {MAX_FIGURE_DIGITS}")
    spans = _phrase_spans(text, locale)
    if not spans:
        return Unread(_no_figure_reason(text))
    # "In 2023, 40,000 people left": a year or a date beside the figure is when, not what.
    when = [(start, end) for start, end in _dates_and_years(text)]
    figures = [span for span in spans if not any(s <= span[0] and span[1] <= e for s, e in when)]
    if len(figures) == 1 and len(spans) > 1:
        spans = figures
    else:
        when = []
    if len(spans) > 1:
        shown = " and ".join(f"“{text[start:end]}”" for start, end, _ in spans)
        return Unread(f"it holds more than one figure ({shown})")
    start, end, readings = spans[0]
    readings = _native_first(readings, locale)
    rest = _blank(text, [(start, end), *when])
    left = _NUMBERISH.search(rest)
    if left is not None:
        word = _word_at(rest, left.start())
        return Unread(f"the reading of “{text[start:end]}” would leave out “{word}”")
    if not readings:
        return Unread(f"“{text[start:end]}” is not a figure the check can read")
    marker = _MARKER_BEFORE.search(text[:start])
    if marker is not None:
        bound = _MARKERS[marker["marker"].lower()]
        written = text[marker.start() : end]
        readings = tuple(_with_bound(reading, bound, written) for reading in readings)
    return readings


_YEAR = re.compile(r"(?<![0-9.,])(?:18|19|20)[0-9]{2}(?![0-9]|[.,][0-9]|[ \u00a0]?(?:%|per|percent|[kKmMbB]\b))")


def _read_native_phrase(text: str, language: Language, locale: str) -> tuple[FigurePhrase, ...] | Unread:
    """A mark in Hindi or Arabic (`native`): the same rule, one figure read whole or unread."""
    reading = read_native(text, language, locale, in_mark=True)
    spans = [(f.start, f.end) for f in reading.figures] + [(start, end) for start, end, _ in reading.vague]
    if reading.leftover:
        if spans:
            shown = text[spans[0][0] : spans[0][1]]
            return Unread(f"the reading of “{shown}” would leave out “{reading.leftover[0]}”")
        return Unread(f"“{reading.leftover[0]}” is not a figure the check can read")
    if not spans:
        return Unread("it holds no figure")
    if len(spans) > 1:
        shown = " and ".join(f"“{text[start:end]}”" for start, end in sorted(spans))
        return Unread(f"it holds more than one figure ({shown})")
    if reading.vague:
        start, end, (low, high) = reading.vague[0]
        return (FigurePhrase(text[start:end], Decimal(low), Decimal(high), "range", None, Decimal(1), "vague-plural"),)
    figure = reading.figures[0]
    phrase = FigurePhrase(
        text[figure.start : figure.end], figure.low, figure.high, figure.bound, figure.unit, figure.step,
        figure.kind, grid=figure.grid,
    )  # fmt: skip
    return (phrase,)


def _dates_and_years(text: str) -> list[tuple[int, int]]:
    spans = [match.span() for match in DATE_OR_TIME.finditer(text)]
    return spans + [match.span() for match in _YEAR.finditer(text)]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _native_first(readings: tuple[FigurePhrase, ...], locale: str) -> tuple[FigurePhrase, ...]:
    """Drop readings with a decimal mark the locale does not write, when another reading remains.

    "12,500" in an en_IN or en_US article is twelve thousand five hundred, never 12.5.
    """
    symbol = number_conventions(locale).decimal_symbol
    native = tuple(p for p in readings if p.digits is None or p.digits.decimal_mark in (None, symbol))
    return native or readings


def _with_bound(reading: FigurePhrase, bound: str, written: str) -> FigurePhrase:
    # A range keeps its own bounds: "about 20-25%" is the range.
    return replace(reading, text=written, bound=reading.bound if reading.bound != "exact" else bound)


def _word_at(text: str, index: int) -> str:
    start = index
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-,."):
        start -= 1
    match = re.match(r"[\w.,%-]+", text[start:])
    return match.group().strip(".,") if match else text[index]


def _no_figure_reason(text: str) -> str:
    left = _NUMBERISH.search(text)
    if left is None:
        return "it holds no figure"
    return f"“{_word_at(text, left.start())}” is not a figure the check can read"


Span = tuple[int, int, tuple[FigurePhrase, ...]]


def _phrase_spans(text: str, locale: str) -> list[Span]:
    """The figures of a mark: newsroom phrases first, then figure expressions, then ranges of them."""
    spans: list[Span] = []
    for match in _PHRASES.finditer(text):
        spans.append((match.start(), match.end(), _read_match(match)))
    covered = [(start, end) for start, end, _ in spans]
    expressions = []
    for match in FIGURE_PATTERN.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in covered):
            continue
        if match.start() > 0 and (text[match.start() - 1].isalnum() or text[match.start() - 1] == "_"):
            continue
        readings = order_readings(read_expression(match, bare_m=True), locale)
        expressions.append((match, readings))
    index = 0
    while index < len(expressions):
        match, readings = expressions[index]
        if index + 1 < len(expressions):
            following, following_readings = expressions[index + 1]
            ranged = _read_range(text, match, readings, following, following_readings)
            if ranged is not None:
                spans.append(ranged)
                index += 2
                continue
        spans.append((match.start(), match.end(), tuple(_single(match.group(), r) for r in readings)))
        index += 1
    return sorted(spans, key=lambda span: span[0])


def _single(text: str, reading: FigureReading) -> FigurePhrase:
    return FigurePhrase(
        text, reading.value, reading.value, "exact", reading.unit, reading.precision, "figure",
        digits=reading, digits_text=text,
    )  # fmt: skip


def _read_range(
    text: str,
    first: re.Match[str],
    first_readings: tuple[FigureReading, ...],
    second: re.Match[str],
    second_readings: tuple[FigureReading, ...],
) -> Span | None:
    between = text[first.end() : second.start()]
    joiner = _RANGE_BETWEEN.fullmatch(between)
    if joiner is None or not first_readings or not second_readings:
        return None
    word = joiner.group().strip().lower()
    opened_by_between = re.search(r"(?i)\bbetween[ \u00a0]+$", text[: first.start()])
    if (word == "and") != bool(opened_by_between):
        return None  # "3 and 4 million" without "between" is two figures
    low, high = first_readings[0], second_readings[0]
    low_value, unit = low.value, low.unit or high.unit
    if low.unit is not None and high.unit is not None and low.unit != high.unit:
        return None
    if low.scale == 1 and high.scale != 1:
        low_value = low.value.scaleb(high.scale.adjusted(), WIDE_CONTEXT)  # "3-4 million": one scale
    if low_value > high.value:
        return None
    start = opened_by_between.start() if opened_by_between else first.start()
    step = min(low.precision.scaleb(high.scale.adjusted() if low.scale == 1 else 0, WIDE_CONTEXT), high.precision)
    phrase = FigurePhrase(
        text[start : second.end()], low_value, high.value, "range", unit, step, "range",
        digits=high, digits_text=second.group(),
    )  # fmt: skip
    return start, second.end(), (phrase,)


def _count(word: str | None) -> Decimal | None:
    if word is None:
        return Decimal(1)
    word = word.lower()
    if word.replace(",", "").isdigit():  # a ratio's total may be grouped: "1 in 2,000"
        return Decimal(word.replace(",", ""))
    if word in _SMALL:
        return Decimal(_SMALL[word])
    reading = read_number_words(word)
    return reading.value if reading else None


def _read_match(match: re.Match[str]) -> tuple[FigurePhrase, ...]:
    """The reading of one newsroom phrase; () when its words make no number."""
    text = match.group()
    with decimal.localcontext(WIDE_CONTEXT):
        if match["fraction_of_scale"]:
            count = _count(match["fs_count"])
            denominator = _DENOMINATORS[match["fs_fraction"].lower()]
            scale = Decimal(_SCALE_VALUES[match["fs_scale"].lower()])
            if count is None or count >= denominator:
                return ()
            value = count * scale / denominator
            return (_exact(text, value, scale / denominator, "fraction-of-scale", grid=scale),)
        if match["half_scale"]:
            scale = Decimal(_SCALE_VALUES[match["hs_scale"].lower()])
            return (_exact(text, scale / 2, scale / 2, "fraction-of-scale", grid=scale),)
        if match["and_a_half"]:
            whole = _count(match["ah_whole"])
            scale = Decimal(_SCALE_VALUES[match["ah_scale"].lower()])
            part = Decimal("0.5") if match["ah_fraction"].lower() == "half" else Decimal("0.25")
            if whole is None:
                return ()
            return (_exact(text, (whole + part) * scale, part * scale, "fraction-of-scale", grid=scale),)
        if match["scaled_dozen"]:
            count = _count(match["dz_count"])
            return () if count is None else (_exact(text, count * 12, Decimal(1), "dozen"),)
        if match["vague"]:
            key = " ".join(match["vague_words"].lower().split())
            low, high = _VAGUE[key]
            return (FigurePhrase(text, Decimal(low), Decimal(high), "range", None, Decimal(1), "vague-plural"),)
        if match["ratio"]:
            count, total = _count(match["ratio_count"]), _count(match["ratio_total"].replace("a ", ""))
            if count is None or total is None or not 0 < count <= total:
                return ()
            if _A_YEAR.fullmatch(match["ratio_total"]) and "out" not in match["ratio"].lower():
                return ()  # "against two in 2023" counts two, in a year; it is not one in a thousand
            value = count * 100 / total
            return (_exact(text, value, Decimal(100) / total, "ratio", unit="percent", grid=Decimal(100)),)
        count = _count(match["sh_count"])
        denominator = _DENOMINATORS[match["sh_fraction"].lower()]
        if count is None or count >= denominator:
            return ()
        value = count * 100 / denominator
        return (_exact(text, value, Decimal(100) / denominator, "share", unit="percent", grid=Decimal(100)),)


def _exact(
    text: str, value: Decimal, step: Decimal, kind: str, *, unit: str | None = None, grid: Decimal | None = None
) -> FigurePhrase:
    # A third is kept to twelve decimals: exact enough to judge, short enough to show and to store.
    value, step = (_twelve_places(number) for number in (value, step))
    return FigurePhrase(text, value, value, "exact", unit, step, kind, grid=grid)


def _twelve_places(number: Decimal) -> Decimal:
    return number.quantize(Decimal("1e-12"), context=WIDE_CONTEXT).normalize(WIDE_CONTEXT)


# A share of time or distance is not a share of people or things: "a quarter of the year".
_SHARE_OF_TIME = re.compile(
    r"[ \u00a0]+(?:(?:the|a|an|this|that|its|their)[ \u00a0]+)?(?:first[ \u00a0]+|second[ \u00a0]+|last[ \u00a0]+)?"
    r"(?:years?|century|centuries|decades?|months?|weeks?|days?|hours?|seasons?|terms?|quarters?|way|miles?)\b",
    re.IGNORECASE,
)


def find_source_figures(text: str, locale: str) -> tuple[FoundFigure, ...]:
    """The figures of a source, in order: `find_figures`'s, with newsroom phrases read whole.

    A phrase may run across a line break, as wrapped sources have it; offsets are into `text`.
    A source of an article in Hindi or Arabic is read by `native`.
    """
    language = language_of_locale(locale)
    if language is not None:
        return native_source_figures(text, language, locale)
    flat = text.replace("\n", " ")  # same length: offsets hold
    phrases = []
    for match in _PHRASES.finditer(flat):
        bare_share = match["share"] and (match["sh_count"] is None or _SHARE_OF_TIME.match(flat, match.end()))
        if match["vague"] or bare_share:
            continue
        readings = _read_match(match)
        if readings:
            start, end = match.span()
            phrases.append(FoundFigure(text[start:end], start, end, tuple(map(_as_reading, readings))))
    others = [
        figure
        for figure in find_figures(text, locale=locale, include_years=True)
        if not any(p.start < figure.end and figure.start < p.end for p in phrases) and not _names_a_year(flat, figure)
    ]
    return tuple(sorted([*phrases, *others], key=lambda figure: figure.start))


# A number that reads as a year: "2025 Bridge Condition Report", "In 2024 the department let", "fiscal year 2024."
_COUNTED_WORD_AFTER = re.compile(r"[ \u00a0]+[a-z]")
_YEAR_WORD_BEFORE = re.compile(
    r"(?i)\b(?:in|since|by|until|till|from|to|of|during|before|after|year|early|late|mid)[ \u00a0]+$"
)


def _names_a_year(flat: str, figure: FoundFigure) -> bool:
    """A bare number that reads as a year (`_A_YEAR`) is a count only where a lower-case word follows it and no
    word of time comes before it ("2000 troops"): "2025 Bridge Condition Report" counts no bridges, and "In
    2024 the department let 312 bridge projects" none either. A count written like a year elsewhere is lost
    to the comparison: the check then says "not found", never compares with a year."""
    if _A_YEAR.fullmatch(figure.text) is None:
        return False
    before = flat[max(0, figure.start - 12) : figure.start]
    return _COUNTED_WORD_AFTER.match(flat, figure.end) is None or _YEAR_WORD_BEFORE.search(before) is not None


def _as_reading(phrase: FigurePhrase) -> FigureReading:
    return FigureReading(
        value=phrase.low, unit=phrase.unit, notation="words", notation_label=NOTATION_LABELS["words"],
        precision=phrase.step, numeral_notation="words",
    )  # fmt: skip
