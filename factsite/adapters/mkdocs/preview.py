"""The live preview: a site built in place in a preview directory, rebuilt only as a change needs.

A change to fact-check files (`content/articles/`, `content/sources/`) re-checks and re-renders
only what it touches, without running MkDocs' whole build: the previous build's files, navigation
and theme stay in memory, changed pages are rendered again in place, removed ones deleted, and
the sitemap and Material's search index (small sites) rewritten; the data files are written when
asked for (`DataFiles`). Any other change
(mkdocs.yml, templates, editor pages) runs a full MkDocs build in place, which still reuses every
page whose inputs did not change. A content error leaves the last good preview on disk; the
server shows the problems instead (`PreviewServer`).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, PluginError
from mkdocs.structure.files import Files

from factsite.adapters.mkdocs.commands import load_site_config, quiet_dirty_warning, start_plugins
from factsite.adapters.mkdocs.internals import (
    build_theme_template,
    page_context,
    restart_material_search,
    write_material_search,
)
from factsite.adapters.mkdocs.pages import GeneratedFile, GeneratedPage, generated_page
from factsite.adapters.mkdocs.plugin import CONTENT_DIRS, FactsitePlugin, in_nav
from factsite.adapters.mkdocs.rendering import render_pages
from factsite.build.incremental.memory import long_lived
from factsite.build.incremental.page_cache import forget_manifest, manifest_path, remove_stale
from factsite.build.progress import Progress
from factsite.lint.engine import run_engine
from factsite.model import Problem, Project
from factsite.render.annotations import ANNOTATIONS_FILE
from factsite.render.data_files import ArticleData, site_files
from factsite.render.feeds import ATOM_FILE, CLAIM_REVIEW_FEED_FILE
from factsite.render.pages import SitePage


@dataclass
class PreviewOutcome:
    """What one preview build did: its problems, how it built, what it rendered, its duration."""

    project: Project | None
    mode: str  # "full" or "content"
    rendered: int = 0
    seconds: float = 0.0
    site_errors: list[str] = field(default_factory=list)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.project.problems if self.project is not None else ()

    @property
    def ok(self) -> bool:
        return not self.site_errors and self.project is not None and not self.project.errors


class Preview:
    """Builds one site into `site_dir` again and again, each time doing only what changes need."""

    def __init__(self, config_file: str, site_dir: Path, serve_url: str | None = None,
                 progress: Progress | None = None) -> None:  # fmt: skip
        self.config_file = Path(config_file).resolve()
        self.site_dir = site_dir
        self.serve_url = serve_url
        self.progress = progress
        self.config: MkDocsConfig | None = None
        self._ready = False  # the last full build succeeded: its files and theme are in memory
        self._dates: dict[str, str] = {}  # each page's date, by file: the sitemap shows them
        self._files: Files | None = None  # the files of this preview's last build
        self._search = ""  # the search engine of the last full build
        self.data_files = DataFiles(site_dir)
        self._long_lived = contextlib.ExitStack()  # the last full build's objects, until the next one

    @property
    def plugin(self) -> FactsitePlugin:
        assert self.config is not None
        plugin = self.config.plugins["factsite"]
        assert isinstance(plugin, FactsitePlugin)
        return plugin

    def watched(self) -> list[Path]:
        """What to watch: the content, mkdocs.yml and the theme directories outside packages."""
        config = self.config or self._load()
        paths = [Path(config.docs_dir), self.config_file]
        for directory in config.theme.dirs:
            if "site-packages" not in Path(directory).parts:
                paths.append(Path(directory))
        return paths

    def build(self, changed: Collection[Path] = ()) -> PreviewOutcome:
        """Bring the preview up to date with the files in `changed` (all of them if empty)."""
        started = time.perf_counter()
        self.data_files.mark_stale(None)  # a full build writes them; a content change marks them
        if self.config is None or self.config_file in changed:
            self.config, self._ready = self._load(), False
        # MkDocs shares plugin instances between the builds of a process: another build in between
        # (a test, a benchmark) leaves the plugin holding its files, and then all is built again.
        ours = self._ready and self.plugin.files is self._files
        if ours and changed and all(self._is_content(path) for path in changed):
            outcome = self._refresh_content()
        else:
            outcome = self._build_all()
        outcome.seconds = time.perf_counter() - started
        self.plugin.progress.finish()
        return outcome

    def wait(self) -> None:
        """Write the data files if the last build left them out of date."""
        self.data_files.write()

    def _load(self) -> MkDocsConfig:
        config = load_site_config(str(self.config_file), strict=False, site_dir=str(self.site_dir))
        if self.serve_url:
            config.site_url = self.serve_url
        # Pagefind indexes the whole site: `build` makes the index.
        start_plugins(config, "serve", None, self.progress, index_search=False)
        return config

    def _is_content(self, path: Path) -> bool:
        assert self.config is not None
        try:
            relative = path.resolve().relative_to(Path(self.config.docs_dir).resolve())
        except ValueError:
            return False
        return relative.as_posix().startswith(CONTENT_DIRS)

    def _build_all(self) -> PreviewOutcome:
        assert self.config is not None
        outcome = PreviewOutcome(None, "full")
        self._ready = False
        self._long_lived.close()  # the previous build's objects may be garbage now
        try:
            with quiet_dirty_warning():
                mkdocs_build(self.config, serve_url=self.serve_url, dirty=True)
            self._ready = True
            self._prepare_for_edits()
            self._dates = {p.file.dest_uri: p.update_date for p in self.plugin.pages.values()}
            self._files, self._search = self.plugin.files, self.plugin.search
        except PluginError:
            pass  # content errors: the project holds them, located
        except (Abort, BuildError) as problem:
            outcome.site_errors.append(str(problem))
        plugin = self.plugin
        outcome.project = plugin.project
        if outcome.project is not None and outcome.project.errors:
            outcome.site_errors = []  # MkDocs' "Aborted with a BuildError!" after them: they are why
        outcome.rendered = len(plugin.reuse.to_render) if plugin.reuse is not None else 0
        return outcome

    def _prepare_for_edits(self) -> None:
        """Make the first content edit as quick as the next ones."""
        settings = self.plugin.settings
        if settings is not None and settings.lint:
            run_engine("Ready.", settings.locale)  # loads the linter's dictionary, once
        # A large site keeps millions of objects alive between edits; the garbage collector
        # would walk them all, every few edits, for nothing: they are set aside until the next
        # full build.
        self._long_lived.enter_context(long_lived(collect=True))

    def _refresh_content(self) -> PreviewOutcome:
        """Re-check and re-render after a change to fact-check files only."""
        config, plugin = self.config, self.plugin
        assert config is not None and plugin.files is not None and plugin.env is not None
        newest = plugin.newest
        try:
            site_pages = plugin.site_pages(config)
        except PluginError:
            return PreviewOutcome(plugin.project, "content")
        if plugin.newest != newest or plugin.search != self._search:
            # Editor pages show the newest date; a change of search engine changes every page.
            return self._build_all()
        changed, removed = self._update_pages(site_pages)
        assert plugin.nav is not None and plugin.project is not None
        # Material's index holds every page: it starts afresh and sees them all again, in the order of a
        # full build (editor pages, then generated ones as they are rendered).
        indexed = plugin.search == "material" and restart_material_search(config)
        if indexed:
            self._announce_editor_pages()
        render_pages(list(plugin.pages.values()), set(map(id, changed)), config, plugin.files,
                     plugin.nav, plugin.env, jobs=1, per_process=1)  # fmt: skip
        if indexed:
            plugin.shape_material_search(config)
            write_material_search(config)
        self._files = plugin.files
        dates = {page.file.dest_uri: page.update_date for page in plugin.pages.values()}
        if dates != self._dates:  # pages came, went or changed date: the sitemap lists them all
            build_theme_template("sitemap.xml", plugin.env, plugin.files, config, plugin.nav)
        self._dates = dates
        # A removed claim or article page takes its social card with it.
        cards = [page.site_page.image for page in removed if page.site_page.image]
        remove_stale(self.site_dir, [page.file.dest_uri for page in removed] + cards)
        # Pages changed in place without a manifest: the next full build renders every page.
        forget_manifest(manifest_path(plugin.cache_dir, self.site_dir))
        self.data_files.mark_stale(plugin.project, plugin.article_data)
        return PreviewOutcome(plugin.project, "content", rendered=len(changed))

    def _announce_editor_pages(self) -> None:
        config, plugin = self.config, self.plugin
        assert config is not None and plugin.files is not None and plugin.nav is not None
        doc_files = plugin.files.documentation_pages()
        for file in doc_files:
            if file.page is not None and not isinstance(file, GeneratedFile):
                page, nav = file.page, plugin.nav
                context = page_context(nav, doc_files, config, page)
                config.plugins.on_page_context(context, page=page, config=config, nav=nav)

    def _update_pages(self, site_pages: list[SitePage]) -> tuple[list[GeneratedPage], list[GeneratedPage]]:
        """Give the plugin's pages their new content: changed pages in place, new ones added."""
        config, plugin = self.config, self.plugin
        assert config is not None and plugin.files is not None
        old = plugin.pages
        pages: dict[str, GeneratedPage] = {}
        changed = []
        for site_page in site_pages:
            page = old.get(site_page.src_uri)
            if page is None:
                page = generated_page(site_page, config, in_nav=in_nav(site_page))
                changed.append(page)
            elif page.site_page.digest != site_page.digest:
                page.show(site_page, config)
                changed.append(page)
            pages[site_page.src_uri] = page
        removed = [page for uri, page in old.items() if uri not in pages]
        if list(pages) != list(old):
            # Pages came or went: the file list is rebuilt in site order, as a full build makes it.
            others = [file for file in plugin.files if not isinstance(file, GeneratedFile)]
            plugin.files = Files(others + [page.file for page in pages.values()])
        plugin.pages = pages
        return changed, removed


class DataFiles:
    """The site's data files (claims.json, feeds, annotations), written when someone asks for them.

    At 25,000 claims they take seconds to generate, and the pages an editor previews never
    load them: after a content change they are only marked out of date, and written when the
    server is asked for one of them (or `write` is called). Generating them in the background
    instead would slow the next rebuild, which competes with it for the interpreter.
    """

    NAMES = frozenset(("claims.json", ANNOTATIONS_FILE, CLAIM_REVIEW_FEED_FILE, ATOM_FILE))

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._pending: Project | None = None
        self._data: list[ArticleData] | None = None  # each article's items, made with its pages
        self._lock = threading.Lock()

    def mark_stale(self, project: Project | None, data: list[ArticleData] | None = None) -> None:
        with self._lock:
            self._pending, self._data = project, data

    def write(self) -> None:
        with self._lock:
            project, self._pending = self._pending, None
            if project is None:
                return
            for relative, data in site_files(project, self._data):
                path = self.site_dir / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
