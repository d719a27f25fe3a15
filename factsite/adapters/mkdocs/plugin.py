"""The `factsite` MkDocs plugin: runs the core on the docs directory and adds the generated pages.

Everything a page shows is computed by the core (`factsite.build.pipeline`, `factsite.render`); this module only
translates between the core and MkDocs: settings from the config, problems to log lines or a PluginError, generated
pages to MkDocs files, and the site-wide files (structured data, feeds) to the output directory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import logging
import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from factsite.adapters.mkdocs import search
from factsite.adapters.mkdocs.bodies import PageBodies
from factsite.adapters.mkdocs.config import FactsiteConfig
from factsite.adapters.mkdocs.frame import frame_applies, install_frame
from factsite.adapters.mkdocs.internals import (
    is_material_search,
    material_search_enabled,
    material_search_entries,
    quicker_theme_environments,
    switch_material_search,
)
from factsite.adapters.mkdocs.languages import (
    install_page_gettext,
    install_theme_strings,
    page_locale,
    with_html_direction,
)
from factsite.adapters.mkdocs.pages import GeneratedFile, GeneratedPage, generated_page
from factsite.adapters.mkdocs.rendering import PAGES_PER_PROCESS
from factsite.adapters.mkdocs.reuse import PageReuse, context_fingerprint
from factsite.adapters.mkdocs.search_ranking import shape_claim_entries
from factsite.adapters.mkdocs.sidebars import Sidebars
from factsite.build.editor_pages import CONTENT_DIRS
from factsite.build.incremental import workers
from factsite.build.incremental.memory import long_lived
from factsite.build.progress import Progress
from factsite.build.site import BuildCaches, BuildOptions, SiteBuild
from factsite.build.static_files import content_file_problems, unsafe_file_problems
from factsite.build.write import DataFileWriter
from factsite.model import Problem, Project, Severity
from factsite.render.data_files import ArticleData
from factsite.render.page_safety import page_problems
from factsite.render.pages import (
    TEMPLATES_DIR,
    SitePage,
    compiled_templates,
    trust_pages,
)
from factsite.render.sanitise import sanitise_html
from factsite.render.security import add_content_security_policy
from factsite.settings import Settings, Site, make_settings

log = get_plugin_logger(__name__)

# Generated pages listed in an automatic navigation; articles and claims never are (it would make builds quadratic).
NAV_PAGES = ("index", "sources", "methodology", "corrections", "claimants", "trust", "search")


def in_nav(site_page: SitePage) -> bool:
    """Whether an automatic navigation lists the page: site-wide pages, only the first of a listing."""
    return site_page.kind in NAV_PAGES and site_page.number == 1


# How the build stops on content errors (after the number): whoever runs the build lists them, located, and says
# the site was not built; MkDocs' echo of it is left out (`commands.quiet_dirty_warning`).
CONTENT_ERRORS_STOP = " content error(s), listed above; the site was not built."


class FactsitePlugin(BasePlugin[FactsiteConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        # How to build: one frozen value, handed over by whoever starts the build (`configure`): factsite's
        # commands build in MkDocs' dirty mode, where this plugin renders the generated pages itself.
        self.options = BuildOptions()
        self.settings: Settings | None = None
        self.project: Project | None = None
        # The build core's run of this build, and its caches, which outlive it (the live preview builds many
        # times in one process).
        self.core: SiteBuild | None = None
        # The newest content date of the last build that composed pages: editor pages show it.
        self.newest = dt.date(2000, 1, 1)
        self._caches: BuildCaches | None = None
        self._material_search: bool | None = None  # the editor's own setting of Material's search
        self._long_lived = contextlib.ExitStack()  # what lives until the build ends (`long_lived`)
        # Per build: the generated pages by source path, what to render, the search engine.
        self.pages: dict[str, GeneratedPage] = {}
        self.page_problems: list[Problem] = []  # found in editor pages as they are rendered
        self.reuse: PageReuse | None = None
        # Where the generated pages' bodies wait for rendering in a build that runs once (None: in memory).
        self.bodies: PageBodies | None = None
        self.search = "material"
        self.nav: Navigation | None = None
        # The pages an automatic navigation lists, without their bodies: the edit's fast path builds the
        # navigation from them (`factsite.adapters.mkdocs.fast_edit`).
        self.nav_site_pages: list[SitePage] = []
        # Pagefind indexing the staged site in a forked process, beside the data files (`indexed`), where the
        # `build` command allows it: not when the build runs in a child of its own, which then holds the whole
        # build in memory while Pagefind runs.
        self.index_beside_data_files = False
        self.indexing: workers.Child | None = None
        self.env: jinja2.Environment | None = None
        self.files: Files | None = None

    def configure(self, options: BuildOptions) -> None:
        """How the next build runs (after `on_startup`, which resets it)."""
        self.options = options

    @property
    def progress(self) -> Progress:
        return self.options.progress

    @property
    def article_data(self) -> list[ArticleData] | None:
        return self.core.article_data if self.core is not None else None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # MkDocs keeps plugin instances between builds of one process: each build starts afresh.
        self.options = BuildOptions(dirty=dirty)
        self.index_beside_data_files = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # Third-party requests are never made: Material's default loads Google Fonts.
        config.theme["font"] = False
        # factsite's theme overrides ship with it; a user's custom_dir stays first so it can override them.
        templates = str(TEMPLATES_DIR / "theme")
        if templates not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        quicker_theme_environments(config.theme, compiled_templates())
        project_dir = Path(config.config_file_path or ".").resolve().parent
        site = Site(
            content_dir=Path(config.docs_dir).resolve(),
            project_dir=project_dir,
            site_url=config.site_url or "",
            site_name=config.site_name,
            strict=bool(config.strict),
            # The site's own stylesheets and scripts are configuration, not contributions.
            extra_files=tuple(str(path) for path in (*config.extra_css, *config.extra_javascript)),
            theme_dirs=tuple(Path(directory) for directory in config.theme.dirs),
        )
        self.settings = make_settings(plain_options(self.config), site)
        for name, svg in self.settings.icons:
            if not svg:
                log.log(logging.INFO, f"icon '{name}' not found in the theme; the verdict shows without it")
        # MkDocs lists content/ next, following links: one that loops or leads out must stop the build first,
        # with every problem of content/'s files (reported by whoever runs the build, as content errors are).
        if any(True for _ in unsafe_file_problems(self.settings.content_dir)):
            problems = content_file_problems(self.settings)
            self.project = Project(self.settings, (), tuple(problems))
            raise PluginError(f"{len(problems)}{CONTENT_ERRORS_STOP}")
        config.extra["factsite_feed"] = "feed.xml" if self.settings.structured_data else ""
        config.extra["factsite_locale"] = self.settings.locale
        config.extra["factsite_footer_links"] = [dict(link) for link in self.config.footer_links] + [
            {"title": title, "url": path + "/"} for path, title in trust_pages(self.settings.trust)
        ]
        return config

    @event_priority(50)  # Before other plugins see the files, so they find the generated pages.
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.settings is None:
            return None
        self.page_problems = []
        site_pages = self.site_pages(config)
        for file in list(files):
            if file.src_uri.startswith(CONTENT_DIRS) or file.src_uri == "index.md":
                files.remove(file)
        previous = self.pages
        self.pages = {}
        for site_page in site_pages:
            # A page object of the previous build in this process is reused when nothing changed.
            page = previous.get(site_page.src_uri)
            if not _same_page(page, site_page, config, self.bodies):
                page = generated_page(site_page, config, in_nav=in_nav(site_page), bodies=self.bodies)
            assert page is not None
            self.pages[site_page.src_uri] = page
            files.append(page.file)
        if self.options.dirty:
            if self.options.previous_site is None:
                _render_editor_pages_again(files)
            self.reuse = self._plan_reuse(config, files)
        self._long_lived.enter_context(long_lived())  # the pages, too, live until the build ends
        return files

    @property
    def cache_dir(self) -> Path:
        assert self.settings is not None
        return Path(self.settings.project_dir, self.config.cache_dir)

    def site_pages(self, config: MkDocsConfig) -> list[SitePage]:
        """Check the content and compose the generated pages (the build core's job); raises PluginError,
        after logging every problem, when the content has errors."""
        assert self.settings is not None
        self._caches = BuildCaches.reusable(self._caches, self.settings, self.cache_dir)
        options = replace(self.options, cache_dir=self.cache_dir)
        self.core = core = SiteBuild(self.settings, options, self._caches)
        self.project = project = core.check()
        # The checked content lives until the build ends: the garbage collector need not scan it again
        # and again (at 25,000 claims that is a third of writing the data files). Released after the build.
        self._long_lived.enter_context(long_lived())
        for problem in project.problems:
            (log.error if problem.severity is Severity.ERROR else log.warning)(str(problem))
        if project.errors:
            raise PluginError(f"{len(project.errors)}{CONTENT_ERRORS_STOP}")
        composed = core.pages()
        self._close_bodies()
        if self.options.once:  # nothing renders these pages again in this process: their bodies wait on disk
            self.bodies = PageBodies.open(self.cache_dir)
        bodies = self.bodies
        site_pages = [bodies.keep(page) for page in composed] if bodies is not None else list(composed)
        self.newest = core.newest
        self.search = search.choose_search(self.config.search, len(site_pages), self.config.pagefind_above)
        self._switch_material_search(config, on=self.search == "material")
        if self.search == "pagefind":
            site_pages.append(search.search_page(self.newest, self.settings.locale))
        self.nav_site_pages = [replace(page, body_html="") for page in site_pages if in_nav(page)]
        return site_pages

    def _plan_reuse(self, config: MkDocsConfig, files: Files) -> PageReuse:
        assert self.settings is not None
        cache_dir = self.cache_dir
        context = context_fingerprint(config, files, self.settings, self.search)
        return PageReuse.plan(self.pages.values(), context, cache_dir, Path(config.site_dir),
                              self.options.previous_site, overlay=self.options.overlay)  # fmt: skip

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        self.nav = nav

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> None:
        self.env, self.files = env, files
        env.bytecode_cache = compiled_templates()
        install_page_gettext(env, config.extra.get("factsite_locale", "en"))
        install_theme_strings(env)
        if self.nav is not None:
            env.globals["factsite_sidebars"] = Sidebars(self.nav, config.extra.get("homepage"))
            if frame_applies(config):
                install_frame(env, self.nav, config.theme.custom_dir)

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> None:
        # Editor pages carry the newest content date, so output never depends on when the build ran.
        if not isinstance(page, GeneratedPage):
            page.update_date = self.newest.isoformat()
            for key in ("title", "description"):  # printed unescaped in the theme's <head>
                if key in page.meta:
                    page.meta[key] = html.escape(str(page.meta[key]))
        return None

    def on_page_content(self, html_text: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        # Editor pages are content too: their HTML is sanitised like an article's (generated pages already are).
        if not self.config.enabled or isinstance(page, GeneratedPage):
            return None
        clean = sanitise_html(html_text)
        if self.settings is not None:  # images from other hosts, the theme's ids: reported once all pages are
            shown_as = f"{self.settings.content_dir.name}/{page.file.src_uri}"
            self.page_problems.extend(page_problems(clean, page.file.content_string, shown_as))
        return clean

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
        # Theme pages such as 404.html get the same policy as every other page.
        if not self.config.enabled or not template_name.endswith(".html"):
            return None
        return add_content_security_policy(output_content)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        # Scripts that came with the content are left out of the policy: only the theme's own run.
        output = add_content_security_policy(output, page.content or "")
        output = with_html_direction(output, page_locale(page, config.extra.get("factsite_locale", "en")))
        if isinstance(page, GeneratedPage) and page.site_page.kind == "search":
            output = search.allow_wasm(output)
        return output

    # Before Material's search plugin writes its index, which must hold the generated pages too.
    @event_priority(50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._finish_build(config)
        finally:
            self._long_lived.close()  # what the build held can be collected again (the preview builds many times)
            self._close_bodies()

    def _finish_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.project is None:
            return
        if self.page_problems:  # editor pages' errors stop the build as articles' do, all listed together
            problems = tuple(sorted(self.page_problems, key=lambda p: (p.location.path, p.location.line)))
            self.project = replace(self.project, problems=self.project.problems + problems)
            for problem in problems:
                log.error(str(problem))
            raise PluginError(f"{len(problems)}{CONTENT_ERRORS_STOP}")
        if self.reuse is not None:
            assert self.nav is not None and self.env is not None and self.files is not None
            self.progress.stage("rendering", len(self.reuse.to_render), "pages")
            per_process = 1 if self.options.parallel_always else PAGES_PER_PROCESS
            self.reuse.apply(config, self.files, self.nav, self.env, jobs=self.options.jobs,
                             per_process=per_process, on_page=self.progress.advance)  # fmt: skip
        self._index_beside_data_files(config)
        self.progress.stage("writing data files", 0, "")
        assert self.core is not None
        previous = self.reuse.previous if self.reuse is not None else None
        overlay = self.reuse is not None and self.reuse.overlay
        writer = DataFileWriter(Path(config.site_dir), self.options.previous_site, previous, self.core.read_stored,
                                overlay=overlay)  # fmt: skip
        for relative, data in self.core.data_file_data():
            writer.write(relative, data)
        if self.reuse is not None:
            self.reuse.data_files, self.reuse.kept_files = writer.digests, writer.kept
        self.shape_material_search(config)
        if self.search == "pagefind" and self.options.index_search:
            self.progress.stage("indexing for search", 0, "")
            try:
                search.index_site(Path(config.site_dir))
            except search.SearchIndexError as problem:
                raise PluginError(str(problem)) from None
        if self.reuse is not None and self.options.previous_site is None:
            self.reuse.record(Path(config.site_dir))  # built in place: the next build reuses it
        self.progress.finish()

    def _index_beside_data_files(self, config: MkDocsConfig) -> None:
        """Start Pagefind's index of the staged site in a forked process while this one writes the data files, which
        Pagefind does not read (it reads the pages, all written by now), where the `build` command would index the
        staged site right after the build and allows it (`index_beside_data_files`): `index_search` off, a whole
        new site staged (not changes to publish over the site, which is indexed after) and no published index to
        keep until the new one follows (a first build, or one into a new folder, has none). Awaited: `indexed`."""
        if not self.index_beside_data_files or self.search != "pagefind" or self.options.index_search:
            return
        if self.options.jobs < 2 or self.reuse is None or self.reuse.overlay:
            return
        published = self.options.previous_site
        if published is not None and (published / search.PAGEFIND_DIR).exists():
            return
        if self._others_finish_after(config):
            return
        if workers.can_fork():
            staging = Path(config.site_dir)
            self.indexing = workers.start(lambda: search.index_site(staging), collect=False)

    def _others_finish_after(self, config: MkDocsConfig) -> bool:
        """Whether another plugin or a hook, enabled, ends the build after this one: it may add or change pages (a
        hook writing a page, a minifier), which Pagefind must see as a build on one processor, indexing after
        MkDocs, does. Material's search writes only its own index."""
        after = False
        for listener in config.plugins.events["post_build"]:
            owner = getattr(listener, "__self__", None)
            enabled = getattr(getattr(owner, "config", None), "enabled", True) is not False
            if owner is self:
                after = True
            elif after and enabled and not is_material_search(config, listener):
                return True
        return False

    def indexed(self) -> tuple[bool, str | None]:
        """Whether the build indexed the site for search (`_index_beside_data_files`), and the problem if it failed."""
        indexing, self.indexing = self.indexing, None
        if indexing is None:
            return False, None
        self.progress.stage("indexing for search", 0, "")
        try:
            indexing.result()
        except search.SearchIndexError as problem:
            return True, str(problem)
        finally:
            self.progress.finish()
        return True, None

    def on_build_error(self, *, error: Exception) -> None:
        indexing, self.indexing = self.indexing, None
        if indexing is not None:
            # Waited for, not stopped: Pagefind runs in a process of that child's own, which would outlive it, writing
            # into the staging folder the failed build removes, and the child's working files would stay behind.
            with contextlib.suppress(Exception):
                indexing.result()
        self._long_lived.close()
        self._close_bodies()
        self.progress.finish()

    def _close_bodies(self) -> None:
        if self.bodies is not None:
            self.bodies.close()
            self.bodies = None

    def shape_material_search(self, config: MkDocsConfig) -> None:
        """Before Material's search plugin writes its index: what claim pages give it (search_ranking.py)."""
        entries = material_search_entries(config) if self.search == "material" else None
        if entries is not None:
            claims = [page.url for page in self.pages.values() if page.site_page.kind == "claim"]
            shape_claim_entries(entries, claims)

    def _switch_material_search(self, config: MkDocsConfig, *, on: bool) -> None:
        """Turn Material's search on or off for this build (its header button follows it)."""
        enabled = material_search_enabled(config)
        if enabled is None:
            return
        # The editor's own setting is kept on first sight, so a site that shrinks gets it back.
        if self._material_search is None:
            self._material_search = enabled
        switch_material_search(config, self._material_search and on)


def _same_page(page: GeneratedPage | None, site_page: SitePage, config: MkDocsConfig,
               bodies: PageBodies | None) -> bool:  # fmt: skip
    """Whether `page`, of the previous build in this process, shows `site_page` in this build: its body, too, must
    be where this build keeps bodies (the previous build's store, if it ran once, is closed)."""
    return (
        page is not None
        and page.site_page.digest == site_page.digest
        and page.file.dest_dir == config.site_dir
        and page.keeps_body_in(bodies)
    )


def _render_editor_pages_again(files: Files) -> None:
    """Delete editor pages' output in a site built in place, so that MkDocs renders them again.

    In its dirty mode MkDocs skips a page older than its output, but editor pages also show the
    navigation and the newest content date, which other files change.
    """
    for file in files.documentation_pages():
        if not isinstance(file, GeneratedFile) and os.path.isfile(file.abs_dest_path):
            os.remove(file.abs_dest_path)


def plain_options(config: FactsiteConfig) -> dict[str, Any]:
    """The plugin's options as `factsite.settings.make_settings` reads them."""
    options = plain(config)
    assert isinstance(options, dict)
    return options


def plain(value: object) -> object:
    """MkDocs' validated options as plain values (its configurations are mappings, not dicts): what
    `factsite.settings.make_settings` reads, as it reads the core's own validation of them."""
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value
