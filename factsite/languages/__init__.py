"""The languages factsite reads besides English: each is a data module (`hi.py`, `ar.py`).

Adding a language is adding a module with the same names (see docs/languages.md): its number words, scale
words, fractional forms, currencies, percent words, approximate markers, month and day names and the words of
relative dates. The code that reads them (`factsite.checks.figures.native`, `factsite.checks.dates.native`)
is shared. English is read by the engine in `factsite.checks` and has no module here.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
from dataclasses import dataclass
from decimal import Decimal
from types import ModuleType

from babel import Locale, UnknownLocaleError

from factsite.languages.script import WORD_PATTERN, dominant_script, fold

LANGUAGES = ("hi", "ar")
# Script -> the language a pasted article in it is taken to be, and the locale `new`/`suggest` give it.
SCRIPT_LOCALES = {"Deva": "hi_IN", "Arab": "ar"}


def _folded(table: dict[str, object]) -> dict[str, object]:
    return {fold(key): value for key, value in table.items()}


@dataclass(frozen=True)
class Language:
    """One language's words, folded (`script.fold`) for lookup. Phrases of several words are tuples."""

    code: str
    script: str
    reading_locale: str
    units: dict[str, int]  # number words that are counts: एक, ثلاثة, पच्चीस, عشرون
    teen_suffixes: frozenset[str]  # Arabic "عشر": a unit before it becomes a teen
    hundreds: dict[str, int]  # words worth a whole hundreds (ثلاثمئة)
    scales: dict[str, int]  # scale words: सौ, लाख, ألف, مليون
    plural_scales: dict[str, int]  # need a count of 3-10 before them: آلاف
    dual_scales: dict[str, int]  # two of the scale, with no count: ألفان
    fraction_prefixes: dict[str, Decimal]  # सवा +¼, साढ़े +½, पौने -¼ of the count or scale after
    prefix_needs_count: frozenset[str]
    fraction_counts: dict[str, Decimal]  # counts that are fractions: डेढ़ 1.5, نصف 0.5
    fractions_after: dict[str, Decimal]  # "and a half" after a scale word: (و)نصف
    conjunctions: tuple[str, ...]  # glued to a number word: و
    vague: dict[tuple[str, ...], tuple[int, int]]
    percent: frozenset[tuple[str, ...]]
    currencies: dict[tuple[str, ...], str]
    currency_by_country: dict[str, dict[str, str]]
    markers_before: dict[tuple[str, ...], str]
    markers_after: dict[tuple[str, ...], str]
    months: dict[tuple[str, ...], int]
    weekdays: dict[str, int]
    relative_days: dict[tuple[str, ...], int]
    last: frozenset[str]
    next: frozenset[str]
    this: frozenset[str]
    units_of_time: dict[str, str]
    ago: frozenset[str]
    later: frozenset[str]
    sentence_end: str
    dual_units_of_time: frozenset[str] = frozenset()
    future_markers: frozenset[str] = frozenset()  # words: سوف
    future_endings: tuple[str, ...] = ()  # verb endings: होगी, करेंगे
    future_prefixes: tuple[str, ...] = ()  # glued to a verb: سيعقد
    not_future: frozenset[str] = frozenset()  # nouns that start like a future verb: سيارة
    ambiguous_days: dict[str, int] = dataclasses.field(default_factory=dict)  # कल: 1 day either way
    doubled_function_words: frozenset[str] = frozenset()  # the lint's doubled words ("में में")
    leftovers: tuple[str, ...] = ()  # regular expressions of whole lines of page furniture
    year_prepositions: frozenset[str] = frozenset()  # before a number written like a year, make it one: في
    noun_prefixes: tuple[str, ...] = ()  # glued in front of a noun, left out to compare it: ال, بال
    noun_endings: tuple[str, ...] = ()  # number and case endings, left out to compare nouns: ों, ين, ات
    noun_stem_min: int = 2  # letters a noun keeps when an ending is left out
    same_nouns: tuple[frozenset[str], ...] = ()  # counted nouns that name the same things (keys)
    noun_last: bool = False  # the counted noun ends its phrase ("ढाई लाख नए आवास"): adjectives come first
    function_words: frozenset[str] = frozenset()  # words that say nothing of what a sentence is about
    target_words: tuple[str, ...] = ()  # parts of the words of a target: लक्ष्य, هدف (مستهدف, تستهدف)
    hijri_months: dict[tuple[str, ...], int] = dataclasses.field(default_factory=dict)  # رمضان: 9
    ordinal_days: dict[str, int] = dataclasses.field(default_factory=dict)  # days in words: पहली, الأول
    long_vowels: str = ""  # letters left out of a word's skeleton: ا و ي
    scale_skeletons: frozenset[str] = frozenset()  # the skeletons of the scale words: م ل ر (مليار, ملايير)

    def noun_key(self, word: str) -> str:
        """A noun as compared in any number and case: "किसानों" and "किसान", "जिले" and "जिला", "مزارعين" and
        "مزارع", "الوحدات" and "وحدة" have one key. A key is for comparing only, never shown."""
        key = fold(word)
        for prefix in self.noun_prefixes:
            if key.startswith(prefix) and len(key) - len(prefix) >= self.noun_stem_min:
                key = key[len(prefix) :]
                break
        for ending in self.noun_endings:
            if key.endswith(ending) and len(key) - len(ending) >= self.noun_stem_min:
                return key[: -len(ending)]
        return key

    def skeleton(self, key: str) -> str:
        """A folded word without its long vowels: "ملايير" and "مليار" are "ملر"."""
        return "".join(letter for letter in key if letter not in self.long_vowels)

    def looks_like_scale(self, key: str) -> bool:
        """Whether a folded word the tables do not hold has a scale word's letters ("ملايير" when only
        "مليار" is known): read after a number it may be a scale word, so the figure is not read without it."""
        return bool(self.long_vowels) and self.skeleton(key) in self.scale_skeletons

    def currency(self, key: str, locale: str) -> str:
        """The ISO code of a currency word in `locale` ("riyal" in ar_SA: SAR), or the word's own id."""
        country = locale.replace("-", "_").split("_")[1] if "_" in locale.replace("-", "_") else ""
        return self.currency_by_country.get(key, {}).get(country, key)


