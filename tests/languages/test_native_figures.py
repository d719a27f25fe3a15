"""Figures in Hindi and Arabic: native digits, number and scale words, fractions, currencies, markers."""

from decimal import Decimal

import pytest

from factsite.checks.figures import Unread, check_figure, read_phrase
from factsite.checks.figures.phrase import find_source_figures
from factsite.languages import language
from factsite.languages.script import fold
from factsite.model import Location, Source


def _source(text: str) -> Source:
    return Source(id="s", title="t", publisher="p", url="https://example.org", location=Location("s.yaml"), text=text)


READ = [
    # Hindi: digits
    ("३,००,००० लोग", "hi_IN", "300000", None, "exact"),
    ("३००००० लोग", "hi_IN", "300000", None, "exact"),
    ("२.५ लाख", "hi_IN", "250000", None, "exact"),
    ("₹ ५० करोड़", "hi_IN", "500000000", "INR", "exact"),
    ("50 करोड़ रुपये", "hi_IN", "500000000", "INR", "exact"),
    ("२०-२५ प्रतिशत", "hi_IN", "20", "percent", "range"),
    ("७.८ फ़ीसदी", "hi_IN", "7.8", "percent", "exact"),
    # Hindi: words and scale words
    ("तीन लाख पचास हज़ार", "hi_IN", "350000", None, "exact"),
    ("तीन लाख पचास हजार", "hi_IN", "350000", None, "exact"),
    ("दो करोड़", "hi_IN", "20000000", None, "exact"),
    ("एक अरब", "hi_IN", "1000000000", None, "exact"),
    ("पच्चीस सौ", "hi_IN", "2500", None, "exact"),
    ("दो सौ पचास", "hi_IN", "250", None, "exact"),
    ("पाँच हज़ार", "hi_IN", "5000", None, "exact"),
    ("पांच हज़ार", "hi_IN", "5000", None, "exact"),
    # Hindi: fractional forms
    ("सवा लाख", "hi_IN", "125000", None, "exact"),
    ("सवा तीन लाख", "hi_IN", "325000", None, "exact"),
    ("साढ़े तीन लाख रुपये", "hi_IN", "350000", "INR", "exact"),
    ("साढ़े सात प्रतिशत", "hi_IN", "7.5", "percent", "exact"),
    ("पौने दो लाख", "hi_IN", "175000", None, "exact"),
    ("डेढ़ लाख", "hi_IN", "150000", None, "exact"),
    ("डेढ़ सौ", "hi_IN", "150", None, "exact"),
    ("ढाई करोड़ रुपये", "hi_IN", "25000000", "INR", "exact"),
    # Hindi: markers before and after
    ("लगभग २.५ लाख", "hi_IN", "250000", None, "about"),
    ("ढाई करोड़ रुपये से अधिक", "hi_IN", "25000000", "INR", "more-than"),
    ("कम से कम 300", "hi_IN", "300", None, "at-least"),
    ("लाखों लोग", "hi_IN", "200000", None, "range"),
    # Hindi: a larger scale right after a scale counts in it ("25 हज़ार करोड़" = 25,000 crore)
    ("25 हजार करोड़ रुपये", "hi_IN", "250000000000", "INR", "exact"),
    ("5.37 लाख करोड़ रुपये", "hi_IN", "5370000000000", "INR", "exact"),
    ("दो लाख करोड़", "hi_IN", "2000000000000", None, "exact"),
    # Arabic: digits (Arabic-Indic and Eastern Arabic-Indic) and separators
    ("٣٫٥ مليون جنيه", "ar_EG", "3500000", "EGP", "exact"),
    ("١٢٬٥٠٠", "ar_EG", "12500", None, "exact"),
    ("۱۲۰۰", "ar", "1200", None, "exact"),
    ("٤٥٪", "ar", "45", "percent", "exact"),
    ("15 في المئة", "ar", "15", "percent", "exact"),
    ("حوالي ١٢٠٠ ريال", "ar_SA", "1200", "SAR", "about"),
    ("١٢٠٠ درهم", "ar_AE", "1200", "AED", "exact"),
    ("١٢٠٠ ريال", "ar", "1200", "riyal", "exact"),
    # Arabic: words, duals, plurals, fractions
    ("خمسة وعشرون", "ar", "25", None, "exact"),
    ("ثلاثة عشر", "ar", "13", None, "exact"),
    ("مئتان وخمسون", "ar", "250", None, "exact"),
    ("ألفان", "ar", "2000", None, "exact"),
    ("ثلاثة آلاف", "ar", "3000", None, "exact"),
    ("عشرون ألفًا", "ar", "20000", None, "exact"),
    ("٢٠ ألف", "ar", "20000", None, "exact"),
    ("ثلاثة ملايين وخمسمئة ألف", "ar", "3500000", None, "exact"),
    ("ثلاثمائة وعشرون ألف دولار", "ar", "320000", "USD", "exact"),
    ("مليونان", "ar", "2000000", None, "exact"),
    ("ألفي وحدة", "ar", "2000", None, "exact"),  # the dual before its noun (construct state)
    ("ملياري جنيه", "ar_EG", "2000000000", "EGP", "exact"),
    ("٤ ملايين طن", "ar", "4000000", None, "exact"),
    ("مليون ونصف", "ar", "1500000", None, "exact"),
    ("نصف مليون", "ar", "500000", None, "exact"),
    ("ربع مليار", "ar", "250000000", None, "exact"),
    ("أكثر من ٣٠٠ ألف شخص", "ar", "300000", None, "more-than"),
    ("ثَلاثَةُ آلافٍ", "ar", "3000", None, "exact"),  # with tashkeel
    ("ثلاثـــة آلاف", "ar", "3000", None, "exact"),  # with tatweel
    ("مئات", "ar", "200", None, "range"),
    # Latin digits as the article's locale writes them (CLDR): ar_MA groups with a dot and has a decimal comma
    ("أكثر من 1.200 دوار", "ar_MA", "1200", None, "more-than"),
    ("31,4 في المائة", "ar_MA", "31.4", "percent", "exact"),
    ("1,200 دوار", "ar_MA", "1.2", None, "exact"),
    ("1.200 دوار", "ar_DZ", "1200", None, "exact"),
    ("2,37 درهم", "ar_MA", "2.37", "MAD", "exact"),
    ("1,200 دوار", "ar_EG", "1200", None, "exact"),
    ("1.5 مليون", "ar_EG", "1500000", None, "exact"),
    ("١٬٢٠٠ دوار", "ar_MA", "1200", None, "exact"),  # the Arabic separators mean the same everywhere
    ("١٫٥ مليون", "ar_MA", "1500000", None, "exact"),
    # Scale words of the Maghreb (ملايير) and of Babel's CLDR data (ترليون)
    ("10 ملايير درهم", "ar_MA", "10000000000", "MAD", "exact"),
    ("عشرة ملايير", "ar_DZ", "10000000000", None, "exact"),
    ("٢ ترليون دولار", "ar", "2000000000000", "USD", "exact"),
    ("3 ملاعب", "ar", "3", None, "exact"),  # a noun, though it starts like ملايين
]


