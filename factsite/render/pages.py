"""The generated pages of a site: index, articles, one page per claim, sources, methodology, corrections.

Each page body is rendered here from a Jinja2 template in `templates/pages/`; the site adapter (MkDocs) only
wraps the body in the theme. Bodies depend on nothing but the project, so they can be cached and reused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import posixpath
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, partial
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar

import jinja2
from markupsafe import Markup, escape

from factsite.checks.figures import display_number
from factsite.model import Article, CheckedArticle, CheckedClaim, ClaimKind, Project, Source
from factsite.render import evidence, views
from factsite.render.cards import card_path
from factsite.render.claimants import Claimant, Claimants, claimant_path
from factsite.render.data_files import ArticleData, article_data
from factsite.render.explanations import Explainer, Explanation
from factsite.render.feeds import updated
from factsite.render.markdown_render import MarkdownRenderer
from factsite.render.messages import N_, Messages
from factsite.render.same_claims import ClaimGroup, ClaimKey, same_claims
from factsite.render.structured_data import claim_review_script
from factsite.settings import Trust

# An installed wheel carries the templates in the package; a checkout (and an editable install) at its top.
_PACKAGED_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
TEMPLATES_DIR = (
    _PACKAGED_TEMPLATES if _PACKAGED_TEMPLATES.is_dir() else Path(__file__).resolve().parents[2] / "templates"
)
T = TypeVar("T")
# Pages after the first of a listing sit one folder deeper (`page/2`, `sources/page/3`), where every link
# of an entry is the same whichever the number: entries are rendered once for the first page and once for
# all the later ones.
LATER_INDEX_PAGE = "page/2"
LATER_SOURCES_PAGE = "sources/page/2"
# Where a claim page shows the same claim checked in other articles (filled in by `assemble`).
ALSO_CHECKED_SLOT = "<!--factsite:also-checked-->"


class _Linked(NamedTuple):
    """A claim an "Also checked in" section links to, its article, and a text naming what the section shows."""

    link: views.ClaimLink
    article: Article
    shown: str


class SectionStore(Protocol):
    """Rendered "Also checked in" sections by a key naming everything they show (see `PageRenderer`)."""

    def get(self, key: str) -> str | None: ...

    def put(self, key: str, html: str) -> None: ...


# How a claimant stands to a claim: the outlet that published it, or the one it quotes.
ROLES = ("published", "quoted")


@cache
def compiled_templates() -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates, for factsite's templates and the theme's.

    Kept between runs as Python keeps compiled modules, in Jinja's folder of the user's own in the
    temporary directory: a template is compiled again whenever its source changes (Jinja compares a hash of
    it) or Python's version does. Compiling them is about 0.15 s of every build otherwise, a tenth of a
    small one. It holds code only, never content.
    """
    try:
        return _CompiledTemplates()
    except (OSError, RuntimeError):  # no private temporary folder: compile every time
        return None


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, each kept apart for every set of the environment's settings that change
    the code Jinja makes (Jinja's own key is the template's name and file alone): the cache is shared by every
    environment of every project of the user, and code compiled without autoescaping must never run where it is on."""

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:  # fmt: skip
        return super().get_bucket(environment, f"{name}\x00{_code_settings(environment)}", filename, source)


def _code_settings(environment: jinja2.Environment) -> str:
    """What of `environment` Jinja compiles into a template's code: its syntax and whitespace settings, autoescaping,
    `finalize`, its extensions and which of its filters and tests take the context (Jinja passes it as it compiles)."""

    def takes(function: object) -> str | None:
        passed = getattr(function, "jinja_pass_arg", None)
        return None if passed is None else str(getattr(passed, "name", passed))

    autoescape, finalize = environment.autoescape, environment.finalize
    return repr((
        environment.block_start_string, environment.block_end_string, environment.variable_start_string,
        environment.variable_end_string, environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix, environment.trim_blocks,
        environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
        environment.optimized, environment.is_async, autoescape if isinstance(autoescape, bool) else "chosen per name",
        finalize is not None, takes(finalize), sorted(environment.extensions),
        f"{environment.code_generator_class.__module__}.{environment.code_generator_class.__qualname__}",
        sorted((name, takes(function)) for name, function in environment.filters.items() if takes(function)),
        sorted((name, takes(function)) for name, function in environment.tests.items() if takes(function)),
    ))  # fmt: skip


class _Environment(jinja2.Environment):
    """Jinja's environment, each template's globals a plain dict of the environment's as the template is loaded.

    Jinja chains them (a `ChainMap` over the environment's globals), and every render and include copies them into
    its context: through a `ChainMap`, in Python, about 8 of a bare render's 12 microseconds, and a build renders
    tens of thousands. Jinja asks that globals not change once templates are loaded; factsite's are all set in
    `template_environment`, before any is.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


def template_environment(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    environment = _Environment(
        loader=jinja2.FileSystemLoader(templates_dir / "pages"),
        bytecode_cache=compiled_templates(),
        # A build reads each template once: Jinja would otherwise look at its file's time again before each of
        # the tens of thousands of renders and includes (a build's templates are fixed as it starts: the page
        # cache is keyed by their fingerprint then).
        auto_reload=False,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # factsite's words in the page's language: `{% trans %}` and `_()` read the `gettext` and `ngettext`
        # each render is given (factsite.render.messages); English when it is given none.
        extensions=["jinja2.ext.i18n"],
    )
    environment.newstyle_gettext = True  # type: ignore[attr-defined]
    environment.globals.update(Messages("en").template_globals())
    environment.filters["readable_date"] = views.readable_date
    environment.filters["long_date"] = views.long_date
    # The article's language on the elements that hold its words (docs/languages.md).
    environment.filters["html_lang"] = views.html_lang
    environment.filters["text_direction"] = views.text_direction
    environment.globals["partial"] = _partials()
    environment.globals["language_of"] = _language_of
    environment.globals["in_english"] = _in_english
    environment.globals["explanation"] = _explanation
    environment.globals["check_words"] = _check_words
    environment.globals["notation_words"] = _notation_words
    environment.globals["quantity_words"] = _quantity_words
    # A number as the article's locale writes it: never an exponent, never Python's repr.
    environment.filters["figure_number"] = display_number
    environment.filters["with_titles"] = evidence.with_titles
    environment.filters["status_words"] = evidence.status_words
    environment.globals["date_evidence"] = evidence.date_evidence
    environment.globals["figure_evidence"] = evidence.figure_evidence
    environment.globals["side_by_side"] = evidence.side_by_side
    environment.globals["passage_view"] = evidence.passage_view
    return environment


# Partials kept by `partial` in one environment; past this many, it starts afresh (a live preview runs for hours).
PARTIALS_KEPT = 50_000


def _partials() -> Callable[..., Markup]:
    """The templates' `partial`: `{{ partial("_verdict.html", verdict=claim.verdict) }}` is the template rendered
    with those values and the page's language alone, once for the same values and language, then reused, as
    Hugo's `partialCached` is. An `{% include %}` renders again on every page, with a copy of all the page's
    variables: a verdict badge was included about eight times for each claim page composed (the page's, its
    article's scorecard, its claimant's and sources' listings, "Also checked in"). A partial sees its values,
    `page_locale` and the language's words (`gettext`, `translate`, `number`), never the page's other variables
    nor `link`: what it shows cannot depend on the page that shows it."""
    rendered: dict[tuple[object, ...], Markup] = {}

    @jinja2.pass_context
    def partial(context: jinja2.runtime.Context, name: str, /, **values: object) -> Markup:
        locale = str(context.get("page_locale", "en"))
        # With each value's type: Markup and text of the same characters are equal, and so are True and 1.
        key = (name, locale, *sorted((field, type(value), value) for field, value in values.items()))
        try:
            found = rendered.get(key)
        except TypeError:  # a value with no hash (a list): rendered every time
            return _render_partial(context.environment, name, locale, values)
        if found is None:
            if len(rendered) >= PARTIALS_KEPT:
                rendered.clear()
            found = rendered[key] = _render_partial(context.environment, name, locale, values)
        return found

    return partial


def _render_partial(environment: jinja2.Environment, name: str, locale: str, values: Mapping[str, object]) -> Markup:
    template = environment.get_template(name)
    return Markup(template.render(page_locale=locale, **Messages(locale).template_globals(), **values))


@jinja2.pass_context
def _language_of(context: jinja2.runtime.Context, locale: str) -> Markup:
    """` lang=".." dir=".."` for words in `locale` (an article's title, its summary) on a page written in another
    language; nothing on a page in the same one, whose `<html lang>` already says it."""
    page_locale = str(context.get("page_locale", "en"))
    if views.same_language(locale, page_locale):
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(views.html_lang(locale), views.text_direction(locale))


@jinja2.pass_context
def _in_english(context: jinja2.runtime.Context, text: str) -> Markup:
    """Words the checks write in English (a rule, a notation, a note): marked as English on a page in another
    language, so that they are read and laid out as English inside a right-to-left line."""
    attributes = _language_of(context, "en")
    return Markup("<span{}>{}</span>").format(attributes, text) if attributes else escape(text)


@jinja2.pass_context
def _explanation(
    context: jinja2.runtime.Context, result: Any, titles: Mapping[str, str], published: dt.date
) -> Explanation:
    """A check's summary and findings in the page's language (factsite.render.explanations)."""
    return Explainer(str(context.get("page_locale", "en"))).explain(result, titles, published)


def _english_unless(context: jinja2.runtime.Context, text: str, build: Callable[[Explainer], Markup | None]) -> Markup:
    explainer = Explainer(str(context.get("page_locale", "en")))
    translated = None if explainer.english else build(explainer)
    return translated if translated is not None else _in_english(context, text)


@jinja2.pass_context
def _check_words(context: jinja2.runtime.Context, text: str) -> Markup:
    """A check's label (a date's rule, an edit's kind, a diff note) in the page's language; English, marked
    so, where it has no translation."""
    return _english_unless(context, text, lambda explainer: explainer.phrase(text))


@jinja2.pass_context
def _notation_words(context: jinja2.runtime.Context, reading: Any) -> Markup:
    return _english_unless(context, reading.notation_label, lambda explainer: explainer.notation(reading))


@jinja2.pass_context
def _quantity_words(context: jinja2.runtime.Context, comparison: Any) -> Markup:
    return _english_unless(context, comparison.quantity_label, lambda explainer: explainer.quantity(comparison))


@dataclass(frozen=True)
class SitePage:
    """One generated page: where it goes, what it shows, and what describes it to other systems."""

    path: str
    title: str
    description: str
    date: dt.date
    body_html: str
    kind: str
    structured_data: str = ""
    # The language the page is written in: its article's locale, or the site's for site-wide pages.
    locale: str = "en"
    # Paths of the pages this one depends on for prev/next links and tallies (for incremental builds).
    meta: dict[str, str] = field(default_factory=dict)
    # Its number in a listing split over several pages (the index, the sources page); 1 otherwise.
    number: int = 1
    # The site-relative path of its social card image, if it has one.
    image: str = ""

    @property
    def src_uri(self) -> str:
        return f"{self.path}/index.md" if self.path else "index.md"

    @cached_property
    def digest(self) -> str:
        """A hash of everything the page shows: pages with equal digests render alike."""
        fields = (self.path, self.title, self.description, self.date.isoformat(), self.kind, self.structured_data,
                  self.locale, *sorted(self.meta.items()), self.image, self.body_html)  # fmt: skip
        return hashlib.sha256("\0".join(map(str, fields)).encode()).hexdigest()


# Pages listed on each side of the current one in a listing's page list (`Pagination.window`).
PAGE_LIST_NEIGHBOURS = 2


@dataclass(frozen=True)
class Pagination:
    """Where a page stands in a listing split over several pages: its number and every page's path."""

    number: int
    paths: tuple[str, ...]
    # How many items come before this page's first one, and in the whole listing.
    offset: int
    total: int

    @property
    def previous(self) -> str | None:
        return self.paths[self.number - 2] if self.number > 1 else None

    @property
    def following(self) -> str | None:
        return self.paths[self.number] if self.number < len(self.paths) else None

    @property
    def window(self) -> tuple[int | None, ...]:
        """The page numbers the page list shows, in order, `None` for a gap: the first and the last page, and
        this one with `PAGE_LIST_NEIGHBOURS` on each side, as Hugo's and Material's blog plugin's paginators
        show them. A listing of hundreds of pages (an outlet's claims) would otherwise list every page on each
        of them: work and bytes growing with the square of its length. A gap of one page shows that page: an
        ellipsis would take its place for nothing."""
        last = len(self.paths)
        near = range(max(1, self.number - PAGE_LIST_NEIGHBOURS), min(last, self.number + PAGE_LIST_NEIGHBOURS) + 1)
        shown = sorted({1, last, *near})
        window: list[int | None] = []
        for before, number in itertools.pairwise([0, *shown]):
            if number - before == 2:
                window.append(before + 1)
            elif number - before > 2:
                window.append(None)
            window.append(number)
        return tuple(window)


def paginate(items: Sequence[T], per_page: int, first_path: str) -> list[tuple[Sequence[T], Pagination]]:
    """`items` in pages of `per_page` (all on one when it is 0): the first at `first_path`, the next ones
    at `first_path/page/2`, `first_path/page/3`, ... as blogs and Material's blog plugin number them."""
    size = per_page if per_page > 0 else max(len(items), 1)
    chunks = [items[start : start + size] for start in range(0, len(items), size)] or [items]
    paths = tuple(
        first_path if number == 1 else posixpath.join(first_path, "page", str(number))
        for number in range(1, len(chunks) + 1)
    )
    return [
        (chunk, Pagination(number, paths, (number - 1) * size, len(items)))
        for number, chunk in enumerate(chunks, start=1)
    ]


@dataclass(frozen=True)
class ArticleHeading:
    """What the index and corrections pages show of an article, without its text."""

    slug: str
    title: str
    outlet: str
    published: dt.date
    reviewed: dt.date
    reviewer: str
    locale: str = "en"


@dataclass(frozen=True)
class IndexEntry:
    article: ArticleHeading
    path: str
    summary_html: str
    tally: tuple[views.TallyEntry, ...]
    rating: views.ArticleRating
    # The entry as the index shows it, rendered with the article so large indexes only join them: on its
    # first page, and on the later ones.
    html: str = ""
    later_html: str = ""


@dataclass(frozen=True)
class SourceEntry:
    """A source on the sources page with the claims citing it, rendered with their article."""

    view: views.SourceView
    # Rendered with the article, for the first sources page and for the later ones.
    description_html: str
    claim_items: tuple[str, ...]
    later_description_html: str
    later_claim_items: tuple[str, ...]


@dataclass(frozen=True)
class CorrectionEntry:
    article: ArticleHeading
    path: str
    correction: views.CorrectionView


@dataclass(frozen=True)
class ClaimantItem:
    """A claim on its claimant's page: the claimant, how it stands to the claim (`role`: "published" by an
    outlet, or "quoted"), the verdict, and the list item rendered with the article."""

    path: str
    name: str
    type: str
    role: str
    verdict: views.VerdictView
    html: str
    # The item as the claimant's later pages (`<path>/page/N`, two folders deeper) show it.
    later_html: str = ""


@dataclass(frozen=True)
class ClaimantGroup:
    """What a claimant page shows in one role: the counts by verdict over all its claims in that role, most
    severe first, and the claims on this page (none when they are all on the claimant's other pages)."""

    role: str
    tally: tuple[views.TallyEntry, ...]
    items: tuple[str, ...]


@dataclass(frozen=True)
class ArticlePages:
    """Everything rendered from one article: its own pages, then its share of the site-wide pages.

    A function of the checked article, the settings and the templates only: a cache can keep it per
    article, and the site-wide pages are assembled from the parts without rendering articles again.
    """

    slug: str
    pages: tuple[SitePage, ...]
    index_entry: IndexEntry
    sources: tuple[SourceEntry, ...]
    corrections: tuple[CorrectionEntry, ...]
    data: ArticleData  # its items of the data files
    claimants: tuple[ClaimantItem, ...] = ()


ArticleRendering = Callable[[CheckedArticle], ArticlePages]


class PageRenderer:
    def __init__(self, project: Project, environment: jinja2.Environment | None = None,
                 sections: SectionStore | None = None, listings: SectionStore | None = None) -> None:  # fmt: skip
        self.project = project
        # Where "Also checked in" sections rendered by earlier builds are kept: a section is rendered again only
        # when what it shows changed (None: rendered every time).
        self.sections = sections
        # The same for the bodies of the site-wide listings (index, sources, corrections, claimants): after a
        # one-article edit nearly all of them show what they showed, and rendering them again was the largest
        # part of composing at 25,000 claims.
        self.listings = listings
        # Each claim page's "Also checked in" section as `assemble` composed it, by page path: a build keeps them
        # for the next one's early cut-off (`factsite.build.incremental.edit_state`).
        self.also_checked: dict[str, str] = {}
        # Sections made before `assemble` asks for them (`also_checked_ahead`), by page path.
        self._ahead: dict[str, str] = {}
        # Whether `article_pages` draws the social cards (the edit's fast path knows they are unchanged).
        self.cards = True
        self.settings = project.settings
        self._settings_fingerprint: str | None = None
        self.environment = environment or template_environment()
        self.markdown = MarkdownRenderer()
        self.claimants = Claimants(self.settings)
        self.newest = max((a.article.reviewed for a in project.articles), default=dt.date(2000, 1, 1))
        # Site-wide pages (the index, sources, methodology...) are written in the site's language, an
        # article's pages in the article's.
        self.site_locale = self.settings.locale
        self.site_messages = Messages(self.site_locale)

    def render(self, template: str, here: str, locale: str, **context: object) -> str:
        """`template` for the page at `here`, in the language of `locale` (its words, dates and numbers)."""
        return self.environment.get_template(template).render(
            link=partial(views.relative_url, here), here=here, settings=self.settings, page_locale=locale,
            **Messages(locale).template_globals(), **context,
        )  # fmt: skip

    def render_listing(self, template: str, here: str, locale: str, **context: object) -> str:
        """`render` for a page of a site-wide listing, reused from `listings` when everything it is given is the
        same: its key is the representation of the whole context (frozen dataclasses, strings, numbers, dates)
        with the settings (the templates, catalogs and code are the store's own key)."""
        if self.listings is None:
            return self.render(template, here, locale, **context)
        if self._settings_fingerprint is None:
            self._settings_fingerprint = self.settings.fingerprint()
        shown = repr((template, here, locale, sorted(context.items())))
        if " at 0x" in shown:  # an object shown by its address, not its value: nothing to key it by
            return self.render(template, here, locale, **context)
        key = hashlib.sha256(f"{self._settings_fingerprint}\0{shown}".encode()).hexdigest()
        body = self.listings.get(key)
        if body is None:
            body = self.render(template, here, locale, **context)
            self.listings.put(key, body)
        return body

    def pages(self, render_article: ArticleRendering | None = None) -> Iterator[SitePage]:
        """Every page in site order; `render_article` may be a cache in front of `article_pages`."""
        render = render_article or self.article_pages
        return self.assemble([render(checked) for checked in self.project.articles])

    def assemble(self, parts: Sequence[ArticlePages]) -> Iterator[SitePage]:
        """Every page in site order, from each article's parts (in the order of the project's articles)."""
        yield from self.index_pages(parts)
        also = same_claims(self.project.claims, self.settings)
        by_key = {(c.article.slug, c.claim.id): c for c in self.project.claims} if also else {}
        linked: dict[ClaimKey, _Linked] = {}  # each linked claim's, made once: a claim is linked from several pages
        for part in parts:
            for page in part.pages:
                if page.kind == "claim":
                    page = self._with_also_checked(page, part.slug, also, by_key, linked)
                yield page
        yield from self.sources_pages(parts)
        yield self.methodology_page()
        yield self.corrections_page(parts)
        yield from self.claimant_pages(parts)
        yield from self.trust_pages()

    def article_pages(self, checked: CheckedArticle) -> ArticlePages:
        """An article's pages and its share of the site-wide pages; depends on that article only."""
        article = checked.article
        heading = ArticleHeading(article.slug, article.title, article.outlet, article.published,
                                 article.reviewed, article.reviewer, article.locale)  # fmt: skip
        path = views.article_path(article.slug)
        index_entry = IndexEntry(heading, path, self.markdown.render_note(article.summary),
                                 views.tally(checked.claims, self.settings),
                                 views.article_rating(checked.claims, article, self.settings))  # fmt: skip
        site = self.site_locale
        index_entry = replace(
            index_entry,
            html=self.render("_index_entry.html", "", site, entry=index_entry),
            later_html=self.render("_index_entry.html", LATER_INDEX_PAGE, site, entry=index_entry),
        )
        sources = tuple(self._source_entry(source, checked) for source in article.sources)
        corrections = tuple(
            CorrectionEntry(heading, path, views.correction_view(correction, self.markdown, site))
            for correction in article.corrections
        )
        pages = (self.article_page(checked), *self.claim_pages(checked))
        data = article_data(checked, self.settings, cards=self.cards)
        claimants = tuple(item for claimed in checked.claims for item in self._claimant_items(claimed))
        return ArticlePages(article.slug, pages, index_entry, sources, corrections, data, claimants)

    def _with_also_checked(
        self,
        page: SitePage,
        slug: str,
        also: dict[ClaimKey, ClaimGroup],
        by_key: dict[ClaimKey, CheckedClaim],
        linked: dict[ClaimKey, _Linked],
    ) -> SitePage:
        """The claim page with its links to the same claim in other articles, which only the whole site knows:
        added here, so that an article's own pages stay a function of that article. At most `SHOWN` of them,
        the most recent first, then the number of the others."""
        html = self._ahead.pop(page.path, None)
        if html is None:
            key = (slug, page.path.rsplit("/", 1)[-1])
            html = self._also_checked_section(key, page.path, page.locale, also, by_key, linked)
        self.also_checked[page.path] = html
        return replace(page, body_html=page.body_html.replace(ALSO_CHECKED_SLOT, html, 1))

    def also_checked_ahead(self) -> None:
        """Make every claim page's "Also checked in" section now, for `assemble` to take: they need the checked
        claims only, not the articles' composed parts, so a build makes them while forked workers compose their
        shares (`factsite.build.site.SiteBuild.pages`) rather than after, on one processor."""
        also = same_claims(self.project.claims, self.settings)
        if not also:
            return
        by_key = {(c.article.slug, c.claim.id): c for c in self.project.claims}
        linked: dict[ClaimKey, _Linked] = {}
        for claimed in self.project.claims:
            article = claimed.article
            key = (article.slug, claimed.claim.id)
            path = views.claim_path(article.slug, claimed.claim.id)
            self._ahead[path] = self._also_checked_section(key, path, article.locale, also, by_key, linked)

    def _also_checked_section(self, key: ClaimKey, path: str, locale: str, also: dict[ClaimKey, ClaimGroup],
                              by_key: dict[ClaimKey, CheckedClaim],
                              linked: dict[ClaimKey, _Linked]) -> str:  # fmt: skip
        group = also.get(key)
        if group is None:
            return ""
        shown = [self._linked(other, by_key, linked) for other in group.others(key)]
        more = group.count(key) - len(shown)
        # The claimant's page lists every claim of theirs, this one's other checks among them.
        claimant = group.claimant if more else None
        return self._also_checked_html(path, locale, shown, more, claimant)

    def _linked(self, key: ClaimKey, by_key: dict[ClaimKey, CheckedClaim], known: dict[ClaimKey, _Linked]) -> _Linked:
        found = known.get(key)
        if found is None:
            claimed = by_key[key]
            link, article = views.claim_link(claimed, self.settings), claimed.article
            # Everything the section shows of it: the claim, and its article's title, outlet, date and language.
            shown = repr((link, article.title, article.outlet, article.published, article.locale))
            found = known[key] = _Linked(link, article, shown)
        return found

    def _also_checked_html(self, path: str, locale: str, links: list[_Linked], more: int,
                           claimant: Claimant | None) -> str:  # fmt: skip
        # The key names everything the section shows: the page's place and language, the linked claims, the
        # number of the others and where they are listed (the templates and settings are the section store's
        # own key).
        listed_at = claimant_path(claimant) if claimant else None
        listed = repr((more, claimant, listed_at))
        shown = "\0".join((path, locale, *(linked.shown for linked in links), listed))
        key = hashlib.sha256(shown.encode()).hexdigest()
        html = self.sections.get(key) if self.sections is not None else None
        if html is None:
            pairs = [(linked.link, linked.article) for linked in links]
            html = self.render("_also_checked.html", path, locale, links=pairs, more=more,
                               claimant=claimant, claimant_path=listed_at)  # fmt: skip
            if self.sections is not None:
                self.sections.put(key, html)
        return html

    def claim_claimants(self, claimed: CheckedClaim) -> list[tuple[str, Claimant]]:
        """Who stands behind a claim: the outlet that published it, and for a quotation the one quoted."""
        found = [("published", self.claimants.named(claimed.article.outlet, outlet=True))]
        if claimed.claim.kind is ClaimKind.QUOTE and claimed.claim.speaker:
            found.append(("quoted", self.claimants.named(claimed.claim.speaker, claimed.claim.speaker_type)))
        return found

    def _claimant_items(self, claimed: CheckedClaim) -> Iterator[ClaimantItem]:
        if claimed.claim.kind is ClaimKind.TYPO:
            return  # a copy error is the outlet's slip, not a statement anyone made
        link = views.claim_link(claimed, self.settings)
        article_path = views.article_path(claimed.article.slug)
        # The item links only to the claim and its article, outside `claimants/`: its links, and so the item, are
        # the same on every page as deep as another, and every claimant's page is as deep as the others. Rendered
        # once for the outlet and the person quoted, by the way up to the root from the page.
        rendered: dict[str, tuple[str, str]] = {}
        for role, claimant in self.claim_claimants(claimed):
            here = claimant_path(claimant)
            up = views.relative_url(here, "")
            if up not in rendered:
                html, later_html = (
                    self.render("_claimant_claim.html", page, self.site_locale, claim=link,
                                article=claimed.article, article_path=article_path)
                    for page in (here, posixpath.join(here, "page", "2"))
                )  # fmt: skip
                rendered[up] = (html, later_html)
            yield ClaimantItem(here, claimant.name, claimant.type, role, link.verdict, *rendered[up])

    def _source_entry(self, source: Source, checked: CheckedArticle) -> SourceEntry:
        site = self.site_locale
        view = views.source_view(source, self.markdown, site)
        citing = [views.claim_link(c, self.settings) for c in checked.claims if source.id in c.claim.sources]
        return SourceEntry(
            view,
            self.render("_source.html", "sources", site, view=view, level=4),
            tuple(self.render("_source_claim.html", "sources", site, claim=link) for link in citing),
            self.render("_source.html", LATER_SOURCES_PAGE, site, view=view, level=4),
            tuple(self.render("_source_claim.html", LATER_SOURCES_PAGE, site, claim=link) for link in citing),
        )

    def index_pages(self, parts: Sequence[ArticlePages]) -> Iterator[SitePage]:
        entries = [part.index_entry for part in parts]
        intro = self.settings.content_dir / "index.md"
        intro_html = self.markdown.render_note(intro.read_text("utf-8")) if intro.is_file() else ""
        # The theme prints the site name beside every title: the home page names what it lists.
        site, messages = self.site_locale, self.site_messages
        title = messages.gettext("Fact-checks")
        description = messages.ngettext("%(num)s fact-checked article", "%(num)s fact-checked articles", len(entries))
        for chunk, pagination in paginate(entries, self.settings.per_page, ""):
            here = pagination.paths[pagination.number - 1]
            if pagination.number > 1:
                chunk = [replace(entry, html=entry.later_html) for entry in chunk]
            body = self.render_listing("index.html", here, site, entries=chunk, intro_html=intro_html,
                                       pagination=pagination)  # fmt: skip
            yield SitePage(here, _numbered(title, pagination, messages), description, self.newest, body, "index",
                           locale=site, number=pagination.number)  # fmt: skip

    def article_page(self, checked: CheckedArticle) -> SitePage:
        article = checked.article
        here = views.article_path(article.slug)
        body = self.render(
            "article.html",
            here,
            article.locale,
            article=article,
            body_html=checked.body_html,
            summary_html=self.markdown.render_note(article.summary),
            rating=views.article_rating(checked.claims, article, self.settings),
            tally=views.tally(checked.claims, self.settings),
            claims=views.by_severity([views.claim_link(c, self.settings) for c in checked.claims], self.settings),
            sources=[views.source_view(s, self.markdown, article.locale) for s in article.sources],
            corrections=self._corrections(checked),
        )
        title = Messages(article.locale).gettext("Fact-check: %(title)s", title=article.title)
        return SitePage(here, title, _plain(article.summary), updated(checked), body, "article",
                        locale=article.locale, image=self._card(here))  # fmt: skip

    def claim_pages(self, checked: CheckedArticle) -> Iterator[SitePage]:
        claims = checked.claims
        corrections = self._corrections(checked)
        for index, claimed in enumerate(claims):
            previous = claims[index - 1] if index > 0 else None
            following = claims[index + 1] if index + 1 < len(claims) else None
            yield self.claim_page(claimed, previous, following, corrections, updated(checked))

    def claim_page(self, claimed: CheckedClaim, previous: CheckedClaim | None,
                   following: CheckedClaim | None, corrections: list[views.CorrectionView],
                   date: dt.date) -> SitePage:  # fmt: skip
        article, claim, mark = claimed.article, claimed.claim, claimed.mark
        here = views.claim_path(article.slug, claim.id)
        before, _, after = mark.sentence.partition(mark.text.strip()) if mark.text.strip() in mark.sentence \
            else (mark.sentence, "", "")  # fmt: skip
        verdict = views.verdict_view(claimed, self.settings)
        body = self.render(
            "claim.html",
            here,
            article.locale,
            article=article,
            article_path=views.article_path(article.slug),
            claim=claim,
            mark=mark,
            title=views.claim_title(claimed),
            verdict=verdict,
            sentence_before=before,
            sentence_after=after,
            note_html=self.markdown.render_note(claim.note),
            result=claimed.result,
            evidence_template=views.evidence_template(claimed.result),
            sources=[views.source_view(s, self.markdown, article.locale) for s in claimed.sources],
            source_titles={s.id: s.title for s in claimed.sources},
            claimants=[(role, claimant, claimant_path(claimant)) for role, claimant in self.claim_claimants(claimed)],
            previous=views.claim_link(previous, self.settings) if previous else None,
            following=views.claim_link(following, self.settings) if following else None,
            corrections=corrections,
        )
        messages = Messages(article.locale)
        description = messages.gettext("%(verdict)s: %(claim)s", verdict=messages.gettext(verdict.label),
                                       claim=views.claim_title(claimed))  # fmt: skip
        image = self._card(here if self.settings.social_cards == "claims" else views.article_path(article.slug))
        title = messages.gettext("Claim %(number)s: %(claim)s", number=messages.number(mark.number),
                                 claim=views.claim_title(claimed))  # fmt: skip
        return SitePage(here, title, description, date, body, "claim", claim_review_script(claimed, self.settings),
                        locale=article.locale, image=image)  # fmt: skip

    def _card(self, page_path: str) -> str:
        return card_path(page_path) if self.settings.social_cards != "off" else ""

    def sources_pages(self, parts: Sequence[ArticlePages]) -> Iterator[SitePage]:
        # One entry per address: the first article citing it describes it; each one adds its claims. The claims
        # are gathered first and joined once: an address cited by a thousand articles is not copied a thousand times.
        by_url: dict[str, tuple[SourceEntry, list[SourceEntry]]] = {}
        for part in parts:
            for entry in part.sources:
                by_url.setdefault(entry.view.source.url, (entry, []))[1].append(entry)
        merged = [
            replace(first, claim_items=tuple(item for e in citing for item in e.claim_items),
                    later_claim_items=tuple(item for e in citing for item in e.later_claim_items))
            if len(citing) > 1 else first
            for first, citing in by_url.values()
        ]  # fmt: skip
        entries = sorted(merged, key=lambda e: (e.view.source.publisher.casefold(), e.view.source.title.casefold()))
        # Counted once for the listing, not on each of its pages.
        archive_missing = sum(1 for e in entries if not e.view.source.archived)
        for chunk, pagination in paginate(entries, self.settings.per_page, "sources"):
            here = pagination.paths[pagination.number - 1]
            if pagination.number > 1:
                chunk = [replace(entry, description_html=entry.later_description_html,
                                 claim_items=entry.later_claim_items) for entry in chunk]  # fmt: skip
            body = self.render_listing("sources.html", here, self.site_locale, entries=chunk,
                                       pagination=pagination, archive_total=len(entries),
                                       archive_missing=archive_missing)  # fmt: skip
            messages = self.site_messages
            yield SitePage(here, _numbered(messages.gettext("Sources"), pagination, messages),
                           messages.gettext("Every source cited, with the claims that cite it."),
                           self.newest, body, "sources", locale=self.site_locale, number=pagination.number)  # fmt: skip

    def methodology_page(self) -> SitePage:
        scale = sorted(self.settings.scale.verdicts, key=lambda v: -v.value)
        verdicts = [
            views.VerdictView(
                v.id, v.label, v.definition, self.settings.icon_svg(v.icon), v.value, f"fs-verdict--{v.id}"
            )
            for v in scale
        ]
        body = self.render("methodology.html", "methodology", self.site_locale, verdicts=verdicts,
                           scale=self.settings.scale)  # fmt: skip
        messages = self.site_messages
        return SitePage("methodology", messages.gettext("Methodology"),
                        messages.gettext("How claims are chosen, checked, rated and corrected."),
                        self.newest, body, "methodology", locale=self.site_locale)  # fmt: skip

    def corrections_page(self, parts: Sequence[ArticlePages]) -> SitePage:
        entries = [entry for part in parts for entry in part.corrections]
        entries.sort(key=lambda e: (e.correction.iso_date, e.article.slug), reverse=True)
        body = self.render_listing("corrections.html", "corrections", self.site_locale, entries=entries)
        messages = self.site_messages
        return SitePage("corrections", messages.gettext("Corrections"),
                        messages.gettext("Every correction to a published fact-check."),
                        self.newest, body, "corrections", locale=self.site_locale)  # fmt: skip

    def claimant_pages(self, parts: Sequence[ArticlePages]) -> Iterator[SitePage]:
        """A page per claimant with its claims counted by verdict, and a page listing every claimant."""
        by_path: dict[str, list[ClaimantItem]] = {}
        for part in parts:
            for item in part.claimants:
                by_path.setdefault(item.path, []).append(item)
        if not by_path:
            return
        summaries = []
        site, messages = self.site_locale, self.site_messages
        for path, items in sorted(by_path.items(), key=lambda pair: (pair[1][0].name.casefold(), pair[0])):
            first = items[0]
            # Each role's claims, most severe first, and its counts over them all (the claims listed per page).
            ordered = {role: self._by_severity([i for i in items if i.role == role]) for role in ROLES}
            groups = [ClaimantGroup(role, self._tally(listed), ()) for role, listed in ordered.items() if listed]
            summaries.append((first, path, len(items), groups))
            counts = ", ".join(
                f"{messages.gettext(entry.verdict.label)} {messages.number(entry.count)}"
                for group in groups for entry in group.tally
            )  # fmt: skip
            description = messages.ngettext("%(name)s: %(num)s claim(s) checked, %(counts)s",
                                            "%(name)s: %(num)s claim(s) checked, %(counts)s", len(items),
                                            name=first.name, counts=counts)  # fmt: skip
            listed = [item for group in groups for item in ordered[group.role]]
            yield from self._claimant_listing(path, first, groups, listed, description)
        body = self.render_listing("claimants.html", "claimants", site, claimants=summaries)
        yield SitePage("claimants", messages.gettext("Claimants"),
                       messages.gettext("Everyone whose statements are checked here, with their claims."),
                       self.newest, body, "claimants", locale=site)  # fmt: skip

    def _claimant_listing(self, path: str, first: ClaimantItem, groups: list[ClaimantGroup],
                          listed: list[ClaimantItem], description: str) -> Iterator[SitePage]:  # fmt: skip
        """A claimant's claims in pages of `per_page`, in the order of its whole list (role, then verdict): every
        page shows each role's heading and its counts over all the claimant's claims, the list only its share."""
        site, messages = self.site_locale, self.site_messages
        for chunk, pagination in paginate(listed, self.settings.per_page, path):
            here = pagination.paths[pagination.number - 1]
            later = pagination.number > 1
            shown = [
                replace(group, items=tuple(item.later_html if later else item.html
                                           for item in chunk if item.role == group.role))
                for group in groups
            ]  # fmt: skip
            body = self.render_listing("claimant.html", here, site, name=first.name, type=first.type, groups=shown,
                                       pagination=pagination)  # fmt: skip
            yield SitePage(here, _numbered(first.name, pagination, messages), description, self.newest, body,
                           "claimant", locale=site, number=pagination.number)  # fmt: skip

    def _tally(self, items: list[ClaimantItem]) -> tuple[views.TallyEntry, ...]:
        counts = Counter(item.verdict.id for item in items)
        first = {item.verdict.id: item.verdict for item in reversed(items)}
        return tuple(views.TallyEntry(first[key], counts[key]) for key in views.severity_order(self.settings)
                     if key in counts)  # fmt: skip

    def _by_severity(self, items: list[ClaimantItem]) -> list[ClaimantItem]:
        rank = {key: index for index, key in enumerate(views.severity_order(self.settings))}
        # A stable sort: within a verdict, the project's order of articles (the most recently reviewed first).
        return sorted(items, key=lambda item: rank.get(item.verdict.id, len(rank)))

    def trust_pages(self) -> Iterator[SitePage]:
        """The pages the fact-checkers' codes ask for, each one only when the configuration gives its text."""
        trust, render = self.settings.trust, self.markdown.render_note
        site, messages = self.site_locale, self.site_messages
        for path, title in trust_pages(trust):
            title = messages.gettext(title)
            body = self.render("trust.html", path, site, page=path, title=title, trust=trust, markdown=render)
            description = (
                messages.gettext("%(page)s of %(site)s.", page=title, site=self.settings.site_name)
                if self.settings.site_name
                else messages.gettext("%(page)s of this site.", page=title)
            )
            yield SitePage(path, title, description, self.newest, body, "trust", locale=site)  # fmt: skip

    def _corrections(self, checked: CheckedArticle) -> list[views.CorrectionView]:
        ordered = sorted(checked.article.corrections, key=lambda c: c.date, reverse=True)
        return [views.correction_view(c, self.markdown, checked.article.locale) for c in ordered]


def _numbered(title: str, pagination: Pagination, messages: Messages) -> str:
    if pagination.number == 1:
        return title
    return messages.gettext("%(title)s, page %(number)s of %(count)s", title=title,
                            number=messages.number(pagination.number),
                            count=messages.number(len(pagination.paths)))  # fmt: skip


def _plain(markdown_text: str) -> str:
    text = " ".join(markdown_text.replace("*", "").replace("_", " ").split())
    return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + "…"


def trust_pages(trust: Trust) -> list[tuple[str, str]]:
    """(path, title) of each trust page the configuration gives text for; the titles are msgids."""
    pages = []
    if trust.corrections_policy or trust.complaints:
        pages.append(("corrections-policy", N_("Corrections and complaints")))
    if trust.funding or trust.ownership:
        pages.append(("funding", N_("Funding and ownership")))
    if trust.team:
        pages.append(("team", N_("Team")))
    return pages
