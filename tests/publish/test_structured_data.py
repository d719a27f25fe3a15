"""ClaimReview JSON-LD, read back from built pages with an HTML parser and held against the page."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from factsite.model import (
    Article,
    CheckedClaim,
    Claim,
    ClaimKind,
    Location,
    Mark,
    RatingScale,
    Severity,
)
from factsite.render.claimants import Claimants
from factsite.render.messages import Messages
from factsite.render.structured_data import claim_review, review_faults, script_json
from factsite.settings import DEFAULT_VERDICTS, ClaimantConfig, Publisher, Settings
from tests.publish.conftest import BuiltSite, build
from tests.publish.html_reading import claim_reviews, read_page, text_of
from tests.publish.site_fixture import write_site


def page_file(site: BuiltSite, url: str) -> Path:
    path = url.removeprefix(site.project.settings.site_url.rstrip("/") + "/")
    return site.site_dir / path / "index.html"


def test_every_rated_claim_page_carries_one_review_that_matches_the_page(
    demo_site: BuiltSite,
) -> None:
    settings = demo_site.project.settings
    publisher = yaml.safe_load(demo_site.config_file.read_text())["plugins"][1]["factsite"]["publisher"]
    checked = 0
    for claimed in demo_site.project.claims:
        if claimed.verdict is None or claimed.claim.kind is ClaimKind.TYPO:
            continue
        url = f"{settings.site_url}articles/{claimed.article.slug}/claims/{claimed.claim.id}/"
        facts = read_page(page_file(demo_site, url))
        [review] = claim_reviews(facts)
        rating = review["reviewRating"]
        assert review["url"] == url == facts.links["canonical"][0]
        # The heading is in the article's language: "Claim 1 ...", "दावा 1 ...", "الادعاء ١ ...".
        messages = Messages(claimed.article.locale)
        claim = messages.gettext("Claim %(number)s", number=messages.number(claimed.mark.number))
        assert facts.heading == f"{claim} {review['claimReviewed']}"
        assert rating["alternateName"] == text_of(facts, "fs-verdict__badge")
        assert (rating["worstRating"], rating["bestRating"]) == (1, 5)
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert review["author"]["name"] == publisher["name"]
        assert review["datePublished"] == claimed.article.reviewed.isoformat()
        # The claim is the outlet's, a quotation included; the one quoted is only mentioned.
        assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": claimed.article.outlet}
        if claimed.claim.speaker:
            assert review["itemReviewed"]["mentions"]["name"] == claimed.claim.speaker
        assert review["itemReviewed"]["appearance"]["url"] == claimed.article.url
        checked += 1
    assert checked == sum(1 for c in demo_site.project.claims if c.verdict and c.claim.kind is not ClaimKind.TYPO) > 0


def test_no_review_on_a_page_it_does_not_describe(demo_site: BuiltSite) -> None:
    found: dict[str, Path] = {}
    for path in demo_site.site_dir.rglob("*.html"):
        facts = read_page(path)
        for review in claim_reviews(facts):
            assert review["url"] not in found, f"{review['url']} on {path} and {found[review['url']]}"
            assert [review["url"]] == facts.links["canonical"], path
            found[review["url"]] = path
    rated = [c for c in demo_site.project.claims if c.verdict and c.claim.kind is not ClaimKind.TYPO]
    assert len(found) == len(rated)


@pytest.mark.parametrize(
    ("claim_id", "reviews"),
    [("jobs-quote", 1), ("jobs-grew", 1), ("typo-teh", 0), ("more-hiring", 0)],
    ids=["quote", "statement", "typo carries none", "unreviewed carries none"],
)
def test_only_rated_claims_carry_a_review(small_site: BuiltSite, claim_id: str, reviews: int) -> None:
    facts = read_page(small_site.site_dir / "articles/jobs/claims" / claim_id / "index.html")
    assert len(claim_reviews(facts)) == reviews


def test_review_records_the_archive_and_the_latest_correction(small_site: BuiltSite) -> None:
    facts = read_page(small_site.site_dir / "articles/jobs/claims/jobs-quote/index.html")
    [review] = claim_reviews(facts)
    assert review["url"] == "https://checks.example.org/desk/articles/jobs/claims/jobs-quote/"
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Example News"}
    assert review["itemReviewed"]["mentions"] == {"@type": "Person", "name": "The minister"}
    appearance = review["itemReviewed"]["appearance"]
    assert appearance["archivedAt"] == "https://archive.example.org/news.example.com/jobs"
    assert review["dateModified"] == "2024-03-15"


def test_script_text_from_content_cannot_close_the_script_element(tmp_path: Path) -> None:
    hostile = '</script><script>alert("x")</script> & <!-- jobs'
    site = build(write_site(tmp_path, jobs_claim=hostile))
    page = tmp_path / "site/articles/jobs/claims/jobs-grew/index.html"
    facts = read_page(page)
    assert site.ok
    assert [review["claimReviewed"] for review in claim_reviews(facts)] == [hostile]
    assert "<script>alert" not in page.read_text("utf-8")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"site_url": None}, "`site_url` is not set"),
        ({"publisher": None}, "no publisher is named"),
        ({"publisher": {"url": "https://checks.example.org/"}}, "no publisher is named"),
    ],
    ids=["no site_url", "no publisher", "publisher without a name"],
)
def test_structured_data_without_its_settings_fails_the_build(
    tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    outcome = build(write_site(tmp_path, **changes))
    errors = outcome.project.errors if outcome.project else ()
    assert not outcome.ok
    assert [(str(p.location), p.code) for p in errors if message in p.message] == [("mkdocs.yml", "structured-data")]
    assert not (tmp_path / "site").exists()


def test_structured_data_off_needs_neither_and_publishes_none(tmp_path: Path) -> None:
    outcome = build(write_site(tmp_path, site_url=None, publisher=None, structured_data=False))
    assert outcome.ok
    assert not claim_reviews(read_page(tmp_path / "site/articles/jobs/claims/jobs-grew/index.html"))
    assert not (tmp_path / "site/annotations.jsonld").exists()


def test_rating_in_the_claim_text_fails_with_the_claim_location(tmp_path: Path) -> None:
    outcome = build(write_site(tmp_path, jobs_claim="Accurate: jobs grew by a third."))
    assert outcome.project is not None
    [problem] = [p for p in outcome.project.problems if p.code == "structured-data"]
    assert problem.severity is Severity.ERROR
    assert (problem.location.path, problem.location.line) == ("content/articles/jobs.yaml", 24)
    assert "without its rating" in problem.message
    assert not outcome.ok


SETTINGS = Settings(
    content_dir=Path("content"),
    project_dir=Path("."),
    site_url="https://checks.example.org/",
    publisher=Publisher("Test desk"),
    scale=RatingScale(DEFAULT_VERDICTS),
)


def valid_review() -> dict[str, Any]:
    article = Article(
        slug="jobs",
        title="Jobs",
        url="https://news.example.com/jobs",
        outlet="Example News",
        published=dt.date(2024, 3, 6),
        reviewed=dt.date(2024, 3, 10),
        reviewer="Desk",
        summary="",
        body="",
        body_line=1,
        path="content/articles/jobs.md",
        citations_path="jobs.yaml",
    )
    claim = Claim("jobs-grew", ClaimKind.STATEMENT, Location("jobs.yaml", 3, 3), verdict="false")
    mark = Mark("jobs-grew", 1, "Jobs grew", "Jobs grew", "Jobs grew.", Location("jobs.md"), 0, 9)
    review = claim_review(CheckedClaim(article, claim, mark, DEFAULT_VERDICTS[-1]), SETTINGS)
    assert review is not None
    return review


def changed(path: str, value: Any) -> dict[str, Any]:
    review = copy.deepcopy(valid_review())
    *parents, key = path.split(".")
    target = review
    for parent in parents:
        target = target[parent]
    if value is None:
        del target[key]
    else:
        target[key] = value
    return review


@pytest.mark.parametrize(
    ("review", "fault"),
    [
        (changed("claimReviewed", None), "the required field `claimReviewed` is missing"),
        (changed("url", None), "the required field `url` is missing"),
        (changed("reviewRating.alternateName", ""), "the rating has no label"),
        (changed("reviewRating.ratingValue", 6), "the rating 6 is outside the scale from 1"),
        (changed("reviewRating.ratingValue", 0), "the rating 0 is outside the scale from 1"),
        (changed("reviewRating.ratingValue", "5"), "`ratingValue` must be a whole number"),
        (changed("reviewRating.bestRating", 10), "must be the scale's 5 and 1"),
        (changed("url", "https://elsewhere.example.com/x/"), "is not on the site's domain"),
        (changed("url", "/articles/jobs/claims/jobs-grew/"), "not an absolute http(s) address"),
        (changed("author.name", ""), "the publishing organisation has no name"),
        (changed("itemReviewed.appearance.url", "news.example.com"), "the article's http(s)"),
        (changed("claimReviewed", "False: jobs grew"), "without its rating"),
    ],
    ids=[
        "no claim",
        "no url",
        "no label",
        "rating above the scale",
        "rating below the scale",
        "rating as text",
        "best rating off the scale",
        "url on another domain",
        "relative url",
        "unnamed publisher",
        "appearance without a scheme",
        "rating inside the claim",
    ],
)
def test_review_faults_name_what_is_wrong(review: dict[str, Any], fault: str) -> None:
    assert [f for f in review_faults(review, SETTINGS) if fault in f] != []


def test_a_valid_review_has_no_faults_even_on_a_subdomain() -> None:
    assert list(review_faults(valid_review(), SETTINGS)) == []
    moved = changed("url", "https://www.checks.example.org/articles/jobs/claims/jobs-grew/")
    assert list(review_faults(moved, SETTINGS)) == []


@pytest.mark.parametrize(
    "text",
    ["</script>", "</SCRIPT >", "<!--", "a & b", "\u2028", "<\\/script>"],
    ids=[
        "closing tag",
        "closing tag in capitals",
        "comment",
        "ampersand",
        "line separator",
        "escaped slash",
    ],
)
def test_script_json_holds_no_markup_characters(text: str) -> None:
    printed = script_json({"claimReviewed": text})
    assert not {"<", ">", "&"} & set(printed)
    assert json.loads(printed) == {"claimReviewed": text}


def test_review_matches_the_golden_file_reviewed_by_eye(small_site: BuiltSite) -> None:
    facts = read_page(small_site.site_dir / "articles/jobs/claims/jobs-quote/index.html")
    golden = Path(__file__).parent / "golden/claim-review-jobs-quote.json"
    assert claim_reviews(facts) == [json.loads(golden.read_text("utf-8"))]


def test_a_quoted_organisation_is_an_organization_and_never_the_claims_author(demo_site: BuiltSite) -> None:
    quoted = {}
    outlets = {checked.article.slug: checked.article.outlet for checked in demo_site.project.articles}
    for path in demo_site.site_dir.glob("articles/*/claims/*/index.html"):
        slug = path.parent.parent.parent.name
        for review in claim_reviews(read_page(path)):
            item = review["itemReviewed"]
            assert item["author"] == {"@type": "Organization", "name": outlets[slug]}
            if "mentions" in item and slug == "americans-russia-forced-to-fight":
                quoted[item["mentions"]["name"]] = item["mentions"]["@type"]
    assert quoted == {"U.S. Embassy in Russia": "Organization", "Vladimir Putin": "Person"}


@pytest.mark.parametrize(
    ("name", "configured", "declared", "expected"),
    [
        ("U.S. Embassy in Russia", (), None, "Organization"),
        ("Ministry of Defence", (), None, "Organization"),
        ("Sergei Shoigu", (), None, "Person"),
        ("The Kremlin", (), None, "Organization"),
        ("Kremlin", (), "person", "Person"),  # the claim's own speaker_type comes first
        (
            "Greenpeace",
            (ClaimantConfig("Greenpeace International", ("Greenpeace",), "organization"),),
            None,
            "Organization",
        ),
    ],
)
def test_a_speakers_type_is_declared_configured_or_guessed_from_the_name(
    name: str, configured: tuple[ClaimantConfig, ...], declared: str | None, expected: str
) -> None:
    settings = Settings(Path("content"), Path("."), claimants=configured)
    assert Claimants(settings).named(name, declared).schema_type == expected
