"""ClaimReview JSON-LD for claim pages, and the checks every block must pass before it is published.

A claim page and its ClaimReview are made from the same `CheckedClaim`, so the markup says what the
page shows. The shape follows schema.org's ClaimReview and Google's published rules for it (one
review per page, on the page it describes, its URL on the site's own domain); docs/publishing.md
lists every field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from factsite.model import CheckedClaim, ClaimKind, Location, Problem, Project, Severity
from factsite.render.claimants import Claimants
from factsite.render.messages import Messages
from factsite.render.views import claim_path, claim_title, same_language
from factsite.settings import Settings

SCHEMA_CONTEXT = "https://schema.org"
# Site-wide problems point at the config file: the plugin's options live there.
CONFIG_LOCATION = Location("mkdocs.yml")
REQUIRED = ("url", "claimReviewed", "datePublished", "author", "reviewRating", "itemReviewed")
# Content is untrusted: as JSON escapes, these characters cannot end the <script> element.
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def site_address(settings: Settings, path: str) -> str:
    """The absolute URL of a site-relative page directory ('' is the home page) or file."""
    base = settings.site_url if settings.site_url.endswith("/") else settings.site_url + "/"
    if not path or path.endswith((".xml", ".json", ".jsonld")):
        return base + path
    return f"{base}{path}/"


def language_tag(locale: str) -> str:
    """A BCP 47 language tag (`en-SG`) from a Babel locale identifier (`en_SG`)."""
    return locale.replace("_", "-")


def publishes_review(claimed: CheckedClaim) -> bool:
    """Only rated claims are reviewed: a typo carries a correction, an unreviewed claim nothing."""
    return claimed.claim.kind is not ClaimKind.TYPO and claimed.verdict is not None


def organisation(settings: Settings) -> dict[str, Any]:
    """The publishing organisation, the `author` of every review."""
    publisher, home = settings.publisher, site_address(settings, "")
    data: dict[str, Any] = {"@type": "Organization", "name": publisher.name}
    data["url"] = publisher.url or home
    if publisher.logo:
        logo = publisher.logo if urlsplit(publisher.logo).scheme else home + publisher.logo
        data["logo"] = {"@type": "ImageObject", "url": logo}
    return data


def claim_review(claimed: CheckedClaim, settings: Settings) -> dict[str, Any] | None:
    """A claim page's ClaimReview; None without a verdict or when structured data is off."""
    if not settings.structured_data or not settings.site_url or not publishes_review(claimed):
        return None
    article, verdict = claimed.article, claimed.verdict
    assert verdict is not None  # publishes_review checked it
    # The review is in its page's language: the article's, where it is not the site's.
    locale = settings.locale if same_language(article.locale, settings.locale) else article.locale
    review: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "url": site_address(settings, claim_path(article.slug, claimed.claim.id)),
        "claimReviewed": claim_title(claimed),
        "datePublished": article.reviewed.isoformat(),
        "author": organisation(settings),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": verdict.value,
            "bestRating": settings.scale.best,
            "worstRating": settings.scale.worst,
            "alternateName": Messages(locale).gettext(verdict.label),
        },
        "itemReviewed": claim_item(claimed, settings),
        "inLanguage": language_tag(locale),
    }
    if article.corrections:
        review["dateModified"] = max(c.date for c in article.corrections).isoformat()
    return review


def claim_item(claimed: CheckedClaim, settings: Settings) -> dict[str, Any]:
    """The Claim reviewed: who made it, when, and the article it appears in, with its archive.

    The claim is the outlet's, a quotation included: the outlet published the words as said, and a
    fact-check of an invented quotation must not credit the person quoted with it. The person or
    organisation quoted is named under `mentions`, typed as what it is.
    """
    article, speaker = claimed.article, claimed.claim.speaker
    appearance: dict[str, Any] = {
        "@type": "CreativeWork",
        "url": article.url,
        "headline": article.title,
        "datePublished": article.published.isoformat(),
        "publisher": _outlet(claimed),
    }
    if article.author:
        appearance["author"] = {"@type": "Person", "name": article.author}
    if article.archived:
        appearance["archivedAt"] = article.archived
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": _outlet(claimed),
        "datePublished": article.published.isoformat(),
        "appearance": appearance,
    }
    if speaker:
        quoted = Claimants(settings).named(speaker, claimed.claim.speaker_type)
        item["mentions"] = {"@type": quoted.schema_type, "name": quoted.name}
    return item


def _outlet(claimed: CheckedClaim) -> dict[str, str]:
    return {"@type": "Organization", "name": claimed.article.outlet}


