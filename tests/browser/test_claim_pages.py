"""Claim pages: verdict first, then evidence, note and sources; links between claims; printing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

if TYPE_CHECKING:
    from tests.browser.conftest import DemoSite, PageOpener

pytestmark = pytest.mark.browser

KINDS = ["statement", "quote", "figure", "date", "typo"]
# The order a reader meets the parts of a claim page in; a claim may lack some of them.
READING_ORDER = ["fs-verdict", "fs-in-context", "fs-evidence", "fs-note", "fs-sources", "fs-pager"]
PRINTED = (".fs-verdict", ".fs-evidence", ".fs-sources")
NOT_PRINTED = (".md-header", ".md-sidebar--primary", ".md-footer", ".fs-pager", ".fs-breadcrumb")
SECTIONS = """page => [...document.querySelectorAll('.fs-page > section, .fs-page > nav.fs-pager')]
    .map(part => [...part.classList].find(name => name.startsWith('fs-')))"""


@pytest.mark.parametrize("kind", KINDS)
def test_the_verdict_comes_first_then_the_evidence(open_page: PageOpener, demo_site: DemoSite, kind: str) -> None:
    claim = demo_site.claim_of_kind(kind)
    page = open_page(claim.path, javascript=False)
    parts = page.evaluate(SECTIONS)
    assert parts[0] == "fs-verdict", parts
    assert parts == [part for part in READING_ORDER if part in parts], parts
    verdict = page.locator(".fs-verdict .fs-badge")
    expect(verdict).to_have_text(claim.verdict_label or "Correction")
    expect(verdict.locator("svg")).to_have_count(1)
    if kind != "statement":
        expect(page.locator(".fs-evidence")).to_be_visible()


def test_previous_and_next_links_walk_the_claims_in_order(open_page: PageOpener, demo_site: DemoSite) -> None:
    first, second, third = demo_site.article_claims[:3]
    page = open_page(second.path, javascript=False)
    page.locator("a[rel=next]").click()
    expect(page).to_have_url(demo_site.url + third.path)
    page.locator("a[rel=prev]").click()
    page.locator("a[rel=prev]").click()
    expect(page).to_have_url(demo_site.url + first.path)
    expect(page.locator("a[rel=prev]")).to_have_count(0)
    last = open_page(demo_site.article_claims[-1].path, javascript=False)
    expect(last.locator("a[rel=next]")).to_have_count(0)


def test_back_to_the_mark_lands_on_the_mark_in_the_article(open_page: PageOpener, demo_site: DemoSite) -> None:
    claim = demo_site.article_claims[-1]
    page = open_page(claim.path)
    page.get_by_role("link", name="Back to the mark in the article").click()
    expect(page).to_have_url(f"{demo_site.url}{claim.article_path}#mark-{claim.id}")
    mark = page.locator(f"#mark-{claim.id}")
    expect(mark).to_be_in_viewport()
    # Material's sticky header must not cover the mark the reader came back to.
    header_bottom = page.locator(".md-header").bounding_box()["height"]
    assert mark.bounding_box()["y"] >= header_bottom


def test_printing_keeps_the_verdict_evidence_and_source_addresses(open_page: PageOpener, demo_site: DemoSite) -> None:
    claim = demo_site.claim_of_kind("quote")
    page = open_page(claim.path)
    page.emulate_media(media="print")
    for kept in PRINTED:
        expect(page.locator(kept)).to_be_visible()
    for dropped in NOT_PRINTED:
        expect(page.locator(dropped)).to_be_hidden()
    link = page.locator(".fs-source__title a").first
    printed = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in printed
