"""Which English an article is written in, when `suggest` or `new` is not told: en_US, en_GB or en_IN.

An article written mostly in Devanagari is Hindi (hi_IN), one mostly in Arabic script Arabic ("ar": the
script does not tell Egypt from Saudi Arabia, so the country is left for the editor to add).

The front matter's `locale` decides when it has one. Otherwise the text does, by its signs: Indian
English by the rupee (₹, Rs, INR), lakh and crore; British by the pound (£, GBP) and British
spellings; American by American spellings. Indian English spells the British way, so a rupee, lakh
or crore outweighs the spellings. Indian digit grouping ("3,00,000") is one sign among the others:
in an American article it is the slip the lint reports. Without any sign the answer is en_US, the
default of every command, and the reason says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from factsite.languages import SCRIPT_LOCALES
from factsite.languages.script import dominant_script

INDIAN_SIGNS = re.compile(r"₹|\bRs\.?(?=\s?\d)|\bINR\b|\b(?:lakh|crore)s?\b", re.IGNORECASE)
# Indian digit grouping is a weaker sign: in another English it is the very slip the lint reports.
INDIAN_GROUPING = re.compile(r"(?<![\d,])\d{1,2},\d\d,\d{3}\b")
BRITISH_SIGNS = re.compile(r"£|\bGBP\b")
# Pairs of spellings (British, American) common in news copy: whole words, or stems and endings.
ISE = "(?:e|es|ed|ing|ation|ations)"
VARIANTS = [
    ("colour", "color"), ("favour", "favor"), ("labour", "labor"), ("honour", "honor"),
    ("neighbour", "neighbor"), ("behaviour", "behavior"), ("rumour", "rumor"), ("harbour", "harbor"),
    ("centre", "center"), ("theatre", "theater"), ("defence", "defense"), ("offence", "offense"),
    ("programme", "program"), ("catalogue", "catalog"), ("jewellery", "jewelry"), ("grey", "gray"),
    ("paediatric", "pediatric"), ("anaemia", "anemia"),
    (f"organis{ISE}", f"organiz{ISE}"), (f"recognis{ISE}", f"recogniz{ISE}"), (f"realis{ISE}", f"realiz{ISE}"),
    (f"criticis{ISE}", f"criticiz{ISE}"), (f"apologis{ISE}", f"apologiz{ISE}"),
    (f"authoris{ISE}", f"authoriz{ISE}"), (f"prioritis{ISE}", f"prioritiz{ISE}"),
    (f"mobilis{ISE}", f"mobiliz{ISE}"),
    ("travell(?:ed|ing|er|ers)", "travel(?:ed|ing|er|ers)"), ("cancell(?:ed|ing)", "cancel(?:ed|ing)"),
]  # fmt: skip
# A noun takes its plural and possessive ("colours", "centre's").
SPELLINGS = {
    dialect: re.compile(
        r"\b(?:" + "|".join(f"(?:{pair[index]})" for pair in VARIANTS) + r")(?:s|['\u2019]s)?\b",
        re.IGNORECASE,
    )
    for index, dialect in enumerate(("en_GB", "en_US"))
}


@dataclass(frozen=True)
class InferredLocale:
    locale: str
    reason: str  # what decided it, for the line a command prints


def infer_locale(text: str, front_matter_locale: object = None) -> InferredLocale:
    """The article's locale: its front matter's, else the one its text shows (see the module)."""
    if front_matter_locale:
        return InferredLocale(str(front_matter_locale), "from the front matter")
    script = dominant_script(text)
    if script in SCRIPT_LOCALES:
        name = {"Deva": "Devanagari", "Arab": "Arabic"}[script]
        return InferredLocale(SCRIPT_LOCALES[script], f"from the text: most letters are {name}")
    signs: dict[str, Counter[str]] = {"en_IN": Counter(), "en_GB": Counter(), "en_US": Counter()}
    for match in INDIAN_SIGNS.finditer(text):
        signs["en_IN"][_sign(match.group())] += 1
    for match in BRITISH_SIGNS.finditer(text):
        signs["en_GB"][match.group()] += 1
    for dialect, pattern in SPELLINGS.items():
        for match in pattern.finditer(text):
            signs[dialect][match.group().lower()] += 1
    grouping = len(INDIAN_GROUPING.findall(text))
    if signs["en_IN"]:
        locale = "en_IN"
    else:
        if grouping:
            signs["en_IN"]["Indian digit grouping"] = grouping
        votes = {dialect: sum(counts.values()) for dialect, counts in signs.items()}
        # The most signs win; a tie goes to the default, then to British spelling.
        locale = max(("en_US", "en_GB", "en_IN"), key=lambda dialect: votes[dialect])
        if not votes[locale]:
            return InferredLocale("en_US", "the default: the text shows no regional sign")
    if locale == "en_IN" and grouping and "Indian digit grouping" not in signs["en_IN"]:
        signs["en_IN"]["Indian digit grouping"] = grouping
    shown = ", ".join(f"“{sign}” ×{count}" for sign, count in signs[locale].most_common(4))
    return InferredLocale(locale, f"from the text: {shown}")


def _sign(text: str) -> str:
    lowered = text.lower().rstrip(".")
    return {"lakhs": "lakh", "crores": "crore", "rs": "Rs", "inr": "INR"}.get(lowered, lowered)
