"""Finding where a quote comes from in a source, and whether it comes from one place or several.

Candidate windows are found from the quote's informative words (rare words count most, function
words not at all), then aligned word by word (see align.py). rapidfuzz's partial_ratio finds one
best window per call and weighs "the" like "mobilisation"; ranking windows by rarity lets one pass
over the source serve every piece of the quote and find the next-best places too.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import compress

from rapidfuzz import fuzz

from factsite.checks.quotes.align import (
    DELETED,
    INSERTED,
    MATCH,
    MINOR,
    RELATED,
    SHARES,
    Alignment,
    Step,
    align_words,
    rescore,
)
from factsite.checks.quotes.normalise import STOPWORDS, stem, word_weight
from factsite.checks.quotes.words import QuoteSegment, QuoteWord, SourceIndex

# A quote piece is "clean" when nearly all of it is found in one passage without a long unmarked
# gap.
CLEAN_RECALL = 0.9
# A piece of a spliced quote must still be recognisable on its own.
PIECE_RECALL = 0.4
# Splitting a quote into pieces must explain more of it than one passage does: at least this share
# of the smallest piece's words.
SPLIT_GAIN = 0.25
# A run of words a passage does not explain is looked for elsewhere if this long, and taken if found
# this well.
SPLIT_RUN_WORDS = 4
SPLIT_RUN_RECALL = 0.75
# Source words a quote may skip without an ellipsis and still be "one place" (words dropped, not a
# splice).
SAME_PLACE_WORDS = 12
# A passage spliced into a quote is a clause or a sentence: at least this many of its words found where it stands
# (fewer are words added; see _fold_short_pieces).
SPLICE_WORDS = 3
CANDIDATES = 3
# A passage this similar to the quote is not bettered by windows that rapidfuzz ranks lower.
_GOOD_ENOUGH = 0.9
# Windows scoring within this share of the best are ties, ranked by rapidfuzz (this many at most).
_TIE = 0.95
_MOST_TIES = 200
# How many more windows than candidates are ranked by rapidfuzz before the best are aligned.
_SHORTLIST = 4


@dataclass(frozen=True)
class SourceSearch:
    """A source prepared for one quote: where the quote's informative words occur, and how rare they
    are.

    It also remembers, for this one check, the alignments made and how close pairs of words are:
    the quote, its sentences and its nearest passages are often aligned at the same windows.
    """

    index: SourceIndex
    hits: tuple[tuple[int, str], ...]
    rarity: dict[str, float]
    # Where a transcript's turn passes to another speaker: (the label's first word, the turn's first word).
    breaks: tuple[tuple[int, int], ...] = ()
    # The label of the turn that starts at each break.
    labels: tuple[str, ...] = ()
    alignments: dict[tuple[tuple[QuoteWord, ...], int, int], Alignment] = field(default_factory=dict, compare=False)
    word_pairs: dict[tuple[str, str], str] = field(default_factory=dict, compare=False)


def prepare_search(
    index: SourceIndex,
    words: Sequence[QuoteWord],
    breaks: tuple[tuple[int, int], ...] = (),
    labels: tuple[str, ...] = (),
) -> SourceSearch:
    """One pass over the source for every stem of the quote's informative words; `breaks` are where a
    transcript's turns pass from one speaker to another (see turns.py)."""
    stems = _informative_stems(words)
    wanted = {key: stem(key) for key in index.vocabulary if stem(key) in stems}
    # compress() and map() keep the scan of a long source in C.
    wanted_here = list(map(wanted.__contains__, index.keys))
    positions = compress(range(len(index)), wanted_here)
    hits = tuple(zip(positions, map(wanted.__getitem__, compress(index.keys, wanted_here)), strict=True))
    counts = Counter(found for _, found in hits)
    size = max(len(index), 1)
    rarity = {found: math.log1p(size / count) for found, count in counts.items()}
    return SourceSearch(index, hits, rarity, breaks, labels)


def _informative_stems(words: Sequence[QuoteWord]) -> set[str]:
    keys = [word.key for word in words if word.key]
    return {stem(key) for key in keys if key not in STOPWORDS} or {stem(key) for key in keys}


