"""Transferred weight of each page type of the demo site, as a static host would serve it.

Run `python bench/bench_page_weight.py`: it builds the demo into a temporary directory, serves it
on 127.0.0.1, loads each page type in Debian's Chromium (/usr/bin/chromium, driven by Playwright)
and sums the gzip size (level 6, what static hosts commonly use) of every response the page loads,
leaving out the search index, which only searching needs. It prints a table and exits with status 1
when the article page is over its budget of 80 KB. The budget is checked without search: the index
and Material's search worker (the lunr engine that reads it) serve only searching; the total with
the worker is printed beside it.
"""

from __future__ import annotations

import functools
import gzip
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, Response, sync_playwright

from factsite.adapters.mkdocs.commands import build_site

REPOSITORY = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTICLE_BUDGET_BYTES = 80_000
EXCLUDED_SUFFIXES = ("/search/search_index.json",)
SEARCH_WORKER = "/assets/javascripts/workers/"
# Playwright's resource types, grouped the way a page-weight budget speaks of them.
KINDS = {"document": "html", "stylesheet": "css", "script": "js"}
COLUMNS = ("html", "css", "js", "other")


@dataclass(frozen=True)
class Resource:
    url: str
    kind: str
    raw_bytes: int
    gzip_bytes: int


@dataclass(frozen=True)
class PageWeight:
    page_type: str
    path: str
    resources: tuple[Resource, ...]

    @property
    def raw_bytes(self) -> int:
        return sum(resource.raw_bytes for resource in self.resources)

    @property
    def gzip_bytes(self) -> int:
        return sum(resource.gzip_bytes for resource in self.resources)

    def gzip_bytes_of(self, kind: str) -> int:
        return sum(resource.gzip_bytes for resource in self.resources if resource.kind == kind)

    @property
    def search_worker_gzip_bytes(self) -> int:
        return sum(r.gzip_bytes for r in self.resources if SEARCH_WORKER in r.url)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A browser context closed mid-response breaks the pipe: not a failure of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """The directory over HTTP on a free port of 127.0.0.1; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def _heaviest(pages: Iterator[Path]) -> Path:
    return max(pages, key=lambda page: page.stat().st_size).parent


def page_paths(site: Path) -> dict[str, str]:
    """One site-relative path per page type; for articles and claims, the heaviest page."""
    article = _heaviest(site.glob("articles/*/index.html"))
    claim = _heaviest(site.glob("articles/*/claims/*/index.html"))
    return {
        "index": "",
        "article": article.relative_to(site).as_posix() + "/",
        "claim": claim.relative_to(site).as_posix() + "/",
        "sources": "sources/",
        "methodology": "methodology/",
    }


def measure_page(browser: Browser, base_url: str, page_type: str, path: str) -> PageWeight:
    """Load the page in a fresh context (empty cache) and weigh everything it fetched."""
    context = browser.new_context()
    responses: list[Response] = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(base_url + path, wait_until="networkidle")
    resources = []
    for response in responses:
        if response.url.endswith(EXCLUDED_SUFFIXES) or not response.url.startswith(base_url):
            continue
        body = response.body()
        kind = KINDS.get(response.request.resource_type, "other")
        resources.append(Resource(response.url, kind, len(body), len(gzip.compress(body, 6))))
    context.close()
    return PageWeight(page_type, path, tuple(resources))


def measure_site(site: Path) -> list[PageWeight]:
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return [measure_page(browser, base_url, page_type, path) for page_type, path in page_paths(site).items()]
        finally:
            browser.close()


def format_table(weights: list[PageWeight]) -> str:
    """Kilobytes (1000 bytes) per page; the split by kind is of the gzip sizes."""
    kinds = "".join(f" {kind:>6}" for kind in COLUMNS)
    rows = [f"{'page':<12} {'requests':>8} {'raw KB':>7} {'gzip KB':>7}{kinds}  path"]
    for weight in weights:
        split = "".join(f" {weight.gzip_bytes_of(kind) / 1000:>6.1f}" for kind in COLUMNS)
        rows.append(
            f"{weight.page_type:<12} {len(weight.resources):>8} {weight.raw_bytes / 1000:>7.1f}"
            f" {weight.gzip_bytes / 1000:>7.1f}{split}  /{weight.path}"
        )
    return "\n".join(rows)


def budgeted_bytes(weight: PageWeight) -> int:
    """What the budget counts: everything but search (its index, and the worker that reads it)."""
    return weight.gzip_bytes - weight.search_worker_gzip_bytes


def format_budget(article: PageWeight) -> str:
    counted = budgeted_bytes(article)
    verdict = "within budget" if counted <= ARTICLE_BUDGET_BYTES else "OVER BUDGET"
    worker = article.search_worker_gzip_bytes
    return (
        f"article page without search: {counted / 1000:.1f} KB gzip,"
        f" budget {ARTICLE_BUDGET_BYTES / 1000:.0f} KB: {verdict}\n"
        f"  with Material's search worker, which it loads with every page: "
        f"{article.gzip_bytes / 1000:.1f} KB (worker {worker / 1000:.1f} KB; index never counted)"
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="factsite-weight-") as temporary:
        site = Path(temporary) / "site"
        outcome = build_site(str(REPOSITORY / "mkdocs.yml"), site_dir=str(site))
        if not outcome.ok:
            print("the demo did not build; run `python build.py check`", file=sys.stderr)
            return 2
        weights = measure_site(site)
    article = next(weight for weight in weights if weight.page_type == "article")
    print(format_table(weights))
    print()
    print(format_budget(article))
    return 0 if budgeted_bytes(article) <= ARTICLE_BUDGET_BYTES else 1


if __name__ == "__main__":
    sys.exit(main())
