"""Running the check that fits each claim's kind, and noticing when a check contradicts the editor's verdict."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from factsite.checks.dates import check_date
from factsite.checks.figures import check_figure, sentence_around
from factsite.checks.quotes import check_quote
from factsite.checks.typos import check_typo
from factsite.model import Article, CheckResult, Claim, ClaimKind, RatingScale, Source

# Characters of article text either side of a date mark that the date check reads for the tense.
DATE_CONTEXT = 200

# Check outcomes that an accurate-side verdict cannot stand with.
FAILING_STATUSES = {
    ClaimKind.QUOTE: {"edit-may-change-meaning", "altered", "other-speaker", "spliced", "not-found"},
    ClaimKind.FIGURE: {"understated", "overstated"},
    ClaimKind.DATE: {"mismatch"},
}


def check_claim(
    claim: Claim,
    marked_text: str,
    article: Article,
    sources: Sequence[Source],
    scale: RatingScale,
    *,
    speaker_is_person: bool = False,
) -> CheckResult | None:
    """Run the claim's check; statements have none. Pure: the same inputs give the same result.

    `speaker_is_person`: the quoted speaker is a person, as the claimant pages type it (the build knows the
    configuration's claimants); a quotation's speaker is compared with a transcript's turns only then.
    """
    result: CheckResult | None
    if claim.kind is ClaimKind.QUOTE:
        # An organisation may be quoted through anyone who speaks for it: only a person's name is compared
        # with a transcript's turns.
        result = check_quote(marked_text, sources=sources, speaker=claim.speaker if speaker_is_person else None)
    elif claim.kind is ClaimKind.FIGURE:
        value = claim.value if isinstance(claim.value, Decimal) else None
        mark = article.mark(claim.id)
        result = check_figure(
            marked_text,
            value=value,
            unit=claim.unit,
            locale=article.locale,
            sources=sources,
            context=sentence_around(article.text, mark.start, mark.end) if mark else "",
        )
    elif claim.kind is ClaimKind.DATE:
        # The words around the mark give its tense ("will", "had"); a soft line break inside a
        # sentence must not hide them, so the scan gets the article text around the mark.
        mark = article.mark(claim.id)
        around = max(0, mark.start - DATE_CONTEXT) if mark else 0
        result = check_date(
            marked_text,
            published=article.published,
            value=claim.value,
            sources=sources,
            locale=article.locale,
            sentence=article.text[around : mark.end + DATE_CONTEXT] if mark else "",
            offset=mark.start - around if mark else None,
        )
    elif claim.kind is ClaimKind.TYPO:
        result = check_typo(marked_text, correction=claim.correction or "")
    else:
        return None
    if _contradicts(claim, result, scale):
        result = replace(result, contradicts_verdict=True)
    return result


def _contradicts(claim: Claim, result: CheckResult, scale: RatingScale) -> bool:
    verdict = scale.get(claim.verdict or "")
    if verdict is None:
        return False
    favourable = verdict.value > (scale.best + scale.worst) / 2
    return favourable and result.status in FAILING_STATUSES.get(claim.kind, set())
