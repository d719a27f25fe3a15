"""Quotations in an article and who the sentence says spoke them.

Quotes are paired within a paragraph (straight or curly, double or single; a quote left open runs to
the end of its paragraph, as in a quotation spread over paragraphs). The speaker is read from the
attribution in the same sentence: `"...," said X`, `"...," X said`, `X said: "..."`, `according to
X`, or a sentence before it that names who spoke; `speakers` resolves pronouns and surnames.
No library reads attributions, so these rules are ours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factsite.languages import Language, language_of_locale
from factsite.lint.findings import Span
from factsite.lint.native_speakers import PREVIOUS, native_speaker
from factsite.lint.prose import Prose
from factsite.lint.speakers import CAPITAL_WORD, SPEECH_VERBS, resolve_speaker

DOUBLE_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")
# Marks that only open or only close a quotation: curly quotes, and the guillemets of Arabic (and French) copy.
OPENING_ONLY = frozenset("\u201c\u00ab")
CLOSING_ONLY = frozenset("\u201d\u00bb")
# A single quote opens after a space or bracket and before a letter; it closes after a letter or
# punctuation and before a space or punctuation. Apostrophes (don't, nationals') rarely fit both.
SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014]))['\u2018](?=[A-Za-z])", re.MULTILINE)
SINGLE_CLOSE = re.compile(r"(?<=[A-Za-z.,!?])['\u2019](?=[\s.,;:!?)\u2014]|$)", re.MULTILINE)

NAME = (
    rf"(?:[Tt]he\s+)?(?:{CAPITAL_WORD})(?:\s+(?:(?:of|for|de|da|van|von|bin|al)\s+(?:the\s+)?)?"
    rf"(?:{CAPITAL_WORD}))*"
)
DESCRIPTION = r"(?:[Tt]he|[Aa]n?)\s+(?!(?:in|on|at|for|of)\b)[a-z]+"
PRONOUN = r"he|she|it|He|She|It"
SPEAKER = rf"(?P<name>{NAME}|{PRONOUN}|{DESCRIPTION})"
# ", a privacy lawyer in Denver," between a name and its verb.
APPOSITION = r"(?:\s*,[^\"\u201c\u2018.]{1,200}?,|\s*,)?"
ADVERB = r"(?:(?:also|later|then|further|previously|earlier)\s+)?"

VERB_THEN_SPEAKER = re.compile(rf"^[\s,\u2014\u2013-]*(?:{SPEECH_VERBS})\s+{SPEAKER}")
SPEAKER_THEN_VERB = re.compile(rf"^[\s,\u2014\u2013-]*{SPEAKER}\s+{ADVERB}(?:{SPEECH_VERBS})\b")
SPEAKER_BEFORE = re.compile(
    rf"{SPEAKER}{APPOSITION}\s+{ADVERB}(?:{SPEECH_VERBS})\b[^\"\u201c\u2018.]{{0,60}}?[:,]?\s*$"
)
ACCORDING_TO = re.compile(rf"\baccording\s+to\s+{SPEAKER}")
SPEAKER_SAYS = re.compile(rf"{SPEAKER}{APPOSITION}\s+{ADVERB}(?:{SPEECH_VERBS})\b")

MIN_QUOTATION_WORDS = 3


@dataclass(frozen=True)
class Quote:
    """The words between a pair of quotation marks (`start`/`end` exclude the marks)."""

    start: int
    end: int
    opening: int
    closing: int | None


def find_quotations(prose: Prose, locale: str | None = None) -> list[Span]:
    """A span for every quotation, with its speaker when the sentence (or the quote it continues)
    names one. In Hindi and Arabic (`locale`) the attribution is read by `native_speakers`."""
    spans: list[Span] = []
    previous: tuple[Quote, str | None] | None = None
    language = language_of_locale(locale)
    named: str | None = None  # the last speaker named, for "उन्होंने कहा" and "وأضاف:"
    quotes = find_quotes(prose)
    for quote in quotes:
        words = len(prose.masked[quote.start : quote.end].split())
        if words < MIN_QUOTATION_WORDS:
            message = "A short quoted phrase: a quotation to check, or scare quotes?"
            spans.append(Span("quotation", quote.start, quote.end, message, confidence=0.3))
            continue
        if language is not None:
            speaker = _native_attribution(prose, quote, language)
            speaker = named if speaker == PREVIOUS else speaker
            named = speaker or named
        else:
            speaker = attribute_speaker(prose, quote, quotes)
        if speaker is None and previous is not None and _continues(prose, previous[0], quote):
            speaker = previous[1]
        previous = (quote, speaker)
        message = f"A quotation attributed to {speaker}." if speaker else "A quotation."
        spans.append(
            Span(
                "quotation",
                quote.start,
                quote.end,
                message,
                value=speaker,
                speaker=speaker,
                confidence=0.9 if words >= 6 else 0.7,
            )
        )
    return spans


def _continues(prose: Prose, earlier: Quote, later: Quote) -> bool:
    """Whether `later` goes on with the same speaker: the next quote of the paragraph, or the next
    paragraph's opening quote after a quotation left open."""
    if prose.paragraph_at(earlier.start) == prose.paragraph_at(later.start):
        return True
    first, _ = prose.paragraph_at(later.start)
    return earlier.closing is None and not prose.masked[first : later.opening].strip()