def script_json(data: Any) -> str:
    """JSON to print inside a `<script>` element, where no content can close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for character, escape in SCRIPT_ESCAPES.items():
        text = text.replace(character, escape)
    return text


def claim_review_script(claimed: CheckedClaim, settings: Settings) -> str:
    """The JSON-LD a claim page prints, or '' when it publishes none."""
    review = claim_review(claimed, settings)
    return script_json(review) if review is not None else ""


def review_problems(review: Mapping[str, Any], settings: Settings, claim_id: str, location: Location) -> list[Problem]:
    """Why a ClaimReview is unfit to publish: a missing field, an off-scale rating, a bad URL."""
    hint = "check the claim's `claim` and `verdict`, and the scale, `site_url` and `publisher`"
    return [
        _error(location, f"ClaimReview of claim '{claim_id}': {fault}", hint)
        for fault in review_faults(review, settings)
    ]


def _error(location: Location, message: str, hint: str) -> Problem:
    return Problem(Severity.ERROR, location, message, hint, "structured-data")


def review_faults(review: Mapping[str, Any], settings: Settings) -> Iterator[str]:
    for field in REQUIRED:
        if not review.get(field):
            yield f"the required field `{field}` is missing"
    rating: Mapping[str, Any] = review.get("reviewRating") or {}
    if not rating.get("alternateName"):
        yield "the rating has no label (`alternateName`)"
    yield from _rating_faults(rating, settings.scale.worst, settings.scale.best)
    if not (review.get("author") or {}).get("name"):
        yield "the publishing organisation has no name"
    yield from _url_faults(str(review.get("url", "")), settings)
    appearance = (review.get("itemReviewed") or {}).get("appearance") or {}
    if urlsplit(str(appearance.get("url", ""))).scheme not in ("http", "https"):
        yield "the claim's `appearance` needs the article's http(s) address"
    label = str(rating.get("alternateName", "")).casefold()
    claim_text = str(review.get("claimReviewed", "")).casefold()
    if label and claim_text.startswith((label + ":", label + " -")):
        yield "`claimReviewed` must state the claim without its rating"


def _rating_faults(rating: Mapping[str, Any], worst: int, best: int) -> Iterator[str]:
    value = rating.get("ratingValue")
    if rating.get("bestRating") != best or rating.get("worstRating") != worst:
        yield f"`bestRating` and `worstRating` must be the scale's {best} and {worst}"
    if not isinstance(value, int) or isinstance(value, bool):
        yield f"`ratingValue` must be a whole number, not {value!r}"
    elif not worst <= value <= best:
        yield f"the rating {value} is outside the scale from {worst} (worst) to {best} (best)"


def _url_faults(url: str, settings: Settings) -> Iterator[str]:
    if not url:
        return
    parts, site_host = urlsplit(url), urlsplit(settings.site_url).hostname or ""
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not site_host:
        yield f"`url` {url} is not an absolute http(s) address on the site"
    elif host != site_host and not host.endswith("." + site_host):
        yield f"`url` {url} is not on the site's domain, {site_host}"


def structured_data_problems(project: Project) -> list[Problem]:
    """What structured data needs from the config, then every ClaimReview checked as printed."""
    settings = project.settings
    if not settings.structured_data:
        return []
    problems = list(_configuration_problems(settings))
    if problems:
        return problems
    first_seen: dict[str, Location] = {}
    for claimed in project.claims:
        review = claim_review(claimed, settings)
        if review is None:
            continue
        location = claimed.claim.location
        problems.extend(review_problems(review, settings, claimed.claim.id, location))
        url = review["url"]
        if url in first_seen:
            message = f"a second ClaimReview for {url} (the first is at {first_seen[url]})"
            problems.append(_error(location, message, "each claim page carries exactly one review"))
        first_seen.setdefault(url, location)
    return problems


def _configuration_problems(settings: Settings) -> Iterator[Problem]:
    off = "or set `structured_data: false` under the factsite plugin"
    if not urlsplit(settings.site_url).hostname:
        yield _error(
            CONFIG_LOCATION,
            "structured data is on but `site_url` is not set: ClaimReview needs absolute URLs",
            f"set `site_url:` in mkdocs.yml to the site's public address (https://...), {off}",
        )
    if not settings.publisher.name:
        yield _error(
            CONFIG_LOCATION,
            "structured data is on but no publisher is named: ClaimReview needs its author",
            f"name the `publisher:` (name, url) under the factsite plugin in mkdocs.yml, {off}",
        )
