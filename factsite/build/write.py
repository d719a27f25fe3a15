"""Putting a finished build in place: the site is built beside the old one and swapped in only on success.

MkDocs empties `site_dir` before writing and fails late; building into a staging directory means a failed or
interrupted build leaves the last good site exactly as it was. A site folder that could not be replaced
(a file where it should be, a folder whose contents cannot be deleted) is refused before building, so that
no copy of an old site is ever left hidden beside it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from factsite.build.incremental.page_cache import SiteManifest
from factsite.build.journal import roll_back_leftovers
from factsite.render.data_files import FileData, StoredFile


class SiteDirError(Exception):
    """The site folder cannot be replaced by a new build; the message says why and what to do."""


def check_replaceable(site_dir: Path, shown_as: str, *, deep: bool = True) -> None:
    """Raise SiteDirError unless `site_dir` is absent, or a folder this process can delete and replace.

    `deep`: every folder of the site is checked (it is to be deleted whole); otherwise the site folder only,
    for a build that replaces files in it with a journal (`factsite.build.journal`), which a folder found
    read-only later rolls back."""
    if not site_dir.exists() and not site_dir.is_symlink():
        parent = site_dir.parent
        if parent.is_dir() and not os.access(parent, os.W_OK | os.X_OK):
            raise SiteDirError(f"{shown_as}: cannot be created: its folder {parent} is read-only; "
                               "make it writable or choose another site_dir")  # fmt: skip
        return
    if site_dir.is_symlink() or not site_dir.is_dir():
        kind = "a symbolic link" if site_dir.is_symlink() else "a file"
        raise SiteDirError(f"{shown_as}: is {kind}, not a folder; the site is written there as a folder: "
                           "move it away or choose another site_dir")  # fmt: skip
    # Paths as strings: at 25,000 claim pages the site has 28,000 folders, and pathlib's objects cost more
    # than the checks.
    folders = [str(site_dir.parent), str(site_dir)]
    for root, names, _ in os.walk(site_dir) if deep else ():
        folders.extend(os.path.join(root, name) for name in names)
    for folder in folders:
        if not os.access(folder, os.W_OK | os.X_OK):
            raise SiteDirError(f"{shown_as}: {folder} is read-only, so the old site could not be removed "
                               "once the new one is built; make it writable (chmod -R u+w) or delete it")  # fmt: skip


def staging_dir(site_dir: Path) -> Path:
    """A fresh directory beside `site_dir` (same file system, so the final rename is atomic)."""
    site_dir = site_dir.resolve()
    remove_leftovers(site_dir)
    staging = site_dir.with_name(f".{site_dir.name}.staging-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    return staging


def publish(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `staging`: two renames, the old site deleted only once the new one is in place.

    The old site is deleted by a detached process, after this returns: at 25,000 claim pages it holds
    70,000 files, about 3 s to delete. Should that process not finish, the next build deletes what is
    left, in the same way.
    """
    site_dir = site_dir.resolve()
    previous = site_dir.with_name(f".{site_dir.name}.previous-{os.getpid()}")
    if site_dir.exists():
        os.replace(site_dir, previous)
    try:
        os.replace(staging, site_dir)
    except OSError:
        if previous.exists():
            os.replace(previous, site_dir)
        raise
    if previous.exists():
        # Renamed first, so that no later build takes it for a site to restore after a crash.
        old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        os.replace(previous, old)
        remove_in_background(old)


def remove_in_background(directory: Path) -> None:
    """Delete `directory` in a process of its own that outlives this one; here if none can start."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
             str(directory)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
    except OSError:
        shutil.rmtree(directory, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def remove_leftovers(site_dir: Path) -> None:
    """Staging directories of builds that were killed; a previous site left by a crash is restored first, and
    the changes a killed build was publishing into the site are rolled back."""
    parent = site_dir.parent
    if not parent.is_dir():
        return
    roll_back_leftovers(site_dir)
    for leftover in sorted(parent.glob(f".{site_dir.name}.previous-*")):
        if not site_dir.exists() and leftover.is_dir() and not leftover.is_symlink():
            os.replace(leftover, site_dir)
        else:
            _remove(leftover)
    for leftover in parent.glob(f".{site_dir.name}.staging-*"):
        _remove(leftover)
    # Old sites whose deletion did not finish, or is still under way when builds follow each other: deleted
    # again in the background (two deletions of one directory do no harm), not before this build starts.
    for leftover in parent.glob(f".{site_dir.name}.old-*"):
        remove_in_background(leftover)


def _remove(path: Path) -> None:
    """Delete a file, link or folder; OSError names what could not be deleted."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def write_unless_same(site_dir: Path, relative: str, data: bytes, previous_dir: Path | None = None) -> None:
    """Write `data` at `relative` in `site_dir`, unless the previous site (`previous_dir`, or `site_dir` itself
    for a build in place) holds a file of the same bytes there: that file is linked into `site_dir`, or left.

    Reading and comparing a file costs less than writing it: at 25,000 claims the data files are 600 MB,
    26,250 of them social cards, and after a one-article edit all but 21 cards are what the last build wrote.
    """
    path = site_dir / relative
    previous = (previous_dir or site_dir) / relative
    try:
        if previous.stat().st_size == len(data) and previous.read_bytes() == data:
            if previous == path:
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            os.link(previous, path)
            return
    except OSError:
        pass  # no such file, or no link across file systems: written below
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


class DataFileWriter:
    """Writes a site's data files, linking (or, built in place, leaving) those the previous site holds already.

    A file whose SHA-256 the previous site's manifest records, its file there intact, is linked without
    reading either: a card the page cache keeps apart (`StoredFile`) carries its digest, so after a
    one-article edit the other articles' cards are neither read nor written. Any other file is compared
    with the previous site's file of its path (`write_unless_same`). `digests` records what was written,
    for the next build's manifest.
    """

    def __init__(self, site_dir: Path, previous_dir: Path | None, previous: SiteManifest | None,
                 read: Callable[[StoredFile], bytes] = StoredFile.read, *, overlay: bool = False) -> None:  # fmt: skip
        self.site_dir = site_dir
        self.previous_dir = previous_dir
        self.previous = previous
        self.read = read
        # `site_dir` receives only what changed, published over `previous_dir` (`factsite.build.journal`): the
        # files the manifest vouches for stay where they are.
        self.overlay = overlay
        self.digests: dict[str, str] = {}
        self.linked = 0  # files the manifest vouched for, linked or left unread
        self.kept: set[str] = set()  # those files: the previous site's, unchanged

    def write(self, relative: str, data: FileData) -> None:
        digest = data.digest if isinstance(data, StoredFile) else hashlib.sha256(data).hexdigest()
        self.digests[relative] = digest
        source_dir = self.previous_dir or self.site_dir
        if self.previous is not None and self.previous.holds_file(relative, digest, source_dir):
            try:
                if source_dir != self.site_dir and not self.overlay:
                    link(os.path.join(source_dir, relative), os.path.join(self.site_dir, relative))
                self.linked += 1
                self.kept.add(relative)
                return
            except OSError:
                pass  # no link across file systems: written below
        contents = self.read(data) if isinstance(data, StoredFile) else data
        write_unless_same(self.site_dir, relative, contents, self.previous_dir)


def link(source: str, target: str) -> None:
    """A hard link at `target` to `source`, its folder made if missing (tried first: most folders exist)."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.link(source, target)
