"""Word-by-word alignment of a piece of a quote with a stretch of its source.

The alignment is semi-global: the whole quote piece is aligned, the source words before and after
the passage are free. rapidfuzz and difflib align whole sequences (or score windows without saying
which words differ), and neither knows that a bracketed insertion may stand for a few source words,
so this small dynamic programme is ours; it only ever runs on a window of about twice the quote's
length, never on a whole source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from rapidfuzz.distance import OSA

from factsite.checks.quotes.normalise import (
    STEM_LENGTH,
    STOPWORDS,
    normalise_punctuation,
    stem,
    word_weight,
)
from factsite.checks.quotes.words import QuoteWord, SourceIndex

# Step kinds, from the closest to the farthest.
MATCH = "match"  # same word (case, typography and US/UK spelling aside)
MINOR = "minor"  # a slip of one letter, or the same letters divided differently ("U.S." / "US")
EDITORIAL = "editorial"  # a bracketed insertion or substitution standing for source words
RELATED = "related"  # another form of a word ("bluffing" / "bluff"): changed, but a clue
CHANGED = "changed"
INSERTED = "inserted"  # quote words that the source does not have
DELETED = "deleted"  # source words that the quote leaves out without an ellipsis

# Skipping or adding a function word costs half as much as a word that carries meaning, so that "not
# a bluff" still pairs "bluffing" with "bluff" across the "a". A match earns a hair, so that of two
# equally cheap alignments the one with more matches wins.
_COSTS = {MATCH: -0.01, MINOR: 0.3, RELATED: 0.4}
_GAP_COST = 1.0
_FUNCTION_WORD_GAP_COST = 0.5
# "U.S." is two words to the index, "300,000" two, "every day" two: enough for a word divided anew.
_DIVIDED_WORD_PARTS = 4
_DIAGONAL, _UP, _LEFT, _CONSUME = 0, 1, 2, 3


@dataclass(frozen=True)
class Step:
    """Quote words [quote_start, quote_end) of the piece against source words [source_start,
    source_end).
    """

    kind: str
    quote_start: int
    quote_end: int
    source_start: int
    source_end: int


@dataclass(frozen=True)
class Alignment:
    words: tuple[QuoteWord, ...]
    steps: tuple[Step, ...]
    # The passage: source word positions [start, end).
    start: int
    end: int
    # The quote's words, weighted (function words weigh a quarter), and how much of that the passage
    # has.
    quote_weight: float
    quote_found: float
    # Weighted agreement of quote and passage, from 0 to 1, like a ratio of common words.
    similarity: float
    # Quote words after which the punctuation differs from the source's.
    punctuation_changed: frozenset[int] = frozenset()

    @property
    def recall(self) -> float:
        """The weighted share of the quote found in the passage."""
        return self.quote_found / self.quote_weight if self.quote_weight else 0.0


# How much a step counts as found: another form of a word is half a clue.
SHARES = {MATCH: 1.0, MINOR: 1.0, EDITORIAL: 1.0, RELATED: 0.5}
_MOVED_SHARE = 0.5
_SENTENCE_REACH = 40


def compare_words(quote_key: str, source_key: str) -> str:
    """How close two word keys are: MATCH, MINOR (a one-letter slip), RELATED (same stem) or
    CHANGED.
    """
    if quote_key == source_key:
        return MATCH
    shortest = min(len(quote_key), len(source_key))
    same_stem = shortest >= STEM_LENGTH and stem(quote_key) == stem(source_key)
    # Most pairs differ in length or ending and are told apart without measuring a distance.
    if (
        shortest >= 4
        and not _clitic_added(quote_key, source_key)
        and abs(len(quote_key) - len(source_key)) <= 1
        and quote_key[-2:] == source_key[-2:]
        and OSA.distance(quote_key, source_key, score_cutoff=1) <= 1
    ):
        return MINOR
    return RELATED if same_stem else CHANGED


# Conjunctions Arabic glues to the next word: "and" (و) and "so" (ف).
LEADING_CONJUNCTIONS = ("\u0648", "\u0641")


def same_word(word: QuoteWord, source_key: str) -> str:
    """How close a quote word is to a source word (see compare_words).

    A quote that starts inside a sentence may leave out the conjunction the source sentence goes on with, as
    "We will" quotes "And we will": where Arabic glues it to the word ("سيستفيد" for "فسيستفيد", "لن" for
    "ولن"), the quote's first word without it is the same word.
    """
    if word.opens_quote and conjunction_left_out(word.key, source_key):
        return MATCH
    return compare_words(word.key, source_key)


def conjunction_left_out(quote_key: str, source_key: str) -> bool:
    """Whether `source_key` is `quote_key` with a glued conjunction in front."""
    return (
        len(source_key) == len(quote_key) + 1
        and len(quote_key) >= 2
        and source_key.startswith(LEADING_CONJUNCTIONS)
        and source_key[1:] == quote_key
    )


def _clitic_added(first: str, second: str) -> bool:
    # Arabic writes "and", "will", "by", "to" as one letter glued to the word: "سيكون" (will be) is not a
    # slip for "يكون" (be). A letter added in front of a word of another script than Latin is a change.
    if first.isascii() or len(first) == len(second):
        return False
    longer, shorter = (first, second) if len(first) > len(second) else (second, first)
    return longer.endswith(shorter)


def align_words(
    words: Sequence[QuoteWord],
    index: SourceIndex,
    low: int,
    high: int,
    word_pairs: dict[tuple[str, str], str] | None = None,
) -> Alignment:
    """Align all of `words` with the best stretch of source words between positions `low` and
    `high`; `word_pairs` may carry how close pairs of words are from one alignment to the next.
    """
    exact = _exact_steps(words, index.keys, low, high)
    if exact:
        return rescore(words, exact, index)
    moves = _fill_table(words, index.keys[low:high], {} if word_pairs is None else word_pairs)
    steps = _slide_matches_left(_trace_back(words, index.keys, moves, low), index.keys)
    steps = _tidy_edges(steps, words, index)
    steps = _join_divided_words(steps, words, index.keys)
    steps = _agree_with_brackets(steps, words, index.keys)
    return rescore(words, steps, index)


def _exact_steps(words: Sequence[QuoteWord], keys: Sequence[str], low: int, high: int) -> list[Step]:
    """The steps of a quote standing word for word in the region: the common case, with no table."""
    wanted = tuple(word.key for word in words)
    if not wanted or any(word.bracketed for word in words):
        return []
    region = tuple(keys[low:high])
    position = -1
    while True:
        try:
            position = region.index(wanted[0], position + 1)
        except ValueError:
            return []
        if region[position : position + len(wanted)] == wanted:
            start = low + position
            return [Step(MATCH, n, n + 1, start + n, start + n + 1) for n in range(len(wanted))]


def _fill_table(
    words: Sequence[QuoteWord], keys: Sequence[str], word_pairs: dict[tuple[str, str], str]
) -> list[tuple[list[float], bytearray]]:
    """The cost table by rows: row 0 lets the passage start anywhere, the last row end anywhere."""
    width = len(keys) + 1
    previous = [0.0] * width
    rows = [(previous, bytearray(width))]
    deletions = [0.0, *map(gap_cost, keys)]
    costs_of = _SubstitutionCosts(keys, deletions[1:], word_pairs)
    for word in words:
        current = [0.0] * width
        moves = bytearray(width)
        if word.is_insertion:
            _fill_insertion_row(previous, current, moves, word.replaces_at_most)
        else:
            costs = [0.0] * len(keys) if word.bracketed else costs_of(word.key)
            if word.opens_quote:
                costs_of.allow_conjunctions(costs, word.key)
            insertion = _FUNCTION_WORD_GAP_COST if word.bracketed else gap_cost(word.key)
            current[0] = previous[0] + insertion
            moves[0] = _UP
            for column in range(1, width):
                diagonal = previous[column - 1] + costs[column - 1]
                up = previous[column] + insertion
                left = current[column - 1] + deletions[column]
                if diagonal <= up and diagonal <= left:
                    current[column] = diagonal
                elif up <= left:
                    current[column], moves[column] = up, _UP
                else:
                    current[column], moves[column] = left, _LEFT
        rows.append((current, moves))
        previous = current
    return rows


class _SubstitutionCosts:
    """The cost of putting a quote word in place of each source word of a region.

    A changed word costs what the dearer of the two costs to add or drop (less than doing both);
    only words that share a stem or an ending with the quote word can cost less, so only those are
    compared.
    """

    def __init__(self, keys: Sequence[str], deletions: list[float], word_pairs: dict[tuple[str, str], str]) -> None:
        self.positions: dict[str, list[int]] = {}
        for position, key in enumerate(keys):
            self.positions.setdefault(key, []).append(position)
        self.near: dict[str, set[str]] = {}
        for key in self.positions:
            self.near.setdefault(stem(key), set()).add(key)
            self.near.setdefault(key[-2:], set()).add(key)
        self.changed_content = [_GAP_COST] * len(keys)
        self.changed_function = deletions
        self.word_pairs = word_pairs

    def __call__(self, quote_key: str) -> list[float]:
        content = gap_cost(quote_key) == _GAP_COST
        costs = list(self.changed_content if content else self.changed_function)
        near = self.near.get(stem(quote_key), set()) | self.near.get(quote_key[-2:], set())
        for key in near:
            pair = (quote_key, key)
            if pair not in self.word_pairs:
                self.word_pairs[pair] = compare_words(quote_key, key)
            kind = self.word_pairs[pair]
            if kind != CHANGED:
                for position in self.positions[key]:
                    costs[position] = _COSTS[kind]
        return costs

    def allow_conjunctions(self, costs: list[float], quote_key: str) -> None:
        """A quote's first word costs what a match costs against itself with a glued conjunction."""
        for conjunction in LEADING_CONJUNCTIONS:
            for position in self.positions.get(conjunction + quote_key, ()):
                costs[position] = _COSTS[MATCH]


