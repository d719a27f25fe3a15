"""axe-core finds no serious or critical problem, in Material's light and dark schemes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

if TYPE_CHECKING:
    from tests.browser.conftest import DemoSite, PageOpener

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}
# Material's palette follows prefers-color-scheme (mkdocs.yml): light is "default", dark is "slate".
SCHEMES = {"light": "default", "dark": "slate"}
# Claim pages differ by kind: each shows different evidence (diffs, figures, dates, corrections).
PAGES = ["index", "article", "sources", "methodology"] + [
    f"claim:{kind}" for kind in ("statement", "quote", "figure", "date", "typo")
]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def page_path(demo_site: DemoSite, page: str) -> str:
    if page.startswith("claim:"):
        return demo_site.claim_of_kind(page.removeprefix("claim:")).path
    return demo_site.path_of(page)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page_name", PAGES)
def test_no_serious_accessibility_violations(
    open_page: PageOpener, demo_site: DemoSite, axe: Axe, page_name: str, scheme: str
) -> None:
    page = open_page(page_path(demo_site, page_name), color_scheme=scheme)  # type: ignore[arg-type]
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    violations = axe.run(page).response["violations"]
    blocking = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}; "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in violations
        if violation["impact"] in BLOCKING_IMPACTS
    ]
    assert blocking == []
