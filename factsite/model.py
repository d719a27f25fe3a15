"""The fact-check data model: articles, claims, sources, verdicts and the problems found in them.

Every stage of the pipeline (load, validate, anchor, check, render) passes these frozen dataclasses along;
nothing else travels between stages.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the settings read the model; a checked project carries them
    from factsite.settings import Settings


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


# What would change how a terminal shows a problem rather than show itself: control characters (line breaks
# too, one problem is one line and its hint) and the marks that reorder text (a right-to-left override in a
# file name makes "txt.exe" read "exe.txt"). Problems show them as escapes, never raw.
_UNSHOWN = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """`text` with the characters that a terminal would not show as themselves escaped, e.g. \\u202e."""
    return _UNSHOWN.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


@dataclass(frozen=True, order=True)
class Location:
    """A place in a content file; line and column count from 1, as editors' tools do."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return shown(self.path)
        return f"{shown(self.path)}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """Something wrong with the content, found during a build and reported with the others."""

    severity: Severity
    location: Location
    message: str
    hint: str = ""
    code: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity}: {shown(self.message)}"
        if self.hint:
            text += f"\n    hint: {shown(self.hint)}"
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
    # "person" or "organization"; None leaves it to the claimants' configuration and the name.
    speaker_type: str | None = None
    value: Any = None
    unit: str | None = None
    correction: str | None = None
    # "SLUG/CLAIM-ID": the same claim checked in another article (factsite.render.same_claims).
    same_as: str | None = None
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
    # The editor's rating of the article as a whole (a verdict id), and the claim its headline makes;
    # without a rating the article is rated from its claims (factsite.render.views.article_rating).
    rating: str | None = None
    headline_claim: str | None = None
    rating_location: Location | None = None
    headline_claim_location: Location | None = None
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
class Basis:
    """What a check result rests on, in plain data, so that no result states what it has not established.

    `reading` is what the check read in the marked text, canonical: a figure as a plain decimal ("250000",
    "12.5"; a range "20-25"), a date in ISO form ("2022-09-14", a span "2022-09-05/2022-09-11"), a quote's
    words; None when the check could not read the whole marked span (`reason` says why). `unit` is the
    reading's quantity ("percent", an ISO currency code, a counted noun), None when it has none.
    `source_id` and `candidate` name the cited source and the value or passage in it that the result
    compares with (same canonical forms); both None when no cited source holds a comparable one.
    """

    reading: str | None = None
    unit: str | None = None
    source_id: str | None = None
    candidate: str | None = None
    reason: str = ""


# Statuses that say honestly that a check could not establish a finding: "could not read", "not found in
# the cited sources", "no source to compare". Every other status is a finding a reader may rely on.
UNDETERMINED_STATUSES = frozenset({"unread", "unparsed", "not-found", "unverified", "unresolved", "no-sources"})


@dataclass(frozen=True)
class CheckResult:
    """What an automatic check found for one claim.

    `status` is a short machine-readable outcome (`verbatim`, `spliced`, `match`, `understated`, `resolved`...),
    `summary` one sentence for readers, `details` the kind-specific evidence (a frozen dataclass of the check module),
    `findings` extra observations such as a notation foreign to the article's locale, `basis` what the
    result rests on (see Basis).
    """

    check: str
    status: str
    summary: str
    details: Any = None
    findings: tuple[str, ...] = ()
    contradicts_verdict: bool = False
    basis: Basis = Basis()

    @property
    def established(self) -> bool:
        """False when the status is an honest "could not tell" (UNDETERMINED_STATUSES)."""
        return self.status not in UNDETERMINED_STATUSES


@dataclass(frozen=True)
class CheckedClaim:
    """A claim with everything the site shows about it."""

    article: Article
    claim: Claim
    mark: Mark
    verdict: Verdict | None
    result: CheckResult | None = None
    sources: tuple[Source, ...] = field(default=())


@dataclass(frozen=True)
class CheckedArticle:
    """One article after the checks: its rendered body, its claims with their results, its problems."""

    article: Article
    body_html: str
    claims: tuple[CheckedClaim, ...]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Project:
    """Every checked article of a site, with every problem found: what the build core's `check` returns."""

    settings: Settings
    articles: tuple[CheckedArticle, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def claims(self) -> tuple[CheckedClaim, ...]:
        return tuple(claim for article in self.articles for claim in article.claims)
