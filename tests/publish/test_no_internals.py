"""Readers see titles, not ids; evidence lists what bears on the claim, once; robots.txt names the sitemap."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

from factsite.checks.dates.results import DateResolution, SourceDate
from factsite.render.evidence import date_evidence, with_titles
from tests.publish.conftest import BuiltSite

CLAIMS = "articles/americans-russia-forced-to-fight/claims"


class _VisibleText(HTMLParser):
    """The text a reader sees: no attributes, scripts or styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    parser = _VisibleText()
    parser.feed(path.read_text("utf-8"))
    return " ".join(" ".join(parser.parts).split())


def test_no_page_shows_a_source_id(demo_site: BuiltSite) -> None:
    ids = {source.id for checked in demo_site.project.articles for source in checked.article.sources}
    # An id that is also an ordinary word could appear in prose; the demo's are all hyphenated.
    assert ids and all("-" in source_id for source_id in ids)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    shown = {
        str(path.relative_to(demo_site.site_dir)): pattern.findall(visible_text(path))
        for path in demo_site.site_dir.rglob("*.html")
    }
    assert {page: found for page, found in shown.items() if found} == {}
    figure = visible_text(demo_site.site_dir / CLAIMS / "figure-300000/index.html")
    assert "Kyiv Post live feed, 21 September 2022 (post 1154) gives" in figure


def test_summaries_name_sources_by_title_and_stay_escaped() -> None:
    titles = {"a-b": "Report <1>", "a": "Short"}
    html = with_titles("source a-b gives 3; source a agrees; data-a-b stays", titles)
    assert str(html) == (
        "source <cite>Report &lt;1&gt;</cite> gives 3; source <cite>Short</cite> agrees; data-a-b stays"
    )


def test_date_evidence_lists_each_supporting_source_once_and_no_unrelated_date(demo_site: BuiltSite) -> None:
    text = visible_text(demo_site.site_dir / CLAIMS / "on-tuesday/index.html")
    text = text[text.index("What the automatic check found") : text.index("Our note")]
    assert "“”" not in text
    assert "September 21" not in text  # a date of the alert that is not the claim's
    assert "Sources that support the date" in text
    assert text.count("Security Alert - U.S. Embassy Moscow") == 2  # the summary and one row
    last_week = visible_text(demo_site.site_dir / CLAIMS / "last-week/index.html")
    rows = last_week[last_week.index("Sources that support the date") : last_week.index("Our note")]
    assert rows.count("No. 647") == 1


def test_without_a_supporting_date_the_sources_dates_are_not_called_disagreements() -> None:
    day = DateResolution("21 September", dt.date(2022, 9, 21), dt.date(2022, 9, 21), "day", "named")
    dates = [SourceDate("alert", "", day, False), SourceDate("alert", "On September 21", day, False)]
    evidence = date_evidence(dates, {"alert": "Security alert"})
    assert evidence.supporting == ()
    assert [(row.title, row.text) for row in evidence.other] == [("Security alert", "On September 21")]


def test_identical_source_figures_are_one_row(demo_site: BuiltSite) -> None:
    html = (demo_site.site_dir / CLAIMS / "figure-300000/index.html").read_text("utf-8")
    section = html[html.index("Comparable figures in the sources") :]
    rows = re.findall(r"<li>(.*?)</li>", section[: section.index("</ul>")], re.S)
    assert len(rows) == 1
    assert rows[0].count("Kyiv Post live feed") == 1 and "Three hundred thousand" in rows[0]


def test_the_sources_page_is_grouped_by_publisher_in_order(demo_site: BuiltSite) -> None:
    html = (demo_site.site_dir / "sources/index.html").read_text("utf-8")
    groups = re.findall(r'<h3 class="fs-source-group">([^<]+)</h3>', html)
    assert len(groups) == len(set(groups)) >= 5
    assert groups == sorted(groups, key=str.casefold)
    assert "No archived copy" not in html
    assert html.count('class="fs-flag"') == 1


def test_robots_txt_names_the_sitemap(demo_site: BuiltSite, small_site: BuiltSite) -> None:
    robots = (demo_site.site_dir / "robots.txt").read_text("utf-8")
    assert "Sitemap: https://factsite.example.org/sitemap.xml" in robots.splitlines()
    small = (small_site.site_dir / "robots.txt").read_text("utf-8")
    assert "Sitemap: https://checks.example.org/desk/sitemap.xml" in small.splitlines()
