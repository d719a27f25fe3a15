"""The checks' explanations in a page's language (factsite.render.explanations), on the checks' real results: every
case of the quote check's tests, figures and dates; an English page keeps the check's own words, byte for byte."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from markupsafe import Markup

from factsite.checks.dates import check_date
from factsite.checks.figures import check_figure
from factsite.checks.quotes import check_quote
from factsite.checks.typos import check_typo
from factsite.model import CheckResult, Location, Source
from factsite.render.evidence import with_titles
from factsite.render.explanations import Explainer
from tests.checks.test_quote_turns import BOARD
from tests.checks.test_quotes import CASES, SOURCES

PUBLISHED = dt.date(2026, 11, 18)
TITLES = {source.id: source.title for source in SOURCES.values()}
# English the check writes: none of these words may be left in a translated sentence.
ENGLISH = re.compile(r"\b(?:the|quote|source|matches|words?|reads|publication|stated|found|passages?|with)\b")


def source(text: str, source_id: str = "report") -> Source:
    return Source(source_id, "तजुर्बा रिपोर्ट", "", "https://example.org", Location("citations.yaml", 1), text=text)


def translated(result: CheckResult, locale: str, titles: dict[str, str] | None = None) -> str:
    explanation = Explainer(locale).explain(result, titles or TITLES, PUBLISHED)
    assert not explanation.summary.english, result.summary
    return str(explanation.summary.html)


def words(html: str) -> str:
    """What the page's language says: without markup, titles and quoted words."""
    return re.sub(r"<cite>.*?</cite>|<[^>]+>|“[^”]*”|«[^»]*»", "", html)


@pytest.mark.parametrize(("source_key", "quote", "expected"), CASES)
@pytest.mark.parametrize("locale", ["ar_EG", "hi_IN"])
def test_every_quote_result_is_explained_in_the_pages_language(source_key, quote, expected, locale) -> None:
    result = check_quote(quote, sources=[SOURCES[source_key]])
    html = translated(result, locale)
    assert not ENGLISH.search(words(html)), html
    if locale == "ar_EG":
        assert not re.search("[0-9]", words(html)), html


@pytest.mark.parametrize(("source_key", "quote", "expected"), CASES)
def test_an_english_page_keeps_the_checks_own_sentence(source_key, quote, expected) -> None:
    result = check_quote(quote, sources=[SOURCES[source_key]])
    explanation = Explainer("en_US").explain(result, TITLES, PUBLISHED)
    assert explanation.summary.html == with_titles(result.summary, TITLES)
    assert not explanation.summary.english


def test_a_spliced_quote_and_its_joint_in_arabic() -> None:
    result = check_quote(CASES[3].values[1], sources=[SOURCES["kremlin"]])
    html = translated(result, "ar_EG")
    assert html.startswith("مُلفَّق: يجمع ٢ مقطع يفصل بينها ")
    joints = [token.note for token in result.details.best.diff if token.operation == "joined"]
    assert joints and all(Explainer("ar_EG").phrase(note) is not None for note in joints)
    assert "وُصل دون علامة حذف: يرد في المصدر الكلام التالي" in str(Explainer("ar_EG").phrase(joints[0]))


@pytest.mark.parametrize(
    ("locale", "opening"),
    [("ar_EG", "متحدث آخر: الاقتباس في "), ("hi_IN", "किसी अन्य वक्ता के शब्द: "), ("en_US", "Other speaker: in ")],
)
def test_a_quote_in_another_speakers_turn_in_the_pages_language(locale: str, opening: str) -> None:
    board = Source("board", "Board transcript", "", "https://example.org", Location("citations.yaml", 1), text=BOARD)
    result = check_quote("Recovery housing is where people learn to live again", sources=[board], speaker="Tom Bercik")
    assert result.status == "other-speaker"
    explanation = Explainer(locale).explain(result, {"board": "Board transcript"}, PUBLISHED)
    html = str(explanation.summary.html)
    assert html.startswith(opening) and not explanation.summary.english
    assert "DR. RAYMOND VANCE, DIRECTOR OF HEALTH AND HUMAN SERVICES" in html and "Tom Bercik" in html
    if locale != "en_US":
        assert not ENGLISH.search(words(html.replace("Tom Bercik", ""))), html


def test_a_quote_spliced_across_speakers_names_them_in_hindi() -> None:
    board = Source("board", "Board transcript", "", "https://example.org", Location("citations.yaml", 1), text=BOARD)
    result = check_quote(
        "Recovery housing is where people learn to live again. The settlement money won't replace what the county "
        "already spends on mental health.",
        sources=[board],
        speaker="Linda Okafor",
    )
    html = translated(result, "hi_IN", {"board": "Board transcript"})
    assert "ये अंश अलग-अलग वक्ताओं के कथनों में हैं: " in html and "CHAIR OKAFOR" in html


