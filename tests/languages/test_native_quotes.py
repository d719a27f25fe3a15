"""Quotes in Hindi and Arabic: what print varies is folded away, a changed word is found."""

import unicodedata

import pytest

from factsite.checks.quotes import check_quote, normalise_quote_text
from factsite.model import Location, Source

HINDI_SOURCE = (
    "मंत्री ने संसद में कहा: “हम अगले साल तक हर गाँव में बिजली पहुँचाएँगे। यह काम ज़रूरी है, "
    "और इसके लिए धन की कमी नहीं होगी।” उन्होंने बाद में संवाददाताओं से बात की।"
)
ARABIC_SOURCE = (
    "قال الوزير في مؤتمر صحفي: «سنُوصِلُ الكهرباءَ إلى كلِّ قريةٍ بحلول العام المقبل، ولن يكون هناك نقصٌ في "
    "التمويل.» وأضاف أن الخطة تشمل أربعمائة قرية؟ نعم، أربعمائة قرية."
)

HINDI_FAR = (
    HINDI_SOURCE + " संसद में आज कई विधेयकों पर चर्चा हुई। विपक्ष ने सरकार से सवाल पूछे और कई सदस्यों ने अपने क्षेत्र की समस्याएँ"
    " उठाईं। सड़क, पानी और स्कूलों के बारे में लंबी बहस चली। अध्यक्ष ने सदन की कार्यवाही दोपहर तक स्थगित कर दी। दोपहर"
    " के बाद कृषि पर एक रिपोर्ट पेश की गई जिसमें किसानों की आय के आँकड़े थे। शाम को मंत्री ने फिर कहा कि बजट पर चर्चा"
    " अगले सप्ताह होगी।"
)


def _source(text: str, source_id: str = "s") -> Source:
    return Source(id=source_id, title="t", publisher="p", url="https://example.org", location=Location("s.yaml"),
                  text=text)  # fmt: skip


@pytest.mark.parametrize(
    ("quote", "source", "status"),
    [
        # Hindi: verbatim, then the same words in another print form
        ("“हम अगले साल तक हर गाँव में बिजली पहुँचाएँगे।”", HINDI_SOURCE, "verbatim"),
        # anusvara for chandrabindu, no nukta: spelling, shown and not counted, as "defense" for "defence"
        ("“हम अगले साल तक हर गांव में बिजली पहुंचाएंगे।”", HINDI_SOURCE, "verbatim"),
        ("“यह काम जरूरी है”", HINDI_SOURCE, "verbatim"),
        (unicodedata.normalize("NFD", "“यह काम ज़रूरी है”"), HINDI_SOURCE, "verbatim"),  # decomposed nukta
        ("“यह काम ज़\u200dरूरी है”", HINDI_SOURCE, "verbatim"),  # a zero-width joiner
        # Hindi: changed word, ellipsis, splice
        ("“हम अगले साल तक हर शहर में बिजली पहुँचाएँगे।”", HINDI_SOURCE, "altered"),
        ("“हम ... हर गाँव में बिजली पहुँचाएँगे।”", HINDI_SOURCE, "verbatim-with-marked-edits"),
        ("“धन की कमी होगी”", HINDI_SOURCE, "altered"),
        ("“हम अगले साल तक हर गाँव में बिजली पहुँचाएँगे। बजट पर चर्चा अगले सप्ताह होगी।”", HINDI_FAR, "spliced"),
        # Arabic: without tashkeel, with tatweel, with other hamza and alef forms
        ("«سنوصل الكهرباء إلى كل قرية بحلول العام المقبل»", ARABIC_SOURCE, "verbatim"),
        ("«سنوصل الكهربـــاء إلى كل قرية بحلول العام المقبل»", ARABIC_SOURCE, "verbatim"),
        ("«سنوصل الكهرباء الى كل قرية بحلول العام المقبل»", ARABIC_SOURCE, "verbatim"),  # alef form: spelling
        ("«سَنُوصِلُ الكَهْرَباءَ إلى كلِّ قريةٍ»", ARABIC_SOURCE, "verbatim"),  # tashkeel of its own
        # Arabic: changed word, ellipsis, splice
        ("«سنوصل الكهرباء إلى كل مدينة بحلول العام المقبل»", ARABIC_SOURCE, "altered"),
        ("«سنوصل الكهرباء ... بحلول العام المقبل»", ARABIC_SOURCE, "verbatim-with-marked-edits"),
        ("«ولن يكون هناك نقص في التمويل»", ARABIC_SOURCE, "verbatim"),
        ("«سيكون هناك نقص في التمويل»", ARABIC_SOURCE, "altered"),
    ],
)
def test_quote(quote: str, source: str, status: str) -> None:
    result = check_quote(quote, sources=[_source(source)])
    assert result.status == status, result.summary


