"""The processes a small build starts beside its own (Pagefind's index beside the data files, the cards drawn apart):
the same site as a build that starts none, and nothing left behind by a build that fails while they run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from factsite.adapters.mkdocs import search
from factsite.adapters.mkdocs.commands import build_site
from tests.conftest import REPOSITORY, ran_where_it_forks, tree_digest
from tests.scale.conftest import pagefind_project as pagefind_project

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="a build starts processes beside it only by forking")

# A page a site's own MkDocs hook writes once the build's plugins are done, as a hook that adds a page does.
HOOK_PAGE = """\
import time
from pathlib import Path


def on_post_build(config, **kwargs):
    time.sleep(0.3)  # as a slower hook does: the page comes after the factsite plugin's own work
    page = Path(config.site_dir) / "desk-notes" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        '<!doctype html><html lang="en"><head><title>Desk notes</title></head><body>'
        '<article class="md-content__inner"><h1>Desk notes</h1><p>Zanzibar harbour tonnage.</p></article>'
        "</body></html>",
        "utf-8",
    )
"""

# A hook that stops the build after the factsite plugin's own work (a site's own publication check).
HOOK_FAILS = """\
import time

from mkdocs.exceptions import PluginError


def on_post_build(config, **kwargs):
    time.sleep(float(__import__("os").environ.get("FACTSITE_TEST_HOOK_DELAY", "0.05")))
    raise PluginError("the desk's publication check failed")
"""


def _with_hook(config_file: Path, source: str) -> None:
    (config_file.parent / "hooks.py").write_text(source, "utf-8")
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["hooks"] = ["hooks.py"]
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")


def test_a_page_a_hook_writes_is_indexed_with_any_number_of_jobs(
    pagefind_project: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if ran_where_it_forks(request):
        return
    # Pagefind indexes the whole site MkDocs wrote, whatever runs after the factsite plugin: with one process and
    # with two, the same index.
    _with_hook(pagefind_project, HOOK_PAGE)
    one = build_site(str(pagefind_project), site_dir=str(tmp_path / "one"), jobs=1)
    shutil.rmtree(pagefind_project.parent / ".factsite-cache")
    two = build_site(str(pagefind_project), site_dir=str(tmp_path / "two"), jobs=2)
    assert one.ok and two.ok
    assert (tmp_path / "two" / "desk-notes" / "index.html").is_file()
    assert tree_digest(tmp_path / "one" / "pagefind") == tree_digest(tmp_path / "two" / "pagefind")
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


@pytest.mark.parametrize("delay", ["0", "0.1"])
def test_a_build_that_fails_while_pagefind_indexes_leaves_nothing_behind(
    pagefind_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, delay: str, request: pytest.FixtureRequest
) -> None:
    if ran_where_it_forks(request):
        return
    # The first build of a site (no published index) indexes beside its data files; a hook then stops it. The
    # build fails with the hook's error, no new site, and neither Pagefind nor its working files outlive it.
    monkeypatch.setenv("FACTSITE_TEST_HOOK_DELAY", delay)
    _with_hook(pagefind_project, HOOK_FAILS)
    root = pagefind_project.parent
    before = set(os.listdir(root))
    failed = build_site(str(pagefind_project), jobs=2)
    assert not failed.ok and failed.site_errors
    time.sleep(1.0)  # what a process left running would write meanwhile
    left = sorted(set(os.listdir(root)) - before - {".factsite-cache", "__pycache__"})  # the hook compiled
    assert left == []
    # A later build, without the hook, is whole.
    config = yaml.safe_load(pagefind_project.read_text("utf-8"))
    del config["hooks"]
    pagefind_project.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    again = build_site(str(pagefind_project), jobs=2)
    assert again.ok and (root / "site" / "pagefind").is_dir()


def _children() -> list[str]:
    """This process's children, running or not yet waited for (Linux)."""
    return Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="children listed by Linux's /proc")
def test_a_build_that_fails_after_its_cards_started_leaves_no_process(
    demo_project: Path, request: pytest.FixtureRequest
) -> None:
    if ran_where_it_forks(request):
        return
    # The demo's cards are drawn in a child while its pages are composed; an editor page's error then stops the
    # build before the data files. The build returns with nothing of it still running.
    about = demo_project / "content" / "about.md"
    about.write_text(about.read_text("utf-8") + "\n![Logo](https://cdn.example.com/logo.png)\n", "utf-8")
    earlier = set(_children())  # an earlier test's, in this process
    failed = build_site(str(demo_project / "mkdocs.yml"), jobs=2)
    assert not failed.ok and failed.project is not None and failed.project.errors
    assert set(_children()) <= earlier
    # A later build, the page fixed, is whole, its cards drawn.
    about.write_text(about.read_text("utf-8").replace("![Logo](https://cdn.example.com/logo.png)", ""), "utf-8")
    again = build_site(str(demo_project / "mkdocs.yml"), jobs=2)
    assert again.ok and len(list((demo_project / "site").rglob("card.png"))) > len(again.project.articles)
    assert set(_children()) <= earlier


# A hook that lists the pages MkDocs rendered, as a site's own hook that writes a page list (llms.txt) does.
HOOK_LISTS_PAGES = """\
from pathlib import Path

rendered = []


def on_pre_build(config, **kwargs):
    rendered.clear()


def on_post_page(output, page, config, **kwargs):
    rendered.append(page.file.dest_uri)
    return output


def on_post_build(config, **kwargs):
    Path(config.site_dir, "pages.txt").write_text("\\n".join(sorted(rendered)), "utf-8")
"""