def test_a_quote_not_found_in_hindi() -> None:
    result = check_quote("यह वाक्य किसी स्रोत में नहीं है।", sources=[source("बिल्कुल अलग पाठ, जिसमें कोई मेल नहीं।")])
    assert result.status == "not-found"
    html = translated(result, "hi_IN", {"report": "तजुर्बा रिपोर्ट"})
    assert html.startswith("उद्धृत स्रोतों में नहीं मिला: ")
    assert html.endswith("इससे यह साबित नहीं होता कि ये शब्द कभी कहे ही नहीं गए।")


@pytest.mark.parametrize(
    ("marked", "value", "text", "status", "expected"),
    [
        ("४५ प्रतिशत", Decimal(38), "सर्वे में 38 प्रतिशत परिवार शामिल थे।", "overstated",
         "“४५ प्रतिशत” को 45% पढ़ा गया, बढ़ा-चढ़ाकर बताया गया: <cite>तजुर्बा रिपोर्ट</cite> में “38 प्रतिशत” (38%) है; "
         "अंतर +7 प्रतिशत अंक, स्रोत के आँकड़े का 1.18 गुना। दावे का बताया गया मान 38% है: लेख का आँकड़ा "
         "बढ़ा-चढ़ाकर बताया गया है।"),
        ("ढाई करोड़ रुपये", None, "इस पर कोई आँकड़ा नहीं।", "not-found",
         "“ढाई करोड़ रुपये” को ₹2,50,00,000 पढ़ा गया; उद्धृत स्रोतों में तुलना-योग्य कोई आँकड़ा (INR में राशि) नहीं मिला।"),
    ],
)  # fmt: skip
def test_figures_in_hindi(marked, value, text, status, expected) -> None:
    result = check_figure(marked, value=value, unit=None, locale="hi_IN", sources=[source(text)], context=marked)
    assert result.status == status
    assert translated(result, "hi_IN", {"report": "तजुर्बा रिपोर्ट"}) == expected


def test_an_unread_figure_keeps_its_reason_english_and_marked() -> None:
    result = check_figure("दो तीन लाख", value=None, unit=None, locale="hi_IN", sources=[])
    assert result.status == "unread"
    html = translated(result, "hi_IN")
    assert html.startswith('“दो तीन लाख” पढ़ा नहीं जा सका: <span lang="en" dir="ltr">')
    assert html.endswith("</span>; किसी से तुलना नहीं की गई।")


def test_a_date_that_does_not_match_in_arabic() -> None:
    result = check_date("منذ ثلاثة أيام", published=PUBLISHED, value=dt.date(2026, 11, 10), sources=[], locale="ar_EG")
    assert result.status == "mismatch"
    assert translated(result, "ar_EG") == (
        "«منذ ثلاثة أيام» يعني الأحد ١٥ نوفمبر ٢٠٢٦، أي قبل النشر بـ٣ أيام. لكن التاريخ المذكور في الادعاء هو "
        "الثلاثاء ١٠ نوفمبر ٢٠٢٦."
    )


def test_labels_in_arabic_and_english() -> None:
    arabic, english = Explainer("ar_EG"), Explainer("en")
    assert arabic.phrase("a negation") == Markup("نفي")
    assert arabic.phrase("3 words omitted") == Markup("٣ كلمات محذوفة")
    assert arabic.phrase("the source's publication date") == Markup("تاريخ نشر المصدر")
    assert arabic.phrase("a sentence no table knows") is None
    assert english.phrase("a negation") == Markup("a negation")  # English is the msgid itself


def test_typo_in_arabic() -> None:
    result = check_typo("الوزارء", correction="الوزراء")
    assert translated(result, "ar_EG") == "ينبغي أن يكون «الوزارء» هو «الوزراء»."


@pytest.mark.parametrize(
    ("marked", "locale"),
    [("15 मार्च", "hi_IN"), ("١٥ مارس", "ar_EG"), ("कल", "hi_IN"), ("अगले शुक्रवार", "hi_IN"), ("15 मार्च 2026", "hi_IN"),
     ("पिछले महीने", "hi_IN"), ("العام الماضي", "ar_EG"), ("أمس", "ar_EG"), ("منذ أسبوعين", "ar_EG"),
     ("मार्च 2026", "hi_IN"), ("पिछले मार्च", "hi_IN"), ("مارس الماضي", "ar_EG"), ("في مارس", "ar_EG"),
     ("इस मार्च", "hi_IN"),
     ("في ٢٠٢٤", "ar_EG"), ("١٠ شوال", "ar_EG"), ("١٨ رمضان ١٤٤٦هـ", "ar_EG"), ("15 से 20 मार्च", "hi_IN")],
)  # fmt: skip
def test_dates_in_hindi_and_arabic_rules_and_findings_included(marked: str, locale: str) -> None:
    result = check_date(marked, published=PUBLISHED, value=None, sources=[], locale=locale)
    explainer = Explainer(locale)
    explanation = explainer.explain(result, {}, PUBLISHED)
    assert not explanation.summary.english
    assert not any(finding.english for finding in explanation.findings)
    for reading in result.details.resolution.readings:
        rule = explainer.rule(reading.rule)
        assert rule is not None, reading.rule
        assert not ENGLISH.search(words(str(rule))), rule
