"""What a site must publish to be trusted and read by machines: an IFCN-style checklist and the
structured data checks, both reported as problems of the build.

The International Fact-Checking Network asks signatories to publish their methodology, their
corrections policy, their funding and ownership, their team and a way to reach them. factsite generates
the methodology (with the rating scale) and the corrections page; the plugin's `trust:` option (trust
pages) or the editor's own pages (`content/*.md`) must state the funding and the ownership, name the
team and give a contact route. Missing items are warnings, so `--strict` fails on them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from factsite.model import Location, Problem, Project, Severity
from factsite.render.same_claims import same_as_problems
from factsite.render.structured_data import CONFIG_LOCATION, structured_data_problems
from factsite.settings import Settings

# Editor pages live beside these folders, which hold the fact-checks and their source texts.
CONTENT_FOLDERS = ("articles", "sources")
FUNDING_WORDS = re.compile(
    r"\b(fund(s|ed|ing|er|ers)?|financ\w*|donat\w*|donor\w*|sponsor\w*|grants?|revenue|income)\b",
    re.IGNORECASE,
)
OWNERSHIP_WORDS = re.compile(
    r"\b(own(s|ed|er|ers|ership)?|independent|non-?profit|charity|charitable|cooperative|publisher)\b", re.IGNORECASE
)
TEAM_HEADING = re.compile(r"^#+\s*(the\s+)?(team|staff|who we are|our people|editors)\b", re.IGNORECASE | re.MULTILINE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
CONTACT_LINK = re.compile(r"\]\(\s*<?[^)\s]*contact[^)\s]*>?\s*\)", re.IGNORECASE)


def read_editor_pages(content_dir: Path) -> dict[str, str]:
    """The editor's Markdown pages, by path in the content directory; fact-checks excluded."""
    pages = {}
    for path in sorted(content_dir.rglob("*.md")):
        relative = path.relative_to(content_dir).as_posix()
        if relative.split("/", 1)[0] not in CONTENT_FOLDERS:
            pages[relative] = path.read_text("utf-8", errors="replace")
    return pages


def publication_checklist(settings: Settings, pages: Mapping[str, str]) -> list[Problem]:
    """A warning for each item of the checklist the site lacks."""
    content = Location(f"{settings.content_dir.name}/")
    problems = list(_scale_problems(settings))
    trust = settings.trust
    if not trust.funding and not any(FUNDING_WORDS.search(text) for text in pages.values()):
        problems.append(
            _warning(
                content,
                "no page states how the fact-checks are funded",
                "set `trust: funding:` under the factsite plugin in mkdocs.yml, or say who pays for the work "
                "(or that nobody does) on an editor page such as content/about.md, under a heading like 'Funding'",
            )
        )
    if not _gives_contact("", trust.complaints) and not any(_gives_contact(p, t) for p, t in pages.items()):
        problems.append(
            _warning(
                content,
                "no page tells readers how to reach the fact-checkers",
                "set `trust: complaints:` under the factsite plugin in mkdocs.yml with an email address, or give "
                "one on an editor page such as content/about.md, or add a content/contact.md page, so readers can "
                "ask for corrections",
            )
        )
    if not trust.ownership and not any(OWNERSHIP_WORDS.search(text) for text in pages.values()):
        problems.append(
            _warning(
                content,
                "no page says who owns the fact-checking desk",
                "set `trust: ownership:` under the factsite plugin in mkdocs.yml, or say who owns and controls the "
                "desk (or that it is independent) on an editor page such as content/about.md",
            )
        )
    if not trust.team and not any(_names_team(path, text) for path, text in pages.items()):
        problems.append(
            _warning(
                content,
                "no page names the people behind the fact-checks",
                "list them under `trust: team:` (name, role, bio) under the factsite plugin in mkdocs.yml, or on "
                "an editor page such as content/team.md",
            )
        )
    if not settings.publisher.name and not settings.structured_data:
        problems.append(
            _warning(
                CONFIG_LOCATION,
                "the site does not name its publisher",
                "name the `publisher:` under the factsite plugin in mkdocs.yml",
            )
        )
    return problems


def _names_team(path: str, text: str) -> bool:
    name = path.removesuffix(".md").removesuffix("/index").rsplit("/", 1)[-1]
    return name in ("team", "staff", "people") or bool(TEAM_HEADING.search(text))


def _gives_contact(path: str, text: str) -> bool:
    name = path.removesuffix(".md").removesuffix("/index")
    return name.rsplit("/", 1)[-1] == "contact" or bool(EMAIL.search(text) or CONTACT_LINK.search(text))


def _scale_problems(settings: Settings) -> Iterator[Problem]:
    """The methodology publishes the scale: each step needs a meaning and a number of its own."""
    verdicts = settings.scale.verdicts
    for verdict in verdicts:
        if not verdict.definition.strip():
            yield _warning(
                CONFIG_LOCATION,
                f"verdict '{verdict.id}' has no definition",
                "define every verdict of the scale: the methodology page publishes it",
            )
    for value, count in Counter(v.value for v in verdicts).items():
        if count > 1:
            labels = ", ".join(v.label for v in verdicts if v.value == value)
            yield _warning(
                CONFIG_LOCATION,
                f"verdicts {labels} share the rating {value}",
                "give each verdict its own number: readers and harvesters of ClaimReview map numbers back to labels",
            )


def _warning(location: Location, message: str, hint: str) -> Problem:
    return Problem(Severity.WARNING, location, message, hint, "publication")


def publication_problems(project: Project, pages: Mapping[str, str]) -> list[Problem]:
    """The checklist and the structured data checks, as errors under `--strict`."""
    problems = publication_checklist(project.settings, pages) + structured_data_problems(project)
    problems += same_as_problems(project.claims)
    if project.settings.strict:
        problems = [problem.as_error() for problem in problems]
    return problems


def with_publication_problems(project: Project) -> Project:
    """The project with the publication problems of its site added to the content problems."""
    pages = read_editor_pages(project.settings.content_dir)
    problems = list(project.problems) + publication_problems(project, pages)
    problems.sort(key=lambda p: (p.location.path, p.location.line, p.location.column, p.message))
    return replace(project, problems=tuple(problems))
