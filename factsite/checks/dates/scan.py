"""Scanning prose for dates: `find_dates` runs the grammar around the words a date ends with,
drops what rule 9 says is not a date, and reads each match in the tense of its sentence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from factsite.checks.dates.grammar import DateGrammar, date_grammar
from factsite.checks.dates.native import find_native_dates
from factsite.checks.dates.resolve import resolve_match
from factsite.checks.dates.results import FoundDate
from factsite.languages import language_of_locale


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Rule 9: names holding a weekday (or "Today") are not dates. Compared in lower case with the
# capitalised word just before or after a bare weekday...
NAME_WORDS_BEFORE = _words(
    "good black super ash cyber maundy bloody palm easter holy shrove giving fat whit sheffield usa"
)
NAME_WORDS_AFTER = _words(
    "times telegraph mirror express post herald independent observer people mail sport star"
    " tribune record show club league"
)
# ...or with these in any case ("Sunday school", "the Today programme")...
NAME_WORDS_AFTER_ANY_CASE = _words("school programme")
# ...or before "on <weekday>" ("The Mail on Sunday").
NAME_WORDS_BEFORE_ON = _words("mail independent scotland wales")
# Words that may follow a year which is a date ("in 2021 the company..."), unlike a count
# ("resulted in 2000 deaths"): a lower-case word outside this list makes the number a count.
WORDS_AFTER_A_YEAR = _words(
    "the a an and or but nor when while as after before since until than that which who where if"
    " because although though so yet he she it they we i you there this these those his her its"
    " their our my alone only too also was were is are had has have will would to for with by at"
    " on in of from against versus compared"
)
PREPOSITIONS_BEFORE_COUNTS = _words("in by from before after through on")
# "rose by 3/4" is a fraction; "on 21/9" is a date.
PREPOSITIONS_BEFORE_NUMERIC_DATES = _words("on since until till before after")
FUTURE_MARKER = re.compile(
    r"\b(?:will|shall|won['\u2019]t|would(?!\s+have)|plans?\s+to|intends?\s+to"
    r"|(?:is|are|'s|'re)\s+(?:due|set|scheduled|expected|going|planning)\s+to)\b|['\u2019]ll\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z])|\n\s*\n")
WORD = re.compile(r"[^\W\d_]+")


def _word_before(text: str, position: int) -> str:
    words = WORD.findall(text, max(0, position - 30), position)
    return words[-1] if words and text[position - 1 : position].isspace() else ""


def _word_after(text: str, position: int) -> str:
    match = WORD.match(text, position + 1) if text[position : position + 1] == " " else None
    return match.group() if match else ""


def _is_capitalised_in(word: str, names: frozenset[str]) -> bool:
    return word[:1].isupper() and word.lower() in names


def _is_not_a_date(match: re.Match[str], text: str) -> bool:
    """Rule 9's checks of the words around a match."""
    kind, start, end = match.lastgroup, match.start(), match.end()
    if kind == "bare_numeric":
        pair = (match["bare_first"], match["bare_second"])
        return pair == ("24", "7") or match["prep"].lower() not in PREPOSITIONS_BEFORE_NUMERIC_DATES
    if kind == "year":
        after = _word_after(text, end)
        counted = after.islower() and after not in WORDS_AFTER_A_YEAR
        return counted and (match["prep"] or "").lower() in PREPOSITIONS_BEFORE_COUNTS
    if kind == "weekday" and not match["weekday_modifier"]:
        preposition = (match["weekday_prep"] or "").lower()
        if preposition == "on":
            return _is_capitalised_in(_word_before(text, start), NAME_WORDS_BEFORE_ON)
        if preposition:
            return False
    elif kind != "relative_day" or match.group().lower() != "today":
        return False
    after = _word_after(text, end)
    return (
        _is_capitalised_in(_word_before(text, start), NAME_WORDS_BEFORE)
        or _is_capitalised_in(after, NAME_WORDS_AFTER)
        or after.lower() in NAME_WORDS_AFTER_ANY_CASE
    )


