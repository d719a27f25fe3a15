"""Hindi (Devanagari): the words the checks read. Data only; `factsite.languages.Language` explains each field.

Spellings vary in print (पाँच/पांच, हज़ार/हजार, पंद्रह/पन्द्रह): nukta, chandrabindu and zero-width joiners
are folded away before lookup (`factsite.languages.script.fold`), so only the other variants are listed.
The words 0-99 agree with number-parser's Hindi table (tests/languages check every one).
"""

SCRIPT = "Deva"
READING_LOCALE = "en_IN"  # digits after mapping read as Indian English writes them: 1,20,000
UNITS = {
    "शून्य": 0, "एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पाँच": 5, "छह": 6, "छः": 6, "छे": 6, "सात": 7,
    "आठ": 8, "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12, "तेरह": 13, "चौदह": 14, "पंद्रह": 15,
    "पन्द्रह": 15, "सोलह": 16, "सत्रह": 17, "अठारह": 18, "उन्नीस": 19, "बीस": 20, "इक्कीस": 21,
    "बाईस": 22, "तेईस": 23, "चौबीस": 24, "पच्चीस": 25, "छब्बीस": 26, "सत्ताईस": 27, "अट्ठाईस": 28,
    "उनतीस": 29, "तीस": 30, "इकतीस": 31, "बत्तीस": 32, "तैंतीस": 33, "चौंतीस": 34, "पैंतीस": 35,
    "छत्तीस": 36, "सैंतीस": 37, "अड़तीस": 38, "उनतालीस": 39, "चालीस": 40, "इकतालीस": 41,
    "बयालीस": 42, "तैंतालीस": 43, "चवालीस": 44, "चौवालीस": 44, "पैंतालीस": 45, "छियालीस": 46,
    "सैंतालीस": 47, "अड़तालीस": 48, "उनचास": 49, "पचास": 50, "इक्यावन": 51, "बावन": 52,
    "तिरेपन": 53, "तिरपन": 53, "चौवन": 54, "पचपन": 55, "छप्पन": 56, "सत्तावन": 57, "अट्ठावन": 58,
    "उनसठ": 59, "साठ": 60, "इकसठ": 61, "बासठ": 62, "तिरेसठ": 63, "तिरसठ": 63, "चौंसठ": 64,
    "पैंसठ": 65, "छियासठ": 66, "सड़सठ": 67, "अड़सठ": 68, "उनहत्तर": 69, "सत्तर": 70, "इकहत्तर": 71,
    "बहत्तर": 72, "तिहत्तर": 73, "चौहत्तर": 74, "पचहत्तर": 75, "छिहत्तर": 76, "सतहत्तर": 77,
    "अठहत्तर": 78, "उनासी": 79, "उन्यासी": 79, "अस्सी": 80, "इक्यासी": 81, "बयासी": 82, "तिरासी": 83,
    "चौरासी": 84, "पचासी": 85, "छियासी": 86, "सत्तासी": 87, "अट्ठासी": 88, "नवासी": 89, "नब्बे": 90,
    "इक्यानबे": 91, "इक्यानवे": 91, "बानबे": 92, "बानवे": 92, "तिरानबे": 93, "तिरानवे": 93,
    "चौरानबे": 94, "चौरानवे": 94, "पंचानबे": 95, "पचानबे": 95, "पंचानवे": 95, "छियानबे": 96,
    "छियानवे": 96, "सत्तानबे": 97, "सत्तानवे": 97, "अट्ठानबे": 98, "अट्ठानवे": 98, "निन्यानबे": 99,
    "निन्यानवे": 99,
}  # fmt: skip
HUNDREDS: dict[str, int] = {}
# Scale words: सौ multiplies within a group ("दो सौ पचास"), the others end one.
SCALES = {
    "सौ": 100, "हज़ार": 1000, "हजार": 1000, "लाख": 10**5, "करोड़": 10**7, "अरब": 10**9, "खरब": 10**11,
    "मिलियन": 10**6, "बिलियन": 10**9,
}  # fmt: skip
PLURAL_SCALES: dict[str, int] = {}
DUAL_SCALES: dict[str, int] = {}
# Fractional forms. Before a count or a scale word: सवा तीन = 3¼, साढ़े तीन लाख = 3½ lakh, पौने दो = 1¾,
# सवा लाख = 1¼ lakh. साढ़े needs a count (there is no "साढ़े लाख").
FRACTION_PREFIXES = {"सवा": "0.25", "साढ़े": "0.5", "साढे": "0.5", "पौने": "-0.25"}
PREFIX_NEEDS_COUNT = ("साढ़े", "साढे")
# Counts of their own: डेढ़ लाख = 1½ lakh, ढाई सौ = 250.
FRACTION_COUNTS = {"डेढ़": "1.5", "डेढ": "1.5", "ढाई": "2.5"}
# Fractions after a scale word ("...and a half"): none in Hindi, which says डेढ़/साढ़े instead.
FRACTIONS_AFTER: dict[str, str] = {}
CONJUNCTIONS: tuple[str, ...] = ()
VAGUE = {
    "सैकड़ों": (200, 999), "हज़ारों": (2_000, 99_999), "हजारों": (2_000, 99_999),
    "लाखों": (200_000, 9_999_999), "करोड़ों": (20_000_000, 999_999_999),
}  # fmt: skip
PERCENT = ("प्रतिशत", "फ़ीसदी", "फीसदी", "फ़ीसद", "फीसद", "%")
CURRENCIES = {
    "रुपये": "INR", "रुपए": "INR", "रुपया": "INR", "रुपयों": "INR", "रु": "INR", "₹": "INR", "Rs": "INR",
    "डॉलर": "USD", "$": "USD", "यूरो": "EUR", "€": "EUR", "पाउंड": "GBP", "£": "GBP",
}  # fmt: skip
# Markers; several words are one marker ("कम से कम"). Hindi puts most bounds after the figure.
MARKERS_BEFORE = {
    "लगभग": "about", "करीब": "about", "क़रीब": "about", "तकरीबन": "about", "तक़रीबन": "about",
    "कम से कम": "at-least", "अधिकतम": "at-most", "सिर्फ": "exact",
}  # fmt: skip
MARKERS_AFTER = {
    "से अधिक": "more-than", "से ज़्यादा": "more-than", "से ज्यादा": "more-than", "से ऊपर": "more-than",
    "से कम": "less-than", "तक": "at-most", "के करीब": "about", "के क़रीब": "about", "के लगभग": "about",
}  # fmt: skip
MONTHS = {
    "जनवरी": 1, "फ़रवरी": 2, "फरवरी": 2, "मार्च": 3, "अप्रैल": 4, "मई": 5, "जून": 6, "जुलाई": 7,
    "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11,
    "दिसंबर": 12, "दिसम्बर": 12,
}  # fmt: skip
WEEKDAYS = {
    "सोमवार": 0, "मंगलवार": 1, "बुधवार": 2, "गुरुवार": 3, "बृहस्पतिवार": 3, "शुक्रवार": 4, "शनिवार": 5,
    "रविवार": 6, "इतवार": 6,
}  # fmt: skip
# Relative dates: the words that name a day, and the units of "N <unit> पहले/बाद".
RELATIVE_DAYS = {"आज": 0}
# कल is yesterday and tomorrow, परसों the day before yesterday and after tomorrow: the verb's tense decides.
AMBIGUOUS_DAYS = {"कल": 1, "परसों": 2}
LAST = ("पिछले", "पिछला", "पिछली", "गत", "बीते")
NEXT = ("अगले", "अगला", "अगली", "आगामी", "आने वाले")
THIS = ("इस",)
UNITS_OF_TIME = {"दिन": "day", "दिनों": "day", "हफ्ते": "week", "हफ़्ते": "week", "हफ्तों": "week",
                 "सप्ताह": "week", "सप्ताहों": "week", "महीने": "month", "महीनों": "month", "माह": "month",
                 "साल": "year", "सालों": "year", "वर्ष": "year", "वर्षों": "year"}  # fmt: skip
