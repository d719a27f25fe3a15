"""What a build promises editors: a crash leaves the last site as it was; output is content alone.

The crash is real: a template of the project calls something undefined on one page, so MkDocs fails
after it has written the pages before it. Determinism is checked across separate processes with
different time zones, locales, file creation orders and file times.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.adapters.mkdocs.engines import default_engine
from tests.conftest import REPOSITORY, copy_demo, tree_digest
from tests.hostile.corpus import BASE_DIR

# Raises on the pages `{crashing}` selects, after MkDocs has written the pages before them.
CRASHING_TEMPLATE = """\
{{% extends "base.html" %}}
{{% block content %}}
{{% if {crashing} %}}{{{{ crash_while_rendering() }}}}{{% endif %}}{{{{ super() }}}}
{{% endblock %}}
"""


def leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in project.glob(".site.*"))


def built_project_with_crash(tmp_path: Path, crashing: str) -> tuple[Path, str]:
    """A project built once, then given a template of its own that raises on the pages `crashing` selects;
    returns the project and the digest of its site."""
    project = tmp_path / "project"
    shutil.copytree(BASE_DIR, project)
    assert build_site(str(project / "mkdocs.yml")).ok
    before = tree_digest(project / "site")
    (project / "templates").mkdir()
    (project / "templates" / "main.html").write_text(CRASHING_TEMPLATE.format(crashing=crashing), "utf-8")
    settings = (project / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(
        settings.replace("  name: material\n", "  name: material\n  custom_dir: templates\n")
    )
    return project, before


def test_a_crash_mid_render_leaves_the_previous_site_byte_for_byte(tmp_path: Path) -> None:
    # The sources page is rendered after the index, article and claim pages.
    project, before = built_project_with_crash(tmp_path, 'page.url == "sources/"')
    (project / "content" / "articles" / "jobs.yaml").write_text(
        (project / "content" / "articles" / "jobs.yaml")
        .read_text("utf-8")
        .replace("Jobs report", "Jobs report, revised")
    )
    with pytest.raises(jinja2.UndefinedError, match="crash_while_rendering"):
        build_site(str(project / "mkdocs.yml"))
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_a_crash_in_the_render_processes_names_the_pages_and_leaves_the_site(tmp_path: Path) -> None:
    # In its own process the command forks to render: every claim page fails, in both processes.
    project, before = built_project_with_crash(tmp_path, 'page.meta.factsite_kind == "claim"')
    command = [sys.executable, str(REPOSITORY / "build.py"), "build", "-f", str(project / "mkdocs.yml"), "-j", "2"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode != 0
    assert "rendering pages failed" in finished.stderr
    assert "/claims/" in finished.stderr and "crash_while_rendering" in finished.stderr
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_a_refused_build_leaves_the_previous_site_and_reports_every_problem(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASE_DIR, project)
    config = str(project / "mkdocs.yml")
    assert build_site(config).ok
    before = tree_digest(project / "site")
    article = project / "content" / "articles" / "jobs.md"
    article.write_text(
        article.read_text("utf-8").replace("2024-03-06", "2024-03-32").replace("{#typo-teh}", "{#typo-teh")
    )
    citations = project / "content" / "articles" / "jobs.yaml"
    citations.write_text(citations.read_text("utf-8").replace("verdict: accurate", "verdict: acurate", 1))
    outcome = build_site(config)
    assert not outcome.ok and outcome.project is not None
    assert [str(problem).split("\n")[0] for problem in outcome.project.errors] == [
        "content/articles/jobs.md:6:12: error: front matter: published: '2024-03-32' is not a real calendar date",
        "content/articles/jobs.md:14:56: error: claim mark '#typo-teh' is never closed with '}'",
        "content/articles/jobs.yaml:16:3: error: claim 'jobs-quote': unknown verdict 'acurate'",
    ]
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def build_in_process(project: Path, site: Path, environment: dict[str, str]) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPOSITORY / "build.py"),
            "build",
            "-f",
            "mkdocs.yml",
            "-d",
            str(site),
        ],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY), **environment},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def copy_in_reverse_order(destination: Path) -> Path:
    """The demo project, its files created in reverse order and stamped with other times."""
    source = copy_demo(destination.parent / "ordered")
    files = sorted((path for path in source.rglob("*") if path.is_file()), reverse=True)
    for index, path in enumerate(files):
        target = destination / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
        os.utime(target, (1_000_000_000 + index * 86_400, 1_000_000_000 + index * 86_400))
    shutil.rmtree(source)
    return destination


def test_output_depends_on_the_content_only(tmp_path: Path) -> None:
    first = copy_demo(tmp_path / "first")
    build_in_process(first, tmp_path / "site-utc", {"TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    # The same project again: every check result now comes from the cache.
    build_in_process(first, tmp_path / "site-cached", {"TZ": "Asia/Kolkata", "LANG": "en_IN.UTF-8"})
    second = copy_in_reverse_order(tmp_path / "second")
    turkish = {
        "TZ": "Pacific/Kiritimati",
        "LANG": "tr_TR.UTF-8",
        "LC_ALL": "tr_TR.UTF-8",
        "LANGUAGE": "tr",
    }
    build_in_process(second, tmp_path / "site-reversed", turkish)
    reference = tree_digest(tmp_path / "site-utc")
    assert len(reference) > 40
    assert tree_digest(tmp_path / "site-cached") == reference
    assert tree_digest(tmp_path / "site-reversed") == reference


def test_a_crash_in_a_render_process_keeps_its_traceback_for_verbose(tmp_path: Path) -> None:
    project, before = built_project_with_crash(tmp_path, 'page.meta.factsite_kind == "claim"')
    command = [sys.executable, str(REPOSITORY / "build.py"), "build", "-f", str(project / "mkdocs.yml"), "-j", "2"]
    short = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert short.returncode == 1
    assert "Traceback" not in short.stderr and "--verbose" in short.stderr
    assert "/claims/" in short.stderr and "crash_while_rendering" in short.stderr
    verbose = subprocess.run([*command, "--verbose"], capture_output=True, text=True, timeout=300)
    assert verbose.returncode == 1
    # The failure in the child, with the template line where it happened, as the child saw it.
    assert "In a build process:" in verbose.stderr
    assert 'main.html", line 3' in verbose.stderr
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_a_crash_in_the_build_is_located_at_the_template_line(tmp_path: Path) -> None:
    # A small site builds in the command's own process (a large one in a child, whose traceback travels back as
    # the exception's cause: tests/test_forking.py); either way the user gets the place, --verbose the traceback.
    project, before = built_project_with_crash(tmp_path, 'page.url == "sources/"')
    command = [sys.executable, str(REPOSITORY / "build.py"), "build", "-f", str(project / "mkdocs.yml")]
    short = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert short.returncode == 1
    assert f"error: {project / 'templates' / 'main.html'}:3: UndefinedError: 'crash_while_rendering' is undefined" \
        in short.stderr  # fmt: skip
    assert "Traceback" not in short.stderr
    verbose = subprocess.run([*command, "--verbose"], capture_output=True, text=True, timeout=300)
    assert "Traceback" in verbose.stderr and "crash_while_rendering" in verbose.stderr
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_a_refused_build_says_why_once_and_after_the_list(tmp_path: Path) -> None:
    """The command's whole output on content errors: each error located, then the summary; no line of MkDocs'
    saying the errors are "listed above" before any is listed, nor its "Aborted with a BuildError!"."""
    project = tmp_path / "project"
    shutil.copytree(BASE_DIR, project)
    citations = project / "content" / "articles" / "jobs.yaml"
    citations.write_text(citations.read_text("utf-8").replace("verdict: accurate", "verdict: acurate", 1))
    result = subprocess.run(
        [sys.executable, "-m", "factsite", "build", "--engine", default_engine()],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "content/articles/jobs.yaml:16:3: error: claim 'jobs-quote': unknown verdict 'acurate'" in output
    assert "listed above" not in output
    assert "Aborted" not in output
    assert "Traceback" not in output
    assert not (project / "site").exists()
