"""The documents Pagefind indexes: one per article, holding its claims as sections, and every other page.

Pagefind's browser engine fetches, before the first result, its list of every indexed document (about
6 bytes a document, compressed): 159 KB at 26,000 pages, more than half of the 300 KB a search may
cost. A claim is indexed as a section of its article's document instead of as a document of its own,
under a heading whose id is the claim page's address relative to the article (`claims/<id>/`): the
list is twenty times shorter, a search finds the article and, within it, the claims its words are in
(Pagefind's sub-results), and the search page turns each section's link (`articles/a/#claims/c/`) into
the claim page's (`articles/a/claims/c/`). The documents are made from the site's finished pages and
given to Pagefind as they are made (pagefind_service.py); the site itself does not change.

Pagefind's time grows with what it parses, and most of what factsite's pages hold is what it leaves out (a claim
page's sources, its "Also checked in" list, its pager, the icons, the theme's frame: at 1,000 claim pages 5 MB of
the 7.4 MB it was given). Each document is given without them (`Trim`), so that Pagefind's index is the same,
byte for byte, as of the whole pages (bench/README.md, "Eleventh round").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

# The pages searched: every page in a folder, which leaves out the site's 404.html (the home page, the
# only other page at the root, lists everything and is not indexed either).
PAGES = "*/**/*.html"
ARTICLES = "articles"
CLAIMS = "claims"
CLAIMANTS = "claimants"
# The page's content in Material's layout: the element Pagefind reads (search.CONTENT_SELECTOR).
_CONTENT = re.compile(rb'<article class="md-content__inner[^"]*">(.*)</article>', re.DOTALL)
_HTML_TAG = re.compile(rb"<html\b[^>]*>")
_HEADING = re.compile(rb"<h1>(.*?)</h1>", re.DOTALL)


def documents(site_dir: Path, left_out: Sequence[str] | None = None) -> Iterator[tuple[str, str]]:
    """What Pagefind indexes of `site_dir`: each document's path relative to the site, in the order of the paths,
    and its HTML. Given the selectors Pagefind is told to leave out (`left_out`), each document made of factsite's
    pages is given without what they and Pagefind's own list leave out, which it would parse for nothing (`Trim`)."""
    trim = _trim(tuple(left_out)) if left_out is not None else None
    for page in sorted(site_dir.glob(PAGES)):
        path = page.relative_to(site_dir).as_posix()
        found = role(path)
        if found == "article":
            yield path, article_document(site_dir / ARTICLES / path.split("/")[1], trim)
        elif found == "page":
            # A site's own page published as it is (`static_files: allow:`) may be in another encoding: read as
            # Pagefind's command line read it, as UTF-8 with any invalid byte replaced (U+FFFD), not stopping the build.
            html = page.read_bytes()
            yield path, (html if trim is None else page_document(html, trim)).decode("utf-8", "replace")


def role(path: str) -> str | None:
    """What the page at `path` (relative to the site, as `PAGES` finds it) is to the search: a document of its own
    (`page`), an article's, whose claims it holds (`article`), a section of its article's (`claim`), or nothing."""
    parts = path.split("/")
    if len(parts) < 2:
        return None  # a page at the root
    if parts[0] == ARTICLES and len(parts) > 3 and parts[2] == CLAIMS:
        return "claim"  # in its article's document
    if parts[0] == CLAIMANTS and len(parts) > 3 and parts[2] == "page":
        return None  # a claimant's later page: only its name is indexed, and the first page holds it
    if parts[0] == ARTICLES and len(parts) == 3:
        return "article"
    return "page"


def article_document(article_dir: Path, trim: Trim | None = None) -> str:
    """The article's page with each of its claim pages' content appended as a section, in the article's order;
    without the theme's frame, and without what `trim` takes out."""
    html = _read(article_dir / "index.html")
    content = _CONTENT.search(html)
    opening = _HTML_TAG.search(html)
    if content is None or opening is None:
        return html.decode("utf-8")  # not a page of factsite's layout: indexed as it is
    sections = {
        path.parent.name: claim_section(path.parent.name, _read(path), trim)
        for path in (article_dir / CLAIMS).glob("*/index.html")
    }
    claims = sorted(sections, key=lambda claim: (_position(html, claim), claim))
    inner = content.group(1) if trim is None else trim(content.group(1))
    return b"".join(
        (b"<!doctype html>", opening.group(0), b'<body><article class="md-content__inner">', inner,
         *(sections[claim] for claim in claims), b"</article></body></html>")
    ).decode("utf-8")  # fmt: skip


def claim_section(claim_id: str, html: bytes, trim: Trim | None = None) -> bytes:
    """What the document of its article holds of the claim page `html`: its content, as a section."""
    content = _CONTENT.search(html)
    if content is None:
        return b""
    address = f"{CLAIMS}/{claim_id}/".encode()
    inner = content.group(1) if trim is None else trim(content.group(1))
    # The claim's heading becomes its section's: Pagefind makes a sub-result of each heading with an id.
    heading = _HEADING.sub(lambda found: b'<h2 id="%s">%s</h2>' % (address, found.group(1)), inner, count=1)
    return b"<section>" + heading + b"</section>"


