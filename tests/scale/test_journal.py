"""An edit's changes published over the site with a journal: the site folder stays, only changed files are
replaced, and a failed or killed publication leaves (or gives back) the previous site exactly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.build.journal import apply_plan, publish_changes, write_plan
from factsite.build.write import staging_dir
from tests.conftest import tree_digest
from tests.scale.conftest import EDITS, replace_in


def _folders(site: Path) -> list[str]:
    return sorted(str(path.relative_to(site)) for path in site.rglob("*") if path.is_dir())


def test_an_edit_replaces_only_the_changed_files_in_the_site_folder(project: Path) -> None:
    site = project.parent / "site"
    assert build_site(str(project)).ok
    folder = site.stat().st_ino
    inodes = {path: path.stat().st_ino for path in site.rglob("*") if path.is_file()}
    EDITS["a claim's note"](project.parent)
    again = build_site(str(project))
    assert again.ok and again.rendered == 1
    assert site.stat().st_ino == folder  # published over the site, not a new folder swapped in
    replaced = [path for path, inode in inodes.items() if path.stat().st_ino != inode]
    assert replaced and len(replaced) < len(inodes) / 4
    assert not list(project.parent.glob(".site.journal-*"))


def test_the_files_a_new_site_lacks_are_removed_with_their_folders(project: Path, tmp_path: Path) -> None:
    assert build_site(str(project)).ok
    site = project.parent / "site"
    EDITS["an article removed"](project.parent)
    assert build_site(str(project)).ok
    shutil.rmtree(project.parent / ".factsite-cache")
    assert build_site(str(project), site_dir=str(tmp_path / "fresh")).ok
    assert tree_digest(site) == tree_digest(tmp_path / "fresh")
    assert _folders(site) == _folders(tmp_path / "fresh")  # no empty folder left behind


def test_a_change_of_search_engine_removes_the_old_index(tmp_path: Path) -> None:
    from tests.scale.conftest import site_project

    config_file = site_project(tmp_path / "project", search="pagefind")
    site = config_file.parent / "site"
    assert build_site(str(config_file)).ok and (site / "pagefind").is_dir()
    replace_in(config_file, "search: pagefind", "search: material")
    assert build_site(str(config_file)).ok
    assert not (site / "pagefind").exists() and (site / "search" / "search_index.json").is_file()


def _staged_change(project: Path, tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A published site, and a staging folder replacing two of its files and adding one."""
    assert build_site(str(project)).ok
    site = project.parent / "site"
    staging = tmp_path / "staging"
    for relative, text in (("index.html", "new home"), ("claims.json", "[]"), ("new/page/index.html", "new")):
        (staging / relative).parent.mkdir(parents=True, exist_ok=True)
        (staging / relative).write_text(text, "utf-8")
    return site, staging, tree_digest(site)


def test_a_failure_while_publishing_puts_every_file_back(project: Path, tmp_path: Path) -> None:
    site, staging, before = _staged_change(project, tmp_path)
    folders = _folders(site)
    # A file of the site where the new site has a folder: the last file cannot be put in place.
    (staging / "robots.txt").unlink(missing_ok=True)
    (site / "zz").write_text("a file", "utf-8")
    (staging / "zz" / "index.html").parent.mkdir(parents=True)
    (staging / "zz" / "index.html").write_text("new", "utf-8")
    before = tree_digest(site)
    with pytest.raises(OSError):
        publish_changes(staging, site, ["sitemap.xml"])
    assert tree_digest(site) == before
    assert _folders(site) == folders
    assert not list(site.parent.glob(".site.journal-*"))


@pytest.mark.parametrize("steps", ["plan written", "files moved"])
def test_a_killed_publication_is_rolled_back_by_the_next_build(project: Path, tmp_path: Path, steps: str) -> None:
    site, staging, before = _staged_change(project, tmp_path)
    folders = _folders(site)
    # What a build killed before its journal was committed leaves: the plan, and perhaps every file moved.
    journal = write_plan(staging, site.resolve(), ["sitemap.xml"])
    if steps == "files moved":
        apply_plan(journal, staging, site.resolve())
        assert tree_digest(site) != before
    staging_dir(site)  # the next build starts
    assert tree_digest(site) == before
    assert _folders(site) == folders
    assert not journal.exists()
    assert build_site(str(project)).ok  # and builds as usual
    assert tree_digest(site) == before


def test_the_journal_of_a_build_still_running_is_left_alone(project: Path, tmp_path: Path) -> None:
    site, staging, before = _staged_change(project, tmp_path)
    journal = write_plan(staging, site.resolve(), ["sitemap.xml"])
    apply_plan(journal, staging, site.resolve())
    published = tree_digest(site)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        # The same journal as another build, still running, would have it: that build is mid-publication.
        theirs = journal.with_name(f".site.journal-{running.pid}")
        journal.rename(theirs)
        staging_dir(site)  # a second build starts meanwhile
        assert theirs.is_dir() and tree_digest(site) == published
    finally:
        running.kill()
        running.wait()
    staging_dir(site)  # once that process is gone, its journal is a leftover: rolled back
    assert not theirs.exists() and tree_digest(site) == before


def test_a_site_without_a_complete_manifest_is_replaced_whole(project: Path) -> None:
    site = project.parent / "site"
    assert build_site(str(project)).ok
    for manifest in (project.parent / ".factsite-cache" / "sites").glob("*.json"):
        os.remove(manifest)
    folder = site.stat().st_ino
    EDITS["a claim's note"](project.parent)
    assert build_site(str(project)).ok
    assert site.stat().st_ino != folder


def test_an_edit_published_over_a_site_without_its_index_indexes_the_whole_site(tmp_path: Path) -> None:
    from tests.scale.conftest import site_project

    config_file = site_project(tmp_path / "project", search="pagefind")
    site = config_file.parent / "site"
    assert build_site(str(config_file)).ok
    shutil.rmtree(site / "pagefind")  # deleted by hand: the staging folder holds only the edit's pages
    EDITS["a claim's note"](config_file.parent)
    assert build_site(str(config_file)).ok
    shutil.rmtree(config_file.parent / ".factsite-cache")
    assert build_site(str(config_file), site_dir=str(tmp_path / "fresh")).ok
    assert tree_digest(site) == tree_digest(tmp_path / "fresh")
