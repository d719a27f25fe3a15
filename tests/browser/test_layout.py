"""Pages fit a 360 px phone and a 1280 px desktop, and every link shows where keyboard focus is.

Screenshots of each page type at both widths are kept in tests/artifacts/screenshots/ for review.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import PAGE_TYPES

if TYPE_CHECKING:
    from pathlib import Path

    from tests.browser.conftest import DemoSite, PageOpener

pytestmark = pytest.mark.browser

WIDTHS = [360, 1280]
# Elements wider than the window, other than those Material lets scroll inside their own box.
OVERFLOWING = """() => [...document.querySelectorAll('.md-main *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
    .filter(e => !e.closest('.md-typeset__scrollwrap, pre'))
    .slice(0, 5).map(e => e.outerHTML.slice(0, 120))"""
FOCUS_RING = """() => { const style = getComputedStyle(document.activeElement);
    return [document.activeElement.outerHTML.slice(0, 120), style.outlineStyle,
            parseFloat(style.outlineWidth)]; }"""
IN_CONTENT = "document.activeElement.closest('.md-content') !== null"


@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_a_page_fits_the_window(
    open_page: PageOpener, demo_site: DemoSite, screenshot_dir: Path, page_type: str, width: int
) -> None:
    page = open_page(demo_site.path_of(page_type), width=width, height=800)
    page.screenshot(path=screenshot_dir / f"{page_type}-{width}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(OVERFLOWING) == []


def test_keyboard_focus_is_visible_on_every_link_of_an_article(open_page: PageOpener, demo_site: DemoSite) -> None:
    page = open_page(demo_site.article_path)
    seen = 0
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break  # past the last focusable element
        if page.evaluate(IN_CONTENT):
            element, style, width = page.evaluate(FOCUS_RING)
            assert style != "none" and width >= 2, element
            seen += 1
    assert seen > len(demo_site.article_claims), "Tab never reached the claim marks"
