"""Reading one fact-check (the article `SLUG.md` and its citations `SLUG.yaml`) into the data model.

Reading collects problems instead of stopping at the first: an editor fixes a whole file in one pass.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from factsite.load.anchor import MarkSpan, find_marks
from factsite.load.fields import (
    ARTICLE_FIELDS,
    CLAIM_FIELDS,
    CORRECTION_FIELDS,
    ID_PATTERN,
    IGNORE_FIELDS,
    SOURCE_FIELDS,
    Field,
    FieldError,
    FieldValues,
    check_id,
    complex_key,
    error,
    key_name,
    read_mapping,
    unknown_field,
    warning,
)
from factsite.load.positions import LineIndex
from factsite.load.text_files import ContentFileError, read_content_text, resolve_inside
from factsite.load.yaml_nodes import ContentYamlError, YamlDocument, compose_yaml
from factsite.model import Article, Claim, ClaimKind, Correction, Ignore, Location, Problem, Source
from factsite.settings import UNREVIEWED

CITATION_SECTIONS = ("sources", "claims", "corrections", "ignore")
SPEAKER_TYPES = ("person", "organization")
# Rendering and linting take time quadratic in a paragraph's length (Python-Markdown's inline
# patterns, Harper), and no article has a paragraph of 8,000 words: a longer one is refused.
MAX_PARAGRAPH_CHARS = 50_000
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
PLACEHOLDER_DATE = dt.date(1970, 1, 1)

# Fields each kind needs beyond those every claim needs; `value` is typed by kind.
# `sources` is not among them: a verdict's evidence is checked with the verdict (`validate.py`), so that an
# unreviewed claim may have none yet and a rated one is told why it needs them.
KIND_REQUIRED = {
    ClaimKind.QUOTE: ("verdict", "speaker"),
    ClaimKind.FIGURE: ("verdict",),
    ClaimKind.DATE: ("verdict",),
    ClaimKind.STATEMENT: ("verdict", "note"),
    ClaimKind.TYPO: ("correction",),
}
KIND_ONLY = {
    "speaker": (ClaimKind.QUOTE,),
    "speaker_type": (ClaimKind.QUOTE,),
    "value": (ClaimKind.FIGURE, ClaimKind.DATE),
    "unit": (ClaimKind.FIGURE,),
    "correction": (ClaimKind.TYPO,),
}


@dataclass
class LoadedArticle:
    """An article as read from disk, before anchoring and checks; `article` is None when it cannot be built."""

    article: Article | None
    mark_spans: tuple[MarkSpan, ...] = ()
    problems: list[Problem] = field(default_factory=list)


def load_article(markdown_path: Path, citations_path: Path, content_dir: Path, shown: Path) -> LoadedArticle:
    """Read `SLUG.md` and `SLUG.yaml`; `shown` is the directory paths are shown relative to."""
    problems: list[Problem] = []
    md_name = _display(markdown_path, shown)
    yaml_name = _display(citations_path, shown)
    slug = markdown_path.stem
    try:
        check_id(slug)
    except FieldError as problem:
        problems.append(error(Location(md_name), f"article file name: {problem}", problem.hint))
    front = _read_front_matter(markdown_path, md_name, problems)
    if front is None:
        return LoadedArticle(None, problems=problems)
    metadata, body, body_line = front
    problems.extend(_long_paragraphs(body, md_name, body_line))
    marks, mark_problems = find_marks(body, md_name, body_line)
    problems.extend(mark_problems)
    citations = _read_citations(citations_path, yaml_name, content_dir, shown, problems)
    if metadata is None or citations is None:
        return LoadedArticle(None, marks, problems)
    sources, claims, corrections, ignores = citations
    # Fields with problems get placeholders so that cross-checks still run and report in the same build;
    # the problems already recorded keep the build from publishing them.
    article = Article(
        slug=slug,
        title=metadata.get("title", ""),
        url=metadata.get("url", ""),
        outlet=metadata.get("outlet", ""),
        published=metadata.get("published", PLACEHOLDER_DATE),
        reviewed=metadata.get("reviewed", PLACEHOLDER_DATE),
        reviewer=metadata.get("reviewer", ""),
        summary=metadata.get("summary", ""),
        author=metadata.get("author"),
        archived=metadata.get("archived"),
        locale=metadata.get("locale", ""),
        rating=metadata.get("rating"),
        headline_claim=metadata.get("headline_claim"),
        rating_location=metadata.where("rating") if "rating" in metadata.values else None,
        headline_claim_location=metadata.where("headline_claim") if "headline_claim" in metadata.values else None,
        body=body,
        body_line=body_line,
        path=md_name,
        citations_path=yaml_name,
        claims=claims,
        sources=sources,
        corrections=corrections,
        ignores=ignores,
    )
    return LoadedArticle(article, marks, problems)


def _long_paragraphs(body: str, name: str, body_line: int) -> list[Problem]:
    ends = [(match.start(), match.end()) for match in PARAGRAPH_BREAK.finditer(body)]
    starts = [0] + [end for _, end in ends]
    stops = [start for start, _ in ends] + [len(body)]
    lines = LineIndex(body, body_line)
    return [
        error(
            lines.location(name, start),
            f"this paragraph is {stop - start:,} characters long, over the "
            f"{MAX_PARAGRAPH_CHARS:,} a paragraph may have",
            "split it into paragraphs with blank lines, or keep only the passages the claims need",
        )
        for start, stop in zip(starts, stops, strict=True)
        if stop - start > MAX_PARAGRAPH_CHARS
    ]


def _display(path: Path, shown: Path) -> str:
    try:
        return path.relative_to(shown).as_posix()
    except ValueError:
        return path.as_posix()


def _read_front_matter(path: Path, name: str, problems: list[Problem]):  # type: ignore[no-untyped-def]
    try:
        text = read_content_text(path, name)
    except ContentFileError as problem:
        problems.append(problem.problem)
        return None
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        problems.append(
            error(
                Location(name, 1, 1),
                "the article has no front matter",
                "start the file with a '---' line, the article's fields (title, url, outlet, published, "
                "reviewed, reviewer, summary), and another '---' line",
            )
        )
        return None
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), None)
    if closing is None:
        problems.append(error(Location(name, 1, 1), "the front matter is never closed", "end it with a '---' line"))
        return None
    try:
        document = compose_yaml("\n".join(lines[1:closing]), name, line_offset=1)
    except ContentYamlError as problem:
        problems.extend(problem.problems())
        document = None
    metadata = None
    if document is not None:
        if document.root is None:
            problems.append(error(Location(name, 1, 1), "the front matter is empty", "add the article's fields"))
        else:
            metadata = read_mapping(document, document.root, ARTICLE_FIELDS, "front matter", problems)
    return metadata, "\n".join(lines[closing + 1 :]), closing + 2


def _read_citations(path: Path, name: str, content_dir: Path, shown: Path, problems: list[Problem]):  # type: ignore[no-untyped-def]
    if not path.exists():
        problems.append(
            error(
                Location(name),
                "the article has no citations file",
                f"create {name} with its 'sources:' and 'claims:' (see docs/content-format.md)",
            )
        )
        return None
    try:
        document = compose_yaml(read_content_text(path, name), name)
    except ContentFileError as problem:
        problems.append(problem.problem)
        return None
    except ContentYamlError as problem:
        problems.extend(problem.problems())
        return None
    root = document.root
    if not isinstance(root, MappingNode):
        problems.append(
            error(
                Location(name, 1, 1),
                "the citations file must be a mapping with 'sources:' and 'claims:'",
                "see the example in docs/content-format.md",
            )
        )
        return None
    sections: dict[str, Node] = {}
    for key, value in root.value:
        section = key_name(key)
        if section is None:
            problems.append(complex_key(document.location(key), "citations file", key))
        elif section in CITATION_SECTIONS:
            sections[section] = value
        else:
            problems.append(unknown_field(document.location(key), section, "citations file", CITATION_SECTIONS))
    for required in ("sources", "claims"):
        if required not in sections:
            problems.append(
                error(Location(name, 1, 1), f"the citations file has no '{required}:'", f"add '{required}:'")
            )
    sources = _read_entries(document, sections.get("sources"), "source", problems, content_dir, shown)
    claims = _read_entries(document, sections.get("claims"), "claim", problems, content_dir, shown)
    corrections = _read_list(document, sections.get("corrections"), CORRECTION_FIELDS, "correction", problems)
    ignores = _read_list(document, sections.get("ignore"), IGNORE_FIELDS, "ignore entry", problems)
    return (
        tuple(sources),
        tuple(claims),
        tuple(
            Correction(v.get("date"), v.get("change", ""), v.get("reason", ""), v.location)
            for v in corrections
            if "date" in v.values
        ),
        tuple(Ignore(v.get("text", ""), v.get("reason", ""), v.location) for v in ignores),
    )


def _read_entries(document: YamlDocument, node, what, problems, content_dir, shown):  # type: ignore[no-untyped-def]
    if node is None or (isinstance(node, ScalarNode) and not node.value):
        return []
    if not isinstance(node, MappingNode):
        problems.append(
            error(document.location(node), f"'{what}s:' must map ids to {what}s", f"write {what}s keyed by id")
        )
        return []
    entries = []
    for key_node, value_node in node.value:
        entry_id = key_name(key_node)
        if entry_id is None:
            problems.append(complex_key(document.location(key_node), f"{what} id", key_node))
            # `[jobs-quote]:` is an id in brackets: known by that id, its marks and citations get no
            # follow-on errors; the problem above is enough.
            inner = key_node.value[0] if isinstance(key_node, SequenceNode) and len(key_node.value) == 1 else None
            if isinstance(inner, ScalarNode) and ID_PATTERN.fullmatch(inner.value):
                location = document.location(key_node)
                entries.append(
                    Claim(id=inner.value, kind=ClaimKind.STATEMENT, location=location)
                    if what == "claim"
                    else Source(id=inner.value, title="", publisher="", url="", location=location)
                )
            continue
        try:
            check_id(entry_id)
        except FieldError as problem:
            problems.append(error(document.location(key_node), f"{what} id: {problem}", problem.hint))
            continue
        location = document.location(key_node)
        if what == "source":
            entry = _read_source(document, entry_id, location, value_node, problems, content_dir, shown)
        else:
            entry = _read_claim(document, entry_id, location, value_node, problems)
        if entry is not None:
            entries.append(entry)
    return entries


def _read_source(document, source_id, location, node, problems, content_dir: Path, shown: Path):  # type: ignore[no-untyped-def]
    values = read_mapping(document, node, SOURCE_FIELDS, f"source '{source_id}'", problems)
    if values is None:
        # Unreadable but known: claims citing it get no follow-on errors; its own problem is enough.
        return Source(id=source_id, title="", publisher="", url="", location=location)
    has_excerpt, has_snapshot = "excerpt" in values.values, "snapshot" in values.values
    if has_excerpt == has_snapshot:
        problems.append(
            error(
                location,
                f"source '{source_id}' needs either an 'excerpt' or a 'snapshot', "
                + ("not both" if has_excerpt else "and has neither"),
                "quote the relevant text in 'excerpt:', or save it under content/sources/ and give its "
                "path in 'snapshot:'",
            )
        )
    text = values.get("excerpt", "")
    snapshot = values.get("snapshot")
    if snapshot:
        text = _read_snapshot(snapshot, values.where("snapshot"), content_dir, shown, problems)
    # A source with a bad field is still known, so claims citing it get no follow-on errors.
    return Source(
        id=source_id,
        title=values.get("title", ""),
        publisher=values.get("publisher", ""),
        url=values.get("url", ""),
        location=location,
        archived=values.get("archived"),
        published=values.get("published"),
        accessed=values.get("accessed"),
        excerpt=values.get("excerpt"),
        snapshot=snapshot,
        note=values.get("note", ""),
        text=text or "",
    )


def _read_snapshot(snapshot: str, where: Location, content_dir: Path, shown: Path, problems) -> str:  # type: ignore[no-untyped-def]
    sources_dir = content_dir / "sources"
    resolved = resolve_inside(sources_dir, snapshot) if snapshot.startswith("sources/") else None
    if resolved is None:
        problems.append(
            error(
                where,
                f"snapshot '{snapshot}' is not inside content/sources/",
                "save the source text under content/sources/ and write its path from content/, "
                "e.g. snapshot: sources/kremlin-address.txt",
            )
        )
        return ""
    if not resolved.is_file():
        problems.append(
            error(where, f"snapshot '{snapshot}' does not exist", f"save the source text as content/{snapshot}")
        )
        return ""
    try:
        return read_content_text(resolved, _display(resolved, shown))
    except ContentFileError as problem:
        problems.append(problem.problem)
        return ""


def _claim_fields(kind: ClaimKind | None) -> tuple[Field, ...]:
    if kind is not ClaimKind.DATE:
        return CLAIM_FIELDS
    return tuple(Field(f.name, "date-or-range", f.description) if f.name == "value" else f for f in CLAIM_FIELDS)


def _read_claim(document, claim_id, location, node, problems):  # type: ignore[no-untyped-def]
    kind = _claim_kind(document, claim_id, node, problems)
    what = f"claim '{claim_id}'"
    values = read_mapping(
        document, node, _claim_fields(kind), what, problems, required_extra=KIND_REQUIRED.get(kind, ())
    )
    if values is None or kind is None:
        # Unreadable but known, so its mark names a claim: its own problem is the only one.
        return Claim(id=claim_id, kind=ClaimKind.STATEMENT, location=location)
    for name, kinds in KIND_ONLY.items():
        if name in values.nodes and kind not in kinds:
            problems.append(
                error(
                    values.where(name),
                    f"{what}: '{name}' does not apply to a {kind} claim",
                    f"'{name}' is for {' and '.join(kinds)} claims; remove it or change 'kind'",
                )
            )
    if kind is ClaimKind.TYPO and "verdict" in values.values:
        problems.append(
            error(
                values.where("verdict"),
                f"{what}: a typo carries a correction, not a verdict",
                "remove 'verdict:'; use kind: statement to rate the claim instead",
            )
        )
    problems.extend(_evidence_problems(what, kind, values))
    speaker_type = values.get("speaker_type")
    if speaker_type is not None and speaker_type not in SPEAKER_TYPES:
        message, hint = f"{what}: unknown speaker_type '{speaker_type}'", f"use one of: {', '.join(SPEAKER_TYPES)}"
        problems.append(error(values.where("speaker_type"), message, hint))
        speaker_type = None
    source_locations = ()
    sources_node = values.nodes.get("sources")
    if isinstance(sources_node, SequenceNode):
        source_locations = tuple(document.location(item) for item in sources_node.value)
    elif sources_node is not None:
        source_locations = (document.location(sources_node),)
    return Claim(
        id=claim_id,
        kind=kind,
        location=location,
        verdict=values.get("verdict"),
        sources=values.get("sources", ()),
        note=values.get("note", ""),
        claim_reviewed=values.get("claim", ""),
        speaker=values.get("speaker"),
        speaker_type=speaker_type,
        value=values.get("value"),
        unit=values.get("unit"),
        correction=values.get("correction", "" if "correction" in values.nodes else None),
        same_as=values.get("same_as"),
        source_locations=source_locations,
    )


def _evidence_problems(what: str, kind: ClaimKind, values: FieldValues) -> list[Problem]:
    # A published verdict tells readers the claim was checked against something: the sources say what, the
    # note says how. A note alone can carry reasoning (a claim that contradicts itself) but shows no evidence.
    verdict = values.get("verdict")
    if kind is ClaimKind.TYPO or verdict in (None, UNREVIEWED):
        return []
    if values.get("sources") or not _given_empty(values, "sources"):
        return []  # cited, or written and unreadable (reported as such)
    if _given_empty(values, "note"):
        return [
            error(
                values.where("verdict"),
                f"{what} is rated '{verdict}' but cites no sources and has no note: a verdict needs its evidence",
                "cite what the verdict rests on in 'sources:' and explain it in 'note:', or set verdict: unreviewed",
                code="verdict-without-evidence",
            )
        ]
    return [
        warning(
            values.where("verdict"),
            f"{what} is rated '{verdict}' but cites no sources",
            "add the sources the note relies on under 'sources:' and cite them in the claim's 'sources:'",
            code="verdict-without-sources",
        )
    ]


def _given_empty(values: FieldValues, name: str) -> bool:
    """Whether field `name` is absent, empty or null, as opposed to given or written and unreadable."""
    node = values.nodes.get(name)
    if node is None:
        return True
    if name in values.values:
        return not values.values[name]
    return isinstance(node, ScalarNode) and not node.value.strip()


def _claim_kind(document, claim_id, node, problems) -> ClaimKind | None:  # type: ignore[no-untyped-def]
    if not isinstance(node, MappingNode):
        return None
    for key, value in node.value:
        if key.value == "kind" and isinstance(value, ScalarNode):
            try:
                return ClaimKind(value.value.strip())
            except ValueError:
                problems.append(
                    error(
                        document.location(value),
                        f"claim '{claim_id}': unknown kind '{value.value}'",
                        f"use one of: {', '.join(kind.value for kind in ClaimKind)}",
                    )
                )
                return None
    return None


def _read_list(document, node, fields, what, problems):  # type: ignore[no-untyped-def]
    if node is None or (isinstance(node, ScalarNode) and not node.value):
        return []
    if not isinstance(node, SequenceNode):
        problems.append(error(document.location(node), f"the {what}s must be a list", "start each entry with '- '"))
        return []
    values = (read_mapping(document, item, fields, what, problems) for item in node.value)
    return [value for value in values if value is not None]
