"""`python build.py links` against a local HTTP server: live pages, dead pages, refusals, a hang."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from factsite.commands.cli import main
from factsite.commands.links import LinkRole, LinkTarget, LinkUse, check_links, dead_link_problems
from factsite.model import Location, Severity
from tests.publish.conftest import build
from tests.publish.site_fixture import write_site

# Timeouts in these tests only bound the hanging page; nothing asserts how long anything took.
TIMEOUT = 0.5


class LocalServer:
    """Answers by path: /ok, /moved (to /ok), /gone (404), /no-head (405 to HEAD), /forbidden,
    /hang (answers only once the test is over); counts requests and the most at once."""

    def __init__(self) -> None:
        self.released = threading.Event()
        self.lock = threading.Lock()
        self.requests: list[str] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        # A short poll lets shutdown() return promptly at the end of each test.
        serve = partial(self.server.serve_forever, poll_interval=0.02)
        self.thread = threading.Thread(target=serve, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        local = self

        class Handler(BaseHTTPRequestHandler):
            def do_HEAD(self) -> None:
                self.answer(head=True)

            def do_GET(self) -> None:
                self.answer(head=False)

            def answer(self, head: bool) -> None:
                with local.lock:
                    local.requests.append(f"{self.command} {self.path}")
                    local.in_flight += 1
                    local.most_in_flight = max(local.most_in_flight, local.in_flight)
                try:
                    status = self.status(head)
                finally:
                    # Counted out before answering: once the answer is sent, the client's next request
                    # may arrive before this thread would get the lock again.
                    with local.lock:
                        local.in_flight -= 1
                self.send_response(status)
                if status == 301:
                    self.send_header("Location", "/ok")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def status(self, head: bool) -> int:
                path = self.path.split("?")[0]
                if path == "/hang":
                    local.released.wait()
                status = {"/gone": 404, "/forbidden": 403, "/moved": 301}.get(path, 200)
                if path == "/no-head" and head:
                    status = 405
                if path.startswith("/slow"):
                    local.released.wait(0.05)  # overlap requests, to show the concurrency limit
                return status

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


def local_addresses(server: LocalServer, source: str, archive: str, plans: str) -> dict[str, str]:
    """Every address of the fixture site on the local server; the article's own pages load."""
    return {
        "source_url": server.base + source,
        "archive_url": server.base + archive,
        "plans_url": server.base + plans,
        "article_url": f"{server.base}/ok?article",
        "article_archive": f"{server.base}/ok?article-archive",
    }


def target(url: str) -> LinkTarget:
    use = LinkUse(LinkRole.SOURCE, "report", ("jobs-grew",), Location("content/articles/jobs.yaml", 3, 3))
    return LinkTarget(url, (use,))


@pytest.mark.parametrize(
    ("path", "status", "reason"),
    [
        ("/ok", 200, "HTTP 200"),
        ("/moved", 200, "HTTP 200"),
        ("/no-head", 200, "HTTP 200"),
        ("/gone", 404, "HTTP 404"),
        ("/forbidden", 403, "HTTP 403"),
        ("/hang", None, f"no answer within {TIMEOUT:g} s"),
    ],
    ids=["live", "redirected", "HEAD refused, GET works", "gone", "forbidden", "hangs"],
)
def test_each_address_gets_its_status(server: LocalServer, path: str, status: int | None, reason: str) -> None:
    [(_, result)] = check_links([target(server.base + path)], timeout=TIMEOUT)
    assert (result.status, result.reason.startswith(reason)) == (status, True)


def test_a_port_nobody_listens_on_is_a_failed_connection() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    [(_, result)] = check_links([target(f"http://127.0.0.1:{port}/")], timeout=TIMEOUT)
    assert (result.status, result.reason) == (None, "could not connect: connection refused")


def test_dead_links_become_located_problems_naming_their_claims(server: LocalServer) -> None:
    results = check_links([target(server.base + p) for p in ("/ok", "/gone", "/forbidden")])
    problems = {p.message.rsplit("/", 1)[1]: p for p in dead_link_problems(results)}
    assert sorted(problems) == ["forbidden: HTTP 403 Forbidden", "gone: HTTP 404 Not Found"]
    gone, forbidden = (
        problems["gone: HTTP 404 Not Found"],
        problems["forbidden: HTTP 403 Forbidden"],
    )
    assert (gone.severity, forbidden.severity) == (Severity.ERROR, Severity.WARNING)
    assert str(gone.location) == "content/articles/jobs.yaml:3:3"
    assert gone.hint.startswith("cited by claims jobs-grew; update the address")
    assert "open the address in a browser" in forbidden.hint


@pytest.mark.parametrize("limit", [1, 3], ids=["one at a time", "three at a time"])
def test_no_more_requests_at_once_than_the_limit(server: LocalServer, limit: int) -> None:
    targets = [target(f"{server.base}/slow{n}") for n in range(8)]
    results = check_links(targets, timeout=5, concurrency=limit)
    assert [status.status for _, status in results] == [200] * 8
    assert 1 <= server.most_in_flight <= limit


def test_links_command_reports_dead_sources_with_their_claims(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_site(tmp_path, **local_addresses(server, "/gone", "/hang", "/no-head"))
    status = main(["links", "-f", str(config), "--timeout", str(TIMEOUT), "--concurrency", "2"])
    report = capsys.readouterr().err
    assert status == 1
    assert f"source 'ministry-release' at {server.base}/gone: HTTP 404" in report
    assert f"archived copy of source 'ministry-release' at {server.base}/hang: no answer" in report
    assert report.count("cited by claims jobs-quote, jobs-grew") == 2
    assert "ministry-plans" not in report
    assert "did not load" in report.splitlines()[-1]


def test_links_command_passes_when_every_address_loads(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_site(tmp_path, **local_addresses(server, "/ok", "/moved", "/ok?plans"))
    assert main(["links", "-f", str(config), "--timeout", str(TIMEOUT)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "5 address(es) checked, 0 did not load"


def test_the_build_never_goes_to_the_network(server: LocalServer, tmp_path: Path) -> None:
    config = write_site(tmp_path, **local_addresses(server, "/ok", "/gone", "/hang"))
    assert build(config).ok
    assert server.requests == []
