"""Claimant pages: one per person or organisation, their claims counted by verdict, linked from every claim,
and one page for one claimant whatever name an article uses (aliases from the configuration)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from tests.publish.conftest import BuiltSite, built
from tests.publish.site_fixture import write_site


def _text(path: Path) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text("utf-8"))).split())


def _second_article(config: Path, speaker: str) -> None:
    """A second fact-check of the same story whose quotation names the speaker differently."""
    articles = config.parent / "content" / "articles"
    (articles / "jobs-again.md").write_text((articles / "jobs.md").read_text("utf-8"), "utf-8")
    citations = (articles / "jobs.yaml").read_text("utf-8").replace("speaker: The minister", f"speaker: {speaker}")
    (articles / "jobs-again.yaml").write_text(citations, "utf-8")


def test_every_claimant_has_a_page_with_counts_and_every_claim_links_to_it(demo_site: BuiltSite) -> None:
    root = demo_site.site_dir / "claimants"
    pages = sorted(path.parent.name for path in root.glob("*/index.html"))
    # The English fact-check's claimants (the Hindi and Arabic demos add their own outlets and speakers).
    assert {"international-business-times-singapore", "us-embassy-in-russia", "vladimir-putin"} <= set(pages)
    putin = _text(root / "vladimir-putin/index.html")
    assert "Person Vladimir Putin" in putin and "False × 1" in putin
    assert "not what Vladimir Putin said" in putin
    embassy = _text(root / "us-embassy-in-russia/index.html")
    assert "Organization U.S. Embassy in Russia" in embassy and "Accurate × 2" in embassy
    outlet = _text(root / "international-business-times-singapore/index.html")
    english = [c for c in demo_site.project.claims if c.article.outlet == "International Business Times Singapore"]
    rated = [c for c in english if c.verdict is not None]
    assert f"Accurate × {sum(c.verdict.id == 'accurate' for c in rated if c.verdict)}" in outlet
    listing = _text(root / "index.html")
    assert listing.index("International Business") < listing.index("U.S. Embassy") < listing.index("Vladimir")
    for claimed in english:
        page = demo_site.site_dir / f"articles/{claimed.article.slug}/claims/{claimed.claim.id}/index.html"
        text = page.read_text("utf-8")
        assert 'href="../../../../claimants/international-business-times-singapore/"' in text, claimed.claim.id
        if claimed.claim.speaker:
            assert re.search(r'href="../../../../claimants/[a-z-]+/">' + re.escape(claimed.claim.speaker), text)


def test_names_that_differ_only_in_case_and_punctuation_share_a_page(tmp_path: Path) -> None:
    config = write_site(tmp_path)
    _second_article(config, "the Minister.")
    site = built(config)
    pages = sorted(path.parent.name for path in (site.site_dir / "claimants").glob("*/index.html"))
    assert pages == ["example-news", "minister"]
    assert "Accurate × 2" in _text(site.site_dir / "claimants/minister/index.html")


def test_configured_aliases_join_names_under_one_claimant(tmp_path: Path) -> None:
    aliases = {"claimants": [{"name": "Minister of Labour", "aliases": ["The minister", "Labour minister"]}]}
    config = write_site(tmp_path, plugin_options=aliases)
    _second_article(config, "Labour Minister")
    site = built(config)
    pages = sorted(path.parent.name for path in (site.site_dir / "claimants").glob("*/index.html"))
    assert pages == ["example-news", "minister-of-labour"]
    text = _text(site.site_dir / "claimants/minister-of-labour/index.html")
    assert "Person Minister of Labour" in text and "Accurate × 2" in text
    claim = _text(site.site_dir / "articles/jobs-again/claims/jobs-quote/index.html")
    assert "Quoted Minister of Labour (named “Labour Minister”)" in claim
