"""Numbers written in English words: "three hundred thousand", "a million", "twelve lakh".

text2num reads the international scale (hundred, thousand, million...). It knows neither lakh nor
crore nor "a million", so this module splits a phrase on the Indian scale words and reads each part
with text2num.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from text_to_num import text2num  # type: ignore[import-untyped]

_SMALL_NUMBERS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"),
    *("nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
)
MULTIPLIERS: Mapping[str, int] = MappingProxyType(
    {
        "hundred": 100,
        "thousand": 1000,
        "lakh": 100_000,
        "lakhs": 100_000,
        "crore": 10_000_000,
        "crores": 10_000_000,
        "million": 1_000_000,
        "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000,
    }
)
# "lakh crore" (10^12) is one multiplier, as in "Rs 1 lakh crore".
_LAKH_CRORE = "lakh crore"
INDIAN_MULTIPLIERS = frozenset({"lakh", "lakhs", "crore", "crores", _LAKH_CRORE})
# Multipliers text2num does not read; a phrase is split on them.
_SPLIT_MULTIPLIERS = INDIAN_MULTIPLIERS | {"trillion"}
_SPLIT_VALUES = {**MULTIPLIERS, _LAKH_CRORE: 10**12}

NUMBER_WORDS = (*_SMALL_NUMBERS, *MULTIPLIERS, "a", "an")
_WORD = "(?:" + "|".join(sorted([*_SMALL_NUMBERS, *MULTIPLIERS], key=len, reverse=True)) + ")"
_MULTIPLIER = "(?:" + "|".join(MULTIPLIERS) + ")"
_AFTER_BIG_MULTIPLIER = "(?:" + "|".join(f"(?<={word})" for word in MULTIPLIERS if word != "hundred") + ")"
# A run of number words; "a"/"an" only before a multiplier ("a million"), commas only after a
# big one ("one million, two hundred thousand"). Case-insensitive: a sentence may start with one.
NUMBER_WORDS_PATTERN = (
    rf"(?i:(?<![\w'\u2019-])(?:an?[ ](?={_MULTIPLIER}\b))?{_WORD}"
    rf"(?:(?:[ ](?:and[ ])?|-|{_AFTER_BIG_MULTIPLIER},[ ](?:and[ ])?){_WORD}\b)*\b(?!-\w))"
)
_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)


@dataclass(frozen=True)
class WordsReading:
    value: Decimal
    precision: Decimal  # the multiplier it ends on: "three hundred thousand" counts in thousands
    uses_indian_scale: bool


def read_number_words(phrase: str) -> WordsReading | None:
    """The value of a phrase of number words, or None when the words do not make one number."""
    words = [word.lower() for word in _TOKEN.findall(phrase)]
    if not words or words[0] in MULTIPLIERS:
        return None  # "lakhs of people", "thousands": a multiplier needs a count ("a", "one"...)
    if words[0] in ("a", "an"):
        words[0] = "one"
    words = _join_lakh_crore(words)
    value = _read_in_parts(words)
    if value is None:
        return None
    last = words[-1]
    precision = Decimal(_SPLIT_VALUES[last]) if last in _SPLIT_VALUES else Decimal(1)
    return WordsReading(Decimal(value), precision, any(w in INDIAN_MULTIPLIERS for w in words))


def _join_lakh_crore(words: list[str]) -> list[str]:
    joined: list[str] = []
    for word in words:
        if word in ("crore", "crores") and joined and joined[-1] in ("lakh", "lakhs"):
            joined[-1] = _LAKH_CRORE
        else:
            joined.append(word)
    return joined


def _read_in_parts(words: list[str]) -> int | None:
    # "two crore fifty lakh thirty thousand": each part before a multiplier text2num lacks is read
    # on its own, and those multipliers must come in decreasing order.
    total, previous_multiplier = 0, None
    part: list[str] = []
    for word in words:
        if word not in _SPLIT_MULTIPLIERS:
            part.append(word)
            continue
        multiplier = _SPLIT_VALUES[word]
        count = _read_international(part)
        if count is None or (previous_multiplier is not None and multiplier >= previous_multiplier):
            return None
        total += count * multiplier
        part, previous_multiplier = [], multiplier
    if part:
        rest = _read_international(part)
        if rest is None or (previous_multiplier is not None and rest >= previous_multiplier):
            return None
        total += rest
    return total


def _read_international(words: list[str]) -> int | None:
    for candidate in (words, [word for word in words if word != "and"]):
        if not candidate or candidate[-1] == "and":
            continue
        try:
            return int(text2num(" ".join(candidate), "en"))
        except ValueError:
            continue
    return None
