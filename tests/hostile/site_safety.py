"""Scanning a built site for anything content could make a reader's browser run.

Every HTML page is parsed as a browser would tokenise it (html.parser): scripts must be the theme's
own (a `src` under `assets/`, or an inline script the clean base project also has), structured data
must be one JSON block, no element may carry an event handler or a `javascript:`, `data:` or
`vbscript:` address, and the page's Content-Security-Policy must allow no inline script but the
theme's. JSON and XML files must parse, and the HTML a feed carries is held to the same rules.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRIBUTES = frozenset(
    [
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "poster",
        "data",
        "cite",
        "background",
        "longdesc",
        "manifest",
        "srcset",
    ]
)
FORBIDDEN_SCHEMES = ("javascript:", "data:", "vbscript:")
FORBIDDEN_TAGS = frozenset(["iframe", "frame", "frameset", "object", "embed", "applet", "base"])
DATA_SCRIPT_TYPES = ("application/ld+json", "application/json")
# Faults of the site adapter that no content can cause, tested on their own until fixed: MkDocs
# renders 404.html through `on_post_template`, which the plugin does not hook, so it has no policy.
# Browsers drop these from a URL before reading its scheme (C0 controls and space, per WHATWG).
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")


@dataclass
class Script:
    attributes: dict[str, str]
    body: str = ""

    @property
    def kind(self) -> str:
        return (self.attributes.get("type") or "").lower()

    @property
    def sha256(self) -> str:
        return base64.b64encode(hashlib.sha256(self.body.encode("utf-8")).digest()).decode()


@dataclass
class PageParts:
    """What a page holds that could run: its scripts, its attributes, its security policy."""

    scripts: list[Script] = field(default_factory=list)
    attributes: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, name, value)
    tags: list[str] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts = PageParts()
        self._script: Script | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.parts.tags.append(tag)
        self.parts.attributes.extend((tag, name, value or "") for name, value in attrs)
        if tag == "script":
            self._script = Script(attributes)
            self.parts.scripts.append(self._script)
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "content-security-policy":
            self.parts.policies.append(attributes.get("content", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.body += data


def read_page(html: str) -> PageParts:
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    return reader.parts


def inline_scripts(site: Path) -> set[str]:
    """The bodies of every inline script in a site: the set of scripts a clean build needs."""
    bodies = set()
    for path in site.rglob("*.html"):
        for script in read_page(path.read_text("utf-8")).scripts:
            if "src" not in script.attributes and script.kind != "application/ld+json":
                bodies.add(script.body)
    return bodies


def unsafe_parts(site: Path, theme_scripts: set[str]) -> list[str]:
    """Everything in the built `site` that content could use to run code; empty if it is safe."""
    found = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            found += [f"{relative}: {fault}" for fault in page_faults(path, site, theme_scripts)]
        elif path.suffix in (".json", ".jsonld"):
            try:
                json.loads(path.read_text("utf-8"))
            except ValueError as problem:
                found.append(f"{relative}: not valid JSON: {problem}")
        elif path.suffix == ".xml":
            found += [f"{relative}: {fault}" for fault in feed_faults(path)]
    return found


def page_faults(path: Path, site: Path, theme_scripts: set[str]) -> list[str]:
    parts = read_page(path.read_text("utf-8"))
    return markup_faults(parts) + _script_faults(parts, path, site, theme_scripts) + _policy_faults(parts)


def feed_faults(path: Path) -> list[str]:
    """A feed must be well-formed XML, and the HTML it carries (`type="html"`) as safe as a page."""
    try:
        feed = ElementTree.fromstring(path.read_bytes())
    except ElementTree.ParseError as problem:
        return [f"not well-formed XML: {problem}"]
    faults = []
    for element in feed.iter():
        if element.get("type") == "html":
            parts = read_page(element.text or "")
            faults += markup_faults(parts) + [f"<script> in {element.tag}" for _ in parts.scripts]
    return faults


def markup_faults(parts: PageParts) -> list[str]:
    faults = [f"<{tag}> element" for tag in parts.tags if tag in FORBIDDEN_TAGS]
    for tag, name, value in parts.attributes:
        if name.startswith("on"):
            faults.append(f"<{tag} {name}={value!r}>: event handler")
        if name in URL_ATTRIBUTES and scheme_of(value).startswith(FORBIDDEN_SCHEMES):
            faults.append(f"<{tag} {name}={value!r}>: {scheme_of(value)} address")
    return faults


def markup_texts(site: Path) -> dict[str, str]:
    """Per HTML page and feed, what a browser may act on: tags, attribute names, addresses
    (entities decoded) and scripts; not text (in elements, in attributes like `title`, in JSON)."""
    texts = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            texts[relative] = _markup(read_page(path.read_text("utf-8")))
        elif path.suffix == ".xml":
            feed = ElementTree.fromstring(path.read_bytes())
            fragments = [read_page(e.text or "") for e in feed.iter() if e.get("type") == "html"]
            texts[relative] = "\n".join(_markup(parts) for parts in fragments)
    return texts


def _markup(parts: PageParts) -> str:
    pieces = [f"<{tag}>" for tag in parts.tags]
    for tag, name, value in parts.attributes:
        acting = name in URL_ATTRIBUTES or name == "style" or name.startswith("on")
        pieces.append(f"<{tag} {name}={value}>" if acting else f"<{tag} {name}>")
    code = [script.body for script in parts.scripts if script.kind not in DATA_SCRIPT_TYPES]
    return "\n".join(pieces + code)


def scheme_of(url: str) -> str:
    """A URL as a browser reads its scheme: lower case, control characters and spaces dropped."""
    return IGNORED_IN_SCHEME.sub("", url).lower()


def _script_faults(parts: PageParts, path: Path, site: Path, theme_scripts: set[str]) -> list[str]:
    faults = []
    structured = [script for script in parts.scripts if script.kind == "application/ld+json"]
    if len(structured) > 1:
        faults.append(f"{len(structured)} JSON-LD blocks")
    for script in parts.scripts:
        if "src" in script.attributes:
            source = script.attributes["src"]
            # The 404 page is served at any depth, so MkDocs links it from the site's root.
            folder = "/" if source.startswith("/") else "/" + path.parent.relative_to(site).as_posix()
            target = posixpath.normpath(posixpath.join(folder, source)).lstrip("/")
            if not target.startswith("assets/") or not (site / target).is_file():
                faults.append(f"script from {script.attributes['src']!r}, not the theme's assets/")
        elif script.kind == "application/ld+json":
            try:
                json.loads(script.body)
            except ValueError as problem:
                faults.append(f"JSON-LD block is not JSON ({problem}): {script.body[:80]!r}")
        elif script.body not in theme_scripts:
            faults.append(f"inline script the theme does not have: {script.body[:80]!r}")
    return faults


def _policy_faults(parts: PageParts) -> list[str]:
    if len(parts.policies) != 1:
        return [f"{len(parts.policies)} Content-Security-Policy meta tags, expected 1"]
    directives = dict(
        [*item.split(None, 1), ""][:2] for item in (d.strip() for d in parts.policies[0].split(";")) if item
    )
    script_src = directives.get("script-src", directives.get("default-src", "")).split()
    faults = []
    if "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src or "*" in script_src:
        faults.append(f"script-src allows too much: {' '.join(script_src)}")
    allowed = {source[len("'sha256-") : -1] for source in script_src if source.startswith("'sha256-")}
    executable = {
        script.sha256
        for script in parts.scripts
        if "src" not in script.attributes and script.kind not in DATA_SCRIPT_TYPES
    }
    if allowed - executable:
        faults.append("the policy allows inline scripts the page does not have")
    if executable - allowed:
        faults.append("the policy blocks an inline script of the theme")
    if directives.get("object-src") != "'none'":
        faults.append("object-src is not 'none'")
    return faults
