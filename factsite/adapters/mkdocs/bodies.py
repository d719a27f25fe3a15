"""Generated pages' HTML bodies kept in a file, not in memory, from composing until each page is rendered.

A build that runs once (the `build` command) composes every page before MkDocs renders any: at 25,000 claims the
bodies alone held several hundred MB until the build ended, though each is read only when its page is rendered
(in a forked render worker, which reads it from the file without copying the parent's memory). The file is an
unnamed temporary file: the system removes it however the build ends. The live preview keeps its pages in memory,
as it renders the changed ones again on each edit.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factsite.render.pages import SitePage


class PageBodies:
    """Page bodies by the source path of their page (`SitePage.src_uri`), in one temporary file."""

    def __init__(self, directory: Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 (open until `close`, at the build's end)
        self._end = 0
        self._where: dict[str, tuple[int, int]] = {}

    @classmethod
    def open(cls, directory: Path) -> PageBodies | None:
        """A store in `directory` (on the disk, beside the caches; a temporary folder may be memory itself);
        None where no file can be made there: the bodies then stay in memory."""
        try:
            directory.mkdir(parents=True, exist_ok=True)
            return cls(directory)
        except OSError:
            return None

    def keep(self, page: SitePage) -> SitePage:
        """Store the body of `page`; returns the page without it (its digest, of the page as shown, kept)."""
        data = page.body_html.encode("utf-8", "surrogatepass")
        try:
            os.pwrite(self._file.fileno(), data, self._end)
        except OSError:
            return page  # a full disk costs memory, not the build
        self._where[page.src_uri] = (self._end, len(data))
        self._end += len(data)
        return without_body(page)

    def read(self, src_uri: str) -> str | None:
        """The stored body of the page at `src_uri`; None if it was not stored."""
        where = self._where.get(src_uri)
        if where is None:
            return None
        offset, length = where
        # pread: forked render workers share the file and read at once, each at its own offsets.
        return os.pread(self._file.fileno(), length, offset).decode("utf-8", "surrogatepass")

    def __contains__(self, src_uri: str) -> bool:
        return src_uri in self._where

    def close(self) -> None:
        self._file.close()
        self._where.clear()


def without_body(page: SitePage) -> SitePage:
    """`page` with an empty body and the digest of the page with its body (what the page cache and the site
    manifest compare): `SitePage.digest` is a cached property, kept in the instance's own attributes."""
    digest = page.digest
    # A copy of the instance's attributes rather than `dataclasses.replace`, which runs `__init__` and a frozen
    # `__setattr__` per field: a third of keeping a body, 26,902 times on an edit at 25,000 claim pages.
    light = object.__new__(SitePage)
    light.__dict__.update(page.__dict__, body_html="", digest=digest)
    return light
