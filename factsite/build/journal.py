"""Publishing a build's changes into the published site file by file, with a journal to roll them back.

After a one-article edit a new site differs from the published one in a few dozen files out of tens of
thousands. Building a whole new tree of hard links beside it and swapping the two (`write.publish`) costs a
link per file (at 25,000 claim pages 53,000 of them) and a deletion of the old tree; here the build's staging
directory holds only the files it wrote, and each replaces its published counterpart:

1. The plan (every file to put in place, which of them are new, every file to remove) is written into a
   journal directory beside the site (`.site.journal-PID/`) before the site is touched.
2. Each published file to be replaced or removed is first moved into the journal (`old/`), then the new
   file is moved into place: each step a rename on one file system.
3. Once every file is in place the journal is renamed out of the way (`.site.old-journal-PID`) and deleted
   in the background: the build is published.

A failure in step 2 (a read-only folder, a full disk) moves every file back from the journal and removes the
new ones: the site is as it was. A build killed during step 2 leaves its journal, and the next build rolls it
back the same way before it starts (`roll_back_leftovers`). Readers see each file either old or new, never
partly written; while the files are replaced the site mixes old and new pages for a moment, as the swap of
two folders leaves the address without a site for a moment.
"""

from __future__ import annotations

import contextlib
import filecmp
import json
import os
import shutil
from collections.abc import Collection, Iterable
from pathlib import Path

PLAN_FILE = "plan.json"
OLD_DIR = "old"


def staged_files(staging: Path | str) -> list[str]:
    """The files under `staging`, as paths relative to it (`/`-separated), sorted."""
    staging = str(staging)
    found: list[str] = []
    for root, folders, names in os.walk(staging):
        folders.sort()
        relative = os.path.relpath(root, staging)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        found.extend(prefix + name for name in names)
    return sorted(found)


def journal_dir(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.journal-{os.getpid()}")


def publish_changes(staging: Path, site_dir: Path, remove: Iterable[str], *,
                    compare: Collection[str] = ()) -> int:  # fmt: skip
    """Put every file of `staging` in place in `site_dir` and remove the files `remove` names (relative paths),
    all or none: on failure the site is restored and the error raised. A file in `compare` is left as
    published when its bytes are the same (the theme's files, copied into every staging directory).
    Returns how many files were put in place."""
    site_dir = site_dir.resolve()
    journal = write_plan(staging, site_dir, remove, compare)
    try:
        put = apply_plan(journal, staging, site_dir)
    except BaseException:
        roll_back(journal, site_dir)
        raise
    done = site_dir.with_name(f".{site_dir.name}.old-journal-{os.getpid()}")
    os.replace(journal, done)  # published: nothing is rolled back after this rename
    from factsite.build.write import remove_in_background  # here: `write` imports this module

    remove_in_background(done)
    return put


def write_plan(staging: Path, site_dir: Path, remove: Iterable[str], compare: Collection[str] = ()) -> Path:
    """Step 1: the journal of putting `staging`'s files in place in `site_dir` and removing `remove`, written
    whole beside the site before anything in it changes; its directory."""
    journal = journal_dir(site_dir)
    shutil.rmtree(journal, ignore_errors=True)
    site = str(site_dir)
    put = []
    for relative in staged_files(staging):
        published = os.path.join(site, relative)
        if relative in compare and _same_file(os.path.join(staging, relative), published):
            continue
        put.append(relative)
    new = [relative for relative in put if not os.path.lexists(os.path.join(site, relative))]
    removed = sorted({relative for relative in remove if os.path.lexists(os.path.join(site, relative))} - set(put))
    # Folders the new files need that the site lacks: removed again by a rollback.
    folders = sorted({os.path.dirname(relative) for relative in new} - {""})
    folders = [folder for folder in folders if not os.path.isdir(os.path.join(site, folder))]
    os.makedirs(journal / OLD_DIR)
    plan = {"put": put, "new": new, "remove": removed, "folders": folders}
    temporary = journal / f"{PLAN_FILE}.tmp"
    temporary.write_text(json.dumps(plan), "utf-8")
    os.replace(temporary, journal / PLAN_FILE)  # from here on the site may change: the plan says how to undo it
    return journal


def apply_plan(journal: Path, staging: Path, site_dir: Path) -> int:
    """Step 2: each published file to replace or remove moved into the journal, each new one into place.
    Returns how many files were put in place."""
    plan = json.loads((journal / PLAN_FILE).read_text("utf-8"))
    site, old = str(site_dir), str(journal / OLD_DIR)
    new = set(plan["new"])
    for relative in plan["put"]:
        target = os.path.join(site, relative)
        if relative not in new:
            _move(target, os.path.join(old, relative))
        else:
            os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(os.path.join(staging, relative), target)
    for relative in plan["remove"]:
        _move(os.path.join(site, relative), os.path.join(old, relative))
        _remove_empty_folders(site, os.path.dirname(relative))
    return len(plan["put"])


def roll_back(journal: Path, site_dir: Path) -> None:
    """Undo what the journal's plan did to `site_dir` (whatever part of it was done), then delete the journal."""
    try:
        plan = json.loads((journal / PLAN_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        plan = None  # no plan: the site was not touched
    if isinstance(plan, dict):
        site, old = str(site_dir), str(journal / OLD_DIR)
        new = set(plan.get("new", ()))
        for relative in [*plan.get("put", ()), *plan.get("remove", ())]:
            kept = os.path.join(old, relative)
            target = os.path.join(site, relative)
            if os.path.lexists(kept):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.replace(kept, target)
            elif relative in new:
                with contextlib.suppress(FileNotFoundError, NotADirectoryError):  # never put in place
                    os.unlink(target)
        for folder in sorted(plan.get("folders", ()), key=len, reverse=True):
            _remove_empty_folders(site, folder)
    shutil.rmtree(journal, ignore_errors=True)


def roll_back_leftovers(site_dir: Path) -> None:
    """Roll back the journals of builds killed while publishing (before anything else touches the site)."""
    parent = site_dir.parent
    if not parent.is_dir():
        return
    for journal in sorted(parent.glob(f".{site_dir.name}.journal-*")):
        if _publishing(journal):
            continue  # another build, still running, is putting its files in place: its journal is not a leftover
        if journal.is_dir() and not journal.is_symlink() and site_dir.is_dir():
            roll_back(journal, site_dir)
        else:
            shutil.rmtree(journal, ignore_errors=True)


def _publishing(journal: Path) -> bool:
    """Whether the journal's build (its process id ends the name) is another process still running."""
    pid = journal.name.rpartition("-")[2]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a running process of another user's
        pass
    return True


def _move(source: str, target: str) -> None:
    try:
        os.replace(source, target)
    except FileNotFoundError:
        if not os.path.lexists(source):
            raise
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(source, target)


def _same_file(staged: str, published: str) -> bool:
    try:
        return filecmp.cmp(staged, published, shallow=False)
    except OSError:
        return False


def _remove_empty_folders(site: str, folder: str) -> None:
    """Remove `folder` (relative to `site`) and its parents while they are empty, as a build from nothing has
    no empty folder."""
    while folder:
        try:
            os.rmdir(os.path.join(site, folder))
        except OSError:
            return
        folder = os.path.dirname(folder)
