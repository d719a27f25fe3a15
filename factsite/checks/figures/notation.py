"""Digit notations: which separators a numeral uses, its value, the locales where that is standard.

Babel's strict parser does the reading: a numeral is tried in a set of reference locales, each one
that accepts it gives a value. Babel does not name the notation, tell which separator was a group
mark, nor judge a notation for a locale outside the reference set; that small part is written here.
"""

from __future__ import annotations

import decimal
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from babel import Locale
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from factsite.languages.script import native_digits

NOTATION_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "plain": "digits without grouping",
        "decimal-point": "decimal point",
        "decimal-comma": "decimal comma",
        "western-grouping": "comma digit grouping in thousands",
        "indian-grouping": "Indian digit grouping (lakh/crore)",
        "dot-grouping": "dot digit grouping",
        "space-grouping": "space digit grouping",
        "apostrophe-grouping": "apostrophe digit grouping",
        "lakh-crore-words": "lakh/crore number words",
        "scale-word": "scale word (thousand, million, billion)",
        "suffix": "scale suffix (K, M, bn)",
        "words": "number in words",
    }
)
NUMERAL_NOTATIONS = (
    "plain",
    "decimal-point",
    "decimal-comma",
    "western-grouping",
    "indian-grouping",
    "dot-grouping",
    "space-grouping",
    "apostrophe-grouping",
)
# The locales a numeral is tried in: together they cover every digit notation above.
REFERENCE_LOCALES = (
    "en_US",
    "en_GB",
    "en_IN",
    "hi_IN",
    "de_DE",
    "de_CH",
    "fr_FR",
    "es_ES",
    "it_IT",
    "pt_BR",
    "nl_NL",
    "sv_SE",
    "ru_RU",
    "pl_PL",
)
SPACES = " \u00a0\u202f\u2009"
APOSTROPHES = "'\u2019"
# The most digits a figure may have, in a mark, a source or a claim's `value`: no newsroom figure comes
# near, and Decimal arithmetic (WIDE_CONTEXT) and Babel's formatting stay exact below it.
MAX_FIGURE_DIGITS = 100
# Babel rounds to the decimal context while formatting; figures may exceed the default 28 digits. A
# figure of MAX_FIGURE_DIGITS digits times a scale word, and Babel's quantizing of it, stay exact here.
WIDE_CONTEXT = decimal.Context(prec=3 * MAX_FIGURE_DIGITS)
_DIGITS = re.compile(r"[0-9]+")
_SEPARATORS = re.compile(rf"[.,{SPACES}{APOSTROPHES}]")


def within_bounds(number: Decimal) -> bool:
    """Whether a figure is one the checks compute with: at most MAX_FIGURE_DIGITS digits, and no
    exponent beyond them ("1e5000" is refused where it is written, not met as an overflow later)."""
    exponent = number.as_tuple().exponent
    if not isinstance(exponent, int):
        return False  # NaN or infinity
    digits = len(number.as_tuple().digits)
    return digits <= MAX_FIGURE_DIGITS and abs(number.adjusted()) < MAX_FIGURE_DIGITS and exponent >= -MAX_FIGURE_DIGITS


@dataclass(frozen=True)
class FigureReading:
    """One way to read a figure: its value, its unit and how it is written."""

    value: Decimal
    unit: str | None  # ISO 4217 code ("INR", "USD"...), "percent", or None
    notation: str  # a key of NOTATION_LABELS
    notation_label: str
    precision: Decimal  # smallest step the text expresses: "1.2 lakh" -> 10000
    locales: tuple[str, ...] = ()  # reference locales in which this writing is standard
    # How the digits are written: "western-grouping" in "Rs 2,000 crore"; "words" for words.
    numeral_notation: str = ""
    decimal_mark: str | None = None  # "." or "," when the digits have a fraction
    scale: Decimal = Decimal(1)  # the multiplier of a scale word or suffix: 10000000 for "crore"


@dataclass(frozen=True)
class NumeralReading:
    """A reading of the digits alone, before any scale word, sign or unit."""

    value: Decimal
    notation: str
    decimal_mark: str | None
    locales: tuple[str, ...]

    @property
    def precision(self) -> Decimal:
        exponent = self.value.as_tuple().exponent
        assert isinstance(exponent, int)
        return Decimal(1).scaleb(min(exponent, 0))


