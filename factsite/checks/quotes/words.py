"""Turning a quote and a source into words, with their offsets.

A quote is read with the editorial conventions of the press: an ellipsis ("...", "…", "[...]") marks
an omission and splits the quote into segments, square brackets mark an editor's insertion or
substitution. A source is split into words once per check, with their offsets, so that passages can
be cut from the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import accumulate

from factsite.checks.quotes.normalise import (
    NON_WORD_CHARACTER,
    QUOTATION_MARKS,
    WORD_CHARACTER,
    canonical_keys,
    canonical_word,
    fold_typography,
    normalise_punctuation,
)
from factsite.languages.script import typographic_fold

_QUOTE_TOKEN = re.compile(
    rf"""(?P<ellipsis>[\[(]\s*(?:\.\.\.|\.\ \.\ \.|\u2026)\s*[\])]|\.\.\.|\.\ \.\ \.|\u2026)
      | (?P<bracket>\[[^\]]*\])
      | (?P<word>(?:{WORD_CHARACTER}|[\u2018\u2019\u02bc])+)""",
    re.VERBOSE,
)
_SOURCE_GAP = re.compile(rf"({NON_WORD_CHARACTER}+)")
# A line that holds only an ellipsis, bracketed or not: an excerpt's own mark of a gap in the original.
GAP_MARKER_LINE = re.compile(r"(?m)^[ \t]*[\[(]?[ \t]*(?:\.[ \t]?\.[ \t]?\.|\u2026)[ \t]*[\])]?[ \t]*$")
_OPENING_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a"
# Abbreviations whose full stop does not end a sentence (Hindi "डॉ." and "प्रो." too).
_ABBREVIATION_LIST = "mr mrs ms dr st gen lt col sgt prof jr sr vs no inc co corp डॉ प्रो"
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())
# Marks that end a sentence whatever the word before: the danda of Hindi and the Arabic question mark.
_SENTENCE_MARKS = "!?\u0964\u0965\u061f"


@dataclass(frozen=True)
class QuoteWord:
    """A word of a quote, or a bracketed editorial insertion standing where source words may be."""

    text: str
    key: str
    start: int
    end: int
    # What the reader sees: the word with the punctuation attached to it, such as `"Event:` or
    # `service,`, and where that stands in the quote.
    display: str
    display_start: int
    display_end: int
    # Punctuation written between the previous word and this one, normalised (see
    # normalise_punctuation).
    gap_before: str = ""
    bracketed: bool = False
    # How many source words the bracket may stand for: a bracketed part of a word ("[T]he") stands
    # for one.
    replaces_at_most: int = 0
    sentence_start: bool = False
    # The quote's first word: it may leave out a conjunction the source glues to it (see align.same_word).
    opens_quote: bool = False

    @property
    def is_insertion(self) -> bool:
        return self.bracketed and not self.key


@dataclass(frozen=True)
class QuoteSegment:
    """A run of a quote between two ellipses."""

    words: tuple[QuoteWord, ...]
    ellipsis_before: str = ""


@dataclass(frozen=True)
class ParsedQuote:
    text: str
    segments: tuple[QuoteSegment, ...]
    ellipsis_after: str = ""

    @property
    def words(self) -> tuple[QuoteWord, ...]:
        return tuple(word for segment in self.segments for word in segment.words)


def strip_quotation_marks(text: str) -> str:
    """Drop the quotation marks around a marked quote: `"On September 21, ... service,"` -> `On ...
    service,`.
    """
    text = text.strip()
    if text[:1] in _OPENING_MARKS:
        text = text[1:]
        if text[-1:] in _OPENING_MARKS:
            text = text[:-1]
    elif text[-1:] in '"\u201d\u00bb':
        text = text[:-1]
    return text.strip()


def parse_quote(marked_text: str) -> ParsedQuote:
    text = strip_quotation_marks(marked_text)
    # Apostrophes standing alone are quotation marks inside the quote, not words.
    matches = [
        match for match in _QUOTE_TOKEN.finditer(text) if match.lastgroup != "word" or canonical_word(match.group())
    ]
    tokens = _merge_attached_brackets(text, matches)
    segments: list[QuoteSegment] = []
    words: list[QuoteWord] = []
    ellipsis_before = ""
    previous_end = 0
    for kind, start, end in tokens:
        if kind == "ellipsis":
            if words or segments:
                segments.append(QuoteSegment(tuple(words), ellipsis_before))
            words, ellipsis_before, previous_end = [], text[start:end], end
            continue
        next_start = _next_token_start(tokens, end, len(text))
        previous = words[-1] if words else None
        word = _quote_word(text, (kind, start, end), previous_end, next_start, previous)
        if not words and not segments and kind == "word":
            word = replace(word, opens_quote=True)
        words.append(word)
        previous_end = end
    if words:
        segments.append(QuoteSegment(tuple(words), ellipsis_before))
        ellipsis_before = ""
    segments = [segment for segment in segments if segment.words]
    return ParsedQuote(text, tuple(segments), ellipsis_after=ellipsis_before)


def _merge_attached_brackets(text: str, matches: list[re.Match[str]]) -> list[tuple[str, int, int]]:
    """Join "[T]" and "he" into one bracketed word: brackets touching a word edit that word only."""
    tokens: list[tuple[str, int, int]] = []
    for match in matches:
        kind = match.lastgroup or ""
        start, end = match.span()
        if tokens and tokens[-1][2] == start and kind != "ellipsis" and tokens[-1][0] != "ellipsis":
            previous_kind = tokens[-1][0]
            if "bracket" in (kind, previous_kind) or previous_kind == "attached":
                tokens[-1] = ("attached", tokens[-1][1], end)
                continue
        tokens.append((kind, start, end))
    return tokens


def _next_token_start(tokens: list[tuple[str, int, int]], end: int, text_end: int) -> int:
    return next((start for _, start, _ in tokens if start >= end), text_end)


def _quote_word(
    text: str,
    token: tuple[str, int, int],
    previous_end: int,
    next_start: int,
    previous: QuoteWord | None,
) -> QuoteWord:
    kind, start, end = token
    after_word = previous is not None
    previous_word = re.sub(r"[\[\]]", "", previous.text) if previous else ""
    written = text[start:end]
    gap = text[previous_end:start]
    leading, trailing = attached_punctuation(gap, text[end:next_start], first=not after_word)
    bracketed = kind in ("bracket", "attached")
    inner = re.sub(r"[\[\]]", "", written) if bracketed else written
    key = "" if kind == "bracket" else canonical_word(inner)
    inner_words = len(inner.split())
    return QuoteWord(
        text=written,
        key=key,
        start=start,
        end=end,
        display=f"{leading}{written}{trailing}",
        display_start=start - len(leading),
        display_end=end + len(trailing),
        gap_before=normalise_punctuation(gap) if after_word else "",
        bracketed=bracketed,
        replaces_at_most=1 if kind == "attached" else max(6, 2 * inner_words),
        sentence_start=after_word and ends_sentence(gap, previous_word) and opens_sentence(inner),
    )


def opens_sentence(word: str) -> bool:
    """Whether `word` may open a sentence: a capital, or a letter of a script without case (Devanagari,
    Arabic), where only the punctuation before it tells."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def ends_sentence(gap: str, previous_word: str) -> bool:
    """Whether the punctuation `gap` after `previous_word` closes a sentence ("U.S. citizens" does
    not).
    """
    if any(mark in gap for mark in _SENTENCE_MARKS):
        return True
    if "." not in gap and "\u2026" not in gap:
        return False
    return not (len(previous_word) == 1 or previous_word.casefold() in _ABBREVIATIONS)


