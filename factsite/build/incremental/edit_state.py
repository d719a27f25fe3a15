"""What a build leaves for the next one's early cut-off: each article's outward summary, and its fragments.

Most edits (a note, an explanation, a quote's context, a typo in the text) change nothing that another page shows
of the article. A build records, per article, a digest of its **outward summary**: exactly what the site-wide
pages, the other articles' pages and the site-wide files read from it (`outward_summary`). The next `build` checks
the changed articles only; when each one's summary is the same, nothing outside its own pages and its items of the
data files can have changed, and only those are made again (`factsite.adapters.mkdocs.fast_edit`). Anything else
(a summary that changed, an article added or removed, another content file, the configuration, the theme or the
code changed, no state or a state of another version) builds as before.

The state is one pickle per site folder beside its manifest: versioned, and a file that cannot be read as this
version's state counts as none (the full build then writes a new one).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import pickle
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factsite.build.incremental.page_cache import manifest_path
from factsite.build.incremental.store import EntryStore
from factsite.model import Article, CheckedArticle, Problem, Project
from factsite.render import views
from factsite.render.data_files import ItemSpans
from factsite.render.feeds import updated
from factsite.render.pages import ArticlePages, SitePage, SourceEntry
from factsite.render.same_claims import ClaimGroup, ClaimKey

# 2: the files as the check read them, with their change times; 3: each article's sections with their digest, and
# its `outward_fields`
STATE_VERSION = 3
# Problems a whole-site check finds at an article's claims, which only other articles' ids (part of their
# summaries) can change: kept for an article whose summary is unchanged.
SITE_PROBLEM_CODES = frozenset({"unknown-claim"})
# The articles' own files, which the early cut-off checks again; every other file of the content is compared whole.
ARTICLE_SUFFIXES = (".md", ".yaml")


def outward_summary(part: ArticlePages, checked: CheckedArticle, project: Project) -> str:
    """A digest of everything that any page or file other than the article's own pages reads from the article.

    Read off the code that reads another article's data: the index entry, the corrections entries and the
    claimant items (`PageRenderer.article_pages`, whose rendered HTML they carry) and the sources page's entries
    (`_source_shown`); what the "Also checked in" sections and the same-claims search take from each claim
    (`PageRenderer._linked`, `same_claims`: its link, kind, id, speaker, claimant, title, `same_as`, its article's
    outlet, title, dates and language); the project's order and the newest review date (every site-wide page's
    date); each page's address and date (the sitemap); what the Atom feed and the DataFeed's header read (title,
    dates, summary, tally, rating); the social cards' words (the title, rating, claims' titles, verdicts and
    numbers, the language: all above); and the number of the article's items in each data file.
    """
    settings = project.settings
    article = checked.article
    claims = []
    for claimed in checked.claims:
        claim = claimed.claim
        # Its link (`views.claim_link`: path, number, title, kind, verdict), a verdict by its id: a verdict's words
        # and icon are the settings' (the same, or the fast path is not taken).
        claims.append((claim.id, claimed.mark.number, views.claim_title(claimed), claim.kind.value,
                       views.verdict_view(claimed, settings).id, claim.speaker, claim.speaker_type,
                       claim.same_as))  # fmt: skip
    entry = part.index_entry
    # The rendered HTML the listings join (most of the bytes) is hashed as it is; the rest by its representation,
    # with the HTML's lengths, so that no two summaries read alike.
    html = [entry.summary_html, entry.html, entry.later_html]
    for source in part.sources:
        html += [source.description_html, source.later_description_html, *source.claim_items,
                 *source.later_claim_items]  # fmt: skip
    for item in part.claimants:
        html += [item.html, item.later_html]
    shown = (
        article.slug, article.title, article.outlet, article.published, article.reviewed, article.reviewer,
        article.locale, article.summary, updated(checked),
        entry.article, entry.path, tuple((e.verdict.id, e.count) for e in entry.tally),
        (entry.rating.verdict.id, entry.rating.basis, entry.rating.explanation, entry.rating.claim_number),
        tuple(_source_shown(source) for source in part.sources), part.corrections,
        tuple((i.path, i.name, i.type, i.role, i.verdict.id) for i in part.claimants),
        tuple((page.path, page.date, page.image, page.kind, page.number) for page in part.pages),
        tuple(claims),
        (len(part.data.claims), len(part.data.annotations), len(part.data.reviews)),
        tuple(map(len, html)),
    )  # fmt: skip
    digest = hashlib.sha256(repr(shown).encode())
    digest.update("".join(html).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def outward_fields(article: Article) -> str:
    """A digest of the fields of an article as read (`factsite.load.load_article`, no check) that its outward summary
    holds: its title, outlet, dates, reviewer and summary, and each claim's id, kind, verdict (by its entry in the
    scale) and speaker. When they differ the summary does, and the fast path stops before the check (a verdict: the
    commonest edit it does not take). The check changes none of them."""
    claims = tuple((claim.id, claim.kind.value, claim.verdict, claim.speaker) for claim in article.claims)
    shown = (article.title, article.outlet, article.published, article.reviewed, article.reviewer, article.summary,
             claims)  # fmt: skip
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def _source_shown(entry: SourceEntry) -> tuple[object, ...]:
    """What the sources page takes from a source entry: its rendered description and claims, and the fields it
    sorts, groups, merges and counts them by (not the source's place in the YAML, nor its snapshot's text); the
    HTML is hashed apart (`outward_summary`), with the number of claims."""
    source = entry.view.source
    return (source.url, source.publisher, source.title, source.archived, len(entry.claim_items),
            len(entry.later_claim_items))  # fmt: skip


class SummaryCache:
    """Each article's outward summary by the key of its composed pages (`PageCache.key`: the article's files, the
    settings, factsite's code, the templates), which is all the summary reads (the article's parts, its check and
    the settings), kept in the cache directory between builds: a full build computes the summaries of the articles
    that changed only (at 25,000 claim pages all of them took 0.25 s of one processor, on every build)."""

    def __init__(self, directory: Path | None) -> None:
        self.path = directory / "pages" / "summaries" if directory else None
        self._known: dict[str, str] | None = None
        self._used: dict[str, str] = {}  # the summaries of this build's articles
        self.computed = 0  # in this process

    def summary(self, key: str | None, part: ArticlePages, checked: CheckedArticle, project: Project) -> str:
        """`outward_summary(part, checked, project)`, found by `key` if a build computed it before."""
        found = self._load().get(key) if key is not None else None
        if found is None:
            self.computed += 1
            found = outward_summary(part, checked, project)
        if key is not None:
            self._used[key] = found
        return found

    def save(self) -> None:
        """Keep the summaries of this build's articles (and only those) for the next build."""
        if self._used != self._known and self.path is not None:
            EntryStore.write_file(self.path, self._used)
        self._known, self._used = self._used, {}

    def _load(self) -> dict[str, str]:
        if self._known is None:
            found = EntryStore.read_file(self.path) if self.path is not None else None
            self._known = found if isinstance(found, dict) else {}
        return self._known


