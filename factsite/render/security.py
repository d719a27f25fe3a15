"""The Content-Security-Policy of every page: the site's own scripts only, inline ones by hash."""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
DATA_TYPES = ("application/ld+json", "application/json")

POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-src 'none'"
)


def content_security_policy(page_html: str, content_html: str = "") -> str:
    """The policy for one page: the theme's inline scripts allowed by hash, no other inline script.

    `content_html` is the page's rendered content: a script that stands in it came from content, and
    allowing it by hash would let a page's text run in readers' browsers.
    """
    hashes = []
    for match in INLINE_SCRIPT.finditer(page_html):
        attributes = match.group("attributes")
        if "src=" in attributes or any(kind in attributes for kind in DATA_TYPES):
            continue
        if content_html and match.group(0) in content_html:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    unique = sorted(set(hashes))
    return POLICY.format(hashes="".join(f" {h}" for h in unique))


def add_content_security_policy(page_html: str, content_html: str = "") -> str:
    policy = content_security_policy(page_html, content_html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = re.search(r"<head[^>]*>", page_html)
    if head is None:
        return page_html
    return page_html[: head.end()] + "\n    " + meta + page_html[head.end() :]
