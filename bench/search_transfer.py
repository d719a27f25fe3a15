"""What a reader's search costs: the bytes a search transfers, measured in Chromium.

`measure_search(site, queries)` serves a built site on 127.0.0.1, opens the search, types each
query in a fresh browser, waits for the results, and sums the bytes of the responses that arrived
for the search (the page itself is counted apart). The server compresses text files with gzip as
static hosts do (GitHub Pages, Netlify, CDNs); figures without compression are reported too.
Material's index counts as the search's, although Material fetches it as the page loads. Pagefind
sites search on `search/`, Material sites in the header. Chromium is Debian's, driven by
Playwright. `python bench/search_transfer.py SITE_DIR [QUERY...]` prints each query's bytes by kind
of file (Pagefind's engine, its list of documents, index chunks, fragments), its first result and
what factsite's search page said (the words it searched and left out). `--queries-file` reads one
query a line, `--json` writes every figure, `--type-delay MS` types a key at a time. The page is
factsite's search page, or Pagefind's own interface on a site built before it.
"""

from __future__ import annotations

import functools
import gzip
import io
import re
import statistics
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Request, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Words every synthetic site holds, whatever its size: claims in most articles, and every headline.
QUERIES = ("swimming pool", "water mains", "council plans", "night bus")
# Compressed by the server; Pagefind's own files (*.pf_*, the WebAssembly) are compressed already.
TEXT_SUFFIXES = (".html", ".css", ".js", ".json", ".xml", ".svg", "/")