def find_quotes(prose: Prose) -> list[Quote]:
    quotes: list[Quote] = []
    for first, last in prose.paragraphs:
        doubles = _double_quotes(prose, first, last)
        quotes.extend(doubles)
        quotes.extend(_single_quotes(prose, first, last, doubles))
    return sorted(quotes, key=lambda quote: quote.start)


def _double_quotes(prose: Prose, first: int, last: int) -> list[Quote]:
    quotes: list[Quote] = []
    opening: int | None = None
    for match in DOUBLE_QUOTES.finditer(prose.masked, first, last):
        mark = match.group(0)
        if opening is None and mark not in CLOSING_ONLY:
            opening = match.start()
        elif opening is not None and mark not in OPENING_ONLY:
            quotes.append(_quote(prose, opening, match.start(), match.start()))
            opening = None
    if opening is not None:
        quotes.append(_quote(prose, opening, None, last))
    return [quote for quote in quotes if quote.end > quote.start]


def _single_quotes(prose: Prose, first: int, last: int, doubles: list[Quote]) -> list[Quote]:
    quotes: list[Quote] = []
    position = first
    while (opening := SINGLE_OPEN.search(prose.masked, position, last)) is not None:
        closing = SINGLE_CLOSE.search(prose.masked, opening.end(), last)
        if closing is None:
            break
        inside_double = any(d.start <= opening.start() < d.end for d in doubles)
        if not inside_double:
            quotes.append(_quote(prose, opening.start(), closing.start(), closing.start()))
        position = closing.end()
    return quotes


def _quote(prose: Prose, opening: int, closing: int | None, end: int) -> Quote:
    """The quoted words between `opening` and `end`, without the space or markup around them."""
    text, masked = prose.text, prose.masked
    start = opening + 1
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    # "[words]{#id}," ends on markup and punctuation: the mark's words are the quotation.
    tail = end
    while tail > start and masked[tail - 1] in ",.;:!?":
        tail -= 1
    if tail < end and text[tail - 1] != masked[tail - 1]:
        end = tail
        while end > start and masked[end - 1].isspace():
            end -= 1
    return Quote(start, end, opening, closing)


def attribute_speaker(prose: Prose, quote: Quote, quoted: Sequence[Quote] = ()) -> str | None:
    """Who the sentence around `quote` says spoke it, or None when it does not say.

    `quoted` are the article's quotations: the people they mention are not antecedents of "he".
    """
    close = quote.closing if quote.closing is not None else quote.end
    sentence_start, sentence_end = prose.sentence_around(quote.start, close + 1)
    after = prose.masked[close + 1 : max(sentence_end, close + 1)]
    before = prose.masked[min(sentence_start, quote.opening) : quote.opening]
    found: str | None = None
    for pattern, text in (
        (VERB_THEN_SPEAKER, after),
        (SPEAKER_THEN_VERB, after),
        (SPEAKER_BEFORE, before),
        (ACCORDING_TO, before + " " + after),
    ):
        match = pattern.search(text)
        if match is not None:
            found = match.group("name")
            break
    else:
        found = _speaker_of_previous_sentence(prose, sentence_start, quote.opening)
    ranges = [(other.start, other.end) for other in quoted]
    return resolve_speaker(prose, found, quote.opening, ranges) if found else None


def _native_attribution(prose: Prose, quote: Quote, language: Language) -> str | None:
    close = quote.closing if quote.closing is not None else quote.end
    sentence_start, sentence_end = prose.sentence_around(quote.start, close + 1)
    after = prose.masked[close + 1 : max(sentence_end, close + 1)]
    # The words before the quote back to the sentence's start, or the line's when a colon ends a sentence.
    start = min(sentence_start, quote.opening)
    if not prose.masked[start : quote.opening].strip() and start > 0:
        start = prose.sentence_around(start - 1, start - 1)[0]
    return native_speaker(prose.masked[start : quote.opening], after, language)


def _speaker_of_previous_sentence(prose: Prose, sentence_start: int, opening: int) -> str | None:
    """'X said ... . "Quote."': a quotation standing alone speaks for the speaker just named."""
    start = min(sentence_start, opening)
    first, _ = prose.paragraph_at(start)
    if start <= first or prose.masked[start:opening].strip():
        return None
    previous_start, _ = prose.sentence_around(start - 1, start - 1)
    matches = list(SPEAKER_SAYS.finditer(prose.masked, previous_start, start))
    return matches[-1].group("name") if matches else None