@dataclass(frozen=True)
class Window:
    """A stretch of source rich in the quote's informative words: its first and last such word."""

    first: int
    last: int
    score: float


def rank_windows(search: SourceSearch, words: Sequence[QuoteWord], count: int, *, after: int = 0) -> list[Window]:
    """The `count` best non-overlapping windows for `words`, best first.

    A window scores the rarity of each distinct stem of the quote it holds, so "mobilisation" and
    "bluff" place a quote and "Russia" hardly does.
    """
    stems = _informative_stems(words)
    hits = [hit for hit in search.hits if hit[1] in stems and hit[0] >= after]
    span = window_span(words)
    scored: list[tuple[float, int, int]] = []
    in_window: Counter[str] = Counter()
    score, right = 0.0, 0
    for position, found in hits:
        while right < len(hits) and hits[right][0] < position + span:
            entering = hits[right][1]
            if not in_window[entering]:
                score += search.rarity[entering]
            in_window[entering] += 1
            right += 1
        # Rounded, so that windows holding the same stems tie exactly and the earliest wins.
        scored.append((round(score, 9), -position, hits[right - 1][0]))
        in_window[found] -= 1
        if not in_window[found]:
            score -= search.rarity[found]
    scored.sort(reverse=True)
    chosen: list[Window] = []
    taken: dict[int, int] = {}
    for score, negative_position, last in scored:
        # Beyond `count`, only windows as good as the best are kept: a short quote of common
        # words ties in many places, and rapidfuzz tells them apart cheaply afterwards.
        if len(chosen) >= count and (score < _TIE * chosen[0].score or len(chosen) >= _MOST_TIES):
            break
        position = -negative_position
        bucket = position // span
        neighbours = (taken.get(bucket + offset) for offset in (-1, 0, 1))
        if all(other is None or abs(position - other) >= span for other in neighbours):
            chosen.append(Window(position, last, score))
            taken[bucket] = position
    return chosen


def window_span(words: Sequence[QuoteWord]) -> int:
    length = len(words)
    return max(length + 6, round(1.5 * length))


def _region(search: SourceSearch, words: Sequence[QuoteWord], window: Window) -> range:
    """The source words to align with: the window, stretched to hold the quote's words that come
    before its first hit and after its last one, and a margin for words added or dropped."""
    margin = 3 + len(words) // 4
    stems = [stem(word.key) for word in words]
    first_stem, last_stem = (stem(search.index.keys[p]) for p in (window.first, window.last))
    before = max((n for n, found in enumerate(stems) if found == first_stem), default=0)
    after = len(words) - min((n for n, found in enumerate(stems) if found == last_stem), default=0)
    low = window.first - before - margin
    return range(max(0, low), min(len(search.index), window.last + after + margin + 1))


def align_at(search: SourceSearch, words: Sequence[QuoteWord], window: Window) -> Alignment:
    """Align `words` with the source around `window`."""
    region = _region(search, words, window)
    key = (tuple(words), region.start, region.stop)
    if key not in search.alignments:
        search.alignments[key] = align_words(words, search.index, region.start, region.stop, search.word_pairs)
    return search.alignments[key]


def best_alignments(
    search: SourceSearch, words: Sequence[QuoteWord], count: int, *, after: int | None = None
) -> list[Alignment]:
    """The best passages for `words`, best first; with `after`, a close second that follows it wins.

    Windows that tie on rare words (a short quote, a word the source repeats) are told apart by
    rapidfuzz's partial_ratio on the words themselves before the few best are aligned.
    """
    keys = [word.key for word in words if word.key]
    if not keys:
        return []
    windows = rank_windows(search, words, max(count, CANDIDATES) * _SHORTLIST)
    if after is not None:
        windows += [w for w in rank_windows(search, words, 1, after=after) if w not in windows]
    ranked = sorted(
        ((_closeness(search, words, keys, window), window) for window in windows),
        key=lambda ranked_window: ranked_window[0],
        reverse=True,
    )[: max(count, CANDIDATES) + (after is not None)]
    alignments: list[Alignment] = []
    for number, (closeness, window) in enumerate(ranked):
        alignments.append(align_at(search, words, window))
        # When one passage is wanted, stop at one word for word, or at a good enough one.
        if count == 1 and after is None:
            last = alignments[-1]
            next_is_lower = number + 1 == len(ranked) or ranked[number + 1][0] < closeness
            if _is_exact(last) or (last.similarity >= _GOOD_ENOUGH and next_is_lower):
                break
    # Of two passages with the same words, the one with the quote's punctuation is the one quoted.
    alignments.sort(key=lambda a: (-a.similarity, len(a.punctuation_changed), a.start))
    if after is not None and alignments:
        best = alignments[0].similarity
        following = [a for a in alignments if a.start >= after and a.similarity >= best - 0.02]
        if following:
            alignments.remove(following[0])
            alignments.insert(0, following[0])
    return _distinct(alignments)[:count]


