"""Long listings (the index, the sources page, a claimant's page) continue on numbered pages: `page/2/`,
`sources/page/2/`, `claimants/NAME/page/2/`.

The demo is built with a few items a page; every link of every page must still resolve, each page lists its
share in order, and only the first page of a listing is in the navigation.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.adapters.mkdocs.search_documents import documents
from factsite.render.pages import Pagination, paginate
from tests.conftest import copy_demo
from tests.publish.site_fixture import write_paginated_site
from tests.site.test_links import broken_links

SOURCES_PER_PAGE = 4


@pytest.mark.parametrize(
    ("count", "per_page", "first", "paths", "sizes"),
    [
        (0, 3, "", ("",), [0]),
        (3, 3, "", ("",), [3]),
        (7, 3, "", ("", "page/2", "page/3"), [3, 3, 1]),
        (7, 3, "sources", ("sources", "sources/page/2", "sources/page/3"), [3, 3, 1]),
        (7, 0, "sources", ("sources",), [7]),
    ],
    ids=["empty", "exactly-one-page", "index", "sources", "zero-means-one-page"],
)
def test_paginate(count: int, per_page: int, first: str, paths: tuple[str, ...], sizes: list[int]) -> None:
    pages = paginate(list(range(count)), per_page, first)
    assert [pagination.paths for _, pagination in pages] == [paths] * len(paths)
    assert [len(chunk) for chunk, _ in pages] == sizes
    assert [item for chunk, _ in pages for item in chunk] == list(range(count))
    assert [pagination.offset for _, pagination in pages] == [sum(sizes[:n]) for n in range(len(sizes))]
    assert pages[0][1].previous is None and pages[-1][1].following is None


@pytest.fixture(scope="module")
def paginated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_demo(tmp_path_factory.mktemp("paginated") / "project")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "  - factsite:\n" in text
    config.write_text(text.replace("  - factsite:\n", f"  - factsite:\n      per_page: {SOURCES_PER_PAGE}\n"))
    outcome = build_site(str(config))
    assert outcome.ok, [str(p) for p in outcome.project.problems] if outcome.project else outcome.site_errors
    return project / "site"


def source_titles(page: Path) -> list[str]:
    return re.findall(r'class="fs-source__title"[^>]*><a href="[^"]*">([^<]*)</a>', page.read_text("utf-8"))


def test_every_link_of_every_page_resolves(paginated: Path) -> None:
    assert list(broken_links(paginated)) == []


def test_the_sources_are_shared_out_in_order(paginated: Path, built_demo: Path) -> None:
    everything = source_titles(built_demo / "sources" / "index.html")
    count = -(-len(everything) // SOURCES_PER_PAGE)
    assert count >= 4
    pages = [paginated / "sources" / "index.html"]
    pages += [paginated / "sources" / "page" / str(n) / "index.html" for n in range(2, count + 1)]
    last = len(everything) - SOURCES_PER_PAGE * (count - 1)
    assert [len(source_titles(page)) for page in pages] == [SOURCES_PER_PAGE] * (count - 1) + [last]
    assert [title for page in pages for title in source_titles(page)] == everything
    assert not (paginated / "sources" / "page" / str(count + 1)).exists()


def test_each_page_links_its_neighbours_and_names_its_number(paginated: Path) -> None:
    count = 1 + len(list((paginated / "sources" / "page").iterdir()))
    second = (paginated / "sources" / "page" / "2" / "index.html").read_text("utf-8")
    assert f"<title>Sources, page 2 of {count} - " in second
    assert '<a class="fs-pagination__previous" rel="prev" href="../../">' in second
    assert '<a class="fs-pagination__next" rel="next" href="../3/">' in second
    assert '<a aria-current="page" href="./">2</a>' in second
    first = (paginated / "sources" / "index.html").read_text("utf-8")
    assert "fs-pagination__previous" not in first and f'<a href="page/{count}/">{count}</a>' in first


def test_only_the_first_page_is_in_the_navigation(paginated: Path) -> None:
    second = (paginated / "sources" / "page" / "2" / "index.html").read_text("utf-8")
    navigation = second[second.index('data-md-type="navigation"') : second.index('data-md-type="toc"')]
    assert 'href="../../"' in navigation  # the first sources page
    assert "page/3" not in navigation


def test_a_short_listing_has_no_page_list(built_demo: Path) -> None:
    assert "fs-pagination" not in (built_demo / "index.html").read_text("utf-8")
    assert "fs-pagination" not in (built_demo / "sources" / "index.html").read_text("utf-8")


def claimant_pages(site: Path, name: str) -> list[Path]:
    """A claimant's pages in order: its first page, then `page/2/`, `page/3/`, ..."""
    first = site / "claimants" / name
    later = sorted((first / "page").iterdir(), key=lambda folder: int(folder.name)) if (first / "page").is_dir() else []
    return [first / "index.html", *(folder / "index.html" for folder in later)]