def test_an_omitted_negation_may_change_the_meaning() -> None:
    result = check_quote("“इसके लिए धन की कमी ... होगी”", sources=[_source(HINDI_SOURCE)])
    assert result.status == "edit-may-change-meaning", result.summary
    result = check_quote("«و... يكون هناك نقص في التمويل»", sources=[_source(ARABIC_SOURCE)])
    assert result.status in ("edit-may-change-meaning", "altered"), result.summary


def test_a_negation_with_a_glued_conjunction_is_a_negation() -> None:
    # "ولن" is "and will not": the ellipsis hides a negation, as "... be" for "and will not be" would.
    quote = "«سنوصل الكهرباء إلى كل قرية بحلول العام المقبل ... يكون هناك نقص في التمويل»"
    result = check_quote(quote, sources=[_source(ARABIC_SOURCE)])
    assert result.status == "edit-may-change-meaning", result.summary
    assert [word for edit in result.details.best.meaning_edits for word in edit.carriers] == ["ولن"]


@pytest.mark.parametrize(
    ("quote", "status"),
    [
        # "ما لم" (unless) governs its whole sentence, past the Arabic comma.
        ("«سنفتح المستشفى في مارس...»", "edit-may-change-meaning"),
        ("«سنفتح المستشفى في مارس ... وسنوظف مئة طبيب»", "edit-may-change-meaning"),
        # The Arabic comma ends a clause: the negation of another clause does not govern the kept words.
        ("«سنوظف مئة طبيب ... لن نغلق أي مستوصف»", "verbatim-with-marked-edits"),
        ("«سنوظف مئة طبيب، ... نرفع الرسوم»", "edit-may-change-meaning"),  # hides "ولن"
    ],
)
def test_arabic_clauses_and_conditions(quote: str, status: str) -> None:
    source = _source(
        "قال الوزير: «سنفتح المستشفى في مارس، ما لم تتأخر الأشغال، وسنوظف مئة طبيب. سنوظف مئة طبيب، ولن نرفع "
        "الرسوم، لكننا لن نغلق أي مستوصف».",
    )
    result = check_quote(quote, sources=[source])
    assert result.status == status, result.summary


def test_spelling_variants_are_named() -> None:
    result = check_quote("“यह काम जरूरी है”", sources=[_source(HINDI_SOURCE)])
    assert result.summary.endswith("word for word (spelling aside).")
    notes = [token.note for token in result.details.matches[0].diff if token.operation == "minor"]
    assert notes == ["spelling variant"]


def test_arabic_punctuation_is_punctuation() -> None:
    # The Arabic comma and question mark are the comma and question mark; the danda ends a sentence.
    assert normalise_quote_text("نعم، أربعمائة قرية؟") == normalise_quote_text("نعم, اربعمائة قرية?")
    assert normalise_quote_text("यह काम ज़रूरी है।") == normalise_quote_text("यह काम जरूरी है.")


def test_words_are_not_split_at_matras() -> None:
    assert normalise_quote_text("पहुँचाएँगे") == "पहुंचाएंगे"


@pytest.mark.parametrize(
    ("source", "quote", "status"),
    [
        # A hidden clause that points back at the kept words ("ऐसा", "وهذا") negates them.
        (
            "उन्होंने कहा: “सभी भर्तियां इसी साल पूरी हों, ऐसा संभव नहीं है, लेकिन परीक्षाओं का कैलेंडर इसी महीने जारी होगा।”",
            "“सभी भर्तियां इसी साल पूरी हों ... परीक्षाओं का कैलेंडर इसी महीने जारी होगा।”",
            "edit-may-change-meaning",
        ),
        (
            "قال الوزير: «سيتم تسليم كل الوحدات هذا العام، وهذا غير ممكن في بعض المدن، لكن الجدول سيصدر الشهر المقبل».",
            "«سيتم تسليم كل الوحدات هذا العام ... لكن الجدول سيصدر الشهر المقبل»",
            "edit-may-change-meaning",
        ),
        # A hidden clause of its own ("we will not raise prices") says nothing of the kept words.
        (
            "قال الوزير: «سيتم تسليم كل الوحدات هذا العام، ولن نرفع الأسعار، لكن الجدول سيصدر الشهر المقبل».",
            "«سيتم تسليم كل الوحدات هذا العام ... لكن الجدول سيصدر الشهر المقبل»",
            "verbatim-with-marked-edits",
        ),
    ],
)
def test_a_hidden_clause_pointing_back_at_the_kept_words_carries_its_negation(
    source: str, quote: str, status: str
) -> None:
    assert check_quote(quote, sources=[_source(source)]).status == status


