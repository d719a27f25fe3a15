"""The spelling and grammar engine behind the lint: Harper (via `harper-py`), offline, per dialect.

Harper knows English spelling in five dialects and ranks its corrections by how common the words
are; it also carries grammar rules (subject-verb agreement, a/an). We keep the lint kinds that
are copy errors, never its style advice, and leave the filtering for false alarms to the callers.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import harper
from babel import Locale, UnknownLocaleError

from factsite.lint.vocabulary import NEWSROOM_WORDS

# Harper's lint kinds we report, and the finding kind each becomes.
REPORTED_KINDS = {"Spelling": "spelling", "Typo": "spelling", "Agreement": "agreement"}
# Rules of other lint kinds that are grammar slips rather than style.
REPORTED_RULES = {"AnA": "agreement", "WhomSubjectOfVerb": "agreement"}

# The rules that run. Harper has about 900, most of them style advice we drop: running only the rules
# whose lints can be of a kind we report (their `LintKind` in Harper 2.x's source is Spelling, Typo or
# Agreement) and the rules above makes Harper about 2.5 times faster on new text (a 480-word article: 32 ms
# instead of 85; with every rule off it still takes about 20, reading and tagging the text). A Harper upgrade
# that renames one of them fails tests/lint/test_spelling.py.
ENABLED_RULES = frozenset(
    """
    AWhile AdNauseam Albeit AllThough AndIn AnotherOnes AnotherThings AtLeasToLeast BeenThere BestRegards
    BetterOffWith CanBeSeen CantWay ChampAtTheBit ColdModalTypo CommitmentTo ConstituteAs Didnt DisjointPrefixes
    DoNotWant EverEvery EverSince ExitedExcitedContext ExpandAlgorithm ExpandAlloc Expatriate FeelFell FindFine
    FishNorFowl ForAWhile GoggleBrand GoingTo HalfAnHour HavePronoun Hazzle HeDos HolyWar HowMach HumanLife IAm
    IAmAgreement IDo InADifferentDirection InLieuOf InThe InTheGrandSchemeOfThings IsKnownFor ItCan ItsPossessive
    IveGotTo JustDeserts KindRegards KindSortOf LetAlone LooksLikes MakeItSeem MercedesBenzHyphen MoreThatLikely
    MyHouse NeedHelp NobelPeacePrize NotIn NotTo NowWay OkToOkay OnSecondThought OutOfSync PedalToTheMetal PerSe
    PleasRequestVerb PronounInflectionBe PronounVerbAgreement QuiteQuiet RallyToReally RiseTheQuestion SomeOfThe
    SpecialAttention SpellCheck SpinalChord SplitWords StrikeChord SubjunctiveWasToWere ThatThan ThatThis The
    TheTheToThatThe ThereIsAgreement ThesesThese ThieveNoun ThingThink ThisTypeOfThing ThoughThought
    ThoughtProcess ThrowAway ToLoseTooLoose ToTo TransposedSpace TrialAndError TuffEnough TurnItOff
    VerbToAdjective WentAheadAndAgreement WereWhere WillContain WithoutOut WokVerbTypo WrongApostrophe YeaToYeah
    YehToYeah YourOutClauseAgreement
    """.split()  # noqa: SIM905 (a list of a hundred names reads better as words)
) | set(REPORTED_RULES)

# Standard words of news copy that Harper's dictionary lacks (vocabulary.py: regional, legal, medical).
MISSING_WORDS = frozenset({"referenda", "fora"}) | NEWSROOM_WORDS

DIALECT_BY_TERRITORY = {
    "US": harper.Dialect.AMERICAN,
    "PR": harper.Dialect.AMERICAN,
    "PH": harper.Dialect.AMERICAN,
    "AU": harper.Dialect.AUSTRALIAN,
    "NZ": harper.Dialect.AUSTRALIAN,
    "CA": harper.Dialect.CANADIAN,
    "IN": harper.Dialect.INDIAN,
}


@dataclass(frozen=True)
class EngineLint:
    """One lint of the engine, in offsets of the text it was given."""

    kind: str
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...]


def dialect_for(locale: str) -> harper.Dialect:
    """Harper's dialect for a locale such as `en_GB`; British for English outside North America,
    Australasia and India, American when the locale names no territory."""
    try:
        territory = Locale.parse(locale.replace("-", "_")).territory
    except (UnknownLocaleError, ValueError):
        territory = None
    if territory is None:
        return harper.Dialect.AMERICAN
    return DIALECT_BY_TERRITORY.get(territory, harper.Dialect.BRITISH)


@functools.cache
def linter_for(dialect: harper.Dialect) -> harper.Linter:
    # Building a linter loads Harper's dictionary (about half a second): build one per dialect and
    # process. It is never changed after this point, so sharing it between builds is safe.
    linter = harper.Linter(dialect)
    linter.set_lint_config({rule: rule in ENABLED_RULES for rule in linter.get_lint_config()})
    linter.import_words(sorted(MISSING_WORDS))
    return linter


# Harper's run time grows with the square of the text it is given: long texts go in paragraph-bounded chunks.
CHUNK_CHARACTERS = 20_000


def run_engine(text: str, locale: str) -> tuple[EngineLint, ...]:
    """The copy-error lints Harper finds in plain `text`, for the dialect of `locale`."""
    linter = linter_for(dialect_for(locale))
    lints: list[EngineLint] = []
    for offset, chunk in text_chunks(text, CHUNK_CHARACTERS):
        for rule, found in linter.organized_lints(chunk, language=harper.Language.PLAINTEXT).items():
            for lint in found:
                kind = REPORTED_RULES.get(rule) or REPORTED_KINDS.get(lint.lint_kind)
                if kind is None:
                    continue
                suggestions = tuple(s.replacement_text for s in lint.suggestions)
                start, end = offset + lint.span.start, offset + lint.span.end
                lints.append(EngineLint(kind, start, end, lint.message, suggestions))
    return tuple(sorted(lints, key=lambda lint: (lint.start, lint.end)))


def text_chunks(text: str, size: int) -> list[tuple[int, str]]:
    """`text` cut at paragraph breaks into pieces of about `size` characters, with their offsets."""
    chunks = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n\n", start, start + size)
        if cut <= start:
            cut = text.find("\n\n", start + size)
            if cut == -1:
                break
        chunks.append((start, text[start:cut]))
        start = cut
    chunks.append((start, text[start:]))
    return chunks


# Memoised: an archive repeats the names and terms the dictionary lacks, and each look-up is a run of Harper.
@functools.lru_cache(maxsize=16384)
def is_known_word(word: str, dialect: harper.Dialect) -> bool:
    """Whether the dictionary of `dialect` knows `word` as written (`paris` is not, `avoid` is)."""
    lints = linter_for(dialect).lint(word, language=harper.Language.PLAINTEXT)
    return not any(REPORTED_KINDS.get(lint.lint_kind) == "spelling" for lint in lints)


def is_variant_spelling(word: str, locale: str) -> bool:
    """Whether `word` is spelt correctly in another English dialect (`colour` in a US article).

    A variant spelling is a house-style choice, not a misspelling: the lint does not report it.
    """
    own = dialect_for(locale)
    other = harper.Dialect.BRITISH if own is harper.Dialect.AMERICAN else harper.Dialect.AMERICAN
    return is_known_word(word, other)