@dataclass(frozen=True)
class NumberConventions:
    """How a locale writes numbers, taken from Babel's CLDR data."""

    locale: str
    language: str
    decimal_symbol: str
    group_symbol: str
    primary_grouping: int
    secondary_grouping: int
    counts_in_lakhs: bool  # CLDR's compact formats have a word for 100,000 (lakh) in this locale


@functools.cache
def babel_locale(locale: str) -> Locale:
    """Babel's locale for "en_US" or "en-US"; memoised, the data never changes."""
    return Locale.parse(locale.replace("-", "_"))


@functools.cache
def number_conventions(locale: str) -> NumberConventions:
    """The number conventions of a locale ("en_US" or "en-US"); memoised like babel_locale."""
    parsed = babel_locale(locale)
    pattern = parsed.decimal_formats[None]
    primary, secondary = pattern.grouping
    return NumberConventions(
        locale=str(parsed),
        language=parsed.language,
        decimal_symbol=parsed.number_symbols["latn"]["decimal"],
        group_symbol=parsed.number_symbols["latn"]["group"],
        primary_grouping=primary,
        secondary_grouping=secondary,
        counts_in_lakhs=_counts_in_lakhs(parsed),
    )


def _counts_in_lakhs(locale: Locale) -> bool:
    # "0L" (en_IN) or "0 लाख" (hi) writes 100,000 with one digit: the locale has a lakh word.
    for forms in locale.compact_decimal_formats.values():
        for plural_forms in forms.values():
            pattern = plural_forms.get("100000")
            # A bare "0" pattern means "not abbreviated" (German writes 100 000 in full).
            abbreviated = pattern is not None and pattern.pattern.strip("0") != ""
            if abbreviated and pattern.int_prec[1] == 1:
                return True
    return False


@functools.lru_cache(maxsize=4096)
def read_numeral(numeral: str) -> tuple[NumeralReading, ...]:
    """Every reading of a numeral (digits and separators only) that a reference locale accepts.

    Readings where a separator groups digits come before readings where it is a decimal mark:
    "300,000" is far more often three hundred thousand than three hundred to three decimals.
    Memoised because prose repeats numerals and Babel's strict check formats once per locale.
    """
    if sum(map(str.isdigit, numeral)) > MAX_FIGURE_DIGITS:
        return ()
    if _DIGITS.fullmatch(numeral):
        return (NumeralReading(Decimal(numeral), "plain", None, REFERENCE_LOCALES),)
    if not _DIGITS.match(numeral) or not numeral[-1].isdigit():
        return ()
    found: dict[tuple[Decimal, str, str | None], list[str]] = {}
    for locale in REFERENCE_LOCALES:
        conventions = number_conventions(locale)
        text = _adapt_separators(numeral, conventions)
        own_symbols = {conventions.group_symbol, conventions.decimal_symbol}
        if not set(_SEPARATORS.findall(text)) <= own_symbols:
            continue  # Babel tolerates some foreign separators; we want the locale's own way only
        value = _parse_strictly(text, locale)
        if value is None:
            continue
        notation, decimal_mark = _name_digit_notation(text, conventions)
        found.setdefault((value, notation, decimal_mark), []).append(locale)
    readings = [
        NumeralReading(value, notation, decimal_mark, tuple(locales))
        for (value, notation, decimal_mark), locales in found.items()
    ]
    readings.sort(key=lambda reading: not reading.notation.endswith("grouping"))
    return tuple(readings)


def _adapt_separators(numeral: str, conventions: NumberConventions) -> str:
    # Writers use any space for a space group mark and a straight quote for the Swiss apostrophe.
    if conventions.group_symbol in SPACES:
        return re.sub(f"[{SPACES}]", conventions.group_symbol, numeral)
    if conventions.group_symbol in APOSTROPHES:
        return re.sub(f"[{APOSTROPHES}]", conventions.group_symbol, numeral)
    return numeral


def _parse_strictly(text: str, locale: str) -> Decimal | None:
    with decimal.localcontext(WIDE_CONTEXT):
        try:
            return parse_decimal(text, babel_locale(locale), strict=True)
        except NumberFormatError:
            return None


def _name_digit_notation(text: str, conventions: NumberConventions) -> tuple[str, str | None]:
    decimal_mark = conventions.decimal_symbol if conventions.decimal_symbol in text else None
    if conventions.group_symbol not in text:
        if decimal_mark is None:
            return "plain", None
        return ("decimal-comma" if decimal_mark == "," else "decimal-point"), decimal_mark
    group = conventions.group_symbol
    if group in SPACES:
        return "space-grouping", decimal_mark
    if group in APOSTROPHES:
        return "apostrophe-grouping", decimal_mark
    if group == ".":
        return "dot-grouping", decimal_mark
    integer_part = text.split(decimal_mark)[0] if decimal_mark else text
    inner_groups = integer_part.split(group)[1:-1]
    if any(len(inner) == 2 for inner in inner_groups):
        return "indian-grouping", decimal_mark
    return "western-grouping", decimal_mark


