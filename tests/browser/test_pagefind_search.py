"""Pagefind's search page, on a small site forced onto Pagefind: it finds a claim by its words, from
the site's own origin, and fetches the text of the results it shows and of no others. A result is an
article; the claims its words were found in are listed below it and link to their own pages."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Request, expect

from factsite.adapters.mkdocs.commands import build_site
from factsite.adapters.mkdocs.search import pagefind_executable
from tests.browser.conftest import served
from tests.scale.conftest import site_project

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(pagefind_executable() is None, reason="Pagefind is not installed"),
]


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    config_file = site_project(tmp_path_factory.mktemp("pagefind") / "project", search="pagefind")
    assert build_site(str(config_file)).ok
    with served(config_file.parent / "site") as url:
        yield url


def search(browser: Browser, url: str, query: str) -> tuple[list[str], list[str], list[str]]:
    """Search `query` on the search page: the result links shown, every URL requested, the errors."""
    context = browser.new_context()
    requests: list[Request] = []
    context.on("request", lambda request: requests.append(request))
    context.route(lambda address: not address.startswith(url), lambda route: route.abort("blockedbyclient"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(url + "search/", wait_until="networkidle")
    page.fill(".pagefind-ui__search-input", query)
    expect(page.locator(".pagefind-ui__result-link").first).to_be_visible()
    # Pagefind draws each result when its text has arrived: wait until none is still a placeholder.
    expect(page.locator(".pagefind-ui__result:not(:has(.pagefind-ui__result-link))")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    links = [link.get_attribute("href") or "" for link in page.locator(".pagefind-ui__result-link").all()]
    urls = [request.url for request in requests]
    context.close()
    return links, urls, errors


def test_pagefind_finds_a_claim_by_its_words(browser: Browser, pagefind_site: str) -> None:
    links, urls, errors = search(browser, pagefind_site, "three lakh")
    articles = [link for link in links if "/claims/" not in link]
    claims = [link for link in links if "/claims/" in link]
    assert articles and all(link.startswith("/articles/") for link in articles), links
    # Each claim links to its own page, not to a section of its article's page.
    assert claims and all(re.fullmatch(r"/articles/[^/#]+/claims/jobs-quote/", link) for link in claims), links
    assert [url for url in urls if not url.startswith(pagefind_site)] == []
    assert any(url.endswith(".pf_index") for url in urls), "Pagefind fetched no index chunk"
    assert errors == []


def test_a_claim_found_opens_its_page(browser: Browser, pagefind_site: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(pagefind_site + "search/?q=three%20lakh", wait_until="networkidle")
    page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").first.click()
    expect(page).to_have_url(re.compile(r"/claims/jobs-quote/$"))
    expect(page.locator("h1")).to_contain_text("we created three lakh jobs")
    context.close()


def test_pagefind_fetches_the_text_of_the_results_it_shows_only(browser: Browser, pagefind_site: str) -> None:
    # A word of every article and of the methodology page: more documents than articles.
    links, urls, errors = search(browser, pagefind_site, "ministry")
    shown = [link for link in links if "/claims/" not in link]
    fragments = [url for url in urls if url.endswith(".pf_fragment")]
    assert len(shown) >= 3, links
    assert len(fragments) == len(shown)
    assert errors == []
    assert not any(link.endswith("404.html") for link in links)
