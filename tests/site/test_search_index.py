"""What Pagefind indexes of a page: its own words, not what every page of its kind repeats.

A search fetches the index chunks of its words, whose size grows with every place a word occurs:
headings shared by every claim page, another article's headline in "Also checked in" and the
number and verdict inside each claim mark made the chunks of common words two to three times
larger at 25,000 claim pages (bench/README.md, "Fourth round: search payload"). These tests read
the index Pagefind wrote (its page fragments, which hold the text it indexed) on a small site.
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
CLAIM_BOILERPLATE = ("In the article", "What the automatic check found", "Our note", "Also checked in")
ARTICLE_BOILERPLATE = ("Scorecard", "Our conclusion", "Article rating", "The article as published")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config_file = site_project(tmp_path_factory.mktemp("search") / "project", search="pagefind")
    assert build_site(str(config_file)).ok
    return config_file.parent / "site"


@pytest.fixture(scope="module")
def indexed(site: Path) -> dict[str, str]:
    """The text Pagefind indexed of each page, by the page's address."""
    fragments = {}
    for path in (site / PAGEFIND_DIR / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE)
        fragment = json.loads(data[len(SIGNATURE) :])
        fragments[fragment["url"]] = fragment["content"]
    return fragments


def html_of(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text("utf-8")


def test_a_claim_page_is_indexed_without_what_every_claim_page_repeats(site: Path, indexed: dict[str, str]) -> None:
    claims = {url: text for url, text in indexed.items() if "/claims/" in url}
    assert len(claims) >= 12
    seen: set[str] = set()
    for url, text in claims.items():
        html = html_of(site, url)
        seen.update(words for words in CLAIM_BOILERPLATE if words in html)
        assert [words for words in CLAIM_BOILERPLATE if words in text] == [], url
        # Nor the claim's number ("Claim 3"), which every article's third claim page shows.
        number = re.search(r'<span class="fs-eyebrow">(Claim \d+)</span>', html)
        assert number is not None and number.group(1) not in text, url
        # The claim's own words are indexed: its title, in the page's heading.
        title = re.search(r"<h1>.*?</span> <span[^>]*>(.*?)</span></h1>", html)
        assert title is not None and title.group(1) in text, url
    # Every repeated part was on some page of the fixture, for the test to mean something.
    assert seen == set(CLAIM_BOILERPLATE)


def test_an_article_page_is_indexed_without_its_scorecard_and_mark_labels(site: Path, indexed: dict[str, str]) -> None:
    articles = {url: text for url, text in indexed.items() if re.fullmatch(r"/articles/[^/]+/", url)}
    assert len(articles) == 3
    for url, text in articles.items():
        html = html_of(site, url)
        assert all(words in html for words in ARTICLE_BOILERPLATE), url
        assert [words for words in ARTICLE_BOILERPLATE if words in text] == [], url
        assert 'class="fs-mark__number"' in html
        # A mark's text is followed by the article's next words, not by the mark's number and verdict.
        assert "Jobs grew by a third in a year" in text, url


def test_listing_pages_and_the_404_page_are_not_searched(site: Path, indexed: dict[str, str]) -> None:
    assert (site / "404.html").is_file() and (site / "claimants" / "index.html").is_file()
    assert "/404.html" not in indexed
    assert indexed.get("/", "") == ""
    assert indexed.get("/claimants/", "") == ""
    claimants = [url for url in indexed if url.startswith("/claimants/") and url != "/claimants/"]
    assert claimants, "no claimant page is indexed"
    # A claimant's page is found by its name, not by the words of every claim it published.
    for url in claimants:
        assert 'href="../../articles/' in html_of(site, url), url
        assert len(indexed[url].split()) <= 6, (url, indexed[url])
