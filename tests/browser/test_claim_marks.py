"""Claim marks in the article: links to their claim pages by mouse, by keyboard, without scripts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

if TYPE_CHECKING:
    from tests.browser.conftest import DemoSite, PageOpener

pytestmark = pytest.mark.browser

MARKS = "a.fs-mark"
OUTLINE = "e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]"
# The first mark sits after the header, the breadcrumb, the article details and the scorecard.
MAX_TABS = 150


def tab_to_first_mark(page: Page) -> None:
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.fs-mark')"):
            return
    pytest.fail(f"no claim mark reached after {MAX_TABS} presses of Tab")


def test_clicking_a_mark_opens_its_claim_page(open_page: PageOpener, demo_site: DemoSite) -> None:
    claim = demo_site.article_claims[2]
    page = open_page(demo_site.article_path)
    page.locator(f"#mark-{claim.id}").click()
    expect(page).to_have_url(demo_site.url + claim.path)
    expect(page.locator("h1")).to_contain_text(f"Claim {claim.number}")


def test_a_mark_is_reached_and_followed_with_the_keyboard(open_page: PageOpener, demo_site: DemoSite) -> None:
    first = demo_site.article_claims[0]
    page = open_page(demo_site.article_path)
    tab_to_first_mark(page)
    focused = page.locator(f"{MARKS}:focus")
    expect(focused).to_have_attribute("id", f"mark-{first.id}")
    style, width = focused.evaluate(OUTLINE)
    assert style != "none" and float(width.removesuffix("px")) >= 2, (style, width)
    page.keyboard.press("Enter")
    expect(page).to_have_url(demo_site.url + first.path)


@pytest.mark.parametrize("gesture", ["hover", "focus"])
def test_a_mark_shows_its_summary_as_a_tooltip(open_page: PageOpener, demo_site: DemoSite, gesture: str) -> None:
    without_script = open_page(demo_site.article_path, javascript=False)
    summary = without_script.locator(MARKS).first.get_attribute("title")
    assert summary, "a claim mark carries no summary in its title"
    page = open_page(demo_site.article_path)
    mark = page.locator(MARKS).first
    if gesture == "hover":
        mark.hover()
    else:
        tab_to_first_mark(page)
    # Material turns the title into a tooltip element that describes the mark.
    tooltip = page.locator("[role=tooltip]", has_text=summary)
    expect(tooltip).to_be_visible()
    expect(mark).to_have_accessible_description(summary)


def test_without_javascript_every_mark_links_to_its_claim_page(open_page: PageOpener, demo_site: DemoSite) -> None:
    page = open_page(demo_site.article_path, javascript=False)
    marks = page.locator(MARKS)
    expect(marks).to_have_count(len(demo_site.article_claims))
    links = dict(marks.evaluate_all("marks => marks.map(mark => [mark.dataset.claim, mark.href])"))
    assert links == {claim.id: demo_site.url + claim.path for claim in demo_site.article_claims}
    for href in links.values():
        assert page.request.get(href).ok, href
    marks.first.click()
    expect(page).to_have_url(demo_site.url + demo_site.article_claims[0].path)
    expect(page.locator(".fs-verdict")).to_be_visible()


def test_every_mark_is_named_by_its_words_number_and_verdict(open_page: PageOpener, demo_site: DemoSite) -> None:
    page = open_page(demo_site.article_path, javascript=False)
    for claim in demo_site.article_claims:
        mark = page.locator(f"#mark-{claim.id}")
        words = " ".join(mark.locator(".fs-mark__text").inner_text().split())
        label = claim.verdict_label or "Correction"
        name = rf"{re.escape(words)}\s*{claim.number}\W*{re.escape(label)}"
        expect(mark).to_have_accessible_name(re.compile(f"^{name}$"))
        expect(mark.locator(".fs-mark__badge svg")).to_have_count(1)
