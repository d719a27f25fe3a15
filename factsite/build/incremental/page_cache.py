"""Reusing rendered pages between builds: each article's page bodies, and the pages a site holds.

- `PageCache` keeps what `PageRenderer.article_pages` returns for an article, keyed by the article's
  check key (its files' bytes, the settings, factsite's code: `CheckCache.article_keys`) and a hash
  of the page templates, in memory and in the cache directory. An unchanged article is not rendered
  by Jinja again, and the site-wide pages are assembled from the cached parts. The article's social
  cards are kept beside its entry, in a file of their own that the entry names (`StoredFile`): reading
  the entry does not read them, and a writer finding them already published links them unread.
- `PublicationCache` keeps each article's structured-data problems, which the live preview would
  otherwise compute again for every claim of the site on each change.
- `SiteManifest` records, for one site directory, the digest of each generated page written there
  (`SitePage.digest`), a fingerprint of everything else the page's HTML depends on (theme,
  configuration, navigation: the adapter computes it) and the size and modification time of the
  file. A page whose digest and context are unchanged and whose file is intact is not rendered: its
  file is reused, left in place or linked into a staging directory.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from factsite.build.incremental.fingerprints import code_fingerprint
from factsite.build.incremental.memory import collector_paused
from factsite.build.incremental.store import EntryStore
from factsite.build.incremental.workers import can_fork, in_shares
from factsite.build.publication import publication_checklist, read_editor_pages, with_publication_problems
from factsite.model import CheckedArticle, Problem, Project
from factsite.render.data_files import StoredFile
from factsite.render.pages import ArticlePages, ArticleRendering
from factsite.render.same_claims import BucketMatches, Pair, same_as_problems
from factsite.render.structured_data import structured_data_problems

MANIFEST_VERSION = 3
CARDS_SUFFIX = ".cards"  # an article's social cards, beside its entry
PUBLICATION_FILE = "publication"  # in the cache directory: each article's structured-data problems
LISTINGS_INDEX = "shown"  # in the listings' directory: the keys of the pages the last build showed


class PageCache:
    """Each article's rendered pages, reused while its check key and the templates hold."""

    def __init__(self, directory: Path | None, templates_fingerprint: str) -> None:
        self.store = EntryStore(directory / "pages" if directory else None)
        self.templates_fingerprint = templates_fingerprint
        self.hits = 0
        self.misses = 0
        # Called once for each article rendered or found, for progress displays.
        self.on_article: Callable[[], None] | None = None
        self._memory: dict[str, ArticlePages] = {}
        self._reported: set[str] = set()  # rendered by `prefetch`, progress already reported
        self._unstored: dict[str, ArticlePages] = {}  # rendered without their cards (`store_with_cards`)
        self._keep = True  # whether this build's `rendering` keeps the parts in memory
        self._pid = os.getpid()  # the process that composes with workers (`prefetch`); a share elsewhere is a worker's
        self.cards_read = 0  # stored cards read back (`read_card`)
        self.sections = SectionCache(directory, templates_fingerprint)
        self.listings = ListingCache(directory, templates_fingerprint)
        self.matches = MatchCache(directory)

    def rendering(self, render: ArticleRendering, keys: Mapping[str, str], *, keep: bool = True,
                  store: bool = True) -> ArticleRendering:  # fmt: skip
        """`render` with this cache in front; `keys` gives each article's check key by slug.

        `keep`: the parts stay in memory for a later build in this process (the live preview); without it each
        article's parts are let go once handed out, as a build that runs once never asks for them again (at
        25,000 claims they hold every claim page's body a second time).
        `store`: False when `render` leaves the cards out (another process draws them, `card_drawing`): the
        articles rendered wait for `store_with_cards`, as an entry is stored with its cards.
        """
        self._unstored, self._keep = {}, keep  # this build's (an earlier one may have stopped before its cards)

        def cached(checked: CheckedArticle) -> ArticlePages:
            key = self.key(checked, keys)
            if key is None:  # checked without a cache: nothing identifies it
                self._report(None)
                return render(checked)
            parts = self._in_memory(key) or self._read(key)
            if parts is None:
                self.misses += 1
                parts = render(checked)
                if not store:  # kept nowhere else until its cards are in: a build may stop before that
                    self._unstored[key] = parts
                    self._memory.pop(key, None)
                    self._report(key)
                    return parts
                parts = self._write(key, parts)
            else:
                self.hits += 1
            if keep:
                self._memory[key] = parts
            else:
                self._memory.pop(key, None)
            self._report(key)
            return parts

        return cached

    def lacking(self, articles: Sequence[CheckedArticle], keys: Mapping[str, str]) -> list[CheckedArticle] | None:
        """The articles `rendering` will render (after `prefetch`); None if some article has no key."""
        lacking = []
        for checked in articles:
            key = self.key(checked, keys)
            if key is None:
                return None
            if self._in_memory(key) is None:
                lacking.append(checked)
        return lacking

    def store_with_cards(self, cards: Mapping[str, tuple[tuple[str, bytes], ...]]) -> dict[str, ArticlePages]:
        """The articles `rendering(store=False)` rendered, with their cards (by slug) and stored, by slug."""
        stored = {}
        for key, parts in self._unstored.items():
            parts = self._write(key, replace(parts, data=replace(parts.data, cards=cards[parts.slug])))
            if self._keep:
                self._memory[key] = parts
            stored[parts.slug] = parts
        self._unstored.clear()
        return stored

    def prefetch(self, render: ArticleRendering, articles: Sequence[CheckedArticle], keys: Mapping[str, str],
                 workers: int, minimum: int, meanwhile: Callable[[], object] | None = None) -> int:  # fmt: skip
        """Render in `workers` processes the articles this cache lacks, so that `rendering` finds them.

        An article's pages depend on that article, the settings and the templates only, so rendering
        them elsewhere changes nothing but the time taken. Each process stores what it rendered.
        Returns how many articles were rendered. `meanwhile`: done here, where processes were forked, once this
        process's share is rendered and before it waits for the others (`workers.in_shares`).
        """
        missing = []
        for checked in articles:
            key = self.key(checked, keys)
            if key is None or self._in_memory(key) is not None:
                continue
            parts = self._read(key)
            if parts is None:
                missing.append((key, checked))
            else:
                self._memory[key] = parts
        workers = min(workers, len(missing))
        if workers < 2 or len(missing) < minimum:
            return 0
        # The first article is composed here, before the fork: what a process's first one loads (fonts, the
        # cards' frames, templates: 0.1 s of its 0.15 s) is then loaded once, for every child, not once in each.
        self._pid = os.getpid()
        shares = [self._render_share(render, missing[:1], 1)]
        forking = can_fork()
        if forking:
            forked, failures = in_shares(functools.partial(self._render_share, render), missing[1:],
                                         min(workers, len(missing) - 1), meanwhile)  # fmt: skip
            if failures:
                raise failures[0]
            shares += forked
        with collector_paused():  # the workers' entries hold no cycle (see `EntryStore.read_file`)
            for rendered in shares:
                for key, entry in rendered.items():
                    if isinstance(entry, bytes):  # as a worker wrote it to the cache
                        stored: ArticlePages = pickle.loads(entry)
                        entry = self._with_cards_file(key, stored) or stored
                    self._memory[key] = entry
                    self._reported.add(key)
        return len(missing) if forking else 1

    def _render_share(self, render: ArticleRendering, share: Sequence[tuple[str, CheckedArticle]],
                      steps: int) -> dict[str, ArticlePages | bytes]:  # fmt: skip
        """Each article's parts by key, stored (its cards too, which are not sent back). A forked worker returns
        each entry as the bytes it wrote to the cache: pickled once, for the file and the parent alike, where the
        pipe would pickle the parts again (at 1,000 claim pages a worker's share is 6 MB)."""
        in_worker = os.getpid() != self._pid
        rendered: dict[str, ArticlePages | bytes] = {}
        for key, checked in share:
            parts = render(checked)
            rendered[key] = self._write_pickled(key, parts) if in_worker else self._write(key, parts)
            for _ in range(steps if self.on_article is not None else 0):
                self.on_article()  # type: ignore[misc]
        return rendered

    def key(self, checked: CheckedArticle, keys: Mapping[str, str]) -> str | None:
        """The key of the article's parts: its check key (`keys`, by slug) and the templates; None without one."""
        article_key = keys.get(checked.article.slug)
        if article_key is None:
            return None
        return hashlib.sha256((article_key + self.templates_fingerprint).encode()).hexdigest()

    def _report(self, key: str | None) -> None:
        if key in self._reported:
            self._reported.discard(key)
        elif self.on_article is not None:
            self.on_article()

    def _in_memory(self, key: str) -> ArticlePages | None:
        """The parts kept from an earlier build in this process, while the file of their cards is there."""
        parts = self._memory.get(key)
        if parts is not None and parts.data.cards:
            card = parts.data.cards[0][1]
            if isinstance(card, StoredFile) and not os.path.isfile(card.path):
                del self._memory[key]  # the cache directory was emptied since
                return None
        return parts

    def _read(self, key: str) -> ArticlePages | None:
        parts = self.store.read(key)
        return self._with_cards_file(key, parts) if isinstance(parts, ArticlePages) else None

    def _write(self, key: str, parts: ArticlePages) -> ArticlePages:
        """Store `parts`; returns them with their cards kept apart (`StoredFile`), as `_read` would."""
        parts = self._with_cards_stored(key, parts)
        self.store.write(key, parts)
        return self._with_cards_file(key, parts) or parts

    def _write_pickled(self, key: str, parts: ArticlePages) -> bytes:
        """`_write` in a forked worker: the entry written as its pickled bytes, which are returned."""
        data = pickle.dumps(self._with_cards_stored(key, parts), protocol=pickle.HIGHEST_PROTOCOL)
        self.store.write_bytes(key, data)
        return data

    def _with_cards_stored(self, key: str, parts: ArticlePages) -> ArticlePages:
        """`parts` as an entry holds them: each page's digest computed, the cards written to their own file and
        named there (`StoredFile`, its path left empty: bound when read, `_with_cards_file`)."""
        for page in parts.pages:
            _ = page.digest  # stored with the page, so a reused page is never hashed again
        cards = parts.data.cards
        if cards and all(isinstance(card, bytes) for _, card in cards):
            stored, blobs, offset = [], [], 0
            for path, card in cards:
                assert isinstance(card, bytes)
                stored.append((path, StoredFile("", offset, len(card), hashlib.sha256(card).hexdigest())))
                blobs.append(card)
                offset += len(card)
            # The cards first: an entry never names a cards file that is not there.
            if self.store.write_bytes(key + CARDS_SUFFIX, b"".join(blobs)):
                parts = replace(parts, data=replace(parts.data, cards=tuple(stored)))
        return parts

    def _with_cards_file(self, key: str, parts: ArticlePages) -> ArticlePages | None:
        """`parts` with their stored cards found in this store (None: their file is gone, a miss)."""
        cards = parts.data.cards
        if not cards or not isinstance(cards[0][1], StoredFile):
            return parts
        path = self.store.path(key + CARDS_SUFFIX)
        if path is None or not path.is_file():
            return None
        name = str(path)
        bound = tuple((at, replace(card, path=name)) for at, card in cards if isinstance(card, StoredFile))
        return replace(parts, data=replace(parts.data, cards=bound))

    def read_card(self, card: StoredFile) -> bytes:
        """A stored card's bytes (counted: an unchanged article's cards are linked, never read)."""
        self.cards_read += 1
        return card.read()


