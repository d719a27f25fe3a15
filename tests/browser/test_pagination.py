"""A long listing's page list in Chromium: axe-core finds no serious or critical problem, and what assistive
technology is given is the page numbers and the links around them, without the gaps' ellipses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from factsite.adapters.mkdocs.commands import build_site
from tests.browser.conftest import served
from tests.publish.site_fixture import write_paginated_site

pytestmark = pytest.mark.browser

PAGES = 50


@pytest.fixture(scope="module")
def fifty_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site of fifty articles, one a page: an index of fifty pages, served."""
    root = tmp_path_factory.mktemp("fifty-pages")
    config = write_paginated_site(root, PAGES)
    outcome = build_site(str(config))
    assert outcome.ok, [str(p) for p in outcome.project.problems] if outcome.project else outcome.site_errors
    with served(Path(root / "site")) as url:
        yield url


def open_listing(browser: Browser, url: str) -> Page:
    context = browser.new_context()
    page = context.new_page()
    response = page.goto(url)
    assert response is not None and response.ok
    return page


def test_the_page_list_reads_as_numbers_and_links(browser: Browser, fifty_pages: str) -> None:
    page = open_listing(browser, fifty_pages + "page/25/")
    pages = page.get_by_role("navigation", name="Pages of fact-checked articles")
    expect(pages).to_be_visible()
    # The list's items as assistive technology gets them: the two gaps are hidden from it.
    expect(pages.get_by_role("listitem")).to_have_count(7)
    expect(pages.locator("li")).to_have_count(9)
    expect(pages.get_by_role("link")).to_have_text(
        ["Previous page", "1", "23", "24", "25", "26", "27", "50", "Next page"]
    )
    expect(pages.locator('[aria-current="page"]')).to_have_text("25")
    page.context.close()


@pytest.mark.parametrize("path", ["", "page/25/", "page/50/"])
def test_no_serious_accessibility_violations_in_a_long_listing(browser: Browser, fifty_pages: str, path: str) -> None:
    page = open_listing(browser, fifty_pages + path)
    violations = Axe().run(page).response["violations"]
    blocking = [f"{violation['id']} ({violation['impact']}): {violation['help']}" for violation in violations
                if violation["impact"] in {"serious", "critical"}]  # fmt: skip
    assert blocking == []
    page.context.close()
