"""Running MkDocs for the command line: settings from mkdocs.yml, a staged build, live preview.

The CLI (`factsite.commands.cli`) calls these and never imports MkDocs itself.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError

from factsite.adapters.mkdocs import search
from factsite.adapters.mkdocs.fast_edit import cache_dir_of, fast_edit
from factsite.adapters.mkdocs.internals import quicker_theme_environments
from factsite.adapters.mkdocs.plugin import CONTENT_ERRORS_STOP, FactsitePlugin
from factsite.build.incremental import workers
from factsite.build.incremental.edit_state import (
    EditState,
    build_state,
    forget_state,
    load_state,
    record_state,
    state_path,
    theme_assets_fingerprint,
)
from factsite.build.incremental.page_cache import SiteManifest, forget_manifest, manifest_path, save_manifest
from factsite.build.incremental.workers import available_processors
from factsite.build.journal import publish_changes
from factsite.build.progress import Progress
from factsite.build.site import BuildOptions
from factsite.build.write import SiteDirError, check_replaceable, discard, publish, staging_dir
from factsite.load.site_config import SiteConfigError, read_site_config
from factsite.model import Project
from factsite.render.pages import compiled_templates
from factsite.render.same_claims import same_claims

# The engine's loggers are named after its package: "mkdocs", or "properdocs" when ProperDocs stands in for MkDocs.
ENGINE_LOGGER = mkdocs_build.__module__.split(".")[0]
PLUGIN_LOGGER = f"{ENGINE_LOGGER}.plugins.factsite"
# Up to this many articles (about 4,000 pages at 20 claims an article) MkDocs and Pagefind together hold a
# few hundred MB: they run in one process, which saves a fork and pickling the build's result.
APART_ABOVE_ARTICLES = 200


@dataclass
class BuildOutcome:
    project: Project | None
    site_dir: Path
    # Problems MkDocs itself reported (broken links in editor pages, strict-mode aborts).
    site_errors: list[str] = field(default_factory=list)
    # Generated pages in the site, and how many of them were rendered (the rest were reused).
    pages: int = 0
    rendered: int = 0
    # The full traceback of an unexpected failure, children's included, for `build --verbose`.
    traceback: str = ""
    # When the new pages were in place (`time.perf_counter()`); Pagefind's new index may follow them.
    published_at: float | None = None
    # Whether the edit's fast path built it (`factsite.adapters.mkdocs.fast_edit`): then `project` holds the
    # changed articles only, and `totals` the site's number of articles and every claim's verdict label.
    fast: bool = False
    totals: tuple[int, tuple[str, ...]] | None = None

    @property
    def ok(self) -> bool:
        return not self.site_errors and self.project is not None and not self.project.errors


def load_site_config(config_file: str, strict: bool, **overrides: Any) -> MkDocsConfig:
    # The core reads the file first: its problems (the YAML, the factsite options) are located and worded as
    # `check` words them; what only MkDocs validates (its own keys, other plugins) it reports below.
    read_site_config(config_file, strict)
    try:
        config = load_config(config_file=config_file, strict=strict, **overrides)
    except (ConfigurationError, Abort) as problem:
        raise SiteConfigError(f"{config_file}: {problem}") from None
    if not isinstance(config.plugins.get("factsite"), FactsitePlugin):
        raise SiteConfigError(f"{config_file}: the factsite plugin is not enabled; add '- factsite' to 'plugins:'")
    # Here, and not only in the plugin's `on_config`: other plugins' `on_config` (Material's search) come before it.
    quicker_theme_environments(config.theme, compiled_templates())
    return config


def _plugin(config: MkDocsConfig) -> FactsitePlugin:
    plugin = config.plugins["factsite"]
    assert isinstance(plugin, FactsitePlugin)
    return plugin


def build_site(
    config_file: str,
    *,
    strict: bool = False,
    site_dir: str | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> BuildOutcome:
    config = load_site_config(config_file, strict)
    target = Path(site_dir).resolve() if site_dir else Path(config.site_dir)
    try:
        # The site folder itself now; every folder of it only if the build replaces it whole (below).
        check_replaceable(target, _shown(target), deep=False)
        staging = staging_dir(target)
    except (SiteDirError, OSError) as problem:
        return BuildOutcome(None, target, [_file_problem(problem)])
    config["site_dir"] = str(staging)
    # Pagefind indexes the site below, around the publication.
    plugin = start_plugins(config, "build", jobs, progress, previous_site=target, index_search=False, overlay=True)
    fast = _fast_edit(config, plugin, target, staging)
    if fast is None and plugin.settings is not None:
        # The fast path configured the plugins before it stopped: the build starts again from the configuration.
        config = load_site_config(config_file, strict)
        config["site_dir"] = str(staging)
        plugin = start_plugins(config, "build", jobs, progress, previous_site=target, index_search=False,
                               overlay=True)  # fmt: skip
    apart = plugin.config.search != "material" and _large(config) and workers.can_fork()
    # A build in a child of its own (`apart`) holds everything it made until it ends: Pagefind runs after it.
    plugin.index_beside_data_files = not apart
    payload: bytes | None = None
    indexed: tuple[bool, str | None] = (False, None)  # whether the build indexed the staged site, and the problem
    search_error, index_after = None, False
    try:
        if fast is not None:
            staged = fast
            ok, engine, overlay = staged.outcome.ok, staged.search, True
        elif apart:
            # The build's result stays pickled while Pagefind runs: at 25,000 claims, 50 MB as bytes
            # against 300 MB as objects.
            (ok, engine, overlay, indexed), payload = workers.start(
                lambda: _pickled_stage(config, plugin, target)
            ).result()
        else:
            staged = _stage(config, plugin, target)
            ok, engine, overlay, indexed = staged.outcome.ok, staged.search, staged.overlay, staged.indexed
        if ok and engine == "pagefind":
            # A site already published with an index is replaced at once, with that index, and the new
            # index follows; a first build is published with its index. Changes published over the site leave
            # its index in place, and as the staging folder holds only them, Pagefind indexes the site after.
            index_after = overlay or search.keep_previous_index(target, staging)
            if not index_after:
                # Indexed already, beside the data files, by a first build (`FactsitePlugin.indexed`), or now.
                search_error = indexed[1] if indexed[0] else _index_search(staging, plugin.progress)
        if payload is not None:
            staged = pickle.loads(payload)
            del payload
    except OSError as problem:
        # A file that cannot be read (a named pipe, a link that loops) or written (a full disk).
        discard(staging)
        return BuildOutcome(None, target, [_file_problem(problem, staging, target)])
    except BaseException:
        # Interrupted (Ctrl-C), which reaches no plugin's `on_build_error`: Pagefind, if indexing the staged site
        # beside the data files, is waited for, so that nothing writes into the folder once it is removed. Ctrl-C at a
        # terminal interrupted it too: its KeyboardInterrupt, raised here, must not skip the removal.
        with contextlib.suppress(Exception, KeyboardInterrupt):
            plugin.indexed()
        discard(staging)
        raise
    outcome = staged.outcome
    if search_error:
        outcome.site_errors.append(search_error)
    if outcome.ok:
        state_file = state_path(cache_dir_of(config, plugin), target)
        try:
            forget_state(state_file)  # it describes the site until the first file is replaced
            if staged.overlay and staged.manifest is not None:
                # The previous manifest describes the site until the last file is in place: a build killed
                # meanwhile is rolled back by the next, which then finds no manifest and replaces the site whole.
                forget_manifest(staged.manifest[0])
                publish_changes(staging, target, staged.remove, compare=staged.manifest[1].others or ())
                discard(staging)  # the folders the files were in
            else:
                check_replaceable(target, _shown(target))
                publish(staging, target)
            if staged.manifest is not None:
                save_manifest(*staged.manifest)
                if staged.edits is not None:
                    record_state(*staged.edits, staged.manifest[0])
        except (SiteDirError, OSError) as problem:
            discard(staging)
            outcome.site_errors.append(_file_problem(problem, staging, target))
            return outcome
        outcome.published_at = time.perf_counter()
        if index_after:
            search_error = _index_search(target, plugin.progress, in_place=True)
            if search_error:
                outcome.site_errors.append(f"the pages were published with the previous search index: {search_error}")
    else:
        discard(staging)
    return outcome


def _shown(path: Path) -> str:
    """A path as messages show it: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _file_problem(problem: Exception, staging: Path | None = None, target: Path | None = None) -> str:
    """A failure to read or write a file, located at the file: in the site folder, not the staging one."""
    if not isinstance(problem, OSError):
        return str(problem)
    # A copy that failed names its source first and its destination second.
    names = [str(name) for name in (problem.filename2, problem.filename) if name]
    reason = problem.strerror or str(problem)
    for name in names:
        if staging is not None and target is not None and name.startswith(str(staging)):
            written = str(target) + name[len(str(staging)) :]
            return f"{_shown(Path(written))}: cannot write the new site: {reason}"
    if not names:
        return f"cannot read or write a file: {reason}"
    return f"{_shown(Path(names[-1]))}: {reason}"


