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

PLAIN_WORD = re.compile(r"[a-z]+(?:['\u2019-][a-z]+)*")


def find_misspellings(prose: Prose, lints: tuple[EngineLint, ...], locale: str) -> list[Span]:
    """A span for every lower-case word the engine does not know, with its likeliest correction."""
    spans: list[Span] = []
    for lint in lints:
        if lint.kind != "spelling":
            continue
        word = prose.masked[lint.start : lint.end]
        if not PLAIN_WORD.fullmatch(word) or _is_handle(prose.masked, lint.start):
            continue
        if is_variant_spelling(word, locale):
            continue
        suggestion = lint.suggestions[0] if lint.suggestions else None
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


def _message(word: str, suggestion: str | None) -> str:
    if suggestion is None:
        return f"'{word}' is not in the dictionary."
    return f"'{word}' is not in the dictionary; did you mean '{suggestion}'?"


def _confidence(word: str, suggestion: str | None) -> float:
    # One slip of the finger (a letter dropped, added, swapped) is almost surely a typo; a word far
    # from any known word is as likely a name or a loanword the dictionary lacks.
    if suggestion is None:
        return 0.5
    distance = DamerauLevenshtein.distance(word.lower(), suggestion.lower())
    return 0.9 if distance <= 1 else 0.7 if distance == 2 else 0.5
