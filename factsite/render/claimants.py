"""Who made a checked claim: the person or organisation quoted, or the outlet that published it.

One name, one claimant across every article: names are compared without case, punctuation or a leading "the"
("U.S. Embassy in Russia" is "US Embassy in Russia"), and the configuration's `claimants:` lists other names
of the same claimant (aliases) and what each one is. Without configuration a claimant is an organisation when
its name has a word organisations are named with ("Embassy", "Ministry", "Times"...), else a person: a name
alone cannot say more, and a quoted organisation misfiled as a person is the mistake structured data must not
make, so the word list errs towards organisations.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from factsite.settings import ClaimantConfig, Settings

PERSON, ORGANIZATION = "person", "organization"
SLUG_WORDS = 6
ORGANISATION_WORDS = frozenset(
    (
        "administration",
        "agency",
        "army",
        "assembly",
        "association",
        "authority",
        "bank",
        "board",
        "bureau",
        "cabinet",
        "campaign",
        "channel",
        "church",
        "club",
        "coalition",
        "college",
        "commission",
        "committee",
        "company",
        "congress",
        "consulate",
        "consulates",
        "corp",
        "corporation",
        "council",
        "court",
        "department",
        "embassies",
        "embassy",
        "federation",
        "forces",
        "foundation",
        "gazette",
        "gmbh",
        "government",
        "group",
        "herald",
        "hospital",
        "inc",
        "institute",
        "journal",
        "kremlin",
        "league",
        "llc",
        "ltd",
        "magazine",
        "media",
        "military",
        "ministries",
        "ministry",
        "nations",
        "navy",
        "network",
        "news",
        "newspaper",
        "office",
        "organisation",
        "organization",
        "parliament",
        "party",
        "plc",
        "police",
        "post",
        "press",
        "radio",
        "school",
        "secretariat",
        "senate",
        "service",
        "services",
        "television",
        "times",
        "tribune",
        "tv",
        "union",
        "university",
    )
)


def name_key(name: str) -> str:
    """The form in which two names of one claimant compare equal."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[.'’]", "", text)  # "U.S." is "US", "Putin's" is "Putins"
    text = " ".join(re.sub(r"[^\w]+", " ", text).split())
    return text.removeprefix("the ")


def guess_type(name: str) -> str:
    words = set(name_key(name).split())
    return ORGANIZATION if words & ORGANISATION_WORDS else PERSON


@dataclass(frozen=True)
class Claimant:
    name: str
    type: str  # PERSON or ORGANIZATION
    key: str

    @property
    def schema_type(self) -> str:
        return "Organization" if self.type == ORGANIZATION else "Person"


class Claimants:
    """Claimants by name, aliases resolved, for one build's settings."""

    def __init__(self, settings: Settings) -> None:
        self._configured: dict[str, ClaimantConfig] = {}
        for entry in settings.claimants:
            for name in (entry.name, *entry.aliases):
                self._configured.setdefault(name_key(name), entry)
        # Each name asked for, answered once: a site names its few outlets and speakers on every claim page.
        self._named: dict[tuple[str, str | None, bool], Claimant] = {}

    def named(self, name: str, declared_type: str | None = None, *, outlet: bool = False) -> Claimant:
        """The claimant called `name`; `declared_type` is the claim's own `speaker_type`, first in line. An
        outlet is always an organisation."""
        asked = (name, declared_type, outlet)
        found = self._named.get(asked)
        if found is None:
            entry = self._configured.get(name_key(name))
            canonical = entry.name if entry else " ".join(name.split())
            kind = ORGANIZATION if outlet else declared_type or (entry.type if entry else "") or guess_type(canonical)
            found = self._named[asked] = Claimant(canonical, kind, name_key(canonical))
        return found


@functools.lru_cache(maxsize=4096)  # asked for on every claim page, of a site's few claimants
def claimant_slug(claimant: Claimant) -> str:
    """A path segment for a claimant's page: the name's ASCII words joined by hyphens, or, for a name with
    none (written in another script), a hash of its key."""
    ascii_name = unicodedata.normalize("NFKD", claimant.key).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name)
    digest = hashlib.sha256(claimant.key.encode()).hexdigest()
    # A name in another script has no ASCII words; one with characters no name has (markup, `=`, `/`) is not
    # spelled out in an address either.
    if not words or re.search(r"[^\w\s.,'’&()-]", claimant.name):
        return "claimant-" + digest[:10]
    if len(words) > SLUG_WORDS:  # a short address; the hash keeps long names that start alike apart
        return "-".join(words[:SLUG_WORDS]) + "-" + digest[:6]
    return "-".join(words)


def claimant_path(claimant: Claimant) -> str:
    return f"claimants/{claimant_slug(claimant)}"
