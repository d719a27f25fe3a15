"""The build runs each claim's check and warns when a check contradicts the editor's verdict."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from factsite.build.pipeline import check_project
from factsite.model import Severity
from factsite.settings import Settings
from tests.load.article_fixture import ARTICLE, CITATIONS, write_article

MISQUOTE = ARTICLE.replace("we created three lakh jobs", "we created three million new jobs")
WRONG_FIGURE = ARTICLE.replace("It was [3,00,000]", "It was [3,50,000]")


def project_for(tmp_path: Path, article: str, citations: str, strict: bool = False):  # type: ignore[no-untyped-def]
    write_article(tmp_path / "content", article, citations)
    settings = Settings(content_dir=tmp_path / "content", project_dir=tmp_path, strict=strict, lint=False)
    return check_project(settings)


def test_checks_run_for_every_kind(tmp_path: Path) -> None:
    project = project_for(tmp_path, ARTICLE, CITATIONS)
    results = {c.claim.id: c.result for c in project.claims}
    assert results["jobs-quote"].status == "verbatim"
    assert results["on-tuesday"].status == "match"
    assert results["jobs-figure"].status == "match"
    assert results["typo-teh"].status == "corrected"
    assert not project.problems


def test_accurate_verdict_on_an_altered_quote_warns_with_location(tmp_path: Path) -> None:
    project = project_for(tmp_path, MISQUOTE, CITATIONS)
    [problem] = project.problems
    assert problem.severity is Severity.WARNING
    assert str(problem.location) == "content/articles/jobs.yaml:10:3"
    assert problem.message.startswith("claim 'jobs-quote' is rated 'accurate' but the quote check finds:")
    assert project.claims[0].result.contradicts_verdict


def test_accurate_verdict_on_an_overstated_figure_warns(tmp_path: Path) -> None:
    project = project_for(tmp_path, WRONG_FIGURE, CITATIONS)
    assert [p.code for p in project.problems] == ["verdict-contradicts-check"]
    assert "figure check finds: “3,50,000” reads as 350,000, overstated" in project.problems[0].message


def test_strict_makes_the_contradiction_an_error(tmp_path: Path) -> None:
    project = project_for(tmp_path, MISQUOTE, CITATIONS, strict=True)
    assert [p.severity for p in project.problems] == [Severity.ERROR]


def test_an_unfavourable_verdict_does_not_contradict_a_failing_check(tmp_path: Path) -> None:
    citations = CITATIONS.replace(
        "speaker: The minister\n    verdict: accurate", 'speaker: The minister\n    verdict: "false"'
    )
    project = project_for(tmp_path, MISQUOTE, citations)
    assert not project.problems
    assert replace(project.claims[0].result, contradicts_verdict=False) == project.claims[0].result
