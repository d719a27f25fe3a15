"""Pagefind's service mode: the documents given to it over a pipe as they are made, its index written at the end.

`pagefind --service` (what Pagefind's Node and Python APIs start) reads requests on its standard input and
answers each on its standard output, both a JSON object in base64 followed by a comma. Given the documents this
way, Pagefind parses each one while the next is made, where its command line reads them from files written
first (a tenth of the indexing's time at 1,000 claim pages: bench/README.md, "Tenth round"). Its answers are
read when one is needed (Pagefind queues them and goes on), so no thread runs: the build forks meanwhile.
The Python package's own client (`pagefind.index.PagefindIndex`) is not used: it waits a tenth of a second
before it reads each answer, 7 s for the 70 documents of 1,000 claim pages.

Pagefind numbers the documents in the order they are given (its command line: the order the file system lists
the files in, which differs from one file system to another); they are given here in the order of their paths,
the same on every machine.
"""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any


class PagefindServiceError(Exception):
    """Pagefind stopped, or answered a request with an error."""


def write_index(executable: Path, documents: Iterable[tuple[str, str]], output: Path, *, root_selector: str,
                exclude_selectors: Sequence[str]) -> None:  # fmt: skip
    """Index `documents` (each a path relative to the site, from which Pagefind makes its address, and its HTML) as
    Pagefind's command line indexes those files with these options, and write the index into `output`."""
    service = PagefindService(executable, root_selector=root_selector, exclude_selectors=exclude_selectors)
    try:
        for path, html in documents:
            service.add(path, html)
        service.write(output)
    finally:
        service.close()


class PagefindService:
    """One index in a Pagefind service of its own: documents added (a path given again replaces its document, in
    its place: Pagefind numbers the documents in the order their paths were first given), then its files written."""

    def __init__(self, executable: Path, *, root_selector: str, exclude_selectors: Sequence[str]) -> None:
        # Pagefind's own messages (a panic) go to a file: a pipe nobody read would stop it once full.
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed by `close`, with the service)
        self._process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._errors)  # fmt: skip
        assert self._process.stdin is not None and self._process.stdout is not None
        self._requests = self._process.stdin
        self._answers = _Answers(self._process.stdout)
        self._paths: dict[int, str] = {}
        config = {"root_selector": root_selector, "exclude_selectors": list(exclude_selectors)}
        try:
            with self._located():
                _send(self._requests, 0, {"type": "NewIndex", "config": config})
                self._index = _answer(self._answers.wait(0), "starting an index")["index_id"]
        except BaseException:
            self.close()
            raise

    def add(self, path: str, html: str) -> None:
        number = len(self._paths) + 1
        self._paths[number] = path
        with self._located():
            _send(self._requests, number, {"type": "AddFile", "index_id": self._index, "file_path": path, "url": None,
                                           "file_contents": html}, flush=False)  # fmt: skip

    def write(self, output: Path) -> None:
        """Write the index into `output`."""
        # Its files are asked for, and written here: Pagefind's own writing (`WriteFiles`) answers before the last
        # bytes of a file are written, and the service, once its input ends, stops at once, leaving files cut short.
        asked = len(self._paths) + 1
        with self._located():
            _send(self._requests, asked, {"type": "GetFiles", "index_id": self._index})
            last = self._answers.wait(asked)  # Pagefind answers in the order it was asked: every answer is in
        for number, path in self._paths.items():
            answer = self._answers.get(number)
            if answer is None:  # Pagefind 1.3 may panic on a document and go on without answering for it
                raise PagefindServiceError(f"{path}: Pagefind did not index it{_said(self._errors, ': ')}")
            _answer(answer, path)
        _write(_answer(last, "building its index"), output)

    def close(self) -> None:
        try:
            _close(self._process)
        finally:
            self._errors.close()

    @contextlib.contextmanager
    def _located(self) -> Iterator[None]:
        try:
            yield
        except (BrokenPipeError, _Stopped):
            raise PagefindServiceError(_stopped(self._process, self._errors)) from None


def _send(requests: IO[bytes], number: int, payload: dict[str, Any], *, flush: bool = True) -> None:
    message = json.dumps({"message_id": number, "payload": payload}, ensure_ascii=False).encode("utf-8")
    requests.write(base64.b64encode(message) + b",")
    if flush:
        requests.flush()


def _answer(answer: dict[str, Any] | None, what: str) -> dict[str, Any]:
    payload = answer.get("payload") if isinstance(answer, dict) else None
    if not isinstance(payload, dict):
        raise PagefindServiceError(f"no answer to {what}")
    if payload.get("type") == "Error":
        raise PagefindServiceError(f"{what}: {payload.get('message', 'an error without a message')}")
    return payload


def _write(answer: dict[str, Any], output: Path) -> None:
    files = answer.get("files")
    if not isinstance(files, list):
        raise PagefindServiceError("building its index: an answer without its files")
    for file in files:
        target = output / file["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(file["content"]))


class _Stopped(Exception):
    """Pagefind's output ended before the answer waited for."""


class _Answers:
    """Pagefind's answers by their request's number, read when one is waited for. Pagefind never waits for them
    to be read: its answers wait in a queue of its own, and it goes on reading requests and indexing."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._answers: dict[int | None, dict[str, Any]] = {}
        self._unread = bytearray()

    def wait(self, number: int) -> dict[str, Any]:
        while number not in self._answers and None not in self._answers:
            try:
                chunk = self._stream.read1(1 << 20)  # type: ignore[attr-defined]
            except (OSError, ValueError):
                chunk = b""
            if not chunk:
                raise _Stopped
            searched = len(self._unread)
            self._unread += chunk
            while (comma := self._unread.find(b",", searched)) >= 0:
                self._keep(bytes(self._unread[:comma]))
                del self._unread[: comma + 1]
                searched = 0
        return self._answers[number] if number in self._answers else self._answers[None]

    def _keep(self, message: bytes) -> None:
        try:
            answer = json.loads(base64.b64decode(message))
        except ValueError:
            answer = {"payload": {"type": "Error", "message": f"an answer that is not Pagefind's: {message[:80]!r}"}}
        number = answer.get("message_id") if isinstance(answer, dict) else None
        # An answer to a request Pagefind could not read has no number: kept as the answer to the last one.
        self._answers[number if isinstance(number, int) else None] = answer

    def get(self, number: int) -> dict[str, Any] | None:
        return self._answers.get(number)


def _stopped(process: subprocess.Popen[bytes], errors: IO[bytes]) -> str:
    try:
        code = process.wait(timeout=10)
    except subprocess.TimeoutExpired:  # its output closed, yet running: ended here
        process.kill()
        code = process.wait()
    return f"Pagefind stopped (exit status {code}){_said(errors, ': ')}"


def _said(errors: IO[bytes], before: str) -> str:
    """What Pagefind wrote on its standard error (a panic), after `before`; nothing if it wrote nothing."""
    errors.seek(0)
    said = errors.read().decode("utf-8", "replace").strip()
    return f"{before}{said}" if said else ""


def _close(process: subprocess.Popen[bytes]) -> None:
    """End the service: it exits when its input ends; killed if it does not (an interrupted build)."""
    try:
        assert process.stdin is not None
        process.stdin.close()
    except OSError:
        pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    finally:
        assert process.stdout is not None
        process.stdout.close()