def _closeness(
    search: SourceSearch, words: Sequence[QuoteWord], keys: list[str], window: Window
) -> tuple[float, float]:
    region = _region(search, words, window)
    return fuzz.partial_ratio(keys, search.index.keys[region.start : region.stop]), window.score


def _is_exact(alignment: Alignment) -> bool:
    return not alignment.punctuation_changed and all(step.kind == MATCH for step in alignment.steps)


def _distinct(alignments: list[Alignment]) -> list[Alignment]:
    distinct: list[Alignment] = []
    for alignment in alignments:
        if all(alignment.end <= other.start or alignment.start >= other.end for other in distinct):
            distinct.append(alignment)
    return distinct


def place_segment(search: SourceSearch, segment: QuoteSegment, *, after: int | None = None) -> list[Alignment]:
    """The passage or passages a segment of a quote comes from, in the quote's order.

    More than one passage means the segment joins separate places of the source without an ellipsis.
    """
    pieces = [
        turn_part
        for piece in _place_segment(search, segment, after)
        for part in _split_at_excerpt_gaps(piece, search.index)
        for turn_part in _split_at_turns(part, search)
    ]
    return _fold_short_pieces(pieces, search)


def _fold_short_pieces(pieces: list[Alignment], search: SourceSearch) -> list[Alignment]:
    """Keep as a passage of its own only what is one: quote words that the source has, where they were placed
    or anywhere else, only as a word or two or as function words, are words the quote adds to its neighbouring
    passage, not a passage spliced in.

    Editors splice sentences and clauses: "I'm not bluffing." from another paragraph is a sentence spliced in,
    but "We will cut waiting to six months only." for a source whose sentence ends at "months" adds "only",
    even where the source has an "only" in another place or the sentence is the last before an excerpt's
    "[...]". The piece that explains most of the quote always stays.
    """
    if len(pieces) < 2:
        return pieces
    main = max(range(len(pieces)), key=lambda number: pieces[number].quote_found)
    keep = [
        number == main or _is_passage(piece, sentence=_is_sentence(pieces, number, number + 1))
        for number, piece in enumerate(pieces)
    ]
    if all(keep):
        return pieces
    kept: list[Alignment] = []
    leading: list[QuoteWord] = []
    number = 0
    while number < len(pieces):
        if keep[number]:
            piece = pieces[number]
            if leading:
                piece, leading = _with_added_words(piece, leading, search.index, at_end=False), []
            kept.append(piece)
            number += 1
            continue
        # Words an alignment carried across a gap or into the next turn may stand whole elsewhere.
        end = next((later for later in range(number, len(pieces)) if keep[later]), len(pieces))
        words = [word for piece in pieces[number:end] for word in piece.words]
        elsewhere = best_alignments(search, words, 1)
        if (
            elsewhere
            and elsewhere[0].recall >= PIECE_RECALL
            and _is_passage(elsewhere[0], sentence=_is_sentence(pieces, number, end))
        ):
            kept.append(elsewhere[0])
        elif kept:
            kept[-1] = _with_added_words(kept[-1], words, search.index, at_end=True)
        else:
            leading.extend(words)
        number = end
    return kept


def _is_sentence(pieces: list[Alignment], first: int, end: int) -> bool:
    """Whether pieces [first, end) of a segment are whole sentences of the quote."""
    starts = first == 0 or pieces[first].words[0].sentence_start
    return bool(starts and (end == len(pieces) or pieces[end].words[0].sentence_start))


