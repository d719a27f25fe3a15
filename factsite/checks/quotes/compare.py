"""The quote check: a marked quote against every cited source, with passages, a diff and a class."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol

from factsite.checks.quotes.align import INSERTED, Alignment, Step
from factsite.checks.quotes.diff import Diff, Piece, build_diff, measure_distance
from factsite.checks.quotes.locate import (
    SourceSearch,
    best_alignments,
    is_same_place,
    place_between,
    place_segment,
    prepare_search,
)
from factsite.checks.quotes.meaning import meaning_edits
from factsite.checks.quotes.results import (
    QuoteClass,
    QuoteComparison,
    QuoteMatch,
    QuotePassage,
    SpliceJoint,
)
from factsite.checks.quotes.summary import summarise
from factsite.checks.quotes.words import (
    ParsedQuote,
    QuoteWord,
    SourceIndex,
    index_source,
    parse_quote,
)
from factsite.model import Basis, CheckResult

# Below this weighted share of its words found, a quote is "not found": the nearest passages show.
FOUND_RECALL = 0.4
# A source is cited by several quotations of an article: it is split into words once (100,000 words: 46 ms).
_indexed = functools.lru_cache(maxsize=16)(index_source)
CONTEXT_WORDS = 30
NEAREST = 3


class TextSource(Protocol):
    """What the check reads from a source: factsite.model.Source fits."""

    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...


def check_quote(marked_text: str, *, sources: Sequence[TextSource]) -> CheckResult:
    """Check a `quote` claim's marked text against the text of each cited source."""
    parsed = parse_quote(marked_text)
    comparison = _compare(parsed, sources)
    if parsed.words:
        summary = summarise(comparison, {source.id: _source_name(source) for source in sources})
    else:
        summary = "Not found: the marked quote has no words to look for."
    return CheckResult(
        check="quote",
        status=comparison.classification.value,
        summary=summary,
        details=comparison,
        basis=_basis(parsed, comparison),
    )


def _basis(parsed: ParsedQuote, comparison: QuoteComparison) -> Basis:
    """The quote's words as read, and the passage of the source it was compared with (none when not found:
    the nearest passages are shown for reference, not as the quote's source)."""
    reading = " ".join(parsed.text.split()) if parsed.words else None
    best = comparison.best
    if best is None or comparison.classification is QuoteClass.NOT_FOUND:
        reason = "" if reading else "the marked quote has no words"
        return Basis(reading=reading, reason=reason)
    candidate = " [\u2026] ".join(" ".join(passage.text.split()) for passage in best.passages)
    return Basis(reading=reading, source_id=best.source_id, candidate=candidate or None)


def _source_name(source: TextSource) -> str:
    return getattr(source, "title", "") or source.id


def compare_quote(quote: str, sources: Sequence[TextSource]) -> QuoteComparison:
    """Compare a quote with each source: the best classification wins, every match is kept."""
    return _compare(parse_quote(quote), sources)


def _compare(parsed: ParsedQuote, sources: Sequence[TextSource]) -> QuoteComparison:
    matches: list[QuoteMatch] = []
    nearest: list[QuotePassage] = []
    for source in sources:
        if not source.text.strip() or not parsed.words:
            continue
        search = prepare_search(_indexed(source.text), parsed.words)
        match = match_source(parsed, source.id, search)
        matches.append(match)
        if match.classification is QuoteClass.NOT_FOUND:
            alignments = best_alignments(search, parsed.words, NEAREST)
            nearest.extend(_passages(source.id, search, parsed.text, alignments))
    matches.sort(key=lambda match: (match.classification.rank, -match.score))
    best = matches[0] if matches else None
    classification = best.classification if best else QuoteClass.NOT_FOUND
    if classification is not QuoteClass.NOT_FOUND:
        nearest = []
    nearest.sort(key=lambda passage: -passage.score)
    return QuoteComparison(classification, best, tuple(matches), tuple(nearest[:NEAREST]))


def locate_quote(quote: str, source_text: str, *, limit: int = 3) -> tuple[QuotePassage, ...]:
    """The passages of `source_text` that best match `quote` as a whole, best first."""
    parsed = parse_quote(quote)
    if not parsed.words or not source_text.strip():
        return ()
    search = prepare_search(_indexed(source_text), parsed.words)
    return tuple(_passages("", search, parsed.text, best_alignments(search, parsed.words, limit)))


