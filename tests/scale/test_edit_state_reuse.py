"""What a full build reuses of the last one for the next edit's fast path: each unchanged article's outward summary
(by the key of its composed pages) and its sections as stored (by their digest); the same as computed anew."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.build.incremental.edit_state import (
    EditState,
    article_files,
    load_state,
    outward_fields,
    shown_digest,
    state_path,
)
from factsite.build.site import BuildOptions, SiteBuild
from factsite.load.articles import load_article
from factsite.load.site_config import read_site_config
from tests.scale.conftest import edit_verdict, replace_in
from tests.scale.conftest import pagefind_project as pagefind_project
from tests.scale.test_fast_edit import FAST, FULL


def summaries(config_file: Path, cache_dir: Path | None) -> tuple[dict[str, str], int]:
    """Each article's outward summary as a build composes it, by slug, and how many it computed."""
    build = SiteBuild(read_site_config(str(config_file)).settings(), BuildOptions(cache_dir=cache_dir))
    project = build.check()
    assert not project.errors
    for _ in build.pages():
        pass
    slugs = [checked.article.slug for checked in project.articles]
    return dict(zip(slugs, build.summaries, strict=True)), build.caches.summaries.computed


def test_a_build_computes_the_summaries_of_the_changed_articles_only(pagefind_project: Path, tmp_path: Path) -> None:
    root = pagefind_project.parent
    cache = tmp_path / "cache"
    first, computed = summaries(pagefind_project, cache)
    assert computed == 3  # every article, the first time
    assert summaries(pagefind_project, cache) == (first, 0)
    edit_verdict(root)
    again, computed = summaries(pagefind_project, cache)
    assert computed == 1
    assert again == summaries(pagefind_project, None)[0]  # as computed without a cache
    assert [slug for slug in again if again[slug] != first[slug]] == ["budget"]


def _state(root: Path, site: Path) -> EditState:
    state = load_state(state_path(root / ".factsite-cache", site))
    assert state is not None
    return state


def test_a_full_build_reuses_the_sections_that_are_the_same(pagefind_project: Path, tmp_path: Path) -> None:
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    before = _state(root, root / "site")
    # The budget article's claim made the same as one of the jobs article: both articles' sections change.
    replace_in(root / "content/articles/budget.yaml", "verdict: accurate", "verdict: misleading")
    edited = build_site(str(pagefind_project))
    assert edited.ok and not edited.fast
    after = _state(root, root / "site")
    # The same content built from nothing in a folder of its own.
    other = tmp_path / "other"
    shutil.copytree(root / "content", other / "content")
    shutil.copy(pagefind_project, other / "mkdocs.yml")
    assert build_site(str(other / "mkdocs.yml")).ok
    nothing = _state(other, other / "site")
    reused = 0
    for slug, record in after.articles.items():
        shown = record.read_shown()
        assert shown == nothing.articles[slug].read_shown()  # what a build from nothing stores
        assert record.shown_digest == shown_digest(shown) == nothing.articles[slug].shown_digest
        if record.shown_digest == before.articles[slug].shown_digest:
            assert record.shown == before.articles[slug].shown
            reused += 1
    assert 0 < reused < len(after.articles)


def _fields(root: Path, slug: str = "budget") -> str:
    content = root / "content"
    loaded = load_article(*article_files(content, slug), content, root)
    assert loaded.article is not None
    return outward_fields(loaded.article)


@pytest.mark.parametrize("edit_name", list(FAST), ids=list(FAST))
def test_an_edit_the_fast_path_takes_keeps_the_fields_it_compares_first(project: Path, edit_name: str) -> None:
    # The early stop never costs a fast path: every edit the fast path takes keeps the fields as read.
    root = project.parent
    before = _fields(root)
    FAST[edit_name](root)
    assert _fields(root) == before


@pytest.mark.parametrize("edit_name", ["a verdict", "the title", "a claimant", "the review date"])
def test_a_verdict_title_claimant_or_date_changes_the_fields_compared_first(project: Path, edit_name: str) -> None:
    root = project.parent
    before = _fields(root)
    FULL[edit_name](root)
    assert _fields(root) != before


def test_the_fields_compared_first_are_the_checked_articles(pagefind_project: Path) -> None:
    # What a build records (from the checked article) is what the fast path reads (the article as loaded).
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    state = _state(root, root / "site")
    for slug, record in state.articles.items():
        assert record.fields == _fields(root, slug)
