"""Template-ready views of checked content: every value a page shows, computed once, so templates only loop.

URLs here are site-relative paths of directories ("articles/slug/"); `relative_url` turns them into links that
work under any sub-path and from a CDN.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from collections import Counter
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from factsite.languages.script import native_digits
from factsite.model import Article, CheckedClaim, CheckResult, ClaimKind, Correction, Source, Verdict
from factsite.render.markdown_render import MarkdownRenderer
from factsite.render.messages import N_
from factsite.settings import Settings


@functools.lru_cache(maxsize=65536)  # the claim pages' "Also checked in" links ask for the same links again and again
def relative_url(from_path: str, to_path: str) -> str:
    """Link from the page at directory `from_path` to `to_path` (both site-relative, '' is the root)."""
    if "#" in to_path:
        to_path, fragment = to_path.split("#", 1)
        return relative_url(from_path, to_path) + "#" + fragment
    target = _relative_path(to_path, from_path)
    if target == ".":
        return "./"
    return target if target.endswith((".xml", ".json", ".jsonld", ".html")) else target + "/"


def _relative_path(path: str, start: str) -> str:
    """`posixpath.relpath` of two site paths, without the absolute paths it makes of them first (a tenth of
    composing a claim page went there): the same answer wherever neither climbs with `..`."""
    start_parts = [part for part in start.split("/") if part and part != "."]
    path_parts = [part for part in path.split("/") if part and part != "."]
    if ".." in start_parts or ".." in path_parts:
        return posixpath.relpath("/" + path, "/" + start)
    common = 0
    for start_part, path_part in zip(start_parts, path_parts, strict=False):  # the shorter one decides
        if start_part != path_part:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


@functools.lru_cache(maxsize=4096)  # Babel formats a date in 30 microseconds: a site shows a few hundred dates
def readable_date(date: dt.date | None, locale: str = "en") -> str:
    """ "28 September 2022"; in an article's locale "28 सितंबर 2022", "٢٨ سبتمبر ٢٠٢٢" (its own digits)."""
    return native_digits(format_date(date, "d MMMM y", locale=locale), locale) if date else ""


@functools.lru_cache(maxsize=4096)  # the date checks' evidence shows the article's date on each of its claim pages
def long_date(date: dt.date | None, locale: str = "en") -> str:
    return native_digits(format_date(date, "EEEE d MMMM y", locale=locale), locale) if date else ""


def html_lang(locale: str) -> str:
    """The BCP 47 tag of a locale for a `lang` attribute: "hi_IN" -> "hi-IN"."""
    return locale.replace("_", "-")


@functools.lru_cache(maxsize=256)  # asked on every page, of the few locales a site has
def text_direction(locale: str) -> str:
    """ "rtl" for a locale written right to left (Arabic, Persian, Urdu, Hebrew), else "ltr" (CLDR, via Babel)."""
    try:
        order = Locale.parse(locale.replace("-", "_")).character_order
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


def same_language(locale: str, other: str) -> bool:
    """Whether two locales are one language ("en_US" and "en_GB" are; "hi_IN" and "en_IN" are not)."""
    return locale.replace("-", "_").split("_")[0].casefold() == other.replace("-", "_").split("_")[0].casefold()


def article_path(slug: str) -> str:
    return f"articles/{slug}"


def claim_path(slug: str, claim_id: str) -> str:
    return f"articles/{slug}/claims/{claim_id}"


@dataclass(frozen=True)
class VerdictView:
    id: str
    label: str
    definition: str
    icon_svg: str
    value: int | None
    css_class: str


@dataclass(frozen=True)
class ClaimLink:
    path: str
    number: int
    title: str
    kind: str
    verdict: VerdictView


@dataclass(frozen=True)
class SourceView:
    source: Source
    note_html: str
    published: str
    accessed: str


@dataclass(frozen=True)
class CorrectionView:
    date: str
    iso_date: str
    change_html: str
    reason_html: str


@dataclass(frozen=True)
class TallyEntry:
    verdict: VerdictView
    count: int


def verdict_view(claimed: CheckedClaim, settings: Settings) -> VerdictView:
    """How a claim's rating shows: its verdict, or a correction for a typo, or unreviewed."""
    if claimed.claim.kind is ClaimKind.TYPO:
        return VerdictView(
            "correction", N_("Correction"), N_("A copy error with its correction."),
            settings.icon_svg("material/pencil"), None, "fs-kind--typo",
        )  # fmt: skip
    verdict: Verdict | None = claimed.verdict
    if verdict is None:
        return VerdictView(
            "unreviewed", N_("Unreviewed"), N_("Not yet reviewed; no verdict is published."),
            settings.icon_svg("material/timer-sand"), None, "fs-verdict--unreviewed",
        )  # fmt: skip
    return VerdictView(
        verdict.id,
        verdict.label,
        verdict.definition,
        settings.icon_svg(verdict.icon),
        verdict.value,
        f"fs-verdict--{verdict.id}",
    )


