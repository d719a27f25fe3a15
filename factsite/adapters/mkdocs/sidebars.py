"""Material's sidebars rendered once for every page that would get the same ones.

Material renders both sidebars (the site navigation and the page's table of contents) on every page, and
the navigation is the costliest part of its template: at 5,000 claim pages, a fifth of the time spent
in templates. A page the navigation does not list (a claim, an article) gets sidebars that depend only on
the address of each navigation page as seen from it, on its table of contents and on what its front
matter hides; every claim page of a site at the same folder depth has the same ones. The template asks
`Sidebars` for the block, which renders it the first time a set of those inputs is seen and reuses it after.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import normalize_url


class Sidebars:
    """The `factsite_sidebars` template global: `{{ factsite_sidebars(super) }}` in the `site_nav` block.

    One instance per build (the navigation changes between builds of the live preview)."""

    def __init__(self, nav: Navigation, homepage: str | None) -> None:
        self.nav_pages = tuple(nav.pages)
        # Every address the sidebars link to: navigation pages and links, and the logo's.
        self.addresses = tuple(_addresses(nav.items))
        self.homepage = homepage if homepage is not None else (nav.homepage.url if nav.homepage else "")
        self.rendered: dict[Hashable, Markup] = {}

    @jinja2.pass_context
    def __call__(self, context: jinja2.runtime.Context, parent: Callable[[], Markup]) -> Markup:
        key = self.key(context.get("page"), context.get("base_url", ""))
        if key is None:
            return parent()
        if key not in self.rendered:
            self.rendered[key] = parent()
        return self.rendered[key]

    def key(self, page: Page | None, base_url: str) -> Hashable | None:
        """What the sidebars of `page` depend on, or None when it is listed in the navigation (then an
        item is marked as the current page and nothing is shared)."""
        if page is None or any(page is listed for listed in self.nav_pages):
            return None
        return (
            tuple(normalize_url(address, page, base_url) for address in self.addresses),
            normalize_url(self.homepage, page, base_url),
            base_url,
            _toc_key(page.toc.items),
            repr(page.meta.get("hide")),
            page.meta.get("factsite_language"),  # Material's words ("Navigation", "Table of contents")
        )


def _addresses(items: list[Any]) -> list[str]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found.extend(_addresses(item.children))
        elif isinstance(item, (Page, Link)) and item.url is not None:
            found.append(item.url)
    return found


def _toc_key(items: list[AnchorLink]) -> tuple[Any, ...]:
    return tuple((item.title, item.id, item.level, _toc_key(item.children)) for item in items)
