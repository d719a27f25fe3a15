"""MkDocs pages whose body the core has already rendered: MkDocs only wraps them in the theme."""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from factsite.render.pages import SitePage


class GeneratedPage(Page):
    """A page of the fact-check site; skips Markdown entirely, which is most of a page's build time."""

    def __init__(self, site_page: SitePage, file: File, config: MkDocsConfig) -> None:
        # Material prints titles unescaped (they are HTML in MkDocs), so content text is escaped here, once.
        super().__init__(html.escape(site_page.title), file, config)
        self.site_page = site_page
        self.update_date = site_page.date.isoformat()

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = {
            "title": html.escape(self.site_page.title),
            "description": html.escape(self.site_page.description),
            "factsite_kind": self.site_page.kind,
            "factsite_structured_data": self.site_page.structured_data,
            "hide": ["navigation", "toc"] if self.site_page.kind in ("article", "claim") else ["toc"],
        }

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.site_page.body_html
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
