"""Regional and newsroom vocabulary, run-together misspellings, and a site's own word list."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsite.build.pipeline import check_project
from factsite.lint import lint_text
from factsite.lint.wordlist import MAX_BYTES, load_word_list
from factsite.model import Severity
from factsite.settings import Settings
from tests.load.article_fixture import ARTICLE, CITATIONS, write_article

CLEAN = [
    ("en_IN", "The scheme costs Rs 2.5 lakh crore, and 40 lakh families get Rs 5 lakh as ex gratia."),
    ("en_IN", "The tehsildar and the collectorate took suo motu note; anganwadi workers held a dharna."),
    ("en_GB", "The deficit hit £1.3bn, up from £900m, against debts of $3.1tn; the colour stayed."),
    ("en_US", "The plan costs $4.2bn, or 3 lakh rupees a head in India; the color is new."),
    ("en_US", "The court heard a habeas corpus petition and an amicus curiae brief, prima facie."),
    ("en_GB", "Patients with comorbidities, chikungunya, mpox or anaemia were given antiretroviral drugs."),
    ("en_US", "Doctors tried hydroxychloroquine and ivermectin; myocarditis is rare."),
    ("en_IN", "Oximeters helped comorbid patients with mucormycosis; undertrials waited for the lokayukta."),
    ("en_GB", "The $4bn's worth of capex came from a 1.2tn budget and 40mn doses."),
    ("en_GB", "Pre-tax profit fell, the shopworkers' union said; a non-executive and a co-founder left mid-year."),
    ("en_US", 'The attorney general said "[N]o tenant should live without heat."'),
    ("en_IN", "Sowing of oilseeds rose on rainfed land, and 1.4 lakh pumpsets got free power."),
    ("en_IN", "The forum's convenor said the corporation's rebate helped."),
    ("en_IN", "Of 14,781 borewells, one borewell in two dried up; police issued 3 lakh challans."),
    ("en_GB", "The extractable groundwater is over-exploited, the figures under-reported and the roads over-used."),
    ("en_US", "Most enrollees pay less; one enrollee in four pays nothing."),
    ("en_GB", "Useable places fell, and fewer prisoners reoffend."),
]


@pytest.mark.parametrize(("locale", "text"), CLEAN)
def test_newsroom_words_are_not_misspellings(locale: str, text: str) -> None:
    assert [f.text for f in lint_text(text, locale=locale) if f.is_copy_error] == []


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [
        ("It cost alot of money.", "alot", "a lot"),
        ("It was, infact, late.", "infact", "in fact"),
        ("They met eachother twice.", "eachother", "each other"),
        ("Everytime it rains, the road floods.", "Everytime", "Every time"),
    ],
)
def test_run_together_words_are_split(text: str, word: str, suggestion: str) -> None:
    [finding] = [f for f in lint_text(text) if f.kind == "spelling"]
    assert (finding.text, finding.suggestion, finding.confidence) == (word, suggestion, 0.9)


def test_decimal_comma_and_agreement_are_copy_errors() -> None:
    found = lint_text("Growth was 2,4 per cent. There are also a possibility of cuts.", locale="en_GB")
    assert [(f.kind, f.text) for f in found] == [
        ("decimal-comma", "2,4 per cent"),
        ("agreement", "There are also a possibility"),
    ]


def test_site_words_are_not_misspellings() -> None:
    text = "The vaxxers met at the kiosk."
    assert [f.text for f in lint_text(text)] == ["vaxxers"]
    assert lint_text(text, words=frozenset({"vaxxers"})) == ()


def test_word_list_is_read_from_content(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_text("# our words\nVaxxers\n\nsarkari\n", encoding="utf-8")
    assert load_word_list(tmp_path).words == {"vaxxers", "sarkari"}
    assert load_word_list(tmp_path / "missing").words == frozenset()


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        ("ok\ntwo words\n", ":2:4", "“two words” is not one word: it holds a space"),
        ("ok\n  <script>\n", ":2:3", "“<script>” is not one word: it holds '<'"),
        ("x" * 65 + "\n", ":1:1", "a word of 65 characters, over 64"),
    ],
)
def test_bad_word_list_lines_are_located_errors(tmp_path: Path, content: str, where: str, message: str) -> None:
    (tmp_path / "words.txt").write_text(content, encoding="utf-8")
    [problem] = load_word_list(tmp_path).problems
    assert problem.severity is Severity.ERROR
    assert str(problem).startswith(f"{tmp_path.name}/words.txt{where}: error: {message}")


def test_word_list_is_bounded_and_utf8(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_bytes(b"ok\ncaf\xe9\n")
    [problem] = load_word_list(tmp_path).problems
    assert "words.txt:2:4" in str(problem) and "UTF-8" in problem.message
    (tmp_path / "words.txt").write_text("word\n" * (MAX_BYTES // 5 + 1), encoding="utf-8")
    [problem] = load_word_list(tmp_path).problems
    assert "over the 256 KiB limit" in problem.message


def test_build_uses_the_word_list_and_fails_on_a_bad_one(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_article(content, ARTICLE.replace("ministry.", "ministry. The vaxxers protested."), CITATIONS)
    settings = Settings(content_dir=content, project_dir=tmp_path)
    assert any("vaxxers" in p.message for p in check_project(settings).problems)
    (content / "words.txt").write_text("vaxxers\n", encoding="utf-8")
    fingerprint = settings.fingerprint()
    assert not any("vaxxers" in p.message for p in check_project(settings).problems)
    (content / "words.txt").write_text("vaxxers\nbad word\n", encoding="utf-8")
    assert settings.fingerprint() != fingerprint  # cached results are not reused
    errors = check_project(settings).errors
    assert [str(e).split(": error")[0] for e in errors] == ["content/words.txt:2:4"]


def test_a_prefixed_compound_is_known_but_its_misspelt_prefix_is_not() -> None:
    text = "Pre-tax profit rose, but the prre-tax figure fell."
    found = [f.text for f in lint_text(text, locale="en_GB") if f.is_copy_error]
    assert "pre-tax" not in found and any("prre" in word for word in found)
