"""The declared fields of every content mapping, and the conversion of YAML nodes to typed values.

Each content mapping (article front matter, a source, a claim, a correction) is declared once as a tuple of
`Field`s. `read_mapping` checks a node against such a declaration and returns typed values with their locations,
collecting a `Problem` for every unknown, missing or malformed field. The reference docs list the same tuples.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from factsite.checks.figures.notation import MAX_FIGURE_DIGITS, within_bounds
from factsite.load.placeholders import placeholder_problem
from factsite.load.yaml_nodes import YamlDocument
from factsite.model import Location, Problem, Severity

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FieldError(ValueError):
    """A value that does not fit its field; the message says what was expected."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    required: bool = False


def _scalar(node: Node, expected: str) -> str:
    if isinstance(node, ScalarNode):
        return str(node.value)
    found = "a mapping" if isinstance(node, MappingNode) else "a list"
    raise FieldError(f"expected {expected}, found {found}", f"write {expected} after the colon, on the same line")


def text_hint(name: str) -> str:
    # Text turns into a list or a mapping by its first character ([ or {), a line starting with "- ", or a
    # "key: value" pair on the line below; quoting it, or a block of text, keeps it text.
    return (
        f'write it as text: quote it if it starts with [ or {{ or holds ": ", e.g. {name}: "[Update] Jobs: a'
        f' report"; for several lines, write {name}: | and indent the lines below it'
    )


def found_kind(node: Node) -> str:
    """How a message names what a node holds, never by the parser's own class names."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"'{node.value}'"


def key_name(node: Node) -> str | None:
    """A key's text; None for a list or a mapping used as a key, which YAML allows and content never needs."""
    return str(node.value) if isinstance(node, ScalarNode) else None


def complex_key(location: Location, what: str, node: Node) -> Problem:
    bracketed = isinstance(node, SequenceNode) and len(node.value) == 1 and isinstance(node.value[0], ScalarNode)
    return error(
        location,
        f"{what}: a key must be a name, found {found_kind(node)}",
        f"write it without the brackets: {node.value[0].value}:"
        if bracketed
        else "write the key as a plain name followed by a colon, e.g. jobs-quote:",
    )


def to_text(node: Node) -> str:
    return _scalar(node, "text").strip()


def to_date(node: Node) -> dt.date:
    raw = _scalar(node, "a date").strip()
    if not ISO_DATE.fullmatch(raw):
        raise FieldError(f"'{raw}' is not a date", "write dates as YYYY-MM-DD, e.g. 2022-09-28")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise FieldError(f"'{raw}' is not a real calendar date", "check the month and day") from None


def to_url(node: Node) -> str:
    raw = _scalar(node, "a URL").strip()
    return check_url(raw)


def check_url(raw: str) -> str:
    parts = urllib.parse.urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in raw):
        raise FieldError(
            f"'{raw}' is not an http(s) URL",
            "give the full address, starting with https:// (or http://)",
        )
    return raw


def to_id(node: Node) -> str:
    raw = _scalar(node, "an id").strip()
    check_id(raw)
    return raw


def check_id(raw: str) -> str:
    if not ID_PATTERN.fullmatch(raw):
        raise FieldError(
            f"'{raw}' is not a valid id",
            "ids use lower-case ASCII letters, digits and single hyphens, e.g. putin-not-bluffing",
        )
    return raw


def to_id_list(node: Node) -> tuple[str, ...]:
    if isinstance(node, ScalarNode):
        return (to_id(node),) if node.value.strip() else ()
    if isinstance(node, SequenceNode):
        return tuple(to_id(item) for item in node.value)
    raise FieldError("expected a list of ids, found a mapping", "write sources: [source-id, other-id]")


def to_number(node: Node) -> Decimal:
    raw = _scalar(node, "a number").strip().replace("_", "")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise FieldError(f"'{raw}' is not a number", "write the plain number, e.g. 300000 or 3.5") from None
    if not number.is_finite():
        raise FieldError(f"'{raw}' is not a finite number", "write the plain number, e.g. 300000")
    if not within_bounds(number):
        shown = raw if len(raw) <= 24 else f"{raw[:12]}…{raw[-8:]}"
        raise FieldError(
            f"'{shown}' is too large or too precise for a figure",
            f"a figure has at most {MAX_FIGURE_DIGITS} digits and no exponent beyond ±{MAX_FIGURE_DIGITS - 1};"
            " write the plain number, e.g. 300000 or 3.5",
        )
    return number


def to_date_or_range(node: Node) -> dt.date | tuple[dt.date, dt.date]:
    if not isinstance(node, MappingNode):
        return to_date(node)
    values = {key.value: value for key, value in node.value if isinstance(key, ScalarNode)}
    if set(values) != {"from", "to"}:
        raise FieldError("a date range needs exactly 'from' and 'to'", "write {from: 2022-09-19, to: 2022-09-25}")
    start, end = to_date(values["from"]), to_date(values["to"])
    if end < start:
        raise FieldError("the range ends before it starts", "swap 'from' and 'to'")
    return (start, end)


CONVERTERS: dict[str, Callable[[Node], Any]] = {
    "text": to_text,
    "markdown": to_text,
    "date": to_date,
    "url": to_url,
    "id": to_id,
    "id-list": to_id_list,
    "number": to_number,
    "date-or-range": to_date_or_range,
}


@dataclass
class FieldValues:
    """Typed values of one mapping and the location of each, as read by `read_mapping`."""

    location: Location
    values: dict[str, Any] = field(default_factory=dict)
    locations: dict[str, Location] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def where(self, name: str) -> Location:
        return self.locations.get(name, self.location)


