"""`factsite new`: turn a pasted article into a fact-check to fill in, `SLUG.md` and `SLUG.yaml`.

The article keeps its words; each candidate `suggest` finds (quotation, figure, date, copy error,
leftover) gets a claim mark and an `unreviewed` claim with what could be read pre-filled: the typo's
correction, the figure's unit, the speaker. Values nobody can read from the text (the outlet, the
reviewer, the summary) are written as `TODO` so the files load and the gaps show as placeholder warnings.
A figure's or a date's `value:` is never filled: it is the correct value, from a source, and the article's
own reading there would make the check confirm the article with itself. A comment in its place gives the
editor the article's reading to compare with the sources.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from factsite.checks.figures.expression import parse_figure
from factsite.lint.discover import suggest_candidates
from factsite.lint.findings import Finding
from factsite.load.fields import ID_PATTERN
from factsite.load.yaml_nodes import ContentYamlError, compose_yaml

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
EXISTING_MARK = re.compile(r"\[[^\]\n]*\]\{[^}\n]*?#(?P<id>[a-z0-9-]+)[^}\n]*\}")
# A mark cannot sit inside a link's text: a finding there is marked with its whole link.
LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
TODO = "TODO"
# The placeholder address of an article whose URL is not known yet: `.invalid` never resolves.
UNKNOWN_URL = "https://example.invalid/TODO"
CLAIM_KIND = {"quotation": "quote", "figure": "figure", "date": "date"}
ID_PREFIX = {"quotation": "quote", "figure": "figure", "date": "date", "leftover": "leftover"}
# Which of two marks on the same words wins: a claim to check before a copy error.
KIND_PRIORITY = {"quotation": 0, "figure": 1, "date": 2}
MAX_ID_WORDS = 4
# The claim for a mark the pasted Markdown already had: its kind is the editor's to choose.
EDITOR_MARK_CLAIM = {
    "kind": "statement",
    "verdict": "unreviewed",
    "sources": [],
    "note": f"{TODO}: set the kind of this claim and explain the verdict.",
}


@dataclass(frozen=True)
class Draft:
    """An article as pasted: its front matter (possibly empty), headline and body text."""

    metadata: dict[str, Any]
    title: str
    body: str
    plain: bool


@dataclass(frozen=True)
class PlannedMark:
    """A mark to insert around `start:end` of the body, for a claim made from `finding`."""

    finding: Finding
    claim_id: str
    start: int
    end: int
    notes: tuple[str, ...] = ()


def scaffold_article(
    text: str,
    *,
    slug: str,
    published: dt.date | None,
    source_name: str,
    locale: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    reviewer: str | None = None,
    reviewed: dt.date | None = None,
    min_confidence: float = 0.5,
) -> tuple[str, str]:
    """The text of `content/articles/SLUG.md` and `SLUG.yaml` for a pasted article.

    `text` is plain text (first line the headline) or Markdown with front matter; arguments given
    here win over its front matter. `source_name` names the pasted file in the YAML's header.
    Candidates below `min_confidence` (scare quotes, ambiguous readings) get no mark.
    """
    if not ID_PATTERN.fullmatch(slug):
        raise ValueError(f"'{slug}' is not a valid slug: use lower-case letters, digits and hyphens")
    draft = read_draft(text)
    metadata = draft.metadata
    published = published or _as_date(metadata.get("published"))
    if published is None:
        raise ValueError("the publication date is unknown: give it, or add 'published:' to the front matter")
    locale = locale or str(metadata.get("locale") or "en_US")
    findings = suggest_candidates(draft.body, locale=locale, published=published)
    marks = plan_marks(draft.body, findings, min_confidence)
    front = {
        "title": draft.title or metadata.get("title") or TODO,
        "url": url or metadata.get("url") or UNKNOWN_URL,
        "outlet": outlet or metadata.get("outlet") or TODO,
        "published": published,
        **{key: metadata[key] for key in ("author", "archived") if metadata.get(key)},
        "locale": locale,
        "reviewed": reviewed or _as_date(metadata.get("reviewed")) or published,
        "reviewer": reviewer or metadata.get("reviewer") or TODO,
        "summary": metadata.get("summary") or f"{TODO}: the fact-check's conclusion.",
    }
    body = insert_marks(draft.body, marks, headings=_heading_lines(draft, findings))
    markdown = "---\n" + _dump(front) + "---\n\n" + body.strip("\n") + "\n"
    return markdown, citations_yaml(draft.body, marks, source_name, locale)


def read_draft(text: str) -> Draft:
    """Split a pasted article into front matter, headline and body."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    match = FRONT_MATTER.match(text)
    if match is not None:
        try:
            metadata = yaml.safe_load(match.group("yaml")) or {}
        except yaml.YAMLError:
            raise ValueError(_front_matter_mistake(match.group("yaml"))) from None
        if not isinstance(metadata, dict):
            raise ValueError("the front matter must be a mapping of fields")
        body = text[match.end() :]
        title = str(metadata.get("title") or "")
        heading = re.match(r"\s*#[ \t]+([^\n]+)\n", body)
        if not title and heading:
            title, body = heading.group(1).strip(), body[heading.end() :]
        return Draft(metadata, title, body.lstrip("\n"), plain=False)
    lines = text.lstrip("\n").split("\n", 1)
    title = lines[0].strip().lstrip("#").strip()
    body = lines[1] if len(lines) > 1 else ""
    return Draft({}, title, body.lstrip("\n"), plain=True)


