"""Every internal link and anchor of the built demo resolves: a crawl of pages, sitemap and feed.

A link is internal when it is relative or addresses the site's own host (canonical links, the
sitemap, the feed). Each must reach a file of the built site, and its fragment an element with that
id on the page.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

SITE_URL = "https://factsite.example.org/"
LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "form": "action",
}


@dataclass
class PageLinks:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _LinkReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.page.ids.add(attributes[name] or "")
        target = attributes.get(LINK_ATTRIBUTES.get(tag, ""))
        if target is not None:
            self.page.links.append(target)


def read_links(path: Path) -> PageLinks:
    reader = _LinkReader()
    reader.feed(path.read_text("utf-8"))
    reader.close()
    return reader.page


def site_path(site: Path, page: Path, link: str) -> tuple[str, str] | None:
    """The site-relative file and fragment a link on `page` reaches; None for another site's."""
    parts = urlsplit(link)
    if link.startswith(SITE_URL):
        path = "/" + parts.path[len(urlsplit(SITE_URL).path) :]
    elif parts.scheme or parts.netloc:
        return None
    elif parts.path.startswith("/"):
        path = parts.path
    elif parts.path:
        path = posixpath.join("/" + page.parent.relative_to(site).as_posix(), parts.path)
    else:
        path = "/" + page.relative_to(site).as_posix()
    resolved = posixpath.normpath(unquote(path))
    if path.endswith("/"):
        resolved = posixpath.join(resolved, "index.html")
    return resolved.lstrip("/"), unquote(parts.fragment)


def broken_links(site: Path) -> Iterator[str]:
    pages = {path.relative_to(site).as_posix(): read_links(path) for path in sorted(site.rglob("*.html"))}
    sources = [(name, link) for name, page in pages.items() for link in page.links]
    sources += [("sitemap.xml", link) for link in xml_links(site / "sitemap.xml")]
    sources += [("feed.xml", link) for link in xml_links(site / "feed.xml")]
    for name, link in sources:
        reached = site_path(site, site / name, link)
        if reached is None:
            continue
        target, fragment = reached
        if (site / target).is_dir():
            target = posixpath.join(target, "index.html")
        if not (site / target).is_file():
            yield f"{name}: {link} -> {target} does not exist"
        elif fragment and target in pages and fragment not in pages[target].ids:
            yield f"{name}: {link} -> no id '{fragment}' in {target}"


def xml_links(path: Path) -> list[str]:
    if not path.is_file():
        return []
    links = []
    for element in ElementTree.parse(path).iter():
        if element.tag.endswith("}loc") or element.tag.endswith("}id"):
            links.append((element.text or "").strip())
        elif element.tag.endswith("}link") and element.get("href"):
            links.append(element.get("href", ""))
    return [link for link in links if link.startswith(SITE_URL)]


def test_every_internal_link_and_anchor_resolves(built_demo: Path) -> None:
    assert list(broken_links(built_demo)) == []


def test_the_crawl_sees_the_whole_site(built_demo: Path) -> None:
    pages = sorted(path.relative_to(built_demo).as_posix() for path in built_demo.rglob("*.html"))
    links = [link for path in built_demo.rglob("*.html") for link in read_links(path).links]
    assert "articles/americans-russia-forced-to-fight/claims/not-bluffing/index.html" in pages
    assert sum("#mark-" in link for link in links) >= 20, "claim pages link back to their marks"
    assert len(xml_links(built_demo / "sitemap.xml")) >= len(pages) - 1


@pytest.mark.parametrize(
    ("page", "link", "reached"),
    [
        ("articles/a/index.html", "claims/b/", ("articles/a/claims/b/index.html", "")),
        ("articles/a/claims/b/index.html", "../../#mark-b", ("articles/a/index.html", "mark-b")),
        ("index.html", "./", ("index.html", "")),
        ("index.html", "#top", ("index.html", "top")),
        ("404.html", "/assets/x.js", ("assets/x.js", "")),
        ("sources/index.html", SITE_URL + "sources/", ("sources/index.html", "")),
        ("about/index.html", "mailto:desk@example.org", None),
        ("about/index.html", "https://example.org/", None),
    ],
    ids=["relative", "up-with-fragment", "dot", "fragment-only", "root-absolute", "own-host",
         "mailto", "other-host"],
)  # fmt: skip
def test_links_are_resolved_as_a_browser_would(
    tmp_path: Path, page: str, link: str, reached: tuple[str, str] | None
) -> None:
    assert site_path(tmp_path, tmp_path / page, link) == reached


def test_a_broken_anchor_is_found(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#missing">x</a><a href="b/">y</a>', "utf-8")
    (tmp_path / "a" / "index.html").write_text('<p id="present">z</p>', "utf-8")
    assert list(broken_links(tmp_path)) == [
        "index.html: a/#missing -> no id 'missing' in a/index.html",
        "index.html: b/ -> b/index.html does not exist",
    ]
