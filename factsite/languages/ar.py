"""Arabic: the words the checks read. Data only; `factsite.languages.Language` explains each field.

Tashkeel, tatweel, hamza and alef forms (أ إ آ ٱ → ا), alef maqsura (ى → ي) and ta marbuta (ة → ه) are folded
away before lookup (`factsite.languages.script.fold`), so "مائة", "مئة" and "مِئَة" are one word; only the
other variants are listed. Gender forms are both listed (ثلاثة/ثلاث). A conjunction "و" glued to a number
word joins it to the one before ("خمسة وعشرون").
"""

SCRIPT = "Arab"
READING_LOCALE = "en_US"  # after mapping ٫ and ٬ to . and , digits read as 1,234.5
_UNITS = {
    "صفر": 0, "واحد": 1, "واحدة": 1, "إحدى": 1, "أحد": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2,
    "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4,
    "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8,
    "ثمان": 8, "تسعة": 9, "تسع": 9,
}  # fmt: skip
_TENS = {
    "عشرة": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80,
    "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}  # fmt: skip
UNITS = {**_UNITS, **_TENS}
# "عشر"/"عشرة" after a unit makes a teen: ثلاثة عشر = 13, إحدى عشرة = 11.
TEEN_SUFFIXES = ("عشر", "عشرة")
HUNDREDS = {
    "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مئتا": 200, "مائتان": 200, "مائتين": 200,
    "مائتا": 200, "مئتي": 200, "مائتي": 200,
    "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400, "أربعمائة": 400, "خمسمئة": 500,
    "خمسمائة": 500, "ستمئة": 600, "ستمائة": 600, "سبعمئة": 700, "سبعمائة": 700, "ثمانمئة": 800,
    "ثمانمائة": 800, "ثمانيمئة": 800, "تسعمئة": 900, "تسعمائة": 900,
}  # fmt: skip
# A scale word ends a group: "ثلاثة ملايين وخمسمئة ألف" = 3,500,000. "ألفًا" (accusative, after 11-99) folds
# to "الفا", which is also the dual's construct form: it is read only after a count.
# Babel's (CLDR's) compact number formats name ألف, آلاف, مليون, ملايين, مليار and ترليون for every Arabic locale
# (tests/languages checks the table holds them); the other forms are written here.
SCALES = {
    "ألف": 1000, "ألفا": 1000, "مليون": 10**6, "مليونا": 10**6, "مليار": 10**9, "مليارا": 10**9,
    "بليون": 10**9, "تريليون": 10**12, "ترليون": 10**12,
}  # fmt: skip
# Plurals need a count of 3-10 before them ("ثلاثة آلاف"); alone they are vague ("آلاف" = thousands).
# ملايير is the Maghreb's plural of مليار ("10 ملايير درهم", Morocco, Algeria, Tunisia).
PLURAL_SCALES = {
    "آلاف": 1000, "ألوف": 1000, "ملايين": 10**6, "مليارات": 10**9, "ملايير": 10**9, "تريليونات": 10**12,
    "ترليونات": 10**12,
}  # fmt: skip
# The long vowels: a word after a number whose letters without them are a scale word's ("ملايير" and "مليار" are
# م ل ر) is taken for a form of it the table lacks, and the figure is left unread rather than read without it.
LONG_VOWELS = "اوي"
# Duals are two of the scale, with no count: ألفان = 2,000, مليونان = 2,000,000; before the noun they count
# (construct state) the final ن drops: "ألفا وحدة", "ألفي وحدة", "ملياري جنيه".
DUAL_SCALES = {
    "ألفان": 1000, "ألفين": 1000, "ألفي": 1000, "مليونان": 10**6, "مليونين": 10**6, "مليونا": 10**6,
    "مليوني": 10**6, "ملياران": 10**9, "مليارين": 10**9, "مليارا": 10**9, "ملياري": 10**9,
}  # fmt: skip
FRACTION_PREFIXES: dict[str, str] = {}
PREFIX_NEEDS_COUNT: tuple[str, ...] = ()
# Fractions that count a scale: نصف مليون = 500,000, ربع مليار = 250,000,000.
FRACTION_COUNTS = {"نصف": "0.5", "ربع": "0.25"}
# "...and a half/quarter" after a scale word: مليون ونصف = 1,500,000 (read with the conjunction).
FRACTIONS_AFTER = {"نصف": "0.5", "ربع": "0.25"}
CONJUNCTIONS = ("و",)
VAGUE = {
    "عشرات": (20, 99), "مئات": (200, 999), "آلاف": (2_000, 9_999), "عشرات الآلاف": (20_000, 99_999),
    "مئات الآلاف": (200_000, 999_999), "ملايين": (2_000_000, 999_999_999),
}  # fmt: skip
PERCENT = ("في المئة", "في المائة", "بالمئة", "بالمائة", "%", "٪")
CURRENCIES = {
    "جنيه إسترليني": "GBP", "دولار": "USD", "دولارا": "USD", "دولارات": "USD", "$": "USD", "يورو": "EUR",
    "ريال": "riyal", "ريالا": "riyal", "ريالات": "riyal", "جنيه": "pound", "جنيها": "pound",
    "جنيهات": "pound", "درهم": "dirham", "درهما": "dirham", "دراهم": "dirham", "دينار": "dinar",
    "دينارا": "dinar", "دنانير": "dinar",
}  # fmt: skip
# A currency word names the country's currency: ريال is SAR in ar_SA, QAR in ar_QA. Where the locale names
# no country with that currency, the word stays a currency of its own ("riyal") and compares only with itself.
CURRENCY_BY_COUNTRY = {
    "riyal": {"SA": "SAR", "QA": "QAR", "OM": "OMR", "YE": "YER"},
    "pound": {"EG": "EGP", "SD": "SDG", "LB": "LBP", "SY": "SYP"},
    "dirham": {"AE": "AED", "MA": "MAD"},
    "dinar": {"JO": "JOD", "KW": "KWD", "BH": "BHD", "IQ": "IQD", "LY": "LYD", "TN": "TND", "DZ": "DZD"},
}
MARKERS_BEFORE = {
    "حوالي": "about", "حوالى": "about", "نحو": "about", "قرابة": "about", "زهاء": "about",
    "ما يقارب": "about", "ما يقرب من": "about", "أكثر من": "more-than", "ما يزيد على": "more-than",
    "ما يزيد عن": "more-than", "أقل من": "less-than", "ما لا يقل عن": "at-least", "ما يصل إلى": "at-most",
}  # fmt: skip
MARKERS_AFTER = {"على الأقل": "at-least", "تقريبا": "about"}
MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
    "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8,
    "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}  # fmt: skip
WEEKDAYS = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5,
    "الأحد": 6,
}  # fmt: skip
RELATIVE_DAYS = {"اليوم": 0, "أمس": -1, "البارحة": -1, "غدا": 1, "أول أمس": -2}
LAST = ("الماضي", "الماضية", "المنصرم", "المنصرمة", "السابق", "السابقة")
NEXT = ("المقبل", "المقبلة", "القادم", "القادمة")
THIS = ("هذا", "هذه")
UNITS_OF_TIME = {"يوم": "day", "يوما": "day", "أيام": "day", "يومين": "day", "يومان": "day",
                 "أسبوع": "week", "أسابيع": "week", "أسبوعين": "week", "أسبوعا": "week",
                 "شهر": "month", "أشهر": "month", "شهور": "month", "شهرين": "month", "شهرا": "month",
                 "سنة": "year", "سنوات": "year", "سنتين": "year", "عام": "year", "أعوام": "year",
                 "عامين": "year", "عاما": "year"}  # fmt: skip
