"""Reading built pages as other systems do: JSON-LD blocks, meta tags, links, visible text."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any


@dataclass
class PageFacts:
    json_ld: list[Any] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)
    anchors: list[str] = field(default_factory=list)
    # Visible text of elements with a given class, e.g. "fs-badge__label".
    texts: dict[str, list[str]] = field(default_factory=dict)
    heading: str = ""
    scripts: int = 0


class _FactsParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._json: list[str] | None = None
        self._open: list[tuple[str, list[str]]] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "script":
            self.facts.scripts += 1
            if attributes.get("type") == "application/ld+json":
                self._json = []
        elif tag == "meta":
            key = attributes.get("property") or attributes.get("name") or ""
            self.facts.meta.setdefault(key, []).append(attributes.get("content", ""))
        elif tag == "link":
            for rel in attributes.get("rel", "").split():
                self.facts.links.setdefault(rel, []).append(attributes.get("href", ""))
        elif tag == "a" and "href" in attributes:
            self.facts.anchors.append(attributes["href"])
        if tag == "h1":
            self._in_h1 = True
        if tag not in ("meta", "link", "br", "img", "input"):
            self._open.append((tag, attributes.get("class", "").split()))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._json is not None:
            self.facts.json_ld.append(json.loads("".join(self._json)))
            self._json = None
        if tag == "h1":
            self._in_h1 = False
        while self._open:
            opened, _ = self._open.pop()
            if opened == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._json is not None:
            self._json.append(data)
            return
        if self._in_h1:
            self.facts.heading += data
        for _, classes in self._open:
            for name in classes:
                self.facts.texts.setdefault(name, []).append(data)


def read_page(path: Path) -> PageFacts:
    parser = _FactsParser()
    parser.feed(path.read_text("utf-8"))
    parser.close()
    facts = parser.facts
    facts.texts = {name: ["".join(parts).strip()] for name, parts in facts.texts.items()}
    facts.heading = " ".join(facts.heading.split())
    return facts


def text_of(facts: PageFacts, css_class: str) -> str:
    """The visible text of the elements with `css_class`, joined."""
    return " ".join(facts.texts.get(css_class, [""]))


def claim_reviews(facts: PageFacts) -> list[dict[str, Any]]:
    return [block for block in facts.json_ld if block.get("@type") == "ClaimReview"]