def _front_matter_mistake(text: str) -> str:
    """The front matter's YAML mistake as the build reports it: line, column, what to change."""
    try:
        compose_yaml(text, "front matter", line_offset=1)
    except ContentYamlError as problem:
        where = f"line {problem.location.line}, column {problem.location.column}"
        return f"the front matter is not valid YAML: {where}: {problem.message} (hint: {problem.hint})"
    # What the build's reader accepts and PyYAML's loader refuses: a tag or an alias.
    return "the front matter holds YAML the build does not accept (a tag or an alias)"


def plan_marks(body: str, findings: tuple[Finding, ...], min_confidence: float) -> list[PlannedMark]:
    """One mark per accepted finding: none overlap (the longer wins), none crosses a paragraph,
    none lands in an editor's existing mark; a finding in a link's text marks the whole link."""
    existing = [match.span() for match in EXISTING_MARK.finditer(body)]
    links = [match.span() for match in LINK.finditer(body)]
    spans: dict[int, tuple[int, int]] = {}
    for finding in findings:
        start, end = next(
            ((s, e) for s, e in links if s <= finding.start and finding.end <= e),
            (finding.start, finding.end),
        )
        if (
            finding.confidence >= min_confidence
            and end > start
            and not PARAGRAPH_BREAK.search(body, start, end)
            and not any(s < end and start < e for s, e in existing)
        ):
            spans[id(finding)] = (start, end)
    accepted = [finding for finding in findings if id(finding) in spans]
    ranked = sorted(
        accepted,
        key=lambda f: (-(f.end - f.start), KIND_PRIORITY.get(f.kind, 9), f.start),
    )
    kept: list[Finding] = []
    notes: dict[int, list[str]] = {}
    for finding in ranked:
        start, end = spans[id(finding)]
        overlapping = next((k for k in kept if spans[id(k)][0] < end and start < spans[id(k)][1]), None)
        if overlapping is None:
            kept.append(finding)
        elif finding.is_copy_error:
            notes.setdefault(id(overlapping), []).append(finding.message)
    kept.sort(key=lambda f: spans[id(f)][0])
    used = {match.group("id") for match in EXISTING_MARK.finditer(body)}
    return [PlannedMark(f, _claim_id(f, used), *spans[id(f)], tuple(notes.get(id(f), ()))) for f in kept]


def insert_marks(body: str, marks: list[PlannedMark], *, headings: tuple[int, ...] = ()) -> str:
    """`body` with `[...]{#id}` around each mark and `## ` before each heading line offset."""
    edits: list[tuple[int, int, str]] = [(offset, 0, "## ") for offset in headings]
    for mark in marks:
        edits.append((mark.start, 1, "["))
        edits.append((mark.end, -1, "]{#" + mark.claim_id + "}"))
    pieces: list[str] = []
    last = 0
    # At one offset a mark closes before another opens, and a heading marker precedes a mark.
    for offset, _, insertion in sorted(edits, key=lambda edit: (edit[0], edit[1])):
        pieces.append(body[last:offset])
        pieces.append(insertion)
        last = offset
    pieces.append(body[last:])
    return "".join(pieces)


def citations_yaml(body: str, marks: list[PlannedMark], source_name: str, locale: str) -> str:
    """The `SLUG.yaml` text: no sources yet, one claim per mark (new or the editor's own)."""
    placed: list[tuple[int, str, dict[str, Any], str]] = [
        (mark.start, mark.claim_id, claim_fields(mark, locale), value_comment(mark.finding)) for mark in marks
    ]
    placed.extend(
        (match.start(), match.group("id"), dict(EDITOR_MARK_CLAIM), "") for match in EXISTING_MARK.finditer(body)
    )
    header = (
        f"# Claims scaffolded by `factsite new` from {source_name}.\n"
        "# For each claim: cite its sources, write a note, replace `unreviewed` with a verdict;\n"
        "# delete the claims (and their marks) that need no fact-check.\n"
    )
    claims = sorted(placed, key=lambda p: p[0])
    if not claims:
        return header + "sources: {}\nclaims: {}\n"
    # Each claim is dumped on its own so that a comment can stand where its value belongs.
    lines = ["sources: {}", "claims:"]
    for _, claim_id, fields, comment in claims:
        lines.extend("  " + line for line in _dump({claim_id: fields}).splitlines())
        if comment:
            lines.append(f"    # {comment}")
    return header + "\n".join(lines) + "\n"


