"""Reusing the lint's findings for an article body it has read before.

The lint proper (`factsite.lint.suggest_candidates`: Harper and factsite's own rules) is a function of the
body's text, its locale and publication date and the site's word list; which findings a build then warns
about (those no mark covers, less the editor's `ignore:`) is worked out from them each time, at no cost. So an
article whose YAML changed (a note, a verdict, a source) is checked again without being linted again, and
Harper's dictionary is not loaded for it. Entries are keyed by those inputs, factsite's source and the lint
engine's version, and kept beside the check cache's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

from factsite.build.incremental.store import EntryStore
from factsite.lint import suggest_candidates
from factsite.lint.findings import Finding


@cache
def _engine_version() -> str:
    try:
        return metadata.version("harper-py")
    except metadata.PackageNotFoundError:
        return ""


class LintCache:
    def __init__(self, directory: Path | None, code: str) -> None:
        self.store = EntryStore(directory)
        self._prefix = f"{code}\0{_engine_version()}\0"
        self.hits = 0
        self.runs = 0  # bodies linted by this cache (in this process)

    def suggest(
        self,
        text: str,
        *,
        locale: str = "en_US",
        published: dt.date | None = None,
        words: frozenset[str] = frozenset(),
    ) -> tuple[Finding, ...]:
        """`suggest_candidates`, from the cache when the same inputs were linted before."""
        key = hashlib.sha256(
            "\0".join((self._prefix, locale, str(published), "\n".join(sorted(words)), text)).encode()
        ).hexdigest()
        found = self.store.read(key)
        if isinstance(found, tuple) and all(isinstance(finding, Finding) for finding in found):
            self.hits += 1
            return found
        self.runs += 1
        findings = suggest_candidates(text, locale=locale, published=published, words=words)
        self.store.write(key, findings)
        return findings
