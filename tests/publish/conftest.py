"""Built sites for the publication tests: the demo once per session, and small fixture sites."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import BuildOutcome, build_site
from factsite.model import Project
from tests.publish.site_fixture import write_site

REPOSITORY = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class BuiltSite:
    config_file: Path
    site_dir: Path
    project: Project


def build(config_file: Path, *, strict: bool = False) -> BuildOutcome:
    return build_site(str(config_file), strict=strict, site_dir=str(config_file.parent / "site"))


def built(config_file: Path) -> BuiltSite:
    outcome = build(config_file)
    assert outcome.ok, [str(p) for p in outcome.project.problems] if outcome.project else outcome
    assert outcome.project is not None
    return BuiltSite(config_file, outcome.site_dir, outcome.project)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The demo of the repository, built from a copy."""
    project = tmp_path_factory.mktemp("publish-demo")
    shutil.copy(REPOSITORY / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("content", "templates"):
        shutil.copytree(REPOSITORY / folder, project / folder)
    return built(project / "mkdocs.yml")


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture site: corrections, an archived article, a typo and an unreviewed claim."""
    return built(write_site(tmp_path_factory.mktemp("publish-small")))
