"""Every claim as a W3C Web Annotation on the original article: `annotations.jsonld`.

Each annotation targets the article's own URL (and its archived copy) with a TextQuoteSelector and a
TextPositionSelector computed from the article's plain text, the text readers see on our article
page; its body is the claim page. Annotation tools such as Hypothesis re-anchor the quote selector
in the live page, where character positions differ because of the page's furniture.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from factsite.model import CheckedClaim, ClaimKind
from factsite.render.structured_data import language_tag, site_address
from factsite.render.views import claim_path
from factsite.settings import Settings

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANNOTATIONS_FILE = "annotations.jsonld"
# Context grows from this length, doubling, until the quote selector matches only once in the text...
CONTEXT_LENGTH = 32
# ...or reaches this length each side: text repeated further than that (boilerplate pasted twice) leaves the
# quote ambiguous, and the position selector tells the places apart; more context would only grow the file.
CONTEXT_LIMIT = 4096
# Length of the anchors that find where else a quote and its context could occur (see `QuoteFinder`).
ANCHOR_LENGTH = 32
# Up to this many anchors, `QuoteFinder` looks for each one through the text (an article of 20 claims: 40
# searches of a few microseconds); past it, one pass over the text finds them all, in time linear in both.
FEW_ANCHORS = 256


def occurrences(text: str, needle: str) -> list[int]:
    """Every offset where `needle` starts in `text`, overlapping matches included."""
    found, start = [], text.find(needle)
    while needle and start != -1:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


class QuoteFinder:
    """Quote selectors for many spans of one text, in time linear in the text and the spans.

    Searching the whole text for each quote, once per widening of its context, makes an article with
    thousands of claims quadratic. Every widening of a span's context holds the same two short anchors,
    the text around the quote's start and around its end: one pass over the text finds every place
    where each anchor occurs, and only those places are compared with the widened quote.
    """

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        self.text = text
        wanted = {anchor for start, end in spans for _, anchor in self._anchors(start, end)}
        self.places: dict[str, list[int]] = {anchor: [] for anchor in wanted}
        places, size = self.places, ANCHOR_LENGTH
        if len(wanted) <= FEW_ANCHORS:
            # Few anchors: each looked for with `str.find`, in C, rather than the text read once in Python.
            for anchor in wanted:
                places[anchor] = occurrences(text, anchor)
        else:
            for offset in range(len(text) - size + 1):
                found = places.get(text[offset : offset + size])
                if found is not None:
                    found.append(offset)

    def _anchors(self, start: int, end: int) -> list[tuple[int, str]]:
        """The anchors inside every context of the span, with their offsets: around its start and its end."""
        text, size, half = self.text, ANCHOR_LENGTH, ANCHOR_LENGTH // 2
        firsts = (max(0, start - half), end - half)
        return [(first, text[first : first + size]) for first in firsts if first >= 0 and first + size <= len(text)]

    def _unique(self, needle: str, at: int, start: int, end: int) -> bool:
        """Whether `needle`, found at `at`, occurs nowhere else in the text."""
        text, anchors = self.text, self._anchors(start, end)
        if not anchors:  # a quote within a few characters of a very short text's end
            return len(occurrences(text, needle)) == 1
        # The rarer anchor has fewer places to compare; a place is where the needle would start.
        first, anchor = min(anchors, key=lambda item: len(self.places[item[1]]))
        shift = first - at
        for place in self.places[anchor]:
            other = place - shift
            if other != at and other >= 0 and text.startswith(needle, other):
                return False
        return True

    def selector(self, start: int, end: int) -> dict[str, str]:
        """The quote `text[start:end]` with just enough context before and after to match once."""
        text, length = self.text, CONTEXT_LENGTH
        while True:
            at = max(0, start - length)
            prefix, suffix = text[at:start], text[end : end + length]
            needle = prefix + text[start:end] + suffix
            if self._unique(needle, at, start, end) or length >= len(text) or length >= CONTEXT_LIMIT:
                break
            length *= 2
        exact = text[start:end]
        return {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}


def text_quote_selector(text: str, start: int, end: int) -> dict[str, str]:
    """The quote `text[start:end]` with just enough context before and after to match once."""
    return QuoteFinder(text, [(start, end)]).selector(start, end)


def text_position_selector(start: int, end: int) -> dict[str, Any]:
    return {"type": "TextPositionSelector", "start": start, "end": end}


def timestamp(date: dt.date) -> str:
    """Web Annotation times are xsd:dateTime in UTC; reviews have dates, read as midnight UTC."""
    return f"{date.isoformat()}T00:00:00Z"


def annotation(claimed: CheckedClaim, settings: Settings, quotes: QuoteFinder | None = None) -> dict[str, Any]:
    """One claim: the marked words of the article, described by the claim page.

    `quotes` is the article's `QuoteFinder`, made once for all its claims.
    """
    article, claim, mark = claimed.article, claimed.claim, claimed.mark
    page = site_address(settings, claim_path(article.slug, claim.id))
    quotes = quotes or QuoteFinder(article.text, [(mark.start, mark.end)])
    selectors = [
        quotes.selector(mark.start, mark.end),
        text_position_selector(mark.start, mark.end),
    ]
    sources = [article.url] + ([article.archived] if article.archived else [])
    data: dict[str, Any] = {
        "id": f"{site_address(settings, ANNOTATIONS_FILE)}#{article.slug}/{claim.id}",
        "type": "Annotation",
        "motivation": "editing" if claim.kind is ClaimKind.TYPO else "assessing",
        "created": timestamp(article.reviewed),
        "creator": _creator(settings),
        "body": _bodies(claimed, page, settings),
        "target": [{"source": source, "selector": selectors} for source in sources],
    }
    if article.corrections:
        data["modified"] = timestamp(max(c.date for c in article.corrections))
    return data


def _creator(settings: Settings) -> dict[str, str]:
    creator = {"type": "Organization", "name": settings.publisher.name}
    if settings.publisher.url:
        creator["homepage"] = settings.publisher.url
    return creator


def _bodies(claimed: CheckedClaim, page: str, settings: Settings) -> list[dict[str, str]]:
    claim, language = claimed.claim, language_tag(settings.locale)
    bodies = [{"id": page, "type": "Text", "format": "text/html", "language": language}]
    if claim.kind is ClaimKind.TYPO and claim.correction is not None:
        # An empty correction deletes the marked words.
        bodies.append(_textual_body(claim.correction, "editing", language))
    elif claimed.verdict is not None:
        bodies.append(_textual_body(claimed.verdict.label, "assessing", language))
    return bodies


def _textual_body(value: str, purpose: str, language: str) -> dict[str, str]:
    return {
        "type": "TextualBody",
        "purpose": purpose,
        "value": value,
        "format": "text/plain",
        "language": language,
    }


def annotation_collection(settings: Settings, items: Any, total: int) -> dict[str, Any]:
    """Every claim of the site as one AnnotationCollection with a single page holding `items`."""
    address = site_address(settings, ANNOTATIONS_FILE)
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": address,
        "type": "AnnotationCollection",
        "label": f"{settings.site_name or settings.publisher.name}: claims marked in articles",
        "total": total,
        "first": {
            "id": f"{address}#page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
