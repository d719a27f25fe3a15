"""Quotations in an article and who the sentence says spoke them.

Quotes are paired within a paragraph (straight or curly, double or single; a quote left open runs to
the end of its paragraph, as in a quotation spread over paragraphs). The speaker is read from the
attribution in the same sentence: `"...," said X`, `"...," X said`, `X said: "..."`, `according to
X`; a pronoun ("he said") is resolved to the last person the article named as the subject of a verb.
No library reads attributions, so these rules are ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel import Locale

from factsite.lint.findings import Span
from factsite.lint.prose import Prose

DOUBLE_QUOTES = re.compile(r"[\"\u201c\u201d\u201e]")
# A single quote opens after a space or bracket and before a letter; it closes after a letter or
# punctuation and before a space or punctuation. Apostrophes (don't, nationals') rarely fit both.
SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014]))['\u2018](?=[A-Za-z])", re.MULTILINE)
SINGLE_CLOSE = re.compile(r"(?<=[A-Za-z.,!?])['\u2019](?=[\s.,;:!?)\u2014]|$)", re.MULTILINE)

SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|states|wrote|writes|explained|announced|declared|"
    r"noted|warned|claimed|insisted|replied|tweeted|posted|remarked|argued|continued|urged|asked|"
    r"stressed|emphasised|emphasized|observed|recalled|admitted|conceded|acknowledged|alleged|"
    r"maintained|responded|commented|reiterated|pointed\s+out|told\s+\w+"
)
CAPITAL_WORD = r"[A-Z][\w.'\u2019-]*"
NAME = (
    rf"(?:[Tt]he\s+)?{CAPITAL_WORD}(?:\s+(?:(?:of|for|de|da|van|von|bin|al)\s+(?:the\s+)?)?"
    rf"{CAPITAL_WORD})*"
)
DESCRIPTION = r"(?:the|a|an)\s+(?!(?:in|on|at|for|of)\b)[a-z]+"
PRONOUN = r"he|she|it|He|She|It"
SPEAKER = rf"(?P<name>{NAME}|{PRONOUN}|{DESCRIPTION})"

VERB_THEN_SPEAKER = re.compile(rf"^[\s,\u2014\u2013-]*(?:{SPEECH_VERBS})\s+{SPEAKER}")
SPEAKER_THEN_VERB = re.compile(
    rf"^[\s,\u2014\u2013-]*{SPEAKER}\s+(?:(?:also|later|then|further)\s+)?(?:{SPEECH_VERBS})\b"
)
SPEAKER_BEFORE = re.compile(
    rf"{SPEAKER}\s+(?:(?:also|later|then|further)\s+)?(?:{SPEECH_VERBS})\b[^\"\u201c.]{{0,60}}?"
    r"[:,]?\s*$"
)
ACCORDING_TO = re.compile(rf"\baccording\s+to\s+{SPEAKER}")

# A named person acting: "Putin last week ordered", "Modi has said". What "he" or "she" points to.
ACTING_PERSON = re.compile(
    rf"(?<![Tt]he )\b(?P<name>{CAPITAL_WORD}(?:\s+{CAPITAL_WORD}){{0,3}})\s+"
    r"(?:(?:also|then|later|earlier|yesterday|today|last\s+\w+|this\s+\w+|on\s+[A-Z]\w+day)\s+)*"
    rf"(?:[a-z]+ed|{SPEECH_VERBS}|has|had|is|was|will|would)\b"
)
INSTITUTION = re.compile(rf"\b[Tt]he\s+{CAPITAL_WORD}(?:\s+{CAPITAL_WORD})*")
NOT_PEOPLE = frozenset(
    [name for name in Locale("en").territories.values() if " " not in name]
    + list(Locale("en").days["format"]["wide"].values())
    + list(Locale("en").months["format"]["wide"].values())
)
MIN_QUOTATION_WORDS = 3


@dataclass(frozen=True)
class Quote:
    """The words between a pair of quotation marks (`start`/`end` exclude the marks)."""

    start: int
    end: int
    opening: int
    closing: int | None


def find_quotations(prose: Prose) -> list[Span]:
    """A span for every quotation, with its speaker when the sentence names one."""
    spans: list[Span] = []
    for quote in find_quotes(prose):
        words = len(prose.masked[quote.start : quote.end].split())
        if words < MIN_QUOTATION_WORDS:
            message = "A short quoted phrase: a quotation to check, or scare quotes?"
            spans.append(Span("quotation", quote.start, quote.end, message, confidence=0.3))
            continue
        speaker = attribute_speaker(prose, quote)
        message = f"A quotation attributed to {speaker}." if speaker else "A quotation."
        confidence = 0.9 if words >= 6 else 0.7
        spans.append(
            Span(
                "quotation",
                quote.start,
                quote.end,
                message,
                value=speaker,
                speaker=speaker,
                confidence=confidence,
            )
        )
    return spans


def find_quotes(prose: Prose) -> list[Quote]:
    quotes: list[Quote] = []
    for first, last in prose.paragraphs:
        quotes.extend(_double_quotes(prose.masked, first, last))
        quotes.extend(_single_quotes(prose.masked, first, last, quotes))
    return sorted(quotes, key=lambda quote: quote.start)


def _double_quotes(text: str, first: int, last: int) -> list[Quote]:
    quotes: list[Quote] = []
    opening: int | None = None
    for match in DOUBLE_QUOTES.finditer(text, first, last):
        mark = match.group(0)
        if opening is None and mark != "\u201d":
            opening = match.start()
        elif opening is not None and mark != "\u201c":
            quotes.append(_quote(text, opening, match.start()))
            opening = None
    if opening is not None:
        quotes.append(_quote(text, opening, None, last))
    return [quote for quote in quotes if quote.end > quote.start]


def _single_quotes(text: str, first: int, last: int, doubles: list[Quote]) -> list[Quote]:
    quotes: list[Quote] = []
    position = first
    while (opening := SINGLE_OPEN.search(text, position, last)) is not None:
        closing = SINGLE_CLOSE.search(text, opening.end(), last)
        if closing is None:
            break
        quote = _quote(text, opening.start(), closing.start())
        if (
            not any(d.start <= quote.start < d.end for d in doubles)
            or len(text[quote.start : quote.end].split()) > 1
        ):
            quotes.append(quote)
        position = closing.end()
    return quotes


def _quote(text: str, opening: int, closing: int | None, last: int = 0) -> Quote:
    start = opening + 1
    end = closing if closing is not None else last
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(start, end, opening, closing)


def attribute_speaker(prose: Prose, quote: Quote) -> str | None:
    """Who the sentence around `quote` says spoke it, or None when it does not say."""
    sentence_start, sentence_end = prose.sentence_around(
        quote.opening, (quote.closing or quote.end) + 1
    )
    after = prose.masked[(quote.closing or quote.end) + 1 : sentence_end]
    before = prose.masked[sentence_start : quote.opening]
    outside = before + " " + after
    for pattern, text in (
        (VERB_THEN_SPEAKER, after),
        (SPEAKER_THEN_VERB, after),
        (SPEAKER_BEFORE, before),
        (ACCORDING_TO, outside),
    ):
        match = pattern.search(text)
        if match is not None:
            return _resolve(prose, match.group("name"), quote.opening)
    return None


def _resolve(prose: Prose, name: str, before: int) -> str | None:
    """The full name for a pronoun or a surname, from what the article said before `before`."""
    if name.lower() in {"he", "she"}:
        people = _people_before(prose, before)
        return people[-1] if people else None
    if name.lower() == "it":
        institutions = INSTITUTION.findall(prose.masked, 0, before)
        return institutions[-1] if institutions else None
    for person in reversed(_people_before(prose, before)):
        if person != name and person.endswith(" " + name):
            return person
    return name


def _people_before(prose: Prose, before: int) -> list[str]:
    people: list[str] = []
    for match in ACTING_PERSON.finditer(prose.masked, 0, before):
        name = match.group("name")
        first_word = name.split()[0]
        if name in NOT_PEOPLE or name.isupper() or first_word in {"It", "This", "That", "There"}:
            continue
        if prose.is_sentence_start(match.start()) and " " not in name and _is_common_word(name):
            continue
        people.append(name)
    return people


def _is_common_word(word: str) -> bool:
    return word.lower() in COMMON_SENTENCE_OPENERS


# Capitalised only because they open a sentence: "Officials said", "Reminding the US citizens".
COMMON_SENTENCE_OPENERS = frozenset(
    [
        "officials",
        "authorities",
        "police",
        "reports",
        "sources",
        "critics",
        "experts",
        "analysts",
        "residents",
        "witnesses",
        "protesters",
        "it",
        "this",
        "that",
        "there",
        "they",
        "he",
        "she",
        "we",
    ]
)
