"""Our grammar rules (doubled words, there-are-a, subject whom, stray capitals), and silences."""

from __future__ import annotations

import pytest

from factsite.lint import lint_text

FIRING = [
    ("It was the the best.", "doubled-word", "the the", "the"),
    ("The The report came.", "doubled-word", "The The", "The"),
    ("He said that that the plan failed.", "doubled-word", "that that", "that"),
    ("They went to to the shop.", "doubled-word", "to to", "to"),
    ("There are also a possibility of rain.", "agreement", "There are also a possibility",
     "There is also a possibility"),
    ("There were a delay.", "agreement", "There were a delay", "There was a delay"),
    ("There is many reasons.", "agreement", "There is many", "There are many"),
    ("Here was several options.", "agreement", "Here was several", "Here were several"),
    ("Whomsoever wishes to leave may go.", "agreement", "Whomsoever", "Whoever"),
    ("Give it to whomever needs it.", "agreement", "whomever", "whoever"),
    ("The man whom was arrested left.", "agreement", "whom", "who"),
    ("They asked everyone to Avoid all protests.", "capitalisation", "Avoid", "avoid"),
    ("Officials will Continue the talks.", "capitalisation", "Continue", "continue"),
]  # fmt: skip

SILENT = [
    "The council had had three drafts.",
    "He said that that was wrong.",
    "They flew to Bora Bora last year.",
    "There are a number of reasons.",
    "There are a lot of people here.",
    "There is a possibility of rain.",
    "Send it to whomever he chose.",
    "The book, whom nobody read, sold.",
    "He went to Parliament on Tuesday.",
    "They asked the Embassy for help, and the Embassy agreed.",
    "Accusing the West of blackmail, he spoke.",
    "She moved to London and stayed.",
    "Russia May Refuse To Acknowledge Dual Nationals",
    "We will Avoid Confusion: A Guide To Naming",
]


@pytest.mark.parametrize(
    ("text", "kind", "words", "suggestion"),
    FIRING,
    ids=[f"{kind}:{words}" for _, kind, words, _ in FIRING],
)
def test_rule_fires_with_its_correction(text: str, kind: str, words: str, suggestion: str) -> None:
    found = [(f.kind, f.text, f.suggestion) for f in lint_text(text)]
    assert found == [(kind, words, suggestion)]


@pytest.mark.parametrize("text", SILENT, ids=[text[:30] for text in SILENT])
def test_clean_text_does_not_fire(text: str) -> None:
    assert lint_text(text) == ()


def test_agreement_in_marked_markdown_points_at_the_verb_only() -> None:
    text = "[There are]{#typo-there} also a possibility of rain."
    (finding,) = lint_text(text)
    assert (finding.text, finding.suggestion) == ("There are", "There is")