def _is_passage(alignment: Alignment, *, sentence: bool = False) -> bool:
    """Whether a piece is a passage a quote could be spliced from: a word of it more than a function word found
    there, and SPLICE_WORDS found in all unless the piece is a whole sentence of the quote."""
    found = [
        word
        for step in alignment.steps
        if step.kind in (MATCH, MINOR, RELATED)
        for word in alignment.words[step.quote_start : step.quote_end]
    ]
    return (sentence or len(found) >= SPLICE_WORDS) and any(word.key not in STOPWORDS for word in found)


def _with_added_words(
    alignment: Alignment, words: Sequence[QuoteWord], index: SourceIndex, *, at_end: bool
) -> Alignment:
    """`alignment` with quote `words` added without a mark after its words (`at_end`) or before them."""
    if at_end:
        offset, at = len(alignment.words), alignment.end
        added = [Step(INSERTED, offset + n, offset + n + 1, at, at) for n in range(len(words))]
        return rescore((*alignment.words, *words), (*alignment.steps, *added), index)
    at = alignment.start
    added = [Step(INSERTED, n, n + 1, at, at) for n in range(len(words))]
    shifted = [
        replace(step, quote_start=step.quote_start + len(words), quote_end=step.quote_end + len(words))
        for step in alignment.steps
    ]
    return rescore((*words, *alignment.words), (*added, *shifted), index)


def _place_segment(search: SourceSearch, segment: QuoteSegment, after: int | None) -> list[Alignment]:
    found = best_alignments(search, segment.words, 1, after=after)
    if not found:
        return []
    whole = found[0]
    if _is_clean(whole):
        return [whole]
    pieces: list[Alignment] = []
    previous_end = after
    for unit in _sentences(segment.words):
        unit_pieces = _place_unit(search, unit, previous_end)
        pieces.extend(unit_pieces)
        previous_end = unit_pieces[-1].end if unit_pieces else previous_end
    pieces = _join_same_place(pieces, search.index)
    chosen = pieces if len(pieces) > 1 and _explains_more(pieces, whole) else [whole]
    return [part for piece in chosen for part in _split_at_long_drops(piece, search.index)]


def place_between(
    search: SourceSearch, words: Sequence[QuoteWord], after: int | None, before: int | None
) -> Alignment | None:
    """Place words between two passages, or the nearest after one or before one, if they are there:
    for segments of function words only, which rare words cannot find.
    """
    if after is None and before is None:
        return None
    if after is not None and before is not None and before >= after:
        regions = [range(after, before)]
    else:
        reach = len(words) + 3 + len(words) // 4
        regions = []
        for widening in range(_WIDENINGS):
            width = reach * 4**widening
            start = after if after is not None else max(0, (before or 0) - width)
            regions.append(range(start, min(len(search.index), start + width)))
    best: Alignment | None = None
    for region in regions:
        alignment = align_words(words, search.index, region.start, region.stop, search.word_pairs)
        if best is None or alignment.recall > best.recall:
            best = alignment
        if best.recall == 1:
            break
    return best if best is not None and best.recall >= PIECE_RECALL else None


# How many times place_between widens its search (four times wider each time).
_WIDENINGS = 3


def _place_unit(search: SourceSearch, words: Sequence[QuoteWord], after: int | None) -> list[Alignment]:
    """A sentence of the quote: one passage, or two when a clause of it is found well elsewhere."""
    found = best_alignments(search, words, 1, after=after)
    if not found:
        return []
    here = found[0]
    for run_start, run_end in _unexplained_runs(here):
        elsewhere = best_alignments(search, words[run_start:run_end], 1)
        if not elsewhere or elsewhere[0].recall < SPLIT_RUN_RECALL:
            continue
        there = align_at(search, words, _window_from(elsewhere[0].start, run_start))
        return _split_between(search, words, here, there)
    return [here]


def _unexplained_runs(alignment: Alignment) -> list[tuple[int, int]]:
    """Runs of quote words the passage does not explain, long enough to be a clause."""
    explained = [share > 0 for share in _found_per_word(alignment)]
    runs: list[tuple[int, int]] = []
    start = None
    for position, is_explained in enumerate([*explained, True]):
        if not is_explained and start is None:
            start = position
        elif is_explained and start is not None:
            if position - start >= SPLIT_RUN_WORDS:
                runs.append((start, position))
            start = None
    return runs