def listed_claims(page: Path, site: Path) -> list[str]:
    """The claim pages a claimant page lists, as site paths (links from a later page go two folders further up)."""
    text = page.read_text("utf-8")
    lists = re.findall(r'<ul class="fs-claim-list">(.*?)</ul>', text, re.S)
    hrefs = [href for block in lists for href in re.findall(r'<li><a href="([^"]*)"', block)]
    folder = page.parent.relative_to(site).as_posix()
    return [posixpath.normpath(posixpath.join(folder, href)) for href in hrefs]


def tallies(page: Path) -> list[str]:
    return re.findall(r'<ul class="fs-tally".*?</ul>', page.read_text("utf-8"), re.S)


@pytest.fixture(scope="module")
def long_claimants(paginated: Path, built_demo: Path) -> list[str]:
    """The demo's claimants with more claims than a page holds."""
    names = [folder.name for folder in sorted((built_demo / "claimants").iterdir()) if folder.is_dir()]
    long = [name for name in names if len(listed_claims(built_demo / "claimants" / name / "index.html", built_demo))
            > SOURCES_PER_PAGE]  # fmt: skip
    assert long, "the demo has no claimant with more claims than a page holds"
    return long


def test_a_claimants_claims_are_shared_out_in_order(
    paginated: Path, built_demo: Path, long_claimants: list[str]
) -> None:
    for name in long_claimants:
        everything = listed_claims(built_demo / "claimants" / name / "index.html", built_demo)
        pages = claimant_pages(paginated, name)
        assert len(pages) == -(-len(everything) // SOURCES_PER_PAGE) >= 2
        shares = [listed_claims(page, paginated) for page in pages]
        assert [len(share) for share in shares[:-1]] == [SOURCES_PER_PAGE] * (len(pages) - 1)
        # Each claim on exactly one page, in the order of the single page.
        assert [claim for share in shares for claim in share] == everything


def test_every_claimant_page_shows_the_whole_tally(
    paginated: Path, built_demo: Path, long_claimants: list[str]
) -> None:
    for name in long_claimants:
        whole = tallies(built_demo / "claimants" / name / "index.html")
        assert whole
        pages = claimant_pages(paginated, name)
        assert [tallies(page) for page in pages] == [whole] * len(pages)


def test_a_claimants_later_pages_are_numbered_linked_and_in_the_sitemap(
    paginated: Path, long_claimants: list[str]
) -> None:
    name = long_claimants[0]
    pages = claimant_pages(paginated, name)
    count = len(pages)
    first = pages[0].read_text("utf-8")
    title = re.search(r"<title>(.*?) - ", first)
    assert title is not None
    second = pages[1].read_text("utf-8")
    assert f"<title>{title.group(1)}, page 2 of {count} - " in second
    assert '<nav class="fs-pagination" aria-label="Pages of claims">' in second
    assert '<a class="fs-pagination__previous" rel="prev" href="../../">' in second
    assert '<a aria-current="page" href="./">2</a>' in second
    assert "fs-pagination__previous" not in first and f'<a href="page/{count}/">{count}</a>' in first
    sitemap = (paginated / "sitemap.xml").read_text("utf-8")
    for number in range(1, count + 1):
        assert f"/claimants/{name}/{f'page/{number}/' if number > 1 else ''}</loc>" in sitemap
    assert not (paginated / "claimants" / name / "page" / str(count + 1)).exists()


def test_a_short_claimant_page_has_no_page_list(built_demo: Path) -> None:
    for page in (built_demo / "claimants").glob("*/index.html"):
        assert "fs-pagination" not in page.read_text("utf-8")
        assert not (page.parent / "page").exists()


def test_pagefind_reads_a_claimants_first_page_only(paginated: Path, long_claimants: list[str]) -> None:
    """The later pages hold nothing to search but the claimant's name, which the first page has."""
    paths = [path for path, _ in documents(paginated)]
    name = long_claimants[0]
    assert f"claimants/{name}/index.html" in paths
    assert not [path for path in paths if path.startswith(f"claimants/{name}/page/")]
    assert "sources/page/2/index.html" in paths  # its whole page is left out


@pytest.mark.parametrize(
    ("number", "count", "window"),
    [
        (1, 2, (1, 2)),
        (1, 7, (1, 2, 3, None, 7)),
        (4, 7, (1, 2, 3, 4, 5, 6, 7)),
        (1, 50, (1, 2, 3, None, 50)),
        (4, 50, (1, 2, 3, 4, 5, 6, None, 50)),
        (5, 50, (1, 2, 3, 4, 5, 6, 7, None, 50)),  # a gap of one page shows the page
        (6, 50, (1, None, 4, 5, 6, 7, 8, None, 50)),
        (25, 50, (1, None, 23, 24, 25, 26, 27, None, 50)),
        (47, 50, (1, None, 45, 46, 47, 48, 49, 50)),
        (50, 50, (1, None, 48, 49, 50)),
    ],
)
def test_the_page_list_shows_the_ends_and_the_neighbours(
    number: int, count: int, window: tuple[int | None, ...]
) -> None:
    paths = tuple(str(n) for n in range(1, count + 1))
    assert Pagination(number, paths, 0, count).window == window


def test_every_page_number_is_in_some_window_and_each_window_is_short() -> None:
    for count in range(1, 60):
        paths = tuple(str(n) for n in range(1, count + 1))
        windows = [Pagination(number, paths, 0, count).window for number in range(1, count + 1)]
        assert {n for window in windows for n in window if n is not None} == set(range(1, count + 1))
        assert all(len(window) <= 9 for window in windows)
        for number, window in enumerate(windows, start=1):
            shown = [n for n in window if n is not None]
            assert shown == sorted(set(shown)) and number in shown and shown[0] == 1 and shown[-1] == count


FIFTY = 50


@pytest.fixture(scope="module")
def fifty_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site of fifty articles with one item a page: an index of fifty pages, and a claimant's page of fifty."""
    root = tmp_path_factory.mktemp("fifty")
    config = write_paginated_site(root, FIFTY)
    outcome = build_site(str(config))
    assert outcome.ok, [str(p) for p in outcome.project.problems] if outcome.project else outcome.site_errors
    return root / "site"


def page_list(page: Path) -> tuple[str, list[str]]:
    """The label of a page's list of pages, and its items as a reader sees them: numbers, the current one
    starred, '…' for a gap."""
    text = page.read_text("utf-8")
    nav = re.search(r'<nav class="fs-pagination" aria-label="([^"]*)">(.*?)</nav>', text, re.S)
    assert nav is not None, page
    items = []
    for item in re.findall(r"<li[^>]*>.*?</li>", nav.group(2), re.S):
        if item == '<li class="fs-pagination__gap" aria-hidden="true">…</li>':
            items.append("…")
        else:
            link = re.fullmatch(r'<li><a (aria-current="page" )?href="[^"]*">(\d+)</a></li>', item)
            assert link is not None, item
            items.append(link.group(2) + ("*" if link.group(1) else ""))
    return nav.group(1), items


def index_page(site: Path, number: int) -> Path:
    return site / ("index.html" if number == 1 else f"page/{number}/index.html")


@pytest.mark.parametrize(
    ("number", "items"),
    [
        (1, ["1*", "2", "3", "…", "50"]),
        (2, ["1", "2*", "3", "4", "…", "50"]),
        (25, ["1", "…", "23", "24", "25*", "26", "27", "…", "50"]),
        (49, ["1", "…", "47", "48", "49*", "50"]),
        (50, ["1", "…", "48", "49", "50*"]),
    ],
)
def test_a_long_listing_shows_a_window_of_its_pages(fifty_pages: Path, number: int, items: list[str]) -> None:
    assert page_list(index_page(fifty_pages, number)) == ("Pages of fact-checked articles", items)


def test_every_page_of_a_long_listing_is_reached_by_its_links(fifty_pages: Path) -> None:
    """Following "Next page" from the first page visits every page once, in order; "Previous page" leads back."""

    def follow(start: Path, rel: str) -> list[Path]:
        visited = [start]
        while match := re.search(rf'<a class="fs-pagination__\w+" rel="{rel}" href="([^"]*)">',
                                 visited[-1].read_text("utf-8")):  # fmt: skip
            target = (visited[-1].parent / match.group(1)).resolve() / "index.html"
            assert target.is_file() and target not in visited, target
            visited.append(target)
        return visited

    pages = [index_page(fifty_pages, number).resolve() for number in range(1, FIFTY + 1)]
    assert follow(pages[0], "next") == pages
    assert follow(pages[-1], "prev") == pages[::-1]
    assert not (fifty_pages / "page" / str(FIFTY + 1)).exists()


def test_every_link_of_a_long_listing_resolves(fifty_pages: Path) -> None:
    assert list(broken_links(fifty_pages)) == []


def test_a_long_claimants_page_shows_a_window_too(fifty_pages: Path) -> None:
    pages = claimant_pages(fifty_pages, "minister")
    assert len(pages) == FIFTY
    assert page_list(pages[0]) == ("Pages of claims", ["1*", "2", "3", "…", "50"])
    assert page_list(pages[29])[1] == ["1", "…", "28", "29", "30*", "31", "32", "…", "50"]


def test_a_source_cited_by_every_article_lists_each_citing_claim_once(fifty_pages: Path) -> None:
    """The fifty articles cite the same two addresses: each is one entry listing the claims of all fifty."""
    listed = {}
    for page in (fifty_pages / "sources" / "index.html", fifty_pages / "sources" / "page" / "2" / "index.html"):
        text = page.read_text("utf-8")
        title = re.search(r'class="fs-source__title"[^>]*><a href="([^"]*)">', text)
        assert title is not None
        listed[title.group(1)] = re.findall(r'<li><a href="[./]*articles/([^/]+/claims/[^/]+)/"', text)
    slugs = {"jobs", *(f"jobs-{n:02d}" for n in range(2, FIFTY + 1))}
    plans, report = listed["https://gov.example.org/plans"], listed["https://gov.example.org/jobs"]
    assert sorted(plans) == sorted(f"{slug}/claims/more-hiring" for slug in slugs)
    assert sorted(report) == sorted(f"{slug}/claims/{claim}" for slug in slugs for claim in ("jobs-quote", "jobs-grew"))
