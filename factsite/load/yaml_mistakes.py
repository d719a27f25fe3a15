"""Explaining a YAML syntax error by the mistake an editor made, on the line where it was made.

The parser reports where it noticed a problem, often the line after the mistake or the end of the file, in
its own terms ("did not find expected key", "mapping values are not allowed here"). When the parser fails,
the lines up to that point are read again the way an editor reads them: by indentation, keys, colons and
quotes, for the common mistakes: a key indented too far or too little, a list item at the wrong level or
among keys, a key among list items, a missing colon or a missing space after it, an unclosed quote or text after
the closing one, ': ' inside a value, a value starting with a character YAML reserves. Tabs and duplicate keys
are found by the reader itself (`yaml_nodes.py`). A failure none of these explains keeps the parser's message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KEY = re.compile(r"(?P<key>[^\s:#'\"\[\]{}&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?:[ \t]+(?P<value>.*))?$")
BLOCK_SCALAR = re.compile(r"(?:^-|:)[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")


@dataclass(frozen=True)
class Explanation:
    """A mistake's place (0-based line and column of the text) and what to change."""

    line: int
    column: int
    message: str
    hint: str


@dataclass(frozen=True)
class _Line:
    """A line holding YAML structure (not blank, not a comment, not inside a block of text)."""

    number: int  # from 0, in the YAML text
    indent: int
    text: str  # without the indentation
    offset: int = 0  # lines of the file before the YAML text (front matter starts after its `---`)

    @property
    def shown(self) -> int:
        """The line's number in the file, as messages give it."""
        return self.number + 1 + self.offset

    @property
    def is_item(self) -> bool:
        return self.text == "-" or self.text.startswith("- ")

    @property
    def body(self) -> str:
        """The text after the list item's dash, or the whole text."""
        return self.text[1:].lstrip(" ") if self.is_item else self.text

    @property
    def key_column(self) -> int:
        return self.indent + len(self.text) - len(self.body)

    @property
    def key(self) -> str | None:
        found = KEY.match(self.body)
        return found.group("key") if found else None

    @property
    def inline_value(self) -> str:
        found = KEY.match(self.body)
        return (found.group("value") or "").strip() if found else ""

    def named(self) -> str:
        """How messages quote the line: its key with the colon, or the start of its text."""
        if self.key is not None:
            return f"'{'- ' if self.is_item else ''}{self.key}:'"
        return f"'{_shorten(self.text)}'"


def explain(
    text: str, index: int, problem: str, quote_index: int | None = None, line_offset: int = 0
) -> Explanation | None:
    """What the editor got wrong, for a parser failure at `index` of `text` with the parser's `problem`;
    `quote_index` is where the parser was reading a quoted value, if it was; `line_offset` counts the lines of
    the file before `text`, for the line numbers messages give."""
    lines = _structure_lines(text, line_offset)
    error_line = text.count("\n", 0, index)
    before = [line for line in lines if line.number <= error_line]
    return (
        _unclosed_quote(before, text.split("\n"), error_line)
        or _unknown_escape(text, index, problem)
        or _open_quote_at(text, quote_index, problem)
        or _missing_colon(before, error_line, problem)
        or _misplaced_item(before, error_line)
        or _misindented_key(lines, error_line, index - (text.rfind("\n", 0, index) + 1), problem)
        or _colon_in_value(before, error_line, problem)
        or _key_among_items(before, error_line, problem)
        or _reserved_first_character(before, error_line, problem)
        or _unclosed_bracket(before, error_line, problem)
    )


def _structure_lines(text: str, offset: int) -> list[_Line]:
    lines: list[_Line] = []
    opened_at: int | None = None  # the indentation of the line that opened a block of text (`|`, `>`)
    block_indent: int | None = None  # the block's own indentation, set by its first line
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.lstrip(" ")
        indent = len(raw) - len(stripped)
        if opened_at is not None:
            if not stripped.strip():
                continue
            if block_indent is None and indent > opened_at:
                block_indent = indent
            if block_indent is not None and indent >= block_indent:
                continue
            opened_at = block_indent = None
        if not stripped.strip() or stripped.startswith("#"):
            continue
        line = _Line(number, indent, stripped.rstrip(), offset)
        lines.append(line)
        if BLOCK_SCALAR.search(line.text):
            opened_at = line.indent
    return lines


