"""The build core's API, as an engine's adapter uses it: check, pages, data files."""

from __future__ import annotations

import io
import json
import shutil
import threading
from pathlib import Path

import pytest

from factsite.build.incremental.check_cache import CheckCache
from factsite.build.pipeline import article_paths, check_project
from factsite.build.progress import Progress
from factsite.build.site import BuildOptions, SiteBuild
from factsite.load.site_config import read_site_config
from factsite.render.pages import PageRenderer
from tests.conftest import copy_demo, ran_where_it_forks


def test_the_core_checks_composes_and_writes_data_files_without_an_engine(tmp_path: Path) -> None:
    config = read_site_config(copy_demo(tmp_path) / "mkdocs.yml")
    build = SiteBuild(config.settings(), BuildOptions(cache_dir=config.cache_dir))
    project = build.check()
    assert not project.errors and len(project.claims) > 30
    pages = list(build.pages())
    paths = {page.path for page in pages}
    assert "index.md" in {page.src_uri for page in pages}
    claim_pages = [page for page in pages if page.kind == "claim"]
    assert len(claim_pages) == len(project.claims)
    assert all("<" in page.body_html for page in pages)
    files = dict(build.data_files())
    claims = json.loads(files["claims.json"])
    assert len(claims["claims"]) == len(project.claims)
    assert len(paths) == len(pages)  # one page a path


def test_a_second_build_reuses_the_first_ones_caches(tmp_path: Path) -> None:
    config = read_site_config(copy_demo(tmp_path) / "mkdocs.yml")
    first = SiteBuild(config.settings(), BuildOptions(cache_dir=config.cache_dir))
    first.check()
    second = SiteBuild(config.settings(), BuildOptions(cache_dir=config.cache_dir), first.caches)
    assert second.caches is first.caches
    second.check()
    assert second.caches.checks.hits >= len(second.project.articles)  # type: ignore[union-attr]


def test_checking_and_composing_in_forked_workers_changes_nothing(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if ran_where_it_forks(request):
        return
    config = read_site_config(copy_demo(tmp_path) / "mkdocs.yml")
    alone = SiteBuild(config.settings(), BuildOptions())
    expected = alone.check()
    expected_pages = [page.digest for page in alone.pages()]
    forked = SiteBuild(config.settings(), BuildOptions(jobs=2, parallel_always=True, cache_dir=config.cache_dir))
    assert forked.check() == expected
    assert forked.caches.checks.misses == 0  # every article was checked in the workers, none here again
    assert [page.digest for page in forked.pages()] == expected_pages
    assert forked.caches.pages.misses == 0


def test_the_progress_of_forked_workers_ends_at_the_total(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    # This process reports the progress of every share, each of its own items counted once for every process; its
    # share is the smallest, so where the items do not divide evenly the larger shares' last items count here too.
    if ran_where_it_forks(request):
        return
    project = copy_demo(tmp_path)
    articles = project / "content" / "articles"
    for suffix in (".md", ".yaml"):  # four articles: the first checked before the fork, three in two shares
        shutil.copy(articles / f"americans-russia-forced-to-fight{suffix}", articles / f"a-fourth-article{suffix}")
    config = read_site_config(project / "mkdocs.yml")
    shown = io.StringIO()
    progress = Progress(shown, interactive=False, delay=0)
    build = SiteBuild(config.settings(), BuildOptions(jobs=2, parallel_always=True, progress=progress,
                                                      cache_dir=config.cache_dir))  # fmt: skip
    checked = build.check()
    assert len(checked.articles) == 4 and build.caches.checks.misses == 0  # every article checked in the workers
    assert not checked.errors
    for _ in build.pages():
        pass
    assert build.caches.pages.misses == 0  # every article composed in the workers
    progress.finish()
    # Each stage's line in a log (not a terminal): before, 3/4 in both.
    assert [line.split(" in ")[0] for line in shown.getvalue().splitlines()] == [
        "checking: 4/4 articles",
        "composing: 4/4 articles",
    ]


def test_articles_composed_in_forked_workers_come_back_as_stored_with_their_cards(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # A worker hands back each article's entry as the bytes it wrote to the cache: the parent reads them as a later
    # build would, its cards named in their own file, and the data files (the cards among them) come out the same.
    if ran_where_it_forks(request):
        return
    config = read_site_config(copy_demo(tmp_path) / "mkdocs.yml")
    alone = SiteBuild(config.settings(), BuildOptions())
    alone.check()
    expected_pages = [(page.path, page.body_html) for page in alone.pages()]
    expected_files = dict(alone.data_files())
    forked = SiteBuild(config.settings(), BuildOptions(jobs=2, parallel_always=True, cache_dir=config.cache_dir))
    project = forked.check()
    renders, keys = forked.caches.pages, forked.caches.checks.article_keys
    renderer = PageRenderer(project, forked.caches.templates, renders.sections, renders.listings)
    assert renders.prefetch(renderer.article_pages, project.articles, keys, 2, minimum=2) == len(project.articles)
    assert renders.lacking(project.articles, keys) == []  # each article in memory, its cards' file found
    assert [(page.path, page.body_html) for page in forked.pages()] == expected_pages
    assert dict(forked.data_files()) == expected_files
    assert forked.caches.pages.cards_read == sum(path.endswith(".png") for path in expected_files)


def test_a_process_that_cannot_fork_checks_the_first_article_ahead_and_the_rest_as_before(tmp_path: Path) -> None:
    settings = read_site_config(copy_demo(tmp_path) / "mkdocs.yml").settings()
    expected = check_project(settings)
    pairs = article_paths(settings.content_dir)[0]
    cache = CheckCache(settings, tmp_path / "cache")
    stop = threading.Event()
    running = threading.Thread(target=stop.wait)  # a thread running: the process does not fork (the preview's case)
    running.start()
    try:
        assert cache.prefetch(pairs, workers=2, minimum=2) == 1
    finally:
        stop.set()
        running.join()
    assert check_project(settings, cache.check) == expected
    assert (cache.hits, cache.misses) == (1, len(pairs) - 1)
