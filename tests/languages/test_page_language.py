"""Page-language basics: lang and dir from the article's locale, native digits, dates in the locale."""

import datetime as dt
from decimal import Decimal

import pytest

from factsite.checks.figures.compare import display, display_number
from factsite.languages.script import has_native_digits, native_digits, numbering_system, to_ascii_digits
from factsite.render.views import html_lang, readable_date, text_direction


@pytest.mark.parametrize(
    ("locale", "lang", "direction"),
    [("hi_IN", "hi-IN", "ltr"), ("ar_EG", "ar-EG", "rtl"), ("ar", "ar", "rtl"), ("ar_SA", "ar-SA", "rtl"),
     ("en_GB", "en-GB", "ltr"), ("ur_PK", "ur-PK", "rtl"), ("xx_YY", "xx-YY", "ltr")],
)  # fmt: skip
def test_lang_and_dir(locale: str, lang: str, direction: str) -> None:
    assert html_lang(locale) == lang
    assert text_direction(locale) == direction


@pytest.mark.parametrize(
    ("locale", "system", "written"),
    [
        ("ar_EG", "arab", "١٬٢٣٤٬٥٦٧٫٥"),  # CLDR: Egypt writes Arabic-Indic digits
        ("ar_SA", "arab", "١٬٢٣٤٬٥٦٧٫٥"),
        ("ar_MA", "latn", "1,234,567.5"),  # Morocco writes Latin digits: unchanged
        ("hi_IN", "latn", "1,234,567.5"),  # Hindi news writes Latin digits by CLDR's default
        ("fa", "arabext", "۱٬۲۳۴٬۵۶۷٫۵"),
        ("en_US", "latn", "1,234,567.5"),
    ],
)
def test_native_digits(locale: str, system: str, written: str) -> None:
    assert numbering_system(locale) == system
    assert native_digits("1,234,567.5", locale) == written
    assert to_ascii_digits(written) == "1,234,567.5"


def test_native_digits_leave_sentence_punctuation_alone() -> None:
    assert native_digits("Rose 3.5%. Then 12, and 4", "ar_EG") == "Rose ٣٫٥٪. Then ١٢, and ٤"


def test_figures_shown_in_the_locales_digits() -> None:
    assert display_number(Decimal(250000), "ar_EG") == "٢٥٠٬٠٠٠"
    assert display_number(Decimal(320000), "hi_IN") == "3,20,000"
    assert has_native_digits(display(Decimal(3500000), "EGP", "ar_EG"))
    assert display(Decimal("7.2"), "percent", "ar_EG") == "٧٫٢٪"


def test_dates_in_the_locale() -> None:
    day = dt.date(2022, 9, 28)
    assert readable_date(day) == "28 September 2022"
    assert readable_date(day, "hi_IN") == "28 सितंबर 2022"
    assert readable_date(day, "ar_EG") == "٢٨ سبتمبر ٢٠٢٢"
