"""Putting a finished build in place: the site is built beside the old one and swapped in only on success.

MkDocs empties `site_dir` before writing and fails late; building into a staging directory means a failed or
interrupted build leaves the last good site exactly as it was. A site folder that could not be replaced
(a file where it should be, a folder whose contents cannot be deleted) is refused before building, so that
no copy of an old site is ever left hidden beside it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


class SiteDirError(Exception):
    """The site folder cannot be replaced by a new build; the message says why and what to do."""


def check_replaceable(site_dir: Path, shown_as: str) -> None:
    """Raise SiteDirError unless `site_dir` is absent, or a folder this process can delete and replace."""
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
    folders = [site_dir.parent, site_dir]
    for root, names, _ in os.walk(site_dir):
        folders.extend(Path(root, name) for name in names)
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
    """Staging directories of builds that were killed; a previous site left by a crash is restored first."""
    parent = site_dir.parent
    if not parent.is_dir():
        return
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