@dataclass(frozen=True)
class ArticleShown:
    """What the article's own pages and items show from the rest of the site, as the last build composed them."""

    # Each claim page's "Also checked in" section, by page path.
    also_checked: Mapping[str, str]
    # Each claim's same claims in other articles for claims.json: (addresses, count), or None.
    same: tuple[tuple[tuple[str, ...], int] | None, ...]


@dataclass(frozen=True)
class ArticleRecord:
    slug: str
    # (mtime_ns, ctime_ns, size, inode) of SLUG.md and SLUG.yaml and a hash of their bytes, as the check read them
    # (`article_seen`): a file saved while the build ran after its check differs from them.
    stats: tuple[tuple[int, int, int, int], ...]
    digest: str
    summary: str
    # An `ArticleShown`, pickled and compressed (its sections are most of the state: at 25,000 claim pages 48 MB,
    # 4.6 MB compressed): read only for the articles that changed (`ArticleRecord.read_shown`).
    shown: bytes
    # Claims by verdict label, for the build's summary line.
    labels: tuple[str, ...] = ()
    # Its problems, as the last build reported them.
    problems: tuple[Problem, ...] = ()
    # The SHA-256 of `shown` as composed (`shown_digest`): the next build reuses `shown` as it is when its sections
    # are the same (most articles, after most edits), instead of pickling and compressing them again.
    shown_digest: str = ""
    # Its `outward_fields`, as checked.
    fields: str = ""

    def read_shown(self) -> ArticleShown:
        shown = pickle.loads(zlib.decompress(self.shown))
        assert isinstance(shown, ArticleShown)
        return shown


@dataclass
class EditState:
    """The state one build leaves for the next one's early cut-off (see the module's documentation)."""

    context: str  # the pages' context (`factsite.adapters.mkdocs.reuse.context_fingerprint`)
    rest: str  # every other content file, by name, size and time (`rest_fingerprint`)
    settings: str  # the settings' fingerprint
    newest: dt.date
    # The pages an automatic navigation lists, bodies left out, in site order.
    nav_pages: tuple[SitePage, ...]
    articles: dict[str, ArticleRecord]  # in the project's order
    spans: ItemSpans
    # The problems not located in an article's own files.
    site_problems: tuple[Problem, ...]
    version: int = STATE_VERSION
    extra: dict[str, object] = field(default_factory=dict)


