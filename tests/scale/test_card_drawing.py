"""A small build's social cards drawn in a forked process (`factsite.build.incremental.card_drawing`): the same
data files and the same cache entries as cards drawn in the build's own process, and no process left behind by a
build that stops before it writes its data files."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

from factsite.build.site import BuildOptions, SiteBuild
from factsite.load.site_config import read_site_config
from factsite.render.data_files import StoredFile
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
