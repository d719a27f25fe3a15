"""The prose view: Markdown markup blanked, every character of prose kept at its offset."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factsite.lint.prose import Prose, mask_markdown

MARKDOWN_CASES = [
    ("[th]{#typo-th} Biden", " th            Biden"),
    ("see [the report](https://x.org/a) now", "see  the report" + " " * 18 + " now"),
    ("## A heading", "   A heading"),
    ("> quoted line", "  quoted line"),
    ("- item one", "  item one"),
    ("**bold** and _it_", "  bold   and  it "),
    ("code `x = 1` here", "code         here"),
    ("visit https://example.com/a?b=1.", "visit                          ."),
    ("mail desk@example.com today", "mail                  today"),
    ("a [sic] remark", "a [sic] remark"),
    ('"[quoted words]{#q}," he said', '" quoted words     ," he said'),
    ("<span>text</span>", "      text       "),
    ("![alt text](photo.jpg) caption", "                       caption"),
]


@pytest.mark.parametrize(
    ("markdown", "masked"),
    MARKDOWN_CASES,
    ids=[
        "claim-mark",
        "link",
        "heading",
        "blockquote",
        "list-item",
        "emphasis",
        "code-span",
        "url",
        "email",
        "editorial-brackets-stay",
        "mark-in-quotes",
        "html",
        "image",
    ],
)
def test_markup_is_blanked(markdown: str, masked: str) -> None:
    assert mask_markdown(markdown) == masked


def test_front_matter_is_blanked_but_keeps_its_lines() -> None:
    text = "---\ntitle: X\n---\n\nBody text.\n"
    masked = mask_markdown(text)
    assert masked.split("\n")[4] == "Body text."
    assert masked.count("\n") == text.count("\n")
    assert "title" not in masked


@given(st.text(alphabet=st.sampled_from(list("ab [](){}#*_`>-:/.\n\"'")), max_size=80))
def test_masking_keeps_length_newlines_and_prose_characters(text: str) -> None:
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    assert all((m == t) or (m == " " and t != "\n") for m, t in zip(masked, text, strict=True))


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("One. Two here.", ["One", "Two"]),
        ("He met U.S. officials. Then left.", ["He", "Then"]),
        ('He said: "Go now." She went.', ["He", "Go", "She"]),
        ("A wrapped\nline goes on.\n\nNew paragraph", ["A", "New"]),
        ("Title Line\n\nBody.", ["Title", "Body"]),
        ("Mr. Smith spoke.", ["Mr"]),
    ],
    ids=["two-sentences", "abbreviation", "colon-and-quote", "wrapped-line", "headline", "title"],
)
def test_sentence_starts(text: str, starts: list[str]) -> None:
    prose = Prose.from_text(text)
    found = [text[offset:].split()[0].strip('".:') for offset in sorted(prose.sentence_starts)]
    assert found == starts


def test_sentence_around_covers_a_quotation_spanning_sentences() -> None:
    text = 'Intro. "First. Second," said X. Next one.'
    prose = Prose.from_text(text)
    start, end = prose.sentence_around(text.index("First"), text.index("Second") + 7)
    assert text[start:end] == 'First. Second," said X.'