class SectionCache:
    """The claim pages' "Also checked in" sections, by a key naming what each shows (`PageRenderer.sections`).

    Only the whole site knows them, so they are not among an article's cached pages, and rendering all of them
    again took most of the composing time after a one-article edit at 25,000 claims. They are kept in one file
    holding the sections the last build showed; a section is rendered again only when its key is new.
    """

    def __init__(self, directory: Path | None, templates_fingerprint: str) -> None:
        self.path = directory / "pages" / "also-checked" if directory else None
        self.templates_fingerprint = templates_fingerprint
        self._known: dict[str, str] | None = None
        self._shown: dict[str, str] = {}  # the sections this build showed
        self.hits = 0
        self.misses = 0  # sections rendered

    def get(self, key: str) -> str | None:
        key = self._full_key(key)
        html = self._shown.get(key) or self._load().get(key)
        if html is not None:
            self.hits += 1
            self._shown[key] = html
        return html

    def put(self, key: str, html: str) -> None:
        self.misses += 1
        self._shown[self._full_key(key)] = html

    def save(self) -> None:
        """Keep the sections this build showed (and only those) for the next build."""
        if self._shown != self._known and self.path is not None:
            EntryStore.write_file(self.path, self._shown)
        self._known, self._shown = self._shown, {}

    def _full_key(self, key: str) -> str:
        return hashlib.sha256((key + self.templates_fingerprint).encode()).hexdigest()

    def _load(self) -> dict[str, str]:
        if self._known is None:
            found = EntryStore.read_file(self.path) if self.path is not None else None
            self._known = found if isinstance(found, dict) else {}
        return self._known


