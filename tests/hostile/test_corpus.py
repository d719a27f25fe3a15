"""Every case of the hostile-input corpus: refused with located problems, or built safe to read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.build.pipeline import check_project
from factsite.settings import Settings
from tests.hostile.corpus import Case, load_cases, materialise
from tests.hostile.site_safety import markup_texts, unsafe_parts

CASES = load_cases()
PARSER_INTERNALS = re.compile(r"\b(?:Scalar|Mapping|Sequence)Node\(|tag:yaml\.org|<(?:block|stream|flow)[^>]*>")
UNSHOWN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def params(cases: list[Case]) -> list:  # type: ignore[type-arg]
    return [
        pytest.param(case, id=case.name, marks=[pytest.mark.xfail(strict=False, reason=case.known_gap)])
        if case.known_gap
        else pytest.param(case, id=case.name)
        for case in cases
    ]


REFUSED = params([case for case in CASES if not case.builds])
BUILT = params([case for case in CASES if case.builds])


def reported_problems(project: Path) -> str:
    checked = check_project(Settings(content_dir=project / "content", project_dir=project))
    return "".join(f"{problem}\n" for problem in checked.problems)


def case_insensitive(directory: Path) -> bool:
    probe = directory / "Case-Probe"
    probe.touch()
    try:
        return (directory / "case-probe").exists()
    finally:
        probe.unlink()


@pytest.mark.parametrize("case", REFUSED)
def test_refused_content_is_reported_where_it_is(case: Case, tmp_path: Path) -> None:
    if case.needs_case_sensitive_names and case_insensitive(tmp_path):
        pytest.skip("this file system cannot hold two names that differ only in case")
    project = materialise(case, tmp_path / "project")
    reported = reported_problems(project)
    assert reported == case.expected_problems()
    # Whatever the content, a message shows neither the parser's internals nor characters that would
    # change how a terminal shows it.
    assert not PARSER_INTERNALS.search(reported), reported
    assert not UNSHOWN.search(reported), reported


@pytest.mark.parametrize("case", BUILT)
def test_built_content_cannot_run_in_a_browser(case: Case, tmp_path: Path, theme_scripts: set[str]) -> None:
    project = materialise(case, tmp_path / "project")
    outcome = build_site(str(project / "mkdocs.yml"))
    assert outcome.ok, [str(p) for p in outcome.project.problems] if outcome.project else outcome.site_errors
    site = project / "site"
    assert [fault for fault in unsafe_parts(site, theme_scripts)] == []
    expectation = case.expected_site()
    files = {
        path.relative_to(site).as_posix(): path.read_text("utf-8", errors="replace")
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.suffix != ".gz"
    }
    for text in expectation.absent:
        assert [name for name, data in files.items() if text in data] == [], f"{text!r} was published"
    markup = markup_texts(site)
    for text in expectation.absent_in_markup:
        assert [name for name, data in markup.items() if text in data] == [], f"{text!r} is in markup"
    for name, text in expectation.present:
        holders = [name] if name else list(files)
        assert any(text in files[holder] for holder in holders), f"{text!r} is missing from {name or 'the site'}"


def test_the_base_project_is_safe_and_clean(built_base: Path, theme_scripts: set[str]) -> None:
    assert [fault for fault in unsafe_parts(built_base, theme_scripts)] == []
    assert len(theme_scripts) >= 2, "the theme's inline scripts were found"


def test_every_page_has_a_policy(built_base: Path, theme_scripts: set[str]) -> None:
    policies = [path for path in built_base.rglob("*.html") if "Content-Security-Policy" in path.read_text("utf-8")]
    assert len(policies) == len(list(built_base.rglob("*.html")))
    assert (built_base / "404.html") in policies


MARK_CASES = [case for case in CASES if case.name.startswith("mark-") and not case.builds]


@pytest.mark.parametrize("case", params(MARK_CASES))
def test_build_refuses_every_mark_that_check_refuses(case: Case, tmp_path: Path) -> None:
    # `check` and `build` agree: a mark that cannot render stops the build with the same located problems.
    project = materialise(case, tmp_path / "project")
    outcome = build_site(str(project / "mkdocs.yml"))
    assert not outcome.ok
    assert outcome.project is not None
    # The site-wide checklist (trust pages) speaks of the whole site, not of the article: left out here.
    article_problems = [p for p in outcome.project.problems if p.location.path.startswith("content/articles/")]
    assert "".join(f"{problem}\n" for problem in article_problems) == case.expected_problems()
    assert not (project / "site").exists()
