"""Notation slips: digit grouping and decimal commas the article's locale does not use."""

from __future__ import annotations

import pytest

from factsite.lint import lint_text, suggest_candidates

SLIPS = [
    ("under which 3,00,000 fighters", "en_US", "digit-grouping", "3,00,000", "300,000"),
    ("nearly 1,500,000 applications", "en_IN", "digit-grouping", "1,500,000", "15,00,000"),
    ("funding rose by 3,5 percent", "en_US", "decimal-comma", "3,5 percent", "3.5 percent"),
    ("grew by only 4,5 per cent", "en_GB", "decimal-comma", "4,5 per cent", "4.5 per cent"),
]
NATIVE = [
    ("under which 3,00,000 fighters", "en_IN"),
    ("a crowd of 3,500 people", "en_US"),
    ("inflation of 3.5 percent", "en_US"),
    ("a budget of Rs 3.2 lakh crore", "en_IN"),
    ("some 12,000 hectares", "en_AU"),
]


@pytest.mark.parametrize(
    ("text", "locale", "kind", "words", "correction"),
    SLIPS,
    ids=[f"{case[2]}:{case[1]}" for case in SLIPS],
)
def test_foreign_notation_is_a_copy_error(text: str, locale: str, kind: str, words: str, correction: str) -> None:
    found = [(f.kind, f.text, f.suggestion) for f in lint_text(text, locale=locale)]
    assert found == [(kind, words, correction)]


@pytest.mark.parametrize(("text", "locale"), NATIVE, ids=[f"{t}:{loc}" for t, loc in NATIVE])
def test_native_notation_is_not(text: str, locale: str) -> None:
    assert lint_text(text, locale=locale) == ()


@pytest.mark.parametrize(
    ("text", "locale", "value", "notation"),
    [
        ("under which 3,00,000 fighters", "en_US", "300000", "indian-grouping"),
        ("a budget of $4.2 billion", "en_US", "4200000000", "scale-word"),
        ("a crowd of 3,500 people", "en_US", "3500", "western-grouping"),
        ("a fall of 1.8% in trading", "en_US", "1.8", "decimal-point"),
    ],
    ids=["lakh-grouping", "scale-word", "grouped", "percent"],
)
def test_figure_is_normalised_with_its_notation(text: str, locale: str, value: str, notation: str) -> None:
    (figure,) = [f for f in suggest_candidates(text, locale=locale) if f.kind == "figure"]
    assert (figure.value, figure.notation) == (value, notation)
