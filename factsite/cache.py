"""Reusing an article's checked outcome while its files, the settings and factsite's own code are unchanged.

An outcome is keyed by the bytes of `SLUG.md` and `SLUG.yaml`, the settings fingerprint and a hash of factsite's
source; the snapshot files it read are hashed into the entry and compared on reuse. Entries are files in the cache
directory, so `build`, `check` and `serve` share them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from factsite.pipeline import ArticleOutcome, check_article, content_hash
from factsite.render.markdown_render import MarkdownRenderer
from factsite.settings import Settings


@cache
def code_fingerprint() -> str:
    """A hash of factsite's Python source: a changed check must not serve stale results."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class CheckCache:
    def __init__(self, settings: Settings, directory: Path | None) -> None:
        self.settings = settings
        self.directory = directory / "articles" if directory else None
        self.renderer = MarkdownRenderer()
        self.hits = 0
        self.misses = 0
        self._prefix = hashlib.sha256(
            (settings.fingerprint() + code_fingerprint()).encode()
        ).hexdigest()

    def check(self, markdown_path: Path, citations_path: Path) -> ArticleOutcome:
        key = hashlib.sha256(
            (self._prefix + content_hash(markdown_path, citations_path)).encode()
        ).hexdigest()
        entry = self._read(key)
        if entry is not None:
            snapshots, outcome = entry
            if snapshots == self._snapshot_hashes(outcome):
                self.hits += 1
                return outcome
        self.misses += 1
        outcome = check_article(markdown_path, citations_path, self.settings, self.renderer)
        # A failed article may fail for a file the key does not cover (a missing snapshot): never reuse it.
        if outcome.article is not None:
            self._write(key, (self._snapshot_hashes(outcome), outcome))
        return outcome

    def _snapshot_hashes(self, outcome: ArticleOutcome) -> str:
        if outcome.article is None:
            return ""
        paths = sorted(
            self.settings.content_dir / source.snapshot
            for source in outcome.article.article.sources
            if source.snapshot
        )
        return content_hash(*paths)

    def _read(self, key: str) -> tuple[str, ArticleOutcome] | None:
        if self.directory is None:
            return None
        path = self.directory / key[:2] / key
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)  # noqa: S301 (the editor's own cache directory)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None

    def _write(self, key: str, entry: tuple[str, ArticleOutcome]) -> None:
        if self.directory is None:
            return
        folder = self.directory / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Write then rename, so a build killed mid-write never leaves a truncated entry.
            handle, temporary = tempfile.mkstemp(dir=folder)
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(entry, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / key)
        except OSError:
            pass  # A read-only or full disk only costs speed.