def test_a_number_is_the_same_in_any_digits() -> None:
    source = _source("قال الوزير: «سنخفض البطالة إلى ١٨٪ خلال عامين إذا استمر النمو الاقتصادي».")
    assert check_quote("«سنخفض البطالة إلى 18% خلال عامين»", sources=[source]).status == "verbatim"
    assert check_quote("«سنخفض البطالة إلى 18% خلال عامين...»", sources=[source]).status == "edit-may-change-meaning"
    assert check_quote("«سنخفض البطالة إلى 15% خلال عامين»", sources=[source]).status == "altered"
    hindi = _source("मंत्री ने कहा: “इस साल २५ नए अस्पताल खुलेंगे।”")
    assert check_quote("“इस साल 25 नए अस्पताल खुलेंगे।”", sources=[hindi]).status == "verbatim"


HINDI_TURN = (
    "गन्ना मंत्री: इस सत्र में किसानों को रिकॉर्ड भुगतान हुआ है। किसी भी मिल को बकाया रोकने की छूट नहीं दी जाएगी। जो मिलें "
    "समय पर भुगतान नहीं करेंगी, उनके खिलाफ आरसी जारी होगी। सात मिलों के खिलाफ आरसी जारी की जा चुकी है।"
)


@pytest.mark.parametrize(
    ("quote", "status"),
    [
        # The danda ends a sentence: the whole sentence between the kept ones (with its नहीं) does not count.
        (
            "“इस सत्र में किसानों को रिकॉर्ड भुगतान हुआ है। ... जो मिलें समय पर भुगतान नहीं करेंगी, उनके खिलाफ आरसी जारी होगी।”",
            "verbatim-with-marked-edits",
        ),
        # A whole sentence opening with जो is left out whole: it is no clause of the kept sentence.
        (
            "“किसी भी मिल को बकाया रोकने की छूट नहीं दी जाएगी। ... सात मिलों के खिलाफ आरसी जारी की जा चुकी है।”",
            "verbatim-with-marked-edits",
        ),
        # Words left out of a kept sentence still count.
        ("“जो मिलें समय पर भुगतान ... करेंगी, उनके खिलाफ आरसी जारी होगी।”", "edit-may-change-meaning"),
    ],
)
def test_whole_sentences_left_out_between_kept_ones_do_not_count(quote: str, status: str) -> None:
    assert check_quote(quote, sources=[_source(HINDI_TURN)]).status == status


ARABIC_TARIFF = (
    "وزير التجهيز والماء: أما بالنسبة للتسعيرة، فسيستفيد 4,2 مليون مشترك من الشطر الاجتماعي دون أي زيادة في الثمن. "
    "ولن تهم المراجعة سوى الأشطر العليا من الاستهلاك."
)


@pytest.mark.parametrize(
    ("quote", "status"),
    [
        # The quote's first word may leave out the "so" (ف) or "and" (و) glued to it, as "We will" quotes
        # "And we will".
        ("«سيستفيد 4,2 مليون مشترك من الشطر الاجتماعي دون أي زيادة في الثمن»", "verbatim"),
        ("«لن تهم المراجعة سوى الأشطر العليا من الاستهلاك»", "verbatim"),
        # ... and then a bracket standing for the number hides it.
        ("«سيستفيد [كل المشتركين] من الشطر الاجتماعي دون أي زيادة في الثمن»", "edit-may-change-meaning"),
        # Only a conjunction, and only at the quote's first word: a later word without it is changed.
        ("«من الشطر الاجتماعي دون أي زيادة في الثمن. لن تهم المراجعة سوى الأشطر العليا»", "altered"),
    ],
)
def test_a_quote_may_start_without_the_conjunction_glued_to_its_first_word(quote: str, status: str) -> None:
    assert check_quote(quote, sources=[_source(ARABIC_TARIFF)]).status == status