@pytest.mark.parametrize(("text", "locale", "value", "unit", "bound"), READ, ids=[r[0] for r in READ])
def test_reads(text: str, locale: str, value: str, unit: str | None, bound: str) -> None:
    readings = read_phrase(text, locale)
    assert not isinstance(readings, Unread), readings
    assert readings[0].low == Decimal(value)
    assert readings[0].unit == unit
    assert readings[0].bound == bound


UNREAD = [
    ("दो तीन लाख", "hi_IN"),  # two or three lakh
    ("सवा", "hi_IN"),
    ("साढ़े लाख", "hi_IN"),  # साढ़े needs a count
    ("३०० और ४०० लोग", "hi_IN"),
    ("दोगुना", "hi_IN"),
    ("ألفا", "ar"),  # the accusative counts what comes before it
    ("ثلاثة أربعة آلاف", "ar"),
    ("٣ و٤ ملايين", "ar"),
    # A word with a scale word's letters the tables lack: never the number without it
    ("10 ملاييرا درهم", "ar_MA"),
    ("3 بلايين دولار", "ar"),
    ("خمسة ملايينا", "ar"),
]


@pytest.mark.parametrize(("text", "locale"), UNREAD, ids=[u[0] for u in UNREAD])
def test_partly_understood_is_unread(text: str, locale: str) -> None:
    assert isinstance(read_phrase(text, locale), Unread)


