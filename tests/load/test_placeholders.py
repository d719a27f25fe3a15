"""Nothing unfinished is published: stand-in values and verdicts without evidence are reported where they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.build.pipeline import check_project
from factsite.settings import Settings
from tests.hostile.corpus import BASE_DIR
from tests.load.article_fixture import ARTICLE, CITATIONS, write_article

MD = "content/articles/jobs.md"
YAML = "content/articles/jobs.yaml"


def problems_for(tmp_path: Path, article: str = ARTICLE, citations: str = CITATIONS, strict: bool = False):  # type: ignore[no-untyped-def]
    write_article(tmp_path / "content", article, citations)
    settings = Settings(content_dir=tmp_path / "content", project_dir=tmp_path, lint=False, strict=strict)
    return check_project(settings)


def reported(tmp_path: Path, article: str = ARTICLE, citations: str = CITATIONS) -> list[str]:
    return [str(problem) for problem in problems_for(tmp_path, article, citations).problems]


PLACEHOLDERS = [
    pytest.param(
        ARTICLE.replace("outlet: Example News", "outlet: TODO"),
        CITATIONS,
        f"{MD}:4:9: warning: front matter: outlet: 'TODO' is a placeholder, not a value to publish\n"
        "    hint: replace it with the publication's name",
        id="todo-outlet",
    ),
    pytest.param(
        ARTICLE.replace("reviewer: Test desk", "reviewer: Desk (TBD)"),
        CITATIONS,
        f"{MD}:7:17: warning: front matter: reviewer: 'TBD' is a placeholder, not a value to publish\n"
        "    hint: replace it with who checked the article",
        id="tbd-inside-a-value",
    ),
    pytest.param(
        ARTICLE.replace("url: https://news.example.com/jobs", "url: https://example.invalid/TODO"),
        CITATIONS,
        f"{MD}:3:14: warning: front matter: url: 'example.invalid' is a reserved example address, not a real one\n"
        "    hint: replace it with the real address (where the article was published)",
        id="invalid-host",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("url: https://gov.example.org/jobs", "url: https://www.example.com/jobs"),
        f"{YAML}:5:18: warning: source 'ministry-release': url: 'www.example.com' is a reserved example address,"
        " not a real one\n    hint: replace it with the real address (where the source is)",
        id="example-com-host",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("url: https://gov.example.org/jobs", "url: https://ministry.test/jobs"),
        f"{YAML}:5:18: warning: source 'ministry-release': url: 'ministry.test' is a reserved example address,"
        " not a real one\n    hint: replace it with the real address (where the source is)",
        id="test-host",
    ),
    pytest.param(
        ARTICLE.replace("summary: The figure is right; the quote is not.", "summary: ''"),
        CITATIONS,
        f"{MD}:8:10: warning: front matter: 'summary' is empty\n"
        "    hint: write the fact-check's conclusion, in Markdown",
        id="empty-summary",
    ),
    pytest.param(
        ARTICLE.replace("summary: The figure is right; the quote is not.", "summary:"),
        CITATIONS,
        f"{MD}:8:9: warning: front matter: 'summary' is empty\n"
        "    hint: write the fact-check's conclusion, in Markdown",
        id="null-summary",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("title: Jobs report", 'title: "Jobs report FIXME"'),
        f"{YAML}:3:25: warning: source 'ministry-release': title: 'FIXME' is a placeholder, not a value to publish\n"
        "    hint: replace it with the source's own title",
        id="fixme-in-quotes",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace(
            "    speaker: The minister\n", "    speaker: The minister\n    note: |\n      Lorem Ipsum dolor\n"
        ),
        f"{YAML}:13:11: warning: claim 'jobs-quote': note: 'Lorem Ipsum' is a placeholder, not a value to publish\n"
        "    hint: replace it with the editor's explanation, in Markdown",
        id="lorem-ipsum-in-a-block",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("    correction: the\n", "    correction: the\n    note: XXX\n"),
        f"{YAML}:28:11: warning: claim 'typo-teh': note: 'XXX' is a placeholder, not a value to publish\n"
        "    hint: replace it with the editor's explanation, in Markdown",
        id="xxx",
    ),
]


@pytest.mark.parametrize(("article", "citations", "expected"), PLACEHOLDERS)
def test_a_placeholder_is_a_located_warning(tmp_path: Path, article: str, citations: str, expected: str) -> None:
    assert reported(tmp_path, article, citations) == [expected]


@pytest.mark.parametrize(
    "text",
    ["Todo el mundo", "TODOS LOS DIAS", "mastodon", "TODO-list app", "the X-XXX-1 form", "Fixme Ltd", "tbd"],
)
def test_words_that_only_contain_a_placeholder_are_not_one(tmp_path: Path, text: str) -> None:
    assert reported(tmp_path, ARTICLE.replace("outlet: Example News", f"outlet: {text}")) == []


def test_a_placeholder_fails_a_strict_build(tmp_path: Path) -> None:
    project = problems_for(tmp_path, ARTICLE.replace("reviewer: Test desk", "reviewer: TODO"), strict=True)
    assert [p.severity.value for p in project.problems] == ["error"]


def test_a_value_that_does_not_read_is_not_also_a_placeholder(tmp_path: Path) -> None:
    # One mistake, one problem: "TODO" where a URL belongs is not a URL, and that is what is said.
    problems = reported(tmp_path, ARTICLE.replace("url: https://news.example.com/jobs", "url: TODO"))
    assert problems == [
        f"{MD}:3:6: error: front matter: url: 'TODO' is not an http(s) URL\n"
        "    hint: give the full address, starting with https:// (or http://)"
    ]


ON_TUESDAY = "    verdict: accurate\n  on-tuesday"
NO_SOURCES = CITATIONS.replace(
    "    verdict: accurate\n    sources: [ministry-release]\n  on-tuesday", "    verdict: accurate\n  on-tuesday"
)
EVIDENCE = [
    pytest.param(
        NO_SOURCES,
        f"{YAML}:13:14: error: claim 'jobs-quote' is rated 'accurate' but cites no sources and has no note:"
        " a verdict needs its evidence\n    hint: cite what the verdict rests on in 'sources:' and explain it in"
        " 'note:', or set verdict: unreviewed",
        id="neither-sources-nor-note",
    ),
    pytest.param(
        NO_SOURCES.replace(ON_TUESDAY, "    verdict: accurate\n    sources: []\n  on-tuesday"),
        f"{YAML}:13:14: error: claim 'jobs-quote' is rated 'accurate' but cites no sources and has no note:"
        " a verdict needs its evidence\n    hint: cite what the verdict rests on in 'sources:' and explain it in"
        " 'note:', or set verdict: unreviewed",
        id="empty-sources",
    ),
    pytest.param(
        NO_SOURCES.replace(ON_TUESDAY, "    verdict: accurate\n    note: Heard live.\n  on-tuesday"),
        f"{YAML}:13:14: warning: claim 'jobs-quote' is rated 'accurate' but cites no sources\n"
        "    hint: add the sources the note relies on under 'sources:' and cite them in the claim's 'sources:'",
        id="a-note-but-no-sources",
    ),
]


@pytest.mark.parametrize(("citations", "expected"), EVIDENCE)
def test_a_verdict_needs_its_evidence(tmp_path: Path, citations: str, expected: str) -> None:
    # The quote check may add that it has no source text to compare with; that is its own finding.
    problems = problems_for(tmp_path, citations=citations).problems
    assert [str(p) for p in problems if p.code != "verdict-contradicts-check"] == [expected]


def test_an_unreviewed_claim_may_have_no_sources_yet(tmp_path: Path) -> None:
    citations = NO_SOURCES.replace("    verdict: accurate\n  on-tuesday", "    verdict: unreviewed\n  on-tuesday")
    assert [p.split("\n")[0] for p in reported(tmp_path, citations=citations)] == [
        f"{YAML}:10:3: warning: claim 'jobs-quote' is unreviewed and will not be published with a verdict"
    ]


def test_a_strict_build_refuses_an_unfinished_article_and_keeps_the_last_site(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASE_DIR, project)
    assert build_site(str(project / "mkdocs.yml"), strict=True).ok
    before = {path: path.read_bytes() for path in sorted((project / "site").rglob("*")) if path.is_file()}
    article = project / "content" / "articles" / "jobs.md"
    article.write_text(article.read_text("utf-8").replace("reviewer: Test desk", "reviewer: TODO"), "utf-8")
    refused = build_site(str(project / "mkdocs.yml"), strict=True)
    assert not refused.ok
    assert refused.project is not None
    assert [str(p.location) for p in refused.project.problems] == ["content/articles/jobs.md:8:11"]
    after = {path: path.read_bytes() for path in sorted((project / "site").rglob("*")) if path.is_file()}
    assert after == before
    # Without --strict the same content builds, with the warning printed.
    assert build_site(str(project / "mkdocs.yml")).ok