def _large(config: MkDocsConfig) -> bool:
    """Whether the site has more than `APART_ABOVE_ARTICLES` articles (a directory listing, no reading)."""
    try:
        articles = os.scandir(Path(config.docs_dir) / "articles")
    except OSError:
        return False
    with articles:
        return sum(1 for entry in articles if entry.name.endswith(".md")) > APART_ABOVE_ARTICLES


@dataclass
class _Staged:
    """What a build into the staging directory leaves for the steps after it."""

    outcome: BuildOutcome
    search: str  # the search engine the plugin chose
    # Where to save the manifest of the pages written, and the manifest, for the next build to reuse.
    manifest: tuple[Path, SiteManifest] | None
    # Whether the staging directory holds only the changed files, to publish over the site with a journal,
    # and the published files the new site no longer has.
    overlay: bool = False
    remove: tuple[str, ...] = ()
    # Where to save the state for the next build's fast path, and the state (`factsite.build.incremental.edit_state`).
    edits: tuple[Path, EditState] | None = None
    # Whether the build indexed the staged site for search already, and the problem if that failed.
    indexed: tuple[bool, str | None] = (False, None)


def _fast_edit(config: MkDocsConfig, plugin: FactsitePlugin, target: Path, staging: Path) -> _Staged | None:
    """The edit built by the fast path into `staging`, or None (and `staging` emptied) to build it the usual way.
    An unexpected failure of the fast path also leaves the build to the usual way, which reports it if it is the
    content's."""
    try:
        fast = fast_edit(config, plugin, target)
    except Exception:
        fast = None
    if fast is None:
        discard(staging)
        return None
    outcome = BuildOutcome(fast.project, target, pages=fast.pages, rendered=fast.rendered, fast=True,
                           totals=(fast.articles, fast.labels))  # fmt: skip
    plugin.progress.finish()
    return _Staged(outcome, "pagefind", fast.manifest, overlay=True, edits=fast.state)


