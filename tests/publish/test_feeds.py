"""The Atom feed (read with feedparser) and the ClaimReview DataFeed (held against the pages)."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser

from factsite.model import ClaimKind
from tests.publish.conftest import BuiltSite, built
from tests.publish.html_reading import claim_reviews, read_page
from tests.publish.site_fixture import write_site


def test_atom_feed_lists_each_fact_check_with_its_conclusion_and_tally(
    demo_site: BuiltSite,
) -> None:
    feed = feedparser.parse((demo_site.site_dir / "feed.xml").read_bytes())
    settings = demo_site.project.settings
    # The demo holds the English fact-check and the Hindi and Arabic ones written for it.
    [checked] = [a for a in demo_site.project.articles if a.article.slug == "americans-russia-forced-to-fight"]
    [entry] = [e for e in feed.entries if e.link.endswith(f"/{checked.article.slug}/")]
    assert len(feed.entries) == len(demo_site.project.articles)
    labels = [c.verdict.label for c in checked.claims if c.verdict and c.claim.kind is not ClaimKind.TYPO]
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == f"{settings.site_name}: fact-checks"
    assert entry.link == f"{settings.site_url}articles/{checked.article.slug}/"
    assert entry.title == f"Fact-check: {checked.article.title}"
    assert "not what he said" in entry.summary
    assert f"Accurate {labels.count('Accurate')}," in entry.summary
    assert f"False {labels.count('False')}," in entry.summary


def test_atom_feed_is_newest_first_and_dated_by_the_latest_change(tmp_path: Path) -> None:
    site = built(write_site(tmp_path, extra_articles={"later": "2024-04-02", "latest": "2024-05-01"}))
    feed = feedparser.parse((site.site_dir / "feed.xml").read_bytes())
    slugs = [entry.link.rstrip("/").rsplit("/", 1)[1] for entry in feed.entries]
    assert not feed.bozo
    assert slugs == ["latest", "later", "jobs"]
    # The first article was reviewed on 10 March and corrected on 15 March.
    assert feed.entries[2].updated == "2024-03-15T00:00:00Z"
    assert feed.entries[2].published == "2024-03-10T00:00:00Z"
    assert feed.feed.updated == "2024-05-01T00:00:00Z"


def test_the_home_and_corrections_pages_announce_the_feed(small_site: BuiltSite) -> None:
    # Not every page: Material fetches sitemap.xml for each "alternate" link a page has.
    pages = list(small_site.site_dir.rglob("index.html"))
    feed = (small_site.site_dir / "feed.xml").resolve()
    announcing = {"index.html", "corrections/index.html"}
    for path in pages:
        links = read_page(path).links.get("alternate", [])
        expected = [feed] if path.relative_to(small_site.site_dir).as_posix() in announcing else []
        assert [(path.parent / href).resolve() for href in links] == expected, path
    assert len(pages) > 8


def test_data_feed_lists_every_review_the_pages_carry(demo_site: BuiltSite) -> None:
    data_feed = json.loads((demo_site.site_dir / "claim-reviews.jsonld").read_text("utf-8"))
    from_feed = {item["item"][0]["url"]: item["item"][0] for item in data_feed["dataFeedElement"]}
    from_pages = {}
    for path in demo_site.site_dir.rglob("*.html"):
        for review in claim_reviews(read_page(path)):
            review.pop("@context")
            from_pages[review["url"]] = review
    assert data_feed["@type"] == "DataFeed"
    assert {item["@type"] for item in data_feed["dataFeedElement"]} == {"DataFeedItem"}
    assert from_feed == from_pages
    assert len(from_feed) == len(data_feed["dataFeedElement"])
