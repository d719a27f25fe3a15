"""Cross-checking an article against its citations: marks against claims, claims against sources and the scale."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from factsite.checks.figures.notation import MAX_FIGURE_DIGITS
from factsite.load.anchor import MarkSpan
from factsite.load.fields import error, warning
from factsite.model import Article, Claim, ClaimKind, Location, Problem, RatingScale
from factsite.settings import UNREVIEWED

# Comparisons of mark ids with claim ids in search of renamings: 500 marks against 500 claims at most.
MAX_PAIRINGS = 250_000


def validate_article(article: Article, marks: Iterable[MarkSpan], scale: RatingScale) -> list[Problem]:
    marks = tuple(marks)
    problems: list[Problem] = []
    claim_ids = tuple(claim.id for claim in article.claims)
    known = set(claim_ids)  # looked up once per mark: a tuple made 50,000 marks quadratic
    marked = {mark.claim_id for mark in marks}
    # A mark written but malformed has its own problem already; one mistake, one problem.
    unmarked = [c for c in article.claims if c.id not in marked and not _attempted_mark(article.body, c.id)]
    orphans = [mark for mark in marks if mark.claim_id not in known]
    renamed = _renamings(orphans, unmarked)
    for mark in orphans:
        claim = renamed.get(mark.claim_id)
        if claim is not None:
            problems.append(
                error(
                    mark.location,
                    f"mark '#{mark.claim_id}' names no claim in {article.citations_path}, and claim '{claim.id}'"
                    f" (line {claim.location.line}) has no mark",
                    f"did you mean '#{claim.id}'? rename one of the two so that they match",
                    code="renamed-mark",
                )
            )
            continue
        problems.append(
            error(
                mark.location,
                f"mark '#{mark.claim_id}' names no claim in {article.citations_path}",
                _nearest("claims", mark.claim_id, claim_ids)
                or f"add a claim '{mark.claim_id}:' under 'claims:' in {article.citations_path}",
                code="mark-without-claim",
            )
        )
    problems.extend(_figure_mark_problems(article, marks))
    source_ids = tuple(source.id for source in article.sources)
    cited: set[str] = set()
    reported = {claim.id for claim in unmarked} - {claim.id for claim in renamed.values()}
    for claim in article.claims:
        if claim.id in reported:
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
                        _nearest("sources", source_id, source_ids) or f"add a source '{source_id}:' under 'sources:'",
                        code="unknown-source",
                    )
                )
        problems.extend(_verdict_problems(article, claim.id, claim.kind, claim.verdict, claim.location, scale))
    problems.extend(_article_rating_problems(article, claim_ids, scale))
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


def _figure_mark_problems(article: Article, marks: tuple[MarkSpan, ...]) -> list[Problem]:
    """A figure mark holding a number longer than any figure: refused where it is written."""
    figure_ids = {claim.id for claim in article.claims if claim.kind is ClaimKind.FIGURE}
    problems = []
    for mark in marks:
        if mark.claim_id not in figure_ids:
            continue
        inner = article.body[mark.inner_start : mark.inner_end]
        longest = max((len(run) for run in _DIGIT_RUN.findall(inner)), default=0)
        exponent = max((abs(int(e)) for e in _EXPONENT.findall(inner)), default=0)
        if exponent >= MAX_FIGURE_DIGITS:
            problems.append(
                error(
                    mark.location,
                    f"figure mark '#{mark.claim_id}' holds an exponent of {exponent}",
                    f"a figure has at most {MAX_FIGURE_DIGITS} digits; write it as the article's readers would",
                    code="figure-too-long",
                )
            )
        elif longest > MAX_FIGURE_DIGITS:
            problems.append(
                error(
                    mark.location,
                    f"figure mark '#{mark.claim_id}' holds a number of {longest} digits",
                    f"a figure has at most {MAX_FIGURE_DIGITS} digits; mark the figure as the article writes it",
                    code="figure-too-long",
                )
            )
    return problems


_DIGIT_RUN = re.compile(r"[0-9]+")
_EXPONENT = re.compile(r"(?<=[0-9])[eE]([+-]?[0-9]{1,12})\b")


def _renamings(orphans: list[MarkSpan], unmarked: list[Claim]) -> dict[str, Claim]:
    """Which unmarked claim each mark naming no claim most likely is, renamed on one side only.

    A pair is a mark and a claim whose ids are alike, or the one mark and the one claim left over.
    """
    free = list(unmarked)
    pairs: dict[str, Claim] = {}
    if len(orphans) * len(free) > MAX_PAIRINGS:
        return pairs  # ids mismatched by the thousand are no renaming, and comparing them all takes minutes
    for mark in orphans:
        nearest = difflib.get_close_matches(mark.claim_id, [claim.id for claim in free], n=1, cutoff=0.6)
        if nearest:
            claim = next(claim for claim in free if claim.id == nearest[0])
            pairs[mark.claim_id] = claim
            free.remove(claim)
    left = [mark.claim_id for mark in orphans if mark.claim_id not in pairs]
    if len(left) == 1 and len(free) == 1:
        pairs[left[0]] = free[0]
    return pairs


def _article_rating_problems(article: Article, claim_ids: tuple[str, ...], scale: RatingScale) -> list[Problem]:
    """The front matter's `rating` must be a verdict of the scale, `headline_claim` a rated claim's id."""
    problems = []
    where = Location(article.path)
    if article.rating is not None and scale.get(article.rating) is None:
        ids = tuple(v.id for v in scale.verdicts)
        problems.append(
            error(
                article.rating_location or where,
                f"front matter: unknown rating '{article.rating}'",
                _nearest("verdicts", article.rating, ids) or f"use one of: {', '.join(ids)}",
                code="unknown-verdict",
            )
        )
    if article.headline_claim is not None:
        claim = article.claim(article.headline_claim)
        location = article.headline_claim_location or where
        if claim is None:
            named = article.headline_claim
            hint = _nearest("claims", named, claim_ids) or "name the id of the claim the headline makes"
            message = f"front matter: headline_claim '{named}' names no claim in {article.citations_path}"
            problems.append(error(location, message, hint, code="unknown-claim"))
        elif claim.kind is ClaimKind.TYPO:
            message = f"front matter: headline_claim '{claim.id}' is a typo, which has no verdict"
            problems.append(error(location, message, "name a rated claim, or set the article's `rating:`"))
    return problems


def _attempted_mark(body: str, claim_id: str) -> bool:
    return re.search(r"\{[^}\n]*#" + re.escape(claim_id) + r"(?![\w-])", body) is not None


def _nearest(what: str, name: str, known: tuple[str, ...]) -> str:
    nearest = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"did you mean '{nearest[0]}'? (known {what}: {', '.join(known)})" if nearest else ""
