"""The same claim checked in two articles is one claim: near-identical sentences of one claimant, or an
explicit `same_as:`; claim pages link each other and claims.json says so."""

from __future__ import annotations

import itertools
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from factsite.build.pipeline import check_project
from factsite.build.site import BuildOptions, SiteBuild
from factsite.load.site_config import read_settings, read_site_config
from factsite.render.messages import Messages
from factsite.render.same_claims import (
    RARE_WORDS,
    THRESHOLD,
    BucketMatches,
    ClaimGroup,
    ClaimKey,
    _Entry,
    _matching_candidates,
    _matching_pairs,
    near_identical,
    same_claims,
)
from tests.conftest import ran_where_it_forks
from tests.publish.conftest import build, built
from tests.publish.site_fixture import write_site

SENTENCE = "Putin announced a partial mobilization of 300,000 reservists."


@pytest.mark.parametrize(
    ("other", "same"),
    [
        ("putin announced a partial mobilisation of 300,000 reservists", True),  # case, spelling, stop (98)
        ("Putin announced the partial mobilization of 300,000 reservists.", True),  # an article changed (95)
        ("Putin ordered a partial mobilization of 300,000 reservists.", False),  # another verb (85)
        ("Putin announced a partial mobilization of 3,000 reservists.", False),  # another number
        ("Putin announced a full mobilization of 300,000 soldiers.", False),  # (80)
    ],
)
def test_near_identical_means_the_same_numbers_and_a_token_sort_ratio_of_90(other: str, same: bool) -> None:
    assert THRESHOLD == 90
    assert near_identical(SENTENCE, other) is same


def _claims(site_dir: Path) -> dict[tuple[str, str], dict[str, object]]:
    records = json.loads((site_dir / "claims.json").read_text("utf-8"))["claims"]
    return {(record["article"], record["id"]): record for record in records}


def test_the_same_claims_in_two_articles_link_each_other(tmp_path: Path) -> None:
    site = built(write_site(tmp_path, extra_articles={"jobs-again": "2024-03-11"}))
    page = (site.site_dir / "articles/jobs/claims/jobs-grew/index.html").read_text("utf-8")
    assert "Also checked in" in page and 'href="../../../jobs-again/claims/jobs-grew/"' in page
    again = (site.site_dir / "articles/jobs-again/claims/jobs-quote/index.html").read_text("utf-8")
    assert 'href="../../../jobs/claims/jobs-quote/"' in again
    claims = _claims(site.site_dir)
    assert claims[("jobs", "jobs-grew")]["also_checked_in"] == ["articles/jobs-again/claims/jobs-grew/"]
    assert claims[("jobs-again", "jobs-quote")]["also_checked_in"] == ["articles/jobs/claims/jobs-quote/"]
    assert claims[("jobs", "typo-teh")]["also_checked_in"] == []  # a copy error is no claim of anyone's
    assert [claims[key]["also_checked_count"] for key in [("jobs", "jobs-grew"), ("jobs", "typo-teh")]] == [1, 0]
    assert "factsite:also-checked" not in page
    assert "not listed here" not in page  # every other check is listed: no count of the others


def _other_article(config: Path, claim: str, same_as: str) -> None:
    articles = config.parent / "content" / "articles"
    (articles / "other.md").write_text((articles / "jobs.md").read_text("utf-8"), "utf-8")
    citations = (articles / "jobs.yaml").read_text("utf-8")
    citations = citations.replace('claim: "Jobs grew by a third in a year."', f"claim: {claim}\n    same_as: {same_as}")
    assert "same_as" in citations
    (articles / "other.yaml").write_text(citations, "utf-8")


def test_an_explicit_same_as_links_claims_whose_sentences_differ(tmp_path: Path) -> None:
    config = write_site(tmp_path)
    _other_article(config, "Employment rose 33 percent over the year.", "jobs/jobs-grew")
    site = built(config)
    claims = _claims(site.site_dir)
    assert claims[("other", "jobs-grew")]["also_checked_in"] == ["articles/jobs/claims/jobs-grew/"]
    assert claims[("jobs", "jobs-grew")]["also_checked_in"] == ["articles/other/claims/jobs-grew/"]


def test_a_same_as_naming_no_claim_is_a_located_error(tmp_path: Path) -> None:
    config = write_site(tmp_path)
    _other_article(config, "Employment rose by a third.", "jobz/jobs-grew")
    outcome = build(config)
    assert not outcome.ok and outcome.project is not None
    [problem] = [p for p in outcome.project.errors if "same_as" in p.message]
    assert problem.location.path.endswith("other.yaml") and problem.location.line > 0


