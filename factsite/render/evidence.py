"""What a claim page shows of a check's evidence: rows a reader can follow, with source titles, never ids.

The checks report everything they found (every date a source gives, every matching figure, each by source
id); a reader needs only what bears on the claim, once. These functions read the check's details by the
fields they need and ignore the rest, so a check that grows a field or a status still renders.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from factsite.render.messages import N_

# The checks' statuses as `status_words` writes them, for the catalogs (pages translate them).
STATUS_WORDS = (
    N_("match"), N_("rounded"), N_("understated"), N_("overstated"), N_("verbatim"),
    N_("verbatim with marked edits"), N_("minor differences"), N_("edit may change meaning"), N_("altered"),
    N_("other speaker"), N_("spliced"), N_("not found"),
)  # fmt: skip


def with_titles(text: str, titles: Mapping[str, str]) -> Markup:
    """`text` (a check's summary or finding) as HTML, each source id in it replaced by the source's title.

    Summaries are written for a log as well as for readers and name sources by id ("source
    shoigu-kyivpost gives ..."); readers see titles.
    """
    if not titles:
        return escape(text)
    pattern = _ids_pattern(tuple(titles))
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(Markup("<cite>{}</cite>").format(titles[match.group(1)]))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


@functools.lru_cache(maxsize=1024)  # a claim's sources, asked for by its summary and each of its findings
def _ids_pattern(ids: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(ids, key=len, reverse=True)  # a longer id first, where one id starts another
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, longest_first)) + r")(?![\w-])")


@dataclass(frozen=True)
class DateRow:
    """A date a source gives: `text` as the source writes it ('' for its publication date)."""

    title: str
    text: str
    resolution: Any  # the check's DateResolution: start, end


@dataclass(frozen=True)
class DateEvidence:
    """`supporting` when any source supports the date; else `other`, dates the sources give, which a
    reader may compare but which the check has not shown to be about the same event."""

    supporting: tuple[DateRow, ...]
    other: tuple[DateRow, ...]


def date_evidence(source_dates: Iterable[Any], titles: Mapping[str, str]) -> DateEvidence:
    """One row per source and date, a date in the text preferred to the publication date; only the
    supporting dates when there are any (the other dates of a supporting source are about other things)."""
    supporting: dict[tuple[str, Any, Any], DateRow] = {}
    other: dict[tuple[str, Any, Any], DateRow] = {}
    for item in source_dates:
        text = str(getattr(item, "text", "") or "").strip()
        resolution = item.resolution
        key = (item.source_id, resolution.start, resolution.end)
        rows = supporting if getattr(item, "agrees", False) else other
        if key not in rows or (text and not rows[key].text):
            rows[key] = DateRow(titles.get(item.source_id, ""), text, resolution)
    if supporting:
        return DateEvidence(_one_per_source(supporting), ())
    return DateEvidence((), _one_per_source(other))


def _one_per_source(rows: dict[tuple[str, Any, Any], DateRow]) -> tuple[DateRow, ...]:
    # A source that supports a date in its text does not need its publication date listed as well.
    texts = {key[0] for key, row in rows.items() if row.text}
    return tuple(row for key, row in rows.items() if row.text or key[0] not in texts)


@dataclass(frozen=True)
class FigureSource:
    title: str
    texts: tuple[str, ...]  # how the source writes the figure, each form once


@dataclass(frozen=True)
class FigureRow:
    """Figures the sources give that read alike and compare alike with the article's: one row.

    `value` is the figure as the article's locale writes it (the check's `value_text`); `compared` marks the
    row of the figure the check's result rests on."""

    value: str
    status: str
    compared: bool
    sources: tuple[FigureSource, ...]


def figure_evidence(evidence: Iterable[Any], titles: Mapping[str, str], compared: Any = None) -> tuple[FigureRow, ...]:
    """The sources' figures grouped by value and outcome, each source once per row, each form once."""
    groups: dict[tuple[str, str], dict[str, list[str]]] = {}
    chosen: set[tuple[str, str]] = set()
    for item in evidence:
        key = (str(item.value_text), str(item.status))
        if item is compared:
            chosen.add(key)
        texts = groups.setdefault(key, {}).setdefault(item.source_id, [])
        text = " ".join(str(item.text).split())
        if text.casefold() not in (known.casefold() for known in texts):
            texts.append(text)
    return tuple(
        FigureRow(value, status, (value, status) in chosen,
                  tuple(FigureSource(titles.get(source, ""), tuple(texts)) for source, texts in sources.items()))
        for (value, status), sources in groups.items()
    )  # fmt: skip


def status_words(status: str) -> str:
    """A check's machine status as words ("not-found" -> "not found"), for statuses without their own text."""
    return str(status).replace("-", " ").replace("_", " ")


@dataclass(frozen=True)
class Piece:
    """A run of words in one column of a side-by-side quote: `role` says how it differs from the other column
    ("same", "added", "dropped", "minor", "omitted", "editorial", "joint", "changed"); `other` is what the
    other column has in its place, `note` why."""

    text: str
    role: str
    other: str = ""
    note: str = ""


@dataclass(frozen=True)
class SideBySide:
    published: tuple[Piece, ...]
    source: tuple[Piece, ...]

    @property
    def roles(self) -> frozenset[str]:
        """The kinds of difference shown, for the key: only those that occur."""
        return frozenset(piece.role for piece in (*self.published, *self.source)) - {"same"}


def side_by_side(diff: Iterable[Any]) -> SideBySide:
    """The quote as published and the source's words, from the quote check's word diff (DiffToken).

    Operations the diff may grow later show as "changed" in both columns, with the words each side has.
    """
    published: list[Piece] = []
    source: list[Piece] = []
    for token in diff:
        operation, text = token.operation, token.text
        source_text, note = getattr(token, "source_text", ""), getattr(token, "note", "")
        if operation == "equal":
            published.append(Piece(text, "same"))
            source.append(Piece(text, "same"))
        elif operation == "inserted":
            published.append(Piece(text, "added"))
        elif operation == "deleted":
            source.append(Piece(text, "dropped"))
        elif operation == "minor":
            published.append(Piece(text, "minor", source_text, note))
            source.append(Piece(source_text, "minor", text, note))
        elif operation == "omitted":
            published.append(Piece(text, "omitted", source_text))
            if source_text:
                source.append(Piece(source_text, "omitted", text))
        elif operation == "editorial":
            published.append(Piece(text, "editorial", source_text))
            if source_text:
                source.append(Piece(source_text, "editorial", text))
        elif operation == "joined":
            published.append(Piece("", "joint", note=note))
            source.append(Piece("", "joint", note=note))
        else:
            published.append(Piece(text, "changed", source_text, status_words(operation)))
            if source_text:
                source.append(Piece(source_text, "changed", text, status_words(operation)))
    return SideBySide(tuple(published), tuple(source))


# Where an excerpt leaves text out ("[...]", "[…]"): context around a passage stops there, and at a paragraph.
_CONTEXT_BREAK = re.compile(r"\[\s*(?:\.\s*){3}\]|\[…\]|\n\s*\n")


@dataclass(frozen=True)
class PassageView:
    before: str
    text: str
    after: str
    # Whether the context is cut inside a paragraph (shown by an ellipsis) rather than at its edge.
    cut_before: bool
    cut_after: bool


def passage_view(passage: Any) -> PassageView:
    """A source passage with the context of its own paragraph only: never through an excerpt's `[...]`
    into text about something else."""
    before, after = str(passage.context_before), str(passage.context_after)
    breaks_before = list(_CONTEXT_BREAK.finditer(before))
    if breaks_before:
        before, cut_before = before[breaks_before[-1].end() :], False
    else:
        cut_before = bool(before.strip())
    first_after = _CONTEXT_BREAK.search(after)
    if first_after:
        after, cut_after = after[: first_after.start()], False
    else:
        cut_after = bool(after.strip())
    return PassageView(" ".join(before.split()), str(passage.text), " ".join(after.split()), cut_before, cut_after)