def page_document(html: bytes, trim: Trim) -> bytes:
    """A page of its own: if factsite made its content (a generated page), without the theme's frame and without
    what `trim` takes out; any other page (an editor's, one published as it is) as it is."""
    content = _CONTENT.search(html)
    opening = _HTML_TAG.search(html)
    if content is None or opening is None or not content.group(1).lstrip().startswith(_GENERATED):
        return html
    return b"".join(
        (b"<!doctype html>", opening.group(0), b'<body><article class="md-content__inner">',
         trim(content.group(1), alone=True), b"</article></body></html>")
    )  # fmt: skip


def _read(path: Path) -> bytes:
    """A page of factsite's, its line endings as Python reads text (universal newlines), as they were given before."""
    html = path.read_bytes()
    return html.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if b"\r" in html else html


def _position(article_html: bytes, claim_id: str) -> int:
    found = article_html.find(f'data-claim="{claim_id}"'.encode())
    return found if found >= 0 else len(article_html)


# The body of a page factsite made (templates/theme/main.html), at the start of the theme's content.
_GENERATED = b'<div class="fs-page '
_WRAPPER = re.compile(rb'\s*<div class="(fs-page [^"]*)">')
# What Pagefind leaves out of the content it indexes whatever it is told: REMOVE_SELECTORS in its
# pagefind/src/fossick/parser.rs (the same from 1.3 to 1.5).
PAGEFIND_LEFT_OUT = ("head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe",
                     "template")  # fmt: skip
# Elements whose children give their words to an enclosing anchor (an element with an id) in Pagefind's index, even
# when the element itself is left out (its INLINE_SELECTORS): such an element is taken out only if it holds only text.
_INLINE = frozenset(
    b"a abbr acronym b bdo big br button cite code dfn em i img input kbd label map object output q samp script "
    b"select small span strong sub sup textarea time tt var".split()
)
_VOID = frozenset(
    b"area base basefont bgsound br col embed hr img input keygen link meta param source track wbr".split()
)
# What ends a tag's name in HTML.
_ENDS = rb"[ \t\n\f\r/>]"
# What another parser could read otherwise than the tags counted here: a comment or character data, capital letters in
# a tag's name, an attribute's value holding a `<` (nh3 below 0.3 leaves one as it is). A document holding one is
# given whole (factsite's pages hold none: tests/site/test_search_trim.py), as is one with Pagefind's attributes.
_UNSAFE = rb"[!?A-Z]|/[A-Z]|(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)" + _ENDS
_UNSAFE_VALUE = re.compile(rb"""="[^"<]*<|='[^'<]*<""")
# The rest of a tag, to its `>`: one in a quoted value does not end it (a page published as it is may hold one; an id
# after it makes the element an anchor). A value quoted otherwise than HTML reads it (a quote inside an unquoted
# value) is not matched, and the element stays. Possessive: nothing to try again (the alternatives start apart).
_TAG_REST = re.compile(rb"""(?:[^>"'=]++|=[ \t\n\f\r]*+(?:"[^"]*+"|'[^']*+')?)*+>""")
# What Pagefind reads even of an element it leaves out: the first heading's words or the first image (the page's
# title and image); an element holding one stays, unless it is all of a page, which has no words then.
_TITLED = rb"(?:h1|img)" + _ENDS
# Both looked for at once.
_LOOKED_FOR = re.compile(b"<(?:(" + _UNSAFE + b")|" + _TITLED + b")")
_ID = re.compile(rb"[ \t\n\f\r][iI][dD][ \t\n\f\r]*=")
_SPACES = re.compile(rb"[ \t\n\f\r]+")
_SELECTOR = re.compile(r"\.([A-Za-z_][\w-]*)")
_WITHIN = re.compile(r"\.([A-Za-z_][\w-]*) \.([A-Za-z_][\w-]*)")


@lru_cache(maxsize=4)
def _trim(left_out: tuple[str, ...]) -> Trim:
    return Trim(left_out)


