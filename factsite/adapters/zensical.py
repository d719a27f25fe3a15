"""Building the site with Zensical, which runs no MkDocs plugin: factsite renders every page itself and hands
Zensical a staging docs tree that it renders as it renders any page.

Zensical (the Material team's successor to MkDocs) reads mkdocs.yml but ignores the plugins it does not
re-implement, factsite's included, and has no module API. So nothing here runs inside Zensical:

1. the core checks the content and renders every page body and data file (`core_output`); a content error stops
   the build here, located, as with MkDocs;
2. a staging docs tree gets each generated page as a Markdown file whose body is one block of the page's HTML
   (Python-Markdown passes a block of HTML through untouched) with its title and description as front matter, and
   the editor's pages of content/ rendered and sanitised here, as the MkDocs plugin does; the articles' Markdown
   and YAML and their sources are never staged;
3. a generated mkdocs.yml (the site's, with its docs_dir, site_dir and theme overrides pointed at the staging
   tree and the factsite plugin left out) goes to `zensical build`, which writes a staging site;
4. the data files (claims.json, feeds, JSON-LD, social cards) are added, every page gets the Content-Security-Policy,
   and the build stops unless every generated page is in the output with its body (a Zensical that skipped or
   rewrote one would publish a site without fact-checks); only then is the staging site swapped in
   (`factsite.build.write`), the previous site untouched on any failure.

What Zensical does not do that the MkDocs build does is listed in `LIMITS` and printed on every build.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from factsite.build.site import BuildOptions, SiteBuild
from factsite.build.static_files import FACT_CHECK_DIRS, MARKDOWN_SUFFIXES
from factsite.build.write import SiteDirError, check_replaceable, discard, publish, staging_dir
from factsite.load.site_config import SiteConfig
from factsite.model import Problem, Project
from factsite.render.messages import Messages
from factsite.render.page_safety import page_problems
from factsite.render.pages import TEMPLATES_DIR, SitePage, trust_pages
from factsite.render.sanitise import sanitise_html
from factsite.render.security import add_content_security_policy
from factsite.render.views import html_lang, same_language, text_direction
from factsite.settings import Settings

# Generated pages an automatic navigation lists (as the MkDocs plugin's `in_nav`): never articles and claims.
NAV_PAGES = ("index", "sources", "methodology", "corrections", "claimants", "trust", "search")
# What the Zensical build lacks next to the MkDocs one; printed as a warning on every build (docs/architecture.md).
LIMITS = (
    "search is Zensical's own index of the rendered pages (search.json): the plugin's `search:` option "
    "(Material's index or Pagefind) does not apply",
    "the sitemap lists the pages in Zensical's order (factsite adds each page's date and sitemap.xml.gz)",
    "editor pages (content/*.md) are rendered and sanitised by factsite, so they have no table of contents in the "
    "sidebar, and links between them are neither rewritten nor checked",
    "Zensical's own strict mode is not used; factsite's checks stop the build as with MkDocs (--strict makes "
    "their warnings errors)",
    "Zensical wraps every page in its theme again on every build (the core still reuses its checked articles and "
    "composed pages)",
)
# factsite's Material overrides (templates/theme/) are Jinja2 with factsite's gettext, which Zensical's template engine
# cannot run: templates/zensical/ holds its own main.html, footer and 404.html; only the stylesheet is shared.
THEME_FILES = ("assets/stylesheets/factsite.css",)
# The strings of templates/zensical/ (the footer, 404.html), which factsite translates for Zensical's templates.
THEME_STRINGS = ("About this site", "Methodology", "Corrections", "Sources", "Page not found",
                 "There is no page at this address. It may have moved when a claim or article was renamed.",
                 "All fact-checks")  # fmt: skip
FIRST_HEADING = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
HEADERLINK = re.compile(r"<a [^>]*headerlink[^>]*>.*?</a>", re.DOTALL)
ZENSICAL_ERROR = re.compile(r"^(\w+(Error|Exception)|Error)\b")
TEMPLATE_PLACE = re.compile(r"\(in [^()]+\.html:\d+\)")
SITEMAP_LOC = re.compile(r"^([ \t]*)<loc>([^<]*)</loc>", re.MULTILINE)
HTML_LANG = re.compile(r'(<html lang="[^"]*")(?![^>]* dir=)')
THEME_CSS = ("assets/stylesheets/factsite.css",)


class ZensicalError(Exception):
    """Zensical could not build the site, or left out part of it; the message names what."""


@dataclass(frozen=True)
class CoreOutput:
    """What the core hands an engine: the checked project and, when it has no errors, every generated page and
    data file."""

    project: Project
    pages: tuple[SitePage, ...] = ()
    files: tuple[tuple[str, bytes], ...] = ()
    # The newest review date: the date of the editor's pages, so that output never depends on when the build ran.
    newest: dt.date = dt.date(2000, 1, 1)


def core_output(settings: Settings, options: BuildOptions) -> CoreOutput:
    """Check the content and, when it has no errors, render every page and data file: the one place this adapter
    calls the core (`SiteBuild`, with its check and page caches, shared with the MkDocs build)."""
    build = SiteBuild(settings, options)
    project = build.check()
    if project.errors:
        return CoreOutput(project)
    pages = tuple(build.pages())
    return CoreOutput(project, pages, tuple(build.data_files()), build.newest)


@dataclass
class ZensicalOutcome:
    project: Project | None
    site_dir: Path
    site_errors: list[str] = field(default_factory=list)
    warnings: tuple[str, ...] = LIMITS
    pages: int = 0
    version: str = ""

    @property
    def ok(self) -> bool:
        return not self.site_errors and self.project is not None and not self.project.errors


def build_site(site: SiteConfig, options: BuildOptions, *, site_dir: str | None = None) -> ZensicalOutcome:
    """Check, stage, run `zensical build`, verify and publish; the previous site is untouched on any failure.
    `site` is mkdocs.yml as the core reads it; the file is read again here with its tags, for Zensical."""
    config_path = site.config_file.resolve()
    site_config = read_raw_config(config_path)
    settings = site.settings()
    target = Path(site_dir).resolve() if site_dir else site.site_dir.resolve()
    outcome = ZensicalOutcome(None, target, version=zensical_version())
    try:
        check_replaceable(target, _shown(target))
    except SiteDirError as problem:
        outcome.site_errors.append(str(problem))
        return outcome
    try:
        output = core_output(settings, options)
    finally:
        options.progress.finish()
    outcome.project = output.project
    if output.project.errors:
        return outcome
    editor_pages, problems = render_editor_pages(site, site_config.get("nav"))
    if problems:
        outcome.project = _with_problems(output.project, problems)
        return outcome
    outcome.pages = len(output.pages)
    staging = staging_dir(target)
    # Named as a staging directory, so that the next build deletes it should this one be killed.
    work = staging.with_name(staging.name + "-zensical")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        docs = work / "docs"
        languages = PageLanguages(settings, site.options)
        stage_docs(docs, output.pages, editor_pages, settings.content_dir, languages)
        theme = stage_theme(work / "theme", site_config, config_path.parent)
        staged_config = work / "mkdocs.yml"
        # Zensical writes only inside the folder of its configuration: the site is moved beside the old one after.
        staged_config.write_text(
            staged_site_config(
                site_config, docs, work / "site", theme, output.pages, editor_pages, languages.site_extra()
            ),
            "utf-8",
        )
        lost = nav_problems(site_config.get("nav"), docs)
        if lost and settings.strict:
            raise ZensicalError("; ".join(lost) + " (an error under --strict)")
        outcome.warnings += tuple(lost)
        themed = site_config.get("theme")
        run_zensical(staged_config, work, themed.get("custom_dir") if isinstance(themed, dict) else None)
        os.replace(work / "site", staging)
        add_files(staging, output.files)
        date_sitemap(staging, output, settings.site_url)
        missing = missing_pages(staging, output.pages)
        if missing:
            raise ZensicalError(missing_message(missing, len(output.pages)))
        add_html_direction(staging, output.pages, settings.locale)
        add_security_policy(staging)
        publish(staging, target)
    except (ZensicalError, OSError) as problem:
        discard(staging)
        outcome.site_errors.append(str(problem))
    except BaseException:
        discard(staging)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return outcome


def _shown(path: Path) -> str:
    """A path as messages show it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def zensical_version() -> str:
    try:
        return importlib.metadata.version("zensical")
    except importlib.metadata.PackageNotFoundError:
        return ""


