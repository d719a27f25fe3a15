"""Who a quotation's attribution names: a pronoun resolved to the person last named, a surname to
the full name, titles and affiliations left out ("FCC Chair Dana Whitfield" -> "Dana Whitfield").

No library resolves news attributions offline, so these rules are ours; their word lists are short
on purpose and only decide between candidates the text itself offers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from babel import Locale

from factsite.lint.prose import Prose

SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|states|wrote|writes|explained|announced|declared|"
    r"noted|warned|claimed|insisted|replied|tweeted|posted|remarked|argued|continued|urged|asked|"
    r"stressed|emphasised|emphasized|observed|recalled|admitted|conceded|acknowledged|alleged|"
    r"maintained|responded|commented|reiterated|called|described|pointed\s+out"
)
# A capitalised word, or initials ("K.", "U.S."); a full stop after a word ends the name.
CAPITAL_WORD = r"(?:(?:[A-Z]\.)+|[A-Z][\w'\u2019-]*)"
PERSON_NAME = rf"{CAPITAL_WORD}(?:\s+{CAPITAL_WORD}){{0,4}}"


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles that announce a person: "Judge Caroline Frost", "Detective Inspector Sam Adeyemi".
PERSON_TITLES = word_set(
    "Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Professor Sir Dame Lord Lady President Minister "
    "Secretary Mayor Judge Justice Senator Sen. Rep. Representative Gov. Governor Chancellor "
    "General Gen. Col. Colonel Captain Capt. Commissioner Inspector Detective Sergeant Sgt. "
    "Constable Superintendent Chairman Chairwoman Ambassador Bishop Pope King Queen Prince Princess"
)
# Words of a title before a name, left out of the speaker: "Health Secretary Anna Pryce".
TITLE_WORDS = PERSON_TITLES | word_set(
    "Vice Prime Chief Council Member Director Chair Speaker Deputy State Attorney Health Finance "
    "Foreign Home Defence Defense Interior Education Budget Opposition Leader"
)
# Last words of the names of organisations, which "he" and "she" do not point to.
ORGANISATION_WORDS = word_set(
    "Police Service Services Council Court Ministry Department Office Commission Committee "
    "Association Party Government University Institute Agency Bank Company Embassy Times News "
    "Post Fund Federation Union Board Authority Group Corp Inc Ltd Assembly House Congress "
    "Parliament Senate Telescope Station Hospital School College Centre Center Foundation"
)
# Capitalised only because they open a sentence: "Officials said", "You betrayed".
SENTENCE_OPENERS = word_set(
    "It This That There They He She We You I Our Your My Officials Authorities Police Reports "
    "Sources Critics Experts Analysts Residents Witnesses Protesters"
)


@functools.cache
def not_people() -> frozenset[str]:
    """Capitalised words that are never a speaker: countries, days and months, from Babel's English data. Made on
    first use, not at import: loading that data is about 16 ms, which a command that resolves no speaker (a site
    without the lint) need not pay; a build of English articles loads it anyway for its other rules."""
    english = Locale("en")
    return frozenset(
        [name for name in english.territories.values() if " " not in name]
        + list(english.days["format"]["wide"].values())
        + list(english.months["format"]["wide"].values())
    )


IRREGULAR_PAST = (
    r"spoke|met|went|came|took|gave|made|led|ran|began|won|lost|sent|kept|left|held|saw|knew|"
    r"thought|brought|got|found|sat|stood|put|set|paid|heard|felt|chose|became|spent|sought|fought"
)
# A named person acting ("Putin last week ordered", "Sam Adeyemi of Avon Police said") or
# introduced ("Omar Haddad, who chairs"): what a later "he" or "she" points to.
PERSON_MENTION = re.compile(
    rf"(?<![Tt]he )\b(?P<name>{PERSON_NAME})"
    rf"(?:\s+of\s+(?:the\s+)?{PERSON_NAME}(?:\s+and\s+{PERSON_NAME})?)?"
    r"(?:\s+(?:(?:also|then|later|earlier|yesterday|today|last\s+\w+|this\s+\w+|on\s+[A-Z]\w+day)"
    rf"\s+)*(?:[a-z]+ed|{SPEECH_VERBS}|{IRREGULAR_PAST}|has|had|is|was|will|would)\b"
    r"|\s*,\s+(?:who|whose|a|an|the)\s)"
)
TITLED_PERSON = re.compile(
    rf"\b(?P<name>(?:{'|'.join(re.escape(title) for title in sorted(PERSON_TITLES))})"
    rf"(?:\s+of\s+(?:the\s+)?{CAPITAL_WORD})?(?:\s+{CAPITAL_WORD})+)"
)
INSTITUTION = re.compile(rf"\b[Tt]he\s+{CAPITAL_WORD}(?:\s+{CAPITAL_WORD})*")
PRONOUNS = frozenset({"he", "she", "He", "She"})


def resolve_speaker(prose: Prose, name: str, before: int, quoted: Sequence[tuple[int, int]] = ()) -> str | None:
    """The speaker an attribution names, read with what the article said before `before`.

    `quoted` are the (start, end) of the article's quotations: people named inside a quotation
    are not what a later "he" points to.
    """
    if name in {"it", "It"}:
        institutions = INSTITUTION.findall(prose.masked, 0, before)
        return institutions[-1] if institutions else None
    if name in PRONOUNS:
        people = people_before(prose, before, quoted)
        if not people:
            return None
        name = people[-1]
    name = without_title(name)
    if name in not_people():
        return None
    if " " not in name:
        full_name = re.compile(rf"\b{PERSON_NAME}\s+{re.escape(name)}\b")
        earlier = list(full_name.finditer(prose.masked, 0, before))
        if earlier:
            return without_title(earlier[-1].group(0))
    return name


def people_before(prose: Prose, before: int, quoted: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The people the article names before `before`, outside quotations, in order."""
    mentions = sorted(
        [
            *PERSON_MENTION.finditer(prose.masked, 0, before),
            *TITLED_PERSON.finditer(prose.masked, 0, before),
        ],
        key=lambda match: match.start("name"),
    )
    people: list[str] = []
    for match in mentions:
        name, start = match.group("name"), match.start("name")
        words = name.split()
        if any(first <= start < last for first, last in quoted):
            continue
        if name in not_people() or name.isupper() or words[-1] in ORGANISATION_WORDS:
            continue
        if (len(words) == 1 and name in SENTENCE_OPENERS) or set(words) <= TITLE_WORDS:
            continue
        people.append(without_title(name))
    return people


def without_title(name: str) -> str:
    """The name without its title, leading abbreviation or affiliation ("Helen Marsh of ...")."""
    if name.lower().startswith("the "):
        return "the " + name[4:]
    words = name.split()
    while len(words) > 1 and (words[0] in TITLE_WORDS or re.fullmatch(r"[A-Z]{2,}", words[0])):
        words = words[1:]
        if len(words) > 2 and words[0] == "of":  # "Superintendent of Police Anjali Deshmukh"
            words = words[3:] if words[1] == "the" and len(words) > 3 else words[2:]
    if len(words) > 1 and words[0] in SENTENCE_OPENERS:
        words = words[1:]
    affiliation = words.index("of") if "of" in words else len(words)
    if affiliation >= 2:
        words = words[:affiliation]
    return " ".join(words)