def _stage(config: MkDocsConfig, plugin: FactsitePlugin, target: Path) -> _Staged:
    outcome = BuildOutcome(None, target)
    try:
        with quiet_dirty_warning():
            mkdocs_build(config, dirty=True)
    except PluginError:
        pass  # Content errors: the project holds them, located.
    except (Abort, BuildError) as problem:
        outcome.site_errors.append(str(problem))
        outcome.traceback = "".join(traceback.format_exception(problem))
    finally:
        config.plugins.on_shutdown()
        outcome.project = plugin.project
        plugin.progress.finish()
    if outcome.project is not None and outcome.project.errors:
        # The content's errors, listed with their places, are why the build stopped: MkDocs' "Aborted with a
        # BuildError!" that follows them says nothing more.
        outcome.traceback, outcome.site_errors = "", []
    manifest, overlay = None, False
    remove: tuple[str, ...] = ()
    reuse = plugin.reuse
    if reuse is not None:
        outcome.pages, outcome.rendered = len(reuse.pages), len(reuse.to_render)
        if outcome.ok:
            pages = reuse.manifest(Path(config.site_dir))
            manifest = (manifest_path(reuse.cache_dir, target), pages)
            if reuse.overlay and reuse.previous is not None:
                overlay = True
                gone = reuse.previous.all_files() - pages.all_files()
                if plugin.search != "pagefind" and (target / search.PAGEFIND_DIR).exists():
                    gone.add(search.PAGEFIND_DIR)  # the whole index, as the search engine changed
                remove = tuple(sorted(gone))
    edits = _edit_state(config, plugin, reuse.context, target) if reuse is not None and manifest is not None else None
    return _Staged(outcome, plugin.search, manifest, overlay, remove, edits, plugin.indexed())