def test_the_same_claims_are_found_once_per_build(tmp_path: Path) -> None:
    # The claim pages and the data files both ask; the second answer is the first, not found again.
    from factsite.build.pipeline import check_project
    from factsite.load.site_config import read_settings
    from factsite.render.same_claims import same_claims

    config = write_site(tmp_path, extra_articles={"jobs-again": "2024-03-11"})
    settings, _ = read_settings(str(config))
    project = check_project(settings)
    first = same_claims(project.claims, settings)
    assert _others(first, ("jobs", "jobs-grew")) == (("jobs-again", "jobs-grew"),)
    assert same_claims(project.claims, settings) is first
    again = check_project(settings)  # new claims, equal to the old: found again, the same
    assert same_claims(again.claims, settings) is not first
    assert same_claims(again.claims, settings) == first


def _composed(config: Path, cache_dir: Path | None) -> tuple[SiteBuild, dict[str, str]]:
    """A build in a new process's state (its caches only on disk), and each page's body by path."""
    build = SiteBuild(read_site_config(config).settings(), BuildOptions(cache_dir=cache_dir))
    assert not build.check().errors
    return build, {page.path: page.body_html for page in build.pages()}


def test_an_edit_renders_again_only_the_also_checked_sections_it_changed(tmp_path: Path) -> None:
    config = write_site(tmp_path, extra_articles={"jobs-again": "2024-03-11"})
    cache_dir = tmp_path / "cache"
    first, _ = _composed(config, cache_dir)
    sections = first.caches.pages.sections
    # Three claims of each article are the same claim in the other (the copy error is nobody's claim).
    assert (sections.misses, sections.hits) == (6, 0)
    again = config.parent / "content" / "articles" / "jobs-again.md"
    again.write_text(again.read_text("utf-8").replace("title: Minister says", "title: Minister repeats"), "utf-8")

    second, pages = _composed(config, cache_dir)
    sections = second.caches.pages.sections
    # Only the sections naming the edited article are rendered again; its own claims link to the same "jobs".
    assert (sections.misses, sections.hits) == (3, 3)
    page = pages["articles/jobs/claims/jobs-grew"]
    assert "Minister repeats jobs grew by a third" in page and "Minister says" not in page.split("Also checked in")[1]
    assert "Minister says jobs grew by a third" in pages["articles/jobs-again/claims/jobs-grew"]
    assert pages == _composed(config, None)[1]  # byte for byte what a build from nothing shows

    third, unchanged = _composed(config, cache_dir)
    assert (third.caches.pages.sections.misses, third.caches.pages.sections.hits) == (0, 6)
    assert unchanged == pages


def _others(result: dict[ClaimKey, ClaimGroup], key: ClaimKey) -> tuple[ClaimKey, ...] | None:
    """The other checks of the claim at `key` the search found, the most recent first (None: no group)."""
    group = result.get(key)
    return None if group is None else group.others(key, limit=len(result))


def _search(config: Path, matches: BucketMatches) -> dict[ClaimKey, ClaimGroup]:
    """The same-claims search of the content as it is now (checked again: new claims, no answer from memory)."""
    settings, _ = read_settings(str(config))
    project = check_project(settings)
    assert not project.errors
    return same_claims(project.claims, settings, matches)


def _edit(config: Path, slug: str, old: str, new: str, *, markdown: bool = False) -> None:
    path = config.parent / "content" / "articles" / f"{slug}.{'md' if markdown else 'yaml'}"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _add_claim(config: Path, slug: str, sentence: str) -> None:
    # "The ministry says" marked as a claim, with its sentence.
    _edit(config, slug, "The ministry says", "[The ministry says]{#ministry-says}", markdown=True)
    claim = f"  ministry-says:\n    kind: statement\n    verdict: unreviewed\n    claim: {sentence}\n    note: Asked.\n"
    _edit(config, slug, "claims:\n", "claims:\n" + claim)


def _remove_claim(config: Path, slug: str) -> None:
    _edit(config, slug, "[The ministry says]{#ministry-says}", "The ministry says", markdown=True)
    path = config.parent / "content" / "articles" / f"{slug}.yaml"
    path.write_text(re.sub(r"  ministry-says:\n(    .*\n)+", "", path.read_text("utf-8")), "utf-8")