def match_source(parsed: ParsedQuote, source_id: str, search: SourceSearch) -> QuoteMatch:
    pieces = _place_quote(parsed, search)
    alignments = [piece.alignment for piece in pieces]
    diff = build_diff(pieces, search.index, parsed.text, parsed.ellipsis_after)
    weight = sum(alignment.quote_weight for alignment in alignments)
    recall = sum(alignment.quote_found for alignment in alignments) / weight if weight else 0.0
    score = sum(a.similarity * a.quote_weight for a in alignments) / weight if weight else 0.0
    joints = tuple(
        _joint(search.index, previous, piece)
        for previous, piece in pairwise(pieces)
        if piece.spliced or piece.reordered
    )
    edits = meaning_edits(pieces, search.index, parsed.text, parsed.ellipsis_after)
    return QuoteMatch(
        source_id,
        _classify(recall, bool(joints), diff, bool(edits)),
        tuple(_passages(source_id, search, parsed.text, alignments)),
        diff.tokens,
        round(score, 4),
        words_added=diff.words_added,
        words_dropped=diff.words_dropped,
        words_changed=diff.words_changed,
        minor_differences=diff.minor_differences,
        omissions=diff.omissions,
        editorial_marks=diff.editorial_marks,
        joints=joints,
        meaning_edits=edits,
    )


def _classify(recall: float, spliced: bool, diff: Diff, meaning_edits: bool) -> QuoteClass:
    """The worst thing found decides: a splice, then changed words, then marked edits that hide words
    carrying meaning, then minor differences."""
    if recall < FOUND_RECALL:
        return QuoteClass.NOT_FOUND
    if spliced:
        return QuoteClass.SPLICED
    if diff.words_added or diff.words_dropped or diff.words_changed:
        return QuoteClass.ALTERED
    if meaning_edits:
        return QuoteClass.MEANING
    if diff.minor_differences:
        return QuoteClass.MINOR
    if diff.omissions or diff.editorial_marks:
        return QuoteClass.EDITED
    return QuoteClass.VERBATIM


def _joint(index: SourceIndex, previous: Piece, piece: Piece) -> SpliceJoint:
    distance = measure_distance(index, previous.alignment, piece.alignment)
    return SpliceJoint(distance.apart, reverse=distance.earlier, ellipsis=piece.reordered)


def _place_quote(parsed: ParsedQuote, search: SourceSearch) -> list[Piece]:
    """Place each segment of the quote, and say how each piece joins the one before."""
    placed: list[list[Alignment]] = []
    after: int | None = None
    for segment in parsed.segments:
        placed.append(place_segment(search, segment, after=after))
        after = placed[-1][-1].end if placed[-1] else after
    # A segment with nothing to find it by ("... not only to the") is looked for between the
    # passages of its neighbours.
    for number, segment in enumerate(parsed.segments):
        if not placed[number]:
            before = next((p[-1].end for p in placed[number - 1 :: -1] if p), None) if number else None
            following = next((p[0].start for p in placed[number + 1 :] if p), None)
            between = place_between(search, segment.words, before, following)
            placed[number] = [between or _unplaced(segment.words, before or following or 0)]
    pieces: list[Piece] = []
    for segment, alignments in zip(parsed.segments, placed, strict=True):
        for number, alignment in enumerate(alignments):
            previous = pieces[-1].alignment if pieces else None
            if number == 0:
                reordered = bool(previous and segment.ellipsis_before and alignment.start < previous.end)
                pieces.append(Piece(alignment, segment.ellipsis_before, reordered=reordered))
            else:
                assert previous is not None
                spliced = not is_same_place(previous, alignment, search.index)
                pieces.append(Piece(alignment, spliced=spliced))
    return pieces


def _unplaced(words: Sequence[QuoteWord], at: int) -> Alignment:
    """A segment with no passage at all: every word is an addition."""
    steps = tuple(Step(INSERTED, n, n + 1, at, at) for n in range(len(words)))
    weight = sum(1.0 for word in words if word.key)
    return Alignment(tuple(words), steps, at, at, weight, 0.0, 0.0)


def _passages(
    source_id: str, search: SourceSearch, quote_text: str, alignments: Sequence[Alignment]
) -> list[QuotePassage]:
    return [
        _passage(source_id, search.index, quote_text, alignment)
        for alignment in alignments
        if alignment.end > alignment.start
    ]


def _passage(source_id: str, index: SourceIndex, quote_text: str, alignment: Alignment) -> QuotePassage:
    start, end = index.start(alignment.start), index.end(alignment.end - 1)
    before_start = index.start(max(0, alignment.start - CONTEXT_WORDS))
    after_end = index.end(min(len(index), alignment.end + CONTEXT_WORDS) - 1)
    words = alignment.words
    return QuotePassage(
        source_id=source_id,
        start=start,
        end=end,
        text=index.text[start:end],
        context_before=index.text[before_start:start] if alignment.start else "",
        context_after=index.text[end:after_end],
        score=round(alignment.similarity, 4),
        quote_text=" ".join(quote_text[words[0].display_start : words[-1].display_end].split()),
        coverage=round(alignment.recall, 4),
    )