# --- the site's configuration -------------------------------------------------------------------------------------


class _Tagged:
    """A YAML value under a tag this module does not interpret (`!ENV`, `!!python/name:...`), written back as it
    was for Zensical to interpret."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return _Tagged(node.tag, value)


def _represent_tagged(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    if isinstance(value.value, list):
        return dumper.represent_sequence(value.tag, value.value)
    if isinstance(value.value, dict):
        return dumper.represent_mapping(value.tag, value.value)
    return dumper.represent_scalar(value.tag, str(value.value))


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Dumper.add_representer(_Tagged, _represent_tagged)


def read_raw_config(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The site's mkdocs.yml as data, its INHERIT resolved here as MkDocs resolves it (mappings merged, anything
    else replaced by the child's): the staged configuration lives in another folder."""
    try:
        config = yaml.load(path.read_text("utf-8"), Loader=_Loader)  # a SafeLoader that keeps tags
    except (OSError, yaml.YAMLError) as problem:
        raise ZensicalError(f"{_shown(path)}: cannot read the site's configuration: {problem}") from None
    if not isinstance(config, dict):
        raise ZensicalError(f"{_shown(path)}: the site's configuration is not a mapping")
    parent = config.pop("INHERIT", None)
    if parent is None:
        return config
    parent_path = (path.parent / str(parent)).resolve()
    if parent_path in seen:
        raise ZensicalError(f"{_shown(path)}: INHERIT: {parent} inherits from this file again")
    return _merged(read_raw_config(parent_path, (*seen, path)), config)


