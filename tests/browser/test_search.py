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