class Trim:
    """Takes out of a factsite page's content each element that Pagefind leaves out and whose taking out changes
    nothing in its index: an element that Pagefind leaves out itself (`PAGEFIND_LEFT_OUT`) or that one of the
    `left_out` selectors names by a class (`.fs-sources`; `.fs-page--claim .fs-sentence` in a claim page), found by
    its opening tag as factsite's templates write it (the tag's name, then `class` first), to its end tag, counted as
    Pagefind's HTML parser (lol_html) counts them: an end tag closes the nearest open element of its name.

    Pagefind reads some of an element it leaves out, which then stays (and is searched for parts to take out): its
    id (an anchor, at its place among the words), a first heading (the page's title) or an image, the text of an
    inline element's children (the words of an enclosing anchor). A page whose whole content is left out (the
    sources, the claimants) has no words, and Pagefind leaves the page out of its index: its content goes whatever
    it holds but an id. This relies on factsite's pages being well formed (its templates, and content through nh3);
    tests/site/test_search_trim.py holds the index of the trimmed documents to the whole pages', byte for byte."""

    def __init__(self, left_out: Sequence[str]) -> None:
        self._classes = {found.group(1) for found in map(_SELECTOR.fullmatch, left_out) if found}
        self._within: dict[str, set[str]] = {}
        for found in filter(None, map(_WITHIN.fullmatch, left_out)):
            self._within.setdefault(found.group(1), set()).add(found.group(2))
        self._openings: dict[frozenset[str], re.Pattern[bytes]] = {}
        self._counted: dict[bytes, tuple[bytes, bytes, re.Pattern[bytes]]] = {}

    def __call__(self, content: bytes, *, alone: bool = False) -> bytes:
        """`content` without what can be taken out; `alone`: it is all of its document's content."""
        wrapper = _WRAPPER.match(content)
        if wrapper is None or b"data-pagefind" in content or _UNSAFE_VALUE.search(content) is not None:
            return content
        titled: list[int] = []
        for found in _LOOKED_FOR.finditer(content):
            if found.group(1):
                return content
            titled.append(found.start())
        # Its classes split as HTML splits them; a byte other than ASCII (a page published as it is, in another
        # encoding) is in no class the selectors name.
        search = self._opening([name.decode("latin-1") for name in _SPACES.split(wrapper.group(1))]).search
        whole = (len(content) - len(content.lstrip()), len(content.rstrip())) if alone else None
        parts: list[bytes] = []
        done = 0
        start = search(content)
        while start is not None:
            end = self._end(content, start)
            if end is None or (titled and whole != (start.start(), end) and _any_in(titled, start.start(), end)):
                start = search(content, start.end())
                continue
            parts.append(content[done : start.start()])
            done = end
            start = search(content, end)
        if not parts:
            return content
        parts.append(content[done:])
        return b"".join(parts)

    def _opening(self, wrapper: list[str]) -> re.Pattern[bytes]:
        """The opening tags of what is taken out of a page whose content is in an element of the classes `wrapper`."""
        classes = frozenset(self._classes.union(*(self._within.get(name, ()) for name in wrapper)))
        pattern = self._openings.get(classes)
        if pattern is None:
            tags, ends, spaces = "|".join(PAGEFIND_LEFT_OUT), _ENDS.decode(), " \t\n\f\r"
            named = "|".join(map(re.escape, sorted(classes))) or "(?!)"
            named_class = rf'([a-z][a-z0-9]*) class="(?:[^"]*[{spaces}])?(?:{named})(?=[{spaces}"])'
            pattern = self._openings[classes] = re.compile(rf"<(?:({tags})(?={ends})|{named_class})".encode())
        return pattern

    def _end(self, html: bytes, opening: re.Match[bytes]) -> int | None:
        """Where the element opened at `opening` ends, if it has no id and a well-formed end."""
        tag = opening.group(1) or opening.group(2)
        # Found by its name, or by a class: then the rest of the tag follows the class's value.
        rest = opening.end() if opening.group(1) else html.find(b'"', opening.end()) + 1
        opened = _tag_end(html, rest) if rest > 0 else -1
        if opened < 0 or tag in _VOID or html[opened - 1] == 47:  # 47: "/"
            return None
        if _ID.search(html, opening.end(), opened):
            return None  # an anchor
        counted = self._counted.get(tag)
        if counted is None:
            count = re.compile(rb"<(/?)" + re.escape(tag) + rb"(?=" + _ENDS + rb")")
            counted = self._counted[tag] = (b"<" + tag, b"</" + tag, count)
        opens, closes, count = counted
        # Most often: the first end tag of its name, as factsite writes it, and no other element of its name before.
        close = html.find(closes, opened)
        if close >= 0 and html.startswith(b">", close + len(closes)) and html.find(opens, opened, close) < 0:
            if tag in _INLINE and html.find(b"<", opened, close) >= 0:
                return None
            return close + len(closes) + 1
        depth, at, found = 1, opened, None
        while depth:
            found = count.search(html, at)
            if found is None:
                return None
            at = _tag_end(html, found.end())
            if at < 0:
                return None
            if found.group(1):
                depth -= 1
            elif html[at - 1] == 47:
                return None  # self-closing: lol_html keeps it open in HTML, closed in SVG
            else:
                depth += 1
        assert found is not None
        if tag in _INLINE and html.find(b"<", opened, found.start()) >= 0:
            return None
        return at + 1


def _tag_end(html: bytes, at: int) -> int:
    """Where the tag whose name ends at `at` ends (its `>`), or -1."""
    rest = _TAG_REST.match(html, at)
    return -1 if rest is None else rest.end() - 1


def _any_in(places: list[int], start: int, end: int) -> bool:
    return any(start <= at < end for at in places)