def _merged(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def _plugin_name(entry: Any) -> str:
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    return str(entry)


def staged_site_config(config: dict[str, Any], docs: Path, site: Path, theme: Path | None,
                       pages: tuple[SitePage, ...], editor_pages: dict[str, str],
                       extra: dict[str, Any]) -> str:  # fmt: skip
    """The site's configuration for Zensical: the staging docs tree and site, factsite's theme overrides for
    Zensical, and no factsite plugin (Zensical would ignore it)."""
    staged = dict(config)
    # Relative to the staged configuration's folder, where Zensical reads and writes.
    staged["docs_dir"] = docs.name
    staged["site_dir"] = site.name
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        staged["plugins"] = {name: value for name, value in plugins.items() if name != "factsite"}
    else:
        staged["plugins"] = [entry for entry in plugins if _plugin_name(entry) != "factsite"]
    themed = config.get("theme") or {}
    themed = {"name": themed} if isinstance(themed, str) else dict(themed)
    themed["font"] = False  # never Google Fonts: no third-party requests
    if theme is not None:
        themed["custom_dir"] = theme.name
    staged["theme"] = themed
    # What factsite's theme overrides read (the MkDocs plugin sets the same on `on_config`).
    staged["extra"] = {**(config.get("extra") or {}), **extra}
    extra_css = list(config.get("extra_css") or [])
    staged["extra_css"] = [*THEME_CSS, *extra_css]
    if not config.get("nav"):
        generated = [{html.escape(page.title): page.src_uri}
                     for page in pages if page.kind in NAV_PAGES and page.number == 1]  # fmt: skip
        staged["nav"] = generated + sorted(editor_pages)
    return yaml.dump(staged, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def nav_entries(nav: Any, title: str = "") -> Iterator[tuple[str, str]]:
    """(title, path or address) of every page the nav names; the title is empty when the nav gives none."""
    if isinstance(nav, str):
        yield title, nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_entries(item)
    elif isinstance(nav, dict):
        for name, item in nav.items():
            yield from nav_entries(item, str(name))


def nav_problems(nav: Any, docs: Path) -> list[str]:
    """Entries of the site's nav that name no page: MkDocs warns of them (an error under --strict); Zensical
    0.0.73 builds without a word, even under its --strict, so factsite says it."""
    return [
        f"mkdocs.yml: the nav names '{target}', which is not a page of the site"
        for _, target in nav_entries(nav)
        if not urlsplit(target).scheme and not target.startswith("/") and not (docs / target).is_file()
    ]


# --- the staging docs tree ----------------------------------------------------------------------------------------


def page_markdown(page: SitePage, language: dict[str, Any] | None = None) -> str:
    """A generated page as Zensical reads it: front matter, then the body as one block of HTML, which
    Python-Markdown keeps byte for byte (blank lines around it, no indentation)."""
    hide = ["navigation", "toc"] if page.kind in ("article", "claim") else ["toc"]
    # Escaped once here: Zensical's templates, as Material's, print the title and description as they are.
    front: dict[str, Any] = {
        "title": html.escape(page.title),
        "description": html.escape(page.description),
        "hide": hide,
        "factsite_kind": page.kind,
    }
    if page.image:
        front["factsite_image"] = page.image
    if page.structured_data:
        front["factsite_structured_data"] = page.structured_data
    front.update(language or {})
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10**6)
    return f"---\n{header}---\n\n{_opening(page)}\n{page.body_html}\n</div>\n"


def _opening(page: SitePage) -> str:
    return f'<div class="fs-page fs-page--{html.escape(page.kind)}">'


def stage_docs(docs: Path, pages: tuple[SitePage, ...], editor_pages: dict[str, str], content: Path,
               languages: PageLanguages) -> None:  # fmt: skip
    for page in pages:
        path = docs / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_markdown(page, languages.front_matter(page.locale)), "utf-8")
    for relative, text in editor_pages.items():
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    for relative, source in static_files(content):
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, path)