def test_arabic_scale_words_hold_babels() -> None:
    # Every scale word of CLDR's long compact formats ("0 ملايين", "0 ترليون") for every Arabic locale.
    from babel import Locale, localedata

    data = language("ar")
    assert data is not None
    known = {**data.scales, **data.plural_scales}
    for identifier in localedata.locale_identifiers():
        if identifier.split("_")[0] != "ar":
            continue
        for forms in Locale.parse(identifier).compact_decimal_formats["long"].values():
            for magnitude, pattern in forms.items():
                word = pattern.pattern.replace("0", "").strip()
                scale = int(magnitude) // 10 ** (pattern.pattern.count("0") - 1)
                assert known.get(fold(word)) == scale, (identifier, word)


def test_steps_follow_the_precision_written() -> None:
    def step(text: str, locale: str) -> Decimal:
        readings = read_phrase(text, locale)
        assert not isinstance(readings, Unread)
        return readings[0].step

    assert step("२.५ लाख", "hi_IN") == 10_000
    assert step("सवा लाख", "hi_IN") == 25_000
    assert step("तीन लाख पचास हज़ार", "hi_IN") == 1000
    assert step("مليون ونصف", "ar") == 500_000


def test_hindi_words_agree_with_number_parser() -> None:
    number_parser = pytest.importorskip("number_parser")
    hindi = language("hi")
    assert hindi is not None
    from number_parser.data import hi  # type: ignore[import-untyped]

    theirs = {**hi.info["UNIT_NUMBERS"], **hi.info["DIRECT_NUMBERS"]}
    for word, value in theirs.items():
        readings = read_phrase(word, "hi_IN")
        assert not isinstance(readings, Unread), word
        assert readings[0].low == value, word
    assert number_parser.parse_number("तीन लाख पचास हज़ार", language="hi") == 350000


def test_sources_skip_dates_years_and_tangled_numbers() -> None:
    text = "15 मार्च 2024 को सरकार ने बताया कि दो तीन लाख लोग आए और ३,२०,००० किसानों को मदद मिली।"
    found = find_source_figures(text, "hi_IN")
    assert [(f.text, f.readings[0].value) for f in found] == [("३,२०,०००", Decimal(320000))]


def test_a_figure_run_into_another_is_none_of_them() -> None:
    found = find_source_figures("दो-तीन लाख लोग आए, फिर ५०० और।", "hi_IN")
    assert [f.text for f in found] == ["५००"]
    found = find_source_figures("ثلاثة-أربعة آلاف شخص و ٥٠٠ آخرون", "ar")
    assert [f.text for f in found] == ["٥٠٠"]


def test_numbers_in_a_table_s_cells_are_figures() -> None:
    found = find_source_figures(
        "वर्ष        वितरण हानि\n2024-25     22.61     25.92\n2025-26     19.84     23.31\n", "hi_IN"
    )
    assert [f.text for f in found] == ["22.61", "25.92", "19.84", "23.31"]


HINDI_TABLE = (
    "तालिका 4.2: वितरण हानि एवं एटीएंडसी हानि (प्रतिशत में)\n"
    "\n"
    "वर्ष                 वितरण हानि      एटीएंडसी हानि\n"
    "2024-25              22.61           25.92\n"
    "2025-26 (अंकेक्षित)   19.84           23.31\n"
    "2026-27 (लक्ष्य)      15.00           16.50\n"
)


@pytest.mark.parametrize(
    ("context", "table", "expected"),
    [
        ("निगम की वितरण छीजत 2025-26 में घटकर करीब 20 फीसदी रह गई।", HINDI_TABLE, ("match", "19.84")),
        # Another year's row is that year's figure; a table that does not say its figures are per cent has none.
        ("निगम की वितरण छीजत 2024-25 में करीब 20 फीसदी थी।", HINDI_TABLE, ("understated", "22.61")),
        (
            "निगम की वितरण छीजत 2025-26 में घटकर करीब 20 फीसदी रह गई।",
            HINDI_TABLE.replace(" (प्रतिशत में)", ""),
            ("not-found", None),
        ),
    ],
)
def test_a_table_of_percentages_is_read_in_the_row_and_column_named(context, table, expected) -> None:
    result = check_figure(
        "करीब 20 फीसदी", value=None, unit="percent", locale="hi_IN", sources=[_source(table)], context=context
    )
    assert (result.status, result.basis.candidate) == expected