def _found_per_word(alignment: Alignment) -> list[float]:
    """How much of each quote word the alignment finds, weighted as in its recall."""
    found = [0.0] * len(alignment.words)
    for step in alignment.steps:
        share = SHARES.get(step.kind, 0.0)
        for position in range(step.quote_start, step.quote_end):
            found[position] = share * word_weight(alignment.words[position].key)
    return found


def _split_between(
    search: SourceSearch, words: Sequence[QuoteWord], here: Alignment, there: Alignment
) -> list[Alignment]:
    """Cut the quote where one place stops explaining it and the other starts; align each side."""
    at_here, at_there = _found_per_word(here), _found_per_word(there)
    best: tuple[float, int, Alignment, Alignment] | None = None
    for first, second, first_found, second_found in (
        (here, there, at_here, at_there),
        (there, here, at_there, at_here),
    ):
        for cut in range(1, len(words)):
            total = sum(first_found[:cut]) + sum(second_found[cut:])
            if best is None or total > best[0]:
                best = (total, cut, first, second)
    assert best is not None
    _, cut, first, second = best
    return [
        align_at(search, words[:cut], _window_near(first, 0)),
        align_at(search, words[cut:], _window_near(second, cut)),
    ]


def _window_near(alignment: Alignment, quote_start: int) -> Window:
    """A window for the quote words from `quote_start` on, where `alignment` placed them."""
    for step in alignment.steps:
        if step.quote_start >= quote_start and step.kind in SHARES:
            return _window_from(step.source_start, step.quote_start - quote_start)
    return _window_from(alignment.start, 0)


def _window_from(position: int, words_before: int) -> Window:
    """A window for quote words of which `words_before` come before source word `position`."""
    start = max(0, position - words_before)
    return Window(start, start, 0.0)


def _sentences(words: Sequence[QuoteWord]) -> list[list[QuoteWord]]:
    sentences: list[list[QuoteWord]] = []
    for word in words:
        if word.sentence_start or not sentences:
            sentences.append([])
        sentences[-1].append(word)
    return sentences


def _is_clean(alignment: Alignment) -> bool:
    """Nearly all found, with no clause unexplained and no long stretch of source skipped."""
    return alignment.recall >= CLEAN_RECALL and not _unexplained_runs(alignment) and not _long_drops(alignment)


def _long_drops(alignment: Alignment) -> list[tuple[int, int]]:
    """Runs of steps that skip more source words than one place allows (as step indexes)."""
    drops: list[tuple[int, int]] = []
    start, dropped = None, 0
    for number, step in enumerate([*alignment.steps, None]):
        if step is not None and step.kind == DELETED:
            start = number if start is None else start
            dropped += step.source_end - step.source_start
            continue
        if start is not None and dropped > SAME_PLACE_WORDS:
            drops.append((start, number))
        start, dropped = None, 0
    return drops


def _split_at_long_drops(alignment: Alignment, index: SourceIndex) -> list[Alignment]:
    """An alignment that skips a long stretch of source is two pieces from two places."""
    drops = _long_drops(alignment)
    if not drops:
        return [alignment]
    first, last = drops[0]
    steps = alignment.steps
    cut = steps[last].quote_start if last < len(steps) else len(alignment.words)
    if cut in (0, len(alignment.words)):
        return [alignment]
    shifted = [
        replace(step, quote_start=step.quote_start - cut, quote_end=step.quote_end - cut) for step in steps[last:]
    ]
    before = rescore(alignment.words[:cut], steps[:first], index)
    return [before, *_split_at_long_drops(rescore(alignment.words[cut:], shifted, index), index)]


