"""The same claim in two articles, in Chromium: each claim page links the other, and the section passes axe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from tests.browser.conftest import served
from tests.publish.conftest import built
from tests.publish.site_fixture import write_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = built(write_site(tmp_path_factory.mktemp("also-checked"), extra_articles={"jobs-again": "2024-03-11"}))
    with served(site.site_dir) as url:
        yield url


def test_a_claim_checked_twice_links_the_other_check(browser: Browser, two_articles: str, tmp_path: Path) -> None:
    context = browser.new_context(base_url=two_articles)
    context.route(lambda url: not url.startswith(two_articles), lambda route: route.abort("blockedbyclient"))
    page = context.new_page()
    page.goto(two_articles + "articles/jobs/claims/jobs-grew/")
    section = page.locator(".fs-also-checked")
    expect(section.get_by_role("heading")).to_have_text("Also checked in")
    section.get_by_role("link").click()
    expect(page).to_have_url(two_articles + "articles/jobs-again/claims/jobs-grew/")
    expect(page.locator(".fs-also-checked a")).to_have_attribute("href", "../../../jobs/claims/jobs-grew/")
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations] == []
    context.close()


@pytest.fixture(scope="module")
def twelve_articles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.publish.test_same_claims import _recurring_site

    site = built(_recurring_site(tmp_path_factory.mktemp("also-checked-many")))
    with served(site.site_dir) as url:
        yield url


def test_a_claim_checked_in_many_articles_lists_five_and_links_the_claimant(browser: Browser,
                                                                            twelve_articles: str) -> None:  # fmt: skip
    context = browser.new_context(base_url=twelve_articles)
    context.route(lambda url: not url.startswith(twelve_articles), lambda route: route.abort("blockedbyclient"))
    page = context.new_page()
    page.goto(twelve_articles + "articles/jobs/claims/jobs-grew/")
    section = page.locator(".fs-also-checked")
    expect(section.locator("li")).to_have_count(5)
    more = section.locator(".fs-also-checked__more")
    expect(more).to_contain_text("6 other checks of this claim are not listed here.")
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations] == []
    more.get_by_role("link", name="Example News").click()
    expect(page).to_have_url(twelve_articles + "claimants/example-news/")
    expect(page.locator('a[href$="recurs-01/claims/jobs-grew/"]')).to_have_count(1)
    context.close()
