"""`factsite serve`: MkDocs' live-reload server in front of the incremental preview (`preview.py`).

The server differs from `mkdocs serve` in three ways: it tells the preview which files changed, so
a fact-check edit rebuilds only what it touches; while the content has errors it answers every
page with the list of problems (the last good site stays on disk), and reloads once they are
fixed; and it allows its reload script through the pages' Content-Security-Policy, which forbids
inline scripts it does not know.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import shutil
import socket
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import watchdog.events

from factsite.adapters.mkdocs.commands import ENGINE_LOGGER
from factsite.adapters.mkdocs.internals import ReloadServer
from factsite.adapters.mkdocs.preview import DataFiles, Preview, PreviewOutcome
from factsite.build.progress import Progress
from factsite.render.pages import template_environment

log = logging.getLogger(f"{ENGINE_LOGGER}.livereload")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
INJECTED_SCRIPT = re.compile(rb"<script>(?P<body>(?:(?!</script>).)*)</script>(?=[^<]*</body>|$)", re.S)


class PreviewServer(ReloadServer):
    """MkDocs' live-reload server, told which files changed and able to show a problems page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.changed: set[Path] = set()
        self.problems_page: bytes | None = None
        self.data_files: DataFiles | None = None
        self._changed_lock = threading.Lock()

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """As MkDocs' `watch`, but remembering the paths of the files that changed."""
        super().watch(path, func, recursive=recursive)
        handler = watchdog.events.FileSystemEventHandler()

        def remember(event: watchdog.events.FileSystemEvent) -> None:
            if event.is_directory:
                return
            with self._changed_lock:
                for changed in (event.src_path, getattr(event, "dest_path", "")):
                    if changed:
                        self.changed.add(Path(str(changed)))

        handler.on_any_event = remember  # type: ignore[method-assign]
        self.add_watch_handler(path, handler)

    def take_changes(self) -> set[Path]:
        with self._changed_lock:
            changed, self.changed = self.changed, set()
        return changed

    def respond(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"]
        if not _valid_path(path):
            # A NUL byte would reach open() and fail there with a 500; no file has such a name anyway.
            body = b"Bad Request: the path holds a control character or is not UTF-8\n"
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8"),
                                               ("Content-Length", str(len(body)))])  # fmt: skip
            return [body]
        if self.data_files is not None and path.rsplit("/", 1)[-1] in self.data_files.NAMES:
            self.data_files.write()  # written on demand after content changes
        page = self.problems_page
        if page is not None and (path.endswith(("/", ".html"))):
            body = self.with_reload_script(page)
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                      ("Content-Length", str(len(body)))])  # fmt: skip
            return [body]
        return None

    def inject(self, content: bytes) -> bytes:
        """MkDocs' reload script, allowed by its hash in the page's Content-Security-Policy."""
        scripts = list(INJECTED_SCRIPT.finditer(content))
        if not scripts:
            return content
        digest = hashlib.sha256(scripts[-1].group("body")).digest()
        source = f" 'sha256-{base64.b64encode(digest).decode()}'".encode()
        return content.replace(b"script-src 'self'", b"script-src 'self'" + source, 1)


def _valid_path(path: str) -> bool:
    """Whether a request's path (WSGI: its bytes as Latin-1, percent-escapes decoded) is UTF-8 without
    control characters, as every path of a built site is."""
    try:
        text = path.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return not CONTROL_CHARACTERS.search(text)


def problems_page(outcome: PreviewOutcome) -> bytes:
    """A page listing the problems that stop the build, each with its file, line and column."""
    template = template_environment().get_template("preview-problems.html")
    errors = [p for p in outcome.problems if p.severity.value == "error"]
    return template.render(problems=errors, site_errors=outcome.site_errors).encode("utf-8")


def serve(config_file: str, host: str, port: int, report: Callable[[PreviewOutcome], None],
          progress: Progress | None = None) -> None:  # fmt: skip
    """Build, serve on `host:port` and rebuild on every change until interrupted.

    Raises OSError, before building anything, when the address cannot be served on.
    """
    check_address(host, port)
    site_dir = Path(tempfile.mkdtemp(prefix="factsite-preview-"))
    url = f"http://{host}:{port}/"
    preview = Preview(config_file, site_dir, serve_url=url, progress=progress)
    server: PreviewServer

    def build() -> None:
        outcome = preview.build(server.take_changes())
        server.problems_page = None if outcome.ok else problems_page(outcome)
        report(outcome)

    server = PreviewServer(builder=build, host=host, port=port, root=str(site_dir))
    server.data_files = preview.data_files
    server.error_handler = lambda code: _error_page(site_dir, code)
    try:
        build()
        for path in preview.watched():
            server.watch(str(path))
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def check_address(host: str, port: int) -> None:
    """Raise OSError if nothing can listen on `host:port` (taken, or not this host's address)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
