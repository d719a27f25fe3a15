"""Every use of MkDocs' and Material's internals, in one place: private functions, private attributes and another
plugin's hooks called directly. The rest of the adapter calls these; an upgrade that changes one breaks this module
only, and `tests/test_engine_internals.py` names which internal changed, on MkDocs and on ProperDocs.

`pyproject.toml` keeps MkDocs below 1.7 for them.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import jinja2
from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page, get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme

if TYPE_CHECKING:
    import watchdog.events
    from mkdocs.livereload import LiveReloadServer

# --- mkdocs.commands.build ----------------------------------------------------------------------------------------


def build_page(page: Page, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation,
               env: jinja2.Environment) -> None:  # fmt: skip
    """Render one page and write it, exactly as MkDocs' build does (template context and plugin events included):
    `_build_page`, private, lets factsite render only the pages that changed."""
    _build_page(page, config, doc_files, nav, env)


def populate_page(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Read and render an editor page's Markdown as MkDocs' build does before the navigation is shown (its
    title, plugin events included): `_populate_page`, private, lets the edit's fast path build the navigation
    without every page."""
    _populate_page(page, config, files)


def build_theme_template(name: str, env: jinja2.Environment, files: Files, config: MkDocsConfig,
                         nav: Navigation) -> None:  # fmt: skip
    """Render one of the theme's own templates (the sitemap) as MkDocs' build does: `_build_theme_template`."""
    _build_theme_template(name, env, files, config, nav)


def page_context(nav: Navigation, files: Sequence[File] | Files, config: MkDocsConfig, page: Page) -> Any:
    """The template context MkDocs gives a page (`get_context`), for plugins that listen to `on_page_context`."""
    return get_context(nav, files, config, page)


# --- mkdocs.structure.files --------------------------------------------------------------------------------------


class _ThemeLoader(jinja2.FileSystemLoader):
    """The theme's templates, listed without the files inside a folder whose name starts with a dot.

    MkDocs' build lists a theme's static files (`Files.add_files_from_theme`) by asking the loader for every file of
    the theme's folders, then leaving out each path that has a part starting with a dot (its patterns '.*' and
    '*/.*'), among others. Material's `.icons` holds 14,348 of its 14,509 files: walking and matching them was 40 ms
    of every build, for nothing. Not walking those folders lists the same files. Templates load as before."""

    def list_templates(self) -> list[str]:
        # Jinja's own listing (FileSystemLoader.list_templates), pruned.
        found = set()
        for searchpath in self.searchpath:
            for folder, subfolders, filenames in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for filename in filenames:
                    template = os.path.join(folder, filename)[len(searchpath) :].strip(os.path.sep)
                    template = template.replace(os.path.sep, "/")
                    found.add(template[2:] if template[:2] == "./" else template)
        return sorted(found)


def quicker_theme_environments(theme: Theme, bytecode_cache: jinja2.BytecodeCache | None) -> None:
    """Quicker environments from `theme` (`Theme.get_env`), for whoever asks for one: MkDocs' build, which then lists
    the theme's files (`add_files_from_theme`), and Material's search, which makes one for each of three words it
    reads in the site's language (its `_translate`), compiling the same two templates each time (16 ms). Each gets a
    loader that does not walk the folders MkDocs leaves out anyway, and `bytecode_cache`, the cache of compiled
    templates the pages use (Jinja compiles a template again when its source changes)."""
    if "get_env" in vars(theme):
        return  # done already (the preview configures the same theme again)
    get_env = theme.get_env

    def env() -> jinja2.Environment:
        environment = get_env()
        loader = environment.loader
        if type(loader) is jinja2.FileSystemLoader:  # as MkDocs makes it; another is left alone
            environment.loader = _ThemeLoader(loader.searchpath, loader.encoding, loader.followlinks)
        if environment.bytecode_cache is None:
            environment.bytecode_cache = bytecode_cache
        return environment

    theme.get_env = env  # type: ignore[method-assign]


# --- jinja2.runtime -----------------------------------------------------------------------------------------------


def render_block(parent: jinja2.runtime.BlockReference, context: jinja2.runtime.Context) -> str:
    """The block that `parent` (a template's `super`) renders, rendered in `context` instead of its own: Jinja's
    `BlockReference` keeps its stack of blocks and its place in it private (`_stack`, `_depth`)."""
    reference = jinja2.runtime.BlockReference(parent.name, context, parent._stack, parent._depth)
    return reference()


def block_function(parent: jinja2.runtime.BlockReference) -> Callable[..., Any]:
    """The compiled block that `parent` renders (one function per block of a template, the same for every page)."""
    return parent._stack[parent._depth]


# --- mkdocs.structure.pages ---------------------------------------------------------------------------------------

# A page address that urllib's joining leaves as it is: no scheme, query, fragment, escape or dot segment.
_PLAIN_ADDRESS = re.compile(r"(?:[A-Za-z0-9_~-][A-Za-z0-9_.~-]*/)*")


@functools.lru_cache(maxsize=16)
def _plain_base(base: str) -> str | None:
    """The path of the site's address `base` (ending in /), if joining a plain address to it is appending."""
    parts = urlsplit(base)
    segments = parts.path.split("/")
    if parts.query or parts.fragment or urlunsplit(parts) != base:  # urllib would write it otherwise
        return None
    if "." in segments or ".." in segments or "//" in parts.path or not parts.path.endswith("/"):
        return None  # urllib removes dot segments and empty ones
    return parts.path


