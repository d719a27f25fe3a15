"""Who a Hindi or Arabic quotation's attribution names, read from the words around it.

Hindi names the speaker before "ने" and the verb ("वित्त मंत्री ने कहा, “...”", "“...”, मंत्री ने बताया।"), or
before the verb alone ("मंत्री बोले, “...”"), or as "X का कहना है", "X के अनुसार"; the speaker is the words after
the last postposition before it ("बजट भाषण में वित्त मंत्री ने कहा" -> "वित्त मंत्री"). Arabic puts the verb
first ("قال وزير التموين، الأحد، إن «...»", "وأضاف الوزير: «...»", "«...»، قالت الوزارة."), or says "بحسب X";
the speaker runs from the verb to a comma, a colon, "إن"/"أن", a preposition or a word of time.

"उन्होंने कहा", a verb with no name ("وأضاف:", "وتابع:") and the participles of reporting ("مضيفًا:",
"مؤكدًا") point to the speaker named before: `PREVIOUS`. Titles are kept: a desk names "वित्त मंत्री" or "وزير
التموين" as the speaker. No library reads attributions in these languages; the word lists are short on purpose.
"""

from __future__ import annotations

import re

from factsite.languages import Language
from factsite.languages.script import WORD, fold

# The speaker named before: a pronoun, or a verb of speech without its subject.
PREVIOUS = "\u2190"

_WORD = re.compile(rf"{WORD}|[,:\u060c\u061b\u00ab\u00bb\u201c\u201d\"]")

_HINDI_VERBS = frozenset(
    fold(word) for word in ("कहा", "बताया", "बोले", "बोलीं", "बोली", "बोला", "जोड़ा", "लिखा", "पूछा", "दोहराया", "कहते",
                            "कहती", "कहना")
)  # fmt: skip
_HINDI_ERGATIVE = fold("ने")
_HINDI_PRONOUNS = frozenset(fold(word) for word in ("उन्होंने", "उसने", "इन्होंने", "इसने", "वे", "वह", "वो"))
# Words that end the phrase before a speaker: postpositions, conjunctions, "कि".
_HINDI_BREAKS = frozenset(
    fold(word) for word in ("में", "पर", "से", "को", "के", "की", "का", "और", "कि", "तो", "बाद", "लिए", "साथ", "दौरान")
)  # fmt: skip
_HINDI_ACCORDING = (
    (fold("का"), fold("कहना")), (fold("के"), fold("अनुसार")), (fold("के"), fold("मुताबिक")),
)  # fmt: skip

_ARABIC_VERBS = frozenset(
    fold(word) for word in ("قال", "أضاف", "تابع", "أكد", "أوضح", "أشار", "ذكر", "صرح", "شدد", "لفت", "اعتبر", "ختم",
                            "أعلن", "كشف", "نفى", "رأى", "استطرد", "يقول", "تقول", "قالت", "يقل")
)  # fmt: skip
# Participles of reporting, and "قوله" (his saying: "ونقلت الصحف عنه قوله"), speak for the speaker named before.
_ARABIC_PARTICIPLES = frozenset(
    fold(word) for word in ("مضيفا", "مؤكدا", "موضحا", "مشيرا", "متابعا", "قائلا", "لافتا", "مشددا", "معتبرا",
                            "قوله", "وقوله")
)  # fmt: skip
_ARABIC_ACCORDING = frozenset(fold(word) for word in ("بحسب", "حسب", "وبحسب", "وحسب"))
# Words that end an Arabic speaker: "إن"/"أن", prepositions, adverbs, "بقوله".
_ARABIC_BREAKS = frozenset(
    fold(word) for word in ("إن", "أن", "في", "خلال", "أمام", "عبر", "على", "إلى", "أيضا", "بقوله", "قائلا", "اليوم",
                            "أمس", "مساء", "صباح", "يوم", "لدى", "عن", "مع", "حيث", "اليوم")
)  # fmt: skip
_PUNCTUATION = frozenset(',:\u060c\u061b\u00ab\u00bb\u201c\u201d"')


