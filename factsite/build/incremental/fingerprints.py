"""Hashes of what cached results depend on: files, directory trees, factsite's code, the templates, the theme and
the versions of the libraries that render pages. A changed input changes its hash, and the cached result is not
reused. None of them needs an engine's objects: the adapter hands them paths and names.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from factsite.render.messages import CATALOGS_DIR
from factsite.render.pages import TEMPLATES_DIR

# Theme files that shape a page's HTML; assets are copied, not rendered into pages.
TEMPLATE_SUFFIXES = (".html", ".xml", ".yml", ".yaml", ".json", ".txt")
# factsite's page templates shape the page bodies, which page digests already cover.
PAGE_TEMPLATES = TEMPLATES_DIR / "pages"


def files_fingerprint(paths: Iterable[Path]) -> str:
    """A hash of the names and bytes of files (missing ones count as empty), in the order given."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.as_posix().encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0missing")
    return digest.hexdigest()


def tree_fingerprint(directory: Path, suffixes: tuple[str, ...]) -> str:
    """A hash of every file under `directory` whose name ends with one of `suffixes`."""
    if not directory.is_dir():
        return files_fingerprint([directory])
    return files_fingerprint(sorted(p for p in directory.rglob("*") if p.name.endswith(suffixes)))


@cache
def code_fingerprint() -> str:
    """A hash of factsite's Python source: a changed check must not serve stale results."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[2]
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def templates_fingerprint(templates_dir: Path = TEMPLATES_DIR) -> str:
    """A hash of factsite's page templates and message catalogs: cached page bodies depend on them."""
    return tree_fingerprint(templates_dir / "pages", TEMPLATE_SUFFIXES) + catalogs_fingerprint()


def catalogs_fingerprint() -> str:
    """A hash of factsite's translations: the words of page bodies and of the theme's overrides."""
    return tree_fingerprint(CATALOGS_DIR, (".po",))


def theme_templates(directories: Iterable[str | Path]) -> list[Path]:
    """The theme's files that shape pages (templates, not assets or icons), in the directories' order."""
    found = []
    for directory in directories:
        for root, folders, names in os.walk(directory):
            # Icons (thousands of SVGs in Material) and assets are not rendered into pages.
            folders[:] = sorted(
                f for f in folders if not f.startswith(".") and f != "assets"
                and Path(root, f) != PAGE_TEMPLATES
            )  # fmt: skip
            found += [Path(root, name) for name in sorted(names) if name.endswith(TEMPLATE_SUFFIXES)]
    return found


def versions(*distributions: str) -> list[str]:
    """`name version` of each installed distribution (the name alone if it is not installed)."""
    return [_version(name) for name in distributions]


def _version(distribution: str) -> str:
    try:
        return f"{distribution} {version(distribution)}"
    except PackageNotFoundError:
        return distribution
