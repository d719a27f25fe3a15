"""Blocks of Material's frame rendered once for every page that would get the same ones.

Most of a claim page's frame (the header with its palette toggle and search dialog, the footer, the theme's
`__config` JSON, the stylesheets) is the same on every claim page at the same folder depth and in the
same language, and rendering it took more than half of the time spent in the theme. The template asks `Frame`
for such a block (`{{ factsite_frame(super) }}`): the first time, the block is rendered with a stand-in for the
page that notes everything the block reads from it (each attribute, each front matter key, each address given to
the `url` and `script_tag` filters, which MkDocs makes relative to the page). A later page gets that rendering
when everything noted reads the same from it (the addresses, made relative to it, included); otherwise the block
is rendered again, noted again and kept beside the first.

The page's title, printed in Material's header, is the one thing that differs on every page: the stand-in gives
a placeholder for it, and the block is kept in pieces around the placeholder and joined with each page's title,
only when every time the block read the title the placeholder came out unchanged (printed as it is, not escaped,
cut, compared or tested) and the page's own rendering, made once beside it, is the pieces joined with its title (a
`replace` or `split` looks for what the placeholder lacks), else the title is noted like any other read. The
placeholder is used with factsite's and Material's templates only: a desk's own (in `custom_dir`) may change one
title in a hundred that the first page of a shape does not show, so there the title is noted as any value
(`desk_templates`).

What the templates set or imported before the block (Jinja's `context.vars`: a child template's `{% set %}` its
layout reads, as in Jinja's own pattern for the active menu item, a namespace an earlier block filled from the
page) is read by the block without going through the page: a rendering is kept with those values and given only to
a page whose templates set the same (a namespace or a module imported with the page's context is a new object on
every page, so such a block is rendered for each page, then as it is).

A block that fails with the stand-in (it writes the front matter out as JSON, say) is rendered as it is for every
page after. Pages the navigation lists are always rendered in full: the navigation's state (which item is the
current page) is not read through the page. `render_pages` clears what is kept at each build and the live
preview's each rebuild; the plugin installs `Frame` only where no other plugin changes the template's context
(`frame_applies`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from factsite.adapters.mkdocs.internals import block_function, is_material_search, render_block
from factsite.render.pages import TEMPLATES_DIR

# The page's values that differ on every page, printed in the header: given placeholders while a block renders.
STAND_INS = (("page", "title"), ("meta", "title"))
# The body of each placeholder (between spaces): characters that escaping, stripping tags or spaces, changing case,
# encoding for a URL or JSON and cutting to length would all change, so a placeholder that came out unchanged was
# printed as it is.
STAND_IN = ' <b title="&\'">Fs-Title &amp; \u2018x\u2019 \\ ' + "Ab0-" * 80 + " \x00"
# Renderings kept for one block and key; beyond, the block reads what differs on each page and is rendered as is.
MOST_KEPT = 16
_MISSING = object()
# Filters whose output depends on the page only through `normalize_url(str(value), page, base_url)`.
ADDRESS_FILTERS = ("url", "script_tag")
LANGUAGE_PARTIAL = "partials/language.html"


def frame_applies(config: MkDocsConfig) -> bool:
    """Whether no plugin but Material's search listens to each page's template context: another plugin (or a hook)
    may add values to it that the kept blocks would not know of."""
    for listener in config.plugins.events["page_context"]:
        owner = getattr(listener, "__self__", None)
        if getattr(getattr(owner, "config", None), "enabled", True) is False:
            continue
        if not is_material_search(config, listener):
            return False
    return True


def install_frame(env: jinja2.Environment, nav: Navigation, custom_dir: str | None = None) -> Frame:
    """Put `Frame` in the templates' globals (`factsite_frame`) and let the address filters tell it what they
    make relative to the page. Titles are put back into kept blocks only where every template is factsite's or
    Material's (`custom_dir`, the desk's own templates, holds none)."""
    frame = Frame(nav, put_back_titles=not desk_templates(custom_dir))
    env.globals["factsite_frame"] = frame
    for name in ADDRESS_FILTERS:
        if name in env.filters and not getattr(env.filters[name], "factsite_noted", False):
            env.filters[name] = _noting_addresses(env.filters[name])
    return frame


def desk_templates(custom_dir: str | None) -> bool:
    """Whether the theme's `custom_dir` holds templates of the desk's own."""
    return custom_dir is not None and any(Path(custom_dir).rglob("*.html"))


@dataclass(frozen=True)
class Rendered:
    """A block as rendered for one page, and what it read from that page."""

    reads: tuple[tuple[str, str, Any], ...]  # ("page", attribute, value), ("meta", key, value), ("meta", "", ...)
    variables: tuple[tuple[str, Any], ...]  # what the templates had set or imported (`template_variables`)
    addresses: tuple[tuple[str, str], ...]  # (address given to a filter, as made relative to the page)
    pieces: tuple[str, ...]  # the text, cut where a stand-in was printed
    gaps: tuple[tuple[str, str], ...]  # what goes between two pieces: a `STAND_INS` value of the page
    markup: bool  # whether the block came out as Markup (a template with autoescaping)

    def fits(self, page: Page, base_url: str, relative: dict[str, str], variables: tuple[tuple[str, Any], ...]) -> bool:
        """Whether `page` reads the same in everything this block read (`relative`: the addresses made relative
        to the page so far, which this adds to), its templates having set the same `variables`."""
        if variables != self.variables:
            return False
        for kind, name in self.gaps:
            if not _standable(_read(page, kind, name)):
                return False
        for kind, name, value in self.reads:
            current = _read(page, kind, name)
            # Of the same type too: Markup and text of the same characters compare equal, and print otherwise.
            if current is not value and (type(current) is not type(value) or current != value):
                return False
        for address, kept in self.addresses:
            made = relative.get(address)
            if made is None:
                made = relative[address] = normalize_url(address, page, base_url)
            if made != kept:
                return False
        return True

    def text(self, page: Page) -> str:
        text = "".join(_joined(self.pieces, self.gaps, page)) if self.gaps else self.pieces[0]
        return Markup(text) if self.markup else text


class Frame:
    """The `factsite_frame` template global: `{{ factsite_frame(super) }}` in a block of `main.html`.

    One instance per build (the navigation changes between builds of the live preview)."""

    def __init__(self, nav: Navigation, *, put_back_titles: bool = True) -> None:
        # Whether a block's title may be a placeholder put back for each page: only factsite's and Material's own
        # templates are known to print it as it is (a desk's `replace` may change one title in a hundred, which
        # the placeholder and the first page of a shape do not show); otherwise the title is noted as any value.
        self.put_back_titles = put_back_titles
        self.nav_pages = tuple(nav.pages)  # kept, so that their ids stay theirs
        self.nav_ids = frozenset(map(id, self.nav_pages))
        self.kept: dict[Hashable, list[Rendered]] = {}
        self.refused: set[Hashable] = set()  # blocks whose stand-in rendering failed: rendered as they are
        self.language_ours: bool | None = None  # whether partials/language.html is factsite's (`template_variables`)
        self.renders = 0  # blocks rendered with a stand-in page, for the tests and benchmarks
        # The page being rendered, what its blocks' keys share, and the addresses made relative to it so far.
        self.page: Page | None = None
        self.page_key: tuple[Any, ...] = ()
        self.relative: dict[str, str] = {}

    def clear(self) -> None:
        self.kept.clear()
        self.refused.clear()
        self.page = None

    @jinja2.pass_context
    def __call__(self, context: jinja2.runtime.Context, parent: jinja2.runtime.BlockReference) -> str:
        page = context.get("page")
        if not isinstance(page, Page) or id(page) in self.nav_ids:
            return parent()
        base_url = context.get("base_url", "")
        if page is not self.page or base_url != self.page_key[0]:
            self.page, self.page_key, self.relative = page, self.key(context, page, base_url), {}
        key = (block_function(parent), self.page_key)
        if key in self.refused:
            return parent()
        kept = self.kept.setdefault(key, [])
        variables = self.template_variables(context)
        for rendered in kept:
            if rendered.fits(page, base_url, self.relative, variables):
                return rendered.text(page)
        if len(kept) >= MOST_KEPT:  # a block that reads what differs on each page: rendered as it is
            return parent()
        fresh = self.render(context, parent, page, variables)
        if fresh is None:
            self.refused.add(key)
            return parent()
        kept.append(fresh)
        return fresh.text(page)

    def key(self, context: jinja2.runtime.Context, page: Page, base_url: str) -> tuple[Any, ...]:
        """What every rendering of a block depends on beside what it reads from the page (and the block itself,
        its compiled function, one per block of each template): the page's address of the site's root, its
        stylesheets and scripts made relative to it, and its language (the theme's strings were imported from
        the page before the block). The same for all the blocks of a page."""
        return (
            base_url,
            tuple(context.get("extra_css") or ()),
            tuple(map(str, context.get("extra_javascript") or ())),
            repr(page.meta.get("factsite_language")),
        )

    def template_variables(self, context: jinja2.runtime.Context) -> tuple[tuple[str, Any], ...]:
        """What the templates set or imported before the block, by name (`context.vars`; MkDocs' own context is
        the context's parent). factsite's `partials/language.html`, which Material's base.html imports with the
        page's context as `lang`, is a new module on every page that reads only the page's language (in the key):
        it is compared by name. A desk's own `partials/language.html` is compared as it is."""
        return tuple(
            (name, LANGUAGE_PARTIAL) if self.is_our_language(context, value) else (name, value)
            for name, value in context.vars.items()
        )

    def is_our_language(self, context: jinja2.runtime.Context, value: Any) -> bool:
        if not isinstance(value, jinja2.environment.TemplateModule) or value.__name__ != LANGUAGE_PARTIAL:
            return False
        if self.language_ours is None:
            filename = context.environment.get_template(LANGUAGE_PARTIAL).filename
            ours = TEMPLATES_DIR / "theme" / LANGUAGE_PARTIAL
            self.language_ours = filename is not None and Path(filename).resolve() == ours.resolve()
        return self.language_ours

    def render(self, context: jinja2.runtime.Context, parent: Any, page: Page,
               variables: tuple[tuple[str, Any], ...]) -> Rendered | None:  # fmt: skip
        """The block rendered with a stand-in page; None when it fails so (it uses the page in a way the stand-in
        does not, such as writing its front matter out as JSON), and the page's own rendering will tell why."""
        self.renders += 1
        try:
            reading = ReadingPage(page, stand_ins=self.put_back_titles)
            text = render_block(parent, context.derived({"page": reading}))
            if not reading.only_printed(text):  # a stand-in was escaped, cut, compared...: every value is noted
                reading = ReadingPage(page, stand_ins=False)
                text = render_block(parent, context.derived({"page": reading}))
            elif any(reading.stand_in_reads.values()):
                # The placeholder came out unchanged, but it has none of the words or characters a `replace`, a
                # `split` or a `startswith` may look for: the page's own rendering, with its values noted, is
                # compared with its values put in, and kept instead when they differ.
                noted = ReadingPage(page, stand_ins=False)
                own = render_block(parent, context.derived({"page": noted}))
                if str(own) != "".join(_joined(*reading.cut(text), page)):
                    reading, text = noted, own
        except Exception:
            return None
        pieces, gaps = reading.cut(text)
        return Rendered(tuple(reading.reads.values()), variables, tuple(reading.addresses.items()), pieces, gaps,
                        isinstance(text, Markup))  # fmt: skip


def _joined(pieces: tuple[str, ...], gaps: tuple[tuple[str, str], ...], page: Page) -> Iterator[str]:
    """`pieces` with `page`'s values put between them."""
    yield pieces[0]
    for gap, piece in zip(gaps, pieces[1:], strict=True):
        yield str(_read(page, *gap))
        yield piece


def _standable(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _read(page: Page, kind: str, name: str) -> Any:
    if kind == "page":
        if name == "__self__":
            return page
        return str(page) if name == "__str__" else getattr(page, name, _MISSING)
    meta = page.meta
    if name == "":
        return bool(meta)
    if name == "*":
        return dict(meta)
    return meta.get(name, _MISSING)


class StandIn(str):
    """A placeholder for one of a page's values, which counts how often it is tested for truth: a value that is
    only tested and printed can be put in afterwards (a stand-in is given only for a non-empty text, as true as
    the placeholder)."""

    tests = 0

    def __bool__(self) -> bool:
        self.tests += 1
        return True


class ReadingPage:
    """A page standing in for `page` while a block renders: it gives what the page gives and notes what was read,
    except the values in `STAND_INS` (when they are non-empty text and `stand_ins` is true), for which it gives
    placeholders and counts the reads."""

    __slots__ = ("_meta", "_page", "addresses", "noting", "reads", "stand_in_reads", "stand_ins")

    def __init__(self, page: Page, *, stand_ins: bool) -> None:
        self._page = page
        self.reads: dict[tuple[str, str], tuple[str, str, Any]] = {}
        self.addresses: dict[str, str] = {}
        self.noting = True
        self.stand_ins: dict[tuple[str, str], StandIn] = {}
        self.stand_in_reads: dict[tuple[str, str], int] = {}
        for number, slot in enumerate(STAND_INS if stand_ins else ()):
            if _standable(_read(page, *slot)):
                self.stand_ins[slot] = StandIn(f" \x00{number}{STAND_IN} ")
                self.stand_in_reads[slot] = 0
        self._meta = ReadingMeta(page.meta, self)

    def note(self, kind: str, name: str, value: Any) -> None:
        if self.noting:
            self.reads.setdefault((kind, name), (kind, name, value))

    def stand_in(self, kind: str, name: str) -> StandIn | None:
        """The placeholder for this value, its read counted; None when it has none."""
        stand_in = self.stand_ins.get((kind, name)) if self.noting else None
        if stand_in is not None:
            self.stand_in_reads[kind, name] += 1
        return stand_in

    def only_printed(self, text: str) -> bool:
        """Whether every read of a placeholder printed it unchanged in `text` or tested it for truth."""
        return all(
            self.stand_in_reads[slot] == text.count(stand_in) + stand_in.tests
            for slot, stand_in in self.stand_ins.items()
        )

    def cut(self, text: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        """`text` in pieces around the placeholders printed in it, and which value goes between each two."""
        printed = {str(stand_in): slot for slot, stand_in in self.stand_ins.items() if stand_in in text}
        if not printed:
            return (text,), ()
        parts = re.split("(" + "|".join(map(re.escape, printed)) + ")", text)
        return tuple(parts[0::2]), tuple(printed[part] for part in parts[1::2])

    # A template global or filter may check what it was given before reading it (`isinstance(page, Page)`, as
    # MkDocs' own code does): the stand-in answers as the page would, and what is read after is noted.
    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return type(self._page)

    def __getattr__(self, name: str) -> Any:
        if name == "meta":
            return self._meta
        stand_in = self.stand_in("page", name)
        if stand_in is not None:
            return stand_in
        try:
            value = getattr(self._page, name)
        except AttributeError:
            self.note("page", name, _MISSING)  # a page that has it reads otherwise
            raise
        self.note("page", name, value)
        return value

    def __str__(self) -> str:
        self.note("page", "__str__", str(self._page))
        return str(self._page)

    # Compared with or hashed as another object: whatever it was compared with is not noted, so a block that
    # does this is kept for this very page only.
    def __eq__(self, other: object) -> bool:
        self.note("page", "__self__", self._page)
        return bool(self._page == (other._page if isinstance(other, ReadingPage) else other))

    def __hash__(self) -> int:
        self.note("page", "__self__", self._page)
        return hash(self._page)


class ReadingMeta(Mapping[str, Any]):
    """A page's front matter that notes each key read, for `ReadingPage`."""

    def __init__(self, meta: Mapping[str, Any], page: ReadingPage) -> None:
        self._meta, self._page = meta, page

    def __getitem__(self, key: str) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        stand_in = self._page.stand_in("meta", key)
        if stand_in is not None:
            return stand_in
        value = self._meta.get(key, _MISSING)
        self._page.note("meta", key, value)
        return default if value is _MISSING else value

    def __contains__(self, key: object) -> bool:
        if ("meta", key) in self._page.stand_ins:  # a value with a stand-in is there on every page it fits
            return True
        return isinstance(key, str) and self.get(key, _MISSING) is not _MISSING

    def __bool__(self) -> bool:
        self._page.note("meta", "", bool(self._meta))
        return bool(self._meta)

    def __len__(self) -> int:
        self._page.note("meta", "*", dict(self._meta))
        return len(self._meta)

    def __iter__(self) -> Iterator[str]:
        self._page.note("meta", "*", dict(self._meta))
        return iter(self._meta)

    def __repr__(self) -> str:
        self._page.note("meta", "*", dict(self._meta))
        return repr(self._meta)

    __str__ = __repr__


def _noting_addresses(original: Callable[..., Any]) -> Callable[..., Any]:
    """`original` (MkDocs' `url` or `script_tag` filter), which also tells a `ReadingPage` the address it makes
    relative to the page, instead of the page's own address being noted."""

    @jinja2.pass_context
    def filter_(context: jinja2.runtime.Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        page = context.get("page")
        if type(page) is not ReadingPage or not page.noting:
            return original(context, value, *args, **kwargs)
        address = str(value)
        page.noting = False
        try:
            result = original(context, value, *args, **kwargs)
            page.addresses.setdefault(address, normalize_url(address, page._page, context.get("base_url", "")))
        finally:
            page.noting = True
        return result

    filter_.factsite_noted = True  # type: ignore[attr-defined]
    return filter_