class ListingCache:
    """The bodies of the site-wide listings' pages (index, sources, corrections, claimants), by a key naming
    everything each shows (`PageRenderer.render_listing`), one entry a page in the cache directory.

    After a one-article edit nearly every listing page shows what it showed, and rendering them all again (at
    25,000 claims, 765 pages, the claimants' paginated lists most of them) was the largest part of composing.
    Entries are read one at a time, so a build holds no more of them than it did; `save` keeps the entries the
    site shows now and deletes the others.
    """

    def __init__(self, directory: Path | None, templates_fingerprint: str) -> None:
        self.store = EntryStore(directory / "pages" / "listings" if directory else None)
        # Listings depend on the templates, the catalogs and the code of the views they are given.
        self.prefix = hashlib.sha256((templates_fingerprint + code_fingerprint()).encode()).hexdigest()
        self._shown: set[str] = set()
        self.hits = 0
        self.misses = 0  # pages rendered

    def get(self, key: str) -> str | None:
        key = self._full_key(key)
        body = self.store.read(key)
        if not isinstance(body, str):
            return None
        self.hits += 1
        self._shown.add(key)
        return body

    def put(self, key: str, html: str) -> None:
        key = self._full_key(key)
        self.misses += 1
        self._shown.add(key)
        self.store.write(key, html)

    def save(self) -> None:
        """Record the entries this build showed, and delete those of the last build it did not."""
        shown, self._shown = self._shown, set()
        if self.store.directory is None:
            return
        index = self.store.directory / LISTINGS_INDEX
        previous = EntryStore.read_file(index)
        if isinstance(previous, frozenset) and previous == shown:
            return
        EntryStore.write_file(index, frozenset(shown))
        for key in previous if isinstance(previous, frozenset) else ():
            if key not in shown:
                path = self.store.path(key)
                if path is not None:
                    path.unlink(missing_ok=True)

    def _full_key(self, key: str) -> str:
        return hashlib.sha256((key + self.prefix).encode()).hexdigest()


