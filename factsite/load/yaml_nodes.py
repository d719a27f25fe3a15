"""Reading YAML as a tree of nodes that keep their line and column, so every problem can point at its place.

Content YAML is parsed to nodes, never to Python objects directly: the schema (`fields.py`) converts each scalar
to its declared type. That keeps positions for error messages and avoids YAML 1.1's implicit typing surprises
(`verdict: false` is the verdict "false", not a boolean; `no` is not a boolean either).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, CollectionStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from factsite.load.yaml_mistakes import explain
from factsite.model import Location, Problem, Severity

# Content files are small and flat; anything deeper is a mistake or an attack on the parser's recursion.
MAX_DEPTH = 32


class ContentYamlError(Exception):
    """A YAML file that cannot be read as content, with where and why."""

    def __init__(
        self, location: Location, message: str, hint: str = "", others: tuple[ContentYamlError, ...] = ()
    ) -> None:
        super().__init__(message)
        self.location = location
        self.message = message
        self.hint = hint
        # Further mistakes of the same kind found in the same pass (every duplicate key, not only the first).
        self.others = others

    def problems(self) -> list[Problem]:
        return [Problem(Severity.ERROR, each.location, each.message, each.hint) for each in (self, *self.others)]


class _Refused(yaml.MarkedYAMLError):
    """What content files may not hold though YAML allows it; its message needs no explaining."""


_Parser: Any
try:
    # libyaml's scanner and parser, in C, with PyYAML's composer on top so that the checks below see every
    # event: ten times faster than the pure-Python parser on claim files (0.75 ms against 7.2 ms for 6 KB).
    from yaml._yaml import CParser as _Parser
except ImportError:  # a PyYAML built without libyaml

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)


class _ContentLoader(Composer, _Parser, Resolver):
    """A composer that refuses aliases, tags and deep nesting.

    Aliases are refused outright: content never needs them, and expanding them is how "billion laughs" files
    exhaust memory.
    """

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event: Any = self.peek_event()
        mark: Any = event.start_mark  # libyaml's marks are not PyYAML's class but have the same fields
        if isinstance(event, AliasEvent):
            raise _Refused(None, None, "anchors and aliases (*name) are not allowed in content files", mark)
        # An explicit tag (`!!python/object`, `!!binary`) asks for a type content never has.
        if getattr(event, "tag", None) not in (None, "!"):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            message = f"YAML tags ({tag}) are not allowed in content files"
            raise _Refused(None, None, message, mark)
        # libyaml's check_event matches exact event classes only, so the base class is tested here.
        is_collection = isinstance(event, CollectionStartEvent)
        if is_collection:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _Refused(
                    None,
                    None,
                    f"the YAML is nested more than {MAX_DEPTH} levels deep",
                    mark,
                )
        try:
            node: Node | None = super().compose_node(parent, index)
            return node
        finally:
            if is_collection:
                self._depth -= 1


@dataclass(frozen=True)
class YamlDocument:
    path: str
    root: Node | None
    # Lines before the YAML text in the file (front matter starts after the `---` line).
    line_offset: int = 0
    # Where each line of the text starts. Lines end at "\n" only, as in editors; YAML also ends
    # them at NEL and U+2028, which pasted web text holds, so PyYAML's line numbers can run ahead.
    line_starts: tuple[int, ...] = (0,)

    def location(self, node: Node) -> Location:
        index = node.start_mark.index
        line = bisect.bisect_right(self.line_starts, index) - 1
        return Location(self.path, line + 1 + self.line_offset, index - self.line_starts[line] + 1)


def compose_yaml(text: str, path: str, line_offset: int = 0) -> YamlDocument:
    """Parse `text` into a node tree; raise ContentYamlError with the position of a syntax error."""
    if "\t" in text:
        line_number = text[: text.index("\t")].count("\n") + 1
        line_text = text.split("\n")[line_number - 1]
        if line_text[: len(line_text) - len(line_text.lstrip(" \t"))].count("\t"):
            column = line_text.index("\t") + 1
            raise ContentYamlError(
                Location(path, line_number + line_offset, column),
                "a tab character indents this line; YAML indentation must use spaces",
                "replace the tab with spaces",
            )
    loader = None
    try:
        loader = _ContentLoader(text)
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "invalid YAML"
        if "invalid Unicode character escape" in problem:
            # libyaml marks the escape's digits; the editor looks for its backslash.
            escape = text.rfind("\\", 0, (mark.index if mark else 0) + 1)
            raise ContentYamlError(
                _offset_location(text, max(escape, 0), path, line_offset),
                "the text holds an escape for a character that cannot be shown (a control character or a lone"
                " surrogate)",
                "delete the escape sequence that writes it",
            ) from None
        quoted = error.context_mark if "quoted scalar" in (error.context or "") else None
        explained = (
            None
            if isinstance(error, _Refused)
            else explain(text, mark.index if mark else 0, problem, quoted.index if quoted else None, line_offset)
        )
        if explained is not None:
            raise ContentYamlError(
                Location(path, explained.line + 1 + line_offset, explained.column + 1),
                explained.message,
                explained.hint,
            ) from None
        if error.context and "alias" not in (error.problem or ""):
            problem = f"{error.context}: {problem}" if "while" not in error.context else problem
        raise ContentYamlError(
            _offset_location(text, mark.index if mark else 0, path, line_offset),
            f"YAML syntax error: {problem}",
            _syntax_hint(problem),
        ) from None
    except yaml.reader.ReaderError as error:
        raise ContentYamlError(
            _offset_location(text, error.position, path, line_offset),
            f"the text holds a control character (U+{error.character:04X}), which cannot be shown",
            "delete it; such characters come with text copied from a PDF or a terminal",
        ) from None
    except yaml.YAMLError as error:
        raise ContentYamlError(Location(path, 1 + line_offset, 1), f"YAML error: {error}") from None
    finally:
        if loader is not None and hasattr(loader, "dispose"):
            loader.dispose()
    starts = (0, *(match.end() for match in re.finditer("\n", text)))
    document = YamlDocument(path, root, line_offset, starts)
    if root is not None:
        _check_duplicate_keys(document, root)
        _check_characters(document, root)
    return document


def _offset_location(text: str, offset: int, path: str, line_offset: int) -> Location:
    line_start = text.rfind("\n", 0, offset) + 1
    return Location(path, text.count("\n", 0, offset) + 1 + line_offset, offset - line_start + 1)


def _syntax_hint(problem: str) -> str:
    if "aliases" in problem:
        return "write the value out in full where it is needed"
    if "tags" in problem:
        return "write the value as plain text, without the tag"
    if "single document" in problem:
        return "a content file holds one YAML document: remove the '---' line, or the part after it"
    if "nested" in problem:
        return "content files need only a few levels: sources and claims keyed by id, each with its fields"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. title: \"Security Alert: Moscow\""
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "check the indentation of this line and the one before it, and close any open quotes"
    return "check the line against the examples in docs/content-format.md"


def _check_duplicate_keys(document: YamlDocument, root: Node) -> None:
    # PyYAML keeps the last of two equal keys silently; an editor who pasted a claim twice would lose one.
    # Every duplicate is reported, in the order of the file, so that one pass fixes them all.
    found: list[ContentYamlError] = []
    pending: list[Node] = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, MappingNode):
            seen: dict[str, Node] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, ScalarNode) else None
                if key is not None and key in seen:
                    first_line = document.location(seen[key]).line
                    found.append(
                        ContentYamlError(
                            document.location(key_node),
                            f"duplicate key '{key}' (first defined at line {first_line})",
                            "give each entry its own key, or merge the two entries",
                        )
                    )
                elif key is not None:
                    seen[key] = key_node
                pending.append(value_node)
        elif isinstance(node, SequenceNode):
            pending.extend(node.value)
    if found:
        found.sort(key=lambda duplicate: (duplicate.location.line, duplicate.location.column))
        earliest, *others = found
        raise ContentYamlError(earliest.location, earliest.message, earliest.hint, tuple(others))


# What PyYAML's reader refuses in a file but a double-quoted escape ("\x07", "\ud800") still writes:
# control characters but tab and line breaks, lone surrogates, non-characters. None of them can be
# published in a page, a feed or JSON as the editor meant. PyYAML's own compiled pattern, the class
# [^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]: compiling it a second time
# was 3 ms of every command's start (tests/load/test_yaml_nodes_unprintable.py pins the set).
UNPRINTABLE = Reader.NON_PRINTABLE


def _check_characters(document: YamlDocument, root: Node) -> None:
    pending: list[Node] = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, ScalarNode):
            found = UNPRINTABLE.search(node.value)
            if found:
                character = f"U+{ord(found.group()):04X}"
                raise ContentYamlError(
                    document.location(node),
                    f"the text holds a control character ({character}), which cannot be shown",
                    "delete the escape sequence that writes it",
                )
        elif isinstance(node, MappingNode):
            # Reversed, so the first offending value in the file is the one reported.
            pending.extend(reversed([item for pair in node.value for item in pair]))
        elif isinstance(node, SequenceNode):
            pending.extend(reversed(node.value))
