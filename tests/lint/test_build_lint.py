"""The build lints each article: copy errors without a typo claim and unmarked candidates are warnings."""

from __future__ import annotations

from pathlib import Path

from factsite.build.pipeline import check_project
from factsite.model import Severity
from factsite.settings import Settings
from tests.load.article_fixture import ARTICLE, CITATIONS, write_article

UNRECORDED = ARTICLE.replace("[teh]{#typo-teh} ministry.", "[teh]{#typo-teh} ministry. It was the the best year.")


def lint_problems(tmp_path: Path, article: str, citations: str) -> list[str]:
    write_article(tmp_path / "content", article.replace("reviewer: Test desk", "reviewer: Test desk\nlocale: en_IN"),
                  citations)  # fmt: skip
    project = check_project(Settings(content_dir=tmp_path / "content", project_dir=tmp_path))
    assert all(p.severity is Severity.WARNING for p in project.problems)
    return [str(problem) for problem in project.problems]


def test_marked_article_has_no_lint_warnings(tmp_path: Path) -> None:
    assert lint_problems(tmp_path, ARTICLE, CITATIONS) == []


def test_unrecorded_doubled_word_is_a_located_warning(tmp_path: Path) -> None:
    [problem] = lint_problems(tmp_path, UNRECORDED, CITATIONS)
    assert problem.startswith("content/articles/jobs.md:14:86: warning: ")
    assert "the the" in problem
    assert "silence it under 'ignore:' in content/articles/jobs.yaml" in problem


def test_ignore_entry_silences_the_finding(tmp_path: Path) -> None:
    citations = CITATIONS + "ignore:\n  - text: the the\n    reason: Quoted as spoken.\n"
    assert lint_problems(tmp_path, UNRECORDED, citations) == []


def test_unmarked_figure_is_a_candidate(tmp_path: Path) -> None:
    article = ARTICLE.replace("jobs, according to", "jobs, 12% more, according to")
    [problem] = lint_problems(tmp_path, article, CITATIONS)
    assert ":14:" in problem and "12%" in problem and "mark it as a claim" in problem