class MatchCache:
    """The same-claims search's pairs by bucket (`BucketMatches`), kept in the cache directory between builds:
    after a one-article edit only the buckets holding that article's claims are compared again."""

    def __init__(self, directory: Path | None) -> None:
        self.path = directory / "pages" / "same-claims" if directory else None
        self._known: dict[str, tuple[Pair, ...]] | None = None

    def matches(self) -> BucketMatches:
        """The pairs of the last search (read once), for this one."""
        if self._known is None:
            found = EntryStore.read_file(self.path) if self.path is not None else None
            # Pairs depend on the search's code as well as on the claims: kept with its fingerprint.
            valid = isinstance(found, tuple) and len(found) == 2 and found[0] == code_fingerprint()
            self._known = found[1] if valid and isinstance(found[1], dict) else {}  # type: ignore[index]
        return BucketMatches(self._known)

    def save(self, matches: BucketMatches) -> None:
        """Keep the pairs of the buckets the site has now (and only those) for the next build."""
        if not matches.searched:
            return  # answered from memory: the last search's pairs still hold
        if matches.used != self._known and self.path is not None:
            EntryStore.write_file(self.path, (code_fingerprint(), matches.used))
        self._known = matches.used


class PublicationCache:
    """`with_publication_problems`, reusing each article's structured-data problems by its key.

    The structured data of a claim depends on its article and the settings only (claim page
    addresses differ between articles), so the problems of the site are the site-wide checklist
    plus each article's; a test holds this equal to `with_publication_problems`. Given a directory,
    the problems are also kept there, in one file, for the next command: at 25,000 claims computing
    them again took a `build` after a one-article edit more than a second.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self._file = directory / PUBLICATION_FILE if directory else None
        self._articles: dict[str, list[Problem]] | None = None if self._file else {}
        self.computed = 0  # articles whose problems were worked out, not found (in this process)

    def with_problems(self, project: Project, keys: Mapping[str, str]) -> Project:
        settings = project.settings
        if not settings.structured_data or structured_data_problems(replace(project, articles=())):
            return with_publication_problems(project)  # off, or reported once for the site
        problems = publication_checklist(settings, read_editor_pages(settings.content_dir))
        problems += same_as_problems(project.claims)
        computed = self.computed
        for checked in project.articles:
            problems += self._article_problems(project, checked, keys.get(checked.article.slug))
        if self.computed > computed:
            self._save({keys[checked.article.slug] for checked in project.articles if checked.article.slug in keys})
        if settings.strict:
            problems = [problem.as_error() for problem in problems]
        found = [*project.problems, *problems]
        found.sort(key=lambda p: (p.location.path, p.location.line, p.location.column, p.message))
        return replace(project, problems=tuple(found))

    def _article_problems(self, project: Project, checked: CheckedArticle,
                          key: str | None) -> list[Problem]:  # fmt: skip
        known = self._known()
        if key is not None and key in known:
            return known[key]
        problems = structured_data_problems(replace(project, articles=(checked,)))
        self.computed += 1
        if key is not None:
            known[key] = problems
        return problems

    def _known(self) -> dict[str, list[Problem]]:
        if self._articles is None:
            self._articles = {}
            if self._file is not None:
                found = EntryStore(self._file.parent).read_file(self._file)
                if isinstance(found, dict):
                    self._articles = found
        return self._articles

    def _save(self, current: set[str]) -> None:
        """Keep the problems of the site's present articles (an edited article's old key goes)."""
        if self._file is None or self._articles is None:
            return
        kept = {key: problems for key, problems in self._articles.items() if key in current}
        EntryStore(self._file.parent).write_file(self._file, kept)


# A named tuple, not a frozen dataclass: a manifest holds 53,000 of them at 25,000 claim pages, made anew on every
# read, and a tuple is made in a quarter of the time (the manifest read in 50 ms instead of 83).
class PageRecord(NamedTuple):
    digest: str
    size: int
    mtime_ns: int

    def intact(self, path: Path | str) -> bool:
        """Whether the file at `path` is the one recorded (same size and modification time)."""
        try:
            stat = os.stat(path)
        except OSError:
            return False
        return stat.st_size == self.size and stat.st_mtime_ns == self.mtime_ns


@dataclass(frozen=True)
class SiteManifest:
    """The generated pages a site directory holds, by path relative to it, and their context; and its data
    files (claims.json, cards...), which depend on nothing but their bytes; and every other file of the site
    (the theme's, the editor's pages and files, the sitemap), Pagefind's index apart: with these a build can
    tell which published files a new site no longer has. `others` is None when they were not recorded."""

    context: str
    pages: Mapping[str, PageRecord]
    files: Mapping[str, PageRecord] = field(default_factory=dict)
    others: tuple[str, ...] | None = None

    def all_files(self) -> set[str]:
        """Every file of the site the manifest knows of."""
        return {*self.pages, *self.files, *(self.others or ())}

    def reusable(self, context: str, path: str, digest: str, site_dir: Path) -> bool:
        """Whether the file at `path` is this page as it would be rendered now."""
        record = self.pages.get(path)
        if record is None or record.digest != digest or context != self.context:
            return False
        return record.intact(os.path.join(site_dir, path))

    def holds_file(self, path: str, digest: str, site_dir: Path) -> bool:
        """Whether the data file at `path` has the bytes of SHA-256 `digest` (its record, and the file intact)."""
        record = self.files.get(path)
        return record is not None and record.digest == digest and record.intact(os.path.join(site_dir, path))


def record_pages(site_dir: Path, context: str, digests: Mapping[str, str],
                 files: Mapping[str, str] | None = None, *, others: Iterable[str] | None = None,
                 previous: SiteManifest | None = None, kept: Iterable[str] = ()) -> SiteManifest:  # fmt: skip
    """The manifest of the pages just written to `site_dir` (digests by file path), of its data `files` and of
    its `others`. The pages and files named in `kept` are the previous site's own files, unchanged (left in
    place or linked): their records are `previous`'s, not read from the disk again."""
    kept = set(kept)
    pages = _records(site_dir, digests, previous.pages if previous else {}, kept)
    data = _records(site_dir, files or {}, previous.files if previous else {}, kept)
    return SiteManifest(context, pages, data, tuple(sorted(others)) if others is not None else None)


