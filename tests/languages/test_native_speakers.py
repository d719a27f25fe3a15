"""Speakers of quotations in pasted Hindi and Arabic articles, as `suggest` and `new` name them."""

from __future__ import annotations

import pytest

from factsite.lint.discover import suggest_candidates


def _speakers(text: str, locale: str) -> list[str | None]:
    return [f.speaker for f in suggest_candidates(text, locale=locale) if f.kind == "quotation" and f.confidence >= 0.5]


@pytest.mark.parametrize(
    ("text", "locale", "speakers"),
    [
        # Hindi: the speaker before "ने" and the verb, after the last postposition; "उन्होंने" is the one named before.
        (
            "बजट भाषण में वित्त मंत्री ने कहा, “युवाओं को रोजगार देना हमारी सबसे बड़ी प्राथमिकता है।” उन्होंने यह भी कहा कि "
            "“हम अगले दो साल में सभी गांवों को सड़क से जोड़ देंगे।”",
            "hi_IN",
            ["वित्त मंत्री", "वित्त मंत्री"],
        ),
        (
            "आपदा प्रबंधन मंत्री ने परसों पटना में पत्रकारों से कहा, “किसी भी पीड़ित को भूखा नहीं सोने दिया जाएगा।”",
            "hi_IN",
            ["आपदा प्रबंधन मंत्री"],
        ),
        ("तटबंधों के बारे में मंत्री बोले, “सभी तटबंध अभी पूरी तरह सुरक्षित हैं।”", "hi_IN", ["मंत्री"]),
        ("“राहत शिविरों में पर्याप्त दवाइयां उपलब्ध हैं,” जिलाधिकारी ने बताया।", "hi_IN", ["जिलाधिकारी"]),
        ("विशेषज्ञों का कहना है कि “इस साल बारिश सामान्य से बहुत अधिक रही है।”", "hi_IN", ["विशेषज्ञों"]),
        # Arabic: the verb first, the speaker up to a comma, a preposition or a word of time; "وأضاف:" and
        # "مضيفًا:" are the one named before.
        (
            "قال وزير التموين، الأحد، في مؤتمر صحفي، إن «الدولة حريصة على شراء كل حبة قمح»، "
            "مضيفًا: «نتوقع أن يتجاوز التوريد أربعة ملايين طن».",
            "ar_EG",
            ["وزير التموين", "وزير التموين"],
        ),
        (
            "وقالت وزارة المالية في بيان: «الإنفاق على الدعم ارتفع هذا العام». "
            "وأضاف البيان: «البرنامج يشمل كل المحافظات».",
            "ar_EG",
            ["وزارة المالية", "البيان"],
        ),
        (
            "وقال الوزير الأسبوع الماضي: «نستهدف رفع نسبة التملك إلى سبعين في المئة». "
            "وتابع: «المشاريع الجديدة في المدن».",
            "ar_SA",
            ["الوزير", "الوزير"],
        ),
        ("«لن نسمح بأي تأخير في تسليم الوحدات»، قال المتحدث باسم الوزارة.", "ar_SA", ["المتحدث باسم الوزارة"]),
    ],
)
def test_speakers_of_hindi_and_arabic_quotations(text: str, locale: str, speakers: list[str | None]) -> None:
    assert _speakers(text, locale) == speakers


def test_a_quotation_that_names_no_speaker_has_none() -> None:
    assert _speakers("पोस्टर पर लिखा था “सबको पानी, सबको बिजली, सबको काम”।", "hi_IN") == [None]
