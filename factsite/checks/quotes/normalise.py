"""What a comparison of a quote with its source ignores, folded away before words are compared.

Typography (straight or curly quotes and apostrophes, dash variants, odd spaces), letter case and
US/UK spelling are not alterations. The spelling pairs come from the `breame` package; the stop-word
list and the word weights are ours because they only steer where a quote is looked for, never what
counts as a difference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from breame.data.spelling_constants import (  # type: ignore[import-untyped]
    BRITISH_ENGLISH_SPELLINGS,
)

from factsite.languages.script import ASCII_DIGITS, MARKS, fold

# One character for one character, so that offsets into a folded source are offsets into the source.
TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043", "-"),
        **dict.fromkeys("\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000", " "),
        # Arabic and Devanagari punctuation is the punctuation of the press in those scripts: the Arabic
        # comma, semicolon and question mark, and the danda (।, ॥) ending a sentence.
        "\u060c": ",",
        "\u061b": ";",
        "\u061f": "?",
        "\u0964": ".",
        "\u0965": ".",
        # A number is the same number in any digits: "18%" quotes "١٨٪", "2024" quotes "२०२४".
        "\u066a": "%",
        "\u066b": ".",
        "\u066c": ",",
        **{chr(code): digit for code, digit in ASCII_DIGITS.items()},
    }
)
# A word: letters, digits and apostrophes, with the combining marks of Devanagari and Arabic (matras,
# virama, nukta, tashkeel) and zero-width joiners, which `\w` alone would split a word at.
WORD_CHARACTER = rf"[\w'{MARKS}]"
NON_WORD_CHARACTER = rf"[^\w'{MARKS}]"
QUOTATION_MARKS = "'\""
ELLIPSIS = re.compile(r"\.\.\.|\. \. \.|\u2026")
SENTENCE_END = re.compile(r"[.!?]")

# Pairs in breame that are different words rather than two spellings of one.
_DIFFERENT_WORDS = frozenset({"tonne", "tonnes", "bevvy", "bevvies", "gauge", "gauges", "gauged"})
_AMERICAN_SPELLING = {
    british: american for british, american in BRITISH_ENGLISH_SPELLINGS.items() if british not in _DIFFERENT_WORDS
}

# Function words: they weigh little when ranking passages, so that "the ... of ... to" cannot
# outvote the words that make a quote recognisable.
_FUNCTION_WORDS = """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves i'm i've i'd i'll it's that's there's
    we're we've we'll they're they've don't doesn't didn't isn't aren't wasn't weren't won't can't
    cannot let's he's she's what's who's also may might must shall said says
    है हैं था थी थे का की के में से को और ने पर यह वह भी तो कि हम
    في من على الى ان عن ما هذا هذه التي الذي و هو هي
"""
# "'" is the key of a stray quotation mark in a source.
STOPWORDS = frozenset(fold(word) for word in _FUNCTION_WORDS.split()) | {"'"}
STOPWORD_WEIGHT = 0.25
STEM_LENGTH = 5


def fold_typography(text: str) -> str:
    """Straighten quotes and apostrophes, unify dashes and spaces; keeps every offset."""
    return text.translate(TYPOGRAPHY)


def canonical_word(word: str) -> str:
    """The comparison key of one word: case folded, edge apostrophes dropped, American spelling.

    Devanagari and Arabic words are folded by `languages.script.fold` (NFC; nukta, chandrabindu, joiners;
    tashkeel, tatweel, alef and hamza forms): print varies in those, a speaker's words do not.
    """
    return _american(_fold_script(fold_typography(word).casefold().strip(QUOTATION_MARKS)))


def _fold_script(key: str) -> str:
    return key if key.isascii() else fold(key)


def canonical_keys(folded_words: Iterable[str]) -> dict[str, str]:
    """The keys of many words whose typography is already folded, each distinct word once."""
    distinct = list(set(folded_words))
    keys = [_fold_script(word.casefold().strip(QUOTATION_MARKS)) for word in distinct]
    return dict(zip(distinct, map(_american, keys), strict=True))


def _american(key: str) -> str:
    key = _AMERICAN_SPELLING.get(key, key)
    # breame lists the common -isation words; the suffix rule covers the rest (applied to both
    # sides, so a word that has no -ization form is still compared with itself).
    if key.endswith(("isation", "isations")):
        key = key.replace("isation", "ization")
    return key


def stem(key: str) -> str:
    """A crude stem for finding related words ("bluffing", "bluff"): the first five letters."""
    return key[:STEM_LENGTH]


def word_weight(key: str) -> float:
    return STOPWORD_WEIGHT if key in STOPWORDS else 1.0


def normalise_punctuation(gap: str) -> str:
    """The punctuation between two words as it counts: no spaces, no quotation marks, one dash."""
    gap = ELLIPSIS.sub("...", fold_typography(gap))
    gap = "".join(char for char in gap if not char.isspace() and char not in QUOTATION_MARKS)
    return re.sub(r"-+", "-", gap)


def normalise_quote_text(text: str) -> str:
    """The form in which quotes and sources are compared.

    Quotes, apostrophes, dashes, ellipses and whitespace are unified, case is folded and British
    spellings become American, so two texts that differ only in what does not count have the same
    normal form. Punctuation other than quotation marks is kept: a changed comma is a minor
    difference, not nothing.
    """
    folded = ELLIPSIS.sub("...", fold_typography(text))
    words = re.sub(rf"{WORD_CHARACTER}+", lambda match: canonical_word(match.group()) or match.group(), folded)
    return " ".join(words.split())
