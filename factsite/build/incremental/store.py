"""Cache entries on disk: pickled values in files named by their key, written whole or not at all.

The check cache and the page cache keep their entries here; a missing, truncated or stale entry is simply a miss.
"""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
from pathlib import Path


class EntryStore:
    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def path(self, key: str) -> Path | None:
        """Where the entry `key` is kept (None: nowhere, a store without a directory)."""
        return self.directory / key[:2] / key if self.directory is not None else None

    def read(self, key: str) -> object | None:
        if self.directory is None:
            return None
        return self.read_file(self.directory / key[:2] / key)

    def write(self, key: str, value: object) -> None:
        if self.directory is None:
            return
        self.write_file(self.directory / key[:2] / key, value)

    def write_bytes(self, key: str, data: bytes) -> bool:
        """Keep `data` as they are (not pickled) under `key`, whole or not at all; whether they were kept."""
        if self.directory is None:
            return False
        path = self.directory / key[:2] / key
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except OSError:
            return False
        return True

    @staticmethod
    def read_file(path: Path) -> object | None:
        """The value pickled in the file at `path`; None if it is missing or cannot be read."""
        try:
            with path.open("rb") as handle:
                data = handle.read()
        except OSError:
            return None
        # Unpickling an entry makes thousands of objects, each of which counts towards a garbage collection
        # that would scan everything the build holds: at 25,000 claims two thirds of the time of reading the
        # check cache's entries went to collections that found nothing (1.5 s, 0.5 s without). An entry holds
        # no cycle to collect.
        collecting = gc.isenabled()
        gc.disable()
        try:
            value: object = pickle.loads(data)  # the editor's own cache directory
            return value
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        finally:
            if collecting:
                gc.enable()

    @staticmethod
    def write_file(path: Path, value: object) -> None:
        """Pickle `value` into the file at `path`, whole or not at all."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename, so a build killed mid-write never leaves a truncated entry.
            handle, temporary = tempfile.mkstemp(dir=path.parent)
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:
            pass  # A read-only or full disk only costs speed.
