"""What Material's search index holds, so that a claim's words find the claim's page first.

Material ranks a page's own entry (its title, and its text before the first heading with an id) above
its sections, and multiplies a page's scores by its `search: boost:`. A claim page is boosted, its own
entry holds the claim's sentence as the article printed it and not the breadcrumb (the article's
headline) or the pager (the neighbouring claims), and the pages that list everything are not indexed
(factsite/adapters/mkdocs/search_ranking.py; bench/README.md, "Seventh round"). Read from the
`search/search_index.json` of the demo, built for real.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.search_ranking import CLAIM_BOOST

CLAIM_PAGE = re.compile(r"articles/[^/]+/claims/[^/]+/$")
ARTICLE_PAGE = re.compile(r"articles/[^/]+/$")


@pytest.fixture(scope="module")
def entries(built_demo: Path) -> dict[str, dict]:
    index = json.loads((built_demo / "search" / "search_index.json").read_text("utf-8"))
    return {entry["location"]: entry for entry in index["docs"]}


def test_claim_pages_are_boosted_and_no_other_page_is(entries: dict[str, dict]) -> None:
    claims = [location for location in entries if CLAIM_PAGE.match(location.split("#")[0])]
    assert len({location.split("#")[0] for location in claims}) == 45
    assert {entries[location].get("boost") for location in claims} == {CLAIM_BOOST}
    others = [location for location in entries if not CLAIM_PAGE.match(location.split("#")[0])]
    assert others and all("boost" not in entries[location] for location in others)


def test_a_claim_pages_own_entry_holds_its_sentence_in_the_article(entries: dict[str, dict]) -> None:
    own = entries["articles/americans-russia-forced-to-fight/claims/military-service/"]
    assert own["title"].startswith("Claim 5: The U.S. Embassy warned its citizens")
    # The words the article printed, which a reader remembers, not the desk's wording of the claim.
    assert own["text"] == (
        "The US Embassy in Russia has alerted its citizens that Moscow could force them into military service "
        "because of dual citizenship."
    )
    for location, entry in entries.items():
        if CLAIM_PAGE.match(location):
            # Not the article's headline (breadcrumb) nor the previous and next claims (pager).
            assert "All fact-checks" not in entry["text"] and "Next claim" not in entry["text"], location
            assert entry["text"], location
    # The section keeps what follows the sentence: the outlet and date, the claimants.
    context = entries["articles/americans-russia-forced-to-fight/claims/military-service/#context-heading"]
    assert "International Business Times Singapore" in context["text"]


def test_listing_pages_are_left_out_and_articles_kept(entries: dict[str, dict]) -> None:
    pages = {location.split("#")[0] for location in entries}
    for listing in ("", "sources/", "corrections/", "claimants/"):
        assert listing not in pages
    # A claimant's own page (a search for a name), the articles and the editor pages stay.
    assert "claimants/vladimir-putin/" in pages
    assert sum(1 for page in pages if ARTICLE_PAGE.match(page)) == 3
    assert "methodology/" in pages