AGO = ("منذ", "قبل")
LATER = ("بعد",)
SENTENCE_END = ".!?؟"
# Duals of units of time: two of them, with no count ("منذ يومين", two days ago).
DUAL_UNITS_OF_TIME = ("يومين", "يومان", "أسبوعين", "أسبوعان", "شهرين", "شهران", "سنتين", "سنتان", "عامين", "عامان")
FUTURE_MARKERS = ("سوف", "سيتم")
# Words of the future tense glued to a verb ("سيعقد", will hold): a word starting so, not a noun of this list.
FUTURE_PREFIXES = ("سي", "ست", "سن")
NOT_FUTURE = ("سيارة", "سيارات", "سياسة", "سياسي", "سيطرة", "ستة", "ستين", "سنة", "سنوات", "سنوي", "سيدة", "سينما")
# Doubled words the lint reports: prepositions and particles written twice. Arabic repeats some words on
# purpose ("رويدا رويدا", "شيئا فشيئا"), so content words are left alone.
DOUBLED_FUNCTION_WORDS = ("في", "من", "على", "إلى", "عن", "أن", "إن", "التي", "الذي", "هذا", "هذه", "قد", "لا")
# Days of a month as ordinals: "الأول من نيسان" (the first of April).
ORDINAL_DAYS = {
    "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7, "الثامن": 8,
    "التاسع": 9, "العاشر": 10,
}  # fmt: skip
# Months of the Hijri calendar, read with a day and converted by the Umm al-Qura calendar ("١٨ رمضان ١٤٤٦هـ").
HIJRI_MONTHS = {
    "محرم": 1, "المحرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع أول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "ربيع ثاني": 4, "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}  # fmt: skip
