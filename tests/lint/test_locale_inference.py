"""`suggest` and `new` infer the article's locale when not told, and say what they inferred."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from factsite.commands.cli import main
from factsite.lint.locale_inference import infer_locale

INDIAN = "Farmers' loans\n\nThe state waived Rs 2.5 lakh crore of loans for 3,00,000 farmers; the programme grew.\n"
BRITISH = "Rail fares\n\nFares rose by £120 a year; the organisation's centre in Leeds has a grey colour.\n"
AMERICAN = "Rail fares\n\nThe organization's center in Ohio realized a favorable program budget.\n"
PLAIN = "Rail fares\n\nFares rose by 3 percent this year.\n"


@pytest.mark.parametrize(
    ("text", "locale", "reason"),
    [
        (INDIAN, "en_IN", "from the text: “Rs” ×1, “lakh” ×1, “crore” ×1, “Indian digit grouping” ×1"),
        (BRITISH, "en_GB", "from the text: “£” ×1, “organisation's” ×1, “centre” ×1, “grey” ×1"),
        (AMERICAN, "en_US", "from the text: “organization's” ×1, “center” ×1, “realized” ×1, “program” ×1"),
        (PLAIN, "en_US", "the default: the text shows no regional sign"),
        # Indian grouping alone is outweighed: in an American article it is the slip to report.
        (
            "The mobilization of 3,00,000 reservists; the defense ministry.",
            "en_US",
            "from the text: “mobilization” ×1, “defense” ×1",
        ),
        ("The mobilisation of 3,00,000 reservists.", "en_GB", "from the text: “mobilisation” ×1"),
        ("Of 3,00,000 reservists, 1,20,000 stayed.", "en_IN", "from the text: “Indian digit grouping” ×2"),
        ("The organism was realistic about programming.", "en_US", "the default: the text shows no regional sign"),
    ],
)
def test_locale_is_inferred_from_the_text(text: str, locale: str, reason: str) -> None:
    assert (infer_locale(text).locale, infer_locale(text).reason) == (locale, reason)


def test_front_matter_locale_comes_first() -> None:
    assert infer_locale(INDIAN, "en_GB").locale == "en_GB"


@pytest.fixture
def in_tmp(tmp_path: Path):  # type: ignore[no-untyped-def]
    previous = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(previous)


def test_suggest_says_what_it_inferred(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (in_tmp / "draft.txt").write_text(INDIAN, encoding="utf-8")
    assert main(["suggest", "draft.txt", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "locale: en_IN (from the text: “Rs” ×1" in err and "set it with --locale" in err
    # 3,00,000 is how en_IN groups digits: no digit-grouping finding.
    assert not [f for f in json.loads(out) if f["kind"] == "digit-grouping"]
    assert main(["suggest", "draft.txt", "--locale", "en_US", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "locale: en_US (from --locale)" in err
    assert [f["text"] for f in json.loads(out) if f["kind"] == "digit-grouping"] == ["3,00,000"]


def test_suggest_refuses_a_locale_that_is_not_one(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (in_tmp / "draft.txt").write_text(PLAIN, encoding="utf-8")
    assert main(["suggest", "draft.txt", "--locale", "english"]) == 2
    assert "error: --locale: 'english' is not a locale" in capsys.readouterr().err


def test_suggest_reads_the_site_word_list(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (in_tmp / "draft.txt").write_text("Vote\n\nThe vaxxers voted.\n", encoding="utf-8")
    main(["suggest", "draft.txt", "--format", "json"])
    assert [f["text"] for f in json.loads(capsys.readouterr().out)] == ["vaxxers"]
    (in_tmp / "content").mkdir()
    (in_tmp / "content/words.txt").write_text("vaxxers\n", encoding="utf-8")
    main(["suggest", "draft.txt", "--format", "json"])
    assert json.loads(capsys.readouterr().out) == []
    (in_tmp / "content/words.txt").write_text("two words\n", encoding="utf-8")
    assert main(["suggest", "draft.txt"]) == 1
    assert "content/words.txt:1:4: error" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "args", "locale"), [(BRITISH, [], "en_GB"), (BRITISH, ["--locale", "en_IN"], "en_IN")]
)
def test_new_writes_the_inferred_locale(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], text: str, args: list[str], locale: str
) -> None:
    (in_tmp / "draft.txt").write_text(text, encoding="utf-8")
    assert main(["new", "draft.txt", "--slug", "fares", "--published", "2024-03-01", *args]) == 0
    assert f"locale: {locale} (" in capsys.readouterr().err
    front_matter = (in_tmp / "content/articles/fares.md").read_text("utf-8").split("---")[1]
    assert yaml.safe_load(front_matter)["locale"] == locale


def test_suggest_gives_the_exact_day_of_weeks_ago(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (in_tmp / "draft.txt").write_text("Strike\n\nThe strike began two weeks ago.\n", encoding="utf-8")
    assert main(["suggest", "draft.txt", "--published", "2024-03-13", "--format", "json"]) == 0
    [date] = [f for f in json.loads(capsys.readouterr().out) if f["kind"] == "date"]
    assert date["value"] == "2024-02-28" and "give or take 3 days" in date["message"]