def _remove_article(config: Path, slug: str) -> None:
    for suffix in ("md", "yaml"):
        (config.parent / "content" / "articles" / f"{slug}.{suffix}").unlink()


GREW = "Jobs grew by a third in a year."
EDITS_OF_SHARED_CLAIMS: list[tuple[str, Callable[[Path], None]]] = [
    # (what changes, the edit): each in one article, after the one before.
    ("a shared claim changed to match no other", lambda c: _edit(c, "b", GREW, "Jobs fell by half in a year.")),
    ("changed back, nearly", lambda c: _edit(c, "b", "Jobs fell by half in a", "jobs grew by a third in one")),
    ("a claim added, the same as none", lambda c: _add_claim(c, "c", "The ministry says the figures are final.")),
    ("the same claim added to another", lambda c: _add_claim(c, "d", "The ministry says the figures are final!")),
    ("and to a third, with another number", lambda c: _add_claim(c, "b", "The ministry says 2 figures are final.")),
    ("a shared claim removed", lambda c: _remove_claim(c, "c")),
    ("an article removed", lambda c: _remove_article(c, "d")),
]


def test_the_search_with_the_last_builds_pairs_equals_the_full_search(tmp_path: Path) -> None:
    config = write_site(tmp_path, extra_articles={slug: f"2024-03-1{n}" for n, slug in enumerate("bcd")})
    matches = BucketMatches()
    first = _search(config, matches)
    assert _others(first, ("jobs", "jobs-grew")) == (("d", "jobs-grew"), ("c", "jobs-grew"), ("b", "jobs-grew"))
    assert matches.compared > 0 and matches.searched
    results, compared = [], []
    for name, edit in EDITS_OF_SHARED_CLAIMS:
        edit(config)
        known = matches.used
        matches = BucketMatches(known)
        incremental = _search(config, matches)
        full = _search(config, BucketMatches())
        assert incremental == full, name
        compared.append((matches.compared, len(matches.used)))
        results.append(incremental)
    linked = [_others(result, ("c", "ministry-says")) for result in results]
    assert linked[2:6] == [None, (("d", "ministry-says"),), (("d", "ministry-says"),), None]
    assert results[0].get(("b", "jobs-grew")) is None and results[1][("b", "jobs-grew")]
    # Two buckets (the outlet's statements, the minister's quotation): only the one holding a changed claim was
    # compared again; none for a claim whose number puts it in a bucket of its own; both for an article removed.
    assert compared == [(1, 2), (1, 2), (1, 2), (1, 2), (0, 2), (1, 2), (2, 2)]


# Twelve articles check the same claims, published on these days of March 2024 (not in the order of their slugs:
# the most recent first is the articles' date order, not the site's); "jobs" itself is published on the 6th.
RECURRING = {f"recurs-{n:02d}": day for n, day in enumerate([9, 21, 7, 18, 12, 25, 8, 15, 11, 24, 10], start=1)}


def _recurring_site(tmp_path: Path) -> Path:
    config = write_site(tmp_path, extra_articles={slug: f"2024-04-{day:02d}" for slug, day in RECURRING.items()})
    for slug, day in RECURRING.items():
        _edit(config, slug, "published: 2024-03-06", f"published: 2024-03-{day:02d}", markdown=True)
    # A second claim of "jobs" is the same claim again: one more check, in the same article as "jobs-grew".
    _add_claim(config, "jobs", "Jobs grew by a third in one year.")
    return config


def test_a_claim_checked_in_many_articles_lists_the_five_most_recent_and_counts_the_others(tmp_path: Path) -> None:
    config = _recurring_site(tmp_path)
    site = built(config)
    newest = sorted(RECURRING, key=RECURRING.__getitem__, reverse=True)
    claims = _claims(site.site_dir)
    # Every page of the claim lists the five most recent other articles' checks, newest first; "jobs" (the
    # oldest) has two checks of it, both counted on the other pages and neither on its own.
    for slug, count in [("jobs", 11), (newest[0], 12), (newest[7], 12)]:
        expected = [other for other in newest if other != slug][:5]
        record = claims[(slug, "jobs-grew")]
        assert record["also_checked_in"] == [f"articles/{other}/claims/jobs-grew/" for other in expected]
        assert record["also_checked_count"] == count
        page = (site.site_dir / f"articles/{slug}/claims/jobs-grew/index.html").read_text("utf-8")
        section = page.split('id="also-checked-heading"')[1].split("</section>")[0]
        assert re.findall(r'href="\.\./\.\./\.\./([^/]+)/claims/jobs-grew/"', section) == expected
        assert f"{count - 5} other checks of this claim are not listed here." in section
        # The claimant's page lists every check of the claim among the outlet's claims: linked, and there.
        [claimant] = re.findall(r'listed with the claims of <a href="([^"]+)">Example News</a>', section)
        listing = (site.site_dir / f"articles/{slug}/claims/jobs-grew" / claimant / "index.html").resolve()
        text = listing.read_text("utf-8")
        assert all(f"articles/{other}/claims/jobs-grew/" in text for other in RECURRING)
        assert "articles/jobs/claims/ministry-says/" in text
    record = claims[("jobs", "ministry-says")]
    assert record["also_checked_in"] == claims[("jobs", "jobs-grew")]["also_checked_in"]
    assert record["also_checked_count"] == 11


