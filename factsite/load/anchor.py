"""Finding the claim marks `[words]{#claim-id}` in an article's Markdown, with their file positions.

Python-Markdown (pymdownx.bracketspan) renders the marks; this module reads the same syntax from the source so that
every mark can be checked and located before anything is rendered: a mark with no claim, a claim marked twice,
nested marks, a mark across a paragraph break, a list item, a heading or a block-quote line, inside a link or
inside code, a mark whose start is ambiguous, brackets nested too deep to parse in time.

A mark's words are exactly what lies between its own brackets, whatever brackets they hold: an editor's
`[The ministry]` at the start of a quoted sentence belongs to the mark. Before rendering, such editorial brackets
are escaped (`mark_ready`), so that the renderer pairs the mark's own brackets as this module does.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from factsite.load.fields import ID_PATTERN, error
from factsite.load.positions import LineIndex
from factsite.model import Location, Mark, Problem

# The attribute list that closes a bracketed span, as pymdownx.bracketspan reads it; it holds no
# brackets, so a list left open does not swallow the next mark.
MARK_CLOSE = re.compile(r"\]\{:?[ ]*([^{}\[\]\n]*?)[ ]*\}")
MARK_OPEN_ATTRIBUTES = re.compile(r"\]\{:?[ ]*#([\w-]*)")
ID_IN_ATTRIBUTES = re.compile(r"(?:^|\s)#(\S+)")
FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.MULTILINE)
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:[^\n]|\n(?![ \t]*\n))+?)(?<!`)\1(?!`)")
BRACKET_OR_LINE_END = re.compile(r"[\[\]\n]")
ESCAPABLE_BRACKET = re.compile(r"(?<!\\)[\[\]]")
# Brackets nested deeper than this are refused: Python-Markdown's link parsing takes quadratic time over
# nested brackets (40,000 in one paragraph took 77 s), and no prose nests brackets a tenth as deep.
MAX_BRACKET_DEPTH = 32
# Lines that end the block a mark starts in, when a mark runs onto them (Python-Markdown's block rules).
HEADING_LINE = re.compile(r"[ ]{0,3}#{1,6}(?:[ \t]|$)")
RULE_LINE = re.compile(r"[ ]{0,3}(?:(?:-[ ]*){3,}|(?:\*[ ]*){3,}|(?:_[ ]*){3,}|=+[ ]*)$")
QUOTE_LINE = re.compile(r"[ ]{0,3}>")
QUOTE_PREFIX = re.compile(r"^(?:[ ]{0,3}>[ ]?)+")
LIST_ITEM_LINE = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
# How far around a mark its sentence is looked for; a "sentence" longer than this is not prose.
SENTENCE_REACH = 5000


@dataclass(frozen=True)
class MarkSpan:
    """A claim mark as written in the source: `start`/`end` cover `[...]{...}`, `inner_*` the marked words."""

    claim_id: str
    number: int
    start: int
    end: int
    inner_start: int
    inner_end: int
    markdown: str
    location: Location
    # Offsets of the editorial brackets inside the mark's words (not a link's or an image's), which
    # `mark_ready` escapes before rendering.
    editorial: tuple[int, ...] = ()


def find_marks(body: str, path: str, first_line: int) -> tuple[tuple[MarkSpan, ...], list[Problem]]:
    """Return the claim marks of `body` in document order, and a problem for each malformed one."""
    lines = LineIndex(body, first_line)
    code = _code_ranges(body)
    problems: list[Problem] = []
    spans: list[MarkSpan] = []
    first_seen: dict[str, MarkSpan] = {}
    problems.extend(_unclosed_problems(body, path, lines, code))
    brackets = _pair_brackets(body, code)
    if brackets.too_deep is not None:
        problems.append(
            error(
                lines.location(path, brackets.too_deep),
                f"brackets are nested more than {MAX_BRACKET_DEPTH} deep",
                "write fewer nested '[', or escape them as \\[",
            )
        )
        return (), problems
    unclosed = set(brackets.unclosed)
    for match in MARK_CLOSE.finditer(body):
        id_match = ID_IN_ATTRIBUTES.search(match.group(1))
        if id_match is None:
            continue
        close = match.start()
        where = lines.location(path, close)
        if _inside(code, close):
            problems.append(
                error(
                    where,
                    f"claim mark '#{id_match.group(1)}' is inside code, where it cannot be rendered",
                    "move the mark outside the backticks or code block",
                )
            )
            continue
        opening = brackets.opening.get(close, NO_OPENING)
        claim_id = id_match.group(1)
        if isinstance(opening, str):
            problems.append(error(where, f"claim mark '#{claim_id}' {opening}", _OPENING_HINTS[opening]))
            continue
        mark_location = lines.location(path, opening)
        if not ID_PATTERN.fullmatch(claim_id):
            problems.append(
                error(
                    mark_location,
                    f"'{claim_id}' is not a valid claim id",
                    "claim ids use lower-case ASCII letters, digits and single hyphens",
                )
            )
            continue
        if match.group(1).strip() != f"#{claim_id}":
            problems.append(
                error(
                    mark_location,
                    f"claim mark '#{claim_id}' holds more than its id: '{{{match.group(1)}}}'",
                    _attributes_hint(match.group(1)),
                )
            )
            continue
        if brackets.enclosing.get(opening) in unclosed:
            stray = brackets.enclosing[opening]
            stray_at = lines.location(path, stray)
            problems.append(
                error(
                    mark_location,
                    f"claim mark '#{claim_id}' follows a '[' that nothing closes "
                    f"(line {stray_at.line}, column {stray_at.column}): where the mark starts is ambiguous",
                    "close that bracket, or escape it as \\[ if it is part of the text",
                )
            )
            continue
        crossing = _block_crossing(body, opening, close)
        if crossing:
            problems.append(
                error(
                    mark_location,
                    f"claim mark '#{claim_id}' {crossing}, where it cannot be rendered",
                    "a mark must stay within one paragraph, list item or heading; end it before the line break",
                )
            )
            continue
        if brackets.inside_link_text(body, opening):
            problems.append(
                error(
                    mark_location,
                    f"claim mark '#{claim_id}' is inside a link's text",
                    "put the link inside the mark instead: [words with [a link](https://...)]{#id}",
                )
            )
            continue
        if claim_id in first_seen:
            first = first_seen[claim_id].location
            problems.append(
                error(
                    mark_location,
                    f"claim '{claim_id}' is marked twice (first mark at line {first.line})",
                    "mark each claim once; give the second passage its own claim id",
                )
            )
            continue
        span = MarkSpan(
            claim_id=claim_id,
            number=0,
            start=opening,
            end=match.end(),
            inner_start=opening + 1,
            inner_end=close,
            markdown=body[opening + 1 : close],
            location=mark_location,
            editorial=_editorial_brackets(body, brackets, opening, close),
        )
        first_seen[claim_id] = span
        spans.append(span)
    spans.sort(key=lambda span: span.start)
    problems.extend(_nesting_problems(spans))
    numbered = tuple(
        MarkSpan(s.claim_id, n, s.start, s.end, s.inner_start, s.inner_end, s.markdown, s.location, s.editorial)
        for n, s in enumerate(spans, start=1)
    )
    return numbered, problems


NO_OPENING, SPANS_BREAK = "has no opening '['", "spans a paragraph break"
_OPENING_HINTS = {
    NO_OPENING: "write the mark as [words of the article]{#claim-id}",
    SPANS_BREAK: "a mark must stay within one paragraph; split it into two claims",
}


def _attributes_hint(attributes: str) -> str:
    joined = "-".join(attributes.strip().lstrip("#").split())
    if ID_PATTERN.fullmatch(joined):
        return f"claim ids have no spaces: did you mean {{#{joined}}}?"
    return "write only the claim id in the braces: [words]{#claim-id}"


def _unclosed_problems(body: str, path: str, lines: LineIndex, code: list[tuple[int, int]]) -> list[Problem]:
    # An attribute list a mark opens but never closes would leave the mark as text in the page.
    problems = []
    for match in MARK_OPEN_ATTRIBUTES.finditer(body):
        if MARK_CLOSE.match(body, match.start()) or _inside(code, match.start()):
            continue
        problems.append(
            error(
                lines.location(path, match.start()),
                f"claim mark '#{match.group(1)}' is never closed with '}}'",
                "end the mark's id with a closing brace: [words]{#claim-id}",
            )
        )
    return problems


@dataclass
class _Brackets:
    """Every `]` of a body with its `[`, paired in one pass: scanning from each mark would make
    a long paragraph with many marks take quadratic time."""

    # `]` -> its `[`, or why it has none; `[` -> its `]`; `[` -> the `[` of the brackets around it;
    # the `[` that nothing closes.
    opening: dict[int, int | str] = field(default_factory=dict)
    closing: dict[int, int] = field(default_factory=dict)
    enclosing: dict[int, int] = field(default_factory=dict)
    unclosed: list[int] = field(default_factory=list)
    # The first `[` nested deeper than MAX_BRACKET_DEPTH, and the outermost `[` around each such nest.
    too_deep: int | None = None
    deep_roots: list[int] = field(default_factory=list)

    def inside_link_text(self, body: str, opening: int) -> bool:
        # A mark is link text when the `]` closing its enclosing bracket is followed by `(` or `[`.
        closer = self.closing.get(self.enclosing.get(opening, -1))
        return closer is not None and body[closer + 1 : closer + 2] in ("(", "[")


def _pair_brackets(body: str, code: list[tuple[int, int]]) -> _Brackets:
    brackets = _Brackets()
    stack: list[int] = []
    carried = False  # a `[` was left open before the last paragraph break
    line_start = 0
    for match in BRACKET_OR_LINE_END.finditer(body):
        position = match.start()
        if match.group() == "\n":
            if line_start and not body[line_start:position].strip(" \t"):
                brackets.unclosed.extend(stack)
                carried, stack = bool(stack), []
            line_start = position + 1
        elif (position and body[position - 1] == "\\") or _inside(code, position):
            continue
        elif match.group() == "[":
            if stack:
                brackets.enclosing[position] = stack[-1]
            stack.append(position)
        elif stack:
            opening = stack.pop()
            brackets.opening[position], brackets.closing[opening] = opening, position
        else:
            brackets.opening[position] = SPANS_BREAK if carried else NO_OPENING
    brackets.unclosed.extend(stack)
    _measure_nesting(body, brackets)
    return brackets


def _measure_nesting(body: str, brackets: _Brackets) -> None:
    # Only brackets that close nest: a `[` nothing closes is plain text to Python-Markdown.
    depth, root = 0, 0
    for position in sorted(itertools.chain(brackets.closing, brackets.closing.values())):
        if body[position] == "]":
            depth -= 1
            continue
        depth += 1
        root = position if depth == 1 else root
        if depth > MAX_BRACKET_DEPTH:
            brackets.too_deep = position if brackets.too_deep is None else brackets.too_deep
            if not brackets.deep_roots or brackets.deep_roots[-1] != root:
                brackets.deep_roots.append(root)


def _editorial_brackets(body: str, brackets: _Brackets, opening: int, close: int) -> tuple[int, ...]:
    """The brackets inside a mark that are the text's own ("[The ministry]", "[...]"), not a link's,
    an image's or a footnote's."""
    offsets: list[int] = []
    inner = body.find("[", opening + 1, close)
    while inner != -1:
        end = brackets.closing.get(inner)
        if end is not None:
            link = body[end + 1 : end + 2] in ("(", "[")
            reference = body[inner - 1] == "]" and brackets.opening.get(inner - 1) is not None
            if not (link or reference or body[inner - 1] == "!" or body[inner + 1 : inner + 2] == "^"):
                offsets += [inner, end]
        inner = body.find("[", inner + 1, close)
    return tuple(sorted(offsets))


def mark_ready(body: str, spans: Sequence[MarkSpan]) -> str:
    """`body` with the editorial brackets inside its marks escaped, as Python-Markdown must read it.

    pymdownx.bracketspan would otherwise end a mark at an editor's `]`, leaving a stray bracket on the
    page. Escaped brackets read the same; every offset outside the marks is kept but for the added
    backslashes.
    """
    escapes = sorted(offset for span in spans for offset in span.editorial)
    if not escapes:
        return body
    pieces, last = [], 0
    for offset in escapes:
        pieces += [body[last:offset], "\\"]
        last = offset
    return "".join(pieces) + body[last:]


def _block_crossing(body: str, opening: int, close: int) -> str:
    """Why a mark's words cannot stay in one block of the page, or "" when they can."""
    newline = body.find("\n", opening, close)
    if newline == -1:
        return ""
    first_line = body[body.rfind("\n", 0, opening) + 1 : opening]
    paragraph_start = max(body.rfind("\n\n", 0, opening), 0)
    in_quote = bool(QUOTE_LINE.match(first_line))
    before = body[paragraph_start:opening].split("\n")
    in_list = any(LIST_ITEM_LINE.match(QUOTE_PREFIX.sub("", line)) for line in before)
    while newline != -1:
        line_end = body.find("\n", newline + 1)
        line = body[newline + 1 : line_end if line_end != -1 else len(body)]
        if HEADING_LINE.match(line):
            return "runs onto a heading line"
        if RULE_LINE.match(line):
            return "runs onto a rule or heading underline"
        if QUOTE_LINE.match(line) and not in_quote:
            return "runs onto a block-quote line"
        if in_list and LIST_ITEM_LINE.match(QUOTE_PREFIX.sub("", line) if in_quote else line):
            return "starts in one list item and ends in the next"
        newline = body.find("\n", newline + 1, close)
    return ""


