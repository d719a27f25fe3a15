"""Shared fixtures: real content in temporary directories, and the demo built once per session."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

# `FACTSITE_TEST_ENGINE=properdocs` runs the suite on ProperDocs: once `properdocs.replacement` is imported, every
# `mkdocs.*` import of this process resolves to ProperDocs (factsite/adapters/mkdocs/engines.py). It must come first.
if os.environ.get("FACTSITE_TEST_ENGINE") == "properdocs":
    import properdocs.replacement  # noqa: F401

import pytest

from factsite.adapters.mkdocs.commands import build_site

REPOSITORY = Path(__file__).resolve().parents[1]


def pytest_report_header() -> str:
    import mkdocs

    engine = "ProperDocs" if "properdocs" in getattr(mkdocs, "__file__", "") else "MkDocs"
    return f"factsite: building with {engine} ({os.path.dirname(mkdocs.__file__)})"


def copy_demo(destination: Path) -> Path:
    """A copy of the demo project (mkdocs.yml, content/, templates/) that a test may change freely."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPOSITORY / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(REPOSITORY / "content", destination / "content")
    shutil.copytree(REPOSITORY / "templates", destination / "templates")
    return destination


def tree_digest(site: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """The SHA-256 of every file under `site` by relative path, leaving out paths starting with `skip`."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and not path.relative_to(site).as_posix().startswith(skip)
    }


@pytest.fixture
def demo_project(tmp_path: Path) -> Path:
    return copy_demo(tmp_path / "project")


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site, built once from a copy of the repository's content."""
    project = copy_demo(tmp_path_factory.mktemp("demo") / "project")
    outcome = build_site(str(project / "mkdocs.yml"))
    assert outcome.ok, [str(p) for p in outcome.project.problems] if outcome.project else outcome.site_errors
    return project / "site"


def ran_where_it_forks(request: pytest.FixtureRequest) -> bool:
    """Whether the test was run again, and passed, in a fresh interpreter: a process running threads never forks
    (`workers.can_fork`), and an earlier test of this process may have left some (the browser tests' driver),
    so a test of what forked processes do runs again where they fork. False: the test runs here."""
    if threading.active_count() == 1:
        return False
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", request.node.nodeid],
                         cwd=REPOSITORY, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:]
    return True


def small_mkdocs_site(root: Path, pages: dict[str, str], nav: str) -> tuple[Any, dict[str, Any]]:
    """A small MkDocs project of Material under `root` (`pages`: path under docs/ -> Markdown; `nav`: the YAML of
    its `nav:`), read and rendered as MkDocs does: its navigation and each page by its path."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    for name, text in pages.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, "utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(f"site_name: S\ntheme: material\nnav: {nav}\n")
    config = load_config(str(config_file))
    files = get_files(config)
    navigation = get_navigation(files, config)
    by_name = {}
    for file in files.documentation_pages():
        page = file.page or Page(None, file, config)
        page.read_source(config)
        page.render(config, files)
        by_name[file.src_uri] = page
    return navigation, by_name


def demo_publishing_as_is(tmp_path: Path, page: bytes) -> Path:
    """The demo with Pagefind's search, publishing `page` as it is (`static_files: allow:`) at archive/2019/, built;
    returns the project. For a site's own HTML, which factsite neither made nor vouches for."""
    project = copy_demo(tmp_path / "project")
    config = project / "mkdocs.yml"
    options = "      search: pagefind\n      static_files:\n        allow: ['archive/*']\n"
    config.write_text(config.read_text("utf-8").replace("  - factsite:\n", "  - factsite:\n" + options, 1), "utf-8")
    published = project / "content" / "archive" / "2019" / "index.html"
    published.parent.mkdir(parents=True)
    published.write_bytes(page)
    outcome = build_site(str(config))
    assert outcome.ok, outcome.site_errors
    return project