def test_a_part_of_an_arabic_target_is_what_was_done() -> None:
    text = "كما تم تركيب ٤٨٦ ألف عداد مسبق الدفع من إجمالي مليون عداد تستهدف الشركة تركيبها."
    result = check_figure(
        "نصف مليون عداد",
        value=None,
        unit="عداد",
        locale="ar_EG",
        sources=[_source(text)],
        context="وتركيب نصف مليون عداد مسبق الدفع",
    )
    assert (result.status, result.basis.candidate) == ("rounded", "486000")


def test_a_financial_year_is_no_figure() -> None:
    found = find_source_figures("वार्षिक रिपोर्ट २०२४-२५ में 4,82,000 घरों को", "hi_IN")
    assert [f.text for f in found] == ["4,82,000"]


def test_arabic_source_reads_a_scale_said_again() -> None:
    found = find_source_figures("الدعم البالغ ثلاثة ملايين ونصف مليون جنيه", "ar_EG")
    assert [(f.text, f.readings[0].value, f.readings[0].unit) for f in found] == [
        ("ثلاثة ملايين ونصف مليون جنيه", Decimal(3_500_000), "EGP")
    ]


HINDI_SOURCE = "मंत्रालय के अनुसार, इस वर्ष ३,२०,००० किसानों को ढाई करोड़ रुपये की सहायता मिली। बेरोज़गारी दर 7.8 प्रतिशत रही।"
ARABIC_SOURCE = (
    "وقالت الوزارة إن ٢٥٠ ألف أسرة استفادت من الدعم البالغ ثلاثة ملايين ونصف مليون جنيه، وإن البطالة بلغت ٧٫٢ في المئة."
)

MOROCCAN_SOURCE = (
    "تواصل الوزارة تزويد 1.268 دوارا بالماء الشروب. وبلغت كلفة البرنامج 143 مليار درهم، منها 10 ملايير درهم "
    "لمحطات التحلية. ويبلغ ثمن المتر المكعب في الشطر الأول 2,37 درهم."
)


@pytest.mark.parametrize(
    ("mark", "locale", "source", "status"),
    [
        ("३,२०,००० किसानों", "hi_IN", HINDI_SOURCE, "match"),
        ("3.2 लाख किसानों", "hi_IN", HINDI_SOURCE, "match"),
        ("चार लाख किसानों", "hi_IN", HINDI_SOURCE, "overstated"),
        ("ढाई करोड़ रुपये", "hi_IN", HINDI_SOURCE, "match"),
        ("लगभग ८ प्रतिशत", "hi_IN", HINDI_SOURCE, "match"),
        ("9 प्रतिशत", "hi_IN", HINDI_SOURCE, "overstated"),
        ("५० डॉलर", "hi_IN", HINDI_SOURCE, "not-found"),
        ("٢٥٠ ألف أسرة", "ar_EG", ARABIC_SOURCE, "match"),
        ("ربع مليون أسرة", "ar_EG", ARABIC_SOURCE, "match"),
        ("ثلاثمئة ألف أسرة", "ar_EG", ARABIC_SOURCE, "overstated"),
        ("٣٫٥ مليون جنيه", "ar_EG", ARABIC_SOURCE, "match"),
        ("٧٫٢٪", "ar_EG", ARABIC_SOURCE, "match"),
        ("أكثر من ٨ في المئة", "ar_EG", ARABIC_SOURCE, "overstated"),
        ("٣٫٥ مليون دولار", "ar_EG", ARABIC_SOURCE, "not-found"),
        ("أكثر من 1.200 دوار", "ar_MA", MOROCCAN_SOURCE, "match"),
        ("10 ملايير درهم", "ar_MA", MOROCCAN_SOURCE, "match"),
        ("2,37 درهم", "ar_MA", MOROCCAN_SOURCE, "match"),
    ],
)
def test_check_against_a_source(mark: str, locale: str, source: str, status: str) -> None:
    result = check_figure(mark, value=None, unit=None, locale=locale, sources=[_source(source)])
    assert result.status == status, result.summary


