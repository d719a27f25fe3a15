"""The live preview's server against hostile request paths: answered 400, nothing logged as a crash.

The server is the real one, listening on 127.0.0.1, spoken to over a socket: a client (a browser, a
scanner) can put any byte in a request's path, percent-escaped or raw.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.serve import PreviewServer


@pytest.fixture
def server(tmp_path: Path) -> Iterator[PreviewServer]:
    (tmp_path / "index.html").write_text("<html><head></head><body>Preview</body></html>", "utf-8")
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<html><body>Page</body></html>", "utf-8")
    running = PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    thread = threading.Thread(target=running.serve, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while getattr(running, "server_port", None) is None and time.monotonic() < deadline:
        time.sleep(0.05)  # `serve` binds the socket in its thread
    try:
        yield running
    finally:
        running.shutdown()
        thread.join(timeout=10)


def status_of(server: PreviewServer, raw_path: bytes) -> int:
    with socket.create_connection(("127.0.0.1", server.server_port), timeout=10) as connection:
        connection.sendall(b"GET " + raw_path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1])


@pytest.mark.parametrize(
    "raw_path",
    [b"/%00", b"/page/%00/index.html", b"/index.html%00.png", b"/%FF%FE", b"/%1b%5b31m", b"/claims.json%00"],
    ids=["nul", "nul-in-folder", "nul-before-suffix", "not-utf8", "escape-sequence", "nul-in-data-file"],
)
def test_a_path_with_invalid_bytes_is_a_bad_request(
    server: PreviewServer, raw_path: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="mkdocs.livereload"):
        assert status_of(server, raw_path) == 400
        assert status_of(server, b"/page/") == 200  # the server still serves
    assert not [record for record in caplog.records if record.exc_info or record.levelno >= logging.ERROR]
    assert "Traceback" not in caplog.text
