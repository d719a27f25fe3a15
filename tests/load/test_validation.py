"""Every structural problem is reported with file, line and column, says what is wrong and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsite.build.pipeline import check_project
from factsite.settings import Settings
from tests.load.article_fixture import ARTICLE, CITATIONS, write_article

MD = "content/articles/jobs.md"
YAML = "content/articles/jobs.yaml"


def problems_for(tmp_path: Path, article: str = ARTICLE, citations: str = CITATIONS) -> list[str]:
    write_article(tmp_path / "content", article, citations)
    project = check_project(Settings(content_dir=tmp_path / "content", project_dir=tmp_path, lint=False))
    return [str(problem) for problem in project.problems]


def test_valid_article_has_no_problems(tmp_path: Path) -> None:
    assert problems_for(tmp_path) == []


CASES = [
    pytest.param(
        ARTICLE,
        CITATIONS.replace("title: Jobs report", "title: Jobs: a report"),
        f"{YAML}:3:12: error: the value of 'title:' holds ': ', which YAML reads as the start of another key",
        'quote the value: title: "Jobs: a report"',
        id="yaml-syntax-error",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS + "  on-tuesday:\n    kind: date\n    verdict: accurate\n    sources: []\n",
        f"{YAML}:28:3: error: duplicate key 'on-tuesday' (first defined at line 15)",
        "merge the two entries",
        id="duplicate-key",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace(
            "    verdict: accurate\n    sources: [ministry-release]\n  on-tuesday",
            "    verdit: accurate\n    sources: [ministry-release]\n  on-tuesday",
        ),
        f"{YAML}:13:5: error: claim 'jobs-quote': unknown field 'verdit'",
        "did you mean 'verdict'?",
        id="unknown-field",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("    speaker: The minister\n", ""),
        f"{YAML}:11:5: error: claim 'jobs-quote' has no 'speaker'",
        "add 'speaker:'",
        id="missing-required-field",
    ),
    pytest.param(
        ARTICLE.replace("[teh]{#typo-teh}", "[teh]{#typo-teh} [ghost]{#ghost-claim}"),
        CITATIONS,
        f"{MD}:13:69: error: mark '#ghost-claim' names no claim in {YAML}",
        "add a claim 'ghost-claim:'",
        id="mark-without-claim",
    ),
    pytest.param(
        ARTICLE.replace("[on Tuesday]{#on-tuesday}", "on Tuesday"),
        CITATIONS,
        f"{YAML}:15:3: error: claim 'on-tuesday' has no mark in {MD}",
        "[words]{#on-tuesday}",
        id="claim-without-mark",
    ),
    pytest.param(
        ARTICLE.replace("[teh]{#typo-teh} ministry.", "[teh]{#typo-teh} ministry, [again]{#jobs-figure}."),
        CITATIONS,
        f"{MD}:13:79: error: claim 'jobs-figure' is marked twice (first mark at line 13)",
        "give the second passage its own claim id",
        id="mark-used-twice",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace(
            "    value: 300000\n    verdict: accurate\n    sources: [ministry-release]",
            "    value: 300000\n    verdict: accurate\n    sources: [ministry-relase]",
        ),
        f"{YAML}:24:15: error: claim 'jobs-figure' cites unknown source 'ministry-relase'",
        "did you mean 'ministry-release'?",
        id="unknown-source",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace(
            '    excerpt: |\n      The minister said: "We created three lakh jobs this year." That is 300,000 jobs.\n',
            "    snapshot: sources/../../secret.txt\n",
        ),
        f"{YAML}:7:15: error: snapshot 'sources/../../secret.txt' is not inside content/sources/",
        "save the source text under content/sources/",
        id="snapshot-outside-sources",
    ),
    pytest.param(
        ARTICLE.replace("published: 2024-03-06", "published: 2024-13-45"),
        CITATIONS,
        f"{MD}:5:12: error: front matter: published: '2024-13-45' is not a real calendar date",
        "check the month and day",
        id="bad-date",
    ),
    pytest.param(
        ARTICLE.replace("published: 2024-03-06", "published: last Tuesday"),
        CITATIONS,
        f"{MD}:5:12: error: front matter: published: 'last Tuesday' is not a date",
        "YYYY-MM-DD",
        id="not-a-date",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("url: https://gov.example.org/jobs", "url: javascript:alert(1)"),
        f"{YAML}:5:10: error: source 'ministry-release': url: 'javascript:alert(1)' is not an http(s) URL",
        "starting with https://",
        id="url-not-http",
    ),
    pytest.param(
        ARTICLE.replace("url: https://news.example.com/jobs", "url: ftp://news.example.com/jobs"),
        CITATIONS,
        f"{MD}:3:6: error: front matter: url: 'ftp://news.example.com/jobs' is not an http(s) URL",
        "starting with https://",
        id="article-url-not-http",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace(
            "    kind: date\n    value: 2024-03-05\n    verdict: accurate",
            "    kind: date\n    value: 2024-03-05\n    verdict: mostly-true",
        ),
        f"{YAML}:15:3: error: claim 'on-tuesday': unknown verdict 'mostly-true'",
        "did you mean 'mostly-accurate'?",
        id="unknown-verdict",
    ),
    pytest.param(
        ARTICLE.replace("---\ntitle", "title", 1),
        CITATIONS,
        f"{MD}:1:1: error: the article has no front matter",
        "start the file with a '---' line",
        id="no-front-matter",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("  jobs-quote:\n    kind: quote", "  jobs-quote:\n\tkind: quote"),
        f"{YAML}:11:1: error: a tab character indents this line; YAML indentation must use spaces",
        "replace the tab with spaces",
        id="tab-indentation",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("    correction: the\n", "    correction: the\n    verdict: accurate\n"),
        f"{YAML}:28:14: error: claim 'typo-teh': a typo carries a correction, not a verdict",
        "remove 'verdict:'",
        id="typo-with-verdict",
    ),
    pytest.param(
        ARTICLE.replace("[on Tuesday]{#on-tuesday}", "[on [Tuesday]{#on-tuesday}]{#jobs-quote}").replace(
            "[we created three lakh jobs]{#jobs-quote}", "we created three lakh jobs"
        ),
        CITATIONS,
        f"{MD}:11:52: error: claim mark '#on-tuesday' is nested inside '#jobs-quote' (line 11)",
        "marks do not nest",
        id="nested-marks",
    ),
]


@pytest.mark.parametrize(("article", "citations", "expected", "hint"), CASES)
def test_problem_is_located_and_explained(
    tmp_path: Path, article: str, citations: str, expected: str, hint: str
) -> None:
    problems = problems_for(tmp_path, article, citations)
    matching = [problem for problem in problems if problem.startswith(expected)]
    assert matching, f"expected {expected!r} in:\n" + "\n".join(problems)
    assert hint in matching[0].split("hint:", 1)[1]
    # One mistake, one problem: no follow-on errors from the same cause.
    assert len(problems) == 1 + (expected.endswith("unknown field 'verdit'")), problems


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    article = ARTICLE.replace("published: 2024-03-06", "published: soon").replace(
        "[teh]{#typo-teh}", "[teh]{#typo-teh} [x]{#ghost}"
    )
    citations = CITATIONS.replace("verdict: accurate", "verdict: great", 1)
    problems = problems_for(tmp_path, article, citations)
    assert len(problems) == 3
    assert any("'soon' is not a date" in p for p in problems)
    assert any("names no claim" in p for p in problems)
    assert any("unknown verdict 'great'" in p for p in problems)


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        pytest.param(
            ARTICLE.replace("{#on-tuesday}", "{#on-tusday}"),
            f"{MD}:11:63: error: mark '#on-tusday' names no claim in {YAML}, and claim 'on-tuesday' (line 15)"
            " has no mark\n    hint: did you mean '#on-tuesday'? rename one of the two so that they match",
            id="misspelt",
        ),
        pytest.param(
            ARTICLE.replace("{#on-tuesday}", "{#date-of-the-speech}"),
            f"{MD}:11:63: error: mark '#date-of-the-speech' names no claim in {YAML}, and claim 'on-tuesday'"
            " (line 15) has no mark\n    hint: did you mean '#on-tuesday'? rename one of the two so that they match",
            id="the-one-left-over",
        ),
    ],
)
def test_a_renamed_mark_is_one_problem(tmp_path: Path, article: str, expected: str) -> None:
    assert problems_for(tmp_path, article) == [expected]


def test_unrelated_marks_and_claims_are_not_paired(tmp_path: Path) -> None:
    # Two marks and two claims apart, nothing alike: each is its own mistake.
    article = ARTICLE.replace("{#on-tuesday}", "{#alpha}").replace("{#jobs-figure}", "{#beta}")
    problems = problems_for(tmp_path, article)
    assert [p.split(": error: ")[1].split("\n")[0] for p in problems] == [
        f"mark '#alpha' names no claim in {YAML}",
        f"mark '#beta' names no claim in {YAML}",
        f"claim 'on-tuesday' has no mark in {MD}",
        f"claim 'jobs-figure' has no mark in {MD}",
    ]