# Rule 10: a verb plainly in the past. Past participles and "-ed" forms are not enough ("is closed
# until", "extended the deadline to").
PAST_MARKER = re.compile(r"\b(?:was|were|had|did)(?:n['\u2019]t)?\b", re.IGNORECASE)
TENSE_WORDS = 12
# The present of a schedule ("the exhibition opens on Friday", "Parliament meets on Tuesday")
# looks ahead; counted only right before the date (one word may come between: "opens again"),
# where it is the date's own verb.
SCHEDULED = re.compile(
    r"\b(?:opens|begins|starts|resumes|reopens|ends|closes|expires|launches|meets|convenes|votes"
    r"|takes\s+effect|comes\s+into\s+(?:force|effect)|goes\s+on\s+sale|kicks\s+off)"
    r"(?:\s+[^\W\d_]+)?\s*$",
    re.IGNORECASE,
)


def _tense_around(text: str, start: int, end: int) -> str:
    """The tense of the verb nearest to a date in its sentence: "future" after a future marker
    ("will", "is due to") among the twelve words before it (or after it, when the date opens the
    sentence) or the present of a schedule right before it ("opens on Friday"); "marked-past" for
    "had", "was", "were", "did" among the twelve words either side; else "past" (news prose
    reports the past)."""
    # One character of the date itself: a sentence end is known by the capital after it.
    before = SENTENCE_END.split(text[max(0, start - 100) : start + 1])[-1][:-1]
    after = SENTENCE_END.split(text[end : end + 100])[0]
    before = " ".join(before.split()[-TENSE_WORDS:])
    after = " ".join(after.split()[:TENSE_WORDS])
    markers = [
        (len(before) - m.end(), tense)
        for pattern, tense in ((FUTURE_MARKER, "future"), (PAST_MARKER, "marked-past"))
        for m in pattern.finditer(before)
    ]
    if SCHEDULED.search(before):
        markers.append((0, "future"))
    # After the date a past verb counts ("By June 15, 300 people had died"); a future one only when
    # the date opens the sentence ("On Friday the council will vote"): after a verb it is usually
    # another clause's ("said on Tuesday that it will").
    after_patterns = [(PAST_MARKER, "marked-past")]
    if not before.strip():
        after_patterns.append((FUTURE_MARKER, "future"))
    markers += [(m.start() + 1, tense) for pattern, tense in after_patterns for m in pattern.finditer(after)]
    # The nearest marker decides; one before the date wins a tie.
    return min(markers)[1] if markers else "past"


# A date expression starts less than ANCHOR_REACH characters before an anchor (see ANCHOR_WORDS),
# its anchors closer together than that. So the grammar needs to run only around anchors: most
# words of news prose are not near one.
ANCHOR_REACH = 40
TOKEN = re.compile(r"[^\W\d_]+|\d+")
WORD_REST = re.compile(r"\w*")


def _regions(text: str, anchors: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Stretches of `text` around its anchors, merged where they overlap."""
    start = end = -1
    for token in TOKEN.finditer(text):
        word = token.group()
        if not (word[0].isdigit() or word.lower() in anchors):
            continue
        if token.start() - ANCHOR_REACH > end >= 0:
            yield start, end
            start = -1
        if start < 0:
            start = max(0, token.start() - ANCHOR_REACH)
        # Never end inside a word: "Tuesdayon" cut after "Tuesday" would read as a weekday.
        rest = WORD_REST.match(text, token.end() + ANCHOR_REACH)
        end = rest.end() if rest else len(text)
    if end >= 0:
        yield start, end


def _matches(text: str, grammar: DateGrammar) -> Iterator[re.Match[str]]:
    """The grammar's matches in `text`, as a scan of the whole text finds them, only faster."""
    for start, end in _regions(text, grammar.anchors):
        yield from grammar.pattern.finditer(text, start, end)


def find_dates(text: str, published: dt.date, *, locale: str = "en") -> tuple[FoundDate, ...]:
    """Every date expression in a text, in order, with what it means for an article of that date.

    The scan follows rule 9 (capitalised names, cues for months and years) and reads bare weekdays
    and dates without a year in the tense of the words before them (rules 1 and 7).
    """
    language = language_of_locale(locale)
    if language is not None:
        return find_native_dates(text, published, language)
    grammar = date_grammar(locale, scanning=True)
    found = []
    for match in _matches(text, grammar):
        if _is_not_a_date(match, text):
            continue
        tense = _tense_around(text, match.start(), match.end())
        following = text[match.end() : match.end() + 12]
        resolution = resolve_match(match, published, grammar, tense, following)
        if resolution is not None:
            found.append(FoundDate(match.group(), match.start(), match.end(), resolution))
    return tuple(found)