def _phrases(table: dict[str, object]) -> dict[tuple[str, ...], object]:
    return {tuple(fold(word) for word in key.split()): value for key, value in table.items()}


@functools.cache
def language(code: str) -> Language | None:
    """The data of a language ("hi", "ar"), or None when factsite has none (English is the engine's own)."""
    if code not in LANGUAGES:
        return None
    data: ModuleType = importlib.import_module(f"factsite.languages.{code}")

    def get(name: str, default: object) -> object:
        return getattr(data, name, default)

    data_language = Language(
        code=code,
        script=data.SCRIPT,
        reading_locale=data.READING_LOCALE,
        units=_folded(data.UNITS),  # type: ignore[arg-type]
        teen_suffixes=frozenset(fold(w) for w in get("TEEN_SUFFIXES", ())),  # type: ignore[attr-defined]
        hundreds=_folded(data.HUNDREDS),  # type: ignore[arg-type]
        scales=_folded(data.SCALES),  # type: ignore[arg-type]
        plural_scales=_folded(data.PLURAL_SCALES),  # type: ignore[arg-type]
        dual_scales=_folded(data.DUAL_SCALES),  # type: ignore[arg-type]
        fraction_prefixes={fold(k): Decimal(v) for k, v in data.FRACTION_PREFIXES.items()},
        prefix_needs_count=frozenset(fold(w) for w in data.PREFIX_NEEDS_COUNT),
        fraction_counts={fold(k): Decimal(v) for k, v in data.FRACTION_COUNTS.items()},
        fractions_after={fold(k): Decimal(v) for k, v in data.FRACTIONS_AFTER.items()},
        conjunctions=tuple(fold(w) for w in data.CONJUNCTIONS),
        vague=_phrases(data.VAGUE),  # type: ignore[arg-type]
        percent=frozenset(tuple(fold(w) for w in p.split()) for p in data.PERCENT),
        currencies=_phrases(data.CURRENCIES),  # type: ignore[arg-type]
        currency_by_country=get("CURRENCY_BY_COUNTRY", {}),  # type: ignore[arg-type]
        markers_before=_phrases(data.MARKERS_BEFORE),  # type: ignore[arg-type]
        markers_after=_phrases(data.MARKERS_AFTER),  # type: ignore[arg-type]
        months=_phrases(data.MONTHS),  # type: ignore[arg-type]
        weekdays=_folded(data.WEEKDAYS),  # type: ignore[arg-type]
        relative_days=_phrases(data.RELATIVE_DAYS),  # type: ignore[arg-type]
        last=frozenset(fold(w) for w in data.LAST),
        next=frozenset(fold(w) for w in data.NEXT),
        this=frozenset(fold(w) for w in data.THIS),
        units_of_time=_folded(data.UNITS_OF_TIME),  # type: ignore[arg-type]
        ago=frozenset(fold(w) for w in data.AGO),
        later=frozenset(fold(w) for w in data.LATER),
        sentence_end=data.SENTENCE_END,
        dual_units_of_time=frozenset(fold(w) for w in get("DUAL_UNITS_OF_TIME", ())),  # type: ignore[attr-defined]
        future_markers=frozenset(fold(w) for w in get("FUTURE_MARKERS", ())),  # type: ignore[attr-defined]
        future_endings=tuple(fold(w) for w in get("FUTURE_ENDINGS", ())),  # type: ignore[attr-defined]
        future_prefixes=tuple(fold(w) for w in get("FUTURE_PREFIXES", ())),  # type: ignore[attr-defined]
        doubled_function_words=frozenset(fold(w) for w in get("DOUBLED_FUNCTION_WORDS", ())),  # type: ignore[attr-defined]
        leftovers=tuple(get("LEFTOVERS", ())),  # type: ignore[arg-type]
        ambiguous_days=_folded(get("AMBIGUOUS_DAYS", {})),  # type: ignore[arg-type]
        not_future=frozenset(fold(w) for w in get("NOT_FUTURE", ())),  # type: ignore[attr-defined]
        year_prepositions=frozenset(fold(w) for w in get("YEAR_PREPOSITIONS", ())),  # type: ignore[attr-defined]
        noun_prefixes=_longest_first(get("NOUN_PREFIXES", ())),  # type: ignore[arg-type]
        noun_endings=_longest_first(get("NOUN_ENDINGS", ())),  # type: ignore[arg-type]
        noun_stem_min=get("NOUN_STEM_MIN", 2),  # type: ignore[arg-type]
        noun_last=bool(get("NOUN_LAST", False)),
        function_words=frozenset(fold(w) for w in get("FUNCTION_WORDS", ())),  # type: ignore[attr-defined]
        target_words=tuple(fold(w) for w in get("TARGET_WORDS", ())),  # type: ignore[attr-defined]
        hijri_months=_phrases(get("HIJRI_MONTHS", {})),  # type: ignore[arg-type]
        ordinal_days=_folded(get("ORDINAL_DAYS", {})),  # type: ignore[arg-type]
        long_vowels=fold(get("LONG_VOWELS", "")),  # type: ignore[arg-type]
    )
    scale_words = {**data_language.scales, **data_language.plural_scales, **data_language.dual_scales}
    return dataclasses.replace(
        data_language,
        scale_skeletons=frozenset(data_language.skeleton(word) for word in scale_words if data_language.long_vowels),
        same_nouns=tuple(
            frozenset(data_language.noun_key(word) for word in group)
            for group in get("SAME_NOUNS", ())  # type: ignore[attr-defined]
        ),
    )