@dataclass(frozen=True)
class SourceIndex:
    """The words of one source text: built once per check, read by every search.

    Offsets are worked out only for the words a passage needs, from running totals kept every
    `_OFFSET_BLOCK` parts: most of a 100,000-word transcript is never shown.
    """

    text: str
    keys: tuple[str, ...]
    vocabulary: frozenset[str]
    # The folded text split into word, gap, word, gap...; word `n` is part `first_part + 2 * n`.
    parts: tuple[str, ...]
    first_part: int
    block_offsets: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.keys)

    def start(self, position: int) -> int:
        """The offset in `text` where word `position` starts (the end of the text past the last
        word).
        """
        if position >= len(self.keys):
            return len(self.text)
        part = self.first_part + 2 * position
        block = part // _OFFSET_BLOCK
        return self.block_offsets[block] + sum(map(len, self.parts[block * _OFFSET_BLOCK : part]))

    def end(self, position: int) -> int:
        return self.start(position) + len(self.parts[self.first_part + 2 * position])

    def word(self, position: int) -> str:
        """Word `position` as written (typography folded)."""
        return self.parts[self.first_part + 2 * position]

    def gap_after(self, position: int) -> str:
        """The punctuation between word `position` and the next one, as written."""
        return self.text[self.end(position) : self.start(position + 1)]

    def display(self, position: int) -> str:
        """Word `position` with the punctuation attached to it, as a reader would see it."""
        return self.display_span(position, position + 1)

    def display_span(self, start: int, end: int) -> str:
        """Words [start, end) as a reader sees them, with their punctuation and single spaces."""
        if start >= end:
            return ""
        first, last = self.start(start), self.end(end - 1)
        before = self.text[self.end(start - 1) if start else 0 : first]
        leading, _ = attached_punctuation(before, "", first=not start)
        _, trailing = attached_punctuation("", self.gap_after(end - 1))
        return " ".join(self.text[first - len(leading) : last + len(trailing)].split())

    def gap_marked_after(self, position: int) -> bool:
        """Whether the source marks a gap of its own (a "[...]" line) between word `position` and the next."""
        return bool(GAP_MARKER_LINE.search(self.gap_after(position)))

    def starts_sentence(self, position: int) -> bool:
        if position <= 0 or position >= len(self.keys):
            return True
        return opens_sentence(self.word(position)) and ends_sentence(
            self.gap_after(position - 1), self.word(position - 1)
        )