class _GzipHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        compress = "gzip" in self.headers.get("Accept-Encoding", "")
        if not compress or not self.path.split("?")[0].endswith(TEXT_SUFFIXES):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def measure_search(site: Path, queries: tuple[str, ...] = QUERIES, type_delay: int = 0) -> dict[str, object]:
    """`type_delay`: type each query a key at a time, that many milliseconds apart (0: all at once)."""
    handler = functools.partial(_GzipHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    pagefind = (site / "pagefind").is_dir()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            runs = [_search(browser, url, query, pagefind, type_delay) for query in queries]
            browser.close()
    finally:
        server.shutdown()
    return {
        "search": "pagefind" if pagefind else "material",
        "search_kb": statistics.median(run["search"] for run in runs) / 1024,
        "search_max_kb": max(run["search"] for run in runs) / 1024,
        "search_raw_kb": statistics.median(run["search_raw"] for run in runs) / 1024,
        "page_kb": runs[0]["page"] / 1024,
        "claim_result": all("/claims/" in str(run["link"]) for run in runs),
        "first_result": runs[0]["link"],
        "queries": {query: run for query, run in zip(queries, runs, strict=True)},
    }


def _search(browser, url: str, query: str, pagefind: bool, type_delay: int = 0) -> dict[str, object]:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    status = title = ""
    sizes: list[tuple[int, int]] = []
    kinds: dict[str, int] = {}  # compressed bytes by kind of file (kind_of)
    counts: dict[str, int] = {}  # files by kind
    index: list[tuple[int, int]] = []  # Material's index, which it fetches as the page loads
    page_extra: list[int] = []

    def finished(request: Request) -> None:
        response = request.response()
        raw = int(response.headers.get("content-length", 0)) if response else 0
        compressed = request.sizes()["responseBodySize"]
        if not compressed and response is not None:
            # Chromium reports no size for a worker's own script (Pagefind's pagefind-worker.js): the
            # server's Content-Length is the body it sent, compressed or not.
            compressed = int(response.headers.get("content-length", 0))
        if response is not None and response.headers.get("content-encoding") == "gzip":
            raw = len(response.body())
        if "search_index.json" in request.url:
            index.append((compressed, raw))
        elif request.url.endswith(("/sitemap.xml", "/favicon.png")):
            # Material fetches the sitemap when a page links an alternate (the Atom feed), as
            # the page loads, whether or not the reader searches: the page's weight, not the search's.
            page_extra.append(compressed)
        else:
            sizes.append((compressed, raw))
            kinds[kind_of(request.url)] = kinds.get(kind_of(request.url), 0) + compressed
            counts[kind_of(request.url)] = counts.get(kind_of(request.url), 0) + 1

    page.on("requestfinished", finished)
    if pagefind:
        page.goto(url + "search/", wait_until="networkidle")
        loaded, sizes[:] = sum(s for s, _ in sizes), []
        kinds.clear()
        counts.clear()
        if page.locator("#fs-search-input").count():
            # factsite's search page: it says what it found (or that it found nothing) when the results are drawn.
            _type(page, "#fs-search-input", query, type_delay)
            said = page.locator("#fs-search-status").filter(has_text=re.compile("Results found|Nothing found"))
            said.wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
            status = page.locator("#fs-search-status").inner_text()
            first = page.locator(".fs-search__result").first
            links = [a.get_attribute("href") or "" for a in first.locator("a").all()] if first.count() else []
        else:
            # Pagefind's own interface (PagefindUI), as the search page was before factsite's.
            _type(page, ".pagefind-ui__search-input", query, type_delay)
            # The list of results appears when the search is done, empty for a query that matches nothing.
            page.wait_for_selector(".pagefind-ui__results", state="attached", timeout=60_000)
            page.wait_for_load_state("networkidle")
            first = page.locator(".pagefind-ui__result").first
            links = [a.get_attribute("href") or "" for a in first.locator(".pagefind-ui__result-link").all()]
        # A result is an article with the claims the words were found in listed below it (sub-results):
        # the first claim of the first result, or the result itself when it lists none.
        link = next((href for href in links if "/claims/" in href), links[0] if links else None)
        if link:
            title = page.locator(f'a[href="{link}"]').first.inner_text()
    else:
        page.goto(url, wait_until="networkidle")
        loaded, sizes[:] = sum(s for s, _ in sizes), []
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially(query)  # Material searches as the reader types
        page.wait_for_selector(".md-search-result__link", timeout=120_000)
        page.wait_for_load_state("networkidle")
        link = page.get_attribute(".md-search-result__link", "href")
    page.close()
    return {
        "page": loaded + sum(page_extra),
        "search": sum(s for s, _ in sizes + index),
        "search_raw": sum(r for _, r in sizes + index),
        "link": link or "",
        "title": title,
        "status": status,
        "kinds": kinds,
        "counts": counts,
    }


def _type(page, selector: str, query: str, delay: int) -> None:  # type: ignore[no-untyped-def]
    if delay:
        page.locator(selector).press_sequentially(query, delay=delay)
    else:
        page.fill(selector, query)


def kind_of(url: str) -> str:
    """Which of a search's files `url` is: Pagefind's engine, page list, index chunk, page fragment..."""
    name = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    for suffix, kind in ((".pf_meta", "meta"), (".pf_index", "index"), (".pf_fragment", "fragment"),
                         (".pf_filter", "filter"), (".pagefind", "wasm")):  # fmt: skip
        if name.endswith(suffix):
            return kind
    return name or "page"


if __name__ == "__main__":
    import argparse
    import json

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("queries", nargs="*")
    parser.add_argument("--queries-file", type=Path, help="one query a line")
    parser.add_argument("--json", type=Path, help="write every query's figures here")
    parser.add_argument("--type-delay", type=int, default=0, help="type a key at a time, this many ms apart")
    arguments = parser.parse_args()
    queries = list(arguments.queries)
    if arguments.queries_file:
        queries += [line.strip() for line in arguments.queries_file.read_text("utf-8").splitlines() if line.strip()]
    figures = measure_search(arguments.site, tuple(queries) or QUERIES, arguments.type_delay)
    runs = figures.pop("queries")
    print(figures)
    for query, run in runs.items():  # type: ignore[attr-defined]
        kinds = sorted(run["kinds"].items())
        parts = ", ".join(f"{kind} {size / 1024:.1f} ({run['counts'][kind]})" for kind, size in kinds)
        said = " | ".join(run["status"].splitlines())
        print(f"{query!r}: {run['search'] / 1024:.1f} KB ({parts}); first result {run['link']} {run['title']!r} {said}")
    if arguments.json:
        arguments.json.write_text(json.dumps({"figures": figures, "queries": runs}, indent=1), "utf-8")
