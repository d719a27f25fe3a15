"""MkDocs pages whose body the core has already rendered: MkDocs only wraps them in the theme."""

from __future__ import annotations

import html
import os
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from factsite.adapters.mkdocs.bodies import PageBodies
from factsite.adapters.mkdocs.internals import PlainCanonicalUrl
from factsite.adapters.mkdocs.languages import page_meta
from factsite.adapters.mkdocs.search_ranking import search_meta
from factsite.render.pages import SitePage


class GeneratedFile(File):
    """The file of a generated page.

    In factsite's own builds (MkDocs' `dirty` mode) the plugin renders these pages itself, reusing
    unchanged ones, so MkDocs is told they are never modified.
    """

    def is_modified(self) -> bool:
        return False

    @property
    def src_path(self) -> str:
        return os.path.normpath(self.src_uri)

    @src_path.setter
    def src_path(self, value: str) -> None:
        # A generated page's path is already '/'-separated and relative (`SitePage.src_uri`): set as it is, without
        # the `PurePath` that MkDocs' setter parses it with (a third of making a file, 26,903 of them at 25,000
        # claim pages, on every build).
        self.src_uri = value


class GeneratedPage(PlainCanonicalUrl):
    """A page of the fact-check site; skips Markdown entirely, which is most of a page's build time.

    Everything MkDocs reads from a page is set on construction, so the page is complete even when
    MkDocs skips reading it (factsite's own builds render generated pages themselves).
    """

    def __init__(self, site_page: SitePage, file: File, config: MkDocsConfig, bodies: PageBodies | None = None) -> None:
        # Where the body is kept when it is not in memory (a build that runs once): read whenever MkDocs asks.
        self._bodies = bodies
        # Material prints titles unescaped (they are HTML in MkDocs), so content text is escaped here, once.
        super().__init__(html.escape(site_page.title), file, config)
        self.site_page = site_page
        self.markdown = ""
        self.show(site_page, config)

    def show(self, site_page: SitePage, config: MkDocsConfig) -> None:
        """Show `site_page` from now on (the live preview updates changed pages in place)."""
        if site_page.title != self.site_page.title:  # a title set by the nav config is kept
            self.title = html.escape(site_page.title)
        self.site_page = site_page
        self.update_date = site_page.date.isoformat()
        self.read_source(config)
        self.render(config, Files([]))

    def read_source(self, config: MkDocsConfig) -> None:
        self.meta = {
            "title": html.escape(self.site_page.title),
            "description": html.escape(self.site_page.description),
            "factsite_kind": self.site_page.kind,
            "factsite_structured_data": self.site_page.structured_data,
            "factsite_image": self.site_page.image,
            "hide": ["navigation", "toc"] if self.site_page.kind in ("article", "claim") else ["toc"],
            # The page's language, for the theme (factsite/adapters/mkdocs/languages.py).
            **page_meta(self.site_page.locale, config.extra.get("factsite_locale", "en"), config.theme.dirs),
            # How Material's search ranks the page, or that it leaves it out (search_ranking.py).
            **search_meta(self.site_page.kind),
        }

    def keeps_body_in(self, bodies: PageBodies | None) -> bool:
        """Whether the page reads its body from `bodies` (None: from memory). A page of an earlier build that
        ran once read it from that build's store, closed when the build ended: it has no body any more."""
        return self._bodies is bodies

    @property
    def content(self) -> str | None:
        if self._bodies is not None:
            stored = self._bodies.read(self.file.src_uri)
            if stored is not None:
                return stored
        return self._content

    @content.setter
    def content(self, value: str | None) -> None:
        self._content = value

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.site_page.body_html
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def generated_page(site_page: SitePage, config: MkDocsConfig, in_nav: bool,
                   bodies: PageBodies | None = None) -> GeneratedPage:  # fmt: skip
    """A MkDocs file and page for `site_page`; pages outside the navigation keep builds linear. `bodies`: where
    its body is kept, if it is not in `site_page`."""
    inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
    # Built directly rather than by File.generated, which works only inside a plugin event: the live
    # preview also adds pages between builds. Generated pages have no source to read.
    src_uri = site_page.src_uri
    file = GeneratedFile(
        src_uri,
        src_dir=None,
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
        # Every generated page is an `index.md`, written `index.html` beside it with directory addresses or
        # without (as MkDocs' `File.dest_uri` would find, by longer ways).
        dest_uri=posixpath.join(posixpath.dirname(src_uri), "index.html"),
        inclusion=inclusion,
    )
    file.generated_by = "factsite"
    return GeneratedPage(site_page, file, config, bodies)
