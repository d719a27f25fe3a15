"""Scraping leftovers: whole lines of page furniture, and a caption repeated with its credit."""

from __future__ import annotations

import pytest

from factsite.lint import lint_text

LEFTOVER_LINES = [
    "Read more",
    "READ MORE",
    "Read more: Springfield's pension gap, explained",
    "Also Read: Opposition walks out",
    "Advertisement",
    "Story continues below advertisement",
    "Photo: Getty",
    "Image: PA Media",
    "(Photo: PTI)",
    "Representational image",
    "Share this article",
    "Follow us on Facebook",
    "Click here to subscribe to our newsletter",
    "Recommended",
]
PROSE_LINES = [
    "Readers can read more about the plan online.",
    "The photo showed the minister at the border.",
    "Advertisements for the scheme ran for weeks, officials said.",
    "Share prices fell 2%.",
]


@pytest.mark.parametrize("line", LEFTOVER_LINES, ids=LEFTOVER_LINES)
def test_page_furniture_line_is_a_leftover(line: str) -> None:
    text = f"The council met.\n\n{line}\n\nIt voted."
    found = [(f.kind, f.text, f.suggestion) for f in lint_text(text)]
    assert found == [("leftover", line, "")]


@pytest.mark.parametrize("line", PROSE_LINES, ids=PROSE_LINES)
def test_the_same_words_in_prose_are_not_leftovers(line: str) -> None:
    assert [f for f in lint_text(f"The council met.\n\n{line}") if f.kind == "leftover"] == []


@pytest.mark.parametrize(
    ("caption", "credit"),
    [("Russian conscripts", "Twitter"), ("Springfield City Hall", "Getty Images"),
     ("Flooded streets in Patna", "PTI"), ("Protesters in Tbilisi", "Reuters/File")],
    ids=["twitter", "getty", "pti", "reuters-file"],
)  # fmt: skip
def test_caption_followed_by_its_credit_is_one_leftover(caption: str, credit: str) -> None:
    text = f"The council met.\n\n{caption}\n{caption} {credit}\n\nIt voted."
    (finding,) = lint_text(text)
    assert (finding.kind, finding.text) == ("leftover", f"{caption}\n{caption} {credit}")


def test_a_line_repeated_with_more_words_is_not_a_caption() -> None:
    text = "The council met.\n\nThe vote\nThe vote was close\n\nIt voted."
    assert [f for f in lint_text(text) if f.kind == "leftover"] == []
