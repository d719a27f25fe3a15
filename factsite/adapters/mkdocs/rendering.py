"""Wrapping generated pages in the theme exactly as MkDocs does, but only the pages that need it.

factsite's own builds run MkDocs in its `dirty` mode, where MkDocs skips every generated page
(`GeneratedFile.is_modified` is false); the plugin then renders the pages whose output changed with
MkDocs' own page builder, in several processes when there are many, and reuses the others' files.
Plugins that collect pages in the `page_context` event (Material's search index) still see every
page, in site order.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence, Set

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from factsite.adapters.mkdocs.frame import Frame
from factsite.adapters.mkdocs.internals import (
    build_page,
    is_material_search,
    material_search_unfilled,
    page_context,
)
from factsite.build.incremental import workers

# Below this many pages per process, starting processes costs more than it saves.
PAGES_PER_PROCESS = 200
# Below this many pages to render, rendering beside Material's search (`_render_beside_search`) does not repay
# the fork (about 10 ms, against about 1 ms a page indexed).
BESIDE_SEARCH_MINIMUM = 32


def render_pages(pages: Sequence[Page], chosen: Set[int], config: MkDocsConfig, files: Files,
                 nav: Navigation, env: jinja2.Environment, *, jobs: int, per_process: int,
                 on_page: Callable[[], None] | None = None) -> None:  # fmt: skip
    """Render and write the pages whose `id` is in `chosen`, with up to `jobs` processes when
    there are at least `per_process` pages for each.

    When a plugin collects pages in the `page_context` event, every page goes through it in this
    process and in site order (rendered, or only announced), so its output never depends on which
    pages were reused; otherwise the chosen pages are shared between processes.
    """
    doc_files = files.documentation_pages()
    frame = env.globals.get("factsite_frame")
    if isinstance(frame, Frame):  # what it kept may read what changed since (the preview's rebuilds)
        frame.clear()

    def render(page: Page, steps: int = 1) -> None:
        # MkDocs' own page builder (private, but pinned by the MkDocs version range): the output is
        # byte for byte what MkDocs writes, template context and plugin events included.
        build_page(page, config, doc_files, nav, env)
        for _ in range(steps if on_page is not None else 0):
            on_page()  # type: ignore[misc]

    listeners = _page_context_listeners(config)
    if listeners and _render_beside_search(pages, chosen, config, doc_files, nav, listeners, render, jobs=jobs,
                                           on_page=on_page):  # fmt: skip
        return
    if listeners:
        for page in pages:
            if id(page) in chosen:
                render(page)
            else:
                context = page_context(nav, doc_files, config, page)
                config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        return
    wanted = [page for page in pages if id(page) in chosen]
    jobs = min(jobs, len(wanted) // max(1, per_process))
    if jobs < 2 or not workers.can_fork():
        for page in wanted:
            render(page)
        return
    _, failures = workers.in_shares(functools.partial(_render_all, render=render), wanted, jobs)
    if failures:
        # Every failure, each with its own traceback (a child's from the child), for `build --verbose`.
        raise PluginError("rendering pages failed: " + "; ".join(map(str, failures))) from ExceptionGroup(
            "page renderers", failures
        )


def _render_beside_search(pages: Sequence[Page], chosen: Set[int], config: MkDocsConfig, doc_files: Sequence[File],
                          nav: Navigation, listeners: Sequence[Callable[..., object]], render: Callable[..., None], *,
                          jobs: int, on_page: Callable[[], None] | None) -> bool:  # fmt: skip
    """Render the chosen pages in a forked process while this one gives every page, in site order, to Material's
    search, the only plugin listening: its index reads each page's body with an HTML parser, half the cost of
    rendering a small site's pages. The child's search adds no entry (it would be thrown away) but changes each
    page's body as it does here. False, having done nothing, where it cannot: another plugin listening (to the
    page's context, or to the rendered page, `_hears_pages`), one processor, a process that must not fork, or too
    few pages to repay the fork."""
    wanted = [page for page in pages if id(page) in chosen]
    if jobs < 2 or len(wanted) < BESIDE_SEARCH_MINIMUM:
        return False
    if not all(is_material_search(config, listener) for listener in listeners) or not workers.can_fork():
        return False
    if any(_hears_pages(config, listener) for listener in config.plugins.events["post_page"]):
        return False

    def render_unindexed() -> None:
        with material_search_unfilled(config):
            _render_all(wanted, 0, render=render)

    child = workers.start(render_unindexed, collect=False)
    try:
        for page in pages:
            context = page_context(nav, doc_files, config, page)
            config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            if on_page is not None and id(page) in chosen:
                on_page()
    except BaseException:
        child.stop()
        raise
    # Its failure raised as it is (`_render_all` names the page; its cause, the child's traceback, the template's
    # line), as a page rendered here fails: not a PluginError, which MkDocs would report as "Aborted".
    child.result()
    return True


def _hears_pages(config: MkDocsConfig, listener: Callable[..., object]) -> bool:
    """Whether `listener` of each rendered page (`post_page`) is another plugin's or a hook's, enabled, which may keep
    what it hears for later (a hook listing the pages): it must hear every page in this process, as with one."""
    owner = getattr(listener, "__self__", None)
    if getattr(getattr(owner, "config", None), "enabled", True) is False:
        return False
    # factsite's own plugin changes each page's HTML and keeps nothing.
    return not type(owner).__module__.startswith("factsite.") and not is_material_search(config, listener)


def _render_all(pages: Sequence[Page], steps: int, *, render: Callable[..., None]) -> None:
    for page in pages:
        try:
            render(page, steps=steps)
        except Exception as error:  # located: the parent reports which page failed (--verbose: where)
            raise RuntimeError(f"{page.file.src_uri}: {error}") from error


def _page_context_listeners(config: MkDocsConfig) -> list[Callable[..., object]]:
    listeners: list[Callable[..., object]] = []
    for method in config.plugins.events["page_context"]:
        plugin = getattr(method, "__self__", None)
        plugin_config = getattr(plugin, "config", None)
        if getattr(plugin_config, "enabled", True) is not False:
            listeners.append(method)
    return listeners
