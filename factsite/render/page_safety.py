"""What rendered content may not hold although the sanitiser keeps it: resources from other hosts, theme ids.

The sanitiser keeps `<img src>` with an http(s) address, and `id` on any element: both have uses in content.
But an image from another host is a request to that host from every reader's browser (the site promises none,
and the Atom feed, read in other applications, carries no policy to stop it), and an element whose id the
theme's scripts look up (`__search`, `__drawer`...) takes over that part of the page. Both are refused, located
in the Markdown, rather than rewritten: an editor decides whether to save the image under content/ or drop it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from factsite.load.fields import error
from factsite.load.positions import LineIndex
from factsite.model import Location, Problem

# Attributes that make a browser fetch an address as the page loads (a link is only followed when clicked).
FETCHED = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
# Material's scripts own every id that starts with two underscores (`__search`, `__drawer`, `__palette_0`...).
THEME_ID_PREFIX = "__"


LITERAL_ID = re.compile(r"""\bid=["']([A-Za-z][\w-]*)["']""")


@functools.cache
def article_page_ids() -> frozenset[str]:
    """The ids factsite's own templates give elements (`summary-heading`, `rating`...): an article's body,
    shown on its page among them, may not take one."""
    from factsite.render.pages import TEMPLATES_DIR  # imported here: the page renderer imports the pipeline

    return frozenset(
        found for path in sorted((TEMPLATES_DIR / "pages").rglob("*.html"))
        for found in LITERAL_ID.findall(path.read_text("utf-8"))
    )  # fmt: skip


@dataclass(frozen=True)
class PageScan:
    """What `page_problems` judges in a page's HTML: the addresses fetched as it loads, and its ids."""

    fetched: tuple[str, ...]
    ids: tuple[str, ...]


class Scanner(HTMLParser):
    """Collects a `PageScan`; a parser that reads the same HTML for another purpose (the text of an article,
    `markdown_render`) extends it, so the HTML is parsed once."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetched: list[str] = []
        self.ids: list[str] = []

    def scan(self) -> PageScan:
        return PageScan(tuple(self.fetched), tuple(self.ids))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.append(value)
            elif name in FETCHED.get(tag, ()):
                candidates = value.split(",") if name == "srcset" else [value]
                self.fetched.extend(c.strip().split(" ")[0] for c in candidates if c.strip())


def from_another_host(address: str) -> bool:
    """Whether a browser would fetch `address` from another host: absolute, or scheme-relative (`//host/`)."""
    address = address.strip()
    return address.startswith(("//", "\\\\", "/\\", "\\/")) or bool(urlsplit(address).scheme)


def page_problems(html: str, source: str, shown_as: str, first_line: int = 1,
                  reserved_ids: frozenset[str] = frozenset()) -> list[Problem]:  # fmt: skip
    """Resources from other hosts and ids the theme owns in `html`, rendered from `source`, located in it."""
    scanner = Scanner()
    scanner.feed(html)
    scanner.close()
    return scan_problems(scanner.scan(), source, shown_as, first_line, reserved_ids)


def scan_problems(scan: PageScan, source: str, shown_as: str, first_line: int = 1,
                  reserved_ids: frozenset[str] = frozenset()) -> list[Problem]:  # fmt: skip
    """`page_problems` of HTML already scanned."""
    lines = LineIndex(source, first_line)
    problems = []
    for address in dict.fromkeys(scan.fetched):
        if from_another_host(address):
            host = urlsplit(address.strip()).netloc or address.strip()[:40]
            problems.append(error(
                _located(lines, shown_as, source, (address,)),
                f"image or media from another host ({host}): every reader's browser would request it there",
                "save the file under content/ (e.g. content/images/) and give its path, or remove it",
            ))  # fmt: skip
    for element_id in dict.fromkeys(scan.ids):
        if element_id.startswith(THEME_ID_PREFIX) or element_id in reserved_ids:
            problems.append(error(
                _located(lines, shown_as, source, (f"#{element_id}", f"id=\"{element_id}\"",
                                                   f"id='{element_id}'", element_id)),
                f"the id '{element_id}' belongs to the page around the content (the theme's or factsite's "
                "templates): its scripts and links would find this element instead",
                "choose another id (ids starting with '__' are the theme's)",
            ))  # fmt: skip
    return problems


def _located(lines: LineIndex, shown_as: str, source: str, needles: tuple[str, ...]) -> Location:
    """Where the first of `needles` is written in the source; the file alone if it is written otherwise."""
    for needle in needles:
        found = re.search(re.escape(needle), source) or re.search(re.escape(needle.replace("&", "&amp;")), source)
        if found:
            return lines.location(shown_as, found.start())
    return Location(shown_as)
