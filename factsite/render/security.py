"""The Content-Security-Policy of every page: the site's own scripts only, inline ones by hash."""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterator

INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
DATA_TYPES = ("application/ld+json", "application/json")

POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-src 'none'"
)


# A script element's start and end tags: `inline_scripts` finds what `INLINE_SCRIPT` matches without matching the
# body character by character (a page's JSON-LD and the theme's configuration are a few kilobytes).
SCRIPT_START = re.compile(r"<script(?P<attributes>[^>]*)>", re.IGNORECASE)
SCRIPT_END = re.compile(r"</script>", re.IGNORECASE)


def inline_scripts(page_html: str) -> Iterator[tuple[str, str, str]]:
    """The element, attributes and body of each match of `INLINE_SCRIPT` in `page_html`, in order.

    A match starts at a start tag and ends at the first end tag after it; a start tag with no end tag after it
    has none, and neither has any start tag after it.
    """
    position = 0
    while (start := SCRIPT_START.search(page_html, position)) is not None:
        end = SCRIPT_END.search(page_html, start.end())
        if end is None:
            return
        yield page_html[start.start() : end.end()], start.group("attributes"), page_html[start.end() : end.start()]
        position = end.end()


@functools.lru_cache(maxsize=1024)  # the theme's inline scripts are the same on every page
def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def content_security_policy(page_html: str, content_html: str = "") -> str:
    """The policy for one page: the theme's inline scripts allowed by hash, no other inline script.

    `content_html` is the page's rendered content: a script that stands in it came from content, and
    allowing it by hash would let a page's text run in readers' browsers.
    """
    hashes = []
    for element, attributes, body in inline_scripts(page_html):
        if "src=" in attributes or any(kind in attributes for kind in DATA_TYPES):
            continue
        if content_html and element in content_html:
            continue
        hashes.append(script_hash(body))
    unique = sorted(set(hashes))
    return POLICY.format(hashes="".join(f" {h}" for h in unique))


def add_content_security_policy(page_html: str, content_html: str = "") -> str:
    policy = content_security_policy(page_html, content_html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = re.search(r"<head[^>]*>", page_html)
    if head is None:
        return page_html
    return page_html[: head.end()] + "\n    " + meta + page_html[head.end() :]
