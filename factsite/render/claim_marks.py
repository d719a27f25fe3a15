"""A Python-Markdown extension that turns claim marks into links to their claim pages.

`pymdownx.bracketspan` with `attr_list` renders `[words]{#claim-id}` as `<span id="claim-id">`. This extension
rewrites each such span whose id is a known claim into
`<a class="fs-mark ..." href="claims/claim-id/" id="mark-claim-id">words <span class="fs-mark__badge">...</span></a>`:
colour (by class), icon, number and text label together, so the verdict never depends on colour alone.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


@dataclass(frozen=True)
class MarkLink:
    """How one claim mark shows in the article text."""

    href: str
    number: int
    label: str
    css_class: str
    icon_svg: str = ""
    description: str = ""


class ClaimMarkTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: ClaimMarkExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        marks = self.extension.marks
        for element in list(root.iter("span")):
            link = marks.get(element.get("id", ""))
            if link is not None:
                _rewrite_as_mark(element, element.get("id", ""), link)


def _rewrite_as_mark(element: etree.Element, claim_id: str, link: MarkLink) -> None:
    text, children, tail = element.text, list(element), element.tail
    element.clear()
    element.tag = "a"
    element.tail = tail
    element.set("class", f"fs-mark {link.css_class}")
    element.set("id", f"mark-{claim_id}")
    element.set("href", link.href)
    element.set("data-claim", claim_id)
    if link.description:
        element.set("title", link.description)
    words = etree.SubElement(element, "span", {"class": "fs-mark__text"})
    words.text = text
    words.extend(children)
    # Links cannot nest: a link inside a mark keeps its words, the mark's own link wins.
    for nested in words.iter("a"):
        nested.tag = "span"
        nested.attrib = {"class": "fs-mark__inner-link"}
    badge = etree.SubElement(element, "span", {"class": "fs-mark__badge"})
    if link.icon_svg:
        badge.append(_icon(link.icon_svg))
    number = etree.SubElement(badge, "span", {"class": "fs-mark__number"})
    number.text = f"{link.number}"
    label = etree.SubElement(badge, "span", {"class": "fs-mark__label"})
    label.text = link.label


def _icon(svg: str) -> etree.Element:
    # ElementTree names SVG elements `{http://www.w3.org/2000/svg}svg`; Python-Markdown writes such
    # names out as they are, and the sanitiser then escaped the icon into visible text.
    icon = etree.fromstring(svg)
    for part in icon.iter():
        part.tag = part.tag.rpartition("}")[2]
    return icon


class ClaimMarkExtension(Extension):
    """Renders the claim marks named in `marks`; set `marks` before each conversion."""

    def __init__(self, **kwargs: object) -> None:
        self.marks: Mapping[str, MarkLink] = {}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # Runs after the inline patterns (20) and attr_list (8), which give the spans their ids.
        md.treeprocessors.register(ClaimMarkTreeprocessor(md, self), "factsite_claim_marks", 7)
        md.registerExtension(self)

    def reset(self) -> None:
        self.marks = {}


def makeExtension(**kwargs: object) -> ClaimMarkExtension:
    return ClaimMarkExtension(**kwargs)
