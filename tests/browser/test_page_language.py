"""Each page in its own language in a real browser: the Arabic fact-check right to left in Arabic (the page,
Material's interface, factsite's headings, the check's explanations), the Hindi one in Hindi, an English page as
before; axe finds nothing on the Arabic and Hindi pages. Screenshots are kept in tests/artifacts/screenshots/ for
review."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from axe_playwright_python.sync_playwright import Axe

if TYPE_CHECKING:
    from pathlib import Path

    from tests.browser.conftest import PageOpener

pytestmark = pytest.mark.browser

# path, <html lang>, <html dir> as the browser reads it, search placeholder, a factsite heading, the footer's link
PAGES = {
    "ar-article": ("articles/ar-daam-alkhubz/", "ar", "rtl", "بحث", "خلاصتنا", "المنهجية"),
    "ar-claim": ("articles/ar-daam-alkhubz/claims/tasrih-al-wazir/", "ar", "rtl", "بحث", "في المقال", "المنهجية"),
    "hi-article": ("articles/hi-sinchai-yojana/", "hi", "", "खोज", "हमारा निष्कर्ष", "कार्यप्रणाली"),
    "hi-claim": ("articles/hi-sinchai-yojana/claims/sinchit-kshetra/", "hi", "", "खोज", "लेख में", "कार्यप्रणाली"),
    "en-article": ("articles/americans-russia-forced-to-fight/", "en", "", "Search", "Our conclusion", "Methodology"),
}
HEADINGS = "() => [...document.querySelectorAll('.fs-page h2')].map(h => h.textContent.trim())"
# The check's explanations, and the language and direction the browser gives them: the page's (they are translated).
EXPLANATIONS = """() => [...document.querySelectorAll('.fs-evidence__summary, .fs-evidence__finding')]
    .map(e => [e.closest('[lang]').lang, getComputedStyle(e).direction])"""


@pytest.mark.parametrize("name", PAGES)
def test_page_language_and_interface(open_page: PageOpener, screenshot_dir: Path, name: str) -> None:
    path, lang, direction, placeholder, heading, footer = PAGES[name]
    page = open_page(path, width=1280, height=900)
    page.screenshot(path=screenshot_dir / f"language-{name}.png", full_page=True)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.documentElement.dir") == direction
    assert page.evaluate("getComputedStyle(document.body).direction") == (direction or "ltr")
    assert page.get_attribute("input.md-search__input", "placeholder") == placeholder
    assert heading in page.evaluate(HEADINGS)
    assert page.locator(".fs-footer-links a").first.inner_text() == footer
    explanations = page.evaluate(EXPLANATIONS)
    assert explanations or name.endswith("-article")
    for element_lang, element_direction in explanations:
        assert element_lang == lang and element_direction == (direction or "ltr")


@pytest.mark.parametrize("name", [name for name in PAGES if not name.startswith("en-")])
def test_no_accessibility_violations(open_page: PageOpener, name: str) -> None:
    page = open_page(PAGES[name][0])
    violations = Axe().run(page).response["violations"]
    found = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}; "
        + ", ".join(str(node["target"]) + " " + node["html"][:160] for node in violation["nodes"][:3])
        for violation in violations
    ]
    assert found == []


def test_arabic_search_dialog_and_skip_strings(open_page: PageOpener) -> None:
    """Material's own strings for the search dialog are the Arabic ones (its translations, in the page's JSON)."""
    page = open_page(PAGES["ar-claim"][0])
    assert page.get_attribute('[data-md-component="search"]', "aria-label") == "إبحث"
    config = page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
    assert config["translations"]["search.result.none"] == "لا توجد نتائج"