# Counted nouns in any number and case: the article and clitics glued in front, and the endings of sound plurals,
# duals, the feminine and the accusative, left out to compare them ("مزارعين"/"مزارع", "الوحدات"/"وحدة",
# "مشروعًا"/"مشروعات"). Broken plurals (أسر, مدن) are other words. The noun comes first: "ألفي وحدة سكنية".
NOUN_PREFIXES = ("ال", "وال", "بال", "لل", "فال", "كال")
NOUN_ENDINGS = ("ات", "ين", "ون", "ان", "ة", "ا")
NOUN_STEM_MIN = 3
SAME_NOUNS = (("شخص", "أشخاص", "مواطن", "مواطنين", "فرد", "أفراد", "نسمة"), ("أسرة", "أسر", "عائلة", "عائلات"))
# Words that say nothing of what a sentence is about: prepositions, particles, pronouns, reporting verbs.
FUNCTION_WORDS = (
    "في", "من", "على", "إلى", "عن", "أن", "إن", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "قد", "لا", "لم",
    "لن", "ما", "مع", "بين", "خلال", "حتى", "بعد", "قبل", "كما", "أو", "ثم", "هو", "هي", "هم", "كان", "كانت", "تم",
    "يتم", "وقد", "قال", "وقال", "أضاف", "وأضاف", "أشار", "وأشار", "ضمن", "نحو", "حوالي", "أكثر", "أقل", "عدد", "بلغ",
    "وبلغ", "بلغت", "وبلغت", "بقيمة", "إجمالي", "فيما", "منها", "منه", "فيها", "إذ", "وفي", "ومن", "بنسبة",
)  # fmt: skip
# Parts of the words that speak of a target (a word holding one: "मौजूदा लक्ष्य", "المستهدف", "تستهدف").
TARGET_WORDS = ("هدف", "ستهدف")
# Before a number written like a year, these make it a year ("في ٢٠٢٣", "منذ ٢٠٢٠"), not a count ("٢٠٠٠ وحدة").
YEAR_PREPOSITIONS = ("في", "منذ", "حتى", "خلال", "قبل", "بعد", "عن")
LEFTOVERS = (r"اقرأ\s+(?:أيضا|أيضاً|المزيد).*", r"إعلان", r"شارك(?:\s+المقال)?", r"تابعونا.*", r"صورة\s*:.*")
