"""The edit's fast path: after an edit that changes nothing other pages show, only the edited articles' pages.

The early cut-off of `factsite.build.incremental.edit_state`: when the last build left its state for this site
folder, with the same configuration, theme, code, settings and every other content file, and the articles that
changed keep their outward summary, this checks only those articles, composes only their pages (their "Also
checked in" sections as the last build composed them), renders them with MkDocs' own page builder in the theme,
the navigation made from the pages it lists only, replaces their items in the data files as published, and leaves
the rest of the site as it is: the result is, byte for byte, what a build from nothing gives (tested).

Anything else returns None before anything is written, and the build runs its usual way: articles added or
removed, a summary that changed (a verdict, a title, a date, a source's address...), an article that cannot be
read, another plugin than factsite and the search plugin, another search engine than Pagefind (Material's index
holds every page), no state or a state that is not this build's.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from dataclasses import dataclass, replace
from pathlib import Path
from stat import S_ISREG

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from factsite.adapters.mkdocs.internals import build_page, populate_page
from factsite.adapters.mkdocs.pages import GeneratedFile, GeneratedPage, generated_page
from factsite.adapters.mkdocs.plugin import FactsitePlugin
from factsite.adapters.mkdocs.reuse import context_fingerprint
from factsite.build.editor_pages import CONTENT_DIRS
from factsite.build.incremental.check_cache import CheckCache
from factsite.build.incremental.edit_state import (
    SITE_PROBLEM_CODES,
    ArticleShown,
    EditState,
    Seen,
    article_files,
    article_record,
    changed_articles,
    load_state,
    manifest_digest,
    outward_fields,
    outward_summary,
    rest_fingerprint,
    sorted_problems,
    state_path,
    theme_assets_fingerprint,
)
from factsite.build.incremental.page_cache import PageRecord, SiteManifest, load_manifest, manifest_path
from factsite.load.articles import load_article
from factsite.model import CheckedArticle, Problem, Project
from factsite.render.annotations import ANNOTATIONS_FILE
from factsite.render.data_files import CLAIMS_FILE, ArticleData, with_also_checked
from factsite.render.feeds import CLAIM_REVIEW_FEED_FILE
from factsite.render.pages import ALSO_CHECKED_SLOT, PageRenderer, SitePage, template_environment
from factsite.render.structured_data import structured_data_problems
from factsite.settings import Settings

# The plugins the fast path knows to do nothing per page that it would leave out (Material's search is off
# whenever Pagefind indexes the site).
KNOWN_PLUGINS = frozenset({"factsite", "search", "material/search"})


@dataclass
class FastEdit:
    """What the fast path did: the project (the changed articles, every problem of the site), the pages it
    rendered into the staging folder, and the manifest and state to save once they are published."""

    project: Project
    pages: int
    rendered: int
    manifest: tuple[Path, SiteManifest] | None = None
    state: tuple[Path, EditState] | None = None
    # Every article's claims by verdict label (the build's summary line).
    articles: int = 0
    labels: tuple[str, ...] = ()


def cache_dir_of(config: MkDocsConfig, plugin: FactsitePlugin) -> Path:
    project_dir = Path(config.config_file_path or ".").resolve().parent
    return Path(project_dir, plugin.config.cache_dir)


def fast_edit(config: MkDocsConfig, plugin: FactsitePlugin, target: Path) -> FastEdit | None:
    """Build the edit the fast way into `config.site_dir` (the staging folder), or None to build it whole.

    Decided before anything is written, the cheapest first: the configuration's plugins, the state and the
    manifest's digest, the content's other files, which articles changed; then, with the plugins configured, the
    settings, each changed article's check and outward summary, the pages' context, and the published site as the
    manifest records it. An edited article with errors ends it there: the project holds every problem of the site.
    """
    if not plugin.config.enabled or set(config.plugins) - KNOWN_PLUGINS:
        return None
    cache_dir = cache_dir_of(config, plugin)
    state_file = state_path(cache_dir, target)
    state = load_state(state_file)
    if state is None or state.extra.get("search") != "pagefind":
        return None
    # The manifest saved with the state (its digest): the site as the state describes it, in the same context.
    manifest_file = manifest_path(cache_dir, target)
    if manifest_digest(manifest_file) != state.extra.get("manifest"):
        return None
    content_dir = Path(config.docs_dir).resolve()
    if rest_fingerprint(content_dir) != state.rest:
        return None
    changed = changed_articles(content_dir, state)
    if changed is None or not _same_fields(content_dir, state, changed):
        return None
    config = config.plugins.on_config(config=config)  # every plugin's, as MkDocs' build starts
    settings = plugin.settings
    if settings is None or settings.fingerprint() != state.settings:
        return None
    # The most frequent reason to stop (a verdict, a title changed) first: what it costs, the whole build does not
    # do again (the article's check is in the cache).
    edited = _edited_articles(settings, cache_dir, state, changed)
    if edited is None:
        return None
    files = _editor_files(config)
    nav_pages = [generated_page(page, config, in_nav=True) for page in state.nav_pages]
    for page in nav_pages:
        files.append(page.file)
    if context_fingerprint(config, files, settings, "pagefind") != state.context:
        return None
    if theme_assets_fingerprint(config.theme.custom_dir) != state.extra.get("theme_assets"):
        return None  # the theme's own stylesheets, scripts or images: the usual build copies them
    articles, project, seen = edited
    fast = FastEdit(project, 0, 0, articles=len(state.articles))
    if project.errors:
        return fast
    manifest = load_manifest(manifest_file)
    if manifest is None or manifest.others is None or manifest.context != state.context:
        return None
    if not _intact(manifest, target, manifest_file):
        return None
    fast.pages = len(manifest.pages)
    # A page shown as the last build rendered it, its file intact, is left as it is (a note shows on its claim's
    # page only).
    site_pages = [page for _, pages, _, _, _ in articles.values() for page in pages
                  if not manifest.reusable(state.context, _dest(page), page.digest, target)]  # fmt: skip
    plugin.newest, plugin.search = state.newest, "pagefind"
    plugin._switch_material_search(config, on=False)
    pages = _render(config, plugin, files, site_pages)
    new_manifest = _manifest(manifest, config, pages)
    written = _data_files(config, target, state, articles)
    if written is None:
        return None
    new_manifest = _with_files(new_manifest, config, written)
    for slug, (checked, _, shown, problems, _) in articles.items():
        record = state.articles[slug]
        state.articles[slug] = article_record(checked, record.summary, shown, content_dir, problems, seen, record)
    fast.rendered = len(pages)
    fast.manifest = (manifest_file, new_manifest)
    fast.state = (state_file, state)
    fast.labels = tuple(label for record in state.articles.values() for label in record.labels)
    return fast


def _same_fields(content_dir: Path, state: EditState, changed: list[str]) -> bool:
    """Whether each changed article, read but not checked, has the fields its outward summary shows as they are
    (`outward_fields`): a verdict, a title or a date changed stops the fast path here, before the plugins are
    configured and the article checked, which the usual build does again (at 25,000 claim pages, 0.1 s of the
    attempt's 0.2). An article that cannot be read goes on, for the check to report it."""
    for slug in changed:
        loaded = load_article(*article_files(content_dir, slug), content_dir, content_dir.parent)
        if loaded.article is not None and outward_fields(loaded.article) != state.articles[slug].fields:
            return False
    return True


# Each changed article: checked, its pages composed, what it shows of the rest of the site, its problems, its
# items of the data files.
Edited = dict[str, tuple[CheckedArticle, list[SitePage], ArticleShown, tuple[Problem, ...], ArticleData]]


def _edited_articles(settings: Settings, cache_dir: Path, state: EditState,
                     changed: list[str]) -> tuple[Edited, Project, Seen] | None:  # fmt: skip
    """Each changed article checked and its pages composed, if its outward summary is the same; with the project
    of them and of every problem of the site, and their files as the check read them."""
    checks = CheckCache(settings, cache_dir)
    renderer: PageRenderer | None = None
    problems: list[Problem] = list(state.site_problems)
    found: Edited = {}
    for slug in state.articles:  # the project's order
        record = state.articles[slug]
        if slug not in changed:
            problems.extend(record.problems)
            continue
        outcome = checks.check(*article_files(settings.content_dir, slug))
        checked = outcome.article
        if checked is None:
            return None  # an article the checks could not read: the whole build reports it
        if renderer is None:
            renderer = PageRenderer(Project(settings, (checked,), ()), template_environment())
            renderer.cards = False  # the same words as before (the summary holds them): the same images
        part = renderer.article_pages(checked)
        single = Project(settings, (checked,), ())
        if outward_summary(part, checked, single) != record.summary:
            return None
        before = record.read_shown()
        own = [problem.as_error() if settings.strict else problem for problem in outcome.problems]
        own += [problem for problem in record.problems if problem.code in SITE_PROBLEM_CODES]
        own += [problem.as_error() if settings.strict else problem for problem in _publication(single)]
        pages = []
        for page in part.pages:
            if page.kind == "claim":
                if page.path not in before.also_checked:
                    return None
                html = before.also_checked[page.path]
                page = replace(page, body_html=page.body_html.replace(ALSO_CHECKED_SLOT, html, 1))
            pages.append(page)
        found[slug] = (checked, pages, before, tuple(own), part.data)
        problems.extend(own)
    checks.finish()
    articles = tuple(found[slug][0] for slug in found)
    return found, Project(settings, articles, sorted_problems(problems)), checks.seen


def _publication(project: Project) -> list[Problem]:
    """The article's structured-data problems, as the build finds them for each article
    (`factsite.build.incremental.page_cache.PublicationCache`)."""
    if not project.settings.structured_data or structured_data_problems(replace(project, articles=())):
        return []  # off, or the configuration's problems, reported once for the site (among its other problems)
    return structured_data_problems(project)


def _editor_files(config: MkDocsConfig) -> Files:
    """The site's files as MkDocs finds them, without the fact-check content the factsite plugin replaces."""
    # One new list: removing thousands of articles' files one by one from MkDocs' list is quadratic.
    kept = [
        file for file in get_files(config) if not (file.src_uri.startswith(CONTENT_DIRS) or file.src_uri == "index.md")
    ]
    return Files(kept)


def _render(config: MkDocsConfig, plugin: FactsitePlugin, files: Files,
            site_pages: list[SitePage]) -> list[GeneratedPage]:  # fmt: skip
    """Render the pages into the staging folder with MkDocs' own page builder, in a navigation made of the pages
    it lists (the editor pages, and the site-wide pages) as MkDocs' build makes it."""
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    for file in files.documentation_pages():
        if not isinstance(file, GeneratedFile):
            if file.page is None:
                Page(None, file, config)
            assert file.page is not None
            populate_page(file.page, config, files)
    env = config.theme.get_env()
    env = config.plugins.on_env(env, config=config, files=files)
    pages = [generated_page(page, config, in_nav=False) for page in site_pages]
    doc_files = files.documentation_pages()
    for page in pages:
        build_page(page, config, doc_files, nav, env)
    return pages


def _intact(manifest: SiteManifest, target: Path, manifest_file: Path) -> bool:
    """Whether every page and data file the manifest records is in the site as it was written (size and time), and
    every other file it lists is there, unchanged since the manifest was saved: the fast path replaces a few files
    of the site and leaves the rest, which must be what the manifest says (a site folder removed or files changed
    by hand build the usual way, which writes them again)."""
    site = str(target)
    for records in (manifest.pages, manifest.files):
        for path, record in records.items():
            if not record.intact(os.path.join(site, path)):
                return False
    # MkDocs' own files (the theme's, the editor's pages, the sitemap), which the usual build writes every time
    # and the fast path not at all: a file removed or changed by hand would stay so. Their sizes and times are not
    # recorded; every one was written before the manifest was saved, and a file written since has a later
    # modification time. (Not the change time: Pagefind's indexing links the pages after the manifest is saved.)
    try:
        saved = os.stat(manifest_file).st_mtime_ns
        for path in manifest.others or ():
            stat = os.stat(os.path.join(site, path))
            if stat.st_mtime_ns > saved or not S_ISREG(stat.st_mode):
                return False
    except OSError:
        return False
    return True


def _dest(page: SitePage) -> str:
    """Where the page's file is in the site (`GeneratedFile.dest_uri`: every generated page is an `index.md`)."""
    return posixpath.join(posixpath.dirname(page.src_uri), "index.html")


def _record(path: str, digest: str) -> PageRecord:
    stat = os.stat(path)
    return PageRecord(digest, stat.st_size, stat.st_mtime_ns)


def _manifest(manifest: SiteManifest, config: MkDocsConfig, pages: list[GeneratedPage]) -> SiteManifest:
    records = dict(manifest.pages)
    for page in pages:
        uri = page.file.dest_uri
        records[uri] = _record(os.path.join(config.site_dir, uri), page.site_page.digest)
    return replace(manifest, pages=records)


def _with_files(manifest: SiteManifest, config: MkDocsConfig, written: dict[str, str]) -> SiteManifest:
    files = dict(manifest.files)
    for name, digest in written.items():
        files[name] = _record(os.path.join(config.site_dir, name), digest)
    return replace(manifest, files=files)


def _data_files(config: MkDocsConfig, target: Path, state: EditState, articles: Edited) -> dict[str, str] | None:
    """Each changed article's items replaced in the files of items as published, the files that changed written
    into the staging folder; their SHA-256 by name. None if an article's items cannot be replaced in place."""
    order = {slug: index for index, slug in enumerate(state.articles)}
    contents: dict[str, bytes] = {}
    published: dict[str, bytes] = {}
    for slug, (_, _, shown, _, data) in articles.items():
        claims = [item if same is None else with_also_checked(item, *same)
                  for item, same in zip(data.claims, shown.same, strict=True)]  # fmt: skip
        items = {CLAIMS_FILE: claims, ANNOTATIONS_FILE: list(data.annotations),
                 CLAIM_REVIEW_FEED_FILE: list(data.reviews)}  # fmt: skip
        for name in state.spans.files:
            if name not in contents:
                try:
                    contents[name] = published[name] = (target / name).read_bytes()
                except OSError:
                    return None
            replaced = state.spans.replace(name, order[slug], contents[name], items.get(name, []))
            if replaced is None:
                return None
            contents[name] = replaced
    written = {}
    for name, data_bytes in contents.items():
        if data_bytes == published[name]:
            continue
        path = Path(config.site_dir, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data_bytes)
        written[name] = hashlib.sha256(data_bytes).hexdigest()
    return written