class PlainCanonicalUrl(Page):
    """A page whose canonical address (`Page._set_canonical_url`, private) is the site's address and its own
    joined by appending, where urllib's `urljoin` and `urlsplit` give the same: those two took most of making a
    page object (26,000 of them at 25,000 claim pages, made on every build). Any other address is MkDocs' own."""

    def _set_canonical_url(self, base: str | None) -> None:
        if base:
            base = base if base.endswith("/") else base + "/"
            url, path = self.url, _plain_base(base)
            if path is not None and _PLAIN_ADDRESS.fullmatch(url):
                self.canonical_url = base + url
                self.abs_url = path + url
                return
        super()._set_canonical_url(base)


# --- Material's search plugin -------------------------------------------------------------------------------------


def material_search(config: MkDocsConfig) -> Any:
    """Material's search plugin of this site, if it has one (`material/search`, or `search` under Material)."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def material_search_enabled(config: MkDocsConfig) -> bool | None:
    """Whether Material's search is switched on (its `enabled` option), None without the plugin or the option."""
    plugin_config = getattr(material_search(config), "config", None)
    if plugin_config is None or "enabled" not in plugin_config:
        return None
    return bool(plugin_config.enabled)


def switch_material_search(config: MkDocsConfig, on: bool) -> None:
    """Turn Material's search on or off for this build (its header button follows it)."""
    plugin_config = getattr(material_search(config), "config", None)
    if plugin_config is not None and "enabled" in plugin_config:
        plugin_config.enabled = on


def material_search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries of Material's search index so far (its `search_index.entries`), None when it is off."""
    plugin = material_search(config)
    if plugin is None or not getattr(plugin.config, "enabled", True):
        return None
    index = getattr(plugin, "search_index", None)
    entries = getattr(index, "entries", None)
    return entries if isinstance(entries, list) else None


def is_material_search(config: MkDocsConfig, listener: Callable[..., object]) -> bool:
    """Whether `listener` (a plugin's event method) is Material's search plugin's."""
    plugin = material_search(config)
    return plugin is not None and getattr(listener, "__self__", None) is plugin


class _NoEntries:
    """A search index that keeps nothing (`material_search_unfilled`)."""

    def add_entry_from_context(self, page: Page) -> None:
        pass


@contextlib.contextmanager
def material_search_unfilled(config: MkDocsConfig) -> Iterator[None]:
    """Material's search plugin adding no entry to its index (its `search_index.add_entry_from_context`), for a
    process whose pages another process indexes: its `on_page_context` still does to each page what it does to
    the page's body (it takes out `data-search-*` attributes), so the page's HTML is the same."""
    plugin = material_search(config)
    index = getattr(plugin, "search_index", None)
    if index is None:
        yield
        return
    plugin.search_index = _NoEntries()
    try:
        yield
    finally:
        plugin.search_index = index


def restart_material_search(config: MkDocsConfig) -> bool:
    """Start Material's search index afresh (its `on_config`), for the preview's rebuild of changed pages only;
    False when the site has no `material/search`."""
    plugin = config.plugins.get("material/search")
    if plugin is None:
        return False
    plugin.on_config(config)
    return True


def write_material_search(config: MkDocsConfig) -> None:
    """Write Material's search index of the pages it has seen (its `on_post_build`)."""
    plugin = config.plugins.get("material/search")
    if plugin is not None:
        plugin.on_post_build(config=config)


# --- mkdocs.livereload --------------------------------------------------------------------------------------------


def __getattr__(name: str) -> Any:
    """`ReloadServer`, made when the live preview first asks for it (`from ... import ReloadServer`): MkDocs'
    live-reload server brings watchdog, wsgiref and http.server with it (about 15 ms of imports), which a build
    never uses."""
    if name == "ReloadServer":
        server = globals()["ReloadServer"] = _reload_server()
        return server
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _reload_server() -> type[LiveReloadServer]:
    from mkdocs.livereload import LiveReloadServer

    class ReloadServer(LiveReloadServer):
        """MkDocs' live-reload server with the private parts the preview needs given names: the watch of a path, the
        reload epoch, its reload script; and two hooks: `respond` before a file is served, `inject` after the script
        is added to a page."""

        def add_watch_handler(self, path: str, handler: watchdog.events.FileSystemEventHandler) -> bool:
            """Also tell `handler` of changes under `path`, which `watch` watches already; False if it does not."""
            watch = self._watch_refs.get(os.path.abspath(path))
            if watch is None:
                return False
            self.observer.add_handler_for_watch(handler, watch)
            return True

        def with_reload_script(self, content: bytes) -> bytes:
            """`content` (an HTML page) with the reload script of the current epoch, as served pages have it."""
            with self._epoch_cond:
                epoch = self._visible_epoch
            return self._inject_js_into_html(content, epoch)

        def respond(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes] | None:
            """A response of its own to a request, or None to serve the file; for subclasses."""
            return None

        def inject(self, content: bytes) -> bytes:
            """A page after MkDocs added its reload script; for subclasses."""
            return content

        def _serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes] | None:
            response = self.respond(environ, start_response)
            return response if response is not None else super()._serve_request(environ, start_response)

        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            return self.inject(super()._inject_js_into_html(content, epoch))

    ReloadServer.__qualname__ = ReloadServer.__name__
    return ReloadServer