def test_a_preposition_glued_to_the_first_word_is_not_a_conjunction() -> None:
    # "حلول" for "بحلول" (by) drops the preposition: a changed word.
    result = check_quote("«حلول العام المقبل، ولن يكون هناك نقص في التمويل»", sources=[_source(ARABIC_SOURCE)])
    assert result.status == "altered"


# A word or two added at the end of a quoted sentence are words added, not a passage spliced in, even where the
# sentence is the last before an excerpt's "[...]" and the source has the words after it.

ARABIC_INTERVIEW = (
    "المذيع: وفترة انتظار القرض بعد استلام القسيمة؟\n\n"
    "فهد الراشد: متوسط الانتظار اليوم أربعة عشر شهرًا. سنعمل على تقليص فترة انتظار القرض إلى ستة أشهر.\n\n[...]\n\n"
    "فهد الراشد: فقط الطلبات المكتملة تدخل الدور. وبالنسبة لقروض الترميم، سنفتح باب التسجيل من ٦ ديسمبر.\n"
)
ARABIC_RELEASE = (
    "قال المدير العام إن متوسط الانتظار اليوم أربعة عشر شهرًا، وأضاف: «سنعمل على تقليص فترة انتظار القرض إلى ستة "
    "أشهر». وأوضح أن البنك سيقبل الطلبات الإلكترونية فقط، ولن يقبل أي طلب ورقي بعد اليوم."
)
HINDI_INTERVIEW = (
    "एंकर: और प्रतीक्षा अवधि?\n\n"
    "श्री राम कुमार: आज औसत प्रतीक्षा चौदह महीने है। हम प्रतीक्षा अवधि को घटाकर छह महीने करेंगे।\n\n[...]\n\n"
    "श्री राम कुमार: केवल पूरे आवेदन ही स्वीकार किए जाएँगे। पंजीकरण इसी साल दिसंबर में खुलेगा।\n"
)
HINDI_RELEASE = (
    "निदेशक ने कहा कि आज औसत प्रतीक्षा चौदह महीने है। उन्होंने कहा, “हम प्रतीक्षा अवधि को घटाकर छह महीने करेंगे।” "
    "उन्होंने बताया कि केवल ऑनलाइन आवेदन लिए जाएँगे और पंजीकरण इसी साल दिसंबर में खुलेगा।"
)


@pytest.mark.parametrize(
    ("quote", "source", "speaker", "added"),
    [
        # فقط (only) added: the next turn after the gap opens with فقط, and the release has it in another sentence.
        ("«سنعمل على تقليص فترة انتظار القرض إلى ستة أشهر فقط»", ARABIC_INTERVIEW, "فهد الراشد", 1),
        ("«سنعمل على تقليص فترة انتظار القرض إلى ستة أشهر فقط»", ARABIC_RELEASE, None, 1),
        ("«سنعمل على تقليص فترة انتظار القرض إلى ستة أشهر بعد اليوم»", ARABIC_RELEASE, None, 2),
        # इसी साल (this year) added: the source says it of the registration, after the gap or in the next sentence.
        ("“हम प्रतीक्षा अवधि को घटाकर छह महीने करेंगे, इसी साल।”", HINDI_INTERVIEW, "श्री राम कुमार", 2),
        ("“हम प्रतीक्षा अवधि को घटाकर छह महीने करेंगे, इसी साल।”", HINDI_RELEASE, None, 2),
        ("“हम प्रतीक्षा अवधि को घटाकर केवल छह महीने करेंगे।”", HINDI_INTERVIEW, "श्री राम कुमार", 1),
    ],
)
def test_a_word_or_two_added_to_a_sentence_are_added_not_spliced(
    quote: str, source: str, speaker: str | None, added: int
) -> None:
    result = check_quote(quote, sources=[_source(source)], speaker=speaker)
    assert result.status == "altered", result.summary
    best = result.details.best
    assert (best.words_added, best.words_dropped, best.words_changed, best.joints) == (added, 0, 0, ())
    assert len(best.passages) == 1


def test_a_whole_arabic_sentence_from_across_an_excerpt_gap_is_spliced() -> None:
    quote = "«سنعمل على تقليص فترة انتظار القرض إلى ستة أشهر. فقط الطلبات المكتملة تدخل الدور»"
    result = check_quote(quote, sources=[_source(ARABIC_INTERVIEW)], speaker="فهد الراشد")
    assert result.status == "spliced", result.summary
    assert len(result.details.best.passages) == 2