def _unclosed_quote(lines: list[_Line], raw_lines: list[str], error_line: int) -> Explanation | None:
    # A quoted value may run over several lines; one that never closes makes the parser fail wherever the
    # next quote happens to be, often at the end of the file. The first quote left open on its own line, and
    # not closed on a later line before the failure, is the likeliest culprit.
    for line in lines:
        value = line.inline_value if line.key is not None else line.body if line.is_item else ""
        if not value or value[0] not in "\"'":
            continue
        quote = value[0]
        closing = r'(?<!\\)(?:\\\\)*"' if quote == '"' else r"'(?!')"
        rest = value[1:].replace("''", "") if quote == "'" else value[1:]
        closed = re.search(closing, rest)
        if closed:
            trailing = rest[closed.end() :].strip()
            if trailing and not trailing.startswith("#"):
                # `title: "Jobs" report`: a quoted value ends at its closing quote.
                column = line.indent + len(line.text) - len(value)
                single = "'" + value.replace("'", "''") + "'"
                return Explanation(
                    line.number,
                    column,
                    f"the value of {line.named()} goes on after its closing quote ({quote})",
                    f"quote the whole value: {line.key or ''}: {_shorten(single, 60)}"
                    if line.key
                    else f"quote the whole value: {_shorten(single, 60)}",
                )
            continue
        if _closed_later(raw_lines[line.number + 1 : error_line], quote, closing):
            continue
        column = line.indent + len(line.text) - len(value)
        name = line.named()
        inside = (
            "to write \" inside the value, quote it with ' instead"
            if quote == '"'
            else "to write ' inside the value, write it twice ('')"
        )
        return Explanation(
            line.number,
            column,
            f"the value of {name} opens a quote ({quote}) that is never closed",
            f"end the value with {quote}, or remove the opening {quote}; {inside}",
        )
    return None


def _closed_later(following: list[str], quote: str, closing: str) -> bool:
    """Whether one of the `following` lines closes the quote and ends there, as a value over several lines does."""
    for raw in following:
        text = raw.replace("''", "") if quote == "'" else raw
        closed = re.search(closing, text)
        if closed:
            rest = text[closed.end() :].strip()
            return not rest or rest.startswith("#")
    return False


def _unknown_escape(text: str, index: int, problem: str) -> Explanation | None:
    # A backslash starts an escape in double quotes: "C:\Users" asks for a character code after \U.
    if "unknown escape" not in problem and "hexdecimal number" not in problem:
        return None
    backslash = text.rfind("\\", 0, index + 1)
    line_start = text.rfind("\n", 0, backslash) + 1
    escape = text[backslash : backslash + 2]
    return Explanation(
        text.count("\n", 0, backslash),
        backslash - line_start,
        f"'{escape}' is not a valid escape in double-quoted text",
        "write \\\\ for a backslash, or quote the value with ' instead, where a backslash is itself",
    )


def _open_quote_at(text: str, index: int | None, problem: str) -> Explanation | None:
    # The parser also names the quoted value it was reading for a bad escape inside it, handled above.
    if index is None or index >= len(text) or text[index] not in "\"'" or "end of stream" not in problem:
        return None
    line_start = text.rfind("\n", 0, index) + 1
    quote = text[index]
    return Explanation(
        text.count("\n", 0, index),
        index - line_start,
        f"this quote ({quote}) is never closed",
        f"end the quoted text with {quote}, or remove the opening {quote}",
    )


