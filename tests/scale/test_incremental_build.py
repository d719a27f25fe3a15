"""A build that reuses the previous site gives the bytes of a build from nothing, rendering only
what changed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from tests.conftest import REPOSITORY, copy_demo, tree_digest
from tests.scale.conftest import EDITS, Edit, pages_without_body, replace_in, site_project
from tests.scale.conftest import pagefind_project as pagefind_project

CASES = {
    # edit: at most this many pages rendered again (the edited article's, the site-wide ones; adding or
    # removing an article also changes the claimants' list and the pages of its outlet and speaker). The
    # fixture's articles are copies of one another, so each claim is the same claim checked in every article
    # and its page links the others ("Also checked in", with their verdicts): a verdict changes those links,
    # and adding or removing an article changes every claim page of the others.
    "a claim's note": 1,
    "a verdict": 9,
    "the article's text": 8,
    "a claim added": 10,
    "an article removed": 12,
    "an article added": 20,
}


def from_nothing(config_file: Path, site: Path) -> Path:
    """A build with no cache and no previous site, into `site`."""
    shutil.rmtree(config_file.parent / ".factsite-cache", ignore_errors=True)
    outcome = build_site(str(config_file), site_dir=str(site))
    assert outcome.ok and outcome.rendered == outcome.pages
    return site


@pytest.mark.parametrize("edit_name", list(CASES), ids=list(CASES))
def test_incremental_build_equals_a_build_from_nothing(project: Path, tmp_path: Path,
                                                       edit_name: str) -> None:  # fmt: skip
    assert build_site(str(project)).ok
    edit: Edit = EDITS[edit_name]
    edit(project.parent)
    incremental = build_site(str(project))
    assert incremental.ok
    assert 0 < incremental.rendered <= CASES[edit_name] < incremental.pages
    fresh = from_nothing(project, tmp_path / "fresh")
    assert tree_digest(project.parent / "site") == tree_digest(fresh)


def test_nothing_changed_renders_nothing(project: Path) -> None:
    assert build_site(str(project)).ok
    again = build_site(str(project))
    assert again.ok and again.pages > 10 and again.rendered == 0


def test_a_config_change_renders_every_page_again(project: Path, tmp_path: Path) -> None:
    assert build_site(str(project)).ok
    replace_in(project, "site_name: Test desk", "site_name: Test fact-check desk")
    again = build_site(str(project))
    assert again.ok and again.rendered == again.pages
    fresh = from_nothing(project, tmp_path / "fresh")
    assert tree_digest(project.parent / "site") == tree_digest(fresh)


@pytest.mark.parametrize("search", ["pagefind", "material"])
def test_a_second_build_in_one_process_writes_every_page_whole(tmp_path: Path, search: str) -> None:
    # Benchmarks and tests build twice in one process, where MkDocs keeps the plugin: the second build renders
    # again, for a theme setting, every page the first built, whose pages' content did not change.
    config_file = site_project(tmp_path / "project", search=search)
    assert build_site(str(config_file)).ok
    config_file.write_text(config_file.read_text("utf-8") + "copyright: The test desk\n", "utf-8")
    again = build_site(str(config_file))
    assert again.ok and again.rendered == again.pages
    site = config_file.parent / "site"
    assert pages_without_body(site) == []
    fresh = from_nothing(config_file, tmp_path / "fresh")
    assert tree_digest(site) == tree_digest(fresh)


def test_rendering_in_two_processes_gives_the_same_site(project: Path, tmp_path: Path) -> None:
    one = build_site(str(project), site_dir=str(tmp_path / "one"), jobs=1)
    shutil.rmtree(project.parent / ".factsite-cache")
    two = build_site(str(project), site_dir=str(tmp_path / "two"), jobs=2)
    assert one.ok and two.ok and two.rendered == two.pages
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


def test_a_first_build_indexed_beside_the_data_files_is_the_same(pagefind_project: Path, tmp_path: Path) -> None:
    # With two processes a first build's Pagefind index is made in a child while the data files are written; with
    # one, after them: the same index, published with the site.
    one = build_site(str(pagefind_project), site_dir=str(tmp_path / "one"), jobs=1)
    shutil.rmtree(pagefind_project.parent / ".factsite-cache")
    two = build_site(str(pagefind_project), site_dir=str(tmp_path / "two"), jobs=2)
    assert one.ok and two.ok
    index = tree_digest(tmp_path / "two" / "pagefind")
    assert len(index) > 3 and tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")
    # Built again over the published site and its index: the index follows the pages, as before.
    shutil.rmtree(pagefind_project.parent / ".factsite-cache")
    again = build_site(str(pagefind_project), site_dir=str(tmp_path / "two"), jobs=2)
    assert again.ok and tree_digest(tmp_path / "two" / "pagefind") == index


def test_the_demo_rendered_beside_material_search_gives_the_same_site(tmp_path: Path) -> None:
    # With two processes the demo's 64 generated pages are rendered in a child while this process gives them to
    # Material's search, and the cards are drawn in another child: the same files, the same search index.
    project = copy_demo(tmp_path / "project") / "mkdocs.yml"
    one = build_site(str(project), site_dir=str(tmp_path / "one"), jobs=1)
    shutil.rmtree(project.parent / ".factsite-cache")
    two = build_site(str(project), site_dir=str(tmp_path / "two"), jobs=2)
    assert one.ok and two.ok and two.rendered == two.pages >= 32
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")
    index = json.loads((tmp_path / "two" / "search" / "search_index.json").read_text("utf-8"))
    claim_pages = {entry["location"].split("#")[0] for entry in index["docs"] if "/claims/" in entry["location"]}
    assert len(claim_pages) == sum(1 for _ in (tmp_path / "two").glob("articles/*/claims/*/index.html"))


def test_the_command_checks_and_renders_in_two_processes_to_the_same_site(project: Path, tmp_path: Path) -> None:
    # In its own process the command runs no other thread, so it forks: articles are checked and
    # their pages rendered in two processes, each storing what it made in the cache.
    def build(site: Path, jobs: str) -> None:
        shutil.rmtree(project.parent / ".factsite-cache", ignore_errors=True)
        command = [sys.executable, str(REPOSITORY / "build.py"), "build", "-f", str(project), "-d", str(site)]
        subprocess.run([*command, "-j", jobs], check=True, capture_output=True, timeout=120)

    build(tmp_path / "one", "1")
    build(tmp_path / "two", "2")
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")
    pages = project.parent / ".factsite-cache" / "pages"
    site_wide = (pages / "also-checked", pages / "same-claims", pages / "summaries")
    listings = pages / "listings"
    stored = [path for path in pages.rglob("*")
              if path.is_file() and path not in site_wide and listings not in path.parents]  # fmt: skip
    # One entry per article, each with the file of its cards (and the claim pages' "Also checked in" sections,
    # the same-claims search's pairs, the articles' outward summaries and the listings' pages).
    assert len([path for path in stored if path.suffix != ".cards"]) == 3
    assert len([path for path in stored if path.suffix == ".cards"]) == 3


def test_a_failed_incremental_build_leaves_the_site_and_its_reuse_intact(project: Path) -> None:
    assert build_site(str(project)).ok
    before = tree_digest(project.parent / "site")
    citations = project.parent / "content/articles/budget.yaml"
    replace_in(citations, "verdict: accurate", "verdict: wrong")
    assert not build_site(str(project)).ok
    assert tree_digest(project.parent / "site") == before
    replace_in(citations, "verdict: wrong", "verdict: accurate")
    again = build_site(str(project))
    assert again.ok and again.rendered == 0


@pytest.mark.parametrize(
    ("option", "engine"),
    [("auto", "material"), ("material", "material"), ("pagefind", "pagefind")],
    ids=["auto on a small site", "material", "pagefind"],
)
def test_search_engine(tmp_path: Path, option: str, engine: str) -> None:
    config_file = site_project(tmp_path / "project", search=option)
    outcome = build_site(str(config_file))
    assert outcome.ok
    site = config_file.parent / "site"
    assert (site / "search" / "search_index.json").is_file() == (engine == "material")
    assert (site / "pagefind" / "pagefind-entry.json").is_file() == (engine == "pagefind")
    home = (site / "index.html").read_text("utf-8")
    assert ('href="search/"' in home) == (engine == "pagefind")
    assert ('class="md-search"' in home) == (engine == "material")
    if engine == "pagefind":
        page = (site / "search" / "index.html").read_text("utf-8")
        assert "'wasm-unsafe-eval'" in page and "'wasm-unsafe-eval'" not in home
        assert 'src="../assets/javascripts/factsite-search.js"' in page and "pagefind-ui" not in page


def test_a_pagefind_site_is_published_first_and_its_new_index_swapped_in(tmp_path: Path) -> None:
    config_file = site_project(tmp_path / "project", search="pagefind")
    site = config_file.parent / "site"
    first = build_site(str(config_file))
    assert first.ok
    entry = site / "pagefind" / "pagefind-entry.json"
    before = entry.read_bytes()
    EDITS["the article's text"](config_file.parent)
    again = build_site(str(config_file))
    assert again.ok and again.published_at is not None
    # The index was replaced whole: it is Pagefind's index of the new pages, as a build from nothing writes it.
    assert entry.read_bytes() != before
    fresh = from_nothing(config_file, tmp_path / "fresh")
    assert tree_digest(site) == tree_digest(fresh)
    # Nothing of the index's staging is left beside the site.
    assert not list(site.parent.glob(".site.staging-*"))


def test_the_old_site_is_removed_after_the_command_returns(project: Path) -> None:
    site = project.parent / "site"
    assert build_site(str(project)).ok
    assert build_site(str(project)).ok
    assert site.is_dir() and not list(site.parent.glob(".site.previous-*"))
    waited = 0.0
    while list(site.parent.glob(".site.old-*")) and waited < 30:
        time.sleep(0.1)
        waited += 0.1
    assert not list(site.parent.glob(".site.old-*"))


def test_unchanged_data_files_are_linked_from_the_previous_site(project: Path) -> None:
    # A verdict changed in one article: the cards showing it are drawn and written again; the other cards and
    # the unchanged data files are the previous site's files, linked (the same file on disk), not rewritten.
    assert build_site(str(project)).ok
    site = project.parent / "site"
    cards = {path.relative_to(site): path.stat().st_ino for path in site.rglob("card.png")}
    robots = (site / "robots.txt").stat().st_ino
    edit: Edit = EDITS["a verdict"]
    edit(project.parent)
    assert build_site(str(project)).ok
    rewritten = {path for path, inode in cards.items() if (site / path).stat().st_ino != inode}
    assert rewritten and all(path.parts[:2] == ("articles", "budget") for path in rewritten)
    assert len(rewritten) < len(cards) // 4
    assert (site / "robots.txt").stat().st_ino == robots
