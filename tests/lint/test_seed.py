"""The seed article: its eight copy errors, every quotation, the figure and the dates."""

from __future__ import annotations

import datetime as dt

import pytest

from factsite.lint import Finding, lint_text, suggest_candidates
from tests.lint.labelled import CORPUS

SEED = (CORPUS / "seed-article.txt").read_text(encoding="utf-8")
PUBLISHED = dt.date(2022, 9, 28)
EMBASSY_STATEMENT = (
    "On September 21, the Russian government began a mobilization of its citizens to the armed "
    "forces in support of its invasion of Ukraine. Russia may refuse to acknowledge dual "
    "nationals' U.S. citizenship, deny their access to U.S. consular assistance, prevent their "
    "departure from Russia, and conscript dual nationals for military service,"
)
NOT_BLUFFING = "I'm not bluffing. That's why I asked the ministry of defense to agree to partial mobilization,"
ARRESTED = "Russian authorities have arrested U.S. citizens who have participated in demonstrations."

# (kind, text, suggestion, value, speaker) of every finding, in order: nothing else may appear.
EXPECTED = [
    ("spelling", "th", "the", None, None),
    ("agreement", "There are also a possibility", "There is also a possibility", None, None),
    ("leftover", "Russian conscripts\nRussian conscripts Twitter", "", None, None),
    ("date", "On September 21", None, "2022-09-21", None),
    ("quotation", EMBASSY_STATEMENT, None, "the Embassy", "the Embassy"),
    ("date", "on Tuesday", None, "2022-09-27", None),
    ("doubled-word", "that that", "that", None, None),
    ("capitalisation", "Avoid", "avoid", None, None),
    ("quotation", ARRESTED, None, "the embassy", "the embassy"),
    ("agreement", "whomsoever", "whoever", None, None),
    ("date", "last week", None, "2022-09-19/2022-09-25", None),
    ("digit-grouping", "3,00,000", "300,000", "300000", None),
    ("figure", "3,00,000", None, "300000", None),
    ("quotation", "referenda", None, None, None),
    ("quotation", NOT_BLUFFING, None, "Putin", "Putin"),
    ("date", "last Wednesday", None, "2022-09-21", None),
    ("leftover", "Read more", "", None, None),
]
COPY_ERRORS = [
    "th",
    "There are also a possibility",
    "Russian conscripts\nRussian conscripts Twitter",
    "that that",
    "Avoid",
    "whomsoever",
    "3,00,000",
    "Read more",
]


def summary(finding: Finding) -> tuple[str, str, str | None, str | None, str | None]:
    return (finding.kind, finding.text, finding.suggestion, finding.value, finding.speaker)


def test_suggest_lists_exactly_the_expected_findings() -> None:
    found = suggest_candidates(SEED, published=PUBLISHED)
    assert [summary(finding) for finding in found] == EXPECTED


def test_lint_reports_the_eight_copy_errors_and_nothing_else() -> None:
    found = lint_text(SEED, published=PUBLISHED)
    assert [finding.text for finding in found] == COPY_ERRORS
    assert all(finding.is_copy_error for finding in found)


def test_figure_carries_its_notation() -> None:
    figure = next(f for f in suggest_candidates(SEED, published=PUBLISHED) if f.kind == "figure")
    assert (figure.value, figure.notation) == ("300000", "indian-grouping")


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("th", 3, 76), ("Avoid", 18, 154), ("3,00,000", 22, 72), ("Read more", 30, 1)],
    ids=["th", "avoid", "lakh-grouping", "read-more"],
)
def test_positions_point_at_the_text(text: str, line: int, column: int) -> None:
    finding = next(f for f in lint_text(SEED) if f.text == text)
    assert SEED[finding.start : finding.end] == text
    assert (finding.line, finding.column) == (line, column)
