"""The prose of an article with its Markdown markup blanked out, so every detector reads words only.

Markup (front matter, claim marks `[...]{#id}`, link targets, code, HTML, heading and list markers,
emphasis) is replaced by spaces of the same length: offsets into the prose are offsets into the text
the editor wrote, which is what findings must point at. Python-Markdown does not report source
offsets for inline text, hence this small blanking pass of our own. Plain text passes unchanged.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
FENCED_CODE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ ]{0,3}\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>\n]*>", re.DOTALL)
IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
LINK_TARGET = re.compile(r"\]\([^)\n]*\)|\]\[[^\]\n]*\]")
ATTRIBUTE_LIST = re.compile(r"\]\{:?[^}\n]*\}")
REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[^\n]*$", re.M)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"]+[^\s<>()\".,;:!?'\u2019\u201d]")
BLOCK_MARKER = re.compile(r"^[ ]{0,3}(?:>[ ]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)?", re.MULTILINE)
HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$", re.M)
EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])")
ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!\"'])")
HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]", re.M)

# A sentence ends at . ! ? (and any closing quotes or brackets after it) followed by space.
# The danda ends a Hindi sentence, the Arabic question mark an Arabic one; » closes an Arabic quotation.
SENTENCE_END = re.compile(r"[.!?\u2026\u0964\u061f]+[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)")
TERMINAL_LINE = re.compile(r"[.!?:\u2026\u0964\u061f][\"'\u201d\u2019\u00bb)\]]*\s*$")
ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Rev|Jr|Sr|No|"
    r"vs|etc|approx|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$"
)


def _blank_matches(text: str, pattern: re.Pattern[str]) -> str:
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        pieces.append(text[last : match.start()])
        pieces.append(re.sub(r"[^\n]", " ", match.group(0)))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def mask_markdown(text: str) -> str:
    """Blank the Markdown markup of `text`, keeping every character of prose at its offset."""
    masked = text
    for pattern in (FRONT_MATTER, FENCED_CODE, REFERENCE_DEFINITION, HTML, CODE_SPAN, IMAGE):
        masked = _blank_matches(masked, pattern)
    for pattern in (URL, EMAIL, ATTRIBUTE_LIST, LINK_TARGET, HEADING_CLOSE, BLOCK_MARKER, ESCAPE):
        masked = _blank_matches(masked, pattern)
    masked = _blank_matches(masked, EMPHASIS)
    return _blank_opening_brackets(text, masked)


def _blank_opening_brackets(text: str, masked: str) -> str:
    # An opening bracket is markup when its closing one was (a mark or a link); "[sic]" stays.
    closed = {i for i, (a, b) in enumerate(zip(text, masked, strict=True)) if a == "]" and b == " "}
    chars = list(masked)
    for close in sorted(closed):
        depth = 0
        for index in range(close - 1, -1, -1):
            if text[index] == "]" and index not in closed:
                depth += 1
            elif text[index] == "[" and chars[index] == "[":
                if depth == 0:
                    chars[index] = " "
                    break
                depth -= 1
            elif text[index] == "\n" and index > 0 and text[index - 1] == "\n":
                break
    return "".join(chars)


@dataclass(frozen=True)
class Line:
    """One line of the prose: `start`/`end` exclude the newline; `heading` for Markdown headings."""

    start: int
    end: int
    text: str
    heading: bool

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass(frozen=True)
class Prose:
    """An article's text and its blanked twin: detectors read `masked`, offsets hold for both."""

    text: str
    masked: str

    @classmethod
    def from_text(cls, text: str) -> Prose:
        return cls(text, mask_markdown(text))

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        lines: list[Line] = []
        offset = 0
        for raw in self.masked.split("\n"):
            original = self.text[offset : offset + len(raw)]
            lines.append(Line(offset, offset + len(raw), raw, bool(HEADING.match(original))))
            offset += len(raw) + 1
        return tuple(lines)

    @cached_property
    def sentence_starts(self) -> frozenset[int]:
        """Offsets of the first letter of every sentence, heading and paragraph."""
        starts: set[int] = set()
        previous_ends_sentence = True
        for line in self.lines:
            if not line.stripped:
                previous_ends_sentence = True
                continue
            if previous_ends_sentence or line.heading:
                starts.add(self._next_letter(line.start, line.end))
            for word in re.finditer(r"\S+", line.text):
                token = word.group(0)
                ends = bool(SENTENCE_END.search(token)) and not ABBREVIATION.search(token)
                if ends or token.endswith(":"):
                    starts.add(self._next_letter(line.start + word.end(), line.end))
            previous_ends_sentence = line.heading or bool(TERMINAL_LINE.search(line.text))
        starts.discard(-1)
        return frozenset(starts)

    def _next_letter(self, start: int, end: int) -> int:
        # Sentences often open on a quotation mark or bracket: the letter that counts comes after.
        for index in range(start, end):
            if self.masked[index].isalnum():
                return index
        return -1

    def is_sentence_start(self, offset: int) -> bool:
        return offset in self.sentence_starts

    @cached_property
    def paragraphs(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of every block separated by blank lines, headings on their own."""
        blocks: list[tuple[int, int]] = []
        start: int | None = None
        end = 0
        for line in self.lines:
            if not line.stripped or line.heading:
                if start is not None:
                    blocks.append((start, end))
                start = None
                if line.heading:
                    blocks.append((line.start, line.end))
                continue
            if start is None:
                start = line.start
            end = line.end
        if start is not None:
            blocks.append((start, end))
        return tuple(blocks)

    def paragraph_at(self, offset: int) -> tuple[int, int]:
        for start, end in self.paragraphs:
            if start <= offset <= end:
                return start, end
        return offset, offset

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence, or run of sentences, holding `start:end`, within its paragraph."""
        first, last = self.paragraph_at(start)
        starts = self.sorted_sentence_starts
        index = bisect.bisect_right(starts, start) - 1
        sentence_start = starts[index] if index >= 0 and starts[index] >= first else first
        index = bisect.bisect_right(starts, max(end - 1, start))
        sentence_end = starts[index] if index < len(starts) and starts[index] <= last else last
        while sentence_end > end and self.masked[sentence_end - 1].isspace():
            sentence_end -= 1
        return sentence_start, max(sentence_end, end)

    @cached_property
    def sorted_sentence_starts(self) -> tuple[int, ...]:
        return tuple(sorted(self.sentence_starts))
