"""The verdict on an article as a whole: the editor's, the headline claim's, or its most severe claim's,
shown before anything else on the home and article pages, with the scorecard most severe first."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from factsite.render.views import article_rating
from tests.publish.conftest import BuiltSite, build, built
from tests.publish.site_fixture import write_site

ARTICLE = "articles/jobs/index.html"


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _rating_label(html: str) -> str:
    block = re.search(r'<div class="fs-rating [^"]*">(.*?)</div>', html, re.S)
    assert block is not None
    label = re.search(r'fs-badge__label">([^<]+)<', block.group(1))
    assert label is not None
    return label.group(1)


def test_the_editors_rating_comes_first_on_home_and_article_pages(tmp_path: Path) -> None:
    site = built(write_site(tmp_path, front_matter="rating: misleading\n"))
    for page in ("index.html", ARTICLE):
        html = (site.site_dir / page).read_text("utf-8")
        content = html[html.index('<div class="fs-page') :]
        # The rating is the first badge a reader meets, before any tally or claim.
        assert content.index("fs-rating") < content.index("fs-tally"), page
        assert _rating_label(html) == "Misleading", page
    assert "Our rating of the article as a whole." in _text((site.site_dir / ARTICLE).read_text("utf-8"))


def test_without_a_rating_the_headline_claim_or_the_most_severe_claim_rates_the_article(
    small_site: BuiltSite,
) -> None:
    [checked] = small_site.project.articles
    settings = small_site.project.settings
    # The fixture: an accurate quote, an accurate statement, a typo and an unreviewed claim.
    worst = article_rating(checked.claims, checked.article, settings)
    assert (worst.verdict.id, worst.basis) == ("accurate", "worst-claim")
    claims = tuple(
        replace(c, verdict=settings.scale.get("false")) if c.claim.id == "jobs-grew" else c for c in checked.claims
    )
    assert article_rating(claims, checked.article, settings).verdict.id == "false"
    headline = article_rating(claims, replace(checked.article, headline_claim="jobs-quote"), settings)
    assert (headline.verdict.id, headline.basis) == ("accurate", "headline")
    assert "headline claim, claim 1" in headline.explanation % {"number": headline.claim_number}
    editor = article_rating(claims, replace(checked.article, rating="misleading"), settings)
    assert (editor.verdict.id, editor.basis) == ("misleading", "editor")


def test_an_unknown_rating_or_headline_claim_is_a_located_error(tmp_path: Path) -> None:
    config = write_site(tmp_path, front_matter="rating: mostly-false\nheadline_claim: jobs-quot\n")
    outcome = build(config)
    assert not outcome.ok
    assert outcome.project is not None
    messages = [str(problem) for problem in outcome.project.errors]
    assert any("jobs.md:" in m and "unknown rating 'mostly-false'" in m for m in messages), messages
    assert any("headline_claim 'jobs-quot'" in m and "did you mean 'jobs-quote'" in m for m in messages), messages


def test_the_scorecard_lists_the_most_severe_verdicts_first(demo_site: BuiltSite) -> None:
    html = (demo_site.site_dir / "articles/americans-russia-forced-to-fight/index.html").read_text("utf-8")
    start = html.index('id="scorecard-heading"')
    scorecard = html[start : html.index("</section>", start)]
    tally = re.findall(r'fs-badge__label">([^<]+)<', scorecard[: scorecard.index("fs-claim-list")])
    assert tally == ["False", "Misleading", "Mostly accurate", "Accurate", "Correction"]
    listed = re.findall(r'fs-badge__label">([^<]+)<', scorecard[scorecard.index("fs-claim-list") :])
    assert listed[0] == "False" and listed[-1] == "Correction"
    order = ["False", "Misleading", "Mostly accurate", "Accurate", "Correction"]
    assert listed == sorted(listed, key=order.index)
    assert _rating_label(html) == "Misleading"


def test_the_home_page_names_what_it_lists_not_the_site_and_numbers_nothing(demo_site: BuiltSite) -> None:
    html = (demo_site.site_dir / "index.html").read_text("utf-8")
    name = demo_site.project.settings.site_name
    title = re.search(r"<title>(.*?)</title>", html)
    assert title is not None and title.group(1).count(name) == 1
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html)
    assert heading is not None and name not in heading.group(1)
    assert "<ol " not in html[html.index('<div class="fs-page') :].split("fs-pagination")[0]
