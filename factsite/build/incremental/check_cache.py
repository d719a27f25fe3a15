"""Reusing the checked outcome of an article while its files, settings and code stay the same.

An outcome is keyed by the bytes of `SLUG.md` and `SLUG.yaml`, the settings fingerprint and a hash
of factsite's source; the snapshot files it read are hashed into the entry and compared on reuse.
Entries are files in the cache directory, so `build`, `check` and `serve` share them; a cache kept
alive between builds (`serve`) also holds them in memory. Articles the cache lacks can be checked
in several processes at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path

from factsite.build import ahead
from factsite.build.incremental.fingerprints import code_fingerprint
from factsite.build.incremental.lint_cache import LintCache
from factsite.build.incremental.memory import collector_paused
from factsite.build.incremental.store import EntryStore
from factsite.build.incremental.workers import can_fork, in_shares
from factsite.build.pipeline import ArticleOutcome, ClaimsChecked, check_claims, lint_checked
from factsite.model import CheckedArticle
from factsite.render.markdown_render import MarkdownRenderer
from factsite.settings import Settings

# Fewer missing articles than this are checked in this process: workers would not repay.
PARALLEL_MINIMUM = 24
# A build from nothing forks its check from this many articles (the first checked before the fork, then a share
# each): at 100 claim pages (5 articles) the second processor otherwise idles through the check.
CHECK_PARALLEL_MINIMUM = 4
Entry = tuple[str, ArticleOutcome]
CHECKED_STAMP = "checked"  # in the cache's directory of articles: see `CheckCache.finish`


class CheckCache:
    def __init__(self, settings: Settings, directory: Path | None) -> None:
        self.settings = settings
        self.store = EntryStore(directory / "articles" if directory else None)
        # The lint's findings by article body: an article whose YAML alone changed is not linted again.
        self.lint = LintCache(directory / "lint" if directory else None, code_fingerprint())
        self.renderer = MarkdownRenderer()
        self.hits = 0
        self.misses = 0
        # Each article's outcome key (snapshots included) by slug: what its pages depend on.
        self.article_keys: dict[str, str] = {}
        # Called after each article is checked or found, for progress displays.
        self.on_article: Callable[[], None] | None = None
        # Called by `check` with each article the cache lacked, as soon as its claims are checked, before its lint
        # (which adds only problems): what the drawing of its cards needs (`card_drawing.CardStream`).
        self.on_claims: Callable[[CheckedArticle], None] | None = None
        self._memory: dict[str, Entry] = {}
        self._complete = True  # every article checked so far is in the cache (`finish`)
        self._reported: set[str] = set()  # checked by `prefetch`, progress already reported
        self._file_digests: dict[Path, tuple[tuple[int, int, int, int], bytes]] = {}
        self._prefix = hashlib.sha256((settings.fingerprint() + code_fingerprint()).encode()).hexdigest()
        self._pid = os.getpid()  # the process that checks with workers (`prefetch`); a share elsewhere is a worker's
        # The articles the cache lacks, in order, that may be checked ahead while Harper's dictionary loads
        # (`_check_ahead`), and those checked so, but for a lint that needs the dictionary, by key.
        self._upcoming: deque[tuple[Path, Path]] = deque()
        self._ahead: dict[str, ClaimsChecked] = {}

    def check(self, markdown_path: Path, citations_path: Path) -> ArticleOutcome:
        key = self._key(markdown_path, citations_path)
        outcome = self._find(key)
        if outcome is None:
            self.misses += 1
            outcome = self._checked((markdown_path, citations_path), key, self.on_claims)
            self._store(key, outcome)
        else:
            self.hits += 1
        self._complete = self._complete and outcome.article is not None
        self.article_keys[markdown_path.stem] = hashlib.sha256(
            (key + self._snapshot_hashes(outcome)).encode()
        ).hexdigest()
        if self.on_article is not None and key not in self._reported:
            self.on_article()
        self._reported.discard(key)
        return outcome

    def prefetch(self, pairs: Sequence[tuple[Path, Path]], workers: int,
                 minimum: int = PARALLEL_MINIMUM) -> int:  # fmt: skip
        """Check in `workers` processes the articles the cache lacks, so that `check` finds them.

        Returns how many articles were checked. Outcomes are pure functions of the files and the
        settings, so checking them elsewhere changes nothing but the time taken.
        """
        missing = [pair for pair in pairs if self._find(self._key(*pair)) is None]
        self._upcoming = deque(missing)  # checked ahead while the dictionary loads, wherever they are checked
        # None checked ahead by a check that stopped part-way (Ctrl-C, an exception: `finish` not reached): as the
        # files were then, and a snapshot, which the key does not cover, may have changed since.
        self._ahead.clear()
        workers = min(workers, len(missing))
        if workers < 2 or len(missing) < minimum:
            return 0
        # The first article is checked here, before the fork: its claims, and the next articles' while Harper's
        # dictionary is still loading (which `can_fork` waits for: `_check_ahead`), and what a process's first
        # check loads (Babel's data, the date grammars, the lint's first run: 0.13 s of a first article's 0.17 s)
        # is then loaded once, for every child, not once in each. The articles checked ahead are linted in the
        # shares: each process lints those of its own share (a child has their claims checked, copied by the fork).
        first, rest = missing[0], missing[1:]
        self._pid = os.getpid()
        shares = [self._check_share([first], 1)]
        # Forked workers start at once with everything imported; forking a process that runs
        # other threads (the live preview's server) is unsafe, so then this process checks alone.
        forking = can_fork()
        if forking:
            forked, failures = in_shares(self._check_share, rest, min(workers, len(rest)))
            self._ahead.clear()  # this process's copies of those the children's shares checked ahead
            if failures:
                raise failures[0]
            shares += forked
        with collector_paused():  # the workers' entries hold no cycle (see `EntryStore.read_file`)
            for share in shares:
                for key, entry in share:
                    if isinstance(entry, bytes):
                        entry = pickle.loads(entry)  # as a worker wrote it to the cache
                    if entry is not None:
                        self._memory[key] = entry
                    self._reported.add(key)
        return len(missing) if forking else 1

    def finish(self) -> None:
        """Record that every article of this run is in the cache: a stamp file, whose time a command compares
        with the content's to guess, before its imports, that nothing will be linted (`ahead.lint_expected`)."""
        complete, self._complete = self._complete, True
        self._upcoming.clear()
        self._ahead.clear()  # none left but where the check stopped part-way
        if self.store.directory is None or not complete:  # an article that failed is checked again
            return
        with contextlib.suppress(OSError):  # a read-only or full disk only costs speed
            self.store.directory.mkdir(parents=True, exist_ok=True)
            (self.store.directory / CHECKED_STAMP).touch()

    def _check_share(self, share: Sequence[tuple[Path, Path]],
                     steps: int) -> list[tuple[str, Entry | bytes | None]]:  # fmt: skip
        """Each article's key and cache entry; the process that checked an article writes its entry, so the
        parent, which receives every share, does not pickle them all a second time. A forked worker returns
        each entry as the bytes it wrote to the cache: pickled once, for the file and the parent alike, where
        the pipe would pickle the objects again."""
        in_worker = os.getpid() != self._pid
        checked: list[tuple[str, Entry | bytes | None]] = []
        with collector_paused():
            for pair in share:
                key = self._key(*pair)
                outcome = self._checked(pair, key)
                checked.append((key, self._store_pickled(key, outcome) if in_worker else self._store(key, outcome)))
                for _ in range(steps if self.on_article is not None else 0):
                    self.on_article()  # type: ignore[misc]
        return checked

    def _checked(self, pair: tuple[Path, Path], key: str,
                 on_claims: Callable[[CheckedArticle], None] | None = None) -> ArticleOutcome:  # fmt: skip
        """The article's outcome (`check_article`), its claims perhaps checked ahead (`_check_ahead`)."""
        claims = self._ahead.pop(key, None) or check_claims(*pair, self.settings, self.renderer)
        if claims.uses_dictionary and ahead.running():
            self._check_ahead(key)
            ahead.wait()  # the dictionary, which the lint waits for: no thread then runs (a fork may follow)
        if on_claims is not None and claims.outcome.article is not None:
            on_claims(claims.outcome.article)
        return lint_checked(claims, self.settings, self.lint.suggest)

    def _check_ahead(self, current: str) -> None:
        """While Harper's dictionary loads (`factsite.build.ahead`, from the command's first line), which the lint
        of the article `current` is about to wait for, the next articles the cache lacks are checked here, but
        for a lint that needs the dictionary: their claims (quotes, figures, dates, typos) need none, nor does
        the lint of an article in a language Harper does not read. Each is linted when its turn comes, so that
        its outcome, its problems' order and its cache entry are the same, and are stored in the same order.
        Articles are taken one at a time, each only while the dictionary is still loading: at most one
        article's claims are checked after it is ready."""
        while self._upcoming and ahead.running():
            pair = self._upcoming.popleft()
            key = self._key(*pair)
            if key == current or key in self._ahead or key in self._memory:
                continue
            claims = check_claims(*pair, self.settings, self.renderer)
            if not claims.uses_dictionary:  # linted now: kept whole
                claims = ClaimsChecked(lint_checked(claims, self.settings, self.lint.suggest))
            self._ahead[key] = claims

    def _key(self, markdown_path: Path, citations_path: Path) -> str:
        return hashlib.sha256((self._prefix + self._content_hash(markdown_path, citations_path)).encode()).hexdigest()

    def _content_hash(self, *paths: Path) -> str:
        """A hash of the files' bytes; a file whose size and times are unchanged is not read again.

        The live preview checks every article on each change: at 25,000 claims, reading them
        all again would take longer than the whole rebuild should.
        """
        digest = hashlib.sha256()
        for path in paths:
            digest.update(path.as_posix().encode() + b"\0" + self._file_digest(path))
        return digest.hexdigest()

    def seen(self, path: Path) -> tuple[tuple[int, int, int, int], bytes] | None:
        """The file as the last check of it read it: its (mtime, ctime, size, inode) and its bytes' SHA-256."""
        return self._file_digests.get(path)

    def _file_digest(self, path: Path) -> bytes:
        try:
            stat = path.stat()
        except OSError:
            return b"\0missing"
        seen = (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)
        known = self._file_digests.get(path)
        if known is not None and known[0] == seen:
            return known[1]
        try:
            digest = hashlib.sha256(path.read_bytes()).digest()
        except OSError:
            return b"\0missing"
        self._file_digests[path] = (seen, digest)
        return digest

    def _find(self, key: str) -> ArticleOutcome | None:
        entry = self._memory.get(key) or self._read(key)
        if entry is None:
            return None
        snapshots, outcome = entry
        if snapshots != self._snapshot_hashes(outcome):
            return None
        self._memory[key] = entry
        return outcome

    def _store(self, key: str, outcome: ArticleOutcome) -> Entry | None:
        # A failed article may fail for a file the key does not cover (a missing snapshot).
        if outcome.article is None:
            return None
        entry = (self._snapshot_hashes(outcome), outcome)
        self._memory[key] = entry
        self._write(key, entry)
        return entry

    def _store_pickled(self, key: str, outcome: ArticleOutcome) -> bytes | None:
        """`_store` in a worker: the entry written as its pickled bytes, which are returned."""
        if outcome.article is None:
            return None
        data = pickle.dumps((self._snapshot_hashes(outcome), outcome), protocol=pickle.HIGHEST_PROTOCOL)
        self.store.write_bytes(key, data)
        return data

    def _snapshot_hashes(self, outcome: ArticleOutcome) -> str:
        if outcome.article is None:
            return ""
        paths = sorted(
            self.settings.content_dir / source.snapshot for source in outcome.article.article.sources if source.snapshot
        )
        return self._content_hash(*paths)

    def _read(self, key: str) -> Entry | None:
        entry = self.store.read(key)
        return entry if isinstance(entry, tuple) else None

    def _write(self, key: str, entry: Entry) -> None:
        self.store.write(key, entry)
