"""The Hindi and Arabic demo fact-checks: built into the demo site with no warning, in their own language."""

from pathlib import Path

import pytest

from factsite.build.pipeline import check_project
from factsite.settings import Settings
from tests.conftest import REPOSITORY

Claims = dict[tuple[str, str], tuple[str, str]]


@pytest.fixture(scope="module")
def demo_claims() -> Claims:
    project = check_project(Settings(content_dir=REPOSITORY / "content", project_dir=REPOSITORY))
    return {
        (claim.article.slug, claim.claim.id): (claim.result.status, claim.result.summary)
        for claim in project.claims
        if claim.article.slug.startswith(("hi-", "ar-")) and claim.result is not None
    }


def test_the_demo_builds_without_warnings() -> None:
    project = check_project(Settings(content_dir=REPOSITORY / "content", project_dir=REPOSITORY))
    assert [str(problem) for problem in project.problems] == []


@pytest.mark.parametrize(
    ("slug", "claim_id", "status"),
    [
        ("hi-sinchai-yojana", "pichhle-somvar", "match"),
        ("hi-sinchai-yojana", "mantri-ka-bayan", "altered"),
        ("hi-sinchai-yojana", "kisanon-ki-sankhya", "match"),
        ("hi-sinchai-yojana", "yojana-ka-kharch", "match"),
        ("hi-sinchai-yojana", "sinchit-kshetra", "overstated"),
        ("hi-sinchai-yojana", "report-ki-tareekh", "match"),
        ("hi-sinchai-yojana", "naye-pump", "match"),
        ("hi-sinchai-yojana", "vipaksh-ka-bayan", "verbatim-with-marked-edits"),
        ("ar-daam-alkhubz", "al-usbu-al-madi", "match"),
        ("ar-daam-alkhubz", "tasrih-al-wazir", "altered"),
        ("ar-daam-alkhubz", "adad-al-usar", "match"),
        ("ar-daam-alkhubz", "al-taklifa", "match"),
        ("ar-daam-alkhubz", "tarikh-al-taqrir", "match"),
        ("ar-daam-alkhubz", "nisbat-al-usar", "overstated"),
    ],
)
def test_demo_claims(demo_claims: Claims, slug: str, claim_id: str, status: str) -> None:
    assert demo_claims[(slug, claim_id)][0] == status, demo_claims[(slug, claim_id)][1]


def test_pages_carry_the_article_language(built_demo: Path) -> None:
    arabic = (built_demo / "articles" / "ar-daam-alkhubz" / "index.html").read_text(encoding="utf-8")
    assert '<div class="fs-article-text" lang="ar-EG" dir="rtl">' in arabic
    assert "١٨ نوفمبر ٢٠٢٦" in arabic  # the publication date in the locale, in its own digits
    claim = (built_demo / "articles" / "ar-daam-alkhubz" / "claims" / "nisbat-al-usar" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<blockquote class="fs-sentence" lang="ar-EG" dir="rtl">' in claim
    assert "٣٨" in claim
    hindi = (built_demo / "articles" / "hi-sinchai-yojana" / "index.html").read_text(encoding="utf-8")
    assert '<div class="fs-article-text" lang="hi-IN" dir="ltr">' in hindi
    assert "18 नवंबर 2026" in hindi
    english = (built_demo / "articles" / "americans-russia-forced-to-fight" / "index.html").read_text(encoding="utf-8")
    assert '<div class="fs-article-text" lang="en-SG" dir="ltr">' in english
