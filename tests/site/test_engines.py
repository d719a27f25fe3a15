"""`factsite build --engine`: ProperDocs builds the same site as MkDocs; without Zensical installed, `--engine zensical`
stops before building, with exit status 2, and leaves the last site as it was (tests/site/test_zensical.py builds
with it)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.engines import default_engine, installed, loaded_engine
from factsite.commands.cli import EXIT_USAGE, main
from tests.conftest import copy_demo, tree_digest

GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')


def generator(site: Path) -> str:
    found = GENERATOR.search((site / "about" / "index.html").read_text("utf-8"))
    assert found
    return found.group(1)


def test_the_default_engine_is_the_loaded_one_else_mkdocs(built_demo: Path) -> None:
    # In this process: the engine the suite runs on (MkDocs, or ProperDocs with FACTSITE_TEST_ENGINE=properdocs).
    loaded = loaded_engine()
    assert loaded is not None and default_engine() == loaded
    assert generator(built_demo).startswith("mkdocs-1." if loaded == "mkdocs" else "mkdocs-ProperDocs")
    # In a fresh interpreter nothing is loaded yet: MkDocs, since it is installed.
    probe = "from factsite.adapters.mkdocs.engines import default_engine; print(default_engine())"
    fresh = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert fresh.stdout.strip() == "mkdocs"


def test_properdocs_engine_in_a_fresh_interpreter(built_demo: Path, tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "project")
    run = subprocess.run([sys.executable, "-m", "factsite", "build", "--engine", "properdocs"], cwd=project,
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "ProperDocs" in generator(project / "site")
    assert set(tree_digest(project / "site")) == set(tree_digest(built_demo))


def test_properdocs_engine_after_mkdocs_was_imported(built_demo: Path, tmp_path: Path) -> None:
    # This process has imported MkDocs (the session's demo build): the build runs again in a fresh interpreter.
    assert "mkdocs" in sys.modules
    project = copy_demo(tmp_path / "project")
    config = str(project / "mkdocs.yml")
    assert main(["build", "-f", config, "--engine", "properdocs", "--site-dir", str(tmp_path / "out")]) == 0
    assert "ProperDocs" in generator(tmp_path / "out")
    assert set(tree_digest(tmp_path / "out")) == set(tree_digest(built_demo))


@pytest.mark.skipif(installed("zensical"), reason="Zensical is installed: tests/site/test_zensical.py builds with it")
def test_zensical_not_installed_stops_before_building(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_demo(tmp_path / "project")
    last_good = project / "site" / "index.html"
    last_good.parent.mkdir()
    last_good.write_text("the last good site", "utf-8")
    status = main(["build", "-f", str(project / "mkdocs.yml"), "--engine", "zensical"])
    assert status == EXIT_USAGE
    assert "Zensical is not installed" in capsys.readouterr().err
    assert last_good.read_text("utf-8") == "the last good site"
    assert sorted(p.name for p in (project / "site").iterdir()) == ["index.html"]


SERVE_PROBE = """
import json, sys
from factsite.adapters.mkdocs.engines import loaded_engine
from factsite.commands.cli import main
status = main(sys.argv[1:])
print(json.dumps({"status": status, "engine": loaded_engine()}))
"""


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_serve_runs_on_the_engine_chosen(engine: str, tmp_path: Path) -> None:
    # A preview that cannot start (an address already taken) stops after the engine is loaded: it tells which.
    import socket

    project = copy_demo(tmp_path / "project")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        address = f"127.0.0.1:{taken.getsockname()[1]}"
        run = subprocess.run([sys.executable, "-c", SERVE_PROBE, "serve", "--engine", engine, "-a", address],
                             cwd=project, capture_output=True, text=True, timeout=120)  # fmt: skip
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report == {"status": EXIT_USAGE, "engine": engine}, run.stderr
    assert "cannot serve on" in run.stderr


def test_serve_refuses_zensical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_demo(tmp_path / "project")
    assert main(["serve", "-f", str(project / "mkdocs.yml"), "--engine", "zensical"]) == EXIT_USAGE
    error = capsys.readouterr().err
    assert "--engine zensical: the live preview runs on MkDocs or ProperDocs only" in error