AGO = ("पहले", "पूर्व")
LATER = ("बाद",)
SENTENCE_END = "।॥.!?"
DUAL_UNITS_OF_TIME: tuple[str, ...] = ()
FUTURE_MARKERS: tuple[str, ...] = ()
# Hindi future verbs end so ("होगी", "करेंगे", "जाएगा"); a sentence holding one looks ahead.
FUTURE_ENDINGS = ("ेगा", "ेगी", "ेंगे", "ेंगी", "ेगे", "ूंगा", "ूँगा", "ोगे", "ोगा", "ोगी", "ोंगे")
# Doubled words the lint reports. Hindi doubles content words on purpose ("धीरे धीरे", "अलग अलग", "कभी कभी"),
# so only postpositions, particles and auxiliaries written twice are slips.
DOUBLED_FUNCTION_WORDS = ("का", "की", "के", "में", "से", "को", "ने", "पर", "और", "है", "हैं", "था", "थी", "थे", "कि", "भी")
# Counted nouns in any number and case: endings left out to compare them ("किसानों"/"किसान", "जिले"/"जिलों"/"जिला",
# "सड़कें"/"सड़क", "महिलाओं"/"महिला", "लड़कियों"/"लड़की"). The counted noun ends its phrase: "ढाई लाख नए आवास".
NOUN_ENDINGS = ("ियों", "ियां", "ियाँ", "ाओं", "ाएं", "ाएँ", "ों", "ें", "ा", "े", "ी")
NOUN_LAST = True
# Counted nouns that name the same things, as English "people" and "population".
SAME_NOUNS = (("लोग", "व्यक्ति", "आबादी", "जनसंख्या"),)
# Words that say nothing of what a sentence is about: postpositions, auxiliaries, light verbs, pronouns,
# conjunctions. A source figure's sentence shares the article's topic only by the other words.
FUNCTION_WORDS = (
    "का", "की", "के", "में", "से", "को", "ने", "पर", "और", "है", "हैं", "था", "थी", "थे", "कि", "भी", "लिए", "तक",
    "साथ", "बाद", "पहले", "द्वारा", "अनुसार", "मुताबिक", "यह", "ये", "वह", "वे", "इस", "उस", "इन", "उन", "एक", "कर",
    "किया", "किए", "गया", "गई", "गए", "गये", "दिया", "दी", "दिए", "जाएगा", "जाएगी", "जाएंगे", "जाएँगे", "होगा", "होगी",
    "होंगे", "हो", "रहा", "रही", "रहे", "रखा", "रखे", "रखी", "करने", "करना", "करेगी", "करेगा", "या", "तथा", "एवं", "व",
    "लेकिन", "मगर", "जो", "जिस", "जिन", "अब", "कुल", "बढ़ाकर", "मिला", "मिली", "मिले", "हुआ", "हुई", "हुए", "अधिक",
    "ज्यादा", "ज़्यादा", "कम", "करीब", "लगभग",
)  # fmt: skip
# Days of a month as ordinals: "पहली अप्रैल" (the first of April); number words ("एक अप्रैल") are read too.
ORDINAL_DAYS = {"पहली": 1, "दूसरी": 2, "तीसरी": 3, "चौथी": 4}
# Parts of the words that speak of a target (a word holding one: "मौजूदा लक्ष्य", "المستهدف", "تستهدف").
TARGET_WORDS = ("लक्ष्य",)
# Whole lines of page furniture a copy-paste brings along (regular expressions, matched whole).
LEFTOVERS = (r"(?:यह|ये|इसे)\s+भी\s+पढ़ें.*", r"और\s+पढ़ें", r"विज्ञापन", r"शेयर\s+करें", r"फ़ोटो\s*:.*", r"फोटो\s*:.*")
