"""The fact-check data model: articles, claims, sources, verdicts and the problems found in them.

Every stage of the pipeline (load, validate, anchor, check, render) passes these frozen dataclasses along;
nothing else travels between stages.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a content file; line and column count from 1, as editors' tools do."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """Something wrong with the content, found during a build and reported with the others."""

    severity: Severity
    location: Location
    message: str
    hint: str = ""
    code: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_error(self) -> Problem:
        return Problem(Severity.ERROR, self.location, self.message, self.hint, self.code)


class ClaimKind(enum.StrEnum):
    QUOTE = "quote"
    FIGURE = "figure"
    TYPO = "typo"
    DATE = "date"
    STATEMENT = "statement"


@dataclass(frozen=True)
class Verdict:
    """One step of the published rating scale."""

    id: str
    label: str
    definition: str
    icon: str
    value: int


@dataclass(frozen=True)
class RatingScale:
    verdicts: tuple[Verdict, ...]

    def get(self, verdict_id: str) -> Verdict | None:
        for verdict in self.verdicts:
            if verdict.id == verdict_id:
                return verdict
        return None

    @property
    def best(self) -> int:
        return max(verdict.value for verdict in self.verdicts)

    @property
    def worst(self) -> int:
        return min(verdict.value for verdict in self.verdicts)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    location: Location
    archived: str | None = None
    published: dt.date | None = None
    accessed: dt.date | None = None
    excerpt: str | None = None
    snapshot: str | None = None
    note: str = ""
    # The text the checks read: the snapshot file's content, or else the excerpt.
    text: str = ""


@dataclass(frozen=True)
class Claim:
    id: str
    kind: ClaimKind
    location: Location
    verdict: str | None = None
    sources: tuple[str, ...] = ()
    note: str = ""
    claim_reviewed: str = ""
    speaker: str | None = None
    value: Any = None
    unit: str | None = None
    correction: str | None = None
    # Where each cited source id stands in the YAML, for problems about one citation.
    source_locations: tuple[Location, ...] = ()


@dataclass(frozen=True)
class Mark:
    """A claim mark `[words]{#claim-id}` found in an article body."""

    claim_id: str
    number: int
    markdown: str
    text: str
    sentence: str
    location: Location
    # Offsets of `text` in the article's plain text (Article.text), for annotation selectors.
    start: int
    end: int


@dataclass(frozen=True)
class Correction:
    date: dt.date
    change: str
    reason: str
    location: Location


@dataclass(frozen=True)
class Ignore:
    """A lint finding the editor has reviewed and silenced."""

    text: str
    reason: str
    location: Location


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    url: str
    outlet: str
    published: dt.date
    reviewed: dt.date
    reviewer: str
    summary: str
    body: str
    body_line: int
    path: str
    citations_path: str
    author: str | None = None
    archived: str | None = None
    locale: str = "en_US"
    text: str = ""
    marks: tuple[Mark, ...] = ()
    claims: tuple[Claim, ...] = ()
    sources: tuple[Source, ...] = ()
    corrections: tuple[Correction, ...] = ()
    ignores: tuple[Ignore, ...] = ()

    def claim(self, claim_id: str) -> Claim | None:
        return self._by_id[0].get(claim_id)

    def source(self, source_id: str) -> Source | None:
        return next((source for source in self.sources if source.id == source_id), None)

    def mark(self, claim_id: str) -> Mark | None:
        return self._by_id[1].get(claim_id)

    @functools.cached_property
    def _by_id(self) -> tuple[dict[str, Claim], dict[str, Mark]]:
        """Claims and marks by id, the first of each id as a search would find it: looking each claim up
        by scanning made an article of 50,000 claims take minutes."""
        claims: dict[str, Claim] = {}
        marks: dict[str, Mark] = {}
        for claim in self.claims:
            claims.setdefault(claim.id, claim)
        for mark in self.marks:
            marks.setdefault(mark.claim_id, mark)
        return claims, marks


@dataclass(frozen=True)
class CheckResult:
    """What an automatic check found for one claim.

    `status` is a short machine-readable outcome (`verbatim`, `spliced`, `match`, `mismatch`, `resolved`...),
    `summary` one sentence for readers, `details` the kind-specific evidence (a frozen dataclass of the check module),
    `findings` extra observations such as a notation foreign to the article's locale.
    """

    check: str
    status: str
    summary: str
    details: Any = None
    findings: tuple[str, ...] = ()
    contradicts_verdict: bool = False


@dataclass(frozen=True)
class CheckedClaim:
    """A claim with everything the site shows about it."""

    article: Article
    claim: Claim
    mark: Mark
    verdict: Verdict | None
    result: CheckResult | None = None
    sources: tuple[Source, ...] = field(default=())