def static_files(content: Path) -> Iterator[tuple[str, Path]]:
    """The editor's files of content/ that are published as they are (checked by the core beforehand):
    neither Markdown, nor in the fact-check folders, nor hidden, nor the top-level templates/."""
    for directory, folders, files in os.walk(content):
        relative_dir = Path(directory).relative_to(content).as_posix()
        prefix = "" if relative_dir == "." else relative_dir + "/"
        folders[:] = sorted(name for name in folders if not name.startswith(".")
                            and not (not prefix and name in (*FACT_CHECK_DIRS, "templates")))  # fmt: skip
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() not in MARKDOWN_SUFFIXES:
                yield prefix + name, Path(directory, name)


def render_editor_pages(site: SiteConfig, nav: Any) -> tuple[dict[str, str], list[Problem]]:
    """The editor's Markdown pages rendered with the site's Markdown extensions and sanitised, as the MkDocs
    plugin does (Zensical would publish their raw HTML), each staged as front matter and one block of HTML;
    images from other hosts and the theme's ids are errors, as in the MkDocs build."""
    renderer = site.site_markdown()
    content = site.site.content_dir
    titled = {path for title, path in nav_entries(nav) if title}
    staged, problems = {}, []
    for relative, path in editor_page_paths(content):
        text = path.read_text("utf-8", errors="replace")
        meta, source = front_matter(text)
        clean = sanitise_html(renderer.reset().convert(source))
        problems.extend(page_problems(clean, text, f"{content.name}/{relative}"))
        # Zensical finds a page's title in its first Markdown heading, which is HTML here: given as MkDocs finds it,
        # after the nav's title (a title in the front matter would also replace the nav's in the page's <title>).
        heading = FIRST_HEADING.search(clean)
        if "title" not in meta and relative not in titled and heading:
            text_only = re.sub(r"<[^>]*>", "", HEADERLINK.sub("", heading.group(1)))
            meta["title"] = html.unescape(text_only).strip()
        for key in ("title", "description"):  # printed unescaped in the theme's <head>, as with MkDocs
            if key in meta:
                meta[key] = html.escape(str(meta[key]))
        header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10**6) if meta else ""
        staged[relative] = (f"---\n{header}---\n\n" if header else "") + f"<div>\n{clean}\n</div>\n"
    return staged, problems