_OFFSET_BLOCK = 256
# The key of a word made of apostrophes only: a stray quotation mark, which matches no quoted word.
STRAY_MARK = "'"


def index_source(text: str) -> SourceIndex:
    """Split a source into words and map each distinct word to its key once.

    One regular expression over the folded text (which keeps every offset) and C-level maps keep a
    100,000-word transcript at a few tens of milliseconds.
    """
    parts = _SOURCE_GAP.split(fold_typography(text))
    first_part = 2 if parts[0] == "" and len(parts) > 1 else 0
    last_part = len(parts) - 1 if parts[-1] == "" and len(parts) > 1 else len(parts)
    words = parts[first_part:last_part:2]
    canonical = {word: key or STRAY_MARK for word, key in canonical_keys(words).items()}
    keys = tuple(map(canonical.__getitem__, words))
    block_offsets = tuple(
        accumulate(
            (sum(map(len, parts[n : n + _OFFSET_BLOCK])) for n in range(0, len(parts), _OFFSET_BLOCK)),
            initial=0,
        )
    )
    vocabulary = frozenset(canonical.values())
    return SourceIndex(text, keys, vocabulary, tuple(parts), first_part, block_offsets)


def attached_punctuation(before: str, after: str, *, first: bool = False) -> tuple[str, str]:
    """The punctuation a reader sees on a word: what touches it on either side, up to a space.

    A gap without a space (the "." in "U.S.") belongs to the word before it, unless there is none.
    """
    touches_before = bool(before.strip()) and not before[-1:].isspace()
    leading = before.split()[-1] if touches_before and (first or before != before.lstrip()) else ""
    trailing = after.split()[0] if after.strip() and not after[:1].isspace() else ""
    return leading, trailing


def written_form(display: str) -> str:
    """A word as written, for telling "Defence" from "defense": typography folded, quotation marks
    dropped.
    """
    return typographic_fold(fold_typography(display).strip(QUOTATION_MARKS))