def is_foreign_notation(reading: FigureReading, locale: str) -> bool:
    """Whether a reading is written as readers in `locale` do not write (lakh grouping in en_US)."""
    return bool(foreign_notations(reading, locale))


def foreign_notations(reading: FigureReading, locale: str) -> tuple[str, ...]:
    """The notations of a reading foreign to `locale`: its scale words, its digits, or both.

    Only notation is judged: scale words, suffixes and numbers in words are vocabulary, except
    lakh and crore, which count in a different scale.
    """
    conventions = number_conventions(locale)
    foreign = []
    if reading.notation == "lakh-crore-words" and not conventions.counts_in_lakhs:
        foreign.append(reading.notation)
    numeral_notation = reading.numeral_notation or reading.notation
    with decimal.localcontext(WIDE_CONTEXT):
        numeral_value = abs(reading.value) / reading.scale
    if not _is_native_numeral(numeral_notation, reading.decimal_mark, numeral_value, conventions):
        foreign.append(numeral_notation)
    return tuple(foreign)


def _is_native_numeral(notation: str, decimal_mark: str | None, value: Decimal, conventions: NumberConventions) -> bool:
    if decimal_mark is not None and decimal_mark != conventions.decimal_symbol:
        return False
    group = conventions.group_symbol
    if notation == "western-grouping":
        # Below the first lakh group, Indian and western grouping look the same.
        lakh_limit = 10 ** (conventions.primary_grouping + conventions.secondary_grouping)
        return group == "," and (conventions.secondary_grouping == 3 or value < lakh_limit)
    native_groups = {
        "indian-grouping": group == "," and conventions.secondary_grouping == 2,
        "dot-grouping": group == ".",
        "space-grouping": group in SPACES,
        "apostrophe-grouping": group in APOSTROPHES,
    }
    return native_groups.get(notation, True)


# The locale whose symbols each digit notation borrows when a figure is written in it.
_WRITING_LOCALES: Mapping[str, str] = MappingProxyType(
    {
        "western-grouping": "en_US",
        "indian-grouping": "en_IN",
        "dot-grouping": "de_DE",
        "space-grouping": "fr_FR",
        "apostrophe-grouping": "de_CH",
        "plain": "en_US",
        "decimal-point": "en_US",
        "decimal-comma": "de_DE",
    }
)


def format_numeral(value: Decimal, notation: str = "standard", *, locale: str = "en_US") -> str:
    """Write a number in a digit notation, or in `locale`'s own way when `notation` is "standard".

    Every digit written in `value` is kept ("3.50" stays "3.50"); whole numbers get no decimal mark.
    """
    if notation == "standard":
        writing_locale, grouped = locale, True
    elif notation in _WRITING_LOCALES:
        writing_locale = _WRITING_LOCALES[notation]
        grouped = notation.endswith("grouping")
    else:
        raise ValueError(f"unknown digit notation {notation!r}; expected {NUMERAL_NOTATIONS}")
    if notation == "plain":
        if value != value.to_integral_value():
            raise ValueError(f"plain notation writes whole numbers only, not {value}")
        value = value.quantize(Decimal(1), context=WIDE_CONTEXT)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    babel = babel_locale(writing_locale)
    # The locale's own pattern, with exactly as many fraction digits as the value has.
    integer_pattern = babel.decimal_formats[None].pattern.split(";")[0].split(".")[0]
    places = max(-exponent, 0)
    fraction = "." + "0" * places if places else ""
    with decimal.localcontext(WIDE_CONTEXT):
        text = format_decimal(
            value,
            format=integer_pattern + fraction,
            locale=babel,
            group_separator=grouped,
        )
    if notation == "standard":
        # Babel writes the locale's separators but Latin digits: ar_EG writes its own (٢٥٠٬٠٠٠).
        return native_digits(text, locale)
    # CLDR changed the Swiss group mark from U+2019 to a straight quote (Babel 2.15): the typographic
    # apostrophe is written whatever Babel's version.
    return text.replace("'", "\u2019") if notation == "apostrophe-grouping" else text
