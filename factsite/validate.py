"""Cross-checking an article against its citations: marks against claims, claims against sources and the scale."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from factsite.anchor import MarkSpan
from factsite.load.fields import error, warning
from factsite.model import Article, ClaimKind, Problem, RatingScale
from factsite.settings import UNREVIEWED


def validate_article(article: Article, marks: Iterable[MarkSpan], scale: RatingScale) -> list[Problem]:
    marks = tuple(marks)
    problems: list[Problem] = []
    claim_ids = tuple(claim.id for claim in article.claims)
    known = set(claim_ids)  # looked up once per mark: a tuple made 50,000 marks quadratic
    marked = {mark.claim_id for mark in marks}
    for mark in marks:
        if mark.claim_id not in known:
            problems.append(
                error(
                    mark.location,
                    f"mark '#{mark.claim_id}' names no claim in {article.citations_path}",
                    _nearest("claims", mark.claim_id, claim_ids)
                    or f"add a claim '{mark.claim_id}:' under 'claims:' in {article.citations_path}",
                    code="mark-without-claim",
                )
            )
    source_ids = tuple(source.id for source in article.sources)
    cited: set[str] = set()
    for claim in article.claims:
        # A mark written but malformed has its own problem already; one mistake, one problem.
        if claim.id not in marked and not _attempted_mark(article.body, claim.id):
            problems.append(
                error(
                    claim.location,
                    f"claim '{claim.id}' has no mark in {article.path}",
                    f"mark the claim's words in the article as [words]{{#{claim.id}}}, or remove the claim",
                    code="claim-without-mark",
                )
            )
        for index, source_id in enumerate(claim.sources):
            cited.add(source_id)
            if source_id not in source_ids:
                where = claim.source_locations[index] if index < len(claim.source_locations) else claim.location
                problems.append(
                    error(
                        where,
                        f"claim '{claim.id}' cites unknown source '{source_id}'",
                        _nearest("sources", source_id, source_ids)
                        or f"add a source '{source_id}:' under 'sources:'",
                        code="unknown-source",
                    )
                )
        problems.extend(_verdict_problems(article, claim.id, claim.kind, claim.verdict, claim.location, scale))
    for source in article.sources:
        if source.id not in cited:
            problems.append(
                warning(
                    source.location,
                    f"source '{source.id}' is cited by no claim",
                    "cite it in a claim's 'sources:' or remove it",
                    code="unused-source",
                )
            )
    return problems


def _verdict_problems(article, claim_id, kind, verdict, location, scale) -> list[Problem]:  # type: ignore[no-untyped-def]
    if kind is ClaimKind.TYPO or verdict is None:
        return []
    if verdict == UNREVIEWED:
        return [
            warning(
                location,
                f"claim '{claim_id}' is unreviewed and will not be published with a verdict",
                "review it and set a verdict from the rating scale",
                code="unreviewed",
            )
        ]
    if scale.get(verdict) is None:
        ids = tuple(v.id for v in scale.verdicts)
        return [
            error(
                location,
                f"claim '{claim_id}': unknown verdict '{verdict}'",
                _nearest("verdicts", verdict, ids) or f"use one of: {', '.join(ids)}",
                code="unknown-verdict",
            )
        ]
    return []


def _attempted_mark(body: str, claim_id: str) -> bool:
    return re.search(r"\{[^}\n]*#" + re.escape(claim_id) + r"(?![\w-])", body) is not None


def _nearest(what: str, name: str, known: tuple[str, ...]) -> str:
    nearest = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"did you mean '{nearest[0]}'? (known {what}: {', '.join(known)})" if nearest else ""
