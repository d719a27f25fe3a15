"""Which pages share Material's sidebars: those the navigation does not list, with the same links as seen
from them and the same table of contents. Real MkDocs pages and navigation, from a small project."""

from __future__ import annotations

import pytest
from mkdocs.structure.pages import Page

from factsite.adapters.mkdocs.sidebars import Sidebars
from tests.conftest import small_mkdocs_site

PAGES = {
    "index.md": "# Home\n",
    "sources.md": "# Sources\n",
    "articles/a/index.md": "Text of A.\n\n## Background\n",
    "articles/b/index.md": "Text of B.\n\n## Background\n",
    "articles/c/index.md": "Text of C.\n\n## Reaction\n",
    "articles/a/claims/x.md": "Claim x.\n\n## Evidence\n",
    "articles/b/claims/y.md": "Claim y.\n\n## Evidence\n",
    "sources/deep/z.md": "Claim z.\n\n## Evidence\n",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Sidebars, dict[str, Page]]:
    nav, by_name = small_mkdocs_site(tmp_path_factory.mktemp("sidebars"), PAGES,
                                     "[index.md, sources.md, {Elsewhere: 'https://example.org/'}]")  # fmt: skip
    return Sidebars(nav, None), by_name


def key(pages: tuple[Sidebars, dict[str, Page]], name: str) -> object:
    sidebars, by_name = pages
    page = by_name[name]
    depth = page.url.rstrip("/").count("/") + (1 if page.url else 0)
    return sidebars.key(page, "/".join([".."] * depth) or ".")


def test_pages_listed_in_the_navigation_are_rendered_each_time(pages: tuple[Sidebars, dict[str, Page]]) -> None:
    assert key(pages, "index.md") is None
    assert key(pages, "sources.md") is None


def test_claims_of_different_articles_share_sidebars(pages: tuple[Sidebars, dict[str, Page]]) -> None:
    assert key(pages, "articles/a/claims/x.md") == key(pages, "articles/b/claims/y.md")


def test_a_page_whose_links_differ_does_not_share(pages: tuple[Sidebars, dict[str, Page]]) -> None:
    # Same depth, but under sources/: the link to the sources page is relative to it ("../../").
    assert key(pages, "sources/deep/z.md") != key(pages, "articles/a/claims/x.md")


def test_a_page_whose_contents_differ_does_not_share(pages: tuple[Sidebars, dict[str, Page]]) -> None:
    assert key(pages, "articles/a/index.md") == key(pages, "articles/b/index.md")
    assert key(pages, "articles/a/index.md") != key(pages, "articles/c/index.md")


def test_every_navigation_address_is_in_the_key(pages: tuple[Sidebars, dict[str, Page]]) -> None:
    sidebars, _ = pages
    assert sidebars.addresses == ("", "sources/", "https://example.org/")
