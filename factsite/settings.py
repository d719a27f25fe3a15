"""What a build is asked to do: where the content is, the rating scale, the publisher, the site's locale.

The MkDocs plugin declares these as configuration options (`factsite.adapters.mkdocs.config`) and hands the core a
`Settings`; the core never reads MkDocs configuration itself.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from factsite.model import RatingScale, Verdict

# Marks the default scale's words for the catalogs; pages translate them where they show them.
from factsite.render.messages import N_

UNREVIEWED = "unreviewed"

DEFAULT_VERDICTS = (
    Verdict(
        "accurate", N_("Accurate"), N_("The claim is correct and nothing significant is missing."),
        "material/check-circle", 5,
    ),
    Verdict(
        "mostly-accurate", N_("Mostly accurate"),
        N_("The claim is correct but needs clarification or has a minor error."),
        "material/check-circle-outline", 4,
    ),
    Verdict(
        "misleading", N_("Misleading"),
        N_("The claim contains accurate elements but leaves a false impression."),
        "material/alert", 3,
    ),
    Verdict(
        "unsupported", N_("Unsupported"), N_("No evidence was found to support the claim."),
        "material/help-circle", 2,
    ),
    Verdict(
        "false", N_("False"), N_("The claim is wrong, or the quotation was not said as given."),
        "material/close-circle", 1,
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Publisher:
    name: str = ""
    url: str = ""
    logo: str = ""


@dataclass(frozen=True)
class ClaimantConfig:
    """A person or organisation whose statements are checked, as the configuration names it: the name its
    page shows, the other names articles use for it, and what it is ("person", "organization" or "")."""

    name: str
    aliases: tuple[str, ...] = ()
    type: str = ""


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: str = ""
    bio: str = ""  # Markdown


@dataclass(frozen=True)
class Trust:
    """What the fact-checkers' codes ask a desk to publish, from the configuration; Markdown text each.
    Each set part makes a page: corrections and complaints, funding and ownership, the team."""

    corrections_policy: str = ""
    complaints: str = ""
    funding: str = ""
    ownership: str = ""
    team: tuple[TeamMember, ...] = ()


@dataclass(frozen=True)
class Settings:
    content_dir: Path
    # Paths in problems are shown relative to this directory (the project root).
    project_dir: Path
    scale: RatingScale = field(default_factory=lambda: RatingScale(DEFAULT_VERDICTS))
    locale: str = "en_US"
    site_url: str = ""
    site_name: str = ""
    publisher: Publisher = field(default_factory=Publisher)
    structured_data: bool = True
    lint: bool = True
    strict: bool = False
    # Articles on each page of the index and sources on each page of the sources page (0: all on one).
    per_page: int = 50
    claimants: tuple[ClaimantConfig, ...] = ()
    trust: Trust = field(default_factory=Trust)
    # Card images for links shared on social media (factsite.render.cards): one per claim and per article
    # ("claims"), per article only, claim pages showing their article's ("articles"), or none ("off").
    social_cards: str = "claims"
    # Inline SVG of each verdict's icon, looked up in the theme by the adapter.
    icons: tuple[tuple[str, str], ...] = ()
    # Patterns (relative to content/, `*` matching across folders) of files published although their type is
    # not (`factsite.build.static_files`), and the paths the theme and the build write, which no content file may take.
    static_files: tuple[str, ...] = ()
    reserved_paths: tuple[str, ...] = ()

    def icon_svg(self, icon: str) -> str:
        return dict(self.icons).get(icon, "")

    def fingerprint(self) -> str:
        """A hash of everything in the settings that changes check results or rendered pages."""
        data = asdict(self)
        data["content_dir"] = str(self.content_dir)
        data["project_dir"] = str(self.project_dir)
        # The site's word list changes what the lint reports (factsite/lint/wordlist.py).
        word_list = self.content_dir / "words.txt"
        data["word_list"] = hashlib.sha256(word_list.read_bytes()).hexdigest() if word_list.is_file() else ""
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
