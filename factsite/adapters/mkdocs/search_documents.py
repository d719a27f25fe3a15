"""The documents Pagefind indexes: one per article, holding its claims as sections, and every other page.

Pagefind's browser engine fetches, before the first result, its list of every indexed document (about
6 bytes a document, compressed): 159 KB at 26,000 pages, more than half of the 300 KB a search may
cost. A claim is indexed as a section of its article's document instead of as a document of its own,
under a heading whose id is the claim page's address relative to the article (`claims/<id>/`): the
list is twenty times shorter, a search finds the article and, within it, the claims its words are in
(Pagefind's sub-results), and the search page turns each section's link (`articles/a/#claims/c/`) into
the claim page's (`articles/a/claims/c/`). The documents are made from the site's finished pages and
given to Pagefind as they are made (pagefind_service.py); the site itself does not change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

# The pages searched: every page in a folder, which leaves out the site's 404.html (the home page, the
# only other page at the root, lists everything and is not indexed either).
PAGES = "*/**/*.html"
ARTICLES = "articles"
CLAIMS = "claims"
CLAIMANTS = "claimants"
# The page's content in Material's layout: the element Pagefind reads (search.CONTENT_SELECTOR).
_CONTENT = re.compile(r'<article class="md-content__inner[^"]*">(.*)</article>', re.DOTALL)
_HTML_TAG = re.compile(r"<html\b[^>]*>")
_HEADING = re.compile(r"<h1>(.*?)</h1>", re.DOTALL)


def documents(site_dir: Path) -> Iterator[tuple[str, str]]:
    """What Pagefind indexes of `site_dir`: each document's path relative to the site, in the order of the paths,
    and its HTML."""
    for page in sorted(site_dir.glob(PAGES)):
        path = page.relative_to(site_dir).as_posix()
        found = role(path)
        if found == "article":
            yield path, article_document(site_dir / ARTICLES / path.split("/")[1])
        elif found == "page":
            # A site's own page published as it is (`static_files: allow:`) may be in another encoding: read as
            # Pagefind's command line read it, as UTF-8 with any invalid byte replaced (U+FFFD), not stopping the build.
            yield path, page.read_bytes().decode("utf-8", "replace")


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


def article_document(article_dir: Path) -> str:
    """The article's page with each of its claim pages' content appended as a section, in the article's order."""
    html = (article_dir / "index.html").read_text("utf-8")
    content = _CONTENT.search(html)
    opening = _HTML_TAG.search(html)
    if content is None or opening is None:
        return html  # not a page of factsite's layout: indexed as it is
    sections = {
        path.parent.name: claim_section(path.parent.name, path.read_text("utf-8"))
        for path in (article_dir / CLAIMS).glob("*/index.html")
    }
    claims = sorted(sections, key=lambda claim: (_position(html, claim), claim))
    return (
        f'<!doctype html>{opening.group(0)}<body><article class="md-content__inner">'
        f"{content.group(1)}{''.join(sections[claim] for claim in claims)}</article></body></html>"
    )


def claim_section(claim_id: str, html: str) -> str:
    """What the document of its article holds of the claim page `html`: its content, as a section."""
    content = _CONTENT.search(html)
    if content is None:
        return ""
    address = f"{CLAIMS}/{claim_id}/"
    # The claim's heading becomes its section's: Pagefind makes a sub-result of each heading with an id.
    return "<section>" + _HEADING.sub(rf'<h2 id="{address}">\1</h2>', content.group(1), count=1) + "</section>"


def _position(article_html: str, claim_id: str) -> int:
    found = article_html.find(f'data-claim="{claim_id}"')
    return found if found >= 0 else len(article_html)