def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({fold(word) for word in words}, key=lambda word: (-len(word), word)))


def language_of_word(word: str) -> Language | None:
    """The language data for a word by its script ("किसानों" -> Hindi), or None for Latin letters."""
    locale = SCRIPT_LOCALES.get(dominant_script(word))
    return language_of_locale(locale)


def all_languages() -> tuple[Language, ...]:
    """Every language with data, for what is read whatever the article's locale (page furniture)."""
    return tuple(data for code in LANGUAGES if (data := language(code)) is not None)


def language_of_locale(locale: str | None) -> Language | None:
    """The language data for a locale ("hi_IN" -> Hindi), or None for English and languages without data.

    The month names are the language's and the locale's own (Babel's CLDR data): ar_MA reads "غشت" and "نونبر",
    ar_DZ and ar_TN "أوت" and "جوان", besides the names every Arabic locale reads.
    """
    if not locale:
        return None
    normalized = locale.replace("-", "_")
    code = normalized.split("_")[0].lower()
    if language(code) is None:
        return None
    return _in_locale(code, normalized)


@functools.cache
def _in_locale(code: str, locale: str) -> Language:
    data = language(code)
    assert data is not None
    months = locale_months(locale)
    if not months.keys() - data.months.keys():
        return data
    # The language's own table wins where a name is in both.
    return dataclasses.replace(data, months={**months, **data.months})


@functools.cache
def locale_months(locale: str) -> dict[tuple[str, ...], int]:
    """The month names of a locale, wide and abbreviated, in dates and alone (Babel), folded as phrases."""
    try:
        parsed = Locale.parse(locale)
    except (UnknownLocaleError, ValueError, TypeError):
        return {}
    names: dict[tuple[str, ...], int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in parsed.months[context][width].items():
                words = name.split()
                if all(WORD_PATTERN.fullmatch(word) for word in words):  # not "जन॰": an abbreviation sign
                    names.setdefault(tuple(fold(word) for word in words), number)
    return names
