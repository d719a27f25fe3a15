"""What Material's search index holds of each generated page, so that a claim's words find the claim's page first.

Below `pagefind_above` pages the site is searched with Material's search (lunr over one index,
`search/search_index.json`). Material makes an entry of each page (its title and the text before its first
heading with an id) and one of each such section; it ranks a page's own entry above its sections, the title
far above the text, and a result higher the more of the query's words it holds. So:

- a claim page's own entry holds the claim as the desk states it (its title) and the claim's words as the
  article printed them (the sentence of its "In the article" section), and not the breadcrumb (the article's
  headline: every claim of the article would match a search for the headline) nor the pager (the previous and
  next claims: a claim would match its neighbours' words);
- claim pages are boosted (Material's page meta `search: boost:`), so that a claim's words rank its page above
  the article that prints them and its sections (the article text, the scorecard), which hold every claim;
- the pages that list everything are left out (`search: exclude:`): the home page, the sources, corrections and
  claimants listings would match every search, as Pagefind's index leaves them out (search.NOT_INDEXED).

Measured in bench/README.md, "Seventh round: Material's search ranks the claim first".
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

# Material multiplies a boosted page's scores by this. With 2 a claim comes before the article that prints its
# words; with 3 a search for half of the demo article's headline found one of its claims first, with 4 the whole
# headline of a synthetic article did (bench/README.md, "Seventh round").
CLAIM_BOOST = 2
# Pages that list every article, source, correction or claimant.
LISTING_KINDS = frozenset({"index", "sources", "corrections", "claimants"})
# The id of a claim page's "In the article" heading (templates/pages/claim.html), whose section opens with the
# claim's sentence as the article printed it; what follows it there (`<p>`: the article's outlet and date, the
# claimants) is not the claim's words.
CONTEXT_SECTION = "context-heading"


def search_meta(kind: str) -> dict[str, Any]:
    """The page meta Material's search plugin reads (`search:`) for a generated page of `kind`."""
    if kind == "claim":
        return {"search": {"boost": CLAIM_BOOST}}
    if kind in LISTING_KINDS:
        return {"search": {"exclude": True}}
    return {}


def shape_claim_entries(entries: list[dict[str, Any]], claim_urls: Collection[str]) -> None:
    """Make the own entry of each claim page in `claim_urls` (Material's `location`s) hold the claim's sentence in
    the article in place of the breadcrumb and pager. `entries`: Material's index, changed in place; a page
    without an "In the article" section keeps its entry."""
    by_location = {str(entry.get("location", "")): entry for entry in entries}
    for url in claim_urls:
        own, context = by_location.get(url), by_location.get(f"{url}#{CONTEXT_SECTION}")
        if own is not None and context is not None:
            own["text"] = str(context.get("text", "")).split("<p>", 1)[0].strip()