def _missing_colon(lines: list[_Line], error_line: int, problem: str) -> Explanation | None:
    if "could not find expected ':'" not in problem:
        return None
    # The parser read the line without a colon as the start of a long key and failed at a later line.
    for line in reversed(lines):
        if line.number > error_line or line.key is not None or (line.is_item and ":" not in line.body):
            continue
        body = line.body
        prefix = "- " if line.is_item else ""
        glued = re.match(r"([^\s:]+):(\S.*)$", body)
        if glued:
            return Explanation(
                line.number,
                line.key_column + len(glued.group(1)),
                f"'{_shorten(body)}' has no space after its ':'",
                f"write '{prefix}{glued.group(1)}: {_shorten(glued.group(2))}'",
            )
        key, _, value = body.partition(" ")
        if not value:
            return Explanation(
                line.number,
                line.key_column + len(key),
                f"'{_shorten(key)}' has no ':' after it",
                f"write '{prefix}{_shorten(key)}:'",
            )
        return Explanation(
            line.number,
            line.key_column + len(key),
            f"'{_shorten(body)}' has no ':' between its key and its value",
            f"write '{prefix}{key}: {_shorten(value.strip())}'",
        )
    return None


def _misplaced_item(lines: list[_Line], error_line: int) -> Explanation | None:
    line = next((line for line in lines if line.number == error_line), None)
    if line is None or not line.is_item:
        return None
    earlier = [other for other in lines if other.number < line.number]
    previous = next((other for other in reversed(earlier) if other.is_item), None)
    if previous is None and earlier and earlier[-1].key_column == line.indent and earlier[-1].key is not None:
        return Explanation(
            line.number,
            line.indent,
            f"the list item {line.named()} stands among keys such as {earlier[-1].named()} (line {earlier[-1].shown})",
            "put the list under a key of its own, e.g. sources:, with its items indented below it",
        )
    if previous is None or previous.indent == line.indent:
        return None
    return Explanation(
        line.number,
        line.indent,
        f"the list item {line.named()} is indented {_spaces(line.indent)}, but the item before it (line"
        f" {previous.shown}) is indented {_spaces(previous.indent)}",
        f"{_indent('it', previous.indent)}, like the item on line {previous.shown}",
    )


def _misindented_key(lines: list[_Line], error_line: int, column: int, problem: str) -> Explanation | None:
    here = _line_at(lines, error_line)
    if here is None or here.key is None:
        return None
    earlier = [line for line in lines if line.number < here.number]
    if not earlier:
        return None
    previous = earlier[-1]
    sibling = previous.key_column
    if "mapping values are not allowed" in problem:
        # Only the line's own colon is an indentation mistake; a later one is a value holding ': '.
        if column != here.key_column + len(here.key or "") or here.indent <= sibling or not previous.inline_value:
            return None
        before = earlier[-2] if len(earlier) > 1 else None
        if before is not None and previous.indent < before.key_column == here.indent:
            # The line before is the odd one out: less indented than the lines on both sides of it.
            return Explanation(
                previous.number,
                previous.indent,
                f"{previous.named()} is indented {_spaces(previous.indent)}, less than {before.named()} above it"
                f" and {here.named()} below it ({here.indent})",
                f"{_indent(previous.named(), before.key_column)}, like {before.named()} on line {before.shown}",
            )
        return Explanation(
            here.number,
            here.indent,
            f"{here.named()} is indented {_spaces(here.indent)}, more than {previous.named()}"
            f" {_on(previous, here)} ({sibling}), so it reads as part of that line's value",
            f"{_indent(here.named(), sibling)}, like {previous.named()} on line {previous.shown}",
        )
    if "expected key" not in problem and "expected <block end>" not in problem:
        return None
    before = earlier[-2] if len(earlier) > 1 else None
    after = next((line for line in lines if line.number > here.number), None)
    first_under_parent = (
        before is not None
        and before.key is not None
        and not before.inline_value
        and before.key_column < here.indent
        and (after is None or after.indent == here.indent)
    )
    if previous.inline_value and here.indent < sibling and first_under_parent and before is not None:
        # The first key under its parent set a deeper level than the keys after it.
        return Explanation(
            previous.number,
            previous.indent,
            f"{previous.named()} is indented {_spaces(previous.indent)}, more than {here.named()} after it"
            f" ({here.indent})",
            f"indent the keys under {before.named()} (line {before.shown}) by the same number of spaces,"
            f" e.g. {_indent(previous.named(), here.indent).removeprefix('indent ')}",
        )
    levels = _open_levels(earlier)
    if previous.inline_value and here.indent != sibling and here.indent not in levels:
        relation = "less" if here.indent < sibling else "more"
        return Explanation(
            here.number,
            here.indent,
            f"{here.named()} is indented {_spaces(here.indent)}, {relation} than {previous.named()}"
            f" {_on(previous, here)} ({sibling})",
            f"{_indent(here.named(), sibling)}, like {previous.named()} on line {previous.shown}",
        )
    return None


