"""The entry points: Markdown bodies with marks, positions, JSON, ignores and marked findings."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from factsite.lint import (
    FINDING_KINDS,
    drop_ignored,
    drop_marked,
    findings_as_json,
    findings_to_review,
    lint_text,
    suggest_candidates,
)
from factsite.model import Ignore, Location

MARKDOWN = """---
title: "A title with teh typo in front matter"
---

## Heading With Capitals To Avoid Confusion

[Americans in Russia]{#americans} could be forced to fight, according to
[th]{#typo-th} Biden [administration](https://example.com/admin-typos-here).

"[I'm not bluffing. That's why I asked for it,]{#not-bluffing}" he said **on Tuesday**.
"""


def test_markdown_markup_does_not_fire_and_offsets_hold() -> None:
    found = lint_text(MARKDOWN)
    assert [(f.kind, f.text, f.line, f.column) for f in found] == [("spelling", "th", 8, 2)]
    assert all(MARKDOWN[f.start : f.end] == f.text for f in found)


def test_suggest_reads_marked_markdown() -> None:
    found = suggest_candidates(MARKDOWN, published=dt.date(2022, 9, 28))
    kinds = [(f.kind, f.text) for f in found]
    assert ("quotation", "I'm not bluffing. That's why I asked for it,") in kinds
    assert ("date", "on Tuesday") in kinds
    assert all(MARKDOWN[f.start : f.end] == f.text for f in found)


def test_suggest_without_a_publication_date_leaves_relative_dates_unresolved() -> None:
    found = suggest_candidates("It happened on Tuesday and on 21 September 2022.")
    assert [(f.text, f.value) for f in found if f.kind == "date"] == [
        ("on Tuesday", None),
        ("on 21 September 2022", "2022-09-21"),
    ]


def test_json_has_every_field_of_every_finding() -> None:
    found = suggest_candidates('"A quote of some length," said Ann Lee. It costs 3,5 percent.')
    rows = findings_as_json(found)
    json.dumps(rows)
    assert {row["kind"] for row in rows} <= FINDING_KINDS
    assert all(
        list(row)
        == ["kind", "text", "start", "end", "line", "column", "message", "suggestion", "value",
            "notation", "confidence", "speaker"]
        for row in rows
    )  # fmt: skip
    assert [row["kind"] for row in rows] == ["quotation", "decimal-comma", "figure"]


def test_copy_errors_and_candidates_are_told_apart() -> None:
    found = suggest_candidates('"We are fine and well," said teh mayor.')
    assert [(f.kind, f.is_copy_error) for f in found] == [("quotation", False), ("spelling", True)]


def test_ignore_silences_the_finding_it_names_or_contains() -> None:
    text = "Russian conscripts\nRussian conscripts Twitter\n\nIt said teh thing. Read it.\n\nRead more"
    found = lint_text(text)
    ignores = [Ignore("Twitter", "Image credit kept as published.", Location("a.yaml", 3, 5))]
    kept = drop_ignored(found, ignores, text)
    assert [f.text for f in found] == [
        "Russian conscripts\nRussian conscripts Twitter",
        "teh",
        "Read more",
    ]
    assert [f.text for f in kept] == ["teh", "Read more"]


def test_marked_findings_are_dropped() -> None:
    text = "according to th Biden administration and teh rest."
    found = lint_text(text)
    kept = drop_marked(found, [(text.index("th "), text.index("th ") + 2)])
    assert [f.text for f in kept] == ["teh"]


def test_build_reviews_unmarked_candidates_and_unrecorded_copy_errors() -> None:
    body = (
        'Officials said teh plan costs $4 million. "[We will not stop now at all,]{#q}" she said. '
        "It was the the end.\n\n[Read more]{#typo-read-more}"
    )
    quote = (body.index("We will"), body.index(" at all,") + 8)
    leftover = (body.index("Read more"), body.index("Read more") + 9)
    found = findings_to_review(
        body,
        marked=[quote, leftover],
        typo_marked=[leftover],
        ignores=[Ignore("the the", "As published.", Location("a.yaml"))],
    )
    assert [(f.kind, f.text) for f in found] == [("spelling", "teh"), ("figure", "$4 million")]


def test_a_figure_mark_reviews_the_figure_notation() -> None:
    body = "Under it [3,00,000 fighters]{#fighters} will be called up."
    marked = [(body.index("3,00,000"), body.index("]{"))]
    assert findings_to_review(body, marked=marked) == ()
    assert [f.kind for f in findings_to_review(body)] == ["digit-grouping", "figure"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["The", "the", "th", "that", "There", "are", "a", '"', "\u201c", "\u2019", "said",
             "Putin", "3,00,000", "3,5", "percent", "on", "Tuesday", "Read more", "\n", "\n\n",
             "[", "]{#x}", "**", "## ", "Avoid", "to", ".", ",", "whomsoever", "Twitter"]
        ),
        max_size=40,
    ).map(" ".join)
)  # fmt: skip
def test_any_text_yields_findings_that_point_at_their_text(text: str) -> None:
    found = suggest_candidates(text, published=dt.date(2022, 9, 28))
    assert all(text[f.start : f.end] == f.text and f.start < f.end for f in found)
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert {f.kind for f in found} <= FINDING_KINDS
