"""The IFCN-style checklist: funding, contact, an unambiguous scale; warnings --strict fails on."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsite.model import RatingScale, Severity, Verdict
from factsite.publication import publication_checklist, read_editor_pages
from factsite.settings import DEFAULT_VERDICTS, Publisher, Settings
from tests.publish.conftest import BuiltSite, build
from tests.publish.site_fixture import write_site

SETTINGS = Settings(
    content_dir=Path("content"),
    project_dir=Path("."),
    site_url="https://checks.example.org/",
    publisher=Publisher("Test desk"),
)
FUNDING = "## Funding\n\nWe are funded by our readers.\n"
EMAIL = "Write to desk@example.org.\n"


@pytest.mark.parametrize(
    ("pages", "missing"),
    [
        ({"about.md": FUNDING + EMAIL}, []),
        ({}, ["funded", "reach"]),
        ({"about.md": FUNDING}, ["reach"]),
        ({"about.md": EMAIL}, ["funded"]),
        ({"about.md": FUNDING, "contact.md": "# Contact us\n"}, []),
        ({"about.md": FUNDING, "contact/index.md": "# Contact us\n"}, []),
        ({"about.md": FUNDING + "Use the [form](https://forms.example.org/contact).\n"}, []),
        ({"about.md": FUNDING + "[Mail us](mailto:desk@example.org)\n"}, []),
        ({"about.md": "Donations keep us going. " + EMAIL}, []),
        ({"about.md": "We have no sponsors. " + EMAIL}, []),
    ],
    ids=[
        "funding and email",
        "no editor pages",
        "no contact route",
        "no funding statement",
        "contact page",
        "contact folder page",
        "contact form link",
        "mailto link",
        "donations",
        "no sponsors",
    ],
)
def test_checklist_warns_for_what_the_pages_lack(pages: dict[str, str], missing: list[str]) -> None:
    problems = publication_checklist(SETTINGS, pages)
    found = [word for word in ("funded", "reach") if any(word in p.message for p in problems)]
    assert found == missing
    assert {(p.severity, str(p.location)) for p in problems} <= {(Severity.WARNING, "content/")}


@pytest.mark.parametrize(
    ("verdicts", "message"),
    [
        (
            (
                Verdict("true", "True", "Correct.", "", 2),
                Verdict("right", "Right", "Correct.", "", 2),
            ),
            "verdicts True, Right share the rating 2",
        ),
        (
            (Verdict("true", "True", "", "", 2), Verdict("false", "False", "Wrong.", "", 1)),
            "verdict 'true' has no definition",
        ),
    ],
    ids=["two labels for one number", "verdict without a definition"],
)
def test_checklist_warns_about_a_scale_the_methodology_cannot_publish(
    verdicts: tuple[Verdict, ...], message: str
) -> None:
    settings = Settings(
        content_dir=Path("content"),
        project_dir=Path("."),
        scale=RatingScale(verdicts),
        publisher=Publisher("Desk"),
    )
    problems = publication_checklist(settings, {"about.md": FUNDING + EMAIL})
    assert [(str(p.location), p.message) for p in problems] == [("mkdocs.yml", message)]


def test_default_scale_and_demo_pages_pass(demo_site: BuiltSite) -> None:
    content = demo_site.project.settings.content_dir
    assert publication_checklist(demo_site.project.settings, read_editor_pages(content)) == []
    assert demo_site.project.problems == ()
    assert demo_site.project.settings.scale.verdicts == DEFAULT_VERDICTS


def test_demo_builds_clean_under_strict(demo_site: BuiltSite) -> None:
    outcome = build(demo_site.config_file, strict=True)
    assert outcome.ok
    assert outcome.project is not None and outcome.project.problems == ()


def test_fact_check_articles_are_not_editor_pages(tmp_path: Path) -> None:
    write_site(tmp_path, about=None)
    (tmp_path / "content/sources").mkdir()
    (tmp_path / "content/sources/notes.md").write_text("Funded by x@example.org", "utf-8")
    (tmp_path / "content/index.md").write_text("Welcome.", "utf-8")
    assert read_editor_pages(tmp_path / "content") == {"index.md": "Welcome."}


@pytest.mark.parametrize("strict", [False, True], ids=["warnings", "strict"])
def test_a_site_without_about_page_is_flagged(tmp_path: Path, strict: bool) -> None:
    outcome = build(write_site(tmp_path, about=None), strict=strict)
    assert outcome.project is not None
    flagged = [p for p in outcome.project.problems if p.code == "publication"]
    assert [str(p.location) for p in flagged] == ["content/", "content/"]
    assert {p.severity for p in flagged} == {Severity.ERROR if strict else Severity.WARNING}
    assert outcome.ok is not strict