def test_the_sections_are_made_while_forked_workers_compose(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if ran_where_it_forks(request):
        return
    # The "Also checked in" sections need the checked claims only: where workers compose the articles in other
    # processes, this process makes the sections while it waits for them, not after, when it assembles the
    # claim pages on one processor. The pages are those one process composes.
    config = _recurring_site(tmp_path)
    forked = SiteBuild(read_site_config(config).settings(), BuildOptions(jobs=2, parallel_always=True))
    assert not forked.check().errors
    pages = forked.pages()  # composed, and not yet assembled
    sections = forked.caches.pages.sections
    made = sections.misses
    bodies = {page.path: page.body_html for page in pages}
    assert forked.caches.pages.misses == 0  # composed by the workers
    assert made > 0 and sections.misses == made  # none made again as the pages were assembled
    alone = SiteBuild(read_site_config(config).settings(), BuildOptions(jobs=1))
    assert not alone.check().errors
    assert {page.path: page.body_html for page in alone.pages()} == bodies
    assert alone.caches.pages.sections.misses == made
    assert alone.renderer is not None and forked.renderer is not None
    assert alone.renderer.also_checked == forked.renderer.also_checked


def test_the_search_keeps_one_group_per_claim_shared_by_its_checks(tmp_path: Path) -> None:
    # Linear in the site's claims: each check of a claim refers to the same group, not a list of the others.
    config = _recurring_site(tmp_path)
    result = _search(config, BucketMatches())
    grew = [(slug, "jobs-grew") for slug in ("jobs", *RECURRING)] + [("jobs", "ministry-says")]
    assert all(result[key] is result[grew[0]] for key in grew)
    assert len({id(group) for group in result.values()}) == 3  # the statement, the quotation, "more hiring"
    assert result[grew[0]].size == 13


def _bucket(*claims: tuple[str, str]) -> list[_Entry]:
    """A bucket of (article slug, sentence) claims, as the search makes them (one claimant, the same numbers)."""
    entries = []
    for number, (slug, sentence) in enumerate(claims):
        processed = default_process(sentence)
        entries.append(_Entry((slug, f"c{number}"), "example news", sentence, frozenset(processed.split()), processed))
    return entries


def _joined(bucket: list[_Entry]) -> list[set[int]]:
    groups = {position: {position} for position in range(len(bucket))}
    pairs = _matching_pairs(bucket)
    assert all(bucket[first].key[0] != bucket[second].key[0] for first, second in pairs)  # of two articles
    for first, second in pairs:
        merged = groups[first] | groups[second]
        for position in merged:
            groups[position] = merged
    return sorted({frozenset(group) for group in groups.values()}, key=min)  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("claims", "joined"),
    [
        # The same sentence twice in one article: one claim only through a check in another article.
        ([("a", GREW), ("a", GREW)], [{0}, {1}]),
        ([("a", GREW), ("a", GREW), ("b", GREW)], [{0, 1, 2}]),
        ([("a", GREW), ("b", GREW), ("a", GREW)], [{0, 1, 2}]),
        # Near-identical sentences: compared once per sentence, joined across articles only.
        ([("a", GREW), ("a", "Jobs grew by a third in one year.")], [{0}, {1}]),
        (
            [("a", GREW), ("a", "Jobs grew by a third in one year."), ("b", "Jobs grew by a third in one year.")],
            [{0, 1, 2}],
        ),
        (
            [("a", GREW), ("b", "Jobs fell by half in a year."), ("c", GREW), ("c", "jobs grew by a third in a year")],
            [{0, 2, 3}, {1}],
        ),
        # Both checks of a sentence in "b" match the other sentence's in "a".
        (
            [("a", GREW), ("b", "Jobs grew by a third in one year."), ("b", "Jobs grew by a third in one year.")],
            [{0, 1, 2}],
        ),
        ([("a", GREW), ("b", "?!"), ("c", "...")], [{0}, {1}, {2}]),  # nothing left to compare: no claim
    ],
)
def test_a_bucket_joins_the_claims_of_different_articles_that_match(
    claims: list[tuple[str, str]], joined: list[set[int]]
) -> None:
    assert _joined(_bucket(*claims)) == joined