def unclosed_brackets(text: str) -> list[int]:
    """Offsets of the `[` that no `]` closes, outside code, in Markdown `text`."""
    return sorted(_pair_brackets(text, _code_ranges(text)).unclosed)


def deep_brackets(text: str) -> list[int]:
    """Offsets of every `[` and `]` of each bracket group nested more than MAX_BRACKET_DEPTH deep, outside
    code, in `text`: escaped, the group is read as text at once, where even one `[` of it left for
    Python-Markdown would be scanned character by character to its paragraph's end."""
    code = _code_ranges(text)
    brackets = _pair_brackets(text, code)
    offsets: list[int] = []
    for root in brackets.deep_roots:
        end = brackets.closing[root]
        offsets.extend(
            match.start()
            for match in ESCAPABLE_BRACKET.finditer(text, root, end + 1)
            if not _inside(code, match.start())
        )
    return sorted(offsets)


def _nesting_problems(spans: list[MarkSpan]) -> list[Problem]:
    problems = []
    for outer, inner in itertools.pairwise(spans):
        if inner.start < outer.end:
            problems.append(
                error(
                    inner.location,
                    f"claim mark '#{inner.claim_id}' is nested inside '#{outer.claim_id}' (line {outer.location.line})",
                    "marks do not nest: mark the two claims side by side, or as one claim",
                )
            )
    return problems


