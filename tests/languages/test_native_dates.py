"""Dates in Hindi and Arabic, by the rules of docs/dates.md; published Wednesday 28 September 2022."""

import datetime as dt

import pytest

from factsite.checks.dates import check_date
from factsite.checks.dates.scan import find_dates
from factsite.model import Location, Source

PUBLISHED = dt.date(2022, 9, 28)

CASES = [
    # Hindi
    ("मंत्री ने पिछले सोमवार को कहा।", "hi_IN", "पिछले सोमवार", "2022-09-26", ["2022-09-19"]),
    ("अगले शुक्रवार को बैठक होगी।", "hi_IN", "अगले शुक्रवार", "2022-09-30", ["2022-10-07"]),
    ("इस बुधवार को", "hi_IN", "इस बुधवार", "2022-09-28", []),
    ("सोमवार को बैठक हुई।", "hi_IN", "सोमवार", "2022-09-26", []),
    ("शुक्रवार को बैठक होगी।", "hi_IN", "शुक्रवार", "2022-09-30", []),
    ("दो हफ्ते पहले बैठक हुई।", "hi_IN", "दो हफ्ते पहले", "2022-09-14", []),
    ("दो हफ़्ते पहले", "hi_IN", "दो हफ़्ते पहले", "2022-09-14", []),
    ("३ दिन पहले", "hi_IN", "३ दिन पहले", "2022-09-25", []),
    ("एक महीने पहले", "hi_IN", "एक महीने पहले", "2022-08-28", []),
    ("दो साल बाद", "hi_IN", "दो साल बाद", "2024-09-28", []),
    ("पिछले हफ्ते", "hi_IN", "पिछले हफ्ते", "2022-09-19/2022-09-25", []),
    ("पिछले महीने", "hi_IN", "पिछले महीने", "2022-08-01/2022-08-31", []),
    ("इस साल", "hi_IN", "इस साल", "2022-01-01/2022-12-31", []),
    ("अगले साल", "hi_IN", "अगले साल", "2023-01-01/2023-12-31", []),
    ("आज", "hi_IN", "आज", "2022-09-28", []),
    ("कल बैठक हुई।", "hi_IN", "कल", "2022-09-27", ["2022-09-29"]),
    ("कल बैठक होगी।", "hi_IN", "कल", "2022-09-29", []),
    ("15 मार्च 2024 को", "hi_IN", "15 मार्च 2024", "2024-03-15", []),
    ("१५ मार्च २०२२ को", "hi_IN", "१५ मार्च २०२२", "2022-03-15", []),
    ("मार्च 2024 में", "hi_IN", "मार्च 2024", "2024-03-01/2024-03-31", []),
    # Arabic
    ("الأسبوع الماضي", "ar", "الأسبوع الماضي", "2022-09-19/2022-09-25", []),
    ("الشهر الماضي", "ar", "الشهر الماضي", "2022-08-01/2022-08-31", []),
    ("العام المقبل", "ar", "العام المقبل", "2023-01-01/2023-12-31", []),
    ("هذا العام", "ar", "هذا العام", "2022-01-01/2022-12-31", []),
    ("منذ ثلاثة أيام", "ar", "منذ ثلاثة أيام", "2022-09-25", []),
    ("منذ ٣ أيام", "ar", "منذ ٣ أيام", "2022-09-25", []),
    ("منذ يومين", "ar", "منذ يومين", "2022-09-26", []),
    ("قبل أسبوعين", "ar", "قبل أسبوعين", "2022-09-14", []),
    ("بعد شهر", "ar", "بعد شهر", "2022-10-28", []),
    ("الاثنين الماضي", "ar", "الاثنين الماضي", "2022-09-26", ["2022-09-19"]),
    ("الخميس المقبل", "ar", "الخميس المقبل", "2022-09-29", ["2022-10-06"]),
    ("قال يوم الثلاثاء", "ar", "يوم الثلاثاء", "2022-09-27", []),
    ("سيعقد الاجتماع يوم الخميس.", "ar", "يوم الخميس", "2022-09-29", []),
    ("أمس", "ar", "أمس", "2022-09-27", []),
    ("أول أمس", "ar", "أول أمس", "2022-09-26", []),
    ("غدا", "ar", "غدا", "2022-09-29", []),
    ("١٥ مارس ٢٠٢٤", "ar", "١٥ مارس ٢٠٢٤", "2024-03-15", []),
    ("15 آذار 2022", "ar", "15 آذار 2022", "2022-03-15", []),
    ("في 3 تشرين الأول 2022", "ar", "3 تشرين الأول 2022", "2022-10-03", []),
    # A month alone, after a preposition or before a postposition, or with a modifier; the year by rule 7
    ("मार्च में बैठक हुई।", "hi_IN", "मार्च", "2023-03-01/2023-03-31", ["2022-03-01/2022-03-31"]),
    ("अप्रैल तक काम चला।", "hi_IN", "अप्रैल", "2022-04-01/2022-04-30", []),
    ("मार्च में बैठक होगी।", "hi_IN", "मार्च", "2023-03-01/2023-03-31", []),
    ("पिछले मार्च", "hi_IN", "पिछले मार्च", "2022-03-01/2022-03-31", []),
    ("في مارس", "ar", "مارس", "2023-03-01/2023-03-31", ["2022-03-01/2022-03-31"]),
    ("في مارس الماضي", "ar", "مارس الماضي", "2022-03-01/2022-03-31", []),
    ("منذ أبريل المقبل", "ar", "أبريل المقبل", "2023-04-01/2023-04-30", []),
    # A year alone, named as one
    ("نتائج لعام ٢٠٢٤", "ar", "لعام ٢٠٢٤", "2024-01-01/2024-12-31", []),
    ("وفي ٢٠٢١ كان", "ar", "٢٠٢١", "2021-01-01/2021-12-31", []),
    ("2021 में", "hi_IN", "2021", "2021-01-01/2021-12-31", []),
    # Spans of days, both ends
    ("परीक्षाएं 24 फरवरी से 12 मार्च तक चलेंगी।", "hi_IN", "24 फरवरी से 12 मार्च", "2023-02-24/2023-03-12", []),
    ("15 से 20 मार्च तक", "hi_IN", "15 से 20 मार्च", "2023-03-15/2023-03-20", []),
    ("من 24 شباط إلى 12 آذار", "ar", "24 شباط إلى 12 آذار", "2023-02-24/2023-03-12", []),
    ("بين ١٥-٢٠ آذار ٢٠٢٢", "ar", "١٥-٢٠ آذار ٢٠٢٢", "2022-03-15/2022-03-20", []),
    # A day in words: an ordinal or a number word
    ("في الأول من نيسان", "ar", "الأول من نيسان", "2022-04-01", []),
    ("पहली अप्रैल से लागू होगा।", "hi_IN", "पहली अप्रैल", "2023-04-01", []),
    ("दो मार्च 2022 को", "hi_IN", "दो मार्च 2022", "2022-03-02", []),
    # A text ending on a span word
    ("नियम 1 अप्रैल 2022 से", "hi_IN", "1 अप्रैल 2022", "2022-04-01", []),
    # Hijri dates, by the Umm al-Qura calendar
    ("صدر في ٢ ربيع الأول ١٤٤٤هـ", "ar_SA", "٢ ربيع الأول ١٤٤٤هـ", "2022-09-28", []),
    ("في 1 محرم 1444 هـ", "ar", "1 محرم 1444 هـ", "2022-07-30", []),
    ("اجتمع المجلس في ٢٥ صفر", "ar", "٢٥ صفر", "2022-09-21", []),
    ("वर्ष 2021 की रिपोर्ट", "hi_IN", "वर्ष 2021", "2021-01-01/2021-12-31", []),
    # The month names of the locale (Babel): Morocco's, Algeria's and Tunisia's
    ("في غشت الماضي", "ar_MA", "غشت الماضي", "2022-08-01/2022-08-31", []),
    ("الرباط، في 6 نونبر 2022", "ar_MA", "6 نونبر 2022", "2022-11-06", []),
    ("يوم الأربعاء 13 يوليوز 2022", "ar_MA", "13 يوليوز 2022", "2022-07-13", []),
    ("في أوت الماضي", "ar_DZ", "أوت الماضي", "2022-08-01/2022-08-31", []),
    ("15 جوان 2022", "ar_TN", "15 جوان 2022", "2022-06-15", []),
]


