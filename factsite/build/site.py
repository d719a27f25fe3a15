"""The build core: one object that checks the content, composes every generated page and makes the data files.

Every way of building runs it: the CLI's `check`, the MkDocs plugin (MkDocs and ProperDocs) and any other engine's
adapter. An adapter hands it `Settings` and `BuildOptions`, then asks, in order:

    build = SiteBuild(settings, BuildOptions(jobs=4, cache_dir=Path(".factsite-cache")))
    project = build.check()          # every article checked, with the site-wide publication problems
    if not project.errors:
        for page in build.pages():   # SitePage: a path, a title, an HTML body; the engine wraps it in the theme
            ...
        for path, data in build.data_files():   # claims.json, feeds, JSON-LD
            ...

Check results and composed article pages are cached on disk (`BuildOptions.cache_dir`) and, when an adapter keeps
`build.caches` for its next build (the live preview), in memory too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factsite.build.incremental.card_drawing import CardDrawing, CardStream
from factsite.build.incremental.check_cache import CHECK_PARALLEL_MINIMUM, PARALLEL_MINIMUM, CheckCache
from factsite.build.incremental.edit_state import SummaryCache, rest_fingerprint
from factsite.build.incremental.fingerprints import templates_fingerprint
from factsite.build.incremental.memory import return_freed_memory
from factsite.build.incremental.page_cache import PageCache, PublicationCache
from factsite.build.pipeline import article_paths, check_project
from factsite.build.progress import Progress
from factsite.model import CheckedArticle, Project
from factsite.render.data_files import ArticleData, FileData, ItemSpans, StoredFile, site_file_data, site_files
from factsite.render.pages import TEMPLATES_DIR, PageRenderer, SitePage, template_environment
from factsite.render.same_claims import BucketMatches, same_claims
from factsite.settings import Settings


@dataclass(frozen=True)
class BuildOptions:
    """How to build, as opposed to what (`Settings`): set once by whoever starts the build."""

    # Processes to check and compose with; `parallel_always` when the editor chose them (else processes start
    # only for builds large enough to repay them).
    jobs: int = 1
    parallel_always: bool = False
    progress: Progress = field(default_factory=Progress.silent, compare=False)
    # Where check results and composed pages are cached between builds; None: not on disk.
    cache_dir: Path | None = None
    # Factsite's own commands build in the engine's dirty mode: the adapter then renders only the pages that
    # changed, reusing the files of `previous_site` (None: the site directory itself, built in place).
    dirty: bool = False
    previous_site: Path | None = None
    # Whether the adapter may write only the changed files and publish them over `previous_site` with a journal
    # (`factsite.build.journal`) rather than a whole new site of links swapped in.
    overlay: bool = False
    # Whether the adapter indexes the site for search after the build (`build` and the preview index elsewhere).
    index_search: bool = True
    # Whether this is the process's only build (the `build` command): what only a later build in the same process
    # would reuse from memory is let go as soon as this one is done with it. False: kept (the live preview).
    once: bool = False

    @property
    def parallel_minimum(self) -> int:
        """Fewer articles to compose than this stay in this process (to check: `check_parallel_minimum`)."""
        return 2 if self.parallel_always else PARALLEL_MINIMUM

    @property
    def check_parallel_minimum(self) -> int:
        """Fewer articles to check than this stay in this process. Lower than for composing: the check forks
        after its first article (`CheckCache.prefetch`), so a child checks warm, about 40 ms an article of 20
        claims against a fork's 10 ms, while Harper's dictionary has already been waited for."""
        return 2 if self.parallel_always else CHECK_PARALLEL_MINIMUM


class BuildCaches:
    """What outlives one build: the check and page caches, and the compiled page templates."""

    def __init__(self, settings: Settings, cache_dir: Path | None) -> None:
        self.key = _caches_key(settings, cache_dir)
        self.checks = CheckCache(settings, cache_dir)
        self.pages = PageCache(cache_dir, templates_fingerprint(TEMPLATES_DIR))
        self.publication = PublicationCache(cache_dir)
        self.summaries = SummaryCache(cache_dir)
        self.templates = template_environment()

    @classmethod
    def reusable(cls, previous: BuildCaches | None, settings: Settings, cache_dir: Path | None) -> BuildCaches:
        """`previous` if it was made for the same settings and cache directory, else new caches."""
        if previous is not None and previous.key == _caches_key(settings, cache_dir):
            return previous
        return cls(settings, cache_dir)


def _caches_key(settings: Settings, cache_dir: Path | None) -> str:
    return settings.fingerprint() + str(cache_dir)


class SiteBuild:
    """One build of one site: `check`, then `pages`, then `data_files`."""

    def __init__(self, settings: Settings, options: BuildOptions | None = None,
                 caches: BuildCaches | None = None) -> None:  # fmt: skip
        self.settings = settings
        self.options = options or BuildOptions()
        self.caches = BuildCaches.reusable(caches, settings, self.options.cache_dir)
        self.project: Project | None = None
        # Each article's items of the data files, made with its pages.
        self.article_data: list[ArticleData] | None = None
        # The newest review date of the content: the date of every page that is not one article's.
        self.newest = dt.date(2000, 1, 1)
        # What the next build's early cut-off needs (`factsite.build.incremental.edit_state`): each article's
        # outward summary, in the project's order, the renderer (its "Also checked in" sections) and where each
        # article's items are in the data files.
        self.summaries: list[str] = []
        self.renderer: PageRenderer | None = None
        self.spans = ItemSpans()
        # The content's other files as the check started (`rest_fingerprint`), for the early cut-off.
        self.rest = ""
        # The social cards being drawn in another process while the pages are composed and rendered.
        self._drawing: CardDrawing | None = None

    def check(self) -> Project:
        """Every article checked (cached ones reused), with the problems that need the whole site last."""
        checks, progress = self.caches.checks, self.options.progress
        self.rest = rest_fingerprint(self.settings.content_dir)
        pairs = article_paths(self.settings.content_dir)[0]
        progress.stage("checking", len(pairs), "articles")
        checks.on_article = progress.advance
        forked = checks.prefetch(pairs, self.options.jobs, minimum=self.options.check_parallel_minimum)
        stream = self._card_stream(forked)
        # Each article checked here handed to the drawing of the cards as soon as its claims are checked (not one
        # found in the cache: that article's pages, cards included, are likely cached too).
        checks.on_claims = stream.add if stream is not None else None
        try:
            # Publication problems (checklist, structured data) need the whole site, so they come last.
            self.project = self.caches.publication.with_problems(
                check_project(self.settings, checks.check), checks.article_keys
            )
        finally:
            checks.on_claims = None
            self._drawing = stream.drawing() if stream is not None else None
        if self._drawing is not None and self.project.errors:  # nothing will be built: the cards are not needed
            self._drawing.stop()
            self._drawing = None
        checks.finish()
        return self.project

    def _card_stream(self, checked_elsewhere: int) -> CardStream | None:
        """The cards drawn in another process as the articles are checked (`card_drawing.CardStream`): where they
        would be drawn apart once the content is checked (`_draw_cards_apart`), and the check runs here, one
        article after another (checked in shares, both processors are busy already)."""
        if checked_elsewhere or not self.options.once or self.options.jobs < 2 or self.settings.social_cards == "off":
            return None
        return CardStream(self.settings)

    def pages(self) -> Iterator[SitePage]:
        """Every generated page; the content must have been checked without errors."""
        project = self.project
        assert project is not None and not project.errors, "check() first, and only build content without errors"
        renders, keys = self.caches.pages, self.caches.checks.article_keys
        renderer = PageRenderer(project, self.caches.templates, renders.sections, renders.listings)
        self.newest = renderer.newest
        self.options.progress.stage("composing", len(project.articles), "articles")
        renders.on_article = self.options.progress.advance
        # The same claims in other articles, found here with the last build's pairs of unchanged buckets: the
        # claim pages and the data files ask again for the claims of this project, and get this answer.
        matches = self.caches.pages.matches.matches()

        def also_checked_ahead() -> None:
            # While forked workers compose their shares: the claim pages' "Also checked in" sections need the
            # checked claims only, and this process would otherwise make them after, the other processor idle.
            same_claims(project.claims, self.settings, matches)
            renderer.also_checked_ahead()

        renders.prefetch(renderer.article_pages, project.articles, keys, self.options.jobs,
                         minimum=self.options.parallel_minimum, meanwhile=also_checked_ahead)  # fmt: skip
        self._drawing = self._draw_cards_apart(renders.lacking(project.articles, keys))
        renderer.cards = self._drawing is None
        cached = renders.rendering(renderer.article_pages, keys, keep=not self.options.once,
                                   store=self._drawing is None)  # fmt: skip
        parts = [cached(checked) for checked in project.articles]
        self.article_data = [part.data for part in parts]
        summaries = self.caches.summaries
        self.summaries = [summaries.summary(renders.key(checked, keys), part, checked, project)
                          for part, checked in zip(parts, project.articles, strict=True)]  # fmt: skip
        summaries.save()
        self.renderer = renderer
        same_claims(project.claims, self.settings, matches)
        return self._saving_sections(renderer.assemble(parts), matches)

    def _draw_cards_apart(self, lacking: list[CheckedArticle] | None) -> CardDrawing | None:
        """The cards of the articles to compose, drawn in another process (`card_drawing`): with a second
        processor, when composing does not fork its own workers (which draw their articles' cards), in a build
        that runs once (the live preview reads `article_data` as composed, and writes its data files itself).
        The drawing started during the check serves if it was handed every article to compose; else it stops."""
        streamed, self._drawing = self._drawing, None
        wanted = (lacking and self.options.once and self.options.jobs >= 2
                  and len(lacking) < self.options.parallel_minimum)  # fmt: skip
        if streamed is not None:
            if wanted and lacking and {checked.article.slug for checked in lacking} <= streamed.slugs():
                return streamed
            streamed.stop()
        if not wanted or not lacking:
            return None
        return CardDrawing.start(lacking, self.settings)

    def _join_cards(self) -> None:
        """The cards drawn apart, in the articles' data and their cache entries."""
        drawing, self._drawing = self._drawing, None
        if drawing is None or self.project is None or self.article_data is None:
            return
        stored = self.caches.pages.store_with_cards(drawing.result())
        self.article_data = [
            stored[checked.article.slug].data if checked.article.slug in stored else data
            for checked, data in zip(self.project.articles, self.article_data, strict=True)
        ]

    def _saving_sections(self, pages: Iterator[SitePage], matches: BucketMatches) -> Iterator[SitePage]:
        yield from pages
        self.caches.pages.sections.save()  # once every page was composed: the sections the site shows now
        self.caches.pages.listings.save()
        self.caches.pages.matches.save(matches)
        if self.options.once:
            return_freed_memory()  # the articles' composed parts, let go as their pages were assembled

    def data_files(self) -> Iterator[tuple[str, bytes]]:
        """The site's data files (claims.json, feeds, JSON-LD) as (path in the site, bytes)."""
        assert self.project is not None, "check() first"
        self._join_cards()
        return site_files(self.project, self.article_data, self.read_stored)

    def data_file_data(self) -> Iterator[tuple[str, FileData]]:
        """`data_files`, with the cards the page cache keeps apart unread (`StoredFile`, their digest known):
        a writer finding them published already links them (`factsite.build.write.DataFileWriter`)."""
        assert self.project is not None, "check() first"
        self._join_cards()
        return site_file_data(self.project, self.article_data, self.spans)

    def read_stored(self, card: StoredFile) -> bytes:
        return self.caches.pages.read_card(card)
