"""Stand-in values left in content: TODO, TBD, FIXME, XXX, lorem ipsum, reserved example addresses, empty fields.

A fact-check publishes its outlet, reviewer, summary and sources as written, and its structured data tells
search engines they are facts. A stand-in that survived editing would be published as one, so each is reported
(a warning, an error under --strict) at the value itself, with what to write instead.
"""

from __future__ import annotations

import re
import urllib.parse

from yaml.nodes import Node, ScalarNode

from factsite.load.yaml_nodes import YamlDocument
from factsite.model import Location, Problem, Severity

# Upper case and whole words only: "todo" is Spanish for "all", and "TODOS" or "FIXMES" are other words.
# Hyphens count as word characters so that "X-XXX-1" (a reference number) is not a placeholder.
PLACEHOLDER_WORD = re.compile(r"(?<![\w-])(?:TODO|TBD|TBC|FIXME|XXX)(?![\w-])|(?i:\blorem\s+ipsum\b)")
CLUES = ("TODO", "TBD", "TBC", "FIXME", "XXX")
# RFC 2606 and RFC 6761: names reserved so that they never reach a real site.
RESERVED_SUFFIXES = (".invalid", ".test", ".example", ".localhost")
RESERVED_HOSTS = frozenset(
    {"localhost", "example.com", "example.net", "example.org", "www.example.com", "www.example.net",
     "www.example.org"}
)  # fmt: skip
CHECKED_TYPES = ("text", "markdown", "url")


def placeholder_problem(
    document: YamlDocument, node: Node, what: str, name: str, type_: str, description: str, required: bool
) -> Problem | None:
    """The problem with field `name` of `what` if its value is a stand-in, else None."""
    if not isinstance(node, ScalarNode) or type_ not in CHECKED_TYPES:
        return None
    value = str(node.value)
    if not value.strip():
        if not required:
            return None
        return _warning(
            document.location(node),
            f"{what}: '{name}' is empty",
            f"write {description}",
        )
    if type_ == "url":
        host = (urllib.parse.urlsplit(value.strip()).hostname or "").rstrip(".")
        if host in RESERVED_HOSTS or any(host.endswith(s) or host == s[1:] for s in RESERVED_SUFFIXES):
            return _warning(
                _within(document, node, value.index(host) if host in value else 0),
                f"{what}: {name}: '{host}' is a reserved example address, not a real one",
                f"replace it with the real address ({description})",
            )
    # The substring test first: the pattern's look-behind makes it ten times slower on text that has no clue.
    if not any(clue in value for clue in CLUES) and "lorem" not in value.lower():
        return None
    found = PLACEHOLDER_WORD.search(value)
    if found is None:
        return None
    return _warning(
        _within(document, node, found.start()),
        f"{what}: {name}: '{found.group()}' is a placeholder, not a value to publish",
        f"replace it with {description}",
    )


def _within(document: YamlDocument, node: ScalarNode, offset: int) -> Location:
    """Where `offset` of the node's value is in the file, when the value is written as it reads (one line,
    no escapes); otherwise where the value starts."""
    location = document.location(node)
    span = node.end_mark.index - node.start_mark.index
    quotes = 0 if not node.style else 2 if node.style in ("'", '"') else -1  # libyaml's plain style is ""
    if node.start_mark.line != node.end_mark.line or quotes < 0 or span != len(node.value) + quotes:
        return location
    return Location(location.path, location.line, location.column + quotes // 2 + offset)


def _warning(location: Location, message: str, hint: str) -> Problem:
    return Problem(Severity.WARNING, location, message, hint, "placeholder")