def editor_page_paths(content: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(content.rglob("*")):
        relative = path.relative_to(content)
        if path.suffix.lower() not in MARKDOWN_SUFFIXES or not path.is_file() or path.is_symlink():
            continue
        if any(part.startswith(".") for part in relative.parts) or relative.parts[0] in FACT_CHECK_DIRS:
            continue
        if relative.as_posix() == "index.md":
            continue  # the home page is generated (the list of fact-checks), as in the MkDocs build
        yield relative.as_posix(), path


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between `---` lines, and the rest; none when it is absent or not a mapping."""
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    try:
        meta = yaml.safe_load(text[3:end])
    except yaml.YAMLError:
        return {}, text
    if not isinstance(meta, dict):
        return {}, text
    rest = text[end + 4 :]
    return meta, rest.split("\n", 1)[1] if "\n" in rest else ""


class PageLanguages:
    """What puts a page in its language with Zensical: the theme's strings, translated by factsite (Zensical's
    templates have no gettext), and for a page in another language than the site's, the interface language
    Zensical's language partial imports (as the MkDocs adapter's `languages.page_meta`)."""

    def __init__(self, settings: Settings, options: dict[str, Any]) -> None:
        self.settings = settings
        self.footer_links = [{"title": str(link["title"]), "url": str(link["url"])}
                             for link in options.get("footer_links") or ()]  # fmt: skip
        self.footer_links += [{"title": title, "url": path + "/"} for path, title in trust_pages(settings.trust)]
        self.interface_languages = _interface_languages()

    def strings(self, locale: str) -> dict[str, Any]:
        messages = Messages(locale)
        links = []
        for link in self.footer_links:
            # The title read first: Babel 2.14's extractor would take a literal inside gettext(...) for a message.
            title = link["title"]
            links.append({**link, "title": messages.gettext(title)})
        return {
            "factsite_strings": {text: messages.gettext(text) for text in THEME_STRINGS},
            "factsite_footer_links": links,
        }

    def front_matter(self, locale: str) -> dict[str, Any]:
        """Nothing for a page in the site's language (the site's configuration holds its strings)."""
        if same_language(locale, self.settings.locale):
            return {}
        tag = html_lang(locale)
        names = [name for name in dict.fromkeys((tag, tag.split("-")[0])) if name in self.interface_languages]
        return {**({"factsite_language": names[0]} if names else {}), **self.strings(locale)}

    def site_extra(self) -> dict[str, Any]:
        """The values the theme overrides read from `config.extra`, as the MkDocs plugin sets them."""
        messages = Messages(self.settings.locale)
        return {
            "factsite_feed": "feed.xml" if self.settings.structured_data else "",
            "factsite_feed_title": messages.gettext("%(site)s: fact-checks", site=self.settings.site_name),
            **self.strings(self.settings.locale),
        }


def _interface_languages() -> frozenset[str]:
    """The languages Zensical's theme has interface strings for (found without importing Zensical)."""
    spec = importlib.util.find_spec("zensical")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    return frozenset(path.stem for folder in folders
                     for path in Path(folder, "templates", "partials", "languages").glob("*.html"))  # fmt: skip


def add_html_direction(site: Path, pages: tuple[SitePage, ...], site_locale: str) -> None:
    """`dir="rtl"` on the `<html>` of a page written right to left, as the MkDocs adapter adds it (Zensical's
    theme sets it on `<body>` only)."""
    for page in pages:
        locale = page.locale if not same_language(page.locale, site_locale) else site_locale
        if text_direction(locale) != "rtl":
            continue
        path = page_file(site, page)
        text = path.read_text("utf-8")
        path.write_text(HTML_LANG.sub(r'\1 dir="rtl"', text, count=1), "utf-8")


def stage_theme(theme: Path, config: dict[str, Any], project_dir: Path) -> Path:
    """factsite's overrides that Zensical can run (its stylesheet, the footer links), then the site's own
    custom_dir on top, as the MkDocs build puts it first."""
    ours = TEMPLATES_DIR / "theme"
    shutil.copytree(TEMPLATES_DIR / "zensical", theme, dirs_exist_ok=True)
    for relative in THEME_FILES:
        (theme / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ours / relative, theme / relative)
    themed = config.get("theme")
    custom = themed.get("custom_dir") if isinstance(themed, dict) else None
    if custom:
        shutil.copytree(project_dir / str(custom), theme, dirs_exist_ok=True)
    return theme