def claim_title(claimed: CheckedClaim) -> str:
    return claimed.claim.claim_reviewed or " ".join(claimed.mark.text.split())


def claim_link(claimed: CheckedClaim, settings: Settings) -> ClaimLink:
    return ClaimLink(
        path=claim_path(claimed.article.slug, claimed.claim.id),
        number=claimed.mark.number,
        title=claim_title(claimed),
        kind=claimed.claim.kind.value,
        verdict=verdict_view(claimed, settings),
    )


def severity_order(settings: Settings) -> list[str]:
    """Verdict ids from the most severe (the scale's worst, e.g. False) to the mildest, then unreviewed
    claims and corrections: the order in which a reader needs to know about them."""
    return [v.id for v in sorted(settings.scale.verdicts, key=lambda v: v.value)] + ["unreviewed", "correction"]


def tally(claims: tuple[CheckedClaim, ...], settings: Settings) -> tuple[TallyEntry, ...]:
    """Claims counted by verdict, most severe first, then unreviewed claims and corrections."""
    views = [verdict_view(claimed, settings) for claimed in claims]
    counts = Counter(view.id for view in views)
    first = {view.id: view for view in reversed(views)}
    return tuple(TallyEntry(first[key], counts[key]) for key in severity_order(settings) if key in counts)


def by_severity(links: list[ClaimLink], settings: Settings) -> list[ClaimLink]:
    """Claim links most severe verdict first; in article order within a verdict."""
    rank = {verdict_id: index for index, verdict_id in enumerate(severity_order(settings))}
    return sorted(links, key=lambda link: (rank.get(link.verdict.id, len(rank)), link.number))


@dataclass(frozen=True)
class ArticleRating:
    """The verdict on an article as a whole and where it comes from (`basis`: "editor", "headline",
    "worst-claim" or "none"), with a sentence saying so to readers: `explanation` is its msgid (the page
    translates it), with `%(number)s` for `claim_number`, the claim the rating comes from."""

    verdict: VerdictView
    basis: str
    explanation: str
    claim_number: int | None = None


def article_rating(claims: tuple[CheckedClaim, ...], article: Article, settings: Settings) -> ArticleRating:
    """The editor's `rating:`; else the verdict of the `headline_claim:`; else the worst verdict among the
    rated claims (a story is as sound as its weakest checked claim); else unreviewed."""
    if article.rating is not None and (verdict := settings.scale.get(article.rating)) is not None:
        return ArticleRating(_scale_view(verdict, settings), "editor", N_("Our rating of the article as a whole."))
    rated = [c for c in claims if c.claim.kind is not ClaimKind.TYPO and c.verdict is not None]
    headline = next((c for c in rated if c.claim.id == article.headline_claim), None)
    if headline is not None:
        explanation = N_("The rating of its headline claim, claim %(number)s.")
        return ArticleRating(verdict_view(headline, settings), "headline", explanation, headline.mark.number)
    if rated:
        worst = min(rated, key=lambda c: (c.verdict.value if c.verdict else 0, c.mark.number))
        explanation = N_("The most severe rating among its claims, claim %(number)s.")
        return ArticleRating(verdict_view(worst, settings), "worst-claim", explanation, worst.mark.number)
    unreviewed = VerdictView(
        "unreviewed", N_("Unreviewed"), N_("Not yet reviewed; no verdict is published."),
        settings.icon_svg("material/timer-sand"), None, "fs-verdict--unreviewed",
    )  # fmt: skip
    return ArticleRating(unreviewed, "none", N_("No claim of the article is rated yet."))


def _scale_view(verdict: Verdict, settings: Settings) -> VerdictView:
    return VerdictView(
        verdict.id, verdict.label, verdict.definition, settings.icon_svg(verdict.icon), verdict.value,
        f"fs-verdict--{verdict.id}",
    )  # fmt: skip


def source_view(source: Source, renderer: MarkdownRenderer, locale: str = "en") -> SourceView:
    """A source as a page in `locale` shows it (its dates)."""
    return SourceView(
        source=source,
        note_html=renderer.render_note(source.note),
        published=readable_date(source.published, locale),
        accessed=readable_date(source.accessed, locale),
    )


def correction_view(correction: Correction, renderer: MarkdownRenderer, locale: str = "en") -> CorrectionView:
    return CorrectionView(
        date=readable_date(correction.date, locale),
        iso_date=correction.date.isoformat(),
        change_html=renderer.render_inline(correction.change),
        reason_html=renderer.render_inline(correction.reason),
    )


def evidence_template(result: CheckResult | None) -> str:
    return f"evidence/{result.check}.html" if result is not None else ""