@pytest.mark.parametrize(("text", "locale", "expression", "iso", "alternatives"), CASES, ids=[c[0] for c in CASES])
def test_reads(text: str, locale: str, expression: str, iso: str, alternatives: list[str]) -> None:
    found = find_dates(text, PUBLISHED, locale=locale)
    assert [f.text for f in found] == [expression]
    assert found[0].resolution.iso == iso
    assert [a.iso for a in found[0].resolution.alternatives] == alternatives


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("सवा दो साल पहले", "hi_IN"),
        ("दिल्ली मार्च निकाला गया", "hi_IN"),
        ("हर हफ्ते", "hi_IN"),
        ("سيارة جديدة", "ar"),
        ("نيسان الجديدة", "ar"),
        ("वित्त वर्ष 2025-26", "hi_IN"),
        ("سلمت ٢٠٠٠ وحدة", "ar"),
        # A day the Umm al-Qura calendar does not have; a Vikram Samvat year
        ("في ٣٠ رمضان ١٤٤٦", "ar"),
        ("विक्रम संवत 2079 में", "hi_IN"),
    ],
)
def test_not_dates(text: str, locale: str) -> None:
    found = find_dates(text, PUBLISHED, locale=locale)
    assert all(f.text not in ("मार्च", "مارس") for f in found)
    assert not [f for f in found if f.text == text]