# --- running Zensical and checking what it wrote --------------------------------------------------------------------


def run_zensical(config: Path, work: Path, custom_dir: str | None = None) -> None:
    command = [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config)]
    try:
        run = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=3600, check=False)
    except (OSError, subprocess.TimeoutExpired) as problem:
        raise ZensicalError(f"zensical build could not run: {problem}") from None
    if run.returncode == 0:
        return
    lines = [line.strip() for line in (run.stderr + run.stdout).splitlines() if line.strip()]
    # Its own message, not the Python traceback around it (Zensical is Rust called from Python).
    errors = [line for line in lines if ZENSICAL_ERROR.match(line)]
    detail = "; ".join(errors or lines[-3:]) or f"exit status {run.returncode}"
    message = f"zensical build failed (exit status {run.returncode}): {detail}"
    if TEMPLATE_PLACE.search(detail):
        overrides = f"the site's custom_dir ({custom_dir}) or " if custom_dir else ""
        message += (
            f"; the template is one of the theme overrides, {overrides}factsite's templates/zensical/ "
            "(Zensical's template engine stops at an undefined value where Jinja2 would print nothing)"
        )
    raise ZensicalError(message)


def add_files(site: Path, files: tuple[tuple[str, bytes], ...]) -> None:
    for relative, data in files:
        path = site / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def date_sitemap(site: Path, output: CoreOutput, site_url: str) -> None:
    """Zensical's sitemap.xml with each page's date, as Material's has (the generated page's date, the newest
    review date for the editor's pages), and sitemap.xml.gz beside it."""
    path = site / "sitemap.xml"
    if not path.is_file():
        return  # no site_url: no sitemap, as with Material
    dates = {page.path + "/" if page.path else "": page.date.isoformat() for page in output.pages}
    base = site_url.rstrip("/") + "/"

    def dated(match: re.Match[str]) -> str:
        address = html.unescape(match.group(2))
        relative = address[len(base) :] if address.startswith(base) else None
        date = dates.get(relative, output.newest.isoformat()) if relative is not None else None
        lastmod = f"\n{match.group(1)}<lastmod>{date}</lastmod>" if date else ""
        return match.group(0) + lastmod

    text = SITEMAP_LOC.sub(dated, path.read_text("utf-8"))
    path.write_text(text, "utf-8")
    # A fixed time in the gzip header: the same content gives the same bytes.
    newest = dt.datetime.combine(output.newest, dt.time(), dt.UTC).timestamp()
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=int(newest)))


def page_file(site: Path, page: SitePage) -> Path:
    return site / page.path / "index.html" if page.path else site / "index.html"


def missing_pages(site: Path, pages: tuple[SitePage, ...]) -> list[str]:
    """The generated pages that are not in the output, or not with their body as factsite rendered it."""
    missing = []
    for page in pages:
        path = page_file(site, page)
        try:
            written = path.read_text("utf-8")
        except OSError:
            missing.append(f"{page.path or '/'} (no {path.relative_to(site)})")
            continue
        if f"{_opening(page)}\n{page.body_html}\n</div>" not in written:
            missing.append(f"{page.path or '/'} (its body is not there as factsite rendered it)")
    return missing


def missing_message(missing: list[str], total: int) -> str:
    shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
    return (f"Zensical left out {len(missing)} of the {total} generated pages, so the site was not published: "
            f"{shown}; look for settings in mkdocs.yml that hide pages (exclude_docs, draft_docs) or a theme "
            "override that replaces the page's content")  # fmt: skip


def add_security_policy(site: Path) -> None:
    """The MkDocs build's Content-Security-Policy on every page: the theme's own scripts only (content is
    sanitised, so no script in a page comes from it)."""
    for path in sorted(site.rglob("*.html")):
        text = path.read_text("utf-8")
        path.write_text(add_content_security_policy(text), "utf-8")


def _with_problems(project: Project, problems: list[Problem]) -> Project:
    ordered = sorted(problems, key=lambda p: (p.location.path, p.location.line))
    return replace(project, problems=project.problems + tuple(ordered))
