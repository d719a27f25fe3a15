"""The Arabic and Hindi demo pages in a real browser: right to left where the article is, fitting the window,
no serious axe finding. Screenshots are kept in tests/artifacts/screenshots/ for review."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from axe_playwright_python.sync_playwright import Axe

if TYPE_CHECKING:
    from pathlib import Path

    from tests.browser.conftest import DemoSite, PageOpener

pytestmark = pytest.mark.browser

PAGES = {
    "ar-article": ("articles/ar-daam-alkhubz/", "rtl"),
    "ar-claim-quote": ("articles/ar-daam-alkhubz/claims/tasrih-al-wazir/", "rtl"),
    "ar-claim-figure": ("articles/ar-daam-alkhubz/claims/nisbat-al-usar/", "rtl"),
    "hi-article": ("articles/hi-sinchai-yojana/", "ltr"),
    "hi-claim-figure": ("articles/hi-sinchai-yojana/claims/sinchit-kshetra/", "ltr"),
}
DIRECTION = """() => [...document.querySelectorAll('.fs-article-text, .fs-sentence')]
    .map(e => getComputedStyle(e).direction)"""
# Material's navigation drawer waits off-canvas on small screens: past the left edge of a left-to-right page, past
# the right edge of a right-to-left one (its sliding in from the right is the layout, not an overflow: the page does
# not scroll sideways, which the scrollWidth assertion checks).
OVERFLOWING = """() => [...document.querySelectorAll('.md-main *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
    .filter(e => !e.closest('.md-typeset__scrollwrap, pre, .md-sidebar--primary'))
    .slice(0, 5).map(e => e.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("width", [360, 1280], ids=lambda width: f"{width}px")
@pytest.mark.parametrize("name", PAGES)
def test_page_direction_and_fit(
    open_page: PageOpener, demo_site: DemoSite, screenshot_dir: Path, name: str, width: int
) -> None:
    path, direction = PAGES[name]
    page = open_page(path, width=width, height=800)
    page.screenshot(path=screenshot_dir / f"{name}-{width}.png", full_page=True)
    directions = page.evaluate(DIRECTION)
    assert directions and set(directions) == {direction}
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(OVERFLOWING) == []


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(open_page: PageOpener, name: str) -> None:
    page = open_page(PAGES[name][0])
    violations = Axe().run(page).response["violations"]
    blocking = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}; "
        + ", ".join(str(node["target"]) + " " + node["html"][:200] for node in violation["nodes"][:3])
        for violation in violations
        if violation["impact"] in ("serious", "critical")
    ]
    assert blocking == []