def _fill_insertion_row(previous: list[float], current: list[float], moves: bytearray, reach: int) -> None:
    """A bracketed insertion costs nothing and may stand for up to `reach` source words."""
    for column in range(len(previous)):
        best, taken = previous[column], 0
        for count in range(1, min(reach, column) + 1):
            if previous[column - count] < best:
                best, taken = previous[column - count], count
        current[column] = best
        moves[column] = _CONSUME + taken


def changed_punctuation(alignment: Alignment, index: SourceIndex) -> set[int]:
    """Quote words after which the punctuation differs from the source's.

    Only between two matched words that stand together on both sides: the punctuation after the last
    word is the quote's own ("service," for "service.").
    """
    changed: set[int] = set()
    steps = alignment.steps
    for current, following in pairwise(steps):
        if current.kind != MATCH or following.kind not in (MATCH, MINOR):
            continue
        if (following.quote_start, following.source_start) != (
            current.quote_end,
            current.source_end,
        ):
            continue
        quoted = alignment.words[following.quote_start].gap_before
        if quoted != normalise_punctuation(index.gap_after(current.source_end - 1)):
            changed.add(current.quote_start)
    return changed


def gap_cost(key: str) -> float:
    return _FUNCTION_WORD_GAP_COST if key in STOPWORDS else _GAP_COST


