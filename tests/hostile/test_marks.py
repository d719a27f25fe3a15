"""Claim marks hold exactly the words between their own brackets, or are refused where they stand."""

from __future__ import annotations

import time

import pytest

from factsite.load.anchor import find_marks, mark_ready
from factsite.render.claim_marks import MarkLink
from factsite.render.markdown_render import MarkdownRenderer


def marked(body: str) -> tuple[list[str], list[str]]:
    spans, problems = find_marks(body, "a.md", 1)
    return [span.markdown for span in spans], [f"{p.location.column}: {p.message}" for p in problems]


def rendered_words(body: str) -> str:
    spans, problems = find_marks(body, "a.md", 1)
    assert problems == []
    links = {span.claim_id: MarkLink("#", span.number, "Accurate", "c") for span in spans}
    page = MarkdownRenderer().render_article(mark_ready(body, spans), links)
    start, end = page.mark_offsets["q"]
    return page.text[start:end]


@pytest.mark.parametrize(
    "body,words,shown",
    [
        ('"[[The ministry] will not cut]{#q}"', "[The ministry] will not cut", "[The ministry] will not cut"),
        ("[[T]he plan [...] works]{#q}", "[T]he plan [...] works", "[T]he plan [...] works"),
        ("[we said \\[sic\\] so]{#q}", "we said \\[sic\\] so", "we said [sic] so"),
        (
            "[a [link](https://e.org) and [b [nested] c]]{#q}",
            "a [link](https://e.org) and [b [nested] c]",
            "a link and [b [nested] c]",
        ),
        ("[a ![chart](c.png) b]{#q}", "a ![chart](c.png) b", "a  b"),
    ],
)
def test_a_mark_holds_exactly_what_lies_between_its_brackets(body: str, words: str, shown: str) -> None:
    assert marked(body) == ([words], [])
    assert rendered_words(body) == shown


@pytest.mark.parametrize(
    "body,message",
    [
        (
            "We [said [it]{#q} today.",
            "10: claim mark '#q' follows a '[' that nothing closes (line 1, column 4): "
            "where the mark starts is ambiguous",
        ),
        ("- [one\n- two]{#q}", "3: claim mark '#q' starts in one list item and ends in the next"),
        ("> - [one\n> - two]{#q}", "5: claim mark '#q' starts in one list item and ends in the next"),
        ("[one\n### two]{#q}", "1: claim mark '#q' runs onto a heading line"),
        ("[one\n---\ntwo]{#q}", "1: claim mark '#q' runs onto a rule or heading underline"),
        ("[one\n> two]{#q}", "1: claim mark '#q' runs onto a block-quote line"),
        ("x " + "[" * 40 + "y" + "]" * 40 + " [z]{#q}", "35: brackets are nested more than 32 deep"),
    ],
)
def test_a_mark_that_cannot_be_read_one_way_is_a_located_error(body: str, message: str) -> None:
    _, problems = marked(body)
    assert [p.split(", where")[0] for p in problems] == [message]


@pytest.mark.parametrize("body", ["> [one\n> two]{#q}", "- [one\n  two]{#q}", "[one\n- two]{#q}", "[a] [b]{#q} [c]"])
def test_a_mark_over_lines_of_one_block_is_kept(body: str) -> None:
    spans, problems = find_marks(body, "a.md", 1)
    assert problems == [] and [span.claim_id for span in spans] == ["q"]


def test_deeply_nested_brackets_in_a_note_render_fast_and_read_the_same() -> None:
    # 40,000 nested brackets took 77 s; a note is not refused, so it must render in linear time.
    renderer = MarkdownRenderer()
    started = time.perf_counter()
    html = renderer.render_note("A [link](https://e.org) " + "[" * 40000 + "x" + "]" * 40000)
    assert time.perf_counter() - started < 5
    assert html == '<p>A <a href="https://e.org">link</a> ' + "[" * 40000 + "x" + "]" * 40000 + "</p>"
