"""End-to-end builds of the demo with real MkDocs: the pages, the failure guarantee, determinism."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from factsite.adapters.mkdocs.commands import build_site
from tests.conftest import tree_digest

ARTICLE = "articles/americans-russia-forced-to-fight"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a" and "fs-mark" in (attributes.get("class") or ""):
            self.marks.append(attributes)


def test_index_lists_the_article_with_its_tally(built_demo: Path) -> None:
    html = page(built_demo, "")
    assert 'href="articles/americans-russia-forced-to-fight/"' in html
    assert "Americans In Russia Could Be Forced To FIGHT Against UKRAINE" in html
    assert 'class="fs-tally"' in html
    assert "fs-verdict--misleading" in html and "fs-verdict--false" in html


def test_article_page_marks_every_claim_in_place(built_demo: Path) -> None:
    html = page(built_demo, ARTICLE)
    parser = _Links()
    parser.feed(html)
    claims = json.loads((built_demo / "claims.json").read_text("utf-8"))["claims"]
    # The demo also holds the Hindi and Arabic fact-checks; this page marks its own article's claims.
    claims = [claim for claim in claims if claim["article"] == "americans-russia-forced-to-fight"]
    assert len(parser.marks) == len(claims) >= 20
    first = parser.marks[0]
    assert first["href"] == "claims/forced-to-fight/"
    assert first["id"] == "mark-forced-to-fight"
    # Colour, icon, number and text label together.
    assert '<span class="fs-mark__number">1</span><span class="fs-mark__label">Misleading</span>' in html
    assert "https://www.ibtimes.sg/americans-russia-could-be-forced-fight-against-ukraine" in html
    assert "Scorecard" in html and "Our conclusion" in html


def test_claim_page_shows_verdict_note_sources_and_navigation(built_demo: Path) -> None:
    html = page(built_demo, f"{ARTICLE}/claims/not-bluffing")
    assert '<span class="fs-badge__label">False</span>' in html
    assert "The claim is wrong, or the quotation was not said as given." in html
    assert "Vladimir Putin" in html
    assert "http://en.kremlin.ru/events/president/news/69390" in html
    assert 'href="../../#mark-not-bluffing"' in html
    assert 'rel="prev" href="../historically-russia/"' in html
    assert 'rel="next" href="../delayed-address/"' in html


def test_typo_claim_page_shows_the_correction(built_demo: Path) -> None:
    html = page(built_demo, f"{ARTICLE}/claims/typo-th")
    assert "<dt>Correction</dt><dd><ins>the</ins></dd>" in html
    assert "fs-kind--typo" in html


def test_sources_page_lists_sources_with_citing_claims(built_demo: Path) -> None:
    html = page(built_demo, "sources")
    assert "Address by the President of the Russian Federation" in html
    assert 'href="../articles/americans-russia-forced-to-fight/claims/not-bluffing/"' in html


def test_no_page_loads_anything_from_another_host(built_demo: Path) -> None:
    for path in built_demo.rglob("*.html"):
        html = path.read_text("utf-8")
        assert "fonts.googleapis.com" not in html, path
        assert "fonts.gstatic.com" not in html, path
        assert '<script src="http' not in html, path


def test_building_twice_gives_identical_bytes(demo_project: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    assert build_site(str(demo_project / "mkdocs.yml"), site_dir=str(first)).ok
    assert build_site(str(demo_project / "mkdocs.yml"), site_dir=str(second)).ok
    assert tree_digest(first) == tree_digest(second)
    assert b"<lastmod>2026-" in (first / "sitemap.xml").read_bytes()


def test_failed_build_leaves_the_previous_site_untouched(demo_project: Path) -> None:
    config = str(demo_project / "mkdocs.yml")
    assert build_site(config).ok
    site = demo_project / "site"
    before = tree_digest(site)
    citations = demo_project / "content/articles/americans-russia-forced-to-fight.yaml"
    citations.write_text(citations.read_text("utf-8").replace("verdict: misleading", "verdict: wrong", 1))
    outcome = build_site(config)
    assert not outcome.ok
    assert outcome.project is not None and "unknown verdict 'wrong'" in str(outcome.project.errors[0])
    assert tree_digest(site) == before
    assert not list(demo_project.glob(".site.*")), "no staging directory is left behind"


def test_claim_pages_show_the_automatic_checks(built_demo: Path) -> None:
    embassy = page(built_demo, f"{ARTICLE}/claims/embassy-quote")
    assert "Verbatim: the quote matches" in embassy
    putin = page(built_demo, f"{ARTICLE}/claims/not-bluffing")
    assert 'class="fs-evidence__summary fs-status--spliced"' in putin
    assert '<mark class="fs-side__dropped"><span class="fs-visually-hidden">(left out of the quotation:) ' in putin
    assert '<ins class="fs-side__added"><span class="fs-visually-hidden">(not in the source:) ' in putin
    assert "not a bluff</mark>" in putin and "<mark>" in putin
    figure = page(built_demo, f"{ARTICLE}/claims/figure-300000")
    assert "<dt>Reads as</dt><dd><strong>300,000</strong>" in figure
    assert "“3,00,000” uses Indian digit grouping (lakh/crore)" in figure
    tuesday = page(built_demo, f"{ARTICLE}/claims/on-tuesday")
    assert '<time datetime="2022-09-27">Tuesday 27 September 2022</time>' in tuesday
