"""A build that runs once (the `build` command) lets go of what only a later build would reuse: each article's
composed parts once its pages are assembled, each generated page's body until the page is rendered. The pages
must come out as they would with everything kept in memory."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build

from factsite.adapters.mkdocs.bodies import PageBodies
from factsite.adapters.mkdocs.commands import build_site, load_site_config, start_plugins
from factsite.adapters.mkdocs.pages import GeneratedPage
from factsite.build.incremental.fingerprints import templates_fingerprint
from factsite.build.incremental.page_cache import PageCache
from factsite.build.site import SiteBuild
from factsite.load.site_config import read_site_config
from factsite.render.pages import TEMPLATES_DIR, PageRenderer, SitePage
from tests.conftest import tree_digest
from tests.scale.conftest import site_project


def test_the_page_cache_lets_parts_go_once_handed_out_unless_kept(tmp_path: Path) -> None:
    config = read_site_config(site_project(tmp_path / "project"))
    build = SiteBuild(config.settings())
    project = build.check()
    renderer = PageRenderer(project)
    checked = project.articles[0]
    keys = {checked.article.slug: "key"}
    for keep, misses in ((True, 1), (False, 2)):
        cache = PageCache(None, templates_fingerprint(TEMPLATES_DIR))
        cached = cache.rendering(renderer.article_pages, keys, keep=keep)
        first, second = cached(checked), cached(checked)
        assert cache.misses == misses  # let go: composed again when asked again (a build that runs once never asks)
        assert [page.digest for page in first.pages] == [page.digest for page in second.pages]


def test_a_stored_body_reads_back_exactly_and_the_page_keeps_its_digest(tmp_path: Path) -> None:
    body = "<p>Zoë’s “figure” → 12 %, 🧾</p>"  # beyond ASCII and beyond the first plane: byte for byte
    page = SitePage("articles/a/claims/b", "Title", "Description", dt.date(2024, 3, 1), body, "claim")
    bodies = PageBodies(tmp_path)
    light = bodies.keep(page)
    assert light.body_html == "" and light.digest == page.digest and page.src_uri in bodies
    assert bodies.read(page.src_uri) == body
    assert bodies.read("articles/other/index.md") is None
    child = os.fork()
    if child == 0:  # a forked render worker reads the same file at its own offsets
        os._exit(0 if bodies.read(page.src_uri) == body else 1)
    assert os.waitpid(child, 0)[1] == 0
    bodies.close()
    assert list(tmp_path.iterdir()) == []  # an unnamed file: nothing left behind


def test_a_build_that_runs_once_renders_pages_whose_bodies_it_did_not_keep(tmp_path: Path) -> None:
    config_file = site_project(tmp_path / "project", search="material")
    kept = build_site(str(config_file), site_dir=str(tmp_path / "kept"))  # the `build` command: runs once
    assert kept.ok
    config = load_site_config(str(config_file), False, site_dir=str(tmp_path / "once"))
    plugin = start_plugins(config, "build", 1, None, index_search=False)
    bodies_seen = []
    finish = plugin._finish_build

    def finish_and_look(config):  # type: ignore[no-untyped-def]
        # While the pages are rendered, the generated pages hold no body of their own; MkDocs reads it back.
        pages = [page for page in plugin.pages.values() if isinstance(page, GeneratedPage)]
        bodies_seen.extend((page.site_page.body_html, page.content) for page in pages)
        finish(config)

    plugin._finish_build = finish_and_look  # type: ignore[method-assign]
    mkdocs_build(config, dirty=True)
    assert bodies_seen and all(own == "" and content for own, content in bodies_seen)
    assert plugin.bodies is None  # closed with the build
    assert tree_digest(tmp_path / "once") == tree_digest(tmp_path / "kept")