@pytest.mark.parametrize("locale", ["ar_MA", "ar_DZ", "ar_TN", "ar_LY", "ar_MR", "ar_EG", "ar_LB"])
def test_every_month_name_of_an_arabic_locale_is_read(locale: str) -> None:
    from babel import Locale

    for number, name in Locale.parse(locale).months["format"]["wide"].items():
        found = find_dates(f"في 15 {name} 2022", PUBLISHED, locale=locale)
        assert [f.resolution.iso for f in found] == [f"2022-{number:02d}-15"], name


def test_a_weekday_before_a_month_the_locale_does_not_name_is_unread() -> None:
    # "نونبر" is Morocco's November: in an Egyptian article it is no month, and "الأربعاء" is not read alone as
    # the Wednesday of the week when the 25th is written after it.
    assert find_dates("يوم الأربعاء 25 نونبر 2022", PUBLISHED, locale="ar_EG") == ()
    assert [f.text for f in find_dates("يوم الأربعاء 25 نونبر 2022", PUBLISHED, locale="ar_MA")] == ["25 نونبر 2022"]
    # A day that is the weekday's keeps it: the Wednesday before publication, 21 September 2022.
    assert [f.resolution.iso for f in find_dates("يوم الأربعاء 21", PUBLISHED, locale="ar_EG")] == ["2022-09-21"]


def test_a_hindi_date_claim_against_a_source() -> None:
    source = Source(
        id="s", title="t", publisher="p", url="https://example.org", location=Location("s.yaml"),
        text="मंत्रालय ने 14 सितंबर 2022 को बैठक की।", published=dt.date(2022, 9, 15),
    )  # fmt: skip
    result = check_date("दो हफ्ते पहले", published=PUBLISHED, value=None, sources=[source], locale="hi_IN")
    assert result.status == "match", result.summary
    result = check_date("पिछले महीने", published=PUBLISHED, value=None, sources=[source], locale="hi_IN")
    assert result.status == "not-found", result.summary


def test_an_arabic_date_claim_against_its_value() -> None:
    result = check_date("منذ ثلاثة أيام", published=PUBLISHED, value=dt.date(2022, 9, 24), sources=[], locale="ar_EG")
    assert result.status == "mismatch", result.summary
    result = check_date("الأسبوع الماضي", published=PUBLISHED, value=dt.date(2022, 9, 21), sources=[], locale="ar_EG")
    assert result.status == "within-range", result.summary


def test_a_weekday_before_a_date_is_part_of_it() -> None:
    # A dateline: "الخميس ١٣ آذار ٢٠٢٥" is that Thursday, not the Thursday before the source's date.
    found = find_dates("دائرة الإحصاءات، الخميس ١٣ آذار ٢٠٢٥", dt.date(2025, 3, 13), locale="ar_JO")
    assert [(f.text, f.resolution.iso) for f in found] == [("١٣ آذار ٢٠٢٥", "2025-03-13")]
    source = Source(
        id="s", title="t", publisher="p", url="https://example.org", location=Location("s.yaml"),
        text="دائرة الإحصاءات، الخميس ١٣ آذار ٢٠٢٥\n\nبلغ معدل البطالة ٢١٫٤٪.", published=dt.date(2025, 3, 13),
    )  # fmt: skip
    result = check_date("الخميس الماضي", published=dt.date(2025, 3, 16), value=None, sources=[source], locale="ar_JO")
    assert (result.status, result.basis.reading, result.basis.candidate) == ("match", "2025-03-13", "2025-03-13")
