"""Side-by-side quotations in Chromium: two columns on a desktop, stacked on a phone, marks with hidden
labels, no horizontal scrolling, and no accessibility violations in either colour scheme."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

if TYPE_CHECKING:
    from tests.browser.conftest import DemoSite, PageOpener

pytestmark = pytest.mark.browser

PHONE = 375


def _quote_path(demo_site: DemoSite) -> str:
    return f"{demo_site.article_path}claims/not-bluffing/"


def test_on_a_desktop_the_columns_stand_side_by_side(
    open_page: PageOpener, demo_site: DemoSite, screenshot_dir: Path
) -> None:
    page = open_page(_quote_path(demo_site), javascript=False)
    published, source = page.locator(".fs-side").all()
    left, right = published.bounding_box(), source.bounding_box()
    assert left is not None and right is not None
    assert abs(left["y"] - right["y"]) < 1 and left["x"] + left["width"] <= right["x"]
    expect(published.locator(".fs-side__heading")).to_have_text("As published")
    expect(source.locator(".fs-side__heading")).to_have_text("What the source says")
    # The marks carry words for screen readers, hidden on screen.
    label = published.locator(".fs-side__added .fs-visually-hidden").first
    expect(label).to_have_text("(not in the source:)")
    box = label.bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1
    page.locator(".fs-evidence").screenshot(path=str(screenshot_dir / "quote.png"))


def test_on_a_phone_the_columns_stack_and_nothing_scrolls_sideways(
    open_page: PageOpener, demo_site: DemoSite, screenshot_dir: Path
) -> None:
    page = open_page(_quote_path(demo_site), width=PHONE, height=740)
    published, source = page.locator(".fs-side").all()
    top, bottom = published.bounding_box(), source.bounding_box()
    assert top is not None and bottom is not None
    assert top["y"] + top["height"] <= bottom["y"]
    assert abs(top["x"] - bottom["x"]) < 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    page.locator(".fs-evidence").screenshot(path=str(screenshot_dir / "quote-phone.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_side_by_side_quote_has_no_accessibility_violations(
    open_page: PageOpener, demo_site: DemoSite, scheme: str
) -> None:
    page = open_page(_quote_path(demo_site), color_scheme=scheme)  # type: ignore[arg-type]
    violations = Axe().run(page).response["violations"]
    assert [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in violations] == []
