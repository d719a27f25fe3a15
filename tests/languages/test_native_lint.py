"""The copy-edit lint on Hindi and Arabic copy: leftovers and doubled words, never English spelling."""

import datetime as dt

import pytest

from factsite.lint.discover import lint_text, suggest_candidates
from factsite.lint.locale_inference import infer_locale

HINDI = """मंत्री ने पिछले सोमवार को कहा कि ३,२०,००० किसानों को ढाई करोड़ रुपये की सहायता मिली। यह काम में में
ज़रूरी है। धीरे धीरे हालात सुधर रहे हैं, और अलग अलग ज़िलों में कभी कभी देर होती है।

यह भी पढ़ें: किसानों के लिए नई योजना

विज्ञापन
"""
ARABIC = """قال الوزير الأسبوع الماضي إن ٢٥٠ ألف أسرة استفادت من الدعم في في العام الماضي، وتحسن الوضع رويدا رويدا.

اقرأ أيضا: خطة جديدة للكهرباء

إعلان
"""


def _found(text: str, locale: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in lint_text(text, locale=locale)]


def test_hindi_copy_errors() -> None:
    assert _found(HINDI, "hi_IN") == [
        ("doubled-word", "में में"),
        ("leftover", "यह भी पढ़ें: किसानों के लिए नई योजना"),
        ("leftover", "विज्ञापन"),
    ]


def test_arabic_copy_errors() -> None:
    assert _found(ARABIC, "ar_EG") == [
        ("doubled-word", "في في"),
        ("leftover", "اقرأ أيضا: خطة جديدة للكهرباء"),
        ("leftover", "إعلان"),
    ]


@pytest.mark.parametrize(("text", "locale"), [(HINDI, "hi_IN"), (ARABIC, "ar"), (ARABIC, "ar_SA")])
def test_no_spelling_findings(text: str, locale: str) -> None:
    # Harper is English only: a Hindi or Arabic word is never a misspelt English one.
    assert not [f for f in lint_text(text, locale=locale) if f.kind in ("spelling", "agreement")]


def test_suggest_finds_native_figures_and_dates() -> None:
    found = suggest_candidates(HINDI, locale="hi_IN", published=dt.date(2022, 9, 28))
    figures = [(HINDI[f.start : f.end], f.value) for f in found if f.kind == "figure"]
    assert figures == [("३,२०,०००", "320000"), ("ढाई करोड़ रुपये", "25000000")]
    dates = [(HINDI[f.start : f.end], f.value) for f in found if f.kind == "date"]
    assert dates == [("पिछले सोमवार", "2022-09-26")]
    found = suggest_candidates(ARABIC, locale="ar_EG", published=dt.date(2022, 9, 28))
    figures = [(ARABIC[f.start : f.end], f.value) for f in found if f.kind == "figure"]
    assert figures == [("٢٥٠ ألف", "250000")]
    dates = [ARABIC[f.start : f.end] for f in found if f.kind == "date"]
    assert dates == ["الأسبوع الماضي", "العام الماضي"]


@pytest.mark.parametrize(
    ("text", "locale"), [(HINDI, "hi_IN"), (ARABIC, "ar"), ("Rs 2 lakh for 3,00,000 people", "en_IN")]
)
def test_locale_from_the_script(text: str, locale: str) -> None:
    assert infer_locale(text).locale == locale
