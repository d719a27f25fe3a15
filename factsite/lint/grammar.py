"""Grammar slips a rule can catch without parsing: doubled words, "there are a ...", a subject
"whomsoever", and a common word capitalised in mid-sentence ("to Avoid all").

Harper's grammar rules miss these in news copy (an adverb between "are" and "a" hides the slip from
it), so they are ours; each rule is narrow on purpose, to keep false alarms rare.
"""

from __future__ import annotations

import re
from collections import Counter

from factsite.languages import Language
from factsite.languages.script import WORD, fold
from factsite.lint.engine import dialect_for, is_known_word
from factsite.lint.findings import Span
from factsite.lint.prose import Prose


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


DOUBLED = re.compile(r"\b([A-Za-z]+)[ \t]*\n?[ \t]*\b(\1)\b", re.IGNORECASE)
# Repetitions that are grammatical: "had had", "is is" in "what it is is", names like "Bora Bora".
GRAMMATICAL_DOUBLES = frozenset({"had", "is"})
DETERMINERS = word_set("a an the this that these those his her its their our your my some any every each no")

# Verbs after "that that" which make the second "that" a pronoun, not a slip.
FOLLOWING_VERBS = word_set(
    "is was are were has had have will would could can should may might must did does do seems seemed means meant"
)

FUNCTION_WORDS = DETERMINERS | word_set(
    "to of in on at for by with from and or but as is was are were be it he she they we"
)

THERE_ARE_A = re.compile(
    r"\b(?P<there>[Tt]here|[Hh]ere)\s+(?P<verb>are|were)\s+"
    r"(?:(?:also|still|now|only|even|already|often|always|never|just|probably|certainly|clearly|"
    r"currently|again|reportedly)\s+)?(?:a|an|one)\s+(?P<noun>[a-z]+)"
)
# "There are a number of ..." takes a plural verb.
PLURAL_QUANTITIES = word_set(
    "number lot few couple host variety range series dozen handful hundred thousand million "
    "billion total great good bunch majority plethora myriad slew multitude pair set raft "
    "spate string litany"
)
THERE_IS_MANY = re.compile(
    r"\b(?P<there>[Tt]here|[Hh]ere)\s+(?P<verb>is|was)\s+(?:(?:also|still|now|only)\s+)?"
    r"(?:many|several|numerous|multiple|various|countless|two|three|four|five|six|seven|eight|"
    r"nine|ten|dozens|hundreds|thousands|millions)\b"
)
AGREEING_VERB = {"are": "is", "were": "was", "is": "are", "was": "were"}

SUBJECT_WHOM = re.compile(r"\b(?P<whom>[Ww]hom(?:so)?ever)\s+(?P<next>[a-z]+)\b")
WHOM_AUXILIARY = re.compile(
    r"\b(?P<whom>[Ww]hom)\s+(?:is|was|are|were|has|have|had|will|would|can|could|should|must)\b"
)
SUBJECT_FORMS = {"whomsoever": "whoever", "whomever": "whoever", "whom": "who"}
OBJECT_STARTS = DETERMINERS | word_set("i you he she it we they one")

CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
# Words after which a verb or a common noun follows, never a name in ordinary copy.
VERB_CONTEXT = word_set(
    "to not will would shall should can could may might must also please never always we they "
    "you he she who cannot did does do let"
)
# Words that follow a name more often than a verb: "to Parliament on Tuesday", "to London and".
NAME_FOLLOWERS = word_set(
    "on in at for from with by of and or but as to into via during after before about over "
    "under until since last next this that which who where when later earlier yesterday today "
    "tomorrow is was are were has had have"
)


def find_grammar_slips(prose: Prose, locale: str) -> list[Span]:
    """Every slip our rules find in the prose of an article."""
    return [
        *find_doubled_words(prose),
        *find_number_disagreements(prose),
        *find_subject_whom(prose),
        *find_stray_capitals(prose, locale),
    ]


def find_native_doubled_words(prose: Prose, language: Language) -> list[Span]:
    """Doubled words in Hindi or Arabic: only the function words of the language's data (its module says
    why: both languages double content words on purpose)."""
    spans: list[Span] = []
    for match in _NATIVE_DOUBLED.finditer(prose.masked):
        first, second = match.group(1), match.group(2)
        if fold(first) != fold(second) or fold(first) not in language.doubled_function_words:
            continue
        end = match.end(2)
        message = f"'{first}' is written twice."
        spans.append(Span("doubled-word", match.start(), end, message, suggestion=first, confidence=0.9))
    return spans


# Each word with the one after it (a lookahead, so that every pair is tried); one line break between may be.
_NATIVE_DOUBLED = re.compile(rf"(?<![\w\u0900-\u097f])({WORD})(?=[ \t]*\n?[ \t]*({WORD})(?![\w\u0900-\u097f]))")


