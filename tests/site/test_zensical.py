"""`factsite build --engine zensical`: Zensical, which runs no plugin, renders the pages factsite stages for it; the
site is published only with every claim page, and a content error still stops the build with the last site untouched.

Each test compares with the MkDocs build of the same demo (`built_demo`): the same HTML pages with the same page
bodies and head metadata, the same data files. What differs is Zensical's own: its theme's assets, its search index
(`search.json` against `search/search_index.json`) and the order of its sitemap.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from factsite.adapters.mkdocs.engines import installed
from factsite.adapters.zensical import LIMITS
from tests.conftest import copy_demo, tree_digest

pytestmark = pytest.mark.skipif(
    not installed("zensical"),
    reason="Zensical is not installed (pip install -e '.[zensical]'; scripts/test installs it in .venv)",
)

ARTICLE = "articles/americans-russia-forced-to-fight"
BODY = re.compile(r'<div class="fs-page fs-page--[\w-]+">(.*)</div>\s*</article>', re.DOTALL)
TITLE = re.compile(r"<title>[^<]*</title>")
HTML_TAG = re.compile(r"<html[^>]*>")
FOOTER = re.compile(r'<nav class="fs-footer-links".*?</nav>', re.DOTALL)
HEAD_METADATA = re.compile(r'^\s*<(?:meta (?:property="og:|name="twitter:)|script type="application/ld\+json").*$',
                           re.MULTILINE)  # fmt: skip


def build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`factsite build --engine zensical` as an editor runs it, in the project's folder."""
    command = [sys.executable, "-m", "factsite", "build", "--engine", "zensical", *extra]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600)


# The build as `factsite build --engine zensical` runs it, reporting which engines' modules the process loaded.
PROBE = """
import json, sys
from factsite.commands.cli import main
status = main(["build", "--engine", "zensical"])
print(json.dumps({"status": status, "loaded": sorted(m for m in sys.modules
                  if m.split(".")[0] in ("mkdocs", "material", "properdocs", "zensical"))}))
"""