@pytest.mark.parametrize(
    ("text", "locale", "counts"),
    [
        # A number written like a year counts the noun after it; after a word of time or a preposition of
        # time, or before a postposition, it is a year.
        ("سلمت الوزارة ٢٠٠٠ وحدة سكنية", "ar", ["٢٠٠٠"]),
        ("نتائج عام ٢٠٢٤ ثم لعام ٢٠٢٥، وفي ٢٠٢٣ كان", "ar", []),
        ("٢٠٢٥م", "ar", []),
        ("الثلاثاء ٢٠ مايو ٢٠٢٥\nأعلنت الوزارة", "ar", []),
        ("منذ ١٥ أبريل ٢٠٢٥ بلغ", "ar", []),
        ("2024 में 2000 पदों पर भर्ती हुई, वर्ष 2023 में नहीं", "hi_IN", ["2000"]),
    ],
)
def test_a_number_written_like_a_year_is_a_count_only_before_its_noun(
    text: str, locale: str, counts: list[str]
) -> None:
    assert [f.text for f in find_source_figures(text, locale)] == counts


@pytest.mark.parametrize(
    ("words", "code", "same"),
    [
        (("किसानों", "किसान"), "hi", True),
        (("जिले", "जिलों", "जिला"), "hi", True),
        (("महिलाओं", "महिला"), "hi", True),
        (("लड़कियों", "लड़की"), "hi", True),
        (("किसान", "मज़दूर"), "hi", False),
        (("مزارعين", "مزارع", "المزارعين", "مزارعون"), "ar", True),
        (("الوحدات", "وحدة", "وحدات"), "ar", True),
        (("مشروعًا", "مشروعات", "مشروع"), "ar", True),
        (("مزارع", "موقع"), "ar", False),
    ],
)
def test_counted_nouns_compare_in_any_number_and_case(words: tuple[str, ...], code: str, same: bool) -> None:
    data = language(code)
    assert data is not None
    assert (len({data.noun_key(word) for word in words}) == 1) is same


@pytest.mark.parametrize(
    ("mark", "locale", "source", "context", "status", "unit"),
    [
        # The source inflects the noun otherwise ("12 जिले" for "बारह जिलों"): the same noun.
        ("बारह जिलों", "hi_IN", "राज्य के 12 जिले बाढ़ से प्रभावित हैं।", "", "match", "जिलों"),
        # The Hindi noun ends the phrase; adjectives come first.
        ("ढाई लाख नए आवास", "hi_IN", "योजना में 2.5 लाख नए आवास बनेंगे।", "", "match", "आवास"),
        # A table's label names the noun in any script.
        ("साढ़े तीन लाख लोग", "hi_IN", "राहत शिविरों में रह रहे लोग: 3,48,210\n", "", "rounded", "लोग"),
        ("3.2 مليون طن", "ar_EG", "بلغت الكميات ٣٫١٨ مليون طن.", "", "rounded", "طن"),
        ("نحو ٣٠٠ ألف مزارع", "ar_EG", "استفاد ٣١٠ آلاف من المزارعين.", "", "match", "مزارع"),
        # Postpositions, currency and number words are no shared topic: 640 crore for tube wells is
        # another amount than the cow shelters' grant.
        (
            "450 करोड़ रुपये",
            "hi_IN",
            "सिंचाई के लिए 2,100 नए नलकूपों के लिए 640 करोड़ रुपये रखे गए हैं।",
            "बजट में गोशालाओं का अनुदान बढ़ाकर 450 करोड़ रुपये कर दिया गया है।",
            "not-found",
            "INR",
        ),
    ],
)
def test_counted_nouns_and_topics_in_hindi_and_arabic(
    mark: str, locale: str, source: str, context: str, status: str, unit: str
) -> None:
    result = check_figure(mark, value=None, unit=None, locale=locale, sources=[_source(source)], context=context)
    assert (result.status, result.basis.unit) == (status, unit), result.summary