def native_speaker(before: str, after: str, language: Language) -> str | None:
    """The speaker the words `before` a quotation (from its sentence's start) or `after` it (to its sentence's
    end) name; `PREVIOUS` for the speaker named before; None when they name none."""
    read = _hindi if language.code == "hi" else _arabic if language.code == "ar" else None
    if read is None:
        return None
    return read(after, language, after_quote=True) or read(before, language, after_quote=False)


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def _after(text: str) -> list[str]:
    """The attribution right after a quotation, up to the next punctuation: none when a colon or a quotation
    mark ends it ("«...»، وأضاف: «...»" introduces the next quotation)."""
    words = _tokens(text)
    while words and words[0] in _PUNCTUATION:
        words = words[1:]
    end = next((i for i, word in enumerate(words) if word in _PUNCTUATION), len(words))
    if end < len(words) and words[end] not in (",", "\u060c"):
        return []
    return words[:end]


def _hindi(text: str, language: Language, *, after_quote: bool) -> str | None:
    words = _after(text) if after_quote else _tokens(text)
    keys = [fold(word) for word in words]
    verbs = [i for i, key in enumerate(keys) if key in _HINDI_VERBS]
    for first, second in _HINDI_ACCORDING:
        spots = [i for i in range(len(keys) - 1) if (keys[i], keys[i + 1]) == (first, second)]
        if spots:
            return _hindi_phrase(words, keys, spots[-1])
    if not verbs:
        return None
    verb = verbs[-1]
    ergative = [i for i in range(verb) if keys[i] == _HINDI_ERGATIVE]
    if ergative:
        return _hindi_phrase(words, keys, ergative[-1])
    single = next((i for i in range(verb - 1, -1, -1) if keys[i] in _HINDI_PRONOUNS), None)
    if single is not None and all(key not in _PUNCTUATION for key in keys[single:verb]):
        return PREVIOUS
    return _hindi_phrase(words, keys, verb)


def _hindi_phrase(words: list[str], keys: list[str], end: int) -> str | None:
    """The words before position `end` back to a postposition, a conjunction or punctuation."""
    start = end
    while start > 0 and keys[start - 1] not in _HINDI_BREAKS and words[start - 1] not in _PUNCTUATION:
        start -= 1
    phrase = words[start:end]
    if not phrase:
        return None
    if len(phrase) == 1 and fold(phrase[0]) in _HINDI_PRONOUNS:
        return PREVIOUS
    return " ".join(phrase)


def _arabic(text: str, language: Language, *, after_quote: bool) -> str | None:
    words = _after(text) if after_quote else _tokens(text)
    keys = [fold(word) for word in words]
    if after_quote and not (keys and _is_arabic_verb(keys[0])):
        return None  # "«...»، قال الوزير": the verb comes first
    for index in range(len(keys) - 1, -1, -1):
        key = keys[index]
        bare = key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key
        if bare in _ARABIC_PARTICIPLES or key in _ARABIC_PARTICIPLES:
            return PREVIOUS
        if key in _ARABIC_ACCORDING:
            return _arabic_phrase(words, keys, index + 1, language) or None
        if _is_arabic_verb(key):
            return _arabic_phrase(words, keys, index + 1, language) or PREVIOUS
    return None


def _is_arabic_verb(key: str) -> bool:
    bare = key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key
    return bare in _ARABIC_VERBS or bare.removesuffix("ت") in _ARABIC_VERBS or key in _ARABIC_VERBS


def _arabic_phrase(words: list[str], keys: list[str], start: int, language: Language) -> str:
    """The words after a verb of speech up to punctuation, "إن"/"أن", a preposition or a word of time."""
    end = start
    while end < len(words) and words[end] not in _PUNCTUATION and keys[end] not in _ARABIC_BREAKS:
        key = keys[end]
        if key in language.weekdays or (key,) in language.relative_days or key in language.last:
            break
        if key.removeprefix("ال") in language.units_of_time or any(key == month[0] for month in language.months):
            break  # "قال الوزير الأسبوع الماضي": a word of time ends the name
        end += 1
    return " ".join(words[start:end])