def _open_levels(lines: list[_Line]) -> set[int]:
    """The indentations a new key may take after `lines`: those of the keys still open above the last line."""
    levels: set[int] = set()
    deepest = None
    for line in reversed(lines):
        if deepest is None or line.key_column < deepest:
            levels.add(line.key_column)
            deepest = line.key_column
    return levels


def _colon_in_value(lines: list[_Line], error_line: int, problem: str) -> Explanation | None:
    here = _line_at(lines, error_line)
    if "mapping values are not allowed" not in problem or here is None or here.key is None:
        return None
    return _quote_the_value(here, "holds ': ', which YAML reads as the start of another key")


def _line_at(lines: list[_Line], number: int) -> _Line | None:
    return next((line for line in lines if line.number == number), None)


def _quote_the_value(here: _Line, why: str) -> Explanation:
    """A plain value YAML cannot read as it is: located at the value, with the line written quoted."""
    value = here.inline_value
    quoted = f'"{value}"' if '"' not in value else "'" + value.replace("'", "''") + "'"
    return Explanation(
        here.number,
        here.indent + len(here.text) - len(value),
        f"the value of {here.named()} {why}",
        f"quote the value: {here.key}: {_shorten(quoted, 60)}",
    )


def _on(line: _Line, following: _Line) -> str:
    return "on the line before" if line.number == following.number - 1 else f"on line {line.shown}"


def _indent(name: str, count: int) -> str:
    return f"indent {name} by {_spaces(count)}" if count else f"start {name} at the beginning of the line"


def _key_among_items(lines: list[_Line], error_line: int, problem: str) -> Explanation | None:
    here = _line_at(lines, error_line)
    if "expected '-' indicator" not in problem or here is None or here.key is None or here.is_item:
        return None
    earlier = [line for line in lines if line.number < here.number]
    item = next((line for line in reversed(earlier) if line.is_item and line.indent == here.indent), None)
    parent = next((line for line in reversed(earlier) if line.key_column < here.indent), None)
    if item is None:
        return None
    where = f" under {parent.named()}" if parent is not None else ""
    hint = (
        f"{_indent(here.named(), parent.key_column)} if it belongs beside {parent.named()}, or start it with"
        " '- ' if it begins another item"
        if parent is not None
        else "start it with '- ' if it begins another item"
    )
    return Explanation(
        here.number,
        here.indent,
        f"{here.named()} stands among the items of the list{where} (line {item.shown}), where every line"
        " starts with '- '",
        hint,
    )


def _reserved_first_character(lines: list[_Line], error_line: int, problem: str) -> Explanation | None:
    here = _line_at(lines, error_line)
    if "cannot start any token" not in problem or here is None or here.key is None:
        return None
    value = here.inline_value
    if not value or value[0] not in "@`%":
        return None
    return _quote_the_value(here, f"starts with {value[0]}, which YAML reserves")


def _unclosed_bracket(lines: list[_Line], error_line: int, problem: str) -> Explanation | None:
    found = re.search(r"expected ',' or '([\]}])'", problem)
    if found is None:
        return None
    closing = found.group(1)
    opening = "[" if closing == "]" else "{"
    # The parser fails on the line after a list written as [a, b without its closing bracket.
    for line in reversed(lines):
        value = line.inline_value if line.key is not None else line.body if line.is_item else ""
        if line.number > error_line or not value.startswith(opening) or closing in value:
            continue
        what = "list" if opening == "[" else "mapping"
        key = f"{line.key}: " if line.key else ""
        return Explanation(
            line.number,
            line.indent + len(line.text) - len(value),
            f"the {what} opened with {opening} in the value of {line.named()} is never closed",
            f"end it with {closing}: {key}{_shorten(value.rstrip(', '), 50)}{closing}",
        )
    return None


def _spaces(count: int) -> str:
    return f"{count} space" + ("" if count == 1 else "s")


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