def _trace_back(
    words: Sequence[QuoteWord],
    keys: Sequence[str],
    rows: list[tuple[list[float], bytearray]],
    low: int,
) -> list[Step]:
    last_costs = rows[-1][0]
    # Of equally cheap ends, the latest: a last quote word then pairs with the source word after it
    # (a change, if in the same sentence) rather than standing alone.
    column = min(range(len(last_costs)), key=lambda column: (last_costs[column], -column))
    steps: list[Step] = []
    row = len(rows) - 1
    while row > 0:
        move = rows[row][1][column]
        word = words[row - 1]
        position = low + column
        if move == _DIAGONAL:
            kind = EDITORIAL if word.bracketed else same_word(word, keys[position - 1])
            steps.append(Step(kind, row - 1, row, position - 1, position))
            row, column = row - 1, column - 1
        elif move == _UP:
            steps.append(Step(INSERTED, row - 1, row, position, position))
            row -= 1
        elif move == _LEFT:
            steps.append(Step(DELETED, row, row, position - 1, position))
            column -= 1
        else:
            taken = move - _CONSUME
            steps.append(Step(EDITORIAL, row - 1, row, position - taken, position))
            row, column = row - 1, column - taken
    steps.reverse()
    return steps


def _slide_matches_left(steps: list[Step], keys: Sequence[str]) -> list[Step]:
    """Keep dropped words together: a match just after dropped source words moves onto the first of
    them when that is the same word ("today. The measures start today" read as one omission)."""
    slid = list(steps)
    for number, step in enumerate(steps):
        first = number
        while first > 0 and slid[first - 1].kind == DELETED:
            first -= 1
        if step.kind != MATCH or first == number:
            continue
        target = slid[first].source_start
        if keys[target] != keys[step.source_start]:
            continue
        match = Step(MATCH, step.quote_start, step.quote_end, target, target + 1)
        dropped = [
            Step(DELETED, step.quote_start + 1, step.quote_start + 1, position, position + 1)
            for position in range(target + 1, step.source_end)
        ]
        slid[first : number + 1] = [match, *dropped]
    return slid