def _split_at_excerpt_gaps(alignment: Alignment, index: SourceIndex) -> list[Alignment]:
    """An alignment across a gap the source marks itself ("[...]" between two passages of an excerpt) is
    two pieces: the quote joins passages whose distance in the original is unknown."""
    steps = alignment.steps
    for number in range(1, len(steps)):
        step, previous = steps[number], steps[number - 1]
        cut = step.quote_start
        if (
            0 < cut < len(alignment.words)
            and previous.source_end == step.source_start
            and 0 < step.source_start < len(index)
            and index.gap_marked_after(step.source_start - 1)
        ):
            shifted = [replace(s, quote_start=s.quote_start - cut, quote_end=s.quote_end - cut) for s in steps[number:]]
            before = rescore(alignment.words[:cut], steps[:number], index)
            after = rescore(alignment.words[cut:], shifted, index)
            return [before, *_split_at_excerpt_gaps(after, index)]
    return [alignment]


def _split_at_turns(alignment: Alignment, search: SourceSearch) -> list[Alignment]:
    """An alignment that runs from one speaker's turn into another's is two pieces: the label between them
    is not dropped words, it is a change of speaker."""
    steps = alignment.steps
    for label_start, turn_start in search.breaks:
        if not alignment.start < label_start < turn_start < alignment.end:
            continue
        cut_step = next((n for n, step in enumerate(steps) if step.source_start >= turn_start), None)
        if cut_step is None:
            continue
        cut = steps[cut_step].quote_start
        before = list(steps[:cut_step])
        while before and before[-1].kind == DELETED:
            before.pop()
        after = list(steps[cut_step:])
        while after and after[0].kind == DELETED:
            after.pop(0)
        if not 0 < cut < len(alignment.words) or not before or not after:
            continue
        if not any(step.kind in SHARES for step in before) or not any(step.kind in SHARES for step in after):
            continue
        shifted = [replace(s, quote_start=s.quote_start - cut, quote_end=s.quote_end - cut) for s in after]
        first = rescore(alignment.words[:cut], before, search.index)
        return [first, *_split_at_turns(rescore(alignment.words[cut:], shifted, search.index), search)]
    return [alignment]


def turn_of(search: SourceSearch, position: int) -> int:
    """Which of the source's speaker turns (counted by `breaks`) holds word `position`."""
    return sum(1 for _, turn_start in search.breaks if turn_start <= position)


def turn_label(search: SourceSearch, position: int) -> str:
    """The label of the turn that holds word `position`, '' before the first."""
    number = turn_of(search, position)
    return search.labels[number - 1] if number else ""


def _explains_more(pieces: list[Alignment], whole: Alignment) -> bool:
    if any(piece.recall < PIECE_RECALL or not _has_anchor(piece) for piece in pieces):
        return False
    found = sum(piece.quote_found for piece in pieces)
    smallest = min(piece.quote_weight for piece in pieces)
    return found > whole.quote_found + SPLIT_GAIN * smallest


def _has_anchor(alignment: Alignment) -> bool:
    """Whether an informative word of the piece is found: function words alone place nothing."""
    return any(
        step.kind in (MATCH, MINOR, RELATED)
        and any(word.key not in STOPWORDS for word in alignment.words[step.quote_start : step.quote_end])
        for step in alignment.steps
    )


def is_same_place(first: Alignment, second: Alignment, index: SourceIndex | None = None) -> bool:
    """Whether `second` follows `first` closely enough in the source to be words dropped, not a
    splice; never across a gap the source marks itself (with `index`).
    """
    if not 0 <= second.start - first.end <= SAME_PLACE_WORDS:
        return False
    return index is None or not any(
        index.gap_marked_after(position) for position in range(max(first.end - 1, 0), second.start)
    )


def _join_same_place(pieces: list[Alignment], index: SourceIndex) -> list[Alignment]:
    """Merge consecutive pieces that stand together in the source: the words between are dropped."""
    joined: list[Alignment] = []
    for piece in pieces:
        if joined and is_same_place(joined[-1], piece):
            joined[-1] = concatenate(joined[-1], piece, index)
        else:
            joined.append(piece)
    return joined


def concatenate(first: Alignment, second: Alignment, index: SourceIndex) -> Alignment:
    """One alignment from two, the source words between them counted as dropped."""
    offset = len(first.words)
    shifted = [
        replace(step, quote_start=step.quote_start + offset, quote_end=step.quote_end + offset) for step in second.steps
    ]
    between = [Step(DELETED, offset, offset, first.end, second.start)] if second.start > first.end else []
    return rescore((*first.words, *second.words), (*first.steps, *between, *shifted), index)