def read_mapping(
    document: YamlDocument,
    node: Node,
    fields: tuple[Field, ...],
    what: str,
    problems: list[Problem],
    *,
    required_extra: tuple[str, ...] = (),
) -> FieldValues | None:
    """Read `node` as a mapping of `fields`; append a problem for each mistake, return what could be read."""
    location = document.location(node)
    if not isinstance(node, MappingNode):
        problems.append(
            error(
                location, f"{what} must be a mapping of fields, found {found_kind(node)}", "see docs/content-format.md"
            )
        )
        return None
    declared = {field.name: field for field in fields}
    result = FieldValues(location)
    for key_node, value_node in node.value:
        key = key_name(key_node)
        if key is None:
            problems.append(complex_key(document.location(key_node), what, key_node))
            continue
        if key not in declared:
            problems.append(unknown_field(document.location(key_node), key, what, tuple(declared)))
            continue
        result.nodes[key] = value_node
        result.locations[key] = document.location(value_node)
        declared_field = declared[key]
        stand_in = placeholder_problem(
            document, value_node, what, key, declared_field.type, declared_field.description, declared_field.required
        )
        if isinstance(value_node, ScalarNode) and value_node.tag.endswith(":null") and not value_node.value:
            problems.extend([stand_in] if stand_in else [])
            continue
        try:
            result.values[key] = CONVERTERS[declared_field.type](value_node)
        except FieldError as problem:
            textual = declared_field.type in ("text", "markdown") and not isinstance(value_node, ScalarNode)
            hint = text_hint(key) if textual else problem.hint
            problems.append(error(document.location(value_node), f"{what}: {key}: {problem}", hint))
        else:
            # Only a value that reads as its type can be a stand-in for one: one mistake, one problem.
            problems.extend([stand_in] if stand_in else [])
    for field_ in fields:
        missing = field_.name not in result.nodes
        if (field_.required or field_.name in required_extra) and missing:
            problems.append(
                error(location, f"{what} has no '{field_.name}'", f"add '{field_.name}:' ({field_.description})")
            )
    return result


def unknown_field(location: Location, key: str, what: str, known: tuple[str, ...]) -> Problem:
    nearest = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"did you mean '{nearest[0]}'?" if nearest else f"known fields: {', '.join(known)}"
    return error(location, f"{what}: unknown field '{key}'", hint, code="unknown-field")


def error(location: Location, message: str, hint: str = "", code: str = "") -> Problem:
    return Problem(Severity.ERROR, location, message, hint, code)


def warning(location: Location, message: str, hint: str = "", code: str = "") -> Problem:
    return Problem(Severity.WARNING, location, message, hint, code)


ARTICLE_FIELDS = (
    Field("title", "text", "the headline as published", required=True),
    Field("url", "url", "where the article was published", required=True),
    Field("outlet", "text", "the publication's name", required=True),
    Field("published", "date", "publication date, YYYY-MM-DD", required=True),
    Field("author", "text", "the byline"),
    Field("archived", "url", "an archive copy of the article"),
    Field("locale", "text", "language and region of the article, e.g. en_US"),
    Field("reviewed", "date", "date of the fact-check, YYYY-MM-DD", required=True),
    Field("reviewer", "text", "who checked the article", required=True),
    Field("summary", "markdown", "the fact-check's conclusion, in Markdown", required=True),
    Field("rating", "text", "the editor's verdict on the article as a whole, a verdict id of the rating scale"),
    Field("headline_claim", "text", "the id of the claim the headline makes; rates the article without `rating`"),
)

SOURCE_FIELDS = (
    Field("title", "text", "the source's own title", required=True),
    Field("publisher", "text", "who published the source", required=True),
    Field("url", "url", "where the source is", required=True),
    Field("archived", "url", "an archive copy of the source"),
    Field("published", "date", "the source's date, YYYY-MM-DD"),
    Field("accessed", "date", "when the source was read, YYYY-MM-DD"),
    Field("excerpt", "text", "the relevant source text, quoted exactly"),
    Field("snapshot", "text", "a text file under content/sources/ holding the source text"),
    Field("note", "markdown", "provenance of the source text, in Markdown"),
)

CLAIM_FIELDS = (
    Field("kind", "text", "quote, figure, typo, date or statement", required=True),
    Field("verdict", "text", "a verdict id of the rating scale, or unreviewed"),
    Field("sources", "id-list", "ids of the sources cited"),
    Field("claim", "text", "the claim in one short sentence, for structured data"),
    Field("note", "markdown", "the editor's explanation, in Markdown"),
    Field("speaker", "text", "who is quoted"),
    Field("speaker_type", "text", "person or organization: what the speaker is (guessed from the name if absent)"),
    Field("value", "number", "the correct figure, or the correct date"),
    Field("unit", "text", "what the figure counts, a currency code, or percent"),
    Field("correction", "text", "the corrected text (empty to delete)"),
    Field("same_as", "text", "the same claim checked in another article, as SLUG/CLAIM-ID"),
)

CORRECTION_FIELDS = (
    Field("date", "date", "when the correction was made, YYYY-MM-DD", required=True),
    Field("change", "markdown", "what changed", required=True),
    Field("reason", "markdown", "why it changed", required=True),
)

IGNORE_FIELDS = (
    Field("text", "text", "the text of the finding as it appears in the article", required=True),
    Field("reason", "text", "why the finding needs no change", required=True),
)
