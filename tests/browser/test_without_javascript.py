"""Every page is complete without JavaScript: the same content a reader with scripts gets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PAGE_TYPES

if TYPE_CHECKING:
    from tests.browser.conftest import DemoSite, PageOpener

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_a_page_without_javascript_shows_what_it_shows_with_it(
    open_page: PageOpener, demo_site: DemoSite, page_type: str
) -> None:
    path = demo_site.path_of(page_type)
    scripted = open_page(path).locator(".md-content")
    plain = open_page(path, javascript=False).locator(".md-content")
    expect(plain.locator("h1")).to_be_visible()
    assert plain.inner_text().split() == scripted.inner_text().split()
    expect(plain.locator("a[href]")).to_have_count(scripted.locator("a[href]").count())