def test_a_hook_sees_every_page_rendered_with_any_number_of_jobs(
    demo_project: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if ran_where_it_forks(request):
        return
    # The demo's pages are rendered beside Material's search with two processes: a hook of the site's own that
    # listens to each rendered page still hears of every one, as with one process.
    config_file = demo_project / "mkdocs.yml"
    _with_hook(config_file, HOOK_LISTS_PAGES)
    one = build_site(str(config_file), site_dir=str(tmp_path / "one"), jobs=1)
    shutil.rmtree(demo_project / ".factsite-cache")
    two = build_site(str(config_file), site_dir=str(tmp_path / "two"), jobs=2)
    assert one.ok and two.ok and two.rendered == two.pages >= 32
    listed = (tmp_path / "one" / "pages.txt").read_text("utf-8").split("\n")
    assert len(listed) > two.pages
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


def test_the_index_of_a_site_in_three_languages_is_the_same_file_each_time(demo_project: Path, tmp_path: Path) -> None:
    # Pagefind lists its languages in any order (a hash map): the demo's English, Hindi and Arabic pages indexed
    # again and again give the same entry file, byte for byte.
    config_file = demo_project / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text("utf-8").replace("  - factsite:\n", "  - factsite:\n      search: pagefind\n", 1),
        "utf-8",
    )
    assert build_site(str(config_file), site_dir=str(tmp_path / "site")).ok
    entry = (tmp_path / "site" / "pagefind" / "pagefind-entry.json").read_bytes()
    assert len(yaml.safe_load(entry)["languages"]) == 3
    for attempt in range(4):
        search.index_site(tmp_path / "site", output=tmp_path / f"index-{attempt}")
        assert (tmp_path / f"index-{attempt}" / "pagefind-entry.json").read_bytes() == entry


# Ctrl-C reaching the build's own process only (`kill -INT`, a runner's timeout), once the factsite plugin is done.
HOOK_INTERRUPTS = """\
def on_shutdown(**kwargs):
    raise KeyboardInterrupt
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="children listed by Linux's /proc")
def test_a_build_interrupted_while_pagefind_indexes_leaves_nothing_behind(
    pagefind_project: Path, request: pytest.FixtureRequest
) -> None:
    if ran_where_it_forks(request):
        return
    _with_hook(pagefind_project, HOOK_INTERRUPTS)
    root = pagefind_project.parent
    before = set(os.listdir(root))
    earlier = set(_children())  # an earlier test's, in this process
    with pytest.raises(KeyboardInterrupt):
        build_site(str(pagefind_project), jobs=2)
    assert set(_children()) <= earlier
    time.sleep(1.0)  # what a process left running would write meanwhile
    assert sorted(set(os.listdir(root)) - before - {".factsite-cache", "__pycache__"}) == []  # the hook compiled


def test_a_template_error_in_pages_rendered_beside_the_search_is_located(
    demo_project: Path, request: pytest.FixtureRequest
) -> None:
    if ran_where_it_forks(request):
        return
    # The demo's claim pages are rendered in a child beside Material's search; a template of the site's own fails
    # on them. As in one process: the template's file and line, the page, no traceback, the site as it was.
    command = [sys.executable, str(REPOSITORY / "build.py"), "build", "-f", str(demo_project / "mkdocs.yml"), "-j", "2"]
    assert subprocess.run(command, capture_output=True, text=True, timeout=300).returncode == 0
    before = tree_digest(demo_project / "site")
    (demo_project / "overrides").mkdir()
    (demo_project / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n'
        '{% if page.meta.factsite_kind == "claim" %}{{ crash_while_rendering() }}{% endif %}{{ super() }}\n'
        "{% endblock %}\n",
        "utf-8",
    )
    settings = (demo_project / "mkdocs.yml").read_text("utf-8")
    (demo_project / "mkdocs.yml").write_text(
        settings.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1), "utf-8"
    )
    failed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert failed.returncode == 1
    located = [line for line in failed.stderr.splitlines() if line.startswith("error: ")]
    assert any(f"{demo_project / 'overrides' / 'main.html'}:3: " in line and "crash_while_rendering" in line
               and "/claims/" in line for line in located), failed.stderr  # fmt: skip
    assert "Traceback" not in failed.stderr
    assert tree_digest(demo_project / "site") == before


# Ctrl-C at a terminal reaches every process of the build: Pagefind's indexing beside the data files as well.
HOOK_INTERRUPTS_ALL = """\
import os, signal

def on_shutdown(**kwargs):
    for child in open(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read().split():
        os.kill(int(child), signal.SIGINT)
    raise KeyboardInterrupt
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="children listed by Linux's /proc")
def test_a_build_interrupted_with_its_indexing_leaves_no_staging_folder(
    pagefind_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    if ran_where_it_forks(request):
        return
    executable = search.pagefind_executable()
    assert executable is not None
    slow = tmp_path / "pagefind"  # still indexing when the build is interrupted
    slow.write_text(f'#!/bin/sh\nsleep 1\nexec "{executable}" "$@"\n', "utf-8")
    slow.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(slow))
    _with_hook(pagefind_project, HOOK_INTERRUPTS_ALL)
    root = pagefind_project.parent
    before = set(os.listdir(root))
    with pytest.raises(KeyboardInterrupt):
        build_site(str(pagefind_project), jobs=2)
    assert _children() == []
    # Left beside the project by the build: its cache and, where Python writes them, the hook's compiled module.
    assert sorted(set(os.listdir(root)) - before - {".factsite-cache", "__pycache__"}) == []
