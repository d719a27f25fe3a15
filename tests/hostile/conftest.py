"""Fixtures of the hostile-input tests: the clean base project, built once, and its scripts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from tests.hostile.corpus import BASE_DIR
from tests.hostile.site_safety import inline_scripts


@pytest.fixture(scope="session")
def built_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base project of the corpus, built; its site is what a clean build looks like."""
    project = tmp_path_factory.mktemp("base") / "project"
    shutil.copytree(BASE_DIR, project)
    outcome = build_site(str(project / "mkdocs.yml"))
    assert outcome.ok, [str(p) for p in outcome.project.problems] if outcome.project else outcome.site_errors
    return project / "site"


@pytest.fixture(scope="session")
def theme_scripts(built_base: Path) -> set[str]:
    return inline_scripts(built_base)
