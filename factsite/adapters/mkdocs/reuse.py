"""Which generated pages a build must render, and reusing the files of the others.

A generated page's HTML is a function of its `SitePage` (hashed in `SitePage.digest`) and of its
context: the configuration, the theme's templates, the editor pages (their titles are in the
navigation), the settings, the search engine and the versions of MkDocs, Material and factsite.
A page whose digest and context match the manifest of the previous build, and whose file there is
intact, is not rendered: its file is linked into the new site (staged builds) or left in place.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from factsite.adapters.mkdocs.pages import GeneratedPage
from factsite.adapters.mkdocs.rendering import render_pages
from factsite.build.incremental.fingerprints import (
    catalogs_fingerprint,
    code_fingerprint,
    files_fingerprint,
    theme_templates,
    versions,
)
from factsite.build.incremental.page_cache import (
    SiteManifest,
    link_or_copy,
    load_manifest,
    manifest_path,
    record_pages,
    remove_stale,
    save_manifest,
)
from factsite.build.journal import staged_files
from factsite.settings import Settings

# Pagefind's index is replaced whole by its own step, after the pages (`search.reindex_published`).
SKIPPED = ("pagefind/",)
# MkDocs' own syntax in mkdocs.yml for a configuration read from elsewhere: `INHERIT: base.yml` (a file whose
# settings this one's complete) and `!ENV NAME` or `!ENV [NAME, OTHER, default]` (environment variables).
INHERIT = re.compile(r"""^INHERIT:\s*['"]?([^'"#\n]+?)['"]?\s*(?:#.*)?$""", re.MULTILINE)
ENV_TAG = re.compile(r"!ENV\s+(\[[^\]]*\]|[^\s,\]}#]+)")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def context_fingerprint(config: MkDocsConfig, files: Files, settings: Settings, search: str) -> str:
    """A hash of everything but the page itself that a generated page's HTML depends on."""
    editor_pages = sorted(
        Path(file.abs_src_path)
        for file in files.documentation_pages()
        if file.abs_src_path is not None and not isinstance(file.page, GeneratedPage)
    )
    parts = [
        configuration_fingerprint(Path(config.config_file_path)) if config.config_file_path else "",
        files_fingerprint(editor_pages),
        files_fingerprint(theme_templates(config.theme.dirs)),
        catalogs_fingerprint(),
        settings.fingerprint(),
        code_fingerprint(),
        search,
        *versions("mkdocs", "mkdocs-material", "jinja2", "markdown"),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def configuration_fingerprint(config_file: Path) -> str:
    """The configuration as MkDocs reads it: mkdocs.yml's bytes, those of the files it inherits from (`INHERIT:`)
    and the values of the environment variables its `!ENV` tags name. The file's bytes alone left every page
    reused after a change of `copyright:` in a parent file or in the environment."""
    digest = hashlib.sha256()
    seen: set[Path] = set()
    path: Path | None = config_file
    while path is not None and path not in seen:
        seen.add(path)
        try:
            text = path.read_text("utf-8", errors="replace")
        except OSError:
            digest.update(f"{path.as_posix()}\0missing\0".encode())
            break
        digest.update(f"{path.as_posix()}\0{text}\0".encode())
        for tag in ENV_TAG.findall(text):
            for name in NAME.findall(tag):
                digest.update(f"{name}={os.environ.get(name)!r}\0".encode())
        parent = INHERIT.search(text)
        path = Path(os.path.normpath(path.parent / parent.group(1).strip())) if parent else None
    return digest.hexdigest()


@dataclass
class PageReuse:
    """The plan of one build: which generated pages to render, which files to reuse from where."""

    context: str
    cache_dir: Path
    site_dir: Path
    previous_dir: Path
    pages: list[GeneratedPage]
    to_render: list[GeneratedPage]
    reused: list[GeneratedPage] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    # The manifest of `previous_dir`, and the data files written into `site_dir` by SHA-256 (for the next one),
    # and those of them that are `previous_dir`'s own files, unchanged.
    previous: SiteManifest | None = None
    data_files: dict[str, str] = field(default_factory=dict)
    kept_files: set[str] = field(default_factory=set)
    # `site_dir` receives only the files that changed, to be published over `previous_dir` with a journal
    # (`factsite.build.journal`): reused pages are left where they are, not linked.
    overlay: bool = False

    @classmethod
    def plan(cls, pages: Iterable[GeneratedPage], context: str, cache_dir: Path, site_dir: Path,
             previous_dir: Path | None, *, overlay: bool = False) -> PageReuse:  # fmt: skip
        """Compare the pages with the manifest of `previous_dir` (default: `site_dir`, in place).

        `overlay`: the changes may be published over `previous_dir`, when its manifest lists all its files and
        was made in the same context (else nearly every page changes, and a new site swapped in costs less)."""
        previous_dir = previous_dir or site_dir
        manifest = load_manifest(manifest_path(cache_dir, previous_dir)) or SiteManifest("", {})
        pages = list(pages)
        reused = [
            page for page in pages
            if manifest.reusable(context, page.file.dest_uri, page.site_page.digest, previous_dir)
        ]  # fmt: skip
        kept = {page.file.dest_uri for page in reused}
        to_render = [page for page in pages if page.file.dest_uri not in kept]
        current = {page.file.dest_uri for page in pages}
        stale = sorted(set(manifest.pages) - current) if previous_dir == site_dir else []
        overlay = overlay and previous_dir != site_dir and manifest.others is not None and manifest.context == context
        return cls(context, cache_dir, site_dir, previous_dir, pages, to_render, reused, stale, manifest,
                   overlay=overlay)  # fmt: skip

    def apply(self, config: MkDocsConfig, files: Files, nav: Navigation, env: jinja2.Environment,
              *, jobs: int, per_process: int,
              on_page: Callable[[], None] | None = None) -> None:  # fmt: skip
        """Link or keep the reused files, render the others, delete pages the site no longer has."""
        if self.previous_dir != self.site_dir and not self.overlay:
            previous_dir, site_dir = str(self.previous_dir), str(self.site_dir)
            for page in self.reused:
                uri = page.file.dest_uri
                link_or_copy(os.path.join(previous_dir, uri), os.path.join(site_dir, uri))
        render_pages(self.pages, set(map(id, self.to_render)), config, files, nav, env,
                     jobs=jobs, per_process=per_process, on_page=on_page)  # fmt: skip
        remove_stale(self.site_dir, self.stale)

    def record(self, site_dir: Path) -> None:
        """Save the manifest of the pages now in `site_dir`, for the next build to reuse."""
        self.save(self.manifest(site_dir), site_dir)

    def manifest(self, site_dir: Path) -> SiteManifest:
        """The manifest of the pages in `site_dir`, which stays true when the folder is renamed (or its files
        are published over `previous_dir`'s)."""
        digests = {page.file.dest_uri: page.site_page.digest for page in self.pages}
        # Every other file MkDocs wrote (into a staging directory it writes them all, changed or not).
        others = None
        if self.previous_dir != self.site_dir:
            listed = digests.keys() | self.data_files.keys()
            others = [path for path in staged_files(site_dir) if path not in listed and not path.startswith(SKIPPED)]
        kept = [page.file.dest_uri for page in self.reused] + sorted(self.kept_files)
        return record_pages(site_dir, self.context, digests, self.data_files, others=others, previous=self.previous,
                            kept=kept)  # fmt: skip

    def save(self, manifest: SiteManifest, site_dir: Path) -> None:
        save_manifest(manifest_path(self.cache_dir, site_dir), manifest)
