"""The pages readers judge a fact-checker by: methodology, corrections, sources with archives, and
the meta, sitemap and not-found page that let the site be shared and found."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.publish.conftest import BuiltSite
from tests.publish.html_reading import read_page, text_of

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SHARING_META = ("og:title", "og:type", "og:site_name", "twitter:card", "twitter:title")
# Only a site or page with a description has these (the fixture site has none of its own).
DESCRIPTION_META = ("og:description", "twitter:description", "description")


def page_address(site: BuiltSite, path: Path) -> str:
    """The public URL of a built `index.html`."""
    folder = path.parent.relative_to(site.site_dir).as_posix()
    return site.project.settings.site_url + ("" if folder == "." else folder + "/")


def test_methodology_publishes_every_number_with_its_label(demo_site: BuiltSite) -> None:
    html = (demo_site.site_dir / "methodology/index.html").read_text("utf-8")
    rows = re.findall(r'fs-badge__label">([^<]+)</span>\s*</span></td><td>(\d+)</td>', html)
    scale = demo_site.project.settings.scale.verdicts
    assert sorted((label, int(value)) for label, value in rows) == sorted((v.label, v.value) for v in scale)


@pytest.mark.parametrize("site_name", ["demo_site", "small_site"], ids=["demo", "fixture site"])
def test_every_page_is_shareable_and_links_the_publication_pages(
    site_name: str, request: pytest.FixtureRequest
) -> None:
    site: BuiltSite = request.getfixturevalue(site_name)
    for path in site.site_dir.rglob("index.html"):
        facts = read_page(path)
        assert facts.links["canonical"] == [page_address(site, path)], path
        assert facts.meta["og:url"] == facts.links["canonical"], path
        for key in SHARING_META + (DESCRIPTION_META if site_name == "demo_site" else ()):
            assert facts.meta.get(key, [""])[0], (path, key)
        footer = [(path.parent / href).resolve() for href in facts.anchors]
        for page in ("methodology", "corrections"):
            assert (site.site_dir / page).resolve() in footer, (path, page)


def test_sitemap_lists_every_page(demo_site: BuiltSite) -> None:
    tree = ElementTree.parse(demo_site.site_dir / "sitemap.xml")
    listed = {element.text for element in tree.iter(f"{SITEMAP}loc")}
    pages = {page_address(demo_site, path) for path in demo_site.site_dir.rglob("index.html")}
    assert listed == pages


@pytest.mark.parametrize(
    ("site_name", "prefix"),
    [("demo_site", "/"), ("small_site", "/desk/")],
    ids=["site at the domain root", "site under a sub-path"],
)
def test_not_found_page_links_work_at_any_depth(site_name: str, prefix: str, request: pytest.FixtureRequest) -> None:
    site: BuiltSite = request.getfixturevalue(site_name)
    html = (site.site_dir / "404.html").read_text("utf-8")
    addresses = re.findall(r'(?:href|src)="([^"#]+)"', html)
    local = [a for a in addresses if not a.startswith(("http:", "https:", "mailto:", "data:"))]
    assert local and all(a.startswith(prefix) for a in local), local
    for address in local:
        target = site.site_dir / address.removeprefix(prefix)
        assert target.exists() or (target / "index.html").exists(), address


@pytest.mark.parametrize(
    "page",
    [
        "articles/jobs",
        "articles/jobs/claims/jobs-quote",
        "articles/jobs/claims/typo-teh",
        "corrections",
    ],
    ids=["article", "claim", "typo", "corrections page"],
)
def test_corrections_show_newest_first_wherever_they_apply(small_site: BuiltSite, page: str) -> None:
    html = (small_site.site_dir / page / "index.html").read_text("utf-8")
    assert html.index("The verdict on the figure was explained") < html.index(
        "The note on the quote now names the report"
    )
    assert "Why: A reader asked where the quote came from." in html


def test_each_source_shows_its_archive_and_the_missing_ones_are_said_once(small_site: BuiltSite) -> None:
    facts = read_page(small_site.site_dir / "articles/jobs/index.html")
    assert "https://archive.example.org/gov.example.org/jobs" in facts.anchors
    assert "No archived copy" not in text_of(facts, "fs-source__meta")
    assert text_of(facts, "fs-flag") == "1 of these 2 sources has no archived copy."


def test_an_editor_page_description_is_text_not_markup(small_site: BuiltSite) -> None:
    facts = read_page(small_site.site_dir / "about/index.html")
    expected = 'Who checks: "the desk" & <friends>'
    assert facts.meta["description"] == facts.meta["og:description"] == [expected]
