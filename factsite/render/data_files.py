"""The site's machine-readable files: every claim with its check results (`claims.json`), and the like.

Files are returned as bytes with their site-relative paths; JSON is written with sorted keys and no timestamps, so
the same content always gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import json
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from factsite.model import CheckedArticle, CheckedClaim, Project
from factsite.render.annotations import ANNOTATIONS_FILE, QuoteFinder, annotation, annotation_collection
from factsite.render.cards import card_path, card_png
from factsite.render.feeds import ATOM_FILE, CLAIM_REVIEW_FEED_FILE, atom_feed, claim_review_feed, claim_review_item
from factsite.render.messages import Messages
from factsite.render.same_claims import ClaimGroup, same_claims
from factsite.render.structured_data import site_address
from factsite.render.views import article_path, article_rating, claim_path, claim_title, verdict_view
from factsite.settings import Settings


def json_data(value: Any) -> Any:
    """Plain JSON data from model values: dataclasses, enums, dates and Decimals included."""
    if type(value) in PLAIN_TYPES:  # most values: checked first, as claims.json holds hundreds of thousands
        return value
    kind: type = type(value)
    names = _field_names(kind)  # a dataclass's instance (a dataclass itself is of type `type`: none)
    if names is not None:
        return {name: json_data(getattr(value, name)) for name in names}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    if isinstance(value, dict):
        return {str(k): json_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_data(item) for item in value]
    return value


PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a dataclass, None for any other type: asked once per type, not once per value."""
    return tuple(field.name for field in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def claims_data(project: Project) -> list[dict[str, Any]]:
    return [claim_record(checked, claimed) for checked in project.articles for claimed in checked.claims]


def claim_record(checked: CheckedArticle, claimed: CheckedClaim) -> dict[str, Any]:
    claim = claimed.claim
    result = claimed.result
    return {
        "id": claim.id,
        "article": checked.article.slug,
        "url": claim_path(checked.article.slug, claim.id) + "/",
        "number": claimed.mark.number,
        "kind": claim.kind.value,
        "verdict": claimed.verdict.id if claimed.verdict else None,
        "verdict_label": claimed.verdict.label if claimed.verdict else None,
        "marked_text": claimed.mark.text,
        "claim": claim.claim_reviewed or claimed.mark.text,
        "speaker": claim.speaker,
        "value": json_data(claim.value),
        "unit": claim.unit,
        "correction": claim.correction,
        "sources": list(claim.sources),
        # The same claim checked in other articles: the site-relative URLs of those its page lists (at most
        # `same_claims.SHOWN`, the most recent first) and the number of them all; filled in by `site_files`.
        "also_checked_in": [],
        "also_checked_count": 0,
        "check": None
        if result is None
        else {
            "check": result.check,
            "status": result.status,
            "summary": result.summary,
            "findings": list(result.findings),
            "contradicts_verdict": result.contradicts_verdict,
            "details": json_data(result.details),
        },
    }


@dataclass(frozen=True)
class StoredFile:
    """A data file's bytes kept elsewhere: `size` bytes at `offset` in the file at `path`, and their SHA-256.

    A writer that finds the published site holding a file of that digest links it without reading either.
    """

    path: str
    offset: int
    size: int
    digest: str

    def read(self) -> bytes:
        with open(self.path, "rb") as handle:
            handle.seek(self.offset)
            data = handle.read(self.size)
        if len(data) != self.size:
            raise OSError(f"{self.path}: cut short (a cache entry removed while the site was built?)")
        return data


FileData = bytes | StoredFile  # a data file's bytes, or where to find them


@dataclass(frozen=True)
class ArticleData:
    """One article's items of the site's JSON files, each already written as JSON.

    A function of the checked article and the settings only: the page cache keeps it with the
    article's pages, so an unchanged article's items are not built and encoded again.
    """

    claims: tuple[str, ...]
    annotations: tuple[str, ...]
    reviews: tuple[str, ...]
    # Social card images (site-relative path, PNG bytes) of the article and its claims; a cache may keep the
    # bytes apart and leave a `StoredFile` in their place, so that an unchanged article's cards are never read.
    cards: tuple[tuple[str, FileData], ...] = ()


def article_data(checked: CheckedArticle, settings: Settings, *, cards: bool = True) -> ArticleData:
    """The article's items; `cards`: with its social cards (when the settings make them)."""
    claims = tuple(json_text(claim_record(checked, claimed)) for claimed in checked.claims)
    cards_made = article_cards(checked, settings) if cards and settings.social_cards != "off" else ()
    if not (settings.structured_data and settings.site_url):
        return ArticleData(claims, (), (), cards_made)
    quotes = QuoteFinder(checked.article.text, [(c.mark.start, c.mark.end) for c in checked.claims])
    annotations = tuple(json_text(annotation(claimed, settings, quotes)) for claimed in checked.claims)
    items = (claim_review_item(checked, claimed, settings) for claimed in checked.claims)
    return ArticleData(claims, annotations, tuple(json_text(item) for item in items if item is not None), cards_made)


def article_cards(checked: CheckedArticle, settings: Settings) -> tuple[tuple[str, bytes], ...]:
    """The article's card (its headline and overall rating) and one per claim (its sentence and verdict), in the
    article's language as its pages are."""
    site, messages = settings.site_name, Messages(checked.article.locale)
    rating = article_rating(checked.claims, checked.article, settings).verdict
    cards = [(card_path(article_path(checked.article.slug)),
              card_png(checked.article.title, rating.id, messages.gettext(rating.label), site,
                       messages.gettext("Fact-check")))]  # fmt: skip
    for claimed in checked.claims if settings.social_cards == "claims" else ():
        verdict = verdict_view(claimed, settings)
        path = card_path(claim_path(checked.article.slug, claimed.claim.id))
        kicker = messages.gettext("Claim %(number)s", number=messages.number(claimed.mark.number))
        cards.append((path, card_png(claim_title(claimed), verdict.id, messages.gettext(verdict.label), site, kicker)))
    return tuple(cards)


def site_files(project: Project, data: Sequence[ArticleData] | None = None,
               read: Callable[[StoredFile], bytes] = StoredFile.read) -> Iterator[tuple[str, bytes]]:  # fmt: skip
    """The data files; `data` holds each article's items, in the order of `project.articles`, if made already.
    Cards a cache keeps apart are read with `read`."""
    for path, file in site_file_data(project, data):
        yield path, read(file) if isinstance(file, StoredFile) else file


def site_file_data(project: Project, data: Sequence[ArticleData] | None = None,
                   spans: ItemSpans | None = None) -> Iterator[tuple[str, FileData]]:  # fmt: skip
    """`site_files`, with the cards a cache keeps apart left unread (`StoredFile`): a writer may link them.
    `spans`, if given, receives where each article's items are in each file of items."""
    settings = project.settings
    if data is None:
        data = [article_data(checked, settings) for checked in project.articles]
    claims = [item for part in data for item in part.claims]
    also = same_claims(project.claims, settings)
    if also:
        keys = [(checked.article.slug, claimed.claim.id) for checked in project.articles for claimed in checked.claims]
        claims = [_also_checked(item, key, also.get(key)) for item, key in zip(claims, keys, strict=True)]
    yield CLAIMS_FILE, _with_items({"claims": ITEMS}, claims, _counted(data, "claims"), spans, CLAIMS_FILE)
    for part in data:
        yield from part.cards
    # An editor's own robots.txt in the content directory is copied as it is.
    if not (settings.content_dir / ROBOTS_FILE).is_file():
        yield ROBOTS_FILE, robots_txt(settings)
    if settings.structured_data and settings.site_url:
        annotations = [item for part in data for item in part.annotations]
        yield ANNOTATIONS_FILE, _with_items(annotation_collection(settings, ITEMS, len(annotations)), annotations,
                                            _counted(data, "annotations"), spans, ANNOTATIONS_FILE)  # fmt: skip
        reviews = [item for part in data for item in part.reviews]
        yield CLAIM_REVIEW_FEED_FILE, _with_items(claim_review_feed(project, ITEMS), reviews, _counted(data, "reviews"),
                                                  spans, CLAIM_REVIEW_FEED_FILE)  # fmt: skip
        yield ATOM_FILE, atom_feed(project)


def _also_checked(item: str, key: tuple[str, str], group: ClaimGroup | None) -> str:
    """A claim's item of claims.json with the URLs of the same claim in other articles its page lists, and the
    number of them all."""
    if group is None:
        return item
    others = [claim_path(slug, claim_id) + "/" for slug, claim_id in group.others(key)]
    return with_also_checked(item, others, group.count(key))


def with_also_checked(item: str, others: Sequence[str], count: int) -> str:
    """A claim's item of claims.json listing the addresses `others` of the same claim and the number of them all."""
    record = json.loads(item)
    record["also_checked_in"] = list(others)
    record["also_checked_count"] = count
    return json_text(record)


CLAIMS_FILE = "claims.json"
# The files made of every article's items, in the project's order (`ItemSpans`).
ITEM_FILES = (CLAIMS_FILE, ANNOTATIONS_FILE, CLAIM_REVIEW_FEED_FILE)


@dataclass
class ItemSpans:
    """Where each article's items are in each file of items: by file, for each article in the project's order,
    the bytes from `start` to `end` (its items joined by commas, without the commas between articles). With them
    an article's items can be replaced in the file as written, when their number is the same."""

    files: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)  # (start, end, count) per article

    def replace(self, name: str, index: int, published: bytes, items: Sequence[str]) -> bytes | None:
        """The file `published` with article `index`'s items replaced by `items`; None if they cannot be
        (another number of items, or no record of the file)."""
        spans = self.files.get(name)
        if spans is None or index >= len(spans):
            return None
        start, end, count = spans[index]
        if count != len(items) or end > len(published):
            return None
        new = ",".join(items).encode("utf-8")
        if new == published[start:end]:
            return published
        delta = len(new) - (end - start)
        spans[index] = (start, start + len(new), count)
        for later in range(index + 1, len(spans)):
            s, e, c = spans[later]
            spans[later] = (s + delta, e + delta, c)
        return published[:start] + new + published[end:]


