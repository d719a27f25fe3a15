"""Letters, digits and the marks between them, for Devanagari and Arabic text.

`fold` is the comparison key of a word: what print varies and readers do not notice is folded away.
`to_ascii_digits` maps native digits one for one, so offsets into the mapped text are offsets into the text.
`native_digits` writes ASCII digits in the locale's own digits where its convention uses them (CLDR's default
numbering system: arab for ar_EG and ar_SA, latn for hi_IN and ar_MA); Babel formats separators, not digits.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from babel import Locale, UnknownLocaleError

# Devanagari ०-९, Arabic-Indic ٠-٩, Eastern Arabic-Indic ۰-۹ (Persian, Urdu), Bengali ০-৯; and the Arabic
# decimal and group separators ٫ ٬ as . and , (one character each).
_ZEROS = {"deva": 0x0966, "arab": 0x0660, "arabext": 0x06F0, "beng": 0x09E6}
ASCII_DIGITS = str.maketrans(
    {
        **{chr(zero + digit): str(digit) for zero in _ZEROS.values() for digit in range(10)},
        "\u066b": ".",
        "\u066c": ",",
    }
)
NATIVE_DIGIT = re.compile("[" + "".join(f"{chr(z)}-{chr(z + 9)}" for z in _ZEROS.values()) + "]")

# Letters with their combining marks (matras, virama, nukta, tashkeel): a word is a run of these.
MARKS = (
    r"\u0300-\u036f\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09d7"
    r"\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
)
WORD = rf"(?:[^\W\d_]|[{MARKS}])+"
WORD_PATTERN = re.compile(WORD)

_DEVANAGARI_FOLD = str.maketrans({"\u093c": None, "\u0901": "\u0902", "\u200c": None, "\u200d": None})
_ARABIC_FOLD = str.maketrans(
    {
        **dict.fromkeys(map(chr, range(0x064B, 0x0660)), None),  # tashkeel
        "\u0670": None,  # superscript alef
        "\u0640": None,  # tatweel
        **dict.fromkeys("أإآٱ", "ا"),
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "\u200c": None,
        "\u200d": None,
        "\u200f": None,
        "\u200e": None,
    }
)


_INVISIBLE = str.maketrans(
    {
        **dict.fromkeys(map(chr, range(0x064B, 0x0653)), None),  # tashkeel: harakat, tanwin, shadda, sukun
        "\u0670": None,
        "\u0640": None,  # tatweel
        **dict.fromkeys("\u200c\u200d\u200e\u200f", None),  # joiners and direction marks
    }
)


def typographic_fold(word: str) -> str:
    """A word as a reader reads it: NFC, without joiners, direction marks, tatweel or tashkeel.

    What is left (a nukta, a chandrabindu, a hamza seat, an alef form) is spelling: a quote that differs
    there differs the way "defence" differs from "defense".
    """
    return unicodedata.normalize("NFC", word).translate(_INVISIBLE)


def fold(word: str) -> str:
    """A word's comparison key: NFC; Devanagari without nukta, chandrabindu as anusvara, no joiners;
    Arabic without tashkeel or tatweel, alef, hamza seats, alef maqsura and ta marbuta unified."""
    word = unicodedata.normalize("NFC", word)
    return word.translate(_DEVANAGARI_FOLD).translate(_ARABIC_FOLD).casefold()


def to_ascii_digits(text: str) -> str:
    """Native digits as ASCII digits, one character for one (offsets hold)."""
    return text.translate(ASCII_DIGITS)


def has_native_digits(text: str) -> bool:
    return NATIVE_DIGIT.search(text) is not None


@functools.lru_cache(maxsize=64)
def numbering_system(locale: str) -> str:
    """CLDR's default numbering system of a locale ("arab" for ar_EG, "latn" for hi_IN and ar_MA)."""
    try:
        return str(Locale.parse(locale).default_numbering_system)
    except (UnknownLocaleError, ValueError, TypeError, AttributeError):
        return "latn"


def native_digits(text: str, locale: str) -> str:
    """ASCII digits and separators as `locale` writes them: "1,234.5" -> "١٬٢٣٤٫٥" in ar_EG.

    Only where the locale's default numbering system is not Latin; elsewhere the text is unchanged.
    """
    system = numbering_system(locale)
    zero = _ZEROS.get(system)
    if zero is None:
        return text
    table: dict[str, str | int | None] = {str(digit): chr(zero + digit) for digit in range(10)}
    if system in ("arab", "arabext"):
        # Only separators inside a number: "1,234.5", never the full stop after it.
        text = re.sub(r"(?<=[0-9])[.,](?=[0-9])", lambda m: "\u066b" if m.group() == "." else "\u066c", text)
        # The Arabic percent sign after Arabic-Indic digits.
        text = re.sub(r"(?<=[0-9\u0660-\u0669\u06f0-\u06f9])%", "\u066a", text)
    return text.translate(str.maketrans(table))


_SCRIPTS = (("Deva", re.compile(r"[\u0900-\u097f]")), ("Arab", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")))


def dominant_script(text: str) -> str:
    """ "Deva", "Arab" or "Latn": the script most letters of `text` are written in."""
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS}
    latin = len(re.findall(r"[A-Za-z]", text))
    best = max(counts, key=lambda name: counts[name])
    return best if counts[best] > latin else "Latn"