def _tidy_edges(steps: list[Step], words: Sequence[QuoteWord], index: SourceIndex) -> list[Step]:
    """Read the edges of a passage as a person would.

    Quote words beyond the passage's first or last found word change the source words beside them
    only within the same source sentence; past a sentence boundary they are additions. A bracket at
    either end stands for the rest of its source sentence, within its reach.
    """
    anchored = [n for n, step in enumerate(steps) if step.kind in (MATCH, MINOR, RELATED)]
    if not anchored:
        return steps
    first, last = anchored[0], anchored[-1]
    leading = _tidy_edge(steps[:first][::-1], steps[first].source_start, index, leading=True)
    trailing = _tidy_edge(steps[last + 1 :], steps[last].source_end, index, leading=False)
    return _extend_edge_brackets([*leading[::-1], *steps[first : last + 1], *trailing], words, index)


def _tidy_edge(outward: list[Step], anchor: int, index: SourceIndex, *, leading: bool) -> list[Step]:
    """Edge steps from the passage outwards: kept while in the anchor's sentence, then additions."""
    tidy: list[Step] = []
    attached = True
    for step in outward:
        if step.kind in (CHANGED, DELETED) and attached:
            # The words after the changed one up to the anchor, or from the one after the anchor up to it.
            low, high = (step.source_start + 1, anchor) if leading else (anchor, step.source_start)
            attached = not any(index.starts_sentence(p) for p in range(low, high + 1))
        if attached or step.kind not in (CHANGED, DELETED):
            tidy.append(step)
        elif step.kind == CHANGED:
            tidy.append(Step(INSERTED, step.quote_start, step.quote_end, anchor, anchor))
    return tidy


def _extend_edge_brackets(steps: list[Step], words: Sequence[QuoteWord], index: SourceIndex) -> list[Step]:
    if not steps:
        return steps
    head, tail = steps[0], steps[-1]
    if words[head.quote_start].is_insertion and head.source_start == head.source_end:
        reach = words[head.quote_start].replaces_at_most
        start = head.source_end
        while (
            start > 0
            and head.source_end - start < reach
            and not index.starts_sentence(start)
            and not _speech_edge(index.gap_after(start - 1))
        ):
            start -= 1
        if index.starts_sentence(start) or _speech_edge(index.gap_after(start - 1)):
            steps[0] = Step(EDITORIAL, head.quote_start, head.quote_end, start, head.source_end)
    if words[tail.quote_start].is_insertion and tail.source_start == tail.source_end and len(steps) > 1:
        reach = words[tail.quote_start].replaces_at_most
        end = tail.source_start
        while (
            end < len(index)
            and end - tail.source_start < reach
            and not index.starts_sentence(end)
            and not _speech_edge(index.gap_after(end - 1))
        ):
            end += 1
        if end == len(index) or index.starts_sentence(end) or _speech_edge(index.gap_after(end - 1)):
            steps[-1] = Step(EDITORIAL, tail.quote_start, tail.quote_end, tail.source_start, end)
    return steps


def _speech_edge(gap: str) -> bool:
    """Whether a gap between source words opens or closes quoted speech ('said: "We', 'cuts," she'): a bracket
    at a quote's edge stands for the speaker's words, not for the reporting words around them."""
    return any(mark in gap for mark in ('"', "\u201c", "\u201d", ":"))


# The forms of a verb that agree with another subject: "[The association] has paid" for "We have paid".
_AGREEMENT = tuple(
    frozenset(pair)
    for pair in (
        ("have", "has"), ("are", "is"), ("am", "is"), ("am", "are"), ("were", "was"), ("do", "does"),
        ("haven't", "hasn't"), ("aren't", "isn't"), ("weren't", "wasn't"), ("don't", "doesn't"),
    )
)  # fmt: skip


