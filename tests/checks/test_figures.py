"""Tests for the figure normaliser and the figure check (factsite.checks.figures)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsite.checks.figures import (
    FORMATTABLE_NOTATIONS,
    FigureComparison,
    Unread,
    canonical_unit,
    check_figure,
    find_figures,
    format_figure,
    is_foreign_notation,
    judge,
    parse_figure,
    plain_decimal,
    read_phrase,
)
from factsite.checks.figures.compare import singular
from factsite.checks.figures.phrase import find_source_figures
from factsite.model import Basis, Location, Source

SEED_ARTICLE = Path(__file__).resolve().parents[1] / "lint" / "corpus" / "seed-article.txt"
SHOIGU = (
    "Defence Minister Sergei Shoigu said on 21 September 2022 that the mobilisation concerns "
    "reservists only. Three hundred thousand reservists will be called up, he said, about 1% of "
    "a mobilisation reserve of 25 million."
)


def source(source_id: str, text: str) -> Source:
    return Source(
        id=source_id,
        title=source_id,
        publisher="Publisher",
        url=f"https://example.org/{source_id}",
        location=Location("content/claims.yml", 1, 1),
        text=text,
    )


# -- parse_figure: one labelled case per notation --------------------------------------------
# (text, value, unit, notation, numeral notation, precision) of the first reading.
FIRST_READINGS = [
    ("300,000", "300000", None, "western-grouping", "western-grouping", "1"),
    ("1,234.50", "1234.50", None, "western-grouping", "western-grouping", "0.01"),
    ("3,00,000", "300000", None, "indian-grouping", "indian-grouping", "1"),
    ("1,20,00,000", "12000000", None, "indian-grouping", "indian-grouping", "1"),
    ("12,34,567.5", "1234567.5", None, "indian-grouping", "indian-grouping", "0.1"),
    ("300 000", "300000", None, "space-grouping", "space-grouping", "1"),
    ("300\u00a0000", "300000", None, "space-grouping", "space-grouping", "1"),
    ("300\u202f000", "300000", None, "space-grouping", "space-grouping", "1"),
    ("1 234 567,89", "1234567.89", None, "space-grouping", "space-grouping", "0.01"),
    ("300.000", "300000", None, "dot-grouping", "dot-grouping", "1"),
    ("1.234.567,5", "1234567.5", None, "dot-grouping", "dot-grouping", "0.1"),
    ("300'000", "300000", None, "apostrophe-grouping", "apostrophe-grouping", "1"),
    ("1\u2019234.5", "1234.5", None, "apostrophe-grouping", "apostrophe-grouping", "0.1"),
    ("3,5", "3.5", None, "decimal-comma", "decimal-comma", "0.1"),
    ("0,25", "0.25", None, "decimal-comma", "decimal-comma", "0.01"),
    ("12,34", "12.34", None, "decimal-comma", "decimal-comma", "0.01"),
    ("3.5", "3.5", None, "decimal-point", "decimal-point", "0.1"),
    ("300000", "300000", None, "plain", "plain", "1"),
    ("2022", "2022", None, "plain", "plain", "1"),
    ("1.2 lakh", "120000", None, "lakh-crore-words", "decimal-point", "10000"),
    ("12 lakhs", "1200000", None, "lakh-crore-words", "plain", "100000"),
    ("Rs 2,000 crore", "20000000000", "INR", "lakh-crore-words", "western-grouping", "10000000"),
    ("₹1.5 crore", "15000000", "INR", "lakh-crore-words", "decimal-point", "1000000"),
    ("twelve lakh", "1200000", None, "lakh-crore-words", "words", "100000"),
    ("3 lacs", "300000", None, "lakh-crore-words", "plain", "100000"),
    ("Rs 1.2 lakh crore", "1200000000000", "INR", "lakh-crore-words", "decimal-point", "1E+11"),
    ("one lakh crore", "1000000000000", None, "lakh-crore-words", "words", "1E+12"),
    ("two crore fifty lakh", "25000000", None, "lakh-crore-words", "words", "100000"),
    ("0.3 million", "300000", None, "scale-word", "decimal-point", "100000"),
    ("2 billion", "2000000000", None, "scale-word", "plain", "1000000000"),
    ("1.5 trillion", "1500000000000", None, "scale-word", "decimal-point", "100000000000"),
    ("300 thousand", "300000", None, "scale-word", "plain", "1000"),
    ("3,5 Mio.", "3500000", None, "scale-word", "decimal-comma", "100000"),
    ("14K", "14000", None, "suffix", "plain", "1000"),
    ("14k", "14000", None, "suffix", "plain", "1000"),
    ("2.5M", "2500000", None, "suffix", "decimal-point", "100000"),
    ("$5m", "5000000", "USD", "suffix", "plain", "1000000"),
    ("£2bn", "2000000000", "GBP", "suffix", "plain", "1000000000"),
    ("$1.2 bn", "1200000000", "USD", "suffix", "decimal-point", "100000000"),
    ("3 mn", "3000000", None, "suffix", "plain", "1000000"),
    ("4.2m", "4200000", None, "suffix", "decimal-point", "100000"),
    ("three hundred thousand", "300000", None, "words", "words", "1000"),
    ("Three hundred thousand", "300000", None, "words", "words", "1000"),
    ("one million, two hundred thousand", "1200000", None, "words", "words", "1000"),
    ("a million", "1000000", None, "words", "words", "1000000"),
    ("twenty-one", "21", None, "words", "words", "1"),
    ("fifteen hundred", "1500", None, "words", "words", "100"),
    ("two trillion five billion", "2005000000000", None, "words", "words", "1000000000"),
    ("12%", "12", "percent", "plain", "plain", "1"),
    ("12 per cent", "12", "percent", "plain", "plain", "1"),
    ("12 percent", "12", "percent", "plain", "plain", "1"),
    ("12pc", "12", "percent", "plain", "plain", "1"),
    ("3,5 percent", "3.5", "percent", "decimal-comma", "decimal-comma", "0.1"),
    ("ten per cent", "10", "percent", "words", "words", "1"),
    ("-5%", "-5", "percent", "plain", "plain", "1"),
    ("\u22123.5", "-3.5", None, "decimal-point", "decimal-point", "0.1"),
    ("Rs 500", "500", "INR", "plain", "plain", "1"),
    ("Rs. 500", "500", "INR", "plain", "plain", "1"),
    ("Rs500", "500", "INR", "plain", "plain", "1"),
    ("₹500", "500", "INR", "plain", "plain", "1"),
    ("INR 500", "500", "INR", "plain", "plain", "1"),
    ("$300,000", "300000", "USD", "western-grouping", "western-grouping", "1"),
    ("US$ 5 million", "5000000", "USD", "scale-word", "plain", "1000000"),
    ("US$5", "5", "USD", "plain", "plain", "1"),
    ("A$5", "5", "AUD", "plain", "plain", "1"),
    ("€3,50", "3.50", "EUR", "decimal-comma", "decimal-comma", "0.01"),
    ("3,50 €", "3.50", "EUR", "decimal-comma", "decimal-comma", "0.01"),
    ("£12.99", "12.99", "GBP", "decimal-point", "decimal-point", "0.01"),
    ("500 rupees", "500", "INR", "plain", "plain", "1"),
    ("1.2 lakh rupees", "120000", "INR", "lakh-crore-words", "decimal-point", "10000"),
    ("5 million US dollars", "5000000", "USD", "scale-word", "plain", "1000000"),
    ("40 euros", "40", "EUR", "plain", "plain", "1"),
    ("100 USD", "100", "USD", "plain", "plain", "1"),
    ("  300,000  ", "300000", None, "western-grouping", "western-grouping", "1"),
]


@pytest.mark.parametrize(
    ("text", "value", "unit", "notation", "numeral_notation", "precision"),
    FIRST_READINGS,
    ids=[case[0].strip() for case in FIRST_READINGS],
)
def test_parse_figure_first_reading(text, value, unit, notation, numeral_notation, precision):
    reading = parse_figure(text)[0]
    assert reading.value == Decimal(value)
    assert reading.unit == unit
    assert reading.notation == notation
    assert reading.numeral_notation == numeral_notation
    assert reading.precision == Decimal(precision)


AMBIGUOUS = [
    ("300,000", ["300000", "300"]),
    ("300.000", ["300000", "300"]),
    ("1,000", ["1000", "1"]),
    ("3,500", ["3500", "3.5"]),
    ("12,345", ["12345", "12.345"]),
    ("Rs 2,000 crore", ["20000000000", "20000000"]),
]


@pytest.mark.parametrize(("text", "values"), AMBIGUOUS, ids=[case[0] for case in AMBIGUOUS])
def test_parse_figure_gives_every_reading_of_an_ambiguous_figure(text, values):
    assert [reading.value for reading in parse_figure(text)] == [Decimal(v) for v in values]


UNAMBIGUOUS = ["3,00,000", "3,5", "300 000", "1,234.5", "1.234,5", "300'000", "300000", "14K"]


@pytest.mark.parametrize("text", UNAMBIGUOUS)
def test_parse_figure_gives_one_reading_when_only_one_fits(text):
    assert len(parse_figure(text)) == 1


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [
        ("300,000", "en_US", "300000"),
        ("300,000", "de_DE", "300"),
        ("300.000", "en_US", "300"),
        ("300.000", "de_DE", "300000"),
        ("1,000", "fr_FR", "1"),
    ],
    ids=["comma-en", "comma-de", "dot-en", "dot-de", "comma-fr"],
)
def test_parse_figure_puts_the_locale_reading_first(text, locale, value):
    assert parse_figure(text, locale=locale)[0].value == Decimal(value)


NOT_FIGURES = [
    "",
    "fighters",
    "U.S.",
    "21st",
    "5km",
    "$5 rupees",
    "1,2,3",
    "3.11.7",
    "21.09.2022",
    "lakhs",
    "thousand",
    "300,000 fighters",
    "hundreds",
    "one point five",
    "lakh",
]


@pytest.mark.parametrize("text", NOT_FIGURES, ids=[text or "empty" for text in NOT_FIGURES])
def test_parse_figure_rejects_what_is_not_one_figure(text):
    assert parse_figure(text) == ()


@pytest.mark.parametrize(
    ("text", "in_locales", "not_in_locales"),
    [
        ("3,00,000", ["en_IN", "hi_IN"], ["en_US", "de_DE"]),
        ("300,000", ["en_US", "en_GB"], ["en_IN", "de_DE"]),
        ("300.000", ["de_DE", "it_IT"], ["en_US", "fr_FR"]),
        ("300 000", ["fr_FR", "ru_RU"], ["en_US", "de_DE"]),
        ("300'000", ["de_CH"], ["en_US"]),
        ("1.2 lakh", ["en_IN"], ["en_US", "de_DE"]),
        ("three hundred thousand", ["en_US", "en_IN"], ["de_DE"]),
    ],
    ids=["indian", "western", "dot", "space", "apostrophe", "lakh", "words"],
)
def test_reading_names_the_locales_where_it_is_standard(text, in_locales, not_in_locales):
    locales = parse_figure(text)[0].locales
    assert set(in_locales) <= set(locales)
    assert not set(not_in_locales) & set(locales)


def test_reading_labels_describe_the_notation_for_readers():
    assert parse_figure("3,00,000")[0].notation_label == "Indian digit grouping (lakh/crore)"
    label = parse_figure("Rs 2,000 crore")[0].notation_label
    assert label == "lakh/crore number words, comma digit grouping in thousands"


# -- is_foreign_notation ------------------------------------------------------------------------
FOREIGN = [
    ("3,00,000", "en_US", True),
    ("3,00,000", "en-GB", True),
    ("3,00,000", "en_IN", False),
    ("300,000", "en_US", False),
    ("300,000", "en_IN", True),
    ("12,345", "en_IN", False),
    ("300 000", "en_US", True),
    ("300 000", "fr_FR", False),
    ("300 000", "ru_RU", False),
    ("300.000", "de_DE", False),
    ("1.234,5", "en_US", True),
    ("300'000", "de_CH", False),
    ("300'000", "en_US", True),
    ("3,5 percent", "en_US", True),
    ("3,5 percent", "de_DE", False),
    ("3.5", "de_DE", True),
    ("300000", "en_US", False),
    ("300000", "de_DE", False),
    ("1.2 lakh", "en_US", True),
    ("1.2 lakh", "en_IN", False),
    ("1.2 lakh", "hi_IN", False),
    ("twelve lakh", "en_GB", True),
    ("0.3 million", "en_US", False),
    ("14K", "en_US", False),
    ("three hundred thousand", "en_US", False),
]


@pytest.mark.parametrize(
    ("text", "locale", "foreign"), FOREIGN, ids=[f"{text}-{locale}" for text, locale, _ in FOREIGN]
)
def test_is_foreign_notation(text, locale, foreign):
    assert is_foreign_notation(parse_figure(text)[0], locale) is foreign


# -- format_figure ------------------------------------------------------------------------------
FORMATTED = [
    ("300000", "western-grouping", "en_US", "300,000"),
    ("300000", "indian-grouping", "en_US", "3,00,000"),
    ("12000000", "indian-grouping", "en_US", "1,20,00,000"),
    ("1234567.50", "dot-grouping", "en_US", "1.234.567,50"),
    ("300000", "space-grouping", "en_US", "300\u202f000"),
    ("300000", "apostrophe-grouping", "en_US", "300\u2019000"),
    ("3.5", "decimal-comma", "en_US", "3,5"),
    ("3.5", "decimal-point", "en_US", "3.5"),
    ("300000", "plain", "en_US", "300000"),
    ("300000.0", "plain", "en_US", "300000"),
    ("300000", "standard", "en-GB", "300,000"),
    ("300000", "standard", "en_US", "300,000"),
    ("300000", "standard", "en_IN", "3,00,000"),
    ("300000", "standard", "de_DE", "300.000"),
    ("3.5", "standard", "fr_FR", "3,5"),
    ("120000", "lakh-crore-words", "en_US", "1.2 lakh"),
    ("20000000000", "lakh-crore-words", "en_US", "2,000 crore"),
    ("300000", "scale-word", "en_US", "300 thousand"),
    ("2500000", "scale-word", "en_US", "2.5 million"),
    ("14000", "suffix", "en_US", "14K"),
    ("2000000000", "suffix", "en_US", "2bn"),
]


@pytest.mark.parametrize(
    ("value", "notation", "locale", "expected"),
    FORMATTED,
    ids=[f"{notation}-{locale}-{value}" for value, notation, locale, _ in FORMATTED],
)
def test_format_figure(value, notation, locale, expected):
    assert format_figure(Decimal(value), notation, locale=locale) == expected


def test_format_figure_writes_units():
    assert format_figure(Decimal(12), unit="percent") == "12%"
    assert format_figure(Decimal(500), unit="INR") == "INR 500"
    assert parse_figure(format_figure(Decimal(500), unit="INR"))[0].unit == "INR"


@pytest.mark.parametrize(
    ("value", "notation"),
    [("3.5", "plain"), ("300000", "words"), ("300000", "roman")],
    ids=["plain-fraction", "words", "unknown"],
)
def test_format_figure_refuses_what_it_cannot_write(value, notation):
    with pytest.raises(ValueError):
        format_figure(Decimal(value), notation)


# -- find_figures in prose ----------------------------------------------------------------------
PROSE = [
    ("It came as 3,00,000 fighters will be mobilized.", ["3,00,000"]),
    ("On September 21, the Russian government began a mobilization.", []),
    ("On 21 September 2022, mobilization began.", []),
    ("It began on Sept. 21 and ended Sept. 28-29.", []),
    ("The decree of September 21, 2022 says nothing.", []),
    ("Shoigu said Wednesday, Sep, 21, that Russia would mobilise 300,000 reservists.", ["300,000"]),
    ("Shoigu spoke in September 2022.", []),
    ("It began in 2022 and continues.", []),
    ("the 1990s and the 1990's and 1990-91", []),
    ("The address, due at 20:00-21:00, aired at 9.30 am and again at 10 pm.", []),
    ("Dated 2022-09-21 or 21/09/2022.", []),
    ("The 21st reservist and the 3rd army.", []),
    ("The U.S. Embassy warned U.S. citizens.", []),
    ("An F-16, Covid-19, MH17 and a G7 meeting.", []),
    ("Decree No. 647, paragraph 7, page 12, #5 and § 3.", []),
    ("See https://www.ostro.info/news/8043/ for more.", []),
    ("No one knows; one of them left; two went.", []),
    (
        "The Kremlin said Three hundred thousand reservists will be called up.",
        ["Three hundred thousand"],
    ),
    ("A million people and a hundred thousand more.", ["A million", "a hundred thousand"]),
    ("Half a million people and a quarter of a million homes.", []),
    ("At the end of June, 7.57 million patients were waiting.", ["7.57 million"]),
    (
        "Inflation was 3,5 percent, then 12% and five per cent.",
        ["3,5 percent", "12%", "five per cent"],
    ),
    (
        "It costs Rs 2,000 crore, or $5m, or €3,5 Mio., or 1.2 lakh rupees.",
        ["Rs 2,000 crore", "$5m", "€3,5 Mio.", "1.2 lakh rupees"],
    ),
    ("It has 14K followers and 0.3 million views.", ["14K", "0.3 million"]),
    ("Attendance rose by 43\nper cent over the year.", ["43\nper cent"]),
    ("The city has 4.2m riders, a 5m wall and 5m.", ["4.2m", "5m"]),
    (
        "Some 300 000 people, 300.000 euros and 300'000 francs.",
        ["300 000", "300.000 euros", "300'000"],
    ),
    ("Between 20-30 people and -5 degrees.", ["20", "30", "-5"]),
    ("About 1,500 soldiers and 1500 sailors.", ["1,500", "1500"]),
    ("Scores: 3.5 and 300,000.", ["3.5", "300,000"]),
    ("A 300-strong unit of the twenty-first brigade.", ["300"]),
    ("Lakhs of people and thousands more; Rs 1.2 lakh crore.", ["Rs 1.2 lakh crore"]),
]


@pytest.mark.parametrize(("text", "expected"), PROSE, ids=[text[:40] for text, _ in PROSE])
def test_find_figures_in_prose(text, expected):
    assert [figure.text for figure in find_figures(text)] == expected


def test_find_figures_gives_offsets_into_the_text():
    text = "Officials said 3,00,000 fighters, or Rs 2,000 crore, would go."
    for figure in find_figures(text):
        assert text[figure.start : figure.end] == figure.text
    assert [figure.start for figure in find_figures(text)] == [15, 37]


def test_find_figures_keeps_years_when_asked():
    text = "In 2022 there were 2000 troops."
    assert [figure.text for figure in find_figures(text)] == []
    assert [figure.text for figure in find_figures(text, include_years=True)] == ["2022", "2000"]


def test_find_figures_orders_readings_for_the_locale():
    [figure] = find_figures("They counted 300,000 votes.", locale="de_DE")
    assert figure.readings[0].value == 300


def test_find_figures_in_the_seed_article_finds_only_the_lakh_figure():
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    figures = find_figures(text)
    assert [figure.text for figure in figures] == ["3,00,000"]
    assert figures[0].readings[0].notation == "indian-grouping"
    assert text[figures[0].start : figures[0].end] == "3,00,000"


# -- reading a whole mark: every newsroom notation is a case -------------------------------------
# (mark, locale, Basis.reading, unit, bound, kind)
PHRASES = [
    ("4.2m", "en_GB", "4200000", None, "exact", "figure"),
    ("£1.3bn", "en_GB", "1300000000", "GBP", "exact", "figure"),
    ("£1.3 bn", "en_GB", "1300000000", "GBP", "exact", "figure"),
    ("$3.1tn", "en_US", "3100000000000", "USD", "exact", "figure"),
    ("14K", "en_US", "14000", None, "exact", "figure"),
    ("2.5 lakh", "en_IN", "250000", None, "exact", "figure"),
    ("Rs 1.2 cr", "en_IN", "12000000", "INR", "exact", "figure"),
    ("Rs1.2cr", "en_IN", "12000000", "INR", "exact", "figure"),
    ("1,20,000", "en_IN", "120000", None, "exact", "figure"),
    ("12,500", "en_IN", "12500", None, "exact", "figure"),
    ("a quarter of a million", "en_GB", "250000", None, "exact", "fraction-of-scale"),
    ("three-quarters of a billion", "en_US", "750000000", None, "exact", "fraction-of-scale"),
    ("one and a half million", "en_US", "1500000", None, "exact", "fraction-of-scale"),
    ("half a million", "en_GB", "500000", None, "exact", "fraction-of-scale"),
    ("half a million voters", "en_GB", "500000", None, "exact", "fraction-of-scale"),
    ("a dozen", "en_US", "12", None, "exact", "dozen"),
    ("two dozen", "en_US", "24", None, "exact", "dozen"),
    ("hundreds of", "en_US", "200-999", None, "range", "vague-plural"),
    ("tens of thousands of", "en_US", "20000-99999", None, "range", "vague-plural"),
    ("three in ten", "en_GB", "30", "percent", "exact", "ratio"),
    ("one out of every four", "en_US", "25", "percent", "exact", "ratio"),
    ("1 in 5", "en_US", "20", "percent", "exact", "ratio"),
    ("a third of", "en_GB", "33.33", "percent", "exact", "share"),
    ("two-thirds", "en_US", "66.67", "percent", "exact", "share"),
    ("half of", "en_US", "50", "percent", "exact", "share"),
    ("three-quarters of", "en_US", "75", "percent", "exact", "share"),
    ("about 300", "en_US", "300", None, "about", "figure"),
    ("nearly 300", "en_US", "300", None, "nearly", "figure"),
    ("more than 300 people", "en_US", "300", None, "more-than", "figure"),
    ("at least 1.2 lakh rupees", "en_IN", "120000", "INR", "at-least", "figure"),
    ("fewer than 300", "en_US", "300", None, "less-than", "figure"),
    ("up to 300", "en_US", "300", None, "at-most", "figure"),
    ("more than half of", "en_US", "50", "percent", "more-than", "share"),
    ("20-25%", "en_US", "20-25", "percent", "range", "range"),
    ("20 to 25 per cent", "en_GB", "20-25", "percent", "range", "range"),
    ("between 3 and 4 million", "en_US", "3000000-4000000", None, "range", "range"),
    ("$3-4bn", "en_US", "3000000000-4000000000", "USD", "range", "range"),
    ("3,00,000 fighters will be mobilized", "en_US", "300000", None, "exact", "figure"),
    ("In 2023, 40,000 people left", "en_GB", "40000", None, "exact", "figure"),
    ("On 21 September 2022, 300,000 reservists", "en_GB", "300000", None, "exact", "figure"),
    ("2,000 troops in 2022", "en_US", "2000", None, "exact", "figure"),
    ("1999", "en_US", "1999", None, "exact", "figure"),
]


@pytest.mark.parametrize(
    ("mark", "locale", "reading", "unit", "bound", "kind"), PHRASES, ids=[case[0] for case in PHRASES]
)
def test_read_phrase(mark, locale, reading, unit, bound, kind):
    phrase = read_phrase(mark, locale)[0]
    assert (plain_decimal(phrase.low) if bound != "range" else None) in (reading, None)
    from factsite.checks.figures.compare import canonical

    assert canonical(phrase) == reading
    assert (phrase.unit, phrase.bound, phrase.kind) == (unit, bound, kind)


@pytest.mark.parametrize(
    ("mark", "reason"),
    [
        ("", "the mark is empty"),
        ("fighters", "it holds no figure"),
        ("3 and 4 fighters", "it holds more than one figure (“3” and “4”)"),
        ("twice as many", "“twice” is not a figure the check can read"),
        ("two half million", "it holds more than one figure"),
        ("half the 2 million voters", "it holds more than one figure"),
        ("1" * 101, "it has a number of 101 digits; a figure may have at most 100"),
        ("2022 and 2023", "it holds more than one figure"),
    ],
    ids=["empty", "no-figure", "two-figures", "multiple", "half-garbled", "half-of-a-count", "101-digits", "years"],
)
def test_read_phrase_says_why_a_mark_is_unread(mark, reason):
    unread = read_phrase(mark, "en_US")
    assert isinstance(unread, Unread)
    assert unread.reason.startswith(reason)


def test_half_a_million_is_never_read_as_a_million():
    for mark in ("half a million", "half a million people", "Half a million"):
        [phrase] = read_phrase(mark, "en_GB")
        assert phrase.value == Decimal(500000)


def test_an_indian_english_figure_has_no_decimal_comma_reading():
    result = check_figure("12,500", value=None, unit="students", locale="en_IN", sources=[])
    assert result.basis.reading == "12500"
    assert result.details.also_possible == ()


# -- judging a figure against a reference -----------------------------------------------------------
# (mark, reference, reference step, status)
JUDGED = [
    ("300,000", "300000", "1", "match"),
    ("1.2 lakh", "123456", "1", "rounded"),
    ("1.2 lakh", "124999", "1", "rounded"),
    ("1.2 lakh", "125000", "1", "understated"),  # 12.5 rounds half up, to 13
    ("300,000", "312000", "1", "understated"),
    ("123,456", "120000", "10000", "match"),  # a source written coarser agrees at its precision
    ("500,000", "1000000", "1000000", "understated"),  # a one-digit source confirms nothing
    ("3.5", "3.46", "0.01", "rounded"),
    ("3.5", "3.4", "0.1", "overstated"),
    ("12", "12.5", "0.1", "understated"),
    ("13", "12.5", "0.1", "rounded"),
    ("half a million", "1000000", "1000000", "understated"),
    ("half a million", "480000", "1", "rounded"),
    ("more than 300", "320", "1", "match"),
    ("more than 300", "250", "1", "overstated"),
    ("more than 300", "300", "1", "overstated"),
    ("at least 300", "300", "1", "match"),
    ("about 300", "320", "1", "match"),
    ("about 300", "250", "1", "overstated"),
    ("about 300", "400", "1", "understated"),
    ("nearly 300", "290", "1", "match"),
    ("nearly 300", "310", "1", "understated"),
    ("nearly 300", "200", "1", "overstated"),
    ("fewer than 300", "250", "1", "match"),
    ("fewer than 300", "310", "1", "understated"),
    ("up to 300", "300", "1", "match"),
    ("20-25%", "22", "1", "match"),
    ("20-25%", "19", "1", "overstated"),
    ("20-25%", "26", "1", "understated"),
    ("between 3 and 4 million", "3500000", "1", "match"),
    ("a third of", "32", "1", "rounded"),
    ("a third of", "30", "1", "overstated"),
    ("two-thirds", "66.7", "0.1", "rounded"),
    ("three in ten", "31", "1", "rounded"),
    ("three in ten", "33", "1", "understated"),
    ("half of", "48", "1", "rounded"),
    ("half of", "30", "1", "overstated"),
    ("hundreds of", "450", "1", "match"),
    ("hundreds of", "1200", "1", "understated"),
]


@pytest.mark.parametrize(("mark", "reference", "step", "status"), JUDGED, ids=[f"{m}-vs-{r}" for m, r, _, _ in JUDGED])
def test_judge(mark, reference, step, status):
    phrase = read_phrase(mark, "en_US")[0]
    assert judge(phrase, Decimal(reference), Decimal(step)) == status


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("INR", "INR"),
        ("Rs", "INR"),
        ("rupees", "INR"),
        ("₹", "INR"),
        ("usd", "USD"),
        ("US dollars", "USD"),
        ("$", "USD"),
        ("EUR", "EUR"),
        ("€", "EUR"),
        ("GBP", "GBP"),
        ("pounds", "GBP"),
        ("JPY", "JPY"),
        ("percent", "percent"),
        ("per cent", "percent"),
        ("%", "percent"),
        ("people", None),
        ("reservists", None),
        ("", None),
        (None, None),
    ],
)
def test_canonical_unit(unit, expected):
    assert canonical_unit(unit) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1.2E+5", "120000"), ("12.50", "12.5"), ("300000.0", "300000"), ("-3.5", "-3.5"), ("1E+12", "1000000000000")],
)
def test_plain_decimal_has_no_exponent_and_no_trailing_zeros(value, expected):
    assert plain_decimal(Decimal(value)) == expected


# -- check_figure -------------------------------------------------------------------------------
def test_check_figure_on_the_seed_claim():
    result = check_figure(
        "3,00,000",
        value=300000,
        unit="reservists",
        locale="en_US",
        sources=[source("shoigu", SHOIGU)],
    )
    assert result.check == "figure"
    assert result.status == "match"
    assert result.basis == Basis("300000", "reservist", "shoigu", "300000")
    assert result.findings == (
        "“3,00,000” uses Indian digit grouping (lakh/crore), unusual in en-US text; write 300,000.",
    )
    comparison = result.details
    assert isinstance(comparison, FigureComparison)
    assert comparison.stated_status == "match"
    assert comparison.reading.notation == "indian-grouping"
    assert comparison.suggestion == "300,000"
    evidence = comparison.candidate
    assert (evidence.source_id, evidence.text, evidence.status) == (
        "shoigu",
        "Three hundred thousand",
        "match",
    )
    assert SHOIGU[evidence.start : evidence.end] == "Three hundred thousand"
    assert result.summary == (
        "“3,00,000” reads as 300,000, matching: source shoigu gives “Three hundred thousand” (300,000) "
        "(the claim's stated value, 300,000, agrees)."
    )


def test_check_figure_without_a_value_compares_with_the_sources():
    result = check_figure("3,00,000", value=None, unit="reservists", locale="en_US", sources=[source("shoigu", SHOIGU)])
    assert result.status == "match"
    assert result.details.stated_status == "no-value"
    assert result.details.candidate.text == "Three hundred thousand"


def test_check_figure_without_sources_compares_with_the_stated_value():
    result = check_figure("1.2 lakh", value=123456, unit=None, locale="en_IN", sources=[])
    assert result.status == "rounded"
    assert result.findings == ()
    assert "rounds the claim's stated value, 1,23,456" in result.summary
    assert result.basis.source_id is None


def test_check_figure_rounded_against_a_source():
    sources = [source("census", "The census counted 123,456 residents.")]
    result = check_figure("1.2 lakh", value=None, unit="residents", locale="en_IN", sources=sources)
    assert result.status == "rounded"
    assert result.details.candidate.text == "123,456"


def test_check_figure_understated_shows_the_difference_and_the_ratio():
    sources = [source("tass", "Some 350,000 men and 12 generals were named.")]
    result = check_figure("3,00,000 men", value=None, unit=None, locale="en_IN", sources=sources)
    assert result.status == "understated"
    assert result.details.difference == Decimal(-50000)
    assert "difference \u221250,000, 0.86 times the source's figure" in result.summary


def test_check_figure_12_against_12_5_is_understated_not_rounded():
    sources = [source("stats", "Turnout rose by 12.5 per cent.")]
    result = check_figure("12%", value=None, unit=None, locale="en_GB", sources=sources)
    assert result.status == "understated"
    assert "\u22120.5 percentage points" in result.summary
    assert result.basis == Basis("12", "percent", "stats", "12.5")


def test_check_figure_not_found_when_the_source_lacks_a_comparable_figure():
    sources = [source("dmv", "The state registered 3.1 million vehicles and 200,000 trucks.")]
    result = check_figure("$3.1bn", value=None, unit=None, locale="en_US", sources=sources)
    assert result.status == "not-found"
    assert result.basis == Basis("3100000000", "USD", None, None)
    assert "no comparable amount in USD was found in the cited sources" in result.summary
    assert not result.established


def test_check_figure_a_count_is_never_compared_with_money():
    sources = [source("ugc", "The scheme paid Rs 12,500 to each college.")]
    result = check_figure("12,000", value=None, unit="students", locale="en_IN", sources=sources)
    assert result.status == "not-found"
    assert result.basis.candidate is None


def test_check_figure_a_count_needs_its_noun():
    sources = [source("tass", "Some 250,000 tanks and 300,000 reservists.")]
    result = check_figure("300,000", value=None, unit="reservists", locale="en_US", sources=sources)
    assert (result.status, result.details.candidate.text) == ("match", "300,000")
    assert result.details.candidate.start == len("Some 250,000 tanks and ")


def test_check_figure_without_a_quantity_compares_only_with_agreeing_figures():
    sources = [source("tass", "Some 250,000 men and 12 generals were named.")]
    result = check_figure("300,000", value=None, unit=None, locale="en_US", sources=sources)
    assert result.status == "not-found"


def test_check_figure_currency_in_crore():
    result = check_figure("Rs 2,000 crore", value=20_000_000_000, unit="INR", locale="en_US", sources=[])
    assert result.status == "match"
    assert result.details.reading.unit == "INR"
    assert result.findings == (
        "“Rs 2,000 crore” uses lakh/crore number words, unusual in en-US text; write Rs 20 billion.",
    )


def test_check_figure_currency_conflict_is_a_finding():
    result = check_figure("Rs 2,000 crore", value=20_000_000_000, unit="USD", locale="en_IN", sources=[])
    assert result.details.unit_conflict
    assert "the claim's unit is USD" in result.findings[0]


def test_check_figure_ignores_source_figures_in_another_currency():
    sources = [source("budget", "It cost €5 million, or 5 million dollars.")]
    result = check_figure("$5 million", value=None, unit=None, locale="en_US", sources=sources)
    assert [item.text for item in result.details.evidence] == ["5 million dollars"]


def test_check_figure_percent_with_decimal_comma_in_english():
    sources = [source("stats", "Unemployment rose to 3.5 per cent in March.")]
    result = check_figure("3,5 percent", value=3.5, unit="percent", locale="en_US", sources=sources)
    assert result.status == "match"
    assert result.details.candidate.text == "3.5 per cent"
    assert result.findings == ("“3,5 percent” uses a decimal comma, unusual in en-US text; write 3.5 percent.",)


def test_check_figure_percent_difference_is_in_percentage_points():
    result = check_figure("12%", value=10, unit="%", locale="en_GB", sources=[])
    assert result.status == "overstated"
    assert "the claim's stated value is 10%" in result.summary


def test_check_figure_chooses_the_reading_that_matches_the_stated_value():
    german = check_figure("300.000", value=300000, unit=None, locale="de_DE", sources=[])
    assert german.status == "match"
    assert german.findings == ()
    english = check_figure("300.000", value=300000, unit=None, locale="en_US", sources=[])
    assert english.status == "match"
    assert english.details.reading.notation == "dot-grouping"
    assert english.findings == (
        "“300.000” uses dot digit grouping, unusual in en-US text, where it reads as 300; write 300,000.",
    )


@pytest.mark.parametrize(
    ("marked", "locale", "source_text", "value"),
    [
        ("300,000", "en_US", "The 300 tanks and 1,000 trucks.", "300000"),
        ("3,500", "en_US", "Some 3.5 tonnes.", "3500"),
        ("300.000", "en_US", "Officials counted 300,000 reservists.", "300000"),
    ],
    ids=["zero-decimals-are-grouping", "three-decimals", "source-picks-grouping"],
)
def test_check_figure_without_value_weighs_sources_and_plausibility(marked, locale, source_text, value):
    result = check_figure(marked, value=None, unit=None, locale=locale, sources=[source("s", source_text)])
    assert result.details.reading.value == Decimal(value)


def test_check_figure_reads_a_mark_holding_the_figure_and_its_noun():
    result = check_figure("3,00,000 fighters", value=300000, unit="fighters", locale="en_US", sources=[])
    assert result.status == "match"
    assert result.details.text == "3,00,000"


def test_check_figure_stated_value_as_float_or_string():
    as_float = check_figure("0.3 million", value=0.3e6, unit=None, locale="en_US", sources=[])
    as_string = check_figure("0.3 million", value="300,000", unit=None, locale="en_US", sources=[])
    assert as_float.status == as_string.status == "match"


def test_check_figure_without_a_comparable_source_figure_is_not_found():
    sources = [source("empty", "The ministry declined to comment.")]
    result = check_figure("14K", value=None, unit=None, locale="en_US", sources=sources)
    assert result.status == "not-found"
    assert result.details.sources_without_figures == ("empty",)


def test_check_figure_without_value_or_source_is_unverified():
    result = check_figure("14K", value=None, unit=None, locale="en_US", sources=[])
    assert result.status == "unverified"
    assert not result.established


@pytest.mark.parametrize("marked", ["fighters", "3 and 4 fighters", "", "half the 2 million voters"])
def test_check_figure_unread(marked):
    result = check_figure(marked, value=3, unit=None, locale="en_US", sources=[])
    assert result.status == "unread"
    assert result.details.reading is None
    assert result.basis.reading is None and result.basis.reason
    assert result.summary.startswith("Could not read")
    assert not result.established


def test_check_figure_reports_a_stated_value_that_is_not_a_number():
    result = check_figure("14K", value="many", unit=None, locale="en_US", sources=[])
    assert result.details.stated_status == "no-value"
    assert result.findings == ("The claim's value “many” is not a number, so it was not compared.",)


def test_check_figure_speaks_the_article_locale():
    result = check_figure("€1,234.50", value=Decimal("1234.5"), unit="EUR", locale="de-DE", sources=[])
    assert result.status == "match"
    assert result.summary == (
        "“€1,234.50” reads as 1.234,50\u00a0€; the claim cites no source "
        "(the claim's stated value, 1.234,5\u00a0€, agrees)."
    )
    assert result.findings == (
        "“€1,234.50” uses comma digit grouping in thousands, unusual in de-DE text; write €1.234,50.",
    )


def test_check_figure_lakh_crore_in_british_text():
    result = check_figure("Rs 1.2 lakh crore", value=1.2e12, unit="rupees", locale="en-GB", sources=[])
    assert result.status == "match"
    assert result.details.suggestion == "Rs 1.2 trillion"


def test_check_figure_never_writes_an_exponent():
    sources = [source("ons", "The survey found 1.2 lakh people, or 120,000 people.")]
    result = check_figure("1.2 lakh people", value=None, unit=None, locale="en_IN", sources=sources)
    shown = " ".join([result.summary, result.details.reads_as, *(e.value_text for e in result.details.evidence)])
    assert "E+" not in shown and "Decimal" not in shown
    assert "1,20,000" in result.summary


def test_check_figure_is_deterministic():
    arguments = {
        "value": None,
        "unit": None,
        "locale": "en_US",
        "sources": [source("a", "300,000 and 300.000"), source("b", SHOIGU)],
    }
    assert check_figure("300,000", **arguments) == check_figure("300,000", **arguments)


@pytest.mark.parametrize("value", [Decimal("1e5000"), Decimal("9" * 150), Decimal("1e-500")])
def test_check_figure_bounds_a_stated_value(value):
    result = check_figure("300", value=value, unit=None, locale="en_US", sources=[])
    assert result.details.stated_value is None


# -- properties ---------------------------------------------------------------------------------
def decimals(places: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=-(10**12), max_value=10**12, places=places, allow_nan=False, allow_infinity=False)


NUMERAL_NOTATIONS = [n for n in FORMATTABLE_NOTATIONS if n != "plain"]


@settings(max_examples=60, deadline=None)
@given(value=st.integers(min_value=0, max_value=10**15).map(Decimal) | decimals(0))
def test_plain_numbers_parse_back(value):
    text = format_figure(value, "plain")
    assert value in [reading.value for reading in parse_figure(text)]


@pytest.mark.parametrize("notation", NUMERAL_NOTATIONS)
@settings(max_examples=60, deadline=None)
@given(value=st.integers(min_value=0, max_value=6).flatmap(decimals))
def test_formatted_figures_parse_back_to_their_value(notation, value):
    text = format_figure(value, notation)
    assert value in [reading.value for reading in parse_figure(text)], text


@pytest.mark.parametrize("notation", ["space-grouping", "apostrophe-grouping"])
@settings(max_examples=40, deadline=None)
@given(value=st.integers(min_value=0, max_value=3).flatmap(decimals))
def test_plain_space_and_straight_apostrophe_parse_back(notation, value):
    text = format_figure(value, notation).replace("\u202f", " ").replace("\u2019", "'")
    assert value in [reading.value for reading in parse_figure(text)], text


@pytest.mark.parametrize("unit", ["INR", "USD", "EUR", "GBP", "percent"])
@settings(max_examples=30, deadline=None)
@given(value=decimals(2), notation=st.sampled_from(NUMERAL_NOTATIONS))
def test_figures_with_units_parse_back(unit, value, notation):
    text = format_figure(value, notation, unit=unit)
    readings = parse_figure(text)
    assert (value, unit) in [(reading.value, reading.unit) for reading in readings], text


@settings(max_examples=60, deadline=None)
@given(value=decimals(2), notation=st.sampled_from(NUMERAL_NOTATIONS))
def test_formatted_figures_are_found_in_prose(value, notation):
    figure = format_figure(value, notation)
    text = f"Officials said {figure} people took part."
    [found] = find_figures(text, include_years=True)
    assert found.text == figure
    assert value in [reading.value for reading in found.readings]


@settings(max_examples=60, deadline=None)
@given(value=st.integers(min_value=0, max_value=10**12))
def test_numbers_in_words_parse_back(value):
    num2words = pytest.importorskip("num2words").num2words
    text = num2words(value)
    assert Decimal(value) in [reading.value for reading in parse_figure(text)], text


def test_check_figure_compares_the_count_whose_sentence_is_about_the_same_thing():
    text = (
        "An estimated 1,000,000 homes in England were empty at the time of the survey. "
        "Builders completed 312,000 new homes in the year."
    )
    result = check_figure(
        "half a million",
        value=None,
        unit="homes",
        locale="en_GB",
        sources=[source("survey", text)],
        context="Yet half a million homes in England stand empty, the survey found.",
    )
    assert (result.status, result.basis.candidate) == ("understated", "1000000")
    assert "0.5 times the source's figure" in result.summary


def test_check_figure_an_amount_far_from_every_source_amount_is_not_found():
    sources = [source("plan", "The plan's budget over ten years is $3.1 billion.")]
    result = check_figure("$85 million", value=None, unit=None, locale="en_US", sources=sources)
    assert result.status == "not-found"
    named = check_figure("$85 million", value=3_100_000_000, unit=None, locale="en_US", sources=sources)
    assert (named.status, named.basis.candidate) == ("understated", "3100000000")


@pytest.mark.parametrize(
    ("mark", "unit", "text", "candidate"),
    [
        ("500,000 people", "people", "Officials said half a\nmillion people left.", "500000"),
        ("one in four", None, "One in four adults smokes.", "25"),
        ("a third of", None, "Roughly a third of voters agreed.", "33.33"),
    ],
    ids=["half-a-million", "ratio", "share"],
)
def test_a_source_phrase_is_read_whole(mark, unit, text, candidate):
    result = check_figure(mark, value=None, unit=unit, locale="en_GB", sources=[source("s", text)])
    assert (result.status, result.basis.candidate) == ("match", candidate)


def test_a_share_of_time_in_a_source_is_not_a_figure():
    sources = [source("s", "In the second half of the year, and a quarter of the year later.")]
    result = check_figure("25%", value=None, unit=None, locale="en_GB", sources=sources)
    assert result.status == "not-found"


@pytest.mark.parametrize(
    "title",
    ["Table 3. Enrollees using at least one third-cycle selected drug, calendar year 2025",
     "Enrollees who bought from a third-party pharmacy", "Clinics closed by a half-day strike",
     "Plans one-third-owned by insurers"],
)  # fmt: skip
def test_a_fraction_hyphened_into_an_adjective_is_no_share(title):
    assert [f.text for f in find_source_figures(title, "en_US") if "third" in f.text or "half" in f.text] == []
    sources = [source("s", title + "\nEnrollees reaching the out-of-pocket cap    11.9%    27.4%\n")]
    result = check_figure(
        "one in three",
        value=None,
        unit=None,
        locale="en_US",
        sources=sources,
        context="One in three enrollees using the selected drugs reached the cap last year.",
    )
    assert result.basis.candidate != "33.33"


def test_a_fraction_hyphened_into_an_adjective_in_a_mark_is_unread():
    result = check_figure(
        "a third-party", value=None, unit=None, locale="en_US", sources=[source("s", "A third of 30%.")]
    )
    assert result.status == "unread"


def test_a_share_with_a_hyphened_count_is_still_a_share():
    figures = find_source_figures("Two-thirds of enrollees paid; two-thirds-majority aside.", "en_US")
    assert [str(f.readings[0].value)[:5] for f in figures][:1] == ["66.66"]


PRISON_BULLETIN = (
    "Remand prisoners: 17,912\nSentenced prisoners: 58,964\nRecalled prisoners: 11,864\n\n"
    "Standard determinate sentences are served to the 40 per cent point before release.\n\n"
    "Prisoners released under SDS40 since 10 September 2024: 38,562\n\n"
    "Of those released, 1,388 prisoners (3.6%) have been recalled to custody.\n"
)


def test_a_label_with_a_date_in_it_names_the_count_after_its_colon():
    result = check_figure(
        "38,500 prisoners",
        value=None,
        unit="prisoner",
        locale="en_GB",
        sources=[source("s", PRISON_BULLETIN)],
        context="38,500 prisoners have now been released early under the scheme.",
    )
    assert (result.status, result.basis.candidate) == ("understated", "38562")


MIS_TABLE = (
    "Table 1. Employment provided\n"
    "Total job cards issued (cumulative)            : 71,05,843\n"
    "Active job cards                               : 48,62,110\n"
    "Households demanded employment                 : 17,72,966\n"
    "Households provided employment                 : 13,86,204\n"
    "Individuals worked                             : 21,47,530\n"
    "Average days of employment per household       : 60.69\n"
)


def test_the_row_whose_label_the_article_says_is_compared_not_an_agreeing_row_beside_it():
    result = check_figure(
        "more than 14 lakh households",
        value=None,
        unit="household",
        locale="en_IN",
        sources=[source("mis", MIS_TABLE)],
        context="More than 14 lakh households were provided employment till the end of November.",
    )
    assert (result.status, result.basis.candidate) == ("overstated", "1386204")


def test_a_row_labelled_with_the_counted_noun_alone_is_not_named_by_the_article():
    text = "Prisoners: 88,740\nSentenced prisoners: 58,964\n"
    result = check_figure(
        "60,000 prisoners",
        value=None,
        unit="prisoner",
        locale="en_GB",
        sources=[source("s", text)],
        context="About 60,000 prisoners are sentenced.",
    )
    assert result.basis.candidate == "58964"


def test_the_row_the_hindi_article_names_is_compared_not_an_agreeing_row_beside_it():
    text = "तालिका 1\nरोजगार मांगने वाले परिवार : 17,72,966\nरोजगार पाने वाले परिवार : 13,86,204\n"
    result = check_figure(
        "14 लाख से अधिक",
        value=None,
        unit="परिवार",
        locale="hi_IN",
        sources=[source("mis", text)],
        context="नवंबर के अंत तक रोजगार पाने वाले परिवारों की संख्या 14 लाख से अधिक रही।",
    )
    assert (result.status, result.basis.candidate) == ("overstated", "1386204")


EA_TABLE = (
    "Measure                                                     2024        2025\n"
    "Storm overflows (permitted)                                1,409       1,412\n"
    "Overflows with no working monitor (c)                        n/a         312\n"
    "Total duration of spills (hours)                         198,540     212,386\n"
    "Overflows that spilled at least once                         921         953\n"
    "Share of overflows that spilled at least once              65.4%       67.5%\n"
)


def test_the_next_row_of_a_table_names_no_noun_for_the_figures_before_it():
    result = check_figure(
        "Hundreds of overflows",
        value=None,
        unit="overflow",
        locale="en_GB",
        sources=[source("ea", EA_TABLE)],
        context="Hundreds of overflows still had no working monitor at the end of the year.",
    )
    assert result.basis.candidate not in ("921", "953")


def test_a_noun_wrapped_onto_the_next_line_of_prose_still_follows_its_figure():
    text = "The survey found 2,041 state-owned\nbridges in poor condition."
    result = check_figure("2,041 bridges", value=None, unit="bridge", locale="en_GB", sources=[source("s", text)])
    assert (result.status, result.basis.candidate) == ("match", "2041")


def test_a_bound_is_judged_against_the_nearest_count_not_any_count_it_holds_for():
    text = (
        "Of these, 2,013,000 patients had waited more than 18 weeks and 389,952 patients had waited more than 52 weeks."
    )
    result = check_figure(
        "more than 400,000",
        value=None,
        unit="patients",
        locale="en_GB",
        sources=[source("s", text)],
        context="Two million patients have waited more than 18 weeks, and more than 400,000 have waited over a year.",
    )
    assert (result.status, result.basis.candidate) == ("overstated", "389952")


def test_an_upper_bound_is_judged_against_the_close_percentage():
    text = "Trusts said 10.2 per cent of posts were vacant. In one region the vacancy rate reached 28 per cent."
    result = check_figure("up to 30%", value=None, unit=None, locale="en_GB", sources=[source("s", text)])
    assert (result.status, result.basis.candidate) == ("match", "28")


@pytest.mark.parametrize(
    ("plural", "singular_form"),
    [("cases", "case"), ("doses", "dose"), ("nurses", "nurse"), ("houses", "house"), ("responses", "response"),
     ("buses", "bus"), ("classes", "class"), ("boxes", "box"), ("churches", "church"), ("viruses", "virus"),
     ("series", "series"), ("crises", "crisis"), ("reservists", "reservist"), ("people", "person")],
)  # fmt: skip
def test_a_counted_noun_is_read_in_the_singular(plural, singular_form):
    assert singular(plural) == singular_form


def test_a_count_of_cases_is_a_count_of_case():
    text = "As of March 11, the department has confirmed 146 cases of measles in the outbreak."
    result = check_figure(
        "nearly 150 cases", value=None, unit="cases", locale="en_US", sources=[source("update", text)]
    )
    assert (result.status, result.basis.unit, result.basis.candidate) == ("match", "case", "146")


MEASLES_UPDATE = (
    "Of the 146 cases, 19 patients (13%) have been hospitalized. Ninety-one cases (62%) are children aged 5 "
    "to 17; 24 cases (16%) are adults 18 and older. The county has committed $750,000 from its reserve fund "
    "to the response."
)


def test_a_share_of_patients_is_compared_with_the_share_of_patients_not_a_nearer_share():
    result = check_figure(
        "one in five",
        value=None,
        unit="percent",
        locale="en_US",
        sources=[source("update", MEASLES_UPDATE)],
        context="About one in five patients has been admitted to a hospital, the department said.",
    )
    assert (result.status, result.basis.candidate) == ("overstated", "13")


def test_a_share_of_a_population_no_source_names_is_not_compared_with_another_share():
    text = "Of the outstanding cases, 19,460 (26%) had been open for a year or more, up from 22% a year earlier."
    result = check_figure(
        "a third",
        value=None,
        unit="percent",
        locale="en_GB",
        sources=[source("stats", text)],
        context="Victims' groups say a third of rape complainants withdraw before their case reaches court.",
    )
    assert (result.status, result.basis.candidate) == ("not-found", None)


def test_another_amount_of_the_same_currency_is_not_found_not_a_mismatch():
    result = check_figure(
        "$1.2 million",
        value=None,
        unit="USD",
        locale="en_US",
        sources=[source("update", MEASLES_UPDATE)],
        context="The state has promised $1.2 million toward the response.",
    )
    assert (result.status, result.basis.candidate) == ("not-found", None)


def test_a_count_of_the_same_noun_far_from_the_figure_is_another_count():
    text = (
        "As of 31 December 2024, 1,57,066 entities have been recognised as startups by DPIIT. "
        "So far 3,600 startups have been granted the exemption."
    )
    result = check_figure(
        "more than 1.5 lakh startups",
        value=None,
        unit="startups",
        locale="en_IN",
        sources=[source("release", text)],
        context="Government data show more than 1.5 lakh startups are now recognised.",
    )
    assert (result.status, result.basis.candidate) == ("not-found", None)


def test_of_two_shares_in_one_sentence_the_one_whose_clause_is_about_the_same_thing():
    text = (
        "Nearly 48% of recognised startups have at least one woman director or partner, and 45% are from "
        "Tier II and Tier III cities."
    )
    result = check_figure(
        "A third",
        value=None,
        unit="percent",
        locale="en_IN",
        sources=[source("release", text)],
        context="A third of them have at least one woman director.",
    )
    assert (result.status, result.basis.candidate) == ("understated", "48")


def test_a_table_label_before_the_figure_names_its_noun():
    text = "Registered voters: 315,220\nProvisional ballots received: 2,874\nProvisional ballots counted: 2,301\n"
    result = check_figure(
        "nearly 3,000 provisional ballots",
        value=None,
        unit="ballots",
        locale="en_US",
        sources=[source("canvass", text)],
        context="Nearly 3,000 provisional ballots were received.",
    )
    assert (result.status, result.basis.candidate) == ("match", "2874")
    voters = check_figure(
        "2,874 ballots",
        value=None,
        unit="ballots",
        locale="en_US",
        sources=[source("canvass", "Registered voters: 315,220\n")],
    )
    assert voters.status == "not-found"


def test_a_table_label_with_a_number_in_it_names_its_noun():
    text = (
        "Households demanded employment                 : 17,72,966\n"
        "Households completed 100 days of employment    : 1,87,412\n"
        "Gram panchayats                                : 6,794\n"
    )
    result = check_figure(
        "nearly 1.9 lakh households",
        value=None,
        unit="households",
        locale="en_IN",
        sources=[source("mis", text)],
        context="Nearly 1.9 lakh households have already completed 100 days of work.",
    )
    assert (result.status, result.basis.candidate) == ("match", "187412")


EA_TABLE = (
    "Table 2: Storm overflows and spills, 2024 and 2025\n"
    "\n"
    "Measure                                      2024        2025\n"
    "Storm overflows (permitted)                 1,409       1,412\n"
    "Total duration of spills (hours)          198,540     212,386\n"
    "Overflows that spilled at least once          921         953\n"
)


@pytest.mark.parametrize(
    ("mark", "context", "expected"),
    [
        (
            "more than 210,000 hours",
            "Its overflows discharged for more than 210,000 hours in 2025.",
            ("match", "212386"),
        ),
        ("nearly 200,000 hours", "Its overflows discharged for nearly 200,000 hours in 2024.", ("match", "198540")),
        # 198,540 is 2024's: never the 2025 figure the article speaks of, though it would agree.
        (
            "nearly 200,000 hours",
            "Its overflows discharged for nearly 200,000 hours in 2025.",
            ("understated", "212386"),
        ),
        # The article names no column: which year's figure it gives cannot be told.
        ("nearly 200,000 hours", "Its overflows discharged for nearly 200,000 hours.", ("not-found", None)),
    ],
)
def test_a_table_row_is_read_in_the_column_the_article_names(mark, context, expected):
    result = check_figure(
        mark, value=None, unit="hour", locale="en_GB", sources=[source("ea", EA_TABLE)], context=context
    )
    assert (result.status, result.basis.candidate) == expected
    # Without its heading line, no column is named: none of the row's figures is the article's.
    headless = EA_TABLE.replace("Measure                                      2024        2025\n", "")
    result = check_figure(
        mark, value=None, unit="hour", locale="en_GB", sources=[source("ea", headless)], context=context
    )
    assert result.status == "not-found"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The target is the whole the 486,000 are part of: they were installed.
        ("The company installed 486,000 of the 1 million meters it targets.", ("match", "486000")),
        # The target's word before the figure: the clause's figures are the target's.
        ("The company targets installing 486,000 of the 1 million meters.", ("not-found", None)),
    ],
)
def test_a_part_of_a_target_is_what_was_done(text, expected):
    result = check_figure(
        "nearly 500,000 meters",
        value=None,
        unit="meters",
        locale="en_GB",
        sources=[source("release", text)],
        context="It has installed nearly 500,000 meters.",
    )
    assert (result.status, result.basis.candidate) == expected


def test_a_count_in_a_year_is_not_a_ratio():
    from factsite.checks.figures.phrase import find_source_figures

    found = find_source_figures("Six new unicorns were minted in 2024, against two in 2023.", "en_US")
    assert all(reading.unit != "percent" for figure in found for reading in figure.readings)
    (ratio,) = find_source_figures("1 in 2,000 births", "en_US")
    assert (ratio.readings[0].value, ratio.readings[0].unit) == (Decimal("0.05"), "percent")


def test_a_count_of_another_kind_of_the_noun_is_not_compared():
    text = "A total of 1,18,45,320 voters were eligible, including 2,14,000 voters above 80 years of age."
    result = check_figure(
        "2.5 lakh",
        value=None,
        unit="voters",
        locale="en_IN",
        sources=[source("sec", text)],
        context="About 2.5 lakh first-time voters were on the rolls.",
    )
    assert (result.status, result.basis.candidate) == ("not-found", None)
    same_kind = check_figure(
        "2.5 lakh",
        value=None,
        unit="voters",
        locale="en_IN",
        sources=[source("sec", "There were 2,14,000 first-time voters on the rolls.")],
        context="About 2.5 lakh first-time voters were on the rolls.",
    )
    assert (same_kind.status, same_kind.basis.candidate) == ("overstated", "214000")


@pytest.mark.parametrize(
    ("mark", "locale", "text", "context"),
    [
        (
            "1,104 government hospitals",
            "en_IN",
            "In all 2,139 hospitals are empanelled, of which 1,104 private and 1,035 government hospitals.",
            "In all 2,139 hospitals are empanelled, of which 1,104 government hospitals.",
        ),
        (
            "1,104 सरकारी अस्पताल",
            "hi_IN",
            "वर्तमान में योजना अंतर्गत प्रदेश के कुल 2,139 अस्पताल संबद्ध हैं, जिनमें 1,104 निजी तथा 1,035 सरकारी अस्पताल शामिल हैं।",
            "योजना से कुल 2,139 अस्पताल जुड़े हैं, जिनमें 1,104 सरकारी अस्पताल हैं।",
        ),
    ],
)
def test_a_count_with_another_qualifier_is_another_quantity_even_when_it_agrees(
    mark: str, locale: str, text: str, context: str
) -> None:
    # 1,104 counts the private hospitals ("private", up to the next figure); the government hospitals are 1,035.
    result = check_figure(mark, value=None, unit=None, locale=locale, sources=[source("release", text)],
                          context=context)  # fmt: skip
    assert (result.status, result.basis.candidate) == ("overstated", "1035"), result.summary
    same = check_figure(mark.replace("1,104", "1,035"), value=None, unit=None, locale=locale,
                        sources=[source("release", text)], context=context.replace("1,104", "1,035"))  # fmt: skip
    assert (same.status, same.basis.candidate) == ("match", "1035"), same.summary


def test_a_count_that_names_the_articles_kind_before_its_noun_is_the_one_compared():
    # The 2,60,000 voters added are all of them; the source counts the first-time voters apart: 2,14,000.
    text = "This year 2,60,000 voters were added to the rolls, among them 2,14,000 first-time voters."
    result = check_figure(
        "About 2.5 lakh",
        value=None,
        unit="voters",
        locale="en_IN",
        sources=[source("sec", text)],
        context="About 2.5 lakh first-time voters were added to the rolls this year.",
    )
    assert (result.status, result.basis.candidate) == ("overstated", "214000"), result.summary


def test_a_count_without_its_own_qualifier_is_still_compared_by_its_sentence():
    # "first-time" stands in the sentence, not between the count and its noun: the existing rule compares it.
    text = "Of the new names on the rolls, 2,14,000 voters were first-time voters."
    result = check_figure(
        "2.5 lakh",
        value=None,
        unit="voters",
        locale="en_IN",
        sources=[source("sec", text)],
        context="About 2.5 lakh first-time voters were on the rolls.",
    )
    assert (result.status, result.basis.candidate) == ("overstated", "214000")


def test_a_share_in_words_gives_way_to_the_same_share_in_digits_in_its_clause():
    # "Two-thirds ... (66.1%)": the source states the share as 66.1%; the page shows that, not 66.67%.
    text = (
        "Two-thirds of spending (66.1%) has gone to treatment and recovery, as the Board directed.\n\n"
        "Treatment & recovery subtotal                $3,110,400        66.1%\n"
    )
    context = "Treatment and recovery programs have taken nearly two-thirds of the spending so far."
    result = check_figure("nearly two-thirds", value=None, unit="percent", locale="en_US",
                          sources=[source("report", text)], context=context)  # fmt: skip
    assert (result.status, result.basis.candidate) == ("match", "66.1"), result.summary
    assert result.details.candidate.text == "66.1%"
    # A share in words with no figure in digits beside it is still compared as the words say.
    alone = check_figure("nearly two-thirds", value=None, unit="percent", locale="en_US",
                         sources=[source("report", "Two-thirds of spending has gone to treatment.")],
                         context=context)  # fmt: skip
    assert (alone.status, alone.basis.candidate) == ("match", "66.67"), alone.summary


def test_a_count_inside_a_vague_range_is_compared_however_far_from_its_ends():
    text = "Evacuation orders cover an estimated 41,000 residents in Ridge and Alder counties."
    result = check_figure(
        "tens of thousands of residents",
        value=None,
        unit="residents",
        locale="en_US",
        sources=[source("bulletin", text)],
        context="Evacuation orders still cover tens of thousands of residents.",
    )
    assert (result.status, result.basis.candidate) == ("match", "41000")


def test_jobs_are_counted_as_roles():
    text = "We will close 118 stores over the next three years, putting up to 2,400 roles at risk."
    result = check_figure(
        "2,400 jobs",
        value=None,
        unit="jobs",
        locale="en_GB",
        sources=[source("statement", text)],
        context="It would close around 120 stores, putting 2,400 jobs at risk.",
    )
    assert (result.status, result.basis.candidate) == ("match", "2400")


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("2025 Bridge Condition Report\n\nOf the state's bridges, 2,041 are in poor condition.", ["2,041"]),
        ("The 2024 Summer Olympics drew 9,500 athletes.", ["9,500"]),
        ("In 2024 the department let 312 bridge projects.", ["312"]),
        ("It was obligated in federal fiscal year 2024.", []),
        ("Some 2000 troops crossed the border.", ["2000"]),  # a count written like a year stays a figure
    ],
    ids=["year-in-a-report-title", "year-in-a-name", "year-after-in", "year-at-a-sentence-end", "count"],
)
def test_a_number_that_reads_as_a_year_is_no_count(source: str, found: list[str]) -> None:
    # Held-out batch 4: "about 2,000 bridges" was compared with the 2025 of "2025 Bridge Condition Report".
    assert [figure.text for figure in find_source_figures(source, "en_US")] == found


def test_a_wrapped_source_line_does_not_part_a_figure_from_its_noun():
    # Held-out batch 4: "2,041 state-owned\nbridges" is one phrase; a blank line or a list item ends it.
    wrapped = "As of Dec. 31, 2024, 2,041 state-owned\nbridges were rated in poor condition."
    result = check_figure(
        "about 2,000 bridges",
        value=None,
        unit="bridges",
        locale="en_US",
        sources=[source("report", wrapped)],
        context="The state now has about 2,000 bridges rated in poor condition.",
    )
    assert (result.status, result.basis.candidate) == ("match", "2041")
    for apart in ("Total: 2,041\n\nbridges of the county", "Total: 2,041\n- bridges of the county"):
        found = check_figure(
            "about 2,000 bridges",
            value=None,
            unit="bridges",
            locale="en_US",
            sources=[source("report", apart)],
        )
        assert found.status == "not-found", apart


def test_lakh_metric_tonnes_are_read_with_their_noun():
    # Held-out batch 4: the release's "310 LMT" was not read, and the target was compared with another quantity.
    release = "Procurement has reached 256.31 LMT, against a target of 310 LMT for the season."
    result = check_figure(
        "310 lakh tonnes",
        value=None,
        unit="tonnes",
        locale="en_IN",
        sources=[source("release", release)],
        context="The Centre has set a target of 310 lakh tonnes.",
    )
    assert (result.status, result.basis.candidate) == ("match", "31000000")


TARGETS = source(
    "housing-report",
    "Home ownership rose to 65.4% by the end of 2024, on the way to the 70% target for 2030. "
    "The ministry aims to hand over 4 million homes; it has handed over 3.2 million homes so far.",
)


@pytest.mark.parametrize(
    ("mark", "context", "status", "candidate"),
    [
        # A target is not what was done, and a target is compared with the sources' target.
        ("70%", "Home ownership rose to 70%.", "overstated", "65.4"),
        ("3.5 million homes", "The ministry's target is 3.5 million homes.", "understated", "4000000"),
        ("3.2 million homes", "It has handed over 3.2 million homes.", "match", "3200000"),
    ],
)
def test_a_target_is_compared_only_with_a_target(mark: str, context: str, status: str, candidate: str) -> None:
    result = check_figure(mark, value=None, unit=None, locale="en_GB", sources=[TARGETS], context=context)
    assert (result.status, result.basis.candidate) == (status, candidate), result.summary


@pytest.mark.parametrize(
    ("mark", "locale", "text", "context"),
    [
        (
            "22 people",
            "en_GB",
            "So far 19 people have died in the floods, while 22 people are missing.",
            "The floods have killed 22 people so far.",
        ),
        (
            "२२ लोगों",
            "hi_IN",
            "अब तक बाढ़ के पानी में डूबने से 19 लोगों की मौत हुई है, जबकि 22 लोग लापता हैं।",
            "बाढ़ से अब तक २२ लोगों की मौत हो चुकी है।",
        ),
    ],
)
def test_an_agreeing_count_of_something_else_gives_way_to_the_count_the_sentence_describes(
    mark: str, locale: str, text: str, context: str
) -> None:
    # 22 missing agrees with "22 dead" but says nothing of dying; the 19 dead are the count to compare.
    result = check_figure(mark, value=None, unit=None, locale=locale, sources=[source("bulletin", text)],
                          context=context)  # fmt: skip
    assert (result.status, result.basis.candidate) == ("overstated", "19"), result.summary


@pytest.mark.parametrize(
    ("mark", "locale", "text", "context", "candidate"),
    [
        # The 18 hours are the western provinces': their clause shares "provinces" only with another clause of
        # the article's sentence, which speaks of subscribers; the clause of the mark speaks of Baghdad.
        (
            "18 hours",
            "en_GB",
            "Supply last week averaged 16 hours a day in Baghdad, 14 hours in the south and 18 hours in the "
            "western provinces.",
            "Baghdad had 18 hours of supply a day, while the provinces count 6.2 million subscribers.",
            "16",
        ),
        (
            "18 ساعة يوميا",
            "ar_IQ",
            "وبلغ معدل ساعات التجهيز الأسبوع الماضي ١٦ ساعة يوميًا في بغداد، و١٤ ساعة في الفرات الأوسط، و١٨ ساعة في "
            "المحافظات الغربية.",
            "ووصل معدل ساعات التجهيز في بغداد إلى 18 ساعة يوميا، فيما يبلغ عدد المشتركين في عموم المحافظات 6.2 مليون "
            "مشترك.",
            "16",
        ),
        # The article's figure with digit grouping is one figure: its comma does not end the mark's clause.
        (
            "1,250 people",
            "en_US",
            "So far 1120 people have been rescued from the flooded districts, and 1250 people remain in shelters.",
            "Rescuers have pulled 1,250 people from the flooded districts, officials said.",
            "1120",
        ),
        # "More than 40%" holds for last year's 51% collection rate, whose clause says nothing of losses; the
        # losses of the energy produced are 38%.
        (
            "more than 40%",
            "en_GB",
            "Collection rose to 58% by the end of the third quarter, from 51% at the end of last year, while "
            "technical and commercial losses in the grid stand at 38% of the energy produced.",
            "Collection rose over the year, but losses in the grid are still more than 40% of the energy produced.",
            "38",
        ),
        (
            "أكثر من 40%",
            "ar_IQ",
            "وأوضحت الوزارة أن نسبة الجباية ارتفعت إلى ٥٨٪ في نهاية الربع الثالث، بعد أن كانت ٥١٪ في نهاية العام "
            "السابق، فيما تبلغ نسبة الضائعات الفنية والتجارية في الشبكة ٣٨٪ من الطاقة المنتجة.",
            "وبحسب الوزارة، ارتفعت نسبة الجباية خلال العام الجاري، لكن الضائعات في الشبكة ما تزال تبلغ أكثر من 40% "
            "من الطاقة المنتجة.",
            "38",
        ),
        # An amount: the $520 million went on maintenance; the substations' amount is $450 million.
        (
            "more than $500 million",
            "en_US",
            "Maintenance of power stations cost $520 million last year, while $450 million is set aside for new "
            "substations.",
            "More than $500 million is set aside for new substations, the utility said.",
            "450000000",
        ),
    ],
)
def test_an_agreeing_figure_gives_way_by_the_clause_of_the_mark(
    mark: str, locale: str, text: str, context: str, candidate: str
) -> None:
    # The words of the article's other clauses say nothing of what its figure counts; a share or an amount of
    # something else gives way as a count does.
    result = check_figure(mark, value=None, unit=None, locale=locale, sources=[source("statement", text)],
                          context=context)  # fmt: skip
    assert (result.status, result.basis.candidate) == ("overstated", candidate), result.summary


@pytest.mark.parametrize(
    ("mark", "locale", "text", "context", "candidate"),
    [
        # The agreeing share's clause names the grid: agreement stands against a clause that shares more.
        (
            "41%",
            "en_GB",
            "Losses in the grid were 41% in 2023, while technical losses in the grid stand at 38% of the energy "
            "produced this year.",
            "Losses in the grid are 41% of the energy produced this year.",
            "41",
        ),
        # "From £9,250 to £9,535" is one clause: the comma of a figure's digits ends none.
        (
            "£9,535",
            "en_GB",
            "The fee cap for full-time home undergraduates will rise from £9,250 to £9,535 from 1 September 2025. "
            "The cap had been frozen at £9,250 since 1 September 2017.",
            "Tuition fees for home undergraduates will rise to £9,535 in September, the first increase since the "
            "cap was frozen in 2017.",
            "9535",
        ),
        # A figure at the end of its line ends its clause: the next line's label is the next figure's.
        (
            "about 212,000 ballots",
            "en_US",
            "OFFICIAL CANVASS\n\nRegistered voters: 315,220\nTotal ballots cast: 211,486\nTurnout: 67.1%\n",
            "Hale finished 1,214 votes ahead out of about 212,000 ballots cast.",
            "211486",
        ),
        # The agreeing share's sentence says what the article's does; the other share is a projection.
        (
            "one in six",
            "en_GB",
            "An estimated 6.3 million properties in England are at risk of flooding from rivers, the sea and "
            "surface water, around one in six. By 2050, up to a quarter of properties could be in areas at risk.",
            "An estimated one in six properties in England is at risk of flooding.",
            "16.67",
        ),
        # Nothing in the disagreeing share's clause says what the article's share is of: agreement stands.
        (
            "more than 40%",
            "en_GB",
            "Collection reached 51% at the end of last year. Imports made up 38% of supply.",
            "Losses in the grid are still more than 40% of the energy produced.",
            "51",
        ),
    ],
)
def test_an_agreeing_figure_stands_without_a_better_described_one(
    mark: str, locale: str, text: str, context: str, candidate: str
) -> None:
    result = check_figure(mark, value=None, unit=None, locale=locale, sources=[source("statement", text)],
                          context=context)  # fmt: skip
    assert (result.status, result.basis.candidate) == ("match", candidate), result.summary


@pytest.mark.parametrize(
    ("mark", "locale", "text", "context", "status", "candidate"),
    [
        # A table's row ends at the end of its line: "9,600 plots" is not described by the next row's label, so
        # it does not take the total's place.
        (
            "about 15,000 plots",
            "en_GB",
            "Plots distributed since 1 January 2025\nMutlaa: 9,600 plots\nSouth Saad Al-Abdullah: 5,600 plots\n"
            "Total: 15,200 plots\n",
            "The authority has distributed about 15,000 plots in Mutlaa and South Saad Al-Abdullah since the "
            "start of last year.",
            "match",
            "15200",
        ),
        (
            "خمسة عشر ألف قسيمة",
            "ar_KW",
            "جدول (٥): القسائم الموزعة منذ ١ يناير ٢٠٢٥\nمدينة المطلاع: ٩٬٦٠٠ قسيمة\n"
            "مدينة جنوب سعد العبدالله: ٥٬٦٠٠ قسيمة\nالإجمالي: ١٥٬٢٠٠ قسيمة\n",
            "فيما وزعت المؤسسة منذ مطلع العام الماضي خمسة عشر ألف قسيمة في مدينتي المطلاع وجنوب سعد العبدالله.",
            "rounded",
            "15200",
        ),
        # In prose: the article names both cities, whose plots add up to about its figure; each city's count is
        # a part, and the total is what the article counts.
        (
            "about 15,000 plots",
            "en_GB",
            "Since January 2025 the authority has distributed 9,600 plots in Mutlaa and 5,600 plots in South Saad "
            "Al-Abdullah, 15,200 plots in all.",
            "The authority has distributed about 15,000 plots in Mutlaa and South Saad Al-Abdullah since the "
            "start of last year.",
            "match",
            "15200",
        ),
        (
            "خمسة عشر ألف قسيمة",
            "ar_KW",
            "ووزعت المؤسسة منذ يناير ٢٠٢٥ نحو ٩٬٦٠٠ قسيمة في مدينة المطلاع، و٥٬٦٠٠ قسيمة في مدينة جنوب سعد "
            "العبدالله، بإجمالي ١٥٬٢٠٠ قسيمة.",
            "وزعت المؤسسة منذ مطلع العام الماضي خمسة عشر ألف قسيمة في مدينتي المطلاع وجنوب سعد العبدالله.",
            "rounded",
            "15200",
        ),
        # With no agreeing total, the parts are not compared while the total is there: 15,000 exactly is
        # understated against the 15,200, not overstated against Mutlaa's 9,600.
        (
            "15,000 plots",
            "en_GB",
            "Since January 2025 the authority has distributed 9,600 plots in Mutlaa and 5,600 plots in South Saad "
            "Al-Abdullah, 15,200 plots in all.",
            "The authority has distributed 15,000 plots in Mutlaa and South Saad Al-Abdullah since the start of "
            "last year.",
            "understated",
            "15200",
        ),
        # The article names one city only: its count is compared, not the total.
        (
            "about 15,000 plots",
            "en_GB",
            "Since January 2025 the authority has distributed 9,600 plots in Mutlaa and 5,600 plots in South Saad "
            "Al-Abdullah, 15,200 plots in all.",
            "The authority has distributed about 15,000 plots in Mutlaa since the start of last year.",
            "overstated",
            "9600",
        ),
    ],
)
def test_a_part_does_not_take_the_place_of_the_whole_the_article_counts(
    mark: str, locale: str, text: str, context: str, status: str, candidate: str
) -> None:
    result = check_figure(mark, value=None, unit=None, locale=locale, sources=[source("statement", text)],
                          context=context)  # fmt: skip
    assert (result.status, result.basis.candidate) == (status, candidate), result.summary


def test_an_exact_figure_of_something_else_gives_way_to_a_rounded_one_the_clause_describes() -> None:
    # "Half of all road deaths" matches a rebate "of 50 per cent" exactly, whose clause says nothing of deaths;
    # the 49.6 per cent of all road deaths rounds to it, and comes before the 71.1 per cent of two-wheeler deaths.
    text = (
        "Two-wheeler users accounted for 49.6 per cent of all road deaths in the State (5,806 of 11,702). Of the "
        "5,806 two-wheeler users killed, 4,128 were not wearing helmets; riders and pillions without helmets thus "
        "made up 71.1 per cent of two-wheeler deaths. Under the one-time settlement, a rebate of 50 per cent is "
        "allowed on pending challans."
    )
    context = (
        "Two-wheeler users made up half of all road deaths, and seven in ten of those killed on two-wheelers were "
        "not wearing helmets."
    )
    result = check_figure("half of all road deaths", value=None, unit=None, locale="en_IN",
                          sources=[source("release", text)], context=context)  # fmt: skip
    assert (result.status, result.basis.candidate) == ("rounded", "49.6"), result.summary


@pytest.mark.parametrize(
    ("mark", "locale", "text", "context", "status"),
    [
        # The source speaks of rural roads without a figure; urban roads' amount is another quantity.
        (
            "$1,500 million",
            "en_US",
            "Urban roads get $1,450 million. A fund for rural roads will be set up later.",
            "Rural roads get $1,500 million.",
            "not-found",
        ),
        (
            "1,500 करोड़ रुपये",
            "hi_IN",
            "शहरी सड़कों के लिए 1,450 करोड़ रुपये का प्रावधान है। ग्रामीण सड़कों की मरम्मत के लिए अलग कोष बनेगा।",
            "ग्रामीण सड़कों के लिए 1,500 करोड़ रुपये रखे गए हैं।",
            "not-found",
        ),
        # Without such a sentence the nearby amount is compared as before.
        ("$1,500 million", "en_US", "Urban roads get $1,450 million.", "Urban roads get $1,500 million.", "overstated"),
    ],
)
def test_an_amount_of_another_thing_is_not_compared_when_the_source_speaks_of_the_articles_elsewhere(
    mark: str, locale: str, text: str, context: str, status: str
) -> None:
    result = check_figure(mark, value=None, unit=None, locale=locale, sources=[source("budget", text)],
                          context=context)  # fmt: skip
    assert result.status == status, result.summary


@pytest.mark.parametrize(
    ("mark", "locale", "text", "context", "status", "candidate"),
    [
        # Ten, a hundred or a thousand times the source's figure, of the same thing: a slip of scale.
        (
            "450 करोड़ रुपये",
            "hi_IN",
            "गोवंश संरक्षण के लिए गोशालाओं का अनुदान बढ़ाकर 45 करोड़ रुपये किया जाएगा।",
            "बजट में गोशालाओं का अनुदान बढ़ाकर 450 करोड़ रुपये कर दिया गया है।",
            "overstated",
            "450000000",
        ),
        (
            "١٫٥ مليار ريال",
            "ar_SA",
            "ورصدت الوزارة ١٫٥ مليون ريال لصيانة المشاريع القديمة.",
            "رصدت الوزارة ١٫٥ مليار ريال لصيانة المشاريع القديمة.",
            "overstated",
            "1500000",
        ),
        (
            "$4.5 million",
            "en_US",
            "The county set aside $450,000 for shelter repairs.",
            "The county set aside $4.5 million for shelter repairs.",
            "overstated",
            "450000",
        ),
        # Without two shared words it is another amount.
        (
            "$4.5 million",
            "en_US",
            "The county set aside $450,000 for shelter repairs.",
            "The state's grant came to $4.5 million.",
            "not-found",
            None,
        ),
    ],
)
def test_a_slip_of_scale_of_the_same_thing_is_compared(
    mark: str, locale: str, text: str, context: str, status: str, candidate: str | None
) -> None:
    result = check_figure(mark, value=None, unit=None, locale=locale, sources=[source("release", text)],
                          context=context)  # fmt: skip
    assert (result.status, result.basis.candidate) == (status, candidate), result.summary


@pytest.mark.parametrize(
    "context",
    [
        "More than 20,000 prisoners have been released early since 2024.",
        "Since the start of 2024, more than 20,000 prisoners have been released early.",
    ],
)
def test_a_year_the_article_counts_from_names_no_column_of_a_table(context: str) -> None:
    # "since 2024" runs over both columns: the 2024 column's 16,000 is not the article's figure.
    table = (
        "Table 2: Prison population, 2024 and 2025\n\n"
        "Measure                               2024        2025\n"
        "Prisoners released early (SDS40)     16,000      21,500\n"
    )
    result = check_figure(
        "more than 20,000 prisoners", value=None, unit="prisoner", locale="en_GB", sources=[source("moj", table)],
        context=context,
    )  # fmt: skip
    assert result.status != "overstated", result.summary
