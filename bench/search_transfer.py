"""What a reader's search costs: the bytes one search transfers, measured in Chromium.

`measure_search(site, query)` serves a built site on 127.0.0.1 (plain `http.server`, no
compression, so the figures are what an uncompressing host would send), opens the search, types
the query, waits for results and sums the bytes of every response that arrived for the search (the
page itself counted apart; Material's index counts as the search's although Material fetches it
as the page loads). Pagefind sites search on `search/`; Material sites in the header.
Chromium is Debian's (/usr/bin/chromium), driven by Playwright.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Request, sync_playwright

CHROMIUM = "/usr/bin/chromium"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        pass


def measure_search(site: Path, query: str) -> dict[str, object]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    pagefind = (site / "pagefind").is_dir()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            sizes: list[int] = []
            index_sizes: list[int] = []  # Material's index, which it fetches as the page loads

            def finished(request: Request) -> None:
                size = request.sizes()["responseBodySize"]
                (index_sizes if "search_index.json" in request.url else sizes).append(size)

            page.on("requestfinished", finished)
            if pagefind:
                page.goto(url + "search/", wait_until="networkidle")
                page_bytes, sizes[:] = sum(sizes), []
                page.fill(".pagefind-ui__search-input", query)
                page.wait_for_selector(".pagefind-ui__result-link", timeout=60_000)
                page.wait_for_load_state("networkidle")
                link = page.get_attribute(".pagefind-ui__result-link", "href") or ""
            else:
                page.goto(url, wait_until="networkidle")
                page_bytes, sizes[:] = sum(sizes), []
                search = page.locator("input.md-search__input")
                search.click()
                search.press_sequentially(query)  # Material searches as the reader types
                page.wait_for_selector(".md-search-result__link", timeout=120_000)
                page.wait_for_load_state("networkidle")
                link = page.get_attribute(".md-search-result__link", "href") or ""
            search_bytes = sum(sizes) + sum(index_sizes)
            browser.close()
    finally:
        server.shutdown()
    return {
        "search": "pagefind" if pagefind else "material",
        "search_kb": search_bytes / 1024,
        "page_kb": page_bytes / 1024,
        "claim_result": "/claims/" in link,
        "first_result": link,
    }


if __name__ == "__main__":
    import sys

    print(measure_search(Path(sys.argv[1]), " ".join(sys.argv[2:]) or "swimming pool"))
