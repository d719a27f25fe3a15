"""Readers' search at any size: Material's one index for small sites, Pagefind's chunks for large.

Material's search plugin ships one JSON index that the browser fetches whole before the first
result (4.4 MB for 1,000 pages, tens of MB at 25,000). Pagefind (`pip install 'pagefind[bin]'`)
indexes the built HTML offline into small compressed chunks, and a search fetches only the chunks
for its words. With Pagefind, Material's search is switched off and the site gets a search page.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import json
import os
import posixpath
import shutil
from pathlib import Path

from factsite.adapters.mkdocs.pagefind_service import PagefindServiceError, write_index
from factsite.adapters.mkdocs.search_budget import write_budget
from factsite.adapters.mkdocs.search_documents import documents
from factsite.build.write import remove_in_background
from factsite.render.messages import Messages
from factsite.render.pages import SitePage, template_environment

PAGEFIND_DIR = "pagefind"
# The packages that ship Pagefind's program, where `pagefind.service.get_executable` looks, in its order.
PAGEFIND_PACKAGES = ("pagefind_bin_extended", "pagefind_bin")
SEARCH_PAGE = "search"
# Only the page's own content is indexed: not the header, navigation or footer of every page.
CONTENT_SELECTOR = "article.md-content__inner"
# Nor what repeats from page to page (verdict definitions, source descriptions, navigation), nor
# the pages that list everything (they would match every search): the index is a third smaller.
# Nor what a page repeats of other pages or of every page of its kind: the claim number and the
# section headings of every claim and article page ("In the article", "Our note"), the "Also checked
# in" list (other articles' headlines, outlets and dates), an article's scorecard (its claims' words,
# which the article's text and their sections hold), the number and verdict inside each claim mark
# (they glued "mains" and "1Mostly" into one word), the evidence's headings ("The passage in the
# source") and a quotation's side-by-side view (the quotation again, and the source's words, which are
# not the claim's), a claimant's list of claims, and on a claim's page the article's corrections and
# the claim's sentence (its article's document holds them once: search_documents.py). At 25,000 claim
# pages these were more than half the index: the postings of "the", "council" or "claim" filled chunks
# of 100 to 280 KB that a search for one of them fetched (bench/README.md, "Fourth round: search
# payload").
NOT_INDEXED = (
    ".fs-breadcrumb", ".fs-verdict__definition", ".fs-in-context__source", ".fs-facts",
    ".fs-diff-key", ".fs-diff", ".fs-passage", ".fs-sources", ".fs-pager", ".fs-visually-hidden",
    ".fs-page--index", ".fs-page--sources", ".fs-page--corrections", ".fs-page--search",
    ".fs-page--claimants", ".fs-claimant-group",
    ".fs-eyebrow", ".fs-in-context > h2", ".fs-evidence > h2", ".fs-note > h2", ".fs-corrections > h2",
    ".fs-page--claim .fs-corrections", ".fs-page--claim .fs-sentence",
    ".fs-also-checked", ".fs-rating__label", ".fs-rating__basis", ".fs-summary > h2", ".fs-scorecard",
    ".fs-article > h2", ".fs-mark__badge", ".fs-evidence h3", ".fs-side-by-side", ".fs-side-key",
)  # fmt: skip
# Content Security Policy source Pagefind needs to start its WebAssembly search engine.
WASM_SOURCE = "'wasm-unsafe-eval'"


class SearchIndexError(Exception):
    """Pagefind is wanted but missing, or failed on the built site."""


def choose_search(option: str, page_count: int, threshold: int) -> str:
    """`material` or `pagefind`; `auto` picks Pagefind above `threshold` pages if installed."""
    if option != "auto":
        return option
    return "pagefind" if page_count > threshold and pagefind_executable() is not None else "material"


def pagefind_executable() -> Path | None:
    """Pagefind's program, found where `pagefind.service.get_executable` looks for it, in its order (a test holds
    the two alike): `PAGEFIND_BINARY_PATH`, the `pagefind_bin_extended` then `pagefind_bin` package, then the
    `PATH`. Not by calling it: importing `pagefind.service` imports asyncio, 13 ms of a build of 1,000 claim pages
    on one processor, between composing and rendering; factsite runs the program itself (`pagefind_service.py`)."""
    if importlib.util.find_spec("pagefind") is None:
        return None  # as before: Pagefind is installed from PyPI (`pagefind[bin]`), in the range factsite tests
    given = os.environ.get("PAGEFIND_BINARY_PATH")
    if given is not None:
        return Path(given)
    for package in PAGEFIND_PACKAGES:
        try:
            get_executable = getattr(importlib.import_module(package), "get_executable")  # noqa: B009
        except (ImportError, AttributeError):
            continue
        try:
            return Path(get_executable())
        except (OSError, ImportError):
            return None
    found = shutil.which("pagefind_extended") or shutil.which("pagefind")
    return Path(found) if found is not None else None


def search_page(date: dt.date, locale: str = "en") -> SitePage:
    """The page holding Pagefind's search box and results, in the site's `locale`; it works under any sub-path."""
    root = posixpath.relpath("/", f"/{SEARCH_PAGE}") + "/"
    messages = Messages(locale)
    body = (
        template_environment()
        .get_template("search.html")
        .render(root=root, digits="".join(messages.number(digit) for digit in range(10)), **messages.template_globals())
    )
    return SitePage(
        SEARCH_PAGE, messages.gettext("Search"), messages.gettext("Search every fact-check and claim."), date, body,
        "search", locale=locale,
    )  # fmt: skip


def keep_previous_index(published: Path, staging: Path) -> bool:
    """Give the staged site the published site's index (hard links), for it to be published with the
    index its readers already had until the new one replaces it; whether there was one."""
    index = published / PAGEFIND_DIR
    if not index.is_dir() or (staging / PAGEFIND_DIR).exists():
        return False
    try:
        shutil.copytree(index, staging / PAGEFIND_DIR, copy_function=_link_or_copy)
    except OSError:
        shutil.rmtree(staging / PAGEFIND_DIR, ignore_errors=True)
        return False
    return True


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def reindex_published(site_dir: Path) -> None:
    """Index a published site beside it, then put the new index in place of the old one: two renames,
    so a reader's search finds one index or the other, whole."""
    # Named as a staging directory: should the build be killed, the next one removes it.
    fresh = site_dir.with_name(f".{site_dir.name}.staging-{PAGEFIND_DIR}-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        index_site(site_dir, output=fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    current = site_dir / PAGEFIND_DIR
    old = site_dir.with_name(f".{site_dir.name}.old-{PAGEFIND_DIR}-{os.getpid()}")
    if current.exists():
        os.replace(current, old)
    os.replace(fresh, current)
    remove_in_background(old)


def index_site(site_dir: Path, output: Path | None = None) -> None:
    """Write Pagefind's index of `site_dir` into `site_dir/pagefind/`, or into `output`: of its documents
    (search_documents.py), one per article with its claims as sections, given to Pagefind as they are made, without
    what `NOT_INDEXED` and Pagefind leave out (the same index as of the whole pages, parsed in less than half the
    time)."""
    executable = pagefind_executable()
    if executable is None:
        raise SearchIndexError(
            "search is set to 'pagefind' but Pagefind is not installed; "
            "run `pip install 'pagefind[bin]'` or set the factsite option `search: material`"
        )
    index = output or site_dir / PAGEFIND_DIR
    try:
        write_index(executable, documents(site_dir, NOT_INDEXED), index, root_selector=CONTENT_SELECTOR,
                    exclude_selectors=(", ".join(NOT_INDEXED),))  # fmt: skip
    except (PagefindServiceError, OSError) as problem:
        # factsite writes the files Pagefind hands back: a disk that refuses them fails as Pagefind's own writing did.
        raise SearchIndexError(f"Pagefind failed on {site_dir}: {problem}") from None
    _sort_languages(index)
    # The size of each index chunk, for the search page to keep a query within its budget (search_budget.py).
    # An index it cannot read gets no such file: the page then searches every word, as Pagefind alone does.
    write_budget(index)


def _sort_languages(pagefind_dir: Path) -> None:
    """Pagefind's entry file with its languages in one order: Pagefind writes them as its hash map holds them, in
    any order from one run to the next, and the same site must give the same files. Written as Pagefind writes it
    (compact, characters as they are); the search reads the languages by name."""
    path = pagefind_dir / "pagefind-entry.json"
    try:
        entry = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return  # not Pagefind's entry file as this version knows it: left as it is
    languages = entry.get("languages") if isinstance(entry, dict) else None
    if isinstance(languages, dict):
        entry["languages"] = dict(sorted(languages.items()))
        path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def allow_wasm(page_html: str) -> str:
    """The page with Pagefind's WebAssembly allowed by its Content-Security-Policy."""
    return page_html.replace("script-src 'self'", f"script-src 'self' {WASM_SOURCE}", 1)
