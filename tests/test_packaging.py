"""factsite installed from its wheel, away from any checkout, builds a site: the templates travel in the package."""

from __future__ import annotations

import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # No build isolation: hatchling comes with the test extras, so no network is needed.
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run([*command, "--wheel-dir", str(out), str(REPOSITORY)], check=True, capture_output=True, timeout=300)
    [built] = out.glob("factsite-*.whl")
    return built


def test_the_wheel_carries_every_template(wheel: Path) -> None:
    templates = REPOSITORY / "templates"
    wanted = {f"factsite/templates/{p.relative_to(templates).as_posix()}" for p in templates.rglob("*") if p.is_file()}
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "factsite/templates/pages/claim.html" in wanted
    assert wanted <= names
    assert "factsite/py.typed" in names


def dependencies_of_this_environment() -> list[str]:
    """The site directories this test runs with, where factsite's dependencies are installed.

    A new environment with `--system-site-packages` sees the base interpreter's, not those of the virtual environment
    the tests run in; installing the dependencies again would need the network. So the new environment gets these
    directories as plain lines of a .pth file: Python appends them to sys.path after its own site-packages, where the
    wheel is, and does not read the .pth files inside them, so an editable factsite there (a path to this checkout)
    stays out of sight."""
    directories = site.getsitepackages()
    if site.ENABLE_USER_SITE:
        directories.append(site.getusersitepackages())
    return [directory for directory in dict.fromkeys(directories) if Path(directory).is_dir()]


def test_an_installed_wheel_builds_a_site_without_a_checkout(wheel: Path, tmp_path: Path) -> None:
    environment = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(environment)], check=True, timeout=120)
    python = environment / "bin" / "python"
    own_site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                              check=True, capture_output=True, text=True).stdout.strip()  # fmt: skip
    (Path(own_site) / "outer-dependencies.pth").write_text("\n".join(dependencies_of_this_environment()) + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    project = tmp_path / "desk"
    shutil.copytree(REPOSITORY / "content", project / "content")
    config = (REPOSITORY / "mkdocs.yml").read_text("utf-8")
    assert "custom_dir" not in config  # the theme overrides come with the package
    (project / "mkdocs.yml").write_text(config, "utf-8")

    where = subprocess.run([str(python), "-c", "import factsite.render.pages as p; print(p.TEMPLATES_DIR)"],
                           cwd=project, check=True, capture_output=True, text=True)  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(environment)
    built = subprocess.run([str(python), "-m", "factsite", "build"], cwd=project, capture_output=True,
                           text=True, timeout=300)  # fmt: skip
    assert built.returncode == 0, built.stderr
    claim_pages = list((project / "site" / "articles").glob("*/claims/*/index.html"))
    assert len(claim_pages) > 20
    assert 'class="fs-verdict' in claim_pages[0].read_text("utf-8")
