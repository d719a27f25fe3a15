"""`suggest` and `new` on a pasted Hindi or Arabic article: the locale comes from the script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from factsite.commands.cli import main

HINDI = """सिंचाई योजना पर मंत्री का दावा

पिछले सोमवार को कृषि मंत्री ने कहा, “हमारी सिंचाई योजना से इस साल हर ज़िले के किसानों को पानी मिला है।” उन्होंने
बताया कि ३,२०,००० किसानों को ढाई करोड़ रुपये की सहायता मिली।
"""
ARABIC = """وزير التموين: الدعم يصل إلى كل الأسر

قال وزير التموين الأسبوع الماضي: «الدعم سيصل إلى كل الأسر المستحقة قبل نهاية العام». وأضاف أن ٢٥٠ ألف أسرة استفادت
من البرنامج، بتكلفة بلغت ثلاثة ملايين ونصف مليون جنيه.
"""


@pytest.mark.parametrize(
    ("text", "locale", "kinds"),
    [
        (HINDI, "hi_IN", {"date": 2, "quotation": 1, "figure": 2}),  # "इस साल" in the quote is a date too
        (ARABIC, "ar", {"date": 1, "quotation": 1, "figure": 2}),
    ],
)
def test_suggest(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, locale: str,
                 kinds: dict[str, int]) -> None:  # fmt: skip
    pasted = tmp_path / "pasted.md"
    pasted.write_text(text, encoding="utf-8")
    assert main(["suggest", str(pasted), "--published", "2026-11-18"]) == 0
    captured = capsys.readouterr()
    assert f"locale: {locale} (from the text" in captured.err + captured.out
    lines = captured.out.splitlines()
    for kind, count in kinds.items():
        assert len([line for line in lines if f": {kind}: " in line]) == count, lines


@pytest.mark.parametrize(
    ("text", "slug", "locale", "figures"),
    [(HINDI, "hi-dava", "hi_IN", {320000, 25000000}), (ARABIC, "ar-daam", "ar", {250000, 3500000})],
)
def test_new(tmp_path: Path, text: str, slug: str, locale: str, figures: set[int]) -> None:
    pasted = tmp_path / "pasted.md"
    pasted.write_text(text, encoding="utf-8")
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    code = main(["new", str(pasted), "--slug", slug, "--content-dir", str(content), "--published", "2026-11-18"])
    assert code == 0
    article = (content / "articles" / f"{slug}.md").read_text(encoding="utf-8")
    assert f"locale: {locale}" in article
    citations = (content / "articles" / f"{slug}.yaml").read_text(encoding="utf-8")
    claims = yaml.safe_load(citations)["claims"]
    # The value is the editor's to fill from a source; the comment beside each figure gives the article's reading.
    assert not any("value" in claim for claim in claims.values())
    assert {int(n) for n in re.findall(r"reads as (\d+)\)", citations)} == figures
    assert [claim["kind"] for claim in claims.values()].count("quote") == 1
    assert [claim["kind"] for claim in claims.values()].count("date") == 1


def test_new_without_a_publication_date_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pasted = tmp_path / "pasted.md"
    pasted.write_text(HINDI, encoding="utf-8")
    assert main(["new", str(pasted), "--slug", "x", "--content-dir", str(tmp_path)]) == 2
    assert "the publication date is unknown" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "slug", "speaker"), [(HINDI, "hi-dava", "कृषि मंत्री"), (ARABIC, "ar-daam", "وزير التموين")]
)
def test_new_names_the_speaker_of_a_hindi_or_arabic_quotation(tmp_path: Path, text: str, slug: str,
                                                                speaker: str) -> None:  # fmt: skip
    pasted = tmp_path / "pasted.md"
    pasted.write_text(text, encoding="utf-8")
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    assert main(["new", str(pasted), "--slug", slug, "--content-dir", str(content), "--published", "2026-11-18"]) == 0
    claims = yaml.safe_load((content / "articles" / f"{slug}.yaml").read_text(encoding="utf-8"))["claims"]
    assert [claim["speaker"] for claim in claims.values() if claim["kind"] == "quote"] == [speaker]
