"""Rendering content Markdown (article bodies, notes, summaries) to sanitised HTML.

One Markdown instance serves a whole build and is reset between documents: building a new instance per page is
what makes plain Markdown rendering slow at tens of thousands of pages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import markdown

from factsite.load.anchor import deep_brackets, unclosed_brackets
from factsite.render.claim_marks import ClaimMarkExtension, MarkLink
from factsite.render.page_safety import PageScan, Scanner
from factsite.render.sanitise import sanitise_html

# Notes kept rendered by one renderer; past this many it starts afresh (a renderer can serve a live preview for hours).
NOTES_KEPT = 10_000
# Openers that nothing closes, kept as they are up to this many of each kind; see `_defuse_openers`.
UNCLOSED_OPENERS_KEPT = 100
BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "table", "tr", "td", "th", "dt", "dd",
     "figcaption", "hr", "br"}
)  # fmt: skip


@dataclass(frozen=True)
class RenderedArticle:
    """An article body as HTML, its plain text as readers see it, and where each mark's words stand in it;
    `page` is what `page_safety` judges in the HTML, collected in the same pass."""

    html: str
    text: str
    mark_offsets: Mapping[str, tuple[int, int]]
    page: PageScan


class MarkdownRenderer:
    def __init__(self) -> None:
        self._claim_marks = ClaimMarkExtension()
        self._article = markdown.Markdown(
            extensions=["attr_list", "pymdownx.bracketspan", "sane_lists", self._claim_marks],
            output_format="html",
        )
        self._note = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        # Notes rendered, by their text: a source's note shows on each claim page citing it, an article's summary
        # on its page and on the index.
        self._notes: dict[str, str] = {}

    def render_article(self, body: str, marks: Mapping[str, MarkLink]) -> RenderedArticle:
        self._article.reset()
        self._claim_marks.marks = marks
        html = sanitise_html(_convert(self._article, body))
        parser = _TextExtractor()
        parser.feed(html)
        parser.close()
        return RenderedArticle(html, "".join(parser.parts), parser.offsets, parser.scan())

    def render_note(self, text: str) -> str:
        """Block Markdown (notes, summaries) to sanitised HTML."""
        if not text:
            return ""
        html = self._notes.get(text)
        if html is None:
            if len(self._notes) >= NOTES_KEPT:
                self._notes.clear()
            self._note.reset()
            html = self._notes[text] = sanitise_html(_convert(self._note, text))
        return html

    def render_inline(self, text: str) -> str:
        """One paragraph of Markdown without its `<p>` wrapper."""
        html = self.render_note(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html


def _convert(md: markdown.Markdown, text: str) -> str:
    """Python-Markdown's HTML for `text`, in time linear in bracket nesting.

    Python-Markdown scans through every bracket nested inside a `[` to find its end, and splits the text
    again at each escaped one: brackets nested deeper than any prose nests them (article bodies refuse
    them, see factsite.load.anchor) stand in as private-use characters the text does not hold, and are put
    back in the HTML.
    """
    deep = deep_brackets(text)
    if not deep:
        return md.convert(_defuse_openers(text))
    used = set(text)
    free = [c for c in map(chr, range(0xE000, 0xF900)) if c not in used][:2]
    if len(free) < 2:  # a text that holds every private-use character: correct, if slow
        return md.convert(_defuse_openers(text))
    opening, closing = free
    characters = list(text)
    for offset in deep:
        characters[offset] = opening if text[offset] == "[" else closing
    html = md.convert(_defuse_openers("".join(characters)))
    return html.replace(opening, "[").replace(closing, "]")


def _defuse_openers(text: str) -> str:
    """`text` with its `[` and `<` that nothing closes escaped, when there are many of them.

    Python-Markdown looks for the end of each `[` up to the end of its paragraph, and Python's HTML
    parser, which it runs over the whole text, for the end of each `<` up to the end of the text: a
    hostile text full of them takes quadratic time. Escaped, they read the same.
    """
    escapes = dict.fromkeys(unclosed_brackets(text), "\\[")
    if len(escapes) <= UNCLOSED_OPENERS_KEPT:
        escapes = {}
    angles = [match.start() for match in re.finditer("<", text)]
    # A `<` with no `>` before the next `<` can open no tag.
    following = [*angles[1:], len(text)] if angles else []
    stray = [a for a, b in zip(angles, following, strict=True) if text.find(">", a, b) == -1]
    if len(stray) > UNCLOSED_OPENERS_KEPT:
        escapes.update(dict.fromkeys(stray, "&lt;"))
    if not escapes:
        return text
    pieces, last = [], 0
    for offset in sorted(escapes):
        pieces += [text[last:offset], escapes[offset]]
        last = offset + 1
    return "".join(pieces) + text[last:]


class _TextExtractor(Scanner):
    """Collects the text a reader sees, and the offsets of each claim mark's words, from rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.length = 0
        self.offsets: dict[str, tuple[int, int]] = {}
        self._open: list[tuple[str, str | None, bool]] = []
        self._skip_depth = 0
        self._needs_break = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        attributes = dict(attrs)
        if tag in BLOCK_TAGS and self.length:
            self._needs_break = True
        classes = (attributes.get("class") or "").split()
        skip = "fs-mark__badge" in classes or tag in ("svg", "script", "style")
        if skip:
            self._skip_depth += 1
        claim = attributes.get("data-claim") if "fs-mark" in classes else None
        if claim:
            self._break_if_needed()
            self.offsets[claim] = (self.length, self.length)
        if tag not in ("br", "hr", "img"):
            self._open.append((tag, claim, skip))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            opened, claim, skip = self._open.pop()
            if skip:
                self._skip_depth -= 1
            if claim:
                self.offsets[claim] = (self.offsets[claim][0], self.length)
            if opened == tag:
                break
        if tag in BLOCK_TAGS:
            self._needs_break = True

    def handle_data(self, data: str) -> None:
        if self._skip_depth or not data:
            return
        if data.strip():
            self._break_if_needed()
        elif not self.parts or self.parts[-1].endswith("\n"):
            return
        self.parts.append(data)
        self.length += len(data)

    def _break_if_needed(self) -> None:
        if self._needs_break and self.length:
            self.parts.append("\n")
            self.length += 1
        self._needs_break = False