def find_doubled_words(prose: Prose) -> list[Span]:
    spans: list[Span] = []
    for match in DOUBLED.finditer(prose.masked):
        word = match.group(1).lower()
        if word in GRAMMATICAL_DOUBLES or "\n\n" in match.group(0):
            continue
        if match.group(2)[0].isupper() and word not in FUNCTION_WORDS:
            continue  # "Bora Bora", "Sirhan Sirhan"
        confidence = 0.9
        if word == "that":
            following = _next_word(prose.masked, match.end())
            if following in FOLLOWING_VERBS:
                continue  # "he said that that was wrong": the second "that" is a pronoun
            confidence = 0.9 if following in DETERMINERS else 0.7
        spans.append(
            Span(
                "doubled-word",
                match.start(),
                match.end(),
                f"'{match.group(1)}' is written twice.",
                suggestion=match.group(1),
                confidence=confidence,
            )
        )
    return spans


def find_number_disagreements(prose: Prose) -> list[Span]:
    spans: list[Span] = []
    for match in THERE_ARE_A.finditer(prose.masked):
        if match.group("noun") in PLURAL_QUANTITIES:
            continue
        spans.append(_agreement_span(prose, match, "a singular noun"))
    for match in THERE_IS_MANY.finditer(prose.masked):
        spans.append(_agreement_span(prose, match, "a plural noun"))
    return spans


def _agreement_span(prose: Prose, match: re.Match[str], what: str) -> Span:
    verb = match.group("verb")
    fixed = AGREEING_VERB[verb]
    start, end = match.start(), match.end()
    if prose.text[start:end] != prose.masked[start:end]:
        end = match.end("verb")  # markup inside the phrase: point at "There are" only
    phrase = prose.text[start:end]
    relative = match.start("verb") - start
    return Span(
        "agreement",
        start,
        end,
        f"'{match.group('there')} {verb}' does not agree with {what}: '{fixed}'.",
        suggestion=phrase[:relative] + fixed + phrase[relative + len(verb) :],
        confidence=0.9,
    )


def find_subject_whom(prose: Prose) -> list[Span]:
    spans: list[Span] = []
    for match in SUBJECT_WHOM.finditer(prose.masked):
        if match.group("next") in OBJECT_STARTS:
            continue  # "to whomever he chose": the object form is right
        spans.append(_whom_span(match))
    for match in WHOM_AUXILIARY.finditer(prose.masked):
        spans.append(_whom_span(match))
    return spans


def _whom_span(match: re.Match[str]) -> Span:
    whom = match.group("whom")
    fixed = SUBJECT_FORMS[whom.lower()]
    if whom[0].isupper():
        fixed = fixed.capitalize()
    return Span(
        "agreement",
        match.start("whom"),
        match.end("whom"),
        f"'{whom}' is the object form; as the subject of a verb use '{fixed}'.",
        suggestion=fixed,
        confidence=0.8,
    )


def find_stray_capitals(prose: Prose, locale: str) -> list[Span]:
    """A common word capitalised mid-sentence in a verb context: "asked everyone to Avoid all"."""
    dialect = dialect_for(locale)
    capitalised_mid_sentence: Counter[str] = Counter()
    candidates: list[re.Match[str]] = []
    for match in CAPITALISED.finditer(prose.masked):
        if prose.is_sentence_start(match.start()) or _opens_quote(prose.masked, match.start()):
            continue
        capitalised_mid_sentence[match.group(0)] += 1
        previous = _previous_word(prose.masked, match.start())
        following = _next_word(prose.masked, match.end())
        if previous in VERB_CONTEXT and following and following not in NAME_FOLLOWERS:
            candidates.append(match)
    spans: list[Span] = []
    for match in candidates:
        word = match.group(0)
        # A capital the article repeats is its house style ("the Embassy"), not a slip.
        if capitalised_mid_sentence[word] > 1 or _in_title_case_line(prose, match.start()):
            continue
        if not is_known_word(word.lower(), dialect):
            continue
        spans.append(
            Span(
                "capitalisation",
                match.start(),
                match.end(),
                f"'{word}' is capitalised in mid-sentence; write '{word.lower()}'.",
                suggestion=word.lower(),
                confidence=0.8,
            )
        )
    return spans


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"([A-Za-z]+)[ \t\n]+$", text[max(0, start - 40) : start])
    return match.group(1) if match else ""


def _next_word(text: str, end: int) -> str:
    match = re.match(r"[ \t\n]+([A-Za-z]+)", text[end : end + 40])
    return match.group(1) if match else ""


def _opens_quote(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in "\"'\u201c\u2018("


def _in_title_case_line(prose: Prose, offset: int) -> bool:
    line = next(line for line in prose.lines if line.start <= offset <= line.end)
    words = re.findall(r"[A-Za-z]{4,}", line.text)
    return bool(words) and sum(word[0].isupper() for word in words) > len(words) / 2