def _edit_state(config: MkDocsConfig, plugin: FactsitePlugin, context: str,
                target: Path) -> tuple[Path, EditState] | None:  # fmt: skip
    """The state of this build for the next one's fast path: only with Pagefind (Material's index holds every
    page, which the fast path does not make again)."""
    core, project = plugin.core, plugin.project
    if plugin.search != "pagefind" or core is None or core.renderer is None or project is None:
        return None
    if core.article_data is None or len(core.summaries) != len(project.articles):
        return None
    also = same_claims(project.claims, project.settings)
    path = state_path(plugin.cache_dir, target)
    # The last state's sections are reused where they are the same, whatever site it described (compared by digest).
    state = build_state(context, project, core.summaries, core.renderer.also_checked, also, core.spans,
                        plugin.nav_site_pages, plugin.newest, plugin.search, core.caches.checks.seen,
                        core.rest, load_state(path))  # fmt: skip
    state.extra["theme_assets"] = theme_assets_fingerprint(config.theme.custom_dir)
    return path, state


def _pickled_stage(config: MkDocsConfig, plugin: FactsitePlugin,
                   target: Path) -> tuple[tuple[bool, str, bool, tuple[bool, str | None]], bytes]:  # fmt: skip
    """`_stage` for a child process: whether it succeeded, the search engine chosen, whether its changes are
    published over the site and whether it indexed them, then its result pickled, for the parent to read only once
    Pagefind has run."""
    staged = _stage(config, plugin, target)
    summary = (staged.outcome.ok, staged.search, staged.overlay, staged.indexed)
    return summary, pickle.dumps(staged, protocol=pickle.HIGHEST_PROTOCOL)


def _index_search(site: Path, progress: Progress, *, in_place: bool = False) -> str | None:
    """Index the site with Pagefind; the problem if it failed. `in_place`: a published site, whose index
    is replaced in one step once the new one is complete."""
    progress.stage("indexing for search", 0, "")
    try:
        if in_place:
            search.reindex_published(site)
        else:
            search.index_site(site)
    except search.SearchIndexError as problem:
        return str(problem)
    finally:
        progress.finish()
    return None


def start_plugins(config: MkDocsConfig, command: Literal["build", "serve"], jobs: int | None,
                  progress: Progress | None, *, previous_site: Path | None = None,
                  index_search: bool = True, overlay: bool = False) -> FactsitePlugin:  # fmt: skip
    """Start the plugins for a build run in MkDocs' dirty mode, which only factsite is told of.

    In dirty mode MkDocs leaves the generated pages to the factsite plugin, which renders the
    changed ones and reuses the others. For every other plugin the build is a complete one (each
    page passes its events), so they start as for a clean build: Material's search would otherwise
    merge its index with the previous build's.
    """
    config.plugins.on_startup(command=command, dirty=False)
    plugin = _plugin(config)
    # Chosen by the machine, processes start only for large builds; chosen by the editor, always.
    plugin.configure(BuildOptions(
        jobs=available_processors() if jobs is None else max(1, jobs),
        parallel_always=jobs is not None,
        progress=progress or Progress.silent(),
        dirty=True,
        previous_site=previous_site,
        index_search=index_search,
        overlay=overlay,
        once=command == "build",
    ))  # fmt: skip
    return plugin


@contextlib.contextmanager
def quiet_dirty_warning() -> Iterator[None]:
    """Silence MkDocs' warning about dirty builds, which does not apply to factsite's, and its echo of a
    build stopped by content errors.

    MkDocs warns that a dirty build may leave navigation stale; factsite's builds stage every page
    or reuse only pages whose inputs are unchanged, so the warning would only make `--strict` fail.
    When content errors stop a build, MkDocs logs the stop before whoever runs the build has listed them
    (the line said "listed above" over an empty screen); the build's own report says it after the list.
    """

    def not_dirty_warning(record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return "'dirty' build is being performed" not in message and not message.endswith(CONTENT_ERRORS_STOP)

    logger = logging.getLogger(mkdocs_build.__module__)
    logger.addFilter(not_dirty_warning)
    try:
        yield
    finally:
        logger.removeFilter(not_dirty_warning)


def quiet_mkdocs_logging() -> None:
    """MkDocs narrates every build; editors need only its warnings. factsite reports its own problems."""
    logger = logging.getLogger(ENGINE_LOGGER)
    logger.setLevel(logging.WARNING)

    class _NotFactsite(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return not record.name.startswith(PLUGIN_LOGGER)

    for handler in logger.handlers:
        handler.addFilter(_NotFactsite())
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.addFilter(_NotFactsite())
        logger.addHandler(handler)
