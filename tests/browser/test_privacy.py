"""No request leaves the site's own origin: no fonts, scripts, images or beacons from elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Request

    from tests.browser.conftest import DemoSite, PageOpener

pytestmark = pytest.mark.browser

# Inline resources (Material's icons in CSS) are part of the page, not requests to a host.
INLINE_SCHEMES = ("data:", "blob:", "about:")


def test_every_page_requests_only_its_own_origin(
    open_page: PageOpener, demo_site: DemoSite, request_log: list[Request]
) -> None:
    page = open_page("")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A request the content security policy refuses shows up only as a console error.
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for path in demo_site.html_paths():
        # Claim pages share one template: waiting for the network to settle on each adds nothing.
        settled = "load" if "/claims/" in path else "networkidle"
        page.goto(demo_site.url + path, wait_until=settled)
    page.locator("input.md-search__input").press_sequentially("embassy")
    page.locator(".md-search-result__item").first.wait_for()
    urls = {request.url for request in request_log}
    assert any(url.endswith("/search/search_index.json") for url in urls), "search never ran"
    assert len(urls) > len(demo_site.html_paths()), "pages loaded no resources"
    foreign = sorted(url for url in urls if not url.startswith((demo_site.url, *INLINE_SCHEMES)))
    assert foreign == []
    assert errors == []


def test_a_claim_page_does_not_download_the_sitemap(
    open_page: PageOpener, demo_site: DemoSite, request_log: list[Request]
) -> None:
    # Material fetches sitemap.xml for every "alternate" link a page carries; at 25,000 claims it is 4 MB.
    claim = next(path for path in demo_site.html_paths() if "/claims/" in path)
    page = open_page(claim)
    page.wait_for_load_state("networkidle")
    urls = {request.url for request in request_log}
    assert any(url.endswith(".js") for url in urls), "the page ran no scripts"
    assert [url for url in urls if url.endswith("sitemap.xml")] == []
