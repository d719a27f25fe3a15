"""annotations.jsonld: each claim a W3C Web Annotation whose selectors re-anchor in the article."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factsite.model import Article
from factsite.render.annotations import FEW_ANCHORS, QuoteFinder, occurrences, text_quote_selector
from tests.publish.conftest import BuiltSite


def anchor_quote(text: str, selector: dict[str, str]) -> list[tuple[int, int]]:
    """Where a TextQuoteSelector lands in `text`: every match of prefix + exact + suffix."""
    whole = selector["prefix"] + selector["exact"] + selector["suffix"]
    spans, start = [], text.find(whole)
    while start != -1:
        begin = start + len(selector["prefix"])
        spans.append((begin, begin + len(selector["exact"])))
        start = text.find(whole, start + 1)
    return spans


def annotations(site: BuiltSite) -> dict[str, Any]:
    return json.loads((site.site_dir / "annotations.jsonld").read_text("utf-8"))


def articles_by_url(site: BuiltSite) -> dict[str, Article]:
    return {checked.article.url: checked.article for checked in site.project.articles}


@pytest.mark.parametrize("site_name", ["demo_site", "small_site"], ids=["demo", "fixture site"])
def test_every_claim_is_annotated_and_its_selectors_find_the_marked_words(
    site_name: str, request: pytest.FixtureRequest
) -> None:
    site: BuiltSite = request.getfixturevalue(site_name)
    collection = annotations(site)
    items = collection["first"]["items"]
    articles = articles_by_url(site)
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] == len(items) == len(site.project.claims)
    for item in items:
        target = item["target"][0]
        article = articles[target["source"]]
        quote, position = target["selector"]
        claim_id = item["id"].rsplit("/", 1)[1]
        mark = article.mark(claim_id)
        assert mark is not None
        assert anchor_quote(article.text, quote) == [(mark.start, mark.end)]
        assert article.text[position["start"] : position["end"]] == quote["exact"] == mark.text


def test_annotation_body_is_the_claim_page_and_the_verdict(small_site: BuiltSite) -> None:
    items = {item["id"].rsplit("/", 1)[1]: item for item in annotations(small_site)["first"]["items"]}
    page = "https://checks.example.org/desk/articles/jobs/claims/{}/"
    assert [(b["type"], b.get("id"), b.get("value")) for b in items["jobs-quote"]["body"]] == [
        ("Text", page.format("jobs-quote"), None),
        ("TextualBody", None, "Accurate"),
    ]
    assert items["jobs-quote"]["motivation"] == "assessing"
    assert items["typo-teh"]["motivation"] == "editing"
    assert items["typo-teh"]["body"][1]["value"] == "the"
    assert [b["type"] for b in items["more-hiring"]["body"]] == ["Text"]
    sources = [target["source"] for target in items["jobs-quote"]["target"]]
    assert sources == [
        "https://news.example.com/jobs",
        "https://archive.example.org/news.example.com/jobs",
    ]


def test_annotation_body_pages_exist(small_site: BuiltSite) -> None:
    prefix = small_site.project.settings.site_url
    for item in annotations(small_site)["first"]["items"]:
        page = item["body"][0]["id"].removeprefix(prefix)
        assert (small_site.site_dir / page / "index.html").is_file()


def test_repeated_words_get_enough_context_to_match_once(small_site: BuiltSite) -> None:
    # "teh" occurs twice in the fixture article; the marked one is the first.
    article = small_site.project.articles[0].article
    mark = article.mark("typo-teh")
    assert mark is not None and article.text.count("teh") == 2
    selector = text_quote_selector(article.text, mark.start, mark.end)
    assert anchor_quote(article.text, selector) == [(mark.start, mark.end)]


# Repetitive texts, where a quote with little context matches in many places.
REPETITIVE_TEXTS = st.builds(
    lambda unit, times, tail: unit * times + tail,
    st.text(alphabet="ab ", min_size=1, max_size=4),
    st.integers(1, 150),
    st.text(alphabet="ab.", max_size=5),
)


@given(text=REPETITIVE_TEXTS, bounds=st.tuples(st.integers(0, 600), st.integers(1, 40)))
def test_quote_selector_always_anchors_where_it_was_taken(text: str, bounds: tuple[int, int]) -> None:
    start = bounds[0] % len(text)
    end = min(len(text), start + bounds[1])
    selector = text_quote_selector(text, start, end)
    assert anchor_quote(text, selector) == [(start, end)]


def widened_by_rescanning(text: str, start: int, end: int) -> dict[str, str]:
    """The selector as first written: the whole text searched again for each doubling of the context."""
    length = 32
    while True:
        prefix, suffix = text[max(0, start - length) : start], text[end : end + length]
        needle = prefix + text[start:end] + suffix
        count, at = 0, text.find(needle)
        while at != -1:
            count, at = count + 1, text.find(needle, at + 1)
        if count == 1 or length >= len(text):
            break
        length *= 2
    return {"type": "TextQuoteSelector", "exact": text[start:end], "prefix": prefix, "suffix": suffix}


@given(text=REPETITIVE_TEXTS, spans=st.lists(st.tuples(st.integers(0, 600), st.integers(0, 40)), min_size=1))
def test_one_finder_for_many_quotes_selects_as_a_search_of_the_whole_text(
    text: str, spans: list[tuple[int, int]]
) -> None:
    bounds = [(start % len(text), min(len(text), start % len(text) + size)) for start, size in spans]
    finder = QuoteFinder(text, bounds)
    assert [finder.selector(start, end) for start, end in bounds] == [
        widened_by_rescanning(text, start, end) for start, end in bounds
    ]


def test_a_finder_of_many_anchors_places_them_as_a_search_does() -> None:
    """Past `FEW_ANCHORS`, the finder reads the text once instead of searching it for each anchor: the same places."""
    words = ["council", "pool", "said", "the", "mayor", "budget", "night", "bus", "water", "mains", "plans", "open"]
    text = " ".join(words[(i * i + 3 * i) % len(words)] + str(i % 7) for i in range(3000))
    bounds = [(start, start + 12) for start in range(0, len(text) - 40, 97)]
    finder = QuoteFinder(text, bounds)
    assert len(finder.places) > FEW_ANCHORS
    assert all(places == occurrences(text, anchor) for anchor, places in finder.places.items())
    assert any(len(places) > 1 for places in finder.places.values())
    few = bounds[:20]
    assert [QuoteFinder(text, few).selector(s, e) for s, e in few] == [finder.selector(s, e) for s, e in few]
