"""Reading content files as text: UTF-8 only, byte-order mark dropped, line endings normalised, size bounded."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from factsite.load.fields import error
from factsite.model import Location, Problem

# Far above any real article or transcript; past it the file is refused rather than parsed slowly.
MAX_FILE_BYTES = 8 * 1024 * 1024


class ContentFileError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_content_text(path: Path, shown_as: str) -> str:
    """Return the file's text with `\\n` line endings; raise ContentFileError naming the place of a bad byte."""
    try:
        status = path.stat()
        size = status.st_size
        if not stat.S_ISREG(status.st_mode):  # a named pipe would be read for ever
            raise ContentFileError(
                error(Location(shown_as), "not a regular file (a named pipe, socket or device)", "use a file")
            )
        if size > MAX_FILE_BYTES:
            raise ContentFileError(
                error(
                    Location(shown_as),
                    f"the file is {size / 1024 / 1024:.1f} MiB, over the "
                    f"{MAX_FILE_BYTES // 1024 // 1024} MiB limit for content files",
                    "split the text, or keep only the passages the claims need",
                )
            )
        data = path.read_bytes()
    except OSError as problem:
        raise ContentFileError(
            error(Location(shown_as), f"cannot read the file: {problem.strerror}", "check it exists and is readable")
        ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as problem:
        before = data[: problem.start]
        line = before.count(b"\n") + 1
        # Columns count characters, as editors and every other message do: the bytes before the bad one
        # are valid UTF-8, so the line's start decodes.
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        raise ContentFileError(
            error(
                Location(shown_as, line, column),
                f"the file is not valid UTF-8 (byte 0x{data[problem.start]:02x})",
                "save the file as UTF-8 in your editor",
            )
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def resolve_inside(base: Path, relative: str) -> Path | None:
    """Resolve `relative` against `base`'s parent only if the real path stays inside `base`, links followed."""
    if not relative or os.path.isabs(relative) or "\\" in relative or "\x00" in relative:
        return None
    root = base.resolve()
    candidate = (base.parent / relative).resolve()
    if candidate == root or root in candidate.parents:
        return candidate
    return None
