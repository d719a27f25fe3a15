"""The build runs each claim's check and warns when a check contradicts the editor's verdict."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

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


# The ministry's release as a press-conference transcript: the words are the secretary's, not the minister's.
TRANSCRIPT = """\
    excerpt: |
      MINISTER ASHA RAO: Good morning.

      SECRETARY VIKRAM NAIR: We created three lakh jobs this year. That is 300,000 jobs.
"""


def speaker_citations(speaker: str, speaker_type: str = "") -> str:
    citations = CITATIONS.replace(
        '    excerpt: |\n      The minister said: "We created three lakh jobs this year." That is 300,000 jobs.\n',
        TRANSCRIPT,
    )
    typed = f"\n    speaker_type: {speaker_type}" if speaker_type else ""
    return citations.replace("speaker: The minister", f"speaker: {speaker}{typed}")


def test_accurate_verdict_on_a_quote_in_another_speakers_turn_warns(tmp_path: Path) -> None:
    project = project_for(tmp_path, ARTICLE, speaker_citations("Asha Rao"))
    quote = project.claims[0].result
    assert quote.status == "other-speaker" and quote.contradicts_verdict
    assert [p.code for p in project.problems] == ["verdict-contradicts-check"]


@pytest.mark.parametrize(
    ("speaker", "speaker_type"),
    [("Vikram Nair", ""), ("The minister", ""), ("Ministry of Labour", ""), ("Asha Rao", "organization")],
)
def test_a_quote_of_its_speaker_or_of_no_named_person_is_judged_on_its_words(
    tmp_path: Path, speaker: str, speaker_type: str
) -> None:
    project = project_for(tmp_path, ARTICLE, speaker_citations(speaker, speaker_type))
    assert project.claims[0].result.status == "verbatim"
    assert not project.problems