def claim_fields(mark: PlannedMark, locale: str) -> dict[str, Any]:
    """The claim's fields as far as the article can tell them; never its `value:` (see `value_comment`)."""
    finding = mark.finding
    kind = CLAIM_KIND.get(finding.kind, "typo")
    fields: dict[str, Any] = {"kind": kind}
    if kind == "typo":
        fields["correction"] = finding.suggestion if finding.suggestion is not None else finding.text
    else:
        fields["verdict"] = "unreviewed"
        fields["sources"] = []
    if kind == "quote":
        fields["speaker"] = finding.speaker or TODO
    elif kind == "figure":
        readings = parse_figure(finding.text, locale=locale)
        if readings and readings[0].unit:
            fields["unit"] = readings[0].unit
    if mark.notes:
        fields["note"] = " ".join(mark.notes)
    return fields


def value_comment(finding: Finding) -> str:
    """For a figure or a date, a comment asking for the value from a source, with the article's reading."""
    if finding.kind not in ("figure", "date"):
        return ""
    what = "figure" if finding.kind == "figure" else "date"
    words = " ".join(finding.text.split())
    comment = f"value: give the {what} your sources state"
    if not finding.value:
        return comment
    reading = finding.value.replace("/", " to ") if finding.kind == "date" else _plain_number(finding.value)
    if not reading or len(words) > 80:
        return comment
    return f'{comment} (the article\'s "{words}" reads as {reading})'


def _plain_number(value: str) -> str:
    """`value` written out without exponent or trailing zeros (3.5E+6 -> 3500000); "" past 30 digits."""
    try:
        number = Decimal(value).normalize()
    except InvalidOperation:
        return ""
    if not number.is_finite() or abs(number.adjusted()) > 30:
        return ""
    return f"{number:f}"


def _claim_id(finding: Finding, used: set[str]) -> str:
    prefix = ID_PREFIX.get(finding.kind, "typo")
    words = finding.value if finding.kind == "figure" and finding.value else finding.text
    base = f"{prefix}-{slugify(words)}".strip("-")
    claim_id, number = base, 2
    while claim_id in used:
        claim_id, number = f"{base}-{number}", number + 1
    used.add(claim_id)
    return claim_id


def slugify(text: str, max_words: int = MAX_ID_WORDS) -> str:
    """Lower-case ASCII words joined by hyphens: "I'm not bluffing." -> "im-not-bluffing"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['\u2019]", "", ascii_text.lower())
    words = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(words[:max_words])


def _heading_lines(draft: Draft, findings: tuple[Finding, ...]) -> tuple[int, ...]:
    """Offsets of the subheadings of a plain-text article: short title-case lines on their own."""
    if not draft.plain:
        return ()
    offsets: list[int] = []
    for match in re.finditer(r"(?:\A|(?<=\n\n))([^\n]+)(?=\n\n|\n?\Z)", draft.body):
        line = match.group(1)
        words = re.findall(r"[A-Za-z][\w'\u2019]*", line)
        if not words or len(words) > 15 or re.search(r"[.!?:;,\"\u201d]\s*$", line):
            continue
        capitalised = sum(word[0].isupper() for word in words if len(word) > 3)
        long_words = sum(len(word) > 3 for word in words)
        covered = any(f.start <= match.start(1) < f.end and f.kind == "leftover" for f in findings)
        if long_words and capitalised == long_words and not covered and len(words) >= 3:
            offsets.append(match.start(1))
    return tuple(offsets)


def write_scaffold(articles_dir: Path, slug: str, markdown: str, citations: str) -> tuple[Path, Path]:
    """Write `SLUG.md` and `SLUG.yaml`; refuse, writing neither, if either exists already."""
    paths = (articles_dir / f"{slug}.md", articles_dir / f"{slug}.yaml")
    existing = [str(path) for path in paths if path.exists()]
    if existing:
        raise FileExistsError(f"{' and '.join(existing)} already exist; choose another slug")
    articles_dir.mkdir(parents=True, exist_ok=True)
    for path, content in zip(paths, (markdown, citations), strict=True):
        with path.open("x", encoding="utf-8") as file:
            file.write(content)
    return paths


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


class _PlainDumper(yaml.SafeDumper):
    # Repeated dates would otherwise be written as YAML anchors and aliases (&id001, *id001).
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=10_000)
