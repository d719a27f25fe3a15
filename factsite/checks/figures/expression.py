"""One figure expression: currency, sign, digits or words, scale word or suffix, percent.

The grammar ("Rs 2,000 crore", "3,5 percent", "$5m") is one regular expression shared by
`parse_figure` and the prose scanner, so a figure reads the same wherever it is found. No library
covers currency signs, Indian scale words and newsroom suffixes together; the digits are left to
`notation` (Babel) and the words to `words` (text2num).
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from babel.numbers import format_compact_decimal

from factsite.checks.figures.notation import (
    NOTATION_LABELS,
    NUMERAL_NOTATIONS,
    REFERENCE_LOCALES,
    WIDE_CONTEXT,
    FigureReading,
    NumeralReading,
    babel_locale,
    format_numeral,
    is_foreign_notation,
    number_conventions,
    read_numeral,
)
from factsite.checks.figures.words import NUMBER_WORDS, NUMBER_WORDS_PATTERN, read_number_words


@dataclass(frozen=True)
class Scale:
    multiplier: Decimal
    notation: str
    languages: tuple[str, ...]


_LAKH = Scale(Decimal(10**5), "lakh-crore-words", ("en", "hi"))
_CRORE = Scale(Decimal(10**7), "lakh-crore-words", ("en", "hi"))
# Scale words and newsroom abbreviations, lower-cased and singular; "Mio." and "Mrd." are German.
SCALES: Mapping[str, Scale] = MappingProxyType(
    {
        "thousand": Scale(Decimal(10**3), "scale-word", ("en",)),
        "million": Scale(Decimal(10**6), "scale-word", ("en",)),
        "billion": Scale(Decimal(10**9), "scale-word", ("en",)),
        "trillion": Scale(Decimal(10**12), "scale-word", ("en",)),
        "mio.": Scale(Decimal(10**6), "scale-word", ("de",)),
        "mrd.": Scale(Decimal(10**9), "scale-word", ("de",)),
        "lakh": _LAKH,
        "lac": _LAKH,
        "crore": _CRORE,
        "cr": _CRORE,
        # Lakh metric tonnes, as Indian government releases write grain stocks ("256.31 LMT"); the noun is
        # in the abbreviation (compare.UNIT_ABBREVIATIONS).
        "lmt": _LAKH,
        "lakh crore": Scale(Decimal(10**12), "lakh-crore-words", ("en", "hi")),
        "k": Scale(Decimal(10**3), "suffix", ("en",)),
        "m": Scale(Decimal(10**6), "suffix", ("en",)),
        "mn": Scale(Decimal(10**6), "suffix", ("en",)),
        "mln": Scale(Decimal(10**6), "suffix", ("en",)),
        "b": Scale(Decimal(10**9), "suffix", ("en",)),
        "bn": Scale(Decimal(10**9), "suffix", ("en",)),
        "tn": Scale(Decimal(10**12), "suffix", ("en",)),
    }
)
# "$" is read as US dollars: the other dollars are written with their own prefix (A$, C$).
CURRENCY_PREFIXES: Mapping[str, str] = MappingProxyType(
    {
        "$": "USD",
        "us$": "USD",
        "us $": "USD",
        "u.s.$": "USD",
        "u.s. $": "USD",
        "a$": "AUD",
        "c$": "CAD",
        "€": "EUR",
        "£": "GBP",
        "₹": "INR",
        "rs": "INR",
        "rs.": "INR",
        "inr": "INR",
        "usd": "USD",
        "eur": "EUR",
        "gbp": "GBP",
    }
)
CURRENCY_SUFFIXES: Mapping[str, str] = MappingProxyType(
    {
        "rupees": "INR",
        "rupee": "INR",
        "dollars": "USD",
        "us dollars": "USD",
        "u.s. dollars": "USD",
        "euros": "EUR",
        "euro": "EUR",
        "pounds sterling": "GBP",
        "€": "EUR",
        "inr": "INR",
        "usd": "USD",
        "eur": "EUR",
        "gbp": "GBP",
    }
)

_GAP = "[ \u00a0\n]"  # a line break too: sources are wrapped text
_SPACE_GROUP = "[ \u00a0\u202f\u2009]"
_DIGITS = (
    rf"(?<![0-9])(?:[0-9]{{1,3}}(?:{_SPACE_GROUP}[0-9]{{3}})+(?:[.,][0-9]+)?"
    r"|[0-9]+(?:[.,'\u2019][0-9]+)*)(?![0-9])"
)
_WORD_SCALES = (
    rf"(?i:thousand|million|billion|trillion|lakhs?{_GAP}crores?|lakhs?|lacs?|crores?|cr"
    r"|mn|mln|bn|tn)\b|Mio\.|Mrd\.|LMT\b"
)
_MINUS = "-\u2212"
_CURRENCY_WORDS = (
    rf"(?i:rupees?|(?:US|U\.S\.){_GAP}dollars|dollars|euros?|pounds{_GAP}sterling)\b"
    r"|INR\b|USD\b|EUR\b|GBP\b"
)
# A figure starts with a digit, a sign, a currency or a number word: testing the first character
# before the full grammar lets the engine skip most positions of a text (twice as fast on prose).
_LETTERS = sorted({word[0] for word in NUMBER_WORDS} | {"r", "i", "u", "e", "g", "c"})
_FIRST_CHARACTER = rf"(?=[0-9{_MINUS}$€£₹]|\b[{''.join(_LETTERS)}{''.join(_LETTERS).upper()}])"
FIGURE_PATTERN = re.compile(
    rf"""
    {_FIRST_CHARACTER}
    (?:(?P<prefix>(?:US|U\.S\.|A|C)?\$|€|£|₹|(?<![\w.])(?:Rs\.?|INR|USD|EUR|GBP))
       {_GAP}?(?=[{_MINUS}0-9]))?
    (?P<sign>(?<![\w.,{_MINUS}])[{_MINUS}])?
    (?:(?P<digits>{_DIGITS})|(?P<words>{NUMBER_WORDS_PATTERN}))
    (?:
        {_GAP}?(?P<scale>{_WORD_SCALES})
      | (?<=[0-9])(?P<suffix>[kKmMB])(?![\w])
    )?
    (?:
        {_GAP}?(?P<percent>%|(?i:per{_GAP}?cent)\b|percent\b|pc\b)
      | {_GAP}(?P<currency_word>{_CURRENCY_WORDS})
      | {_GAP}?(?P<currency_sign>€)
    )?
    """,
    re.VERBOSE,
)


def parse_figure(text: str, *, locale: str | None = None) -> tuple[FigureReading, ...]:
    """All plausible readings of one figure expression, most likely first; () if it is none.

    With a `locale`, readings standard in that locale come first; otherwise readings where a
    separator groups digits come before readings where it is a decimal mark. A figure on its own
    reads "4.2m" as millions (in prose, see `scan`).
    """
    match = FIGURE_PATTERN.fullmatch(text.strip())
    if match is None:
        return ()
    return order_readings(read_expression(match, bare_m=True), locale)


def order_readings(readings: tuple[FigureReading, ...], locale: str | None) -> tuple[FigureReading, ...]:
    if locale is None:
        return readings
    return tuple(sorted(readings, key=lambda reading: is_foreign_notation(reading, locale)))


def read_expression(match: re.Match[str], *, bare_m: bool = False) -> tuple[FigureReading, ...]:
    """The readings of a figure matched by FIGURE_PATTERN.

    "5m" without a currency may be five metres: it is read as five million only with `bare_m`
    (in a figure mark, or before a noun in prose).
    """
    unit = _read_unit(match)
    if unit == "" or (match["suffix"] == "m" and unit in (None, "percent") and not bare_m):
        return ()  # two units that disagree
    sign = -1 if match["sign"] else 1
    scale = _read_scale(match)
    if match["words"] is not None:
        numerals = _read_words(match["words"])
    else:
        numerals = tuple(_NumeralPart.of(reading) for reading in read_numeral(match["digits"]))
    readings = []
    for numeral in numerals:
        reading = _combine(numeral, scale, sign, unit)
        if reading is not None:
            readings.append(reading)
    return tuple(readings)


@dataclass(frozen=True)
class _NumeralPart:
    value: Decimal
    precision: Decimal
    notation: str
    decimal_mark: str | None
    locales: tuple[str, ...]
    uses_indian_scale: bool = False

    @classmethod
    def of(cls, reading: NumeralReading) -> _NumeralPart:
        return cls(
            reading.value,
            reading.precision,
            reading.notation,
            reading.decimal_mark,
            reading.locales,
        )


_ENGLISH_LOCALES = tuple(locale for locale in REFERENCE_LOCALES if locale.startswith("en_"))


def _read_words(phrase: str) -> tuple[_NumeralPart, ...]:
    words = read_number_words(phrase)
    if words is None:
        return ()
    return (_NumeralPart(words.value, words.precision, "words", None, _ENGLISH_LOCALES, words.uses_indian_scale),)


def _read_unit(match: re.Match[str]) -> str | None:
    """The unit of a matched figure, or "" when it has two that disagree ("$5 rupees")."""
    units = set()
    if match["prefix"]:
        units.add(CURRENCY_PREFIXES[match["prefix"].lower().replace("\u00a0", " ")])
    if match["currency_word"]:
        units.add(CURRENCY_SUFFIXES[re.sub(r"\s+", " ", match["currency_word"].lower())])
    if match["currency_sign"]:
        units.add(CURRENCY_SUFFIXES[match["currency_sign"]])
    if match["percent"]:
        units.add("percent")
    if len(units) > 1:
        return ""
    return units.pop() if units else None


def _read_scale(match: re.Match[str]) -> Scale | None:
    word = match["scale"] or match["suffix"]
    if not word:
        return None
    singular = re.sub(r"\b(lakh|lac|crore)s\b", r"\1", " ".join(word.lower().split()))
    return SCALES[singular]


def _combine(numeral: _NumeralPart, scale: Scale | None, sign: int, unit: str | None) -> FigureReading | None:
    multiplier = scale.multiplier if scale else Decimal(1)
    notation = scale.notation if scale else numeral.notation
    if numeral.uses_indian_scale:
        if scale is not None:
            return None  # "two lakh million" is not a number
        notation = "lakh-crore-words"
    locales = numeral.locales
    if scale is not None:
        locales = tuple(locale for locale in locales if number_conventions(locale).language in scale.languages)
    if notation == "lakh-crore-words":
        locales = tuple(locale for locale in locales if number_conventions(locale).counts_in_lakhs)
    power = multiplier.adjusted()
    with decimal.localcontext(WIDE_CONTEXT):  # scaleb rounds to the context: 28 digits by default
        value = numeral.value.scaleb(power).copy_sign(Decimal(sign))
        precision = numeral.precision.scaleb(power)
    return FigureReading(
        value=value,
        unit=unit,
        notation=notation,
        notation_label=_label(notation, numeral.notation),
        precision=precision,
        locales=locales,
        numeral_notation=numeral.notation,
        decimal_mark=numeral.decimal_mark,
        scale=multiplier,
    )


def _label(notation: str, numeral_notation: str) -> str:
    label = NOTATION_LABELS[notation]
    if numeral_notation == notation or numeral_notation in ("plain", "decimal-point", "words"):
        return label
    return f"{label}, {NOTATION_LABELS[numeral_notation]}"


_SCALE_WRITING: Mapping[str, tuple[tuple[Decimal, str], ...]] = MappingProxyType(
    {
        "scale-word": tuple(
            (Decimal(10**power), word)
            for power, word in ((12, "trillion"), (9, "billion"), (6, "million"), (3, "thousand"))
        ),
        "suffix": tuple((Decimal(10**power), suffix) for power, suffix in ((12, "tn"), (9, "bn"), (6, "M"), (3, "K"))),
        "lakh-crore-words": ((Decimal(10**7), "crore"), (Decimal(10**5), "lakh")),
    }
)
FORMATTABLE_NOTATIONS = (*NUMERAL_NOTATIONS, *_SCALE_WRITING)


def format_figure(
    value: Decimal,
    notation: str = "standard",
    *,
    locale: str = "en_US",
    unit: str | None = None,
) -> str:
    """Write `value` in a notation of FORMATTABLE_NOTATIONS, or the standard way of `locale`.

    Scaled notations take the largest scale the value reaches ("1.2 lakh", "14K", "2.5 million");
    digits are written in full, never rounded. A currency `unit` is written as its code, a
    percentage with "%". Numbers in words are read but not written.
    """
    if notation in _SCALE_WRITING:
        text = _format_scaled(value, _SCALE_WRITING[notation], notation)
    else:
        text = format_numeral(value, notation, locale=locale)
    if unit == "percent":
        return f"{text}%"
    return f"{unit} {text}" if unit else text


def _format_scaled(value: Decimal, scales: tuple[tuple[Decimal, str], ...], notation: str) -> str:
    multiplier, word = next(((multiplier, word) for multiplier, word in scales if abs(value) >= multiplier), scales[-1])
    digits_notation = "indian-grouping" if notation == "lakh-crore-words" else "western-grouping"
    numeral = format_numeral(value.scaleb(-multiplier.adjusted()).normalize(), digits_notation)
    return f"{numeral}{word}" if notation == "suffix" else f"{numeral} {word}"


def standard_spelling(text: str, reading: FigureReading, locale: str) -> str | None:
    """`text` as `locale` writes `reading`, keeping its words and unit; None if unchanged.

    "3,00,000" -> "300,000" in en_US; "Rs 2,000 crore" -> "Rs 20 billion"; words stay as written.
    """
    stripped = text.strip()
    match = FIGURE_PATTERN.fullmatch(stripped)
    if match is None or match["words"] is not None:
        return None
    conventions = number_conventions(locale)
    if reading.notation == "lakh-crore-words" and not conventions.counts_in_lakhs:
        number = _spell_out_of_lakhs(abs(reading.value), locale)
        start, end = match.start("digits"), match.end("scale")
    else:
        with decimal.localcontext(WIDE_CONTEXT):
            numeral = abs(reading.value) / reading.scale
        number = format_numeral(numeral, locale=locale)
        start, end = match.span("digits")
    respelled = stripped[:start] + number + stripped[end:]
    return None if respelled == stripped else respelled


def _spell_out_of_lakhs(value: Decimal, locale: str) -> str:
    # Below a million the digits read best; above, the locale's own long scale word ("20 billion").
    with decimal.localcontext(WIDE_CONTEXT):
        whole = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
        if value < 10**6 or "long" not in babel_locale(locale).compact_decimal_formats:
            return format_numeral(whole, locale=locale)
        digits = len(value.normalize().as_tuple().digits)
        return format_compact_decimal(value, format_type="long", locale=babel_locale(locale), fraction_digits=digits)
