"""What a build is asked to do: where the content is, the rating scale, the publisher, the site's locale.

The MkDocs plugin declares these as configuration options (`factsite.mkdocs_plugin.config`) and hands the core a
`Settings`; the core never reads MkDocs configuration itself.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from factsite.model import RatingScale, Verdict

UNREVIEWED = "unreviewed"

DEFAULT_VERDICTS = (
    Verdict(
        "accurate", "Accurate", "The claim is correct and nothing significant is missing.",
        "material/check-circle", 5,
    ),
    Verdict(
        "mostly-accurate", "Mostly accurate",
        "The claim is correct but needs clarification or has a minor error.",
        "material/check-circle-outline", 4,
    ),
    Verdict(
        "misleading", "Misleading",
        "The claim contains accurate elements but leaves a false impression.",
        "material/alert", 3,
    ),
    Verdict(
        "unsupported", "Unsupported", "No evidence was found to support the claim.",
        "material/help-circle", 2,
    ),
    Verdict(
        "false", "False", "The claim is wrong, or the quotation was not said as given.",
        "material/close-circle", 1,
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Publisher:
    name: str = ""
    url: str = ""
    logo: str = ""


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
    # Inline SVG of each verdict's icon, looked up in the theme by the adapter.
    icons: tuple[tuple[str, str], ...] = ()
    # Patterns (relative to content/, `*` matching across folders) of files published although their type is
    # not (`factsite.static_files`), and the paths the theme and the build write, which no content file may take.
    static_files: tuple[str, ...] = ()
    reserved_paths: tuple[str, ...] = ()

    def icon_svg(self, icon: str) -> str:
        return dict(self.icons).get(icon, "")

    def fingerprint(self) -> str:
        """A hash of everything in the settings that changes check results or rendered pages."""
        data = asdict(self)
        data["content_dir"] = str(self.content_dir)
        data["project_dir"] = str(self.project_dir)
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
