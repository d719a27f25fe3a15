"""The site's feeds: Atom for readers of the fact-checks, a ClaimReview DataFeed for harvesters.

Atom needs a dozen elements, which `xml.etree.ElementTree` builds and escapes; a feed library would
add a dependency and stamp the build time into the output, which must depend on the content only.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree
from typing import Any

from factsite.model import CheckedArticle, CheckedClaim, Project
from factsite.render.annotations import timestamp
from factsite.render.markdown_render import MarkdownRenderer
from factsite.render.structured_data import SCHEMA_CONTEXT, claim_review, organisation, site_address
from factsite.render.views import article_path, article_rating, tally
from factsite.settings import Settings

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
ATOM_FILE = "feed.xml"
CLAIM_REVIEW_FEED_FILE = "claim-reviews.jsonld"
# The date of an empty site, so an empty feed is still valid Atom and still reproducible.
EPOCH = dt.date(2000, 1, 1)


def updated(checked: CheckedArticle) -> dt.date:
    """When a fact-check last changed: its review, or its latest correction."""
    return max([checked.article.reviewed] + [c.date for c in checked.article.corrections])


def verdict_tally(checked: CheckedArticle, project: Project) -> str:
    """'Rating: Misleading. Verdicts: False 1, Misleading 3, Accurate 15, Correction 8.', most severe first."""
    entries = tally(checked.claims, project.settings)
    rating = article_rating(checked.claims, checked.article, project.settings).verdict.label
    return f"Rating: {rating}. Verdicts: " + ", ".join(f"{e.verdict.label} {e.count}" for e in entries) + "."


def atom_feed(project: Project) -> bytes:
    """Every fact-check, newest first, with its conclusion and verdict tally."""
    settings = project.settings
    articles = sorted(project.articles, key=lambda c: (updated(c), c.article.slug), reverse=True)
    feed = ElementTree.Element("feed", {"xmlns": ATOM_NAMESPACE})
    title = settings.site_name or settings.publisher.name
    _add(feed, "id", site_address(settings, ""))
    _add(feed, "title", f"{title}: fact-checks")
    _add(feed, "updated", timestamp(max((updated(c) for c in articles), default=EPOCH)))
    self_link = site_address(settings, ATOM_FILE)
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_link)
    _add(feed, "link", rel="alternate", type="text/html", href=site_address(settings, ""))
    author = _add(feed, "author")
    _add(author, "name", settings.publisher.name or title)
    if settings.publisher.url:
        _add(author, "uri", settings.publisher.url)
    _add(feed, "generator", "factsite")
    renderer = MarkdownRenderer()
    for checked in articles:
        _add_entry(feed, checked, project, renderer)
    ElementTree.indent(feed, space=" ")
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _add_entry(
    feed: ElementTree.Element, checked: CheckedArticle, project: Project, renderer: MarkdownRenderer
) -> None:
    article = checked.article
    address = site_address(project.settings, article_path(article.slug))
    entry = _add(feed, "entry")
    _add(entry, "id", address)
    _add(entry, "title", f"Fact-check: {article.title}")
    _add(entry, "link", rel="alternate", type="text/html", href=address)
    _add(entry, "published", timestamp(article.reviewed))
    _add(entry, "updated", timestamp(updated(checked)))
    conclusion = renderer.render_note(article.summary)
    _add(entry, "summary", f"{conclusion}<p>{verdict_tally(checked, project)}</p>", type="html")


def _add(parent: ElementTree.Element, tag: str, text: str = "", **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    if text:
        element.text = text
    return element


def claim_review_item(checked: CheckedArticle, claimed: CheckedClaim, settings: Settings) -> dict[str, Any] | None:
    """A claim's ClaimReview as an item of the DataFeed; None when the claim publishes none."""
    review = claim_review(claimed, settings)
    if review is None:
        return None
    review.pop("@context")
    return {
        "@type": "DataFeedItem",
        "dateCreated": review["datePublished"],
        "dateModified": updated(checked).isoformat(),
        "item": [review],
    }


def claim_review_feed(project: Project, elements: Any) -> dict[str, Any]:
    """Every ClaimReview of the site in one schema.org DataFeed, as fact-check harvesters read;
    `elements` holds the items (`claim_review_item`)."""
    settings = project.settings
    newest = max((updated(c) for c in project.articles), default=EPOCH)
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "DataFeed",
        "name": f"{settings.site_name or settings.publisher.name}: ClaimReview feed",
        "url": site_address(settings, CLAIM_REVIEW_FEED_FILE),
        "dateModified": newest.isoformat(),
        "publisher": organisation(settings),
        "dataFeedElement": elements,
    }