def _counted(data: Sequence[ArticleData], kind: str) -> list[int]:
    return [len(getattr(part, kind)) for part in data]


ROBOTS_FILE = "robots.txt"


def robots_txt(settings: Settings) -> bytes:
    """Every page may be crawled; the sitemap's absolute address, when the site has one (crawlers read
    robots.txt only at a host's root: a site under a sub-path names its sitemap in the root's file)."""
    lines = ["User-agent: *", "Allow: /"]
    if settings.site_url:
        lines += ["", f"Sitemap: {site_address(settings, 'sitemap.xml')}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


# Stands for a list of items written as JSON already: drawn at random, so no text of the site holds it.
ITEMS = f"\x00factsite-items-{secrets.token_hex(16)}\x00"


def json_text(data: Any) -> str:
    # Compact: the files are for programs, and Python's C encoder only writes JSON without indentation
    # (25,000 claims: 94 MB indented, written five times slower).
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _with_items(data: Any, items: Sequence[str], by_article: Sequence[int] = (),
                spans: ItemSpans | None = None, name: str = "") -> bytes:  # fmt: skip
    """The file of `data` as JSON, with the list `items` (each written as JSON) in place of `ITEMS`; `spans`, if
    given, receives where the items of each article (`by_article`: how many of `items` are its own) are."""
    text = json_text(data)
    marker = json_text(ITEMS)
    assert text.count(marker) == 1
    if spans is not None:
        found, position, at = [], len(text[: text.index(marker)].encode("utf-8")) + 1, 0
        for count in by_article:
            if count and at:
                position += 1  # the comma after the previous article's items
            length = sum(len(item.encode("utf-8")) for item in items[at : at + count]) + max(count - 1, 0)
            found.append((position, position + length, count))
            position += length
            at += count
        spans.files[name] = found
    return (text.replace(marker, "[" + ",".join(items) + "]") + "\n").encode("utf-8")