@pytest.fixture(scope="module")
def zensical_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The demo built with Zensical once for this module, and what the build printed."""
    project = copy_demo(tmp_path_factory.mktemp("zensical") / "project")
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=project, capture_output=True, text=True, timeout=600)
    report = json.loads(run.stdout.strip().splitlines()[-1])
    # factsite never imports an engine for a Zensical build: it reads mkdocs.yml itself and runs Zensical as a command.
    assert report == {"status": 0, "loaded": []}, run.stderr
    return project / "site", run.stderr


def pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def claim_pages(site: Path) -> set[str]:
    return {path for path in pages(site) if re.fullmatch(r"articles/[^/]+/claims/[^/]+/index\.html", path)}


def body(site: Path, path: str) -> str:
    found = BODY.search((site / path).read_text("utf-8"))
    assert found, f"{path}: no factsite page body"
    return found.group(1).strip()


def test_the_demo_builds_with_every_claim_page(zensical_demo: tuple[Path, str], built_demo: Path) -> None:
    site, _ = zensical_demo
    claims = claim_pages(built_demo)
    articles = {path.split("/")[1] for path in claims}
    assert len(articles) == 3 and len(claims) == 45
    assert claim_pages(site) == claims
    # Every HTML page of the MkDocs build, generated or the editor's, and no other.
    assert pages(site) == pages(built_demo)


def test_every_generated_page_has_the_body_factsite_rendered(zensical_demo: tuple[Path, str],
                                                             built_demo: Path) -> None:  # fmt: skip
    site, _ = zensical_demo
    generated = [path for path in sorted(pages(built_demo)) if BODY.search((built_demo / path).read_text("utf-8"))]
    assert len(generated) == 64
    for path in generated:
        assert body(site, path) == body(built_demo, path), path


def test_claim_marks_are_links_not_literal_text(zensical_demo: tuple[Path, str]) -> None:
    site, _ = zensical_demo
    article = (site / ARTICLE / "index.html").read_text("utf-8")
    assert article.count('class="fs-mark') >= 20
    assert 'href="claims/not-bluffing/"' in article
    for path in pages(site):
        assert not re.search(r"\]\{#[\w-]+\}", (site / path).read_text("utf-8")), path


def test_the_data_files_are_those_of_the_mkdocs_build(zensical_demo: tuple[Path, str], built_demo: Path) -> None:
    site, _ = zensical_demo
    theirs = tree_digest(built_demo, skip=("assets/", "search/", "sitemap.xml"))
    data = {path: digest for path, digest in theirs.items() if not path.endswith(".html")}
    assert {"claims.json", "feed.xml", "annotations.jsonld", "claim-reviews.jsonld", "robots.txt"} <= set(data)
    assert any(path.endswith("card.png") for path in data)
    ours = tree_digest(site)
    assert {path: ours.get(path) for path in data} == data


def test_no_article_source_or_citation_file_is_published(zensical_demo: tuple[Path, str]) -> None:
    site, _ = zensical_demo
    published = set(tree_digest(site))
    assert not [path for path in published if path.endswith((".yaml", ".yml", ".md"))]
    assert not [path for path in published if path.startswith("sources/") and not path.endswith(".html")]
    assert not (site / "articles" / "americans-russia-forced-to-fight.md").exists()


def test_the_head_metadata_is_that_of_the_mkdocs_build(zensical_demo: tuple[Path, str], built_demo: Path) -> None:
    """templates/zensical/main.html gives Zensical's pages what templates/theme/main.html gives Material's:
    sharing metadata (titles escaped once) and the page's JSON-LD; and the same <title>, <html lang dir> and footer
    (an Arabic article's pages in Arabic, right to left, on the English demo site)."""
    site, _ = zensical_demo
    claim = HEAD_METADATA.findall((site / ARTICLE / "claims/not-bluffing/index.html").read_text("utf-8"))
    assert any('<script type="application/ld+json">' in line for line in claim)
    typo = HEAD_METADATA.findall((site / ARTICLE / "claims/typo-th/index.html").read_text("utf-8"))
    assert '<meta property="og:title" content="Claim 2: The text reads &quot;th&quot; where' in "\n".join(typo)
    for path in sorted(pages(built_demo)):
        theirs, ours = (built_demo / path).read_text("utf-8"), (site / path).read_text("utf-8")
        assert HEAD_METADATA.findall(ours) == HEAD_METADATA.findall(theirs), path
        assert TITLE.findall(ours) == TITLE.findall(theirs), path
        # In the page's language: <html lang dir>, and factsite's footer in that language.
        assert HTML_TAG.findall(ours) == HTML_TAG.findall(theirs), path
        assert footer(ours, path) == footer(theirs, path), path


def footer(html: str, path: str) -> list[tuple[str, str]]:
    """factsite's footer: its label, then each link's address (resolved: Zensical's `url` filter writes "./x/" and
    "././" where MkDocs writes "x/" and "./") and text."""
    found = FOOTER.search(html)
    assert found, path
    page = urljoin("https://site.example/", path)
    links = [(urljoin(page, href), text) for href, text in re.findall(r'<a href="([^"]*)">([^<]*)</a>', found.group(0))]
    return [("label", re.search(r'aria-label="([^"]*)"', found.group(0)).group(1)), *links]  # type: ignore[union-attr]


class _Fetched(HTMLParser):
    """What a browser loads for a page: src of any element, href of <link> (a canonical or alternate link is an
    address, not a load)."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("src"):
            self.addresses.append(str(attributes["src"]))
        rel = attributes.get("rel") or ""
        if tag == "link" and attributes.get("href") and rel not in ("canonical", "alternate"):
            self.addresses.append(str(attributes["href"]))


def test_no_page_loads_anything_from_another_host(zensical_demo: tuple[Path, str]) -> None:
    site, _ = zensical_demo
    for path in sorted(site.rglob("*.html")):
        html = path.read_text("utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, path
        parser = _Fetched()
        parser.feed(html)
        fetched = [address for address in parser.addresses if urlsplit(address).scheme in ("http", "https")]
        assert fetched == [], path
        # The same policy as the MkDocs build: only the site's own scripts run, inline ones by hash.
        assert "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'" in html


def test_every_build_says_what_zensical_does_not_do(zensical_demo: tuple[Path, str]) -> None:
    _, printed = zensical_demo
    for limit in LIMITS:
        assert f"warning: --engine zensical: {limit}" in printed
    assert "64 generated page(s) rendered by Zensical" in printed


def test_a_content_error_stops_the_build_and_leaves_the_last_site(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "project")
    assert build(project).returncode == 0
    before = tree_digest(project / "site")
    citations = project / "content" / "articles" / "americans-russia-forced-to-fight.yaml"
    text = citations.read_text("utf-8")
    citations.write_text(text.replace("verdict: misleading", "verdict: wrong", 1), "utf-8")
    run = build(project)
    assert run.returncode == 1
    located = rf"content/articles/{citations.name}:\d+:\d+: error: claim '[\w-]+': unknown verdict 'wrong'"
    assert re.search(located, run.stderr), run.stderr
    assert "the build failed" in run.stderr
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".site.*")), "no staging directory is left behind"


def test_a_page_zensical_leaves_out_stops_the_build_naming_it(tmp_path: Path) -> None:
    # A site setting that hides a page from Zensical (exclude_docs): the site would lack that claim page.
    project = copy_demo(tmp_path / "project")
    last_good = project / "site" / "index.html"
    last_good.parent.mkdir()
    last_good.write_text("the last good site", "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + f"exclude_docs: |\n  {ARTICLE}/claims/typo-th/\n", "utf-8")
    run = build(project)
    assert run.returncode == 1
    assert f"Zensical left out 1 of the 64 generated pages, so the site was not published: {ARTICLE}/claims/typo-th" \
        in run.stderr  # fmt: skip
    assert last_good.read_text("utf-8") == "the last good site"
    assert sorted(path.name for path in last_good.parent.iterdir()) == ["index.html"]


def test_strict_stops_on_factsite_warnings(tmp_path: Path) -> None:
    """Zensical's strict mode is not used; factsite's own is: a warning fails `--strict`."""
    project = copy_demo(tmp_path / "project")
    shutil.rmtree(project / "content" / "articles")
    (project / "content" / "articles").mkdir()
    lenient = build(project)
    assert lenient.returncode == 0 and "no articles found" in lenient.stderr, lenient.stderr
    shutil.rmtree(project / "site")
    run = build(project, "--strict")
    assert run.returncode == 1
    assert "no articles found" in run.stderr
    assert not (project / "site").exists()


def test_editor_pages_are_sanitised_and_titled_as_with_mkdocs(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "project")
    about = project / "content" / "about.md"
    about.write_text(about.read_text("utf-8") + '\n<script>alert("from content")</script>\n'
                     '<p onclick="alert(2)">Press</p>\n', "utf-8")  # fmt: skip
    # Not in the nav, no front matter: titled by its first heading, escaped once.
    (project / "content" / "notes.md").write_text('# Notes & "queries"\n\nText.\n', "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - About: about.md", "  - About: about.md\n  - gone.md"))
    run = build(project)
    assert run.returncode == 0, run.stderr
    assert "warning: --engine zensical: mkdocs.yml: the nav names 'gone.md', which is not a page of the site" \
        in run.stderr  # fmt: skip
    page = (project / "site" / "about" / "index.html").read_text("utf-8")
    assert "Press" in page and "alert(" not in page and "onclick" not in page
    notes = (project / "site" / "notes" / "index.html").read_text("utf-8")
    assert "<title>Notes &amp; &quot;queries&quot; - factsite demo desk</title>" in notes
    # Under --strict the nav entry that names no page stops the build, as MkDocs' strict mode does.
    strict = build(project, "--strict")
    assert strict.returncode == 1
    assert "the nav names 'gone.md'" in strict.stderr and "an error under --strict" in strict.stderr


def test_an_image_from_another_host_in_an_editor_page_stops_the_build(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "project")
    about = project / "content" / "about.md"
    text = about.read_text("utf-8")
    about.write_text(text + "\n![Logo](https://images.example.com/logo.png)\n", "utf-8")
    run = build(project)
    assert run.returncode == 1
    assert re.search(rf"content/about\.md:{text.count(chr(10)) + 2}:\d+: error: .*images\.example\.com", run.stderr), \
        run.stderr  # fmt: skip
    assert not (project / "site").exists()


def test_a_configuration_that_inherits_another(tmp_path: Path) -> None:
    """INHERIT is resolved by factsite (the staged configuration lives in another folder), as MkDocs resolves it."""
    project = copy_demo(tmp_path / "project")
    (project / "mkdocs.yml").rename(project / "base.yml")
    (project / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: Inherited desk\n", "utf-8")
    run = build(project, "--site-dir", "out")
    assert run.returncode == 0, run.stderr
    assert "<title>About - Inherited desk</title>" in (project / "out" / "about" / "index.html").read_text("utf-8")
    assert len(claim_pages(project / "out")) == 45


def test_a_theme_override_zensical_cannot_run_stops_the_build_naming_it(tmp_path: Path) -> None:
    # A Material override written for Jinja2, which prints nothing for an undefined value; Zensical's engine stops.
    project = copy_demo(tmp_path / "project")
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block extrahead %}\n{{ page.meta.nothing_here }}\n{% endblock %}\n', "utf-8"
    )
    config = project / "mkdocs.yml"
    themed = config.read_text("utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    config.write_text(themed, "utf-8")
    last_good = project / "site" / "index.html"
    last_good.parent.mkdir()
    last_good.write_text("the last good site", "utf-8")
    run = build(project)
    assert run.returncode == 1
    assert "zensical build failed (exit status 1): RuntimeError: undefined value (in main.html:3)" in run.stderr
    assert "the site's custom_dir (overrides)" in run.stderr
    assert last_good.read_text("utf-8") == "the last good site"
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".site")) == []


def test_the_sitemap_dates_every_page_as_the_mkdocs_build(zensical_demo: tuple[Path, str], built_demo: Path) -> None:
    site, _ = zensical_demo

    def dated(path: Path) -> dict[str, str]:
        return dict(re.findall(r"<loc>([^<]*)</loc>\s*<lastmod>([^<]*)</lastmod>", path.read_text("utf-8")))

    theirs = dated(built_demo / "sitemap.xml")
    assert len(theirs) == 66 - 1  # every page but 404.html
    assert dated(site / "sitemap.xml") == theirs
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
