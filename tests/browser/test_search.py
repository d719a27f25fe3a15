"""Material's built-in search runs in the browser, offline, and finds claims by their words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

if TYPE_CHECKING:
    from tests.browser.conftest import DemoSite, PageOpener

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("query", "claim_id"),
    [("bluffing", "not-bluffing"), ("whomsoever", "typo-whomsoever")],
    ids=["words of a quotation", "a copy error"],
)
def test_search_finds_a_claim_by_its_words(
    open_page: PageOpener, demo_site: DemoSite, query: str, claim_id: str
) -> None:
    page = open_page("")
    search = page.locator("input.md-search__input")
    search.click()
    # Typed key by key: Material searches as the reader types.
    search.press_sequentially(query)
    result = page.locator(f".md-search-result__item a[href*='/claims/{claim_id}/']").first
    expect(result).to_be_visible()
    result.click()
    claim = next(claim for claim in demo_site.claims if claim.id == claim_id)
    # Material adds ?h=... so the claim page can highlight the words searched for.
    expect(page).to_have_url(re.compile(re.escape(demo_site.url + claim.path) + r"(\?.*)?$"))
    expect(page.locator("h1")).to_contain_text(f"Claim {claim.number}")


def _first_result(open_page: PageOpener, query: str) -> str:
    """The address of the first result Material's search shows for `query`, typed on the home page."""
    page = open_page("")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query)
    first = page.locator(".md-search-result__link").first
    # Material shows the results of each prefix as the reader types: the last key's are those of the whole query.
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    return (first.get_attribute("href") or "").split("?")[0]


@pytest.mark.parametrize(
    ("query", "claim_id"),
    [
        ("Moscow could force them into military service because of dual citizenship", "military-service"),
        ("to not travel to Russia and those residing or travelling in Russia to depart", "no-travel"),
    ],
    ids=["a statement", "a paraphrased advice"],
)
def test_a_claims_words_in_the_article_find_its_page_first(
    open_page: PageOpener, demo_site: DemoSite, query: str, claim_id: str
) -> None:
    # The words as the article printed them (the claim is stated otherwise on its page): before its own entry
    # held them, the quotation of claim 9, whose title holds most of these words, came first
    # (factsite/adapters/mkdocs/search_ranking.py).
    claim = next(claim for claim in demo_site.claims if claim.id == claim_id)
    assert _first_result(open_page, query) == demo_site.url + claim.path


def test_an_articles_headline_still_finds_the_article_first(open_page: PageOpener, demo_site: DemoSite) -> None:
    # Claim pages are boosted, not so much that the article's own headline finds one of its claims first.
    query = "US Asks Its Citizens To Leave PUTIN'S Country IMMEDIATELY"
    assert _first_result(open_page, query) == demo_site.url + demo_site.article_path
