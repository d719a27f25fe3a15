"""The site-wide listings' pages (index, sources, corrections, claimants) kept by what they show: after an edit
that changes none of them none is rendered again, after one that changes some only those are, and the pages
are the bytes a build from nothing writes."""

from __future__ import annotations

import shutil
from pathlib import Path

from factsite.build.site import BuildOptions, SiteBuild
from factsite.load.site_config import read_site_config
from factsite.render.pages import PageRenderer, SitePage
from tests.scale.conftest import EDITS

LISTINGS = ("index", "sources", "corrections", "claimant", "claimants")


def _listings(config: Path, *, cache: bool = True) -> tuple[SiteBuild, dict[str, str]]:
    """A build in a new process's state (its caches only on disk): the listings' pages by path."""
    cache_dir = config.parent / ".factsite-cache"
    if not cache:
        shutil.rmtree(cache_dir, ignore_errors=True)
    build = SiteBuild(read_site_config(config).settings(), BuildOptions(cache_dir=cache_dir))
    assert not build.check().errors
    pages: list[SitePage] = list(build.pages())
    return build, {page.path: page.body_html for page in pages if page.kind in LISTINGS}


def test_an_edit_that_changes_no_listing_renders_none(project: Path) -> None:
    first, before = _listings(project)
    assert first.caches.pages.listings.misses == len(before) > 5
    EDITS["a claim's note"](project.parent)  # a note shows on the claim's page only
    build, after = _listings(project)
    assert build.caches.pages.listings.misses == 0
    assert build.caches.pages.listings.hits == len(after)
    assert after == before


def test_an_edit_renders_the_listings_it_changes_as_a_build_from_nothing_does(project: Path) -> None:
    _, before = _listings(project)
    EDITS["a verdict"](project.parent)  # the claimants' tallies and the index's scorecards show verdicts
    build, after = _listings(project)
    changed = {path for path in after if after[path] != before.get(path)}
    assert changed and 0 < build.caches.pages.listings.misses < len(after)
    _, fresh = _listings(project, cache=False)
    assert after == fresh


def test_the_listings_kept_are_those_the_site_shows(project: Path) -> None:
    _listings(project)
    EDITS["an article removed"](project.parent)
    _, after = _listings(project)
    stored = [path for path in (project.parent / ".factsite-cache/pages/listings").rglob("*") if path.is_file()]
    assert len(stored) == len(after) + 1  # one entry a page, and the list of them


def test_a_renderer_without_a_store_renders_the_same_pages(project: Path) -> None:
    build, kept = _listings(project)
    assert build.project is not None
    plain = PageRenderer(build.project)
    parts = [plain.article_pages(checked) for checked in build.project.articles]
    assert {page.path: page.body_html for page in plain.assemble(parts) if page.kind in LISTINGS} == kept
