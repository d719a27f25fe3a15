"""Edits that may change what a quote means: an ellipsis or a bracket hiding a negation, a condition, a
quantity or a hedge.

Newsroom style allows marked edits that keep the speaker's meaning; an omission that drops "not", or a
bracket that stands for "only if", keeps every remaining word verbatim and still reverses the sense. Such
an edit is its own class, with the hidden words shown, for a person to judge.

Which hidden words count. A condition ("unless", "if", "only") governs its whole sentence: an omission is
read over the hidden words of the sentences the quote keeps words of. An omission after a condition word of
its sentence ("If you are not vaccinated ... you should assume") may narrow or widen what the condition
covers, so a negation, a hedge or a quantity in any of its hidden words counts too. Whole sentences left out between
two kept passages do not govern the kept words; the partial sentences on either side do. A leading
ellipsis hides the start of the sentence of its first kept word, a trailing one the rest of the sentence
of its last kept word ("We will not cut jobs..." for "We will not cut jobs, unless the budget fails.").
A negation, a hedge or a quantity governs its clause: only the hidden words of the clauses the kept words
are in count, up to a comma, a semicolon, a colon, a dash or a conjunction ("... should depart Russia"
for "U.S. citizens should not travel to Russia and those in Russia should depart Russia" hides no
negation of the kept words; "We will ... cut jobs" for "We will not cut jobs" does). A bracket hides the
source words it stands for that it does not repeat ("[The ministry] will" for "We will" hides nothing
that carries meaning; "[more]" for "300" hides a number), and a bracket that adds a negation, a condition or a
hedge the source does not have ("We will [not] cut jobs") may change the meaning too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factsite.checks.quotes.align import EDITORIAL, LEADING_CONJUNCTIONS
from factsite.checks.quotes.diff import Piece
from factsite.checks.quotes.normalise import WORD_CHARACTER
from factsite.checks.quotes.results import MeaningEdit
from factsite.checks.quotes.words import SourceIndex
from factsite.languages.script import fold

# How far a leading or trailing ellipsis is followed to its sentence's edge, in words.
SENTENCE_REACH = 80

NEGATIONS = frozenset(
    ("not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "nowhere", "without", "cannot",
     *map(fold, ("नहीं", "न", "मत", "बिना", "कभी", "لا", "لم", "لن", "ليس", "ليست", "غير", "دون", "بدون")))
)  # fmt: skip
CONDITIONS = frozenset(
    ("if", "unless", "only", "provided", "except", "until", "whether", "otherwise",
     *map(fold, ("अगर", "यदि", "सिर्फ", "केवल", "إذا", "إن", "لو", "فقط", "إلا", "حتى")))
)  # fmt: skip
# Conditions of two words: "ما لم" is "unless".
CONDITION_PAIRS = frozenset({(fold("ما"), fold("لم"))})
HEDGES = frozenset(
    ("may", "might", "could", "perhaps", "possibly", "probably", "likely", "unlikely", "maybe", "almost",
     "nearly", "approximately", "roughly", *map(fold, ("शायद", "संभवतः", "लगभग", "करीब", "ربما", "قد", "لعل",
     "تقريبا", "حوالي", "نحو")))
)  # fmt: skip
# Numbers written in figures count too (NUMBER); "one" does not, being also a pronoun.
QUANTITIES = frozenset(
    ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
     "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand",
     "thousands", "million", "millions", "billion", "billions", "trillion", "lakh", "lakhs", "crore", "crores",
     "dozen", "dozens", "half", "quarter", "third", "percent", "cent", "twice", "double", "triple", "all",
     "every", "most", "few", "fewer", "less", "least", "more",
     *map(fold, ("सौ", "हज़ार", "लाख", "करोड़", "अरब", "प्रतिशत", "आधा", "مئة", "ألف", "آلاف", "مليون", "ملايين",
                 "مليار", "نصف", "ربع", "بالمئة")))
)  # fmt: skip
CATEGORIES = (
    ("a negation", NEGATIONS),
    ("a condition", CONDITIONS),
    ("a hedge", HEDGES),
    ("a quantity", QUANTITIES),
)
SENTENCE_WIDE = frozenset({"a condition"})
# What a bracket may not add unremarked; a number it adds is usually a clarification ("[in 2019]").
ADDED_KINDS = frozenset({"a negation", "a condition", "a hedge"})
# A number as written in figures ("300", "40,000", "1.5", "1990s", "21st"); "COVID-19" or "G20" is a name.
NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:s|st|nd|rd|th|m|bn|k)?")
_BRACKETS = re.compile(r"[\[\]]")
_WORD = re.compile(rf"(?:{WORD_CHARACTER}|\u2019)+(?:[.,-](?:{WORD_CHARACTER}|\u2019)+)*")
# What ends a clause: punctuation between two words (the Arabic comma, semicolon and question mark and the danda
# too), or a conjunction that opens the next clause.
_CLAUSE_PUNCTUATION = re.compile(r"[,;:()\u2013\u2014.!?\u060c\u061b\u0964\u0965\u061f]|\s-\s")
_CONJUNCTIONS = frozenset(["and", "but", "or", "while", "whereas", "because", "so", "yet"])
# Words opening a clause that speaks of the clause before it ("..., that will not happen").
BACK_REFERENCES = frozenset(
    ("that", "which", "this", *map(fold, ("ऐसा", "ऐसी", "यह", "ये", "जो", "هذا", "وهذا", "ذلك", "وذلك", "وهو",
     "وهي", "وهذه", "ما")))
)  # fmt: skip


def carriers(text: str, kept: str = "", kinds: frozenset[str] | None = None) -> tuple[tuple[str, str], ...]:
    """The words of `text` that carry a negation, a condition, a hedge or a quantity (or only `kinds` of
    them), as (word, what it carries), leaving out those `kept` repeats."""
    # A bracket may edit part of a word: "[N]o" is the word "No", which it repeats.
    text, kept = _BRACKETS.sub("", text), _BRACKETS.sub("", kept)
    kept_words = {_plain(word) for word in _WORD.findall(kept)}
    found: list[tuple[str, str]] = []
    before = before_written = ""
    for written in _WORD.findall(text):
        word = fold(written).replace("\u2019", "'")
        pair = (before, word) in CONDITION_PAIRS
        shown = f"{before_written} {written}" if pair else written
        repeated = _plain(written) in kept_words and (not pair or _plain(before_written) in kept_words)
        before, before_written = word, written
        if repeated:
            continue
        kind = "a condition" if pair else _category(word)
        if kind and (kinds is None or kind in kinds) and (shown, kind) not in found:
            found.append((shown, kind))
    return tuple(found)


def _plain(word: str) -> str:
    """A word as compared between a bracket and the words it stands for: "won't" and "cannot" repeat "not"."""
    word = word.casefold().replace("\u2019", "'")
    return "not" if word.endswith("n't") or word == "cannot" else word


def _category(word: str) -> str:
    if word.endswith("n't"):
        return "a negation"
    # Arabic glues "and" and "so" to a negation: "ولن" is "and will not", "فلا" "so no".
    if word.startswith(LEADING_CONJUNCTIONS) and word[1:] in NEGATIONS:
        return "a negation"
    if NUMBER.fullmatch(word):
        return "a quantity"
    return next((kind for kind, words in CATEGORIES if word in words), "")


def meaning_edits(
    pieces: Sequence[Piece], index: SourceIndex, quote_text: str, ellipsis_after: str
) -> tuple[MeaningEdit, ...]:
    """Every omission and substitution of a placed quote whose hidden words carry meaning."""
    edits: list[MeaningEdit] = []
    for number, piece in enumerate(pieces):
        alignment = piece.alignment
        if piece.ellipsis_before and not piece.reordered:
            if number == 0:
                start = _sentence_start(index, alignment.start)
                hidden = index.display_span(start, alignment.start)
                clause = _clause_words(index, start, alignment.start, before=False)
            else:
                previous_end = pieces[number - 1].alignment.end
                hidden = _governing_words(index, previous_end, alignment.start)
                clause = " ".join(
                    (
                        _clause_words(index, previous_end, alignment.start, before=True),
                        _clause_words(index, previous_end, alignment.start, before=False),
                    )
                )
                # "All posts filled this year ... the calendar is out" for "All posts filled this year, that is
                # not possible, but the calendar is out": a whole clause left out that points back at the kept
                # words ("that", "ऐसा", "هذا") says something of them, so its negation or hedge counts.
                clause = " ".join((clause, _back_referring_clauses(index, previous_end, alignment.start)))
                if _inside_condition(index, previous_end):
                    # "If you are not vaccinated ... you should" for "If you are not vaccinated, and you
                    # have not had measles, you should": a clause left out of a condition changes whom
                    # it covers, so every hidden word of the sentence counts.
                    clause = hidden
            edits.append(_omission(piece.ellipsis_before, hidden, clause))
        steps = alignment.steps
        for step_number, step in enumerate(steps):
            if step.kind != EDITORIAL:
                continue
            words = alignment.words[step.quote_start : step.quote_end]
            bracket = quote_text[words[0].start : words[-1].end]
            low, high = step.source_start, step.source_end
            # A bracket at an edge of the quote stands for words of the quoted sentence only.
            if step_number == len(steps) - 1 and step_number:
                high = next((p for p in range(low, high) if _outside_speech(index, p)), high)
            if step_number == 0 and len(steps) > 1:
                low = next((p for p in range(high, low, -1) if _outside_speech(index, p)), low)
            replaced = index.display_span(low, high) if low < high else ""
            edits.append(_edit("substitution", bracket, replaced, kept=bracket))
            # A bracket may also put in a negation, a condition or a hedge that the source does not have.
            added = carriers(bracket, kept=replaced, kinds=ADDED_KINDS)
            edits.append(_described("insertion", bracket, replaced, added))
    if ellipsis_after and pieces:
        end = pieces[-1].alignment.end
        sentence_end = _sentence_end(index, end)
        hidden = index.display_span(end, sentence_end)
        edits.append(_omission(ellipsis_after, hidden, _clause_words(index, end, sentence_end, before=True)))
    return tuple(edit for edit in edits if edit.carriers)


def _omission(written: str, hidden: str, clause: str) -> MeaningEdit:
    clause_kinds = frozenset(kind for kind, _ in CATEGORIES) - SENTENCE_WIDE
    found = carriers(hidden, kinds=SENTENCE_WIDE) + carriers(clause, kinds=clause_kinds)
    return _described("omission", written, hidden, found)


def _edit(kind: str, written: str, hidden: str, kept: str = "") -> MeaningEdit:
    return _described(kind, written, hidden, carriers(hidden, kept))


def _described(kind: str, written: str, hidden: str, found: tuple[tuple[str, str], ...]) -> MeaningEdit:
    return MeaningEdit(
        kind=kind,
        written=written,
        hidden=hidden,
        carriers=tuple(word for word, _ in found),
        carries=tuple(dict.fromkeys(what for _, what in found)),
    )


def _inside_condition(index: SourceIndex, position: int) -> bool:
    """Whether a condition word ("if", "unless") stands in the sentence before source word `position`."""
    start = _sentence_start(index, max(position - 1, 0))
    return any(index.word(p).casefold() in CONDITIONS for p in range(start, position))


def _governing_words(index: SourceIndex, start: int, end: int) -> str:
    """The omitted words [start, end) that belong to the sentences of the kept words on either side."""
    if start >= end:
        return ""
    # A "sentence" longer than SENTENCE_REACH words is cut there: the scan stays short in any source.
    first_break = next(
        (p for p in range(start, min(end, start + SENTENCE_REACH)) if index.starts_sentence(p)),
        min(end, start + SENTENCE_REACH),
    )
    last_break = next(
        (p for p in range(end, max(start, end - SENTENCE_REACH), -1) if index.starts_sentence(p)),
        max(start, end - SENTENCE_REACH),
    )
    if first_break >= last_break:
        return index.display_span(start, end)
    parts = [index.display_span(start, first_break), index.display_span(last_break, end)]
    return " […] ".join(part for part in parts if part)


def _clause_words(index: SourceIndex, start: int, end: int, *, before: bool) -> str:
    """The omitted words [start, end) in the clause of the kept word beside them: the one before `start`
    (`before`), or the one at `end`."""
    if start >= end:
        return ""
    start, end = (start, min(end, start + SENTENCE_REACH)) if before else (max(start, end - SENTENCE_REACH), end)
    if before:
        stop = start
        while stop < end and not _breaks_before(index, stop):
            stop += 1
        return index.display_span(start, stop)
    begin = end
    while begin > start and not _breaks_before(index, begin) and not _is_conjunction(index, begin - 1):
        begin -= 1
    return index.display_span(begin, end)


def _back_referring_clauses(index: SourceIndex, start: int, end: int) -> str:
    """The whole clauses among the omitted words [start, end) of the sentence before them that open with a
    word pointing back at what was said before ("that is not possible", "ऐसा संभव नहीं है", "وهذا غير ممكن").

    A whole sentence left out is not one of them, whatever its first word ("That is not all.", "जो मिलें भुगतान
    नहीं करेंगी, ..."): whole sentences left out between two kept passages do not count."""
    found: list[str] = []
    position = start
    limit = min(end, start + SENTENCE_REACH)
    while position < limit and not index.starts_sentence(position):
        if _breaks_before(index, position):
            stop = position + 1
            while stop < limit and not _breaks_before(index, stop):
                stop += 1
            whole = stop < end or _breaks_before(index, end)
            if whole and fold(index.word(position)).casefold() in BACK_REFERENCES:
                found.append(index.display_span(position, stop))
            position = stop
            continue
        position += 1
    return " ".join(found)


def _breaks_before(index: SourceIndex, position: int) -> bool:
    """Whether a clause ends before source word `position`: punctuation between it and the word before,
    or the word is a conjunction opening the next clause."""
    gap = index.gap_after(position - 1) if position else ""
    return bool(_CLAUSE_PUNCTUATION.search(gap)) or _is_conjunction(index, position)


def _is_conjunction(index: SourceIndex, position: int) -> bool:
    return index.word(position).casefold() in _CONJUNCTIONS


def _outside_speech(index: SourceIndex, position: int) -> bool:
    """Whether a sentence or a quotation starts or ends before source word `position`."""
    if index.starts_sentence(position):  # the source's first word too, which has no gap before it
        return True
    gap = index.gap_after(position - 1)
    return any(mark in gap for mark in ('"', "\u201c", "\u201d", ":"))


def _sentence_start(index: SourceIndex, position: int) -> int:
    start = position
    while start > 0 and position - start < SENTENCE_REACH and not index.starts_sentence(start):
        start -= 1
    return start


def _sentence_end(index: SourceIndex, position: int) -> int:
    end = position
    while end < len(index) and end - position < SENTENCE_REACH and not index.starts_sentence(end):
        end += 1
    return end
