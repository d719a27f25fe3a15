"""Misspellings: found with the likeliest correction; names, abbreviations, numbers, URLs and
other dialects' spellings are not misspellings."""

from __future__ import annotations

import harper
import pytest

from factsite.lint import engine, lint_text

MISSPELT = [
    ("according to th Biden administration.", "en_US", "th", "the"),
    ("said teh increase was large.", "en_US", "teh", "the"),
    ("the state goverment paid.", "en_US", "goverment", "government"),
    ("it was hard to acheive progress.", "en_GB", "acheive", "achieve"),
    ("they failed to recieve funds.", "en_IN", "recieve", "receive"),
    ("report anything unusuall to police.", "en_IN", "unusuall", "unusual"),
]
CORRECT = [
    ("The organisation changed the colour of its programme.", "en_US"),
    ("The color of the program changed.", "en_GB"),
    ("Those travelling in Russia should leave.", "en_US"),
    ("Shoigu and Zelenskyy met in Kyiv.", "en_US"),
    ("Officials said Aadhaar enrolment was slow.", "en_IN"),
    ("U.S. officials spoke on TV to the BJP and NHS.", "en_US"),
    ("The MPs met at 10:30 on 21/9 with 3,00,000 people.", "en_IN"),
    ("Details are at https://www.example.org/reprts-2023 and @newsdesk.", "en_US"),
    ("Territories set to hold referenda voted.", "en_US"),
    ("The panchayat and the tehsil office agreed on Rs 3 lakh.", "en_IN"),
    ("AMERICANS IN RUSSIA COULD BE FORCED TO FIGHT AGAINST UKRAINE", "en_US"),
]


@pytest.mark.parametrize(("text", "locale", "word", "correction"), MISSPELT, ids=[case[2] for case in MISSPELT])
def test_misspelling_is_found_with_its_correction(text: str, locale: str, word: str, correction: str) -> None:
    found = [(f.kind, f.text, f.suggestion) for f in lint_text(text, locale=locale)]
    assert found == [("spelling", word, correction)]


@pytest.mark.parametrize(("text", "locale"), CORRECT, ids=[text[:28] for text, _ in CORRECT])
def test_correct_text_has_no_spelling_finding(text: str, locale: str) -> None:
    assert [f.text for f in lint_text(text, locale=locale) if f.kind == "spelling"] == []


def test_every_enabled_rule_is_a_rule_of_the_installed_harper() -> None:
    # The lint runs only the rules it names; a rule renamed by a Harper upgrade would silently stop running.
    installed = set(engine.linter_for(harper.Dialect.AMERICAN).get_lint_config())
    assert sorted(engine.ENABLED_RULES - installed) == []


def test_the_other_rules_do_not_run() -> None:
    # "Dashes" (formatting advice) fires on a spaced hyphen when every rule runs.
    config = engine.linter_for(harper.Dialect.AMERICAN).get_lint_config()
    assert config["SpellCheck"] is True
    assert config["Dashes"] is False
    assert engine.run_engine("The vote - held on Tuesday - passed.", "en_US") == ()
