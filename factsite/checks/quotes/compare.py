"""The quote check: a marked quote against every cited source, with passages, a diff and a class."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import replace
from itertools import accumulate, pairwise
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
    turn_label,
    turn_of,
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
from factsite.checks.quotes.turns import (
    Turn,
    find_turns,
    is_other_speaker,
    is_own_turn,
    is_quoted_in_turn,
    same_person,
    speaker_words,
    turn_at,
)
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


def check_quote(marked_text: str, *, sources: Sequence[TextSource], speaker: str | None = None) -> CheckResult:
    """Check a `quote` claim's marked text against the text of each cited source.

    With the claim's `speaker` (a person), a source that is a transcript with speaker turns is read for whose
    turn holds the quote: another person's turn makes the quote `other-speaker` (see turns.py).
    """
    parsed = parse_quote(marked_text)
    comparison = _compare(parsed, sources, speaker)
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


def _compare(parsed: ParsedQuote, sources: Sequence[TextSource], speaker: str | None = None) -> QuoteComparison:
    matches: list[QuoteMatch] = []
    nearest: list[QuotePassage] = []
    compared = False
    for source in sources:
        if not source.text.strip() or not parsed.words:
            continue
        index = _indexed(source.text)
        turns, starts, breaks, labels = _transcript(source.text)
        search = prepare_search(index, parsed.words, breaks, labels)
        match = match_source(parsed, source.id, search)
        if turns:
            # A speaker in a script without capitals names a person where the source's labels say so.
            named = speaker_words(speaker, turns)
            match = _attribute(parsed, source.id, search, match, turns, named, starts)
            compared = compared or bool(named and any(turn.names for turn in turns))
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
    said_by = " ".join(speaker.split()) if speaker and compared else ""
    return QuoteComparison(classification, best, tuple(matches), tuple(nearest[:NEAREST]), said_by)


@functools.lru_cache(maxsize=16)
def _transcript(
    text: str,
) -> tuple[tuple[Turn, ...], tuple[int, ...], tuple[tuple[int, int], ...], tuple[str, ...]]:
    """A source's speaker turns, where its words start, and where its turns pass to another speaker (with the
    new turn's label): read once per source, which an article's quotations cite again and again."""
    turns = find_turns(text)
    if not any(turn.names for turn in turns):
        return turns, (), (), ()
    starts = _word_starts(_indexed(text))
    breaks = _breaks(starts, turns)
    return turns, starts, tuple(b for b, _ in breaks), tuple(label for _, label in breaks)


def _breaks(starts: Sequence[int], turns: tuple[Turn, ...]) -> list[tuple[tuple[int, int], str]]:
    """Word positions where a turn passes to another speaker: its label's first word and its own first word, in
    a transcript whose labels name people.

    Two turns in a row of the same person (a name word in common) are one speaker's words.
    """
    breaks: list[tuple[tuple[int, int], str]] = []
    if not any(turn.names for turn in turns):
        return breaks  # notes and headings with a colon, or roles only: not read as a change of speaker
    for number, turn in enumerate(turns):
        previous = turns[number - 1] if number else None
        if previous is not None and previous.end == turn.start and previous.names & turn.names:
            continue
        breaks.append(((_word_at(starts, turn.start), _word_at(starts, turn.content)), turn.label))
    return breaks


def _word_at(starts: Sequence[int], offset: int) -> int:
    """The first word of the source that starts at or after `offset` (`starts`: see _word_starts)."""
    return bisect.bisect_left(starts, offset)


def _word_starts(index: SourceIndex) -> tuple[int, ...]:
    """Where each word of a transcript starts, worked out once for its turns (SourceIndex.start sums a block)."""
    offsets = list(accumulate(map(len, index.parts), initial=0))
    return tuple(offsets[index.first_part : index.first_part + 2 * len(index) : 2])


def _attribute(
    parsed: ParsedQuote,
    source_id: str,
    search: SourceSearch,
    match: QuoteMatch,
    turns: tuple[Turn, ...],
    named: frozenset[str],
    starts: Sequence[int],
) -> QuoteMatch:
    """Name the turn of each passage; a quote in another person's turn is `other-speaker`, unless the claim's
    speaker says the same words in a turn of their own, which wins."""
    if match.classification is QuoteClass.NOT_FOUND:
        return match
    match = _with_speakers(match, turns)
    text = search.index.text
    held = [
        None if turn is None or is_quoted_in_turn(text, turn, passage.start) else turn
        for passage in match.passages
        for turn in [turn_at(turns, passage.start, passage.end)]
    ]
    if match.classification is QuoteClass.SPLICED or not any(is_other_speaker(turn, named) for turn in held):
        return match
    own = [turn for turn in turns if is_own_turn(turn, named)]
    if own:
        spans = [(_word_at(starts, turn.start), _word_at(starts, turn.end)) for turn in own]
        firsts = [first for first, _ in spans]
        inside = tuple(
            hit for hit in search.hits if (n := bisect.bisect_right(firsts, hit[0]) - 1) >= 0 and hit[0] < spans[n][1]
        )
        if inside:
            mine = _with_speakers(match_source(parsed, source_id, replace(search, hits=inside)), turns)
            mine_held = [turn_at(turns, passage.start, passage.end) for passage in mine.passages]
            if (
                mine.classification is not QuoteClass.NOT_FOUND
                and mine.classification.rank <= match.classification.rank
                and all(is_own_turn(turn, named) for turn in mine_held)
            ):
                return mine
    other = next(turn.label for turn in held if turn is not None and is_other_speaker(turn, named))
    return replace(match, classification=QuoteClass.OTHER_SPEAKER, speaker=other, wording=match.classification)


def _with_speakers(match: QuoteMatch, turns: tuple[Turn, ...]) -> QuoteMatch:
    """Each passage with the label of its turn, where the label names a person."""
    passages = []
    for passage in match.passages:
        turn = turn_at(turns, passage.start, passage.end)
        passages.append(replace(passage, speaker=turn.label) if turn and turn.names else passage)
    return replace(match, passages=tuple(passages))


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
        _joint(search, previous, piece) for previous, piece in pairwise(pieces) if piece.spliced or piece.reordered
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


def _joint(search: SourceSearch, previous: Piece, piece: Piece) -> SpliceJoint:
    distance = measure_distance(search.index, previous.alignment, piece.alignment)
    speakers: tuple[str, ...] = ()
    if turn_of(search, previous.alignment.start) != turn_of(search, piece.alignment.start):
        labels = (turn_label(search, previous.alignment.start), turn_label(search, piece.alignment.start))
        speakers = labels if all(labels) and not same_person(*labels) else ()
    return SpliceJoint(distance.apart, reverse=distance.earlier, ellipsis=piece.reordered, speakers=speakers)


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
                spliced = not is_same_place(previous, alignment, search.index) or (
                    turn_of(search, previous.start) != turn_of(search, alignment.start)
                )
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
