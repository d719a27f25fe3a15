"""Misspellings: Harper's spelling lints, less the false alarms a news article would raise.

Harper does not know the article: a capitalised or upper-case word is a name, an abbreviation or a
headline to it just as to us, so only lower-case words are reported; words with digits, handles and
spellings correct in another English dialect (`travelling` in a US article) are not misspellings.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import DamerauLevenshtein

from factsite.lint.engine import EngineLint, is_variant_spelling
from factsite.lint.findings import Span
from factsite.lint.prose import Prose
from factsite.lint.vocabulary import NEWSROOM_WORDS, RUN_TOGETHER

PLAIN_WORD = re.compile(r"[a-z]+(?:['\u2019-][a-z]+)*")
POSSESSIVE = re.compile(r"['\u2019]s$")


def find_misspellings(
    prose: Prose, lints: tuple[EngineLint, ...], locale: str, words: frozenset[str] = frozenset()
) -> list[Span]:
    """A span for every lower-case word the engine does not know, with its likeliest correction.

    `words` are the site's own (content/words.txt, lower case): never reported."""
    spans: list[Span] = []
    for lint in lints:
        if lint.kind != "spelling":
            continue
        word = prose.masked[lint.start : lint.end]
        # A run-together slip is one at the start of a sentence too ("Everytime"): no name is.
        run_together = RUN_TOGETHER.get(word.lower()) if word[1:].islower() else None
        if not (PLAIN_WORD.fullmatch(word) or run_together) or _is_handle(prose.masked, lint.start):
            continue
        if _is_bracket_edited(prose.masked, lint.start, lint.end) or _is_prefixed(word):
            continue
        # The dictionary's added words do not take the possessive by themselves ("$4bn's worth").
        base = POSSESSIVE.sub("", word)
        if word in words or base in words or base in NEWSROOM_WORDS or is_variant_spelling(word, locale):
            continue
        suggestion = run_together or (lint.suggestions[0] if lint.suggestions else None)
        if run_together and word[0].isupper():
            suggestion = run_together.capitalize()
        spans.append(
            Span(
                "spelling",
                lint.start,
                lint.end,
                _message(word, suggestion),
                suggestion=suggestion,
                confidence=_confidence(word, suggestion),
            )
        )
    return spans


def _is_handle(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in "@#/\\_"


def _is_bracket_edited(text: str, start: int, end: int) -> bool:
    """Part of a word an editor's bracket changes: the "o" of a quotation's "[N]o"."""
    return (start > 0 and text[start - 1] == "]") or text[end : end + 1] == "["


# Prefixes newsrooms hyphenate onto any word ("pre-tax", "non-executive", "mid-year", "over-exploited"); the dictionary
# knows few such compounds.
_PREFIXED = re.compile(
    r"(?:pre|post|non|co|anti|mid|ex|self|semi|sub|multi|inter|cross|counter|pro|re|ultra|quasi|over|under)-[a-z]{2,}"
)


def _is_prefixed(word: str) -> bool:
    return bool(_PREFIXED.fullmatch(word.lower()))


def _message(word: str, suggestion: str | None) -> str:
    if suggestion is None:
        return f"'{word}' is not in the dictionary."
    return f"'{word}' is not in the dictionary; did you mean '{suggestion}'?"


def _confidence(word: str, suggestion: str | None) -> float:
    # One slip of the finger (a letter dropped, added, swapped) is almost surely a typo; a word far
    # from any known word is as likely a name or a loanword the dictionary lacks.
    if suggestion is None:
        return 0.5
    if suggestion.replace(" ", "") == word.lower():
        return 0.9  # two words run together ("alot")
    distance = DamerauLevenshtein.distance(word.lower(), suggestion.lower())
    return 0.9 if distance <= 1 else 0.7 if distance == 2 else 0.5
