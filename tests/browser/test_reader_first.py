"""What a reader gets first, in Chromium: the article's rating before anything else, the scorecard most
severe first, and the new pages' screenshots for review (tests/artifacts/screenshots, not committed)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

if TYPE_CHECKING:
    from tests.browser.conftest import DemoSite, PageOpener

pytestmark = pytest.mark.browser

SEVERITY = ["False", "Misleading", "Mostly accurate", "Unsupported", "Accurate", "Unreviewed", "Correction"]


def _first_badge(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator(".fs-page .fs-badge").first.inner_text().strip()


def test_the_home_page_shows_each_articles_rating_first(
    open_page: PageOpener, demo_site: DemoSite, screenshot_dir: Path
) -> None:
    page = open_page("", javascript=False)
    expect(page.locator("h1")).to_have_text("Fact-checks")
    assert page.title().count("factsite demo desk") == 1
    cards = page.locator(".fs-article-card")
    assert cards.count() >= 2
    for index in range(cards.count()):
        # Each card's first badge is the article's rating, and it stands above the title and the tally on screen.
        card = cards.nth(index)
        assert card.locator(".fs-badge").first.evaluate("e => e.closest('.fs-rating') !== null")
        rating, title = card.locator(".fs-rating").bounding_box(), card.locator("h2").bounding_box()
        assert rating is not None and title is not None and rating["y"] < title["y"]
    english = cards.filter(has=page.locator(f'a[href*="{demo_site.article_path.strip("/").split("/")[-1]}"]'))
    expect(english.locator(".fs-rating .fs-badge")).to_have_text("Misleading")
    page.screenshot(path=str(screenshot_dir / "home.png"), full_page=True)


def test_the_article_page_shows_its_rating_then_the_scorecard_most_severe_first(
    open_page: PageOpener, demo_site: DemoSite, screenshot_dir: Path
) -> None:
    page = open_page(demo_site.article_path, javascript=False)
    assert _first_badge(page) == "Misleading"
    expect(page.locator(".fs-article-rating")).to_contain_text("Our rating of the article as a whole.")
    labels = [text.strip() for text in page.locator(".fs-scorecard .fs-claim-list .fs-badge").all_inner_texts()]
    assert labels[0] == "False"
    assert labels == sorted(labels, key=SEVERITY.index)
    tally = [text.strip() for text in page.locator(".fs-scorecard .fs-tally .fs-badge").all_inner_texts()]
    assert tally == sorted(tally, key=SEVERITY.index)
    page.screenshot(path=str(screenshot_dir / "article.png"), full_page=False)


def test_readers_see_source_titles_never_ids(open_page: PageOpener, demo_site: DemoSite) -> None:
    ids = ("shoigu-kyivpost", "embassy-alert", "decree-647", "kremlin-address")
    for claim in ("figure-300000", "on-tuesday", "last-week"):
        page = open_page(f"{demo_site.article_path}claims/{claim}/", javascript=False)
        text = page.locator(".fs-evidence").inner_text()
        assert not [source_id for source_id in ids if source_id in text], claim
        assert "“”" not in text and "disagrees" not in text


def test_the_sources_page_reads_in_the_order_its_heading_gives(open_page: PageOpener) -> None:
    page = open_page("sources/", javascript=False)
    expect(page.get_by_role("heading", name="All sources, by publisher")).to_be_visible()
    groups = page.locator("h3.fs-source-group").all_inner_texts()
    assert groups == sorted(groups, key=str.casefold)
    expect(page.locator(".fs-flag")).to_have_count(1)
    expect(page.get_by_text("No archived copy.")).to_have_count(0)


def test_a_quote_claims_review_blames_the_outlet_and_mentions_the_speaker(
    open_page: PageOpener, demo_site: DemoSite
) -> None:
    page = open_page(f"{demo_site.article_path}claims/embassy-quote/")
    review = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "International Business Times Singapore"}
    assert item["mentions"] == {"@type": "Organization", "name": "U.S. Embassy in Russia"}


def test_a_claim_links_to_its_claimants_whose_pages_count_by_verdict(
    open_page: PageOpener, demo_site: DemoSite, screenshot_dir: Path
) -> None:
    page = open_page(f"{demo_site.article_path}claims/not-bluffing/", javascript=False)
    page.locator(".fs-in-context").get_by_role("link", name="Vladimir Putin").click()
    expect(page.locator("h1")).to_contain_text("Vladimir Putin")
    expect(page.locator(".fs-tally")).to_contain_text("False")
    expect(page.locator(".fs-claim-list li")).to_have_count(1)
    page.screenshot(path=str(screenshot_dir / "claimant.png"), full_page=True)
    page.get_by_role("link", name="All claimants").click()
    # One entry per claimant page the build wrote (the demo's outlets and speakers, in three languages).
    pages = [p for p in (demo_site.root / "claimants").iterdir() if (p / "index.html").is_file()]
    expect(page.locator(".fs-claimant-list > li")).to_have_count(len(pages))
    expect(page.locator(".fs-claimant-list")).to_contain_text("Vladimir Putin")


NEW_PAGES = ["", "claimants/", "claimants/vladimir-putin/", "claimants/us-embassy-in-russia/",
             "corrections-policy/", "funding/", "team/"]  # fmt: skip


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", NEW_PAGES)
def test_new_page_types_have_no_accessibility_violations(open_page: PageOpener, path: str, scheme: str) -> None:
    page = open_page(path, color_scheme=scheme)  # type: ignore[arg-type]
    violations = Axe().run(page).response["violations"]
    assert [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in violations] == []


def test_the_trust_pages_are_linked_from_every_footer(open_page: PageOpener, demo_site: DemoSite) -> None:
    page = open_page(demo_site.article_path, javascript=False)
    footer = page.locator(".fs-footer-links")
    for name, heading in (("Corrections and complaints", "Complaints and requests for correction"),
                          ("Funding and ownership", "Ownership"), ("Team", "factsite demo desk")):  # fmt: skip
        footer.get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()


def test_a_claims_social_card_is_announced_and_loads(open_page: PageOpener, demo_site: DemoSite) -> None:
    page = open_page(f"{demo_site.article_path}claims/not-bluffing/", javascript=False)
    image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert image == "https://factsite.example.org/" + demo_site.article_path + "claims/not-bluffing/card.png"
    expect(page.locator('meta[name="twitter:card"]')).to_have_attribute("content", "summary_large_image")
    # The image itself, served from this site: the browser decodes it at its full size.
    card = open_page(image.removeprefix("https://factsite.example.org/"), javascript=False)
    size = card.evaluate("[document.images[0].naturalWidth, document.images[0].naturalHeight]")
    assert size == [1200, 630]
