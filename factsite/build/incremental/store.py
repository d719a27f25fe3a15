"""Cache entries on disk: pickled values in files named by their key, written whole or not at all.

The check cache and the page cache keep their entries here; a missing, truncated or stale entry is simply a miss.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path


class EntryStore:
    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def read(self, key: str) -> object | None:
        if self.directory is None:
            return None
        try:
            with (self.directory / key[:2] / key).open("rb") as handle:
                value: object = pickle.load(handle)  # the editor's own cache directory
                return value
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None

    def write(self, key: str, value: object) -> None:
        if self.directory is None:
            return
        folder = self.directory / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Write then rename, so a build killed mid-write never leaves a truncated entry.
            handle, temporary = tempfile.mkstemp(dir=folder)
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / key)
        except OSError:
            pass  # A read-only or full disk only costs speed.
