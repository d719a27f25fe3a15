"""What in content/ may be published as it is, and what no build may even read.

Every file under `content/` is contributed, by volunteers and outside writers through pull requests, and
builds run on their changes: it is all untrusted, not only the articles. Markdown pages are rendered and
sanitised; the fact-check folders (`articles/`, `sources/`) are read, never published. Any other file MkDocs
would copy to the site byte for byte, so it is published only

- by type: images, PDFs, plain text and tables, fonts, audio and video (`PUBLISHED_SUFFIXES`). HTML and
  SVG are refused: they are documents a browser runs scripts in, served without the pages'
  Content-Security-Policy (no maintained Python library sanitises SVG; convert it to PNG);
- never at the path of a file the theme or the build writes itself (`Settings.reserved_paths`): a file at
  the path of the theme's script bundle would replace it on every page, and the policy trusts it;
- never through a symbolic link that leaves `content/` (it would publish what it points to: a system file,
  a home folder), loops, or leads to a folder (MkDocs would walk it, and a loop without end); a link to a
  file inside `content/` publishes that file, judged as above.

A named pipe, socket or device is never read: reading a pipe waits for ever. A site that wants other files
published lists them in mkdocs.yml (`static_files: allow:`, and its own `extra_css`/`extra_javascript`,
which the adapter adds); nothing overrides the last two rules.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from factsite.load.fields import error
from factsite.model import Location, Problem
from factsite.settings import Settings

# Read by factsite, never published.
FACT_CHECK_DIRS = ("articles", "sources")
MARKDOWN_SUFFIXES = frozenset((".md", ".markdown", ".mdown", ".mkdn", ".mkd"))
PUBLISHED_SUFFIXES = frozenset((
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".bmp",  # images
    ".pdf", ".txt", ".csv", ".tsv",  # documents and data as text
    ".woff", ".woff2", ".ttf", ".otf",  # fonts
    ".mp3", ".m4a", ".ogg", ".oga", ".wav", ".mp4", ".webm",  # audio and video
))  # fmt: skip
_DOCUMENT = "a browser runs its scripts and event handlers, and it has none of the pages' Content-Security-Policy"
REFUSED_BECAUSE = {
    ".html": _DOCUMENT, ".htm": _DOCUMENT, ".xhtml": _DOCUMENT, ".shtml": _DOCUMENT, ".xml": _DOCUMENT,
    ".svg": "an SVG image is a document: " + _DOCUMENT,
    ".js": "a script on the site's own address runs wherever the pages' policy trusts the site",
    ".mjs": "a script on the site's own address runs wherever the pages' policy trusts the site",
    ".css": "a stylesheet can restyle or hide anything on the pages that load it",
}  # fmt: skip


def content_file_problems(settings: Settings) -> list[Problem]:
    """Every file under content/ that a build must not read or publish, located at the file."""
    content = settings.content_dir
    if not content.is_dir():
        return []
    problems = list(unsafe_file_problems(content))
    reserved = set(settings.reserved_paths)
    for relative, path in _entries(content):
        if relative.split("/", 1)[0] in FACT_CHECK_DIRS or path.is_symlink() or not path.is_file():
            continue  # links and special files were judged above; links inside content/ publish their target
        shown = Location(f"{content.name}/{relative}")
        suffix = Path(relative).suffix.lower()
        if suffix in MARKDOWN_SUFFIXES:
            continue
        if relative in reserved:
            problems.append(
                error(
                    shown,
                    "a file at the path of one of the theme's or the build's own files would replace it on every page",
                    "move the file to a folder of its own, e.g. content/files/",
                )
            )
        elif suffix not in PUBLISHED_SUFFIXES and not _allowed(relative, settings.static_files):
            why = REFUSED_BECAUSE.get(suffix, "only images, PDFs, plain text, fonts, audio and video are published")
            if suffix in (".css", ".js", ".mjs"):
                hint = ("the site's own stylesheets and scripts are listed in mkdocs.yml under extra_css or "
                        "extra_javascript, which publishes them; otherwise remove it")  # fmt: skip
            else:
                hint = ("convert it (an HTML or SVG page to PDF or PNG) or remove it; if the site means to publish "
                        "it as it is, list it under 'static_files: allow:' in mkdocs.yml")  # fmt: skip
            problems.append(error(shown, f"a '{suffix or Path(relative).name}' file is not published: {why}", hint))
    return problems


def unsafe_file_problems(content: Path) -> Iterator[Problem]:
    """Links that leave content/ or loop, and files that are not regular files: what a build must not even
    walk or read (MkDocs follows links when it lists content/, and would walk a loop without end)."""
    root = content.resolve()
    for relative, path in _entries(content):
        shown = Location(f"{content.name}/{relative}")
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                yield error(shown, "a symbolic link that loops or leads nowhere",
                            "replace the link by the file itself, or remove it")  # fmt: skip
                continue
            if target != root and root not in target.parents:
                yield error(
                    shown,
                    "a symbolic link to something outside content/: a build would read or publish what it points to",
                    "copy the file into content/ instead of linking to it",
                )
            elif target.is_dir():
                # MkDocs would publish the folder's files under the link, unchecked by type, and a link to a
                # folder holding it makes the site contain itself again and again.
                yield error(
                    shown,
                    "a symbolic link to a folder: its files would be published without being checked, "
                    "or again and again if it holds the link",
                    "move or copy the folder itself into content/",
                )
            continue
        try:
            mode = path.lstat().st_mode
        except OSError as problem:
            yield error(shown, f"cannot read the file: {problem.strerror}", "check it exists and is readable")
            continue
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            kind = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
            yield error(shown, f"{kind}, not a file: reading it could wait for ever",
                        "remove it from content/")  # fmt: skip


def _entries(content: Path) -> Iterator[tuple[str, Path]]:
    """Every file, folder and link under `content`, links not followed, in name order; hidden names and
    the top-level `templates/` are left out, as MkDocs leaves them out of the site."""
    for directory, folders, files in os.walk(content):
        relative_dir = Path(directory).relative_to(content).as_posix()
        prefix = "" if relative_dir == "." else relative_dir + "/"
        folders[:] = sorted(name for name in folders
                            if not name.startswith(".") and not (not prefix and name == "templates"))  # fmt: skip
        for name in sorted(folders + [name for name in files if not name.startswith(".")]):
            yield prefix + name, Path(directory, name)


def _allowed(relative: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(relative, pattern) for pattern in patterns)