def state_path(cache_dir: Path, site_dir: Path) -> Path:
    return manifest_path(cache_dir, site_dir).with_suffix(".edits")


def load_state(path: Path) -> EditState | None:
    """The state at `path`; None if there is none, or it is not a whole state of this version."""
    try:
        with open(path, "rb") as handle:
            state = pickle.load(handle)
    except Exception:  # truncated, corrupt, another version's classes: a full build writes a new one
        return None
    if not isinstance(state, EditState) or state.version != STATE_VERSION:
        return None
    return state


def save_state(path: Path, state: EditState) -> None:
    """Write the state whole (a temporary file renamed over the old one); a failure only costs the next edit."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
            path.unlink()


def forget_state(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def file_stat(path: Path) -> tuple[int, int, int, int]:
    """As the check cache sees a file (`CheckCache.seen`): its change time too, which no tool sets back (a file
    rewritten with its size and modification time kept, as `cp -p` or `rsync -t` leave it, is seen changed)."""
    stat = os.stat(path)
    return (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)


def article_digest(paths: Sequence[Path]) -> str:
    return _joined(hashlib.sha256(path.read_bytes()).digest() for path in paths)


def _joined(digests: Iterable[bytes]) -> str:
    return hashlib.sha256(b"".join(digests)).hexdigest()


# A file as a check read it: its `file_stat` and its bytes' SHA-256 (`CheckCache.seen`).
Seen = Callable[[Path], tuple[tuple[int, int, int, int], bytes] | None]


def article_files(content_dir: Path, slug: str) -> tuple[Path, Path]:
    articles = content_dir / "articles"
    return articles / f"{slug}.md", articles / f"{slug}.yaml"


def rest_fingerprint(content_dir: Path) -> str:
    """Every content file but the articles' own (`SLUG.md`, `SLUG.yaml`) by name, size, modification and change
    time: sources' snapshots, editor pages, images, the index's introduction, the word list. A build takes it
    before it reads them (a file saved while it runs is then seen changed by the next)."""
    digest = hashlib.sha256()
    articles = content_dir / "articles"
    for root, folders, names in os.walk(content_dir):
        folders.sort()
        here = Path(root)
        for name in sorted(names):
            if here == articles and name.endswith(ARTICLE_SUFFIXES):
                continue
            path = here / name
            try:
                stat = os.stat(path)
            except OSError:
                stat = None
            # The change time too: a file rewritten with its size and modification time kept is seen changed.
            shown = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_mode) if stat else None
            digest.update(f"{path.relative_to(content_dir).as_posix()}\0{shown}\0".encode())
    return digest.hexdigest()


def theme_assets_fingerprint(custom_dir: str | None) -> str:
    """Every file of the theme's `custom_dir` by name, size, modification and change time: its templates are in
    the pages' context, but its assets (stylesheets, scripts, images) MkDocs copies into the site on every build,
    which the fast path does not do."""
    if not custom_dir:
        return ""
    digest = hashlib.sha256()
    for root, folders, names in os.walk(custom_dir):
        folders.sort()
        for name in sorted(names):
            path = Path(root, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            shown = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_mode)
            digest.update(f"{path.relative_to(custom_dir).as_posix()}\0{shown}\0".encode())
    return digest.hexdigest()


def changed_articles(content_dir: Path, state: EditState) -> list[str] | None:
    """The slugs of the articles whose files changed since `state`; None when articles came or went (or an
    article's name is not a plain `SLUG.md` with its `SLUG.yaml`)."""
    articles = content_dir / "articles"
    try:
        names = os.listdir(articles)
    except OSError:
        return None
    present = {name[:-3] for name in names if name.endswith(".md")}
    citations = {name.rsplit(".", 1)[0] for name in names if name.endswith((".yaml", ".yml"))}
    if present != set(state.articles) or citations != present:
        return None
    changed = []
    for slug, record in state.articles.items():
        paths = article_files(content_dir, slug)
        try:
            stats = tuple(file_stat(path) for path in paths)
            if stats != record.stats and article_digest(paths) != record.digest:
                changed.append(slug)
        except OSError:
            return None
    return changed


def article_record(checked: CheckedArticle, summary: str, shown: ArticleShown, content_dir: Path,
                   problems: Iterable[Problem], seen: Seen,
                   previous: ArticleRecord | None = None) -> ArticleRecord:  # fmt: skip
    """The record of the article as checked: its files' times and hash as the check read them (`seen`), not as
    they are now (a file saved since would be taken for what was built). A file the check did not record gets no
    digest: the next build checks the article again. Its sections are `previous`'s bytes when they are the same."""
    paths = article_files(content_dir, checked.article.slug)
    labels = tuple(_label(claimed) for claimed in checked.claims)
    read = [seen(path) for path in paths]
    stats: tuple[tuple[int, int, int, int], ...] = ()
    digest = ""
    if all(read):
        stats = tuple(found[0] for found in read if found)
        digest = _joined(found[1] for found in read if found)
    sections = shown_digest(shown)
    if previous is not None and previous.shown_digest == sections and previous.shown:
        stored = previous.shown
    else:
        stored = zlib.compress(pickle.dumps(shown, protocol=pickle.HIGHEST_PROTOCOL), 1)
    return ArticleRecord(checked.article.slug, stats, digest, summary, stored, labels, tuple(problems),
                         sections, outward_fields(checked.article))  # fmt: skip


def shown_digest(shown: ArticleShown) -> str:
    """A SHA-256 of everything `shown` holds (hashing the sections' 48 MB at 25,000 claim pages takes a tenth of
    the time pickling and compressing them does)."""
    digest = hashlib.sha256(repr(shown.same).encode())
    for path, html in shown.also_checked.items():
        digest.update(f"\0{len(path)}:{path}{len(html)}:".encode())
        digest.update(html.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _label(claimed: object) -> str:
    verdict = getattr(claimed, "verdict", None)
    if verdict:
        return str(verdict.label)
    return "correction" if claimed.claim.correction is not None else "unreviewed"  # type: ignore[attr-defined]


def same_for_claims(checked: CheckedArticle, also: Mapping[ClaimKey, ClaimGroup]) -> tuple[
        tuple[tuple[str, ...], int] | None, ...]:  # fmt: skip
    """Each claim's same claims in other articles as claims.json shows them."""
    found: list[tuple[tuple[str, ...], int] | None] = []
    for claimed in checked.claims:
        key = (checked.article.slug, claimed.claim.id)
        group = also.get(key)
        if group is None:
            found.append(None)
        else:
            others = tuple(views.claim_path(slug, claim_id) + "/" for slug, claim_id in group.others(key))
            found.append((others, group.count(key)))
    return tuple(found)


def problems_by_article(problems: Iterable[Problem], content_dir: Path,
                        slugs: Iterable[str]) -> tuple[dict[str, list[Problem]], list[Problem]]:  # fmt: skip
    """The problems located in each article's own files, and the others."""
    owner: dict[str, str] = {}
    for slug in slugs:
        for suffix in (*ARTICLE_SUFFIXES, ".yml"):
            owner[f"{content_dir.name}/articles/{slug}{suffix}"] = slug
    by_article: dict[str, list[Problem]] = {}
    rest: list[Problem] = []
    for problem in problems:
        found = owner.get(problem.location.path)
        if found is None:
            rest.append(problem)
        else:
            by_article.setdefault(found, []).append(problem)
    return by_article, rest


def sorted_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(problems, key=lambda p: (p.location.path, p.location.line, p.location.column, p.message)))


def build_state(context: str, project: Project, summaries: Sequence[str], also_checked: Mapping[str, str],
                also: Mapping[ClaimKey, ClaimGroup], spans: ItemSpans, nav_pages: Sequence[SitePage],
                newest: dt.date, search: str, seen: Seen, rest_files: str,
                previous: EditState | None = None) -> EditState:  # fmt: skip
    """The state of a full build: `summaries` in the order of `project.articles`; `seen`, the articles' files as
    the check read them; `rest_files`, the other content files' `rest_fingerprint` as the build started;
    `previous`, the last state saved for the site, whose articles' sections are reused where they are the same."""
    settings = project.settings
    content_dir = settings.content_dir
    slugs = [checked.article.slug for checked in project.articles]
    by_article, rest = problems_by_article(project.problems, content_dir, slugs)
    records = {}
    for checked, summary in zip(project.articles, summaries, strict=True):
        slug = checked.article.slug
        paths = [views.claim_path(slug, claimed.claim.id) for claimed in checked.claims]
        shown = ArticleShown({path: also_checked.get(path, "") for path in paths}, same_for_claims(checked, also))
        before = previous.articles.get(slug) if previous is not None else None
        records[slug] = article_record(checked, summary, shown, content_dir, by_article.get(slug, ()), seen, before)
    return EditState(context, rest_files, settings.fingerprint(), newest, tuple(nav_pages), records, spans,
                     tuple(rest), extra={"search": search})  # fmt: skip


def manifest_digest(path: Path) -> str:
    """A hash of the manifest file as saved: a state is good only for the manifest saved with it."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def record_state(path: Path, state: EditState, manifest_file: Path) -> None:
    """Save `state` for the manifest just saved at `manifest_file`."""
    state.extra["manifest"] = manifest_digest(manifest_file)
    save_state(path, state)
