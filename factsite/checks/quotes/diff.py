"""The word-level diff of a quote against its passages, and the counts that classify the quote.

US/UK spellings are shown but not counted; typography, case at the start of a sentence and the
punctuation after the last word (a comma for the source's full stop is newsroom practice) are not
differences at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factsite.checks.quotes.align import (
    CHANGED,
    DELETED,
    EDITORIAL,
    INSERTED,
    MINOR,
    RELATED,
    Alignment,
    Step,
    conjunction_left_out,
)
from factsite.checks.quotes.normalise import ELLIPSIS, NON_WORD_CHARACTER
from factsite.checks.quotes.results import DiffToken
from factsite.checks.quotes.words import GAP_MARKER_LINE, QuoteWord, SourceIndex, written_form

# An omission longer than this is shown by its first and last words.
OMISSION_SHOWN_WORDS = 24


@dataclass(frozen=True)
class Piece:
    """A placed piece of a quote and how it joins the piece before it."""

    alignment: Alignment
    # The ellipsis written before the piece, if any.
    ellipsis_before: str = ""
    # Joined to the previous piece without an ellipsis although the source has them apart.
    spliced: bool = False
    # Joined by an ellipsis to a passage that the source has before the previous one.
    reordered: bool = False


@dataclass(frozen=True)
class Diff:
    tokens: tuple[DiffToken, ...]
    words_added: int
    words_dropped: int
    words_changed: int
    minor_differences: int
    omissions: int
    editorial_marks: int


def build_diff(pieces: Sequence[Piece], index: SourceIndex, quote_text: str, ellipsis_after: str) -> Diff:
    tokens: list[DiffToken] = []
    for number, piece in enumerate(pieces):
        if number and (piece.spliced or piece.reordered):
            distance = measure_distance(index, pieces[number - 1].alignment, piece.alignment)
            tokens.append(DiffToken("joined", "", note=describe_joint(distance, piece.reordered)))
        if piece.ellipsis_before:
            previous = pieces[number - 1].alignment if number else None
            tokens.append(_omission(piece, previous, index))
        tokens.extend(_piece_tokens(piece.alignment, index, quote_text))
    if ellipsis_after:
        tokens.append(DiffToken("omitted", ellipsis_after))
    added, dropped, changed = _count_changes(pieces, index, quote_text)
    return Diff(
        tokens=tuple(tokens),
        words_added=added,
        words_dropped=dropped,
        words_changed=changed,
        minor_differences=sum(1 for token in tokens if token.operation == "minor" and token.counts),
        omissions=sum(1 for token in tokens if token.operation == "omitted"),
        editorial_marks=sum(1 for token in tokens if token.operation == "editorial"),
    )


_DIFFERENCES = (CHANGED, RELATED, INSERTED, DELETED)


def _count_changes(pieces: Sequence[Piece], index: SourceIndex, quote_text: str) -> tuple[int, int, int]:
    """Words added, dropped and changed: in each stretch of differences, words are changed one for
    one and the rest added or dropped, counted as a reader counts them ("U.S." is one word).
    """
    added = dropped = changed = 0
    for piece in pieces:
        words = piece.alignment.words
        for block in _difference_blocks(piece.alignment.steps):
            quoted = len(_quote_span(words, quote_text, block.quote_start, block.quote_end).split())
            original = len(index.display_span(block.source_start, block.source_end).split())
            changed += min(quoted, original)
            added += max(0, quoted - original)
            dropped += max(0, original - quoted)
    return added, dropped, changed


def _difference_blocks(steps: Sequence[Step]) -> list[Step]:
    """Each stretch of consecutive differences, as one step spanning them."""
    blocks: list[Step] = []
    extending = False
    for step in steps:
        if step.kind not in _DIFFERENCES:
            extending = False
            continue
        if extending:
            previous = blocks[-1]
            blocks[-1] = Step(
                CHANGED,
                previous.quote_start,
                step.quote_end,
                previous.source_start,
                step.source_end,
            )
        else:
            blocks.append(step)
        extending = True
    return blocks


def _quote_span(words: Sequence[QuoteWord], quote_text: str, start: int, end: int) -> str:
    """Quote words [start, end) as the reader sees them, punctuation included."""
    if start >= end:
        return ""
    return " ".join(quote_text[words[start].display_start : words[end - 1].display_end].split())


def _omission(piece: Piece, previous: Alignment | None, index: SourceIndex) -> DiffToken:
    if previous is None or piece.reordered:
        return DiffToken("omitted", piece.ellipsis_before)
    start, end = previous.end, piece.alignment.start
    if start >= end:
        gap = index.gap_after(start - 1) if start else ""
        operation = "equal" if ELLIPSIS.search(gap) else "omitted"
        return DiffToken(operation, piece.ellipsis_before)
    omitted = index.display_span(start, end)
    if end - start > OMISSION_SHOWN_WORDS:
        half = OMISSION_SHOWN_WORDS // 2
        omitted = f"{index.display_span(start, start + half)} […] {index.display_span(end - half, end)}"
    return DiffToken("omitted", piece.ellipsis_before, omitted, note=f"{end - start} words omitted")


@dataclass
class _Run:
    """Contiguous quote words and source words that form one token of the diff."""

    operation: str
    quote: list[int]
    source: list[int]
    note: str = ""
    counts: bool = True


def _piece_tokens(alignment: Alignment, index: SourceIndex, quote_text: str) -> list[DiffToken]:
    runs: list[_Run] = []
    pending: list[Step] = []
    punctuation_changed = alignment.punctuation_changed
    for step in [*alignment.steps, None]:
        if step is not None and step.kind in _DIFFERENCES:
            pending.append(step)
            continue
        runs.extend(_difference_runs(pending))
        pending = []
        if step is not None:
            punctuated = step.quote_start in punctuation_changed
            runs.append(_kept_run(step, alignment, index, punctuated))
    runs = _merge_runs(runs)
    words = alignment.words

    def quoted(run: _Run) -> str:
        return _quote_span(words, quote_text, run.quote[0], run.quote[-1] + 1) if run.quote else ""

    def original(run: _Run) -> str:
        return index.display_span(run.source[0], run.source[-1] + 1) if run.source else ""

    return [
        DiffToken(
            run.operation,
            original(run) if run.operation == "deleted" else quoted(run),
            "" if run.operation in ("equal", "deleted", "inserted") else original(run),
            note=run.note,
            counts=run.counts,
        )
        for run in runs
    ]


def _difference_runs(steps: list[Step]) -> list[_Run]:
    """A stretch of changed, added and dropped words: the source's struck, then the quote's."""
    if not steps:
        return []
    quote = [n for step in steps for n in range(step.quote_start, step.quote_end)]
    source = [p for step in steps for p in range(step.source_start, step.source_end)]
    note = "changed" if quote and source else ""
    runs = [_Run("deleted", [], source, note)] if source else []
    return [*runs, _Run("inserted", quote, [], note)] if quote else runs


def _kept_run(step: Step, alignment: Alignment, index: SourceIndex, punctuated: bool) -> _Run:
    quote = list(range(step.quote_start, step.quote_end))
    source = list(range(step.source_start, step.source_end))
    if step.kind == EDITORIAL:
        return _Run("editorial", quote, source)
    if step.kind == MINOR:
        divided = len(quote) != len(source)
        return _Run("minor", quote, source, "word division" if divided else "spelling")
    word = alignment.words[step.quote_start]
    if punctuated:
        return _Run("minor", quote, source, "punctuation")
    # Case may change where a quote, a piece of it or a sentence starts: "those" -> "Those".
    free_case = word.sentence_start or step.quote_start == 0
    operation, note, counts = _matched_word(word, step.source_start, index, free_case)
    return _Run(operation, quote, source, note, counts)


def _matched_word(word: QuoteWord, position: int, index: SourceIndex, free_case: bool) -> tuple[str, str, bool]:
    """A word with the same key on both sides, as (operation, note, counts): equal, or not quite."""
    quoted = written_form(word.text)
    original = written_form(index.word(position))
    if word.opens_quote and conjunction_left_out(word.key, index.keys[position]):
        # "سيستفيد" for "فسيستفيد": the conjunction is left out as "And" is before "we will".
        original = original[1:]
    if quoted == original:
        return "equal", "", True
    if quoted.casefold() == original.casefold():
        return ("equal", "", True) if free_case else ("minor", "case", True)
    if re.sub(NON_WORD_CHARACTER, "", quoted.casefold()) != re.sub(NON_WORD_CHARACTER, "", original.casefold()):
        # A nukta, a chandrabindu or an alef form is spelling, as "defence" is: shown, not counted.
        return "minor", "US/UK spelling" if quoted.isascii() else "spelling variant", False
    return "minor", "apostrophe", True


def _merge_runs(runs: list[_Run]) -> list[_Run]:
    """Join neighbouring runs of the same kind so the diff reads as phrases, not single words."""
    merged: list[_Run] = []
    for run in runs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and run.operation in ("equal", "deleted", "inserted")
            and (previous.operation, previous.note) == (run.operation, run.note)
        ):
            previous.quote.extend(run.quote)
            previous.source.extend(run.source)
        else:
            merged.append(run)
    return merged


@dataclass(frozen=True)
class Distance:
    """How far apart two passages stand in a source, counted as a reader would.

    An excerpt that marks its own gaps ("[...]" on a line of its own between passages) does not say how
    much of the original lies in a gap: passages on either side of one are "in separate passages of the
    excerpt", never a count of the excerpt's lines.
    """

    paragraphs: int
    sentences: int
    words: int
    # The second passage comes before the first in the source.
    earlier: bool
    # A gap marker of the source itself stands between the passages.
    excerpt_gap: bool = False

    @property
    def apart(self) -> str:
        """The distance as a phrase: "3 paragraphs apart", "in separate passages of the excerpt"."""
        return "in separate passages of the excerpt" if self.excerpt_gap else f"{self} apart"

    def __str__(self) -> str:
        if self.excerpt_gap:
            return "in separate passages of the excerpt"
        for count, unit in (
            (self.paragraphs, "paragraph"),
            (self.sentences, "sentence"),
            (self.words, "word"),
        ):
            if count == 1:
                return f"a {unit}"
            if count:
                return f"{count} {unit}s"
        return "no words"


def measure_distance(index: SourceIndex, first: Alignment, second: Alignment) -> Distance:
    earlier = second.start < first.end
    low, high = (second.end, first.start) if earlier else (first.end, second.start)
    low, high = min(low, high), max(low, high)
    between = index.text[index.end(low - 1) if low else 0 : index.start(high)]
    if GAP_MARKER_LINE.search(between):
        return Distance(0, 0, high - low, earlier, excerpt_gap=True)
    # Paragraphs are separated by blank lines, or by line breaks in a text that has no blank line.
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", index.text) else r"\n"
    paragraphs = len(re.findall(separator, between))
    # Sentences are only counted within a paragraph, which keeps the count short.
    sentences = 0
    if not paragraphs and high - low < _SENTENCES_COUNTED_WITHIN:
        sentences = sum(1 for position in range(low + 1, high) if index.starts_sentence(position))
    return Distance(paragraphs, sentences, high - low, earlier)


_SENTENCES_COUNTED_WITHIN = 1000


def describe_joint(distance: Distance, ellipsis: bool = False) -> str:
    direction = "earlier" if distance.earlier else "later"
    where = f"the source has the next words {distance} {direction}"
    if distance.excerpt_gap:
        where = f"the source has the next words {direction}, in a separate passage of the excerpt"
    if ellipsis:
        return f"an ellipsis marks an omission, not a reordering: {where}"
    return f"joined without an ellipsis: {where}"
