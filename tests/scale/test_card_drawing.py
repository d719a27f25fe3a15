"""A small build's social cards drawn in a forked process (`factsite.build.incremental.card_drawing`): the same
data files and the same cache entries as cards drawn in the build's own process, and no process left behind by a
build that stops before it writes its data files."""

from __future__ import annotations

import gc
import os
import shutil
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from factsite.build.incremental.card_drawing import CardStream
from factsite.build.pipeline import check_project
from factsite.build.site import BuildOptions, SiteBuild
from factsite.load.site_config import read_site_config
from factsite.render.data_files import StoredFile, article_cards
from tests.conftest import copy_demo, ran_where_it_forks

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the cards are drawn apart only where a process forks")


def _data_files(project: Path, jobs: int) -> tuple[SiteBuild, dict[str, bytes], bool]:
    """The demo's data files, the cards read back from the page cache as a writer reads them, and whether
    the cards were drawn in another process."""
    build = SiteBuild(read_site_config(project / "mkdocs.yml").settings(),
                      BuildOptions(jobs=jobs, cache_dir=project / ".factsite-cache", once=True))  # fmt: skip
    assert not build.check().errors
    for _ in build.pages():
        pass
    apart = build._drawing is not None
    files = {path: build.read_stored(data) if isinstance(data, StoredFile) else data
             for path, data in build.data_file_data()}  # fmt: skip
    return build, files, apart


def _entries(project: Path) -> dict[str, bytes]:
    pages = project / ".factsite-cache" / "pages"
    return {
        path.relative_to(pages).as_posix(): path.read_bytes() for path in sorted(pages.rglob("*")) if path.is_file()
    }


def test_cards_drawn_apart_are_the_cards_drawn_here(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if ran_where_it_forks(request):
        return
    project = copy_demo(tmp_path / "project")
    _, drawn_here, apart = _data_files(project, jobs=1)
    assert not apart
    entries_here = _entries(project)
    shutil.rmtree(project / ".factsite-cache")
    build, drawn_apart, apart = _data_files(project, jobs=2)
    assert apart and build._drawing is None  # joined with the data files
    # The demo's articles are checked in this process, one after the other, each handed to the drawing as it is.
    assert build.caches.checks.misses == len(build.project.articles) > 1  # type: ignore[union-attr]
    cards = [path for path in drawn_apart if path.endswith("card.png")]
    assert len(cards) > len(build.project.articles)  # type: ignore[union-attr]
    assert build.caches.pages.misses == len(build.project.articles)  # type: ignore[union-attr]
    assert drawn_apart == drawn_here
    assert _entries(project) == entries_here
    # The next build finds every article, with its cards, in the cache.
    again, files, apart = _data_files(project, jobs=2)
    assert again.caches.pages.misses == 0 and not apart and files == drawn_here


def test_a_build_that_stops_before_its_data_files_leaves_no_process(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if ran_where_it_forks(request):
        return
    project = copy_demo(tmp_path / "project")
    build = SiteBuild(read_site_config(project / "mkdocs.yml").settings(),
                      BuildOptions(jobs=2, cache_dir=project / ".factsite-cache", once=True))  # fmt: skip
    assert not build.check().errors
    for _ in build.pages():
        pass
    drawing = build._drawing
    assert drawing is not None
    child = drawing._child
    assert child is not None
    del build, drawing
    gc.collect()
    with pytest.raises(ChildProcessError):  # stopped and waited for: nothing left to wait for
        os.waitpid(child.pid, os.WNOHANG)


def _build(project: Path) -> SiteBuild:
    return SiteBuild(read_site_config(project / "mkdocs.yml").settings(),
                     BuildOptions(jobs=2, cache_dir=project / ".factsite-cache", once=True))  # fmt: skip


def test_the_cards_are_drawn_as_the_articles_are_checked(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if ran_where_it_forks(request):
        return
    project = copy_demo(tmp_path / "project")
    build = _build(project)
    assert not build.check().errors
    drawing = build._drawing  # forked during the check, every article handed to it
    assert drawing is not None and drawing.slugs() == {c.article.slug for c in build.project.articles}  # type: ignore[union-attr]
    for _ in build.pages():
        pass
    assert build._drawing is drawing  # the one composing uses: no second drawing
    dict(build.data_file_data())
    assert build._drawing is None
    # With one process (`--jobs 1`) nothing is forked, during the check or after it.
    shutil.rmtree(project / ".factsite-cache")
    alone = SiteBuild(read_site_config(project / "mkdocs.yml").settings(),
                      BuildOptions(jobs=1, cache_dir=project / ".factsite-cache", once=True))  # fmt: skip
    assert not alone.check().errors and alone._drawing is None
    assert alone.caches.checks.misses == len(alone.project.articles)  # type: ignore[union-attr]


def test_articles_found_in_the_check_cache_are_drawn_once_the_content_is_checked(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Pages lacking for articles whose check was cached: not handed to a drawing during the check (most such
    articles have their pages cached too), drawn apart once the content is checked, as before."""
    if ran_where_it_forks(request):
        return
    project = copy_demo(tmp_path / "project")
    _, first, _ = _data_files(project, jobs=2)
    shutil.rmtree(project / ".factsite-cache" / "pages")
    build = _build(project)
    assert not build.check().errors
    assert build._drawing is None and build.caches.checks.misses == 0
    for _ in build.pages():
        pass
    assert build._drawing is not None
    files = {path: build.read_stored(data) if isinstance(data, StoredFile) else data
             for path, data in build.data_file_data()}  # fmt: skip
    assert files == first


def test_a_stream_waits_for_no_thread_and_forks_once_none_runs(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """While another thread runs (Harper's dictionary loading ahead) the articles are kept, not forked with; the
    first article checked after it ended forks the drawing with them all, and later ones go through the pipe."""
    if ran_where_it_forks(request):
        return
    project = copy_demo(tmp_path / "project")
    settings = read_site_config(project / "mkdocs.yml").settings()
    articles = check_project(replace(settings, lint=False)).articles
    assert len(articles) >= 3
    stream = CardStream(settings)
    release = threading.Event()
    loading = threading.Thread(target=release.wait)
    loading.start()
    stream.add(articles[0])
    assert stream._drawing is None  # a thread runs: no fork
    release.set()
    loading.join()
    for checked in articles[1:]:
        stream.add(checked)
    drawing = stream.drawing()
    assert drawing is not None
    assert drawing.result() == {checked.article.slug: article_cards(checked, settings) for checked in articles}


def test_a_build_that_stops_after_its_check_leaves_no_process(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if ran_where_it_forks(request):
        return
    project = copy_demo(tmp_path / "project")
    build = _build(project)
    build.check()
    drawing = build._drawing
    assert drawing is not None
    child = drawing._child
    assert child is not None
    del build, drawing
    gc.collect()
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)


def test_a_check_that_finds_errors_stops_the_drawing(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The drawing forked at the first article is stopped when a later one has an error: nothing will be built."""
    if ran_where_it_forks(request):
        return
    project = copy_demo(tmp_path / "project")
    last = sorted((project / "content" / "articles").glob("*.yaml"))[-1]
    last.write_text(last.read_text("utf-8") + "\nnot: [closed\n", "utf-8")
    build = _build(project)
    assert build.check().errors
    assert build._drawing is None
