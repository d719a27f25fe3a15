"""What the quote check reports: a classification, the passages a quote comes from and a word-level
diff.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class QuoteClass(enum.StrEnum):
    """How faithful a quote is to its source, from the best to the worst."""

    VERBATIM = "verbatim"
    EDITED = "verbatim-with-marked-edits"
    MINOR = "minor-differences"
    # A marked omission or substitution hides a negation, a condition, a quantity or a hedge.
    MEANING = "edit-may-change-meaning"
    ALTERED = "altered"
    # The quote's words are in a transcript's turn of another person than the claim's speaker.
    OTHER_SPEAKER = "other-speaker"
    SPLICED = "spliced"
    NOT_FOUND = "not-found"

    @property
    def rank(self) -> int:
        return list(QuoteClass).index(self)


@dataclass(frozen=True)
class DiffToken:
    """A run of the word-level diff of a quote against its source, in the quote's order.

    `operation` is one of:
    - "equal": the quote's words as the source has them (`text` is the quote's);
    - "minor": the same word written differently (`text` the quote's, `source_text` the source's,
      `note` why);
    - "deleted": source words the quote leaves out without an ellipsis (`text` is the source's);
    - "inserted": quote words the source does not have (`text` is the quote's);
    - "omitted": an ellipsis, marking an omission (`text` as written, `source_text` the omitted
      words);
    - "editorial": a bracketed insertion or substitution (`source_text` the source words it stands
      for);
    - "joined": where the quote joins two separate passages without an ellipsis (`note` says how far
      apart).
    """

    operation: str
    text: str
    source_text: str = ""
    note: str = ""
    # Whether the difference counts against the quote (a US/UK spelling does not).
    counts: bool = True


@dataclass(frozen=True)
class QuotePassage:
    """A passage of a source: character offsets into the source's text, and about 30 words either
    side.
    """

    source_id: str
    start: int
    end: int
    text: str
    context_before: str
    context_after: str
    score: float
    # The part of the quote this passage matches (the whole quote unless it is spliced).
    quote_text: str = ""
    # The weighted share of the quote's words found in the passage, from 0 to 1.
    coverage: float = 0.0
    # The label of the transcript turn that holds the passage ("CHAIR LINDA OKAFOR"), '' outside any turn.
    speaker: str = ""


@dataclass(frozen=True)
class SpliceJoint:
    """Where a spliced quote joins two passages that the source has apart."""

    # How far apart the source has them: "12 paragraphs apart", "3 sentences apart", "40 words apart", or
    # "in separate passages of the excerpt" when the source's own gap marker ("[...]") stands between them.
    distance: str
    # The source has the second passage before the first.
    reverse: bool = False
    # The join is marked by an ellipsis, which marks an omission but cannot excuse a reordering.
    ellipsis: bool = False
    # The labels of the two transcript turns the passages are in, when the join crosses from one speaker's turn
    # to another's.
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeaningEdit:
    """A marked edit whose hidden words may change what the quote means (see quotes.meaning)."""

    # "omission" (an ellipsis), "substitution" (square brackets standing for source words that carry
    # meaning) or "insertion" (square brackets adding words that carry meaning).
    kind: str
    # The ellipsis or the bracketed words as the quote writes them.
    written: str
    # The source words the edit hides, as the source writes them ("[…]" where whole sentences are left out).
    hidden: str
    # The hidden words that carry meaning ("not", "unless", "300"), or for an insertion the added ones, and
    # what they carry ("a negation").
    carriers: tuple[str, ...]
    carries: tuple[str, ...]


@dataclass(frozen=True)
class QuoteMatch:
    """A quote against one source: its classification there, the passage(s) and the diff."""

    source_id: str
    classification: QuoteClass
    # More than one passage when the quote is spliced, one per piece, in the quote's order.
    passages: tuple[QuotePassage, ...]
    diff: tuple[DiffToken, ...]
    score: float
    words_added: int = 0
    words_dropped: int = 0
    words_changed: int = 0
    minor_differences: int = 0
    omissions: int = 0
    editorial_marks: int = 0
    # Where a spliced quote joins passages that stand apart, in the quote's order.
    joints: tuple[SpliceJoint, ...] = ()
    # Marked edits that hide words carrying meaning, in the quote's order.
    meaning_edits: tuple[MeaningEdit, ...] = ()
    # For an `other-speaker` quote: the label of the turn that holds it, and how the words alone compare.
    speaker: str = ""
    wording: QuoteClass | None = None

    @property
    def altered(self) -> bool:
        return bool(self.words_added or self.words_dropped or self.words_changed)


@dataclass(frozen=True)
class QuoteComparison:
    """A quote against every cited source; the best classification wins and every match is kept."""

    classification: QuoteClass
    best: QuoteMatch | None
    # One per source, best first (translations of one speech differ).
    matches: tuple[QuoteMatch, ...]
    # The nearest passages when the quote is not found, best first.
    nearest: tuple[QuotePassage, ...]
    # The claim's speaker, as the claim names them, when the check compared it with a transcript's turns.
    speaker: str = ""
