"""Browser fixtures: the demo site served on 127.0.0.1 and Debian's Chromium driven by Playwright.

The demo is built once per session (`built_demo` in tests/conftest.py) and served by a thread
running `http.server` on a free port. Chromium is the system one at /usr/bin/chromium, never a
Playwright download. Every browser context records the requests its pages make and refuses any
that leave the site's origin, so the tests never touch the network and `test_privacy` can assert
on what was attempted.
"""

from __future__ import annotations

import functools
import json
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal, Protocol

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
PAGE_TYPES = ("index", "article", "claim", "sources", "methodology")


@dataclass(frozen=True)
class ClaimPage:
    number: int
    id: str
    kind: str
    path: str
    article_path: str
    verdict_label: str | None


@dataclass(frozen=True)
class DemoSite:
    """The built demo as a reader reaches it: its address, its files, its claim pages in order."""

    url: str
    root: Path
    claims: tuple[ClaimPage, ...]

    @property
    def article_path(self) -> str:
        return self.claims[0].article_path

    @property
    def article_claims(self) -> tuple[ClaimPage, ...]:
        """The claims of the article `article_path` (the demo holds several articles)."""
        return tuple(claim for claim in self.claims if claim.article_path == self.article_path)

    def claim_of_kind(self, kind: str) -> ClaimPage:
        return next(claim for claim in self.claims if claim.kind == kind)

    def path_of(self, page_type: str) -> str:
        """Site-relative path of one page of each type; the claim is a quotation, with evidence."""
        return {
            "index": "",
            "article": self.article_path,
            "claim": self.claim_of_kind("quote").path,
            "sources": "sources/",
            "methodology": "methodology/",
        }[page_type]

    def html_paths(self) -> list[str]:
        """Every page of the site, as paths a browser asks for."""
        pages = self.root.rglob("index.html")
        folders = sorted(page.parent.relative_to(self.root).as_posix() for page in pages)
        return ["" if folder == "." else folder + "/" for folder in folders] + ["404.html"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # pytest shows failures; a line per request would bury them.


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A browser context closed mid-response breaks the pipe: not a failure of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def served(directory: Path) -> Iterator[str]:
    """`directory` served on 127.0.0.1 by a thread, on a port the system picks: its address."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def _claim_pages(root: Path) -> tuple[ClaimPage, ...]:
    # claims.json is the site's published list of claims: the same data a reader's tools get.
    claims = json.loads((root / "claims.json").read_text(encoding="utf-8"))["claims"]
    return tuple(
        ClaimPage(
            number=claim["number"],
            id=claim["id"],
            kind=claim["kind"],
            path=claim["url"],
            article_path=f"articles/{claim['article']}/",
            verdict_label=claim["verdict_label"],
        )
        for claim in sorted(claims, key=lambda claim: (claim["article"], claim["number"]))
    )


@pytest.fixture(scope="session")
def demo_site(built_demo: Path) -> Iterator[DemoSite]:
    with served(built_demo) as url:
        yield DemoSite(url, built_demo, _claim_pages(built_demo))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def request_log() -> list[Request]:
    """Every request the pages of one test made, including refused ones."""
    return []


class PageOpener(Protocol):
    def __call__(
        self,
        path: str = "",
        *,
        javascript: bool = True,
        color_scheme: Literal["light", "dark"] = "light",
        width: int = 1280,
        height: int = 800,
    ) -> Page: ...


@pytest.fixture
def open_page(browser: Browser, demo_site: DemoSite, request_log: list[Request]) -> Iterator[PageOpener]:
    """Open a site-relative path in a fresh context (no stored palette choice, no cache)."""
    contexts: list[BrowserContext] = []

    def foreign(url: str) -> bool:
        return not url.startswith(demo_site.url)

    def open_path(
        path: str = "",
        *,
        javascript: bool = True,
        color_scheme: Literal["light", "dark"] = "light",
        width: int = 1280,
        height: int = 800,
    ) -> Page:
        context = browser.new_context(
            base_url=demo_site.url,
            java_script_enabled=javascript,
            color_scheme=color_scheme,
            viewport={"width": width, "height": height},
        )
        contexts.append(context)
        context.on("request", lambda request: request_log.append(request))
        context.route(foreign, lambda route: route.abort("blockedbyclient"))
        page = context.new_page()
        response = page.goto(demo_site.url + path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return page

    yield open_path
    for context in contexts:
        context.close()