def _code_ranges(body: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    fences = list(FENCE.finditer(body))
    index = 0
    while index < len(fences):
        opening = fences[index]
        kind = opening.group(1)[0]
        later = range(index + 1, len(fences))
        closing = next((i for i in later if fences[i].group(1)[0] == kind), None)
        ranges.append((opening.start(), fences[closing].end() if closing else len(body)))
        index = closing + 1 if closing else len(fences)
    for match in CODE_SPAN.finditer(body):
        if not _inside(ranges, match.start()):
            ranges.append((match.start(), match.end()))
    ranges.sort()
    return ranges


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    index = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return index >= 0 and ranges[index][0] <= offset < ranges[index][1]


SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n")


def locate_marks(spans: Sequence[MarkSpan], text: str, offsets: Mapping[str, tuple[int, int]]) -> tuple[Mark, ...]:
    """Every mark as readers see it (`locate_mark`), the text's sentence ends found once for all of them."""
    ends = SentenceEnds(text)
    return tuple(locate_mark(span, text, offsets[span.claim_id], ends) for span in spans)


class SentenceEnds:
    """Where `SENTENCE_END` matches in a whole text, so that each mark's sentence start is a look-up: scanning
    the text before every mark again was most of the time taken to place an article's marks."""

    def __init__(self, text: str) -> None:
        found = [(boundary.start(), boundary.end()) for boundary in SENTENCE_END.finditer(text)]
        self._starts = [start for start, _ in found]
        self._ends = [end for _, end in found]

    def last_before(self, offset: int) -> int | None:
        """The end of the last sentence end at or before `offset` (0 for none), as a scan of the text from its
        start up to `offset + 2` finds it; None when a match of the whole text reaches across `offset`, where
        that shorter scan may match differently."""
        index = bisect.bisect_right(self._ends, offset)
        if index < len(self._starts) and self._starts[index] < offset + 2:
            return None
        return self._ends[index - 1] if index else 0


def locate_mark(span: MarkSpan, text: str, offsets: tuple[int, int], ends: SentenceEnds | None = None) -> Mark:
    """The mark as readers see it: its words and its sentence in the article's plain text; `ends` are the
    text's sentence ends, found once for all its marks (`locate_marks`)."""
    start, end = offsets
    # Looked for within reach only, so that many marks in one endless line stay linear.
    sentence_start = _word_start(text, max(0, start - SENTENCE_REACH))
    known = ends.last_before(start) if ends is not None and sentence_start == 0 else None
    if known is not None:
        sentence_start = known
    else:
        # The look-ahead needs the first letters of the mark itself, hence the slack past `start`.
        for boundary in SENTENCE_END.finditer(text, sentence_start, min(len(text), start + 2)):
            if boundary.end() <= start:
                sentence_start = boundary.end()
    reach = min(len(text), end + SENTENCE_REACH)
    following = SENTENCE_END.search(text, end, reach)
    if following:
        sentence_end = following.start() + (0 if following.group() == "\n" else 1)
    else:
        space = text.rfind(" ", end, reach) if reach < len(text) else -1
        sentence_end = space if space != -1 else reach
    return Mark(
        claim_id=span.claim_id,
        number=span.number,
        markdown=span.markdown,
        text=text[start:end],
        sentence=text[sentence_start:sentence_end].strip(),
        location=span.location,
        start=start,
        end=end,
    )


def _word_start(text: str, offset: int) -> int:
    if offset == 0:
        return 0
    space = text.find(" ", offset)
    return space + 1 if space != -1 else offset