def _agree_with_brackets(steps: list[Step], words: Sequence[QuoteWord], keys: Sequence[str]) -> list[Step]:
    """A verb changed to agree with a bracketed subject right before it belongs to that bracket's edit.

    Style books allow "[The association] has paid" for "We have paid" as well as "[The association has]
    paid": the change of "have" to "has" follows from the marked substitution and changes no meaning.
    Only a substitution (a bracket standing for source words) counts, and only the agreement forms of
    "be", "have" and "do"."""
    merged: list[Step] = []
    for step in steps:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == EDITORIAL
            and previous.source_start < previous.source_end
            and words[previous.quote_start].bracketed
            and step.kind in (CHANGED, RELATED)
            and step.quote_end - step.quote_start == 1
            and step.source_end - step.source_start == 1
            and previous.quote_end == step.quote_start
            and previous.source_end == step.source_start
            and frozenset((words[step.quote_start].key, keys[step.source_start])) in _AGREEMENT
        ):
            merged[-1] = Step(EDITORIAL, previous.quote_start, step.quote_end, previous.source_start, step.source_end)
            continue
        merged.append(step)
    return merged


def _join_divided_words(steps: list[Step], words: Sequence[QuoteWord], keys: Sequence[str]) -> list[Step]:
    """Turn "every day" against "everyday", or "US" against "U.S.", into one minor difference."""
    joined: list[Step] = []
    run: list[Step] = []
    for step in [*steps, None]:
        if step is not None and step.kind in (CHANGED, INSERTED, DELETED, RELATED):
            run.append(step)
            continue
        if run:
            edge = "start" if not joined else "end" if step is None else ""
            joined.extend(_joined_run(run, words, keys, edge))
            run = []
        if step is not None:
            joined.append(step)
    return joined


def _joined_run(run: list[Step], words: Sequence[QuoteWord], keys: Sequence[str], edge: str) -> list[Step]:
    quote_start, quote_end = run[0].quote_start, run[-1].quote_end
    source_start = min(step.source_start for step in run)
    source_end = max(step.source_end for step in run)
    letters = "".join(word.key for word in words[quote_start:quote_end])
    if not letters:
        return run
    # At an edge the source's divided word lies just outside the passage.
    for extra in range(_DIVIDED_WORD_PARTS if edge else 1):
        start = source_start - extra if edge == "start" else source_start
        end = source_end + extra if edge == "end" else source_end
        spanned = end - start
        divided = spanned != quote_end - quote_start
        if start >= 0 and spanned and divided and letters == "".join(keys[start:end]):
            return [Step(MINOR, quote_start, quote_end, start, end)]
    return run


def rescore(words: Sequence[QuoteWord], steps: Sequence[Step], index: SourceIndex) -> Alignment:
    """Measure an alignment: how much of the quote it explains, and how closely quote and passage
    agree.

    A quote word left unmatched that its source sentence has elsewhere (a reordering, "the ministry
    of defense" for "the Defence Ministry") counts as half found: it is a clue to the place, not a
    faithful copy.
    """
    in_passage = [step for step in steps if step.source_end > step.source_start]
    start = in_passage[0].source_start if in_passage else (steps[0].source_start if steps else 0)
    end = in_passage[-1].source_end if in_passage else start
    quote_weight = sum(word_weight(word.key) for word in words if word.key)
    source_weight = sum(map(word_weight, index.keys[start:end]))
    quote_found = source_found = 0.0
    unused = _sentence_words(index, start, end) if in_passage else Counter()
    for step in steps:
        share = SHARES.get(step.kind, 0.0)
        source_keys = index.keys[step.source_start : step.source_end]
        if share:
            unused.subtract(source_keys)
        quote_words = words[step.quote_start : step.quote_end]
        quote_found += share * sum(word_weight(word.key) for word in quote_words if word.key)
        source_found += share * sum(map(word_weight, source_keys))
    for step in steps:
        if step.kind in (INSERTED, CHANGED):
            for word in words[step.quote_start : step.quote_end]:
                if unused[word.key] > 0:
                    unused[word.key] -= 1
                    quote_found += _MOVED_SHARE * word_weight(word.key)
    total = quote_weight + source_weight
    alignment = Alignment(
        words=tuple(words),
        steps=tuple(steps),
        start=start,
        end=end,
        quote_weight=quote_weight,
        quote_found=quote_found,
        similarity=(quote_found + source_found) / total if total else 0.0,
    )
    return replace(alignment, punctuation_changed=frozenset(changed_punctuation(alignment, index)))


def _sentence_words(index: SourceIndex, start: int, end: int) -> Counter[str]:
    """The words of the source sentences that hold the passage (at most 40 words either side)."""
    low, high = start, end
    while low > 0 and start - low < _SENTENCE_REACH and not index.starts_sentence(low):
        low -= 1
    while high < len(index) and high - end < _SENTENCE_REACH and not index.starts_sentence(high):
        high += 1
    return Counter(index.keys[low:high])