def test_a_sentence_repeated_in_many_articles_is_joined_in_one_step_each() -> None:
    bucket = _bucket(*[(f"article-{n}", GREW if n % 2 else GREW.lower()) for n in range(2000)])
    pairs = _matching_pairs(bucket)
    assert len(pairs) == 1999 and _joined(bucket) == [set(range(2000))]


def test_the_matching_candidates_are_those_a_comparison_of_every_pair_finds() -> None:
    """Every pair of sentences sharing a word that is one of the two rarest of either (each sentence counted as
    often as its claims), compared one by one with `token_sort_ratio`: the pairs `_matching_candidates` finds by
    comparing each sentence with all those holding one of its rarest words at once, its words sorted once."""
    rng = random.Random(20)
    subjects = ("the council", "the health board", "the water company", "la mairie", "नगर परिषद", "مجلس المدينة")
    towns = ("Northfield", "Bramley", "Eastport", "Kingsmoor", "Lindale", "Marston", "Oakham", "Kyiv", "Zürich")
    actions = ("approved a plan to", "voted to", "said it intends to", "rejected a proposal to")
    goals = ("rebuild the bridge", "close two libraries", "extend the night bus", "open a clinic", "hire teachers")
    sentences = sorted({f"{rng.choice(subjects)} of {rng.choice(towns)} {rng.choice(actions)} {rng.choice(goals)}"
                        + rng.choice(("", ".", " soon", " this year", "!")) for _ in range(600)})  # fmt: skip
    bucket = _bucket(*((f"article-{n}", sentence) for n, sentence in enumerate(sentences)))
    weights = [rng.randint(1, 3) for _ in bucket]
    frequency: dict[str, int] = {}
    for entry, weight in zip(bucket, weights, strict=True):
        for word in entry.words:
            frequency[word] = frequency.get(word, 0) + weight
    rarest = [set(sorted(entry.words, key=lambda w: (frequency[w], w))[:RARE_WORDS]) for entry in bucket]
    expected = [
        (first, second)
        for first, second in itertools.combinations(range(len(bucket)), 2)
        if any(word in rarest[first] or word in rarest[second] for word in bucket[first].words & bucket[second].words)
        and fuzz.token_sort_ratio(bucket[first].processed, bucket[second].processed, processor=None) >= THRESHOLD
    ]
    assert len(bucket) > 300 and len(expected) > 100
    assert _matching_candidates(bucket, weights) == expected


NOT_LISTED = ("%(others)s other check of this claim is not listed here.",
              "%(others)s other checks of this claim are not listed here.")  # fmt: skip


@pytest.mark.parametrize(
    ("locale", "count", "line"),
    [
        ("en", 1, "1 other check of this claim is not listed here."),
        ("en", 7, "7 other checks of this claim are not listed here."),
        ("hi", 1, "इस दावे की 1 और जाँच यहाँ सूचीबद्ध नहीं है।"),
        ("hi", 7, "इस दावे की 7 और जाँचें यहाँ सूचीबद्ध नहीं हैं।"),
        # Arabic's forms for one, two, three to ten, eleven to ninety-nine, and a hundred.
        ("ar", 1, "1 تدقيق آخر لهذا الادعاء غير مذكور هنا."),
        ("ar", 2, "2 تدقيقان آخران لهذا الادعاء غير مذكورين هنا."),
        ("ar", 7, "7 تدقيقات أخرى لهذا الادعاء غير مذكورة هنا."),
        ("ar", 11, "11 تدقيقًا آخر لهذا الادعاء غير مذكور هنا."),
        ("ar", 100, "100 تدقيق آخر لهذا الادعاء غير مذكور هنا."),
    ],
)
def test_the_count_of_the_checks_not_listed_is_a_plural_in_each_language(locale: str, count: int, line: str) -> None:
    messages = Messages(locale)
    assert messages.ngettext(*NOT_LISTED, count, others=count) == line