def test_a_target_in_arabic_is_not_what_was_done() -> None:
    source = _source("وارتفعت نسبة تملك الأسر للمساكن إلى ٦٥٫٤٪، في طريقها إلى المستهدف البالغ ٧٠٪ بحلول عام ٢٠٣٠.")
    result = check_figure("٧٠ في المائة", value=None, unit=None, locale="ar_SA", sources=[source],
                          context="ارتفعت نسبة تملك الأسر للمساكن إلى ٧٠ في المائة")  # fmt: skip
    assert (result.status, result.basis.candidate) == ("overstated", "65.4"), result.summary


@pytest.mark.parametrize(
    ("context", "status"),
    [
        # The source counts the supplying farmers ("المزارعين الموردين"); the article, those paid the incentive.
        ("صرفت الوزارة حوافز استفاد منها نحو 280 ألف مزارع", "not-found"),
        # An article that names the same group is compared.
        ("بلغ عدد المزارعين الموردين نحو 280 ألف مزارع", "understated"),
    ],
)
def test_an_arabic_count_of_a_group_the_article_does_not_name_is_another_quantity(context: str, status: str) -> None:
    source = _source("وبلغ عدد المزارعين الموردين ٣١٠ آلاف مزارع، وصرفت الوزارة حوافز توريد بقيمة ٢ مليار جنيه.")
    result = check_figure("نحو 280 ألف مزارع", value=None, unit=None, locale="ar_EG", sources=[source], context=context)
    assert result.status == status, result.summary


@pytest.mark.parametrize(("mark", "context", "status", "candidate"), [
    ("32.9%", "وبلغ معدل البطالة بين الذكور 32.9%.", "overstated", "18.2"),
    ("٣٢٫٩٪", "وبلغ معدل البطالة بين الإناث ٣٢٫٩٪.", "match", "32.9"),
])  # fmt: skip
def test_an_arabic_percentage_of_a_group_is_compared_with_that_groups(
    mark: str, context: str, status: str, candidate: str
) -> None:
    # "بين الذكور" (among men) names the group: the women's 32.9% in the same sentence is another share.
    source = _source("وبلغ معدل البطالة بين الذكور ١٨٫٢٪ مقابل ٣٢٫٩٪ بين الإناث.")
    result = check_figure(mark, value=None, unit=None, locale="ar_JO", sources=[source], context=context)
    assert (result.status, result.basis.candidate) == (status, candidate), result.summary


def test_an_english_source_of_a_moroccan_article_writes_its_digits_as_english_does() -> None:
    # ar_MA writes "1.200" for 1,200 and "1,2" for 1.2; an English report it cites writes "1,250%" for 1,250%.
    text = "Food prices have risen by 1,250% since 1990, and 2,500 jobs were lost; inflation was 4.5%."
    values = [str(figure.readings[0].value) for figure in find_source_figures(text, "ar_MA")]
    assert values == ["1250", "2500", "4.5"]
    context = "ارتفعت أسعار الغذاء بنسبة {} منذ 1990."
    wrong = check_figure("1,25%", value=None, unit=None, locale="ar_MA", sources=[_source(text)],
                         context=context.format("1,25%"))  # fmt: skip
    assert wrong.status != "match"
    right = check_figure("1.250%", value=None, unit=None, locale="ar_MA", sources=[_source(text)],
                         context=context.format("1.250%"))  # fmt: skip
    assert (right.status, right.basis.candidate) == ("match", "1250")


@pytest.mark.parametrize(
    ("text", "locale"),
    [("एक-तिहाई", "hi_IN"), ("दो तिहाई", "hi_IN"), ("ثلاثة أرباع السكان", "ar_EG"), ("تسعة أعشار", "ar_EG")],
)
def test_a_count_of_parts_of_a_whole_is_not_read_as_the_count_alone(text: str, locale: str) -> None:
    # "एक-तिहाई" is one third, never 1; "ثلاثة أرباع" three quarters, never 3.
    assert isinstance(read_phrase(text, locale=locale), Unread)
    assert find_source_figures(f"وقالت الوزارة إن {text} تعمل." if locale.startswith("ar") else f"{text} काम करते हैं।",
                               locale) == ()  # fmt: skip
