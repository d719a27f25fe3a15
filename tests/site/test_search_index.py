"""What Pagefind indexes: one document per article with its claims as sections, and of each page its
own words, not what every page of its kind repeats.

A search fetches Pagefind's list of every document, then the index chunks of its words, whose size
grows with every place a word occurs. At 25,000 claim pages the list alone was 159 KB, and headings
shared by every claim page, other articles' headlines in "Also checked in" and the number and verdict
inside each claim mark made the chunks of common words two to three times larger (bench/README.md,
"Fourth round: search payload"). These tests read the index Pagefind wrote (its fragments, which hold
the text it indexed and the sections' headings) on a small site.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.adapters.mkdocs.search import PAGEFIND_DIR, pagefind_executable
from tests.scale.conftest import site_project

pytestmark = pytest.mark.skipif(pagefind_executable() is None, reason="Pagefind is not installed")

# Pagefind's files start with this signature, then the JSON of the fragment.
SIGNATURE = b"pagefind_dcd"
# What a claim page repeats of every other claim page, or of other articles.
CLAIM_BOILERPLATE = (
    "In the article", "What the automatic check found", "Our note", "Also checked in", "The quotation beside",
    "What the source says",
)  # fmt: skip
ARTICLE_BOILERPLATE = ("Scorecard", "Our conclusion", "Article rating", "The article as published")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config_file = site_project(tmp_path_factory.mktemp("search") / "project", search="pagefind")
    assert build_site(str(config_file)).ok
    site = config_file.parent / "site"
    # The documents Pagefind read were written beside the site and are gone.
    assert sorted(path.name for path in site.parent.iterdir() if path.name.startswith(".site")) == []
    return site


@pytest.fixture(scope="module")
def indexed(site: Path) -> dict[str, dict]:
    """Pagefind's fragment of each document, by the document's address."""
    fragments = {}
    for path in (site / PAGEFIND_DIR / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE)
        fragment = json.loads(data[len(SIGNATURE) :])
        fragments[fragment["url"]] = fragment
    return fragments


def html_of(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text("utf-8")


def test_an_article_is_one_document_with_a_section_for_each_claim(site: Path, indexed: dict[str, dict]) -> None:
    assert [url for url in indexed if "/claims/" in url] == []
    articles = sorted(path.parent for path in (site / "articles").glob("*/index.html"))
    assert len(articles) == 3
    for article in articles:
        fragment = indexed[f"/articles/{article.name}/"]
        anchors = fragment["anchors"]
        sections = {anchor["id"]: anchor["text"] for anchor in anchors if anchor["id"].startswith("claims/")}
        claims = sorted(article.glob("claims/*/index.html"))
        assert len(claims) == 4
        for claim in claims:
            html = claim.read_text("utf-8")
            title = re.search(r"<h1>.*?</span> <span[^>]*>(.*?)</span></h1>", html)
            assert title is not None
            # The section's heading is the claim's: the search page links it to the claim's own page.
            assert sections[f"claims/{claim.parent.name}/"] == title.group(1)


def test_a_document_holds_no_words_every_page_of_its_kind_repeats(site: Path, indexed: dict[str, dict]) -> None:
    seen: set[str] = set()
    for article in sorted((site / "articles").glob("*/index.html")):
        text = indexed[f"/articles/{article.parent.name}/"]["content"]
        pages = [article, *article.parent.glob("claims/*/index.html")]
        seen.update(words for page in pages for words in (*CLAIM_BOILERPLATE, *ARTICLE_BOILERPLATE)
                    if words in page.read_text("utf-8"))  # fmt: skip
        assert [words for words in (*CLAIM_BOILERPLATE, *ARTICLE_BOILERPLATE) if words in text] == []
        # Nor the claims' numbers ("Claim 3"), which every article's third claim shows.
        assert re.search(r"\bClaim \d", text) is None
        # A mark's text is followed by the article's next words, not by the mark's number and verdict.
        assert "Jobs grew by a third in a year" in text
        # The article's corrections and each claim's sentence, which its claim pages repeat, are indexed once.
        assert text.count("The first note was too short") == 1
        assert text.count("in a year, and the ministry") == 1
    # Every repeated part was on some page of the fixture, for the test to mean something.
    assert seen == {*CLAIM_BOILERPLATE, *ARTICLE_BOILERPLATE}


def test_listing_pages_and_the_404_page_are_not_searched(site: Path, indexed: dict[str, dict]) -> None:
    assert (site / "404.html").is_file() and (site / "claimants" / "index.html").is_file()
    assert "/404.html" not in indexed
    assert indexed.get("/", {}).get("content", "") == ""
    assert indexed.get("/claimants/", {}).get("content", "") == ""
    claimants = [url for url in indexed if url.startswith("/claimants/") and url != "/claimants/"]
    assert claimants, "no claimant page is indexed"
    # A claimant's page is found by its name, not by the words of every claim it published.
    for url in claimants:
        assert 'href="../../articles/' in html_of(site, url), url
        assert len(indexed[url]["content"].split()) <= 6, (url, indexed[url]["content"])