def _records(site_dir: Path, digests: Mapping[str, str], previous: Mapping[str, PageRecord],
             kept: set[str]) -> dict[str, PageRecord]:  # fmt: skip
    records = {}
    site = str(site_dir)
    for path, digest in digests.items():
        known = previous.get(path) if path in kept else None
        if known is not None and known.digest == digest:
            records[path] = known
            continue
        try:
            stat = os.stat(os.path.join(site, path))
        except OSError:
            continue  # an unwritten page is simply not reusable
        records[path] = PageRecord(digest, stat.st_size, stat.st_mtime_ns)
    return records


def manifest_path(cache_dir: Path, site_dir: Path) -> Path:
    name = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:24]
    return cache_dir / "sites" / f"{name}.json"


def load_manifest(path: Path) -> SiteManifest | None:
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("version") != MANIFEST_VERSION:
            return None
        pages = {p: PageRecord(*record) for p, record in data["pages"].items()}
        files = {p: PageRecord(*record) for p, record in data["files"].items()}
        others = data.get("others")
        listed = tuple(str(path) for path in others) if isinstance(others, list) else None
        return SiteManifest(str(data["context"]), pages, files, listed)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_manifest(path: Path, manifest: SiteManifest) -> None:
    # Records are tuples, which JSON writes as the lists `load_manifest` reads.
    pages = dict(sorted(manifest.pages.items()))
    files = dict(sorted(manifest.files.items()))
    data = {"version": MANIFEST_VERSION, "context": manifest.context, "pages": pages, "files": files,
            "others": list(manifest.others) if manifest.others is not None else None}  # fmt: skip
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            # Encoded whole: `json.dump` encodes piece by piece in Python, five times slower (53,000 records).
            stream.write(json.dumps(data))
        os.replace(temporary, path)
    except OSError:
        pass  # Without a manifest the next build renders every page: slower, never wrong.


def forget_manifest(path: Path) -> None:
    """Drop a manifest whose site is about to change outside our control (a failed swap)."""
    path.unlink(missing_ok=True)


def link_or_copy(source: Path | str, target: Path | str) -> None:
    """Put `source`'s file at `target`: a hard link where the file system allows it, else a copy.

    Both keep the size and modification time the manifest compares.
    """
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def remove_stale(site_dir: Path, paths: Iterable[str]) -> None:
    """Delete the files of pages a site no longer has, and the directories they leave empty."""
    for relative in paths:
        path = site_dir / relative
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
