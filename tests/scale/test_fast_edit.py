"""The edit's fast path (early cut-off): an edit that changes nothing other pages show of its article builds only
that article's pages, and the site is byte for byte what a build from nothing gives; any other edit builds the
usual way, to the same site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.build.incremental.edit_state import STATE_VERSION, load_state, save_state, state_path
from tests.conftest import tree_digest
from tests.scale.conftest import (
    Edit,
    add_article,
    add_claim,
    built_from_nothing,
    edit_note,
    edit_text,
    remove_article,
    replace_in,
)
from tests.scale.conftest import edit_verdict as edit_verdict
from tests.scale.conftest import pagefind_project as pagefind_project
from tests.scale.conftest import site_project as site_project


def _budget(root: Path, old: str, new: str, suffix: str = ".yaml") -> list[Path]:
    path = root / f"content/articles/budget{suffix}"
    replace_in(path, old, new)
    return [path]


def edit_other_note(root: Path) -> list[Path]:
    return _budget(root, "note: Still being checked.", "note: Still being checked with *the ministry*.")


def edit_comment(root: Path) -> list[Path]:
    # Every line of the YAML moves down: the problems' places change, nothing any page shows.
    path = root / "content/articles/budget.yaml"
    path.write_text("# Checked twice.\n" + path.read_text("utf-8"), "utf-8")
    return [path]


def edit_excerpt(root: Path) -> list[Path]:
    # Shown on the sources page: not taken.
    return _budget(root, "excerpt: The ministry will hire more.", "excerpt: The ministry will hire more staff.")


def edit_correction_reason(root: Path) -> list[Path]:
    # Shown on the article's own pages, and on the corrections page: not taken.
    return _budget(root, "reason: A reader asked where the quote came from.", "reason: A reader asked.")


def edit_title(root: Path) -> list[Path]:
    return _budget(root, "title: Minister says jobs grew by a third", "title: Minister says jobs grew by half", ".md")


def edit_claimant(root: Path) -> list[Path]:
    return _budget(root, "speaker: The minister", "speaker: The labour minister")


def edit_date(root: Path) -> list[Path]:
    return _budget(root, "reviewed: 2024-03-11", "reviewed: 2024-03-10", ".md")


def edit_source_address(root: Path) -> list[Path]:
    return _budget(root, "url: https://gov.example.org/plans", "url: https://gov.example.org/plans-2024")


def edit_claim_text(root: Path) -> list[Path]:
    return _budget(root, 'claim: "Jobs grew by a third in a year."', 'claim: "Jobs grew by a third within a year."')


FAST: dict[str, Edit] = {
    "a claim's note": edit_note,
    "another claim's note, with Markdown": edit_other_note,
    "the article's text around a quote (its context on the claim page)": edit_text,
    "a comment at the top of the YAML": edit_comment,
}
FULL: dict[str, Edit] = {
    "a verdict": edit_verdict,
    "the title": edit_title,
    "a claimant": edit_claimant,
    "the review date": edit_date,
    "a source's address": edit_source_address,
    "a claim's text": edit_claim_text,
    "a correction's reason": edit_correction_reason,
    "a source's excerpt": edit_excerpt,
    "a claim added": add_claim,
    "an article removed": remove_article,
    "an article added": add_article,
}


def from_nothing(config_file: Path, site: Path) -> str:
    """The digest of every file of a build with no cache and no previous site, which renders every page."""
    digest, outcome = built_from_nothing(config_file, site)
    assert outcome.ok and outcome.rendered == outcome.pages
    return digest


@pytest.mark.parametrize("edit_name", list(FAST), ids=list(FAST))
def test_an_edit_that_changes_nothing_outside_its_pages_takes_the_fast_path(pagefind_project: Path, tmp_path: Path,
                                                                              edit_name: str) -> None:  # fmt: skip
    assert build_site(str(pagefind_project)).ok
    FAST[edit_name](pagefind_project.parent)
    edited = build_site(str(pagefind_project))
    assert edited.ok and edited.fast
    assert edited.rendered <= 5  # the article's page and its four claims' at most (none for a comment)
    assert tree_digest(pagefind_project.parent / "site") == from_nothing(pagefind_project, tmp_path / "fresh")


@pytest.mark.parametrize("edit_name", list(FULL), ids=list(FULL))
def test_an_edit_that_changes_what_other_pages_show_builds_the_usual_way(pagefind_project: Path, tmp_path: Path,
                                                                          edit_name: str) -> None:  # fmt: skip
    assert build_site(str(pagefind_project)).ok
    FULL[edit_name](pagefind_project.parent)
    edited = build_site(str(pagefind_project))
    assert edited.ok and not edited.fast
    assert tree_digest(pagefind_project.parent / "site") == from_nothing(pagefind_project, tmp_path / "fresh")


def test_successive_edits_fast_then_not_give_a_build_from_nothings_site(pagefind_project: Path,
                                                                       tmp_path: Path) -> None:  # fmt: skip
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    edit_note(root)
    assert build_site(str(pagefind_project)).fast
    # Another article's note: the state the fast path left (where each article's items are) is right.
    replace_in(root / "content/articles/hospital.yaml", "note: The report says so.", "note: It says so.")
    second = build_site(str(pagefind_project))
    assert second.ok and second.fast
    assert tree_digest(root / "site") == from_nothing(pagefind_project, tmp_path / "fresh")
    edit_verdict(root)
    third = build_site(str(pagefind_project))
    assert third.ok and not third.fast
    assert tree_digest(root / "site") == from_nothing(pagefind_project, tmp_path / "fresh-2")
    edit_other_note(root)  # and the full build left a state for the fast path again
    fourth = build_site(str(pagefind_project))
    assert fourth.ok and fourth.fast
    assert tree_digest(root / "site") == from_nothing(pagefind_project, tmp_path / "fresh-3")


@pytest.mark.parametrize("damage", ["truncated", "corrupt", "empty", "another version", "another manifest"])
def test_a_damaged_state_builds_the_usual_way(pagefind_project: Path, tmp_path: Path, damage: str) -> None:
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    state = state_path(root / ".factsite-cache", root / "site")
    data = state.read_bytes()
    loaded = load_state(state)
    assert loaded is not None
    if damage == "another version":
        loaded.version = STATE_VERSION + 1
        save_state(state, loaded)
    elif damage == "another manifest":  # the site built since by another command, which left the state as it was
        manifest = state.with_suffix(".json")
        manifest.write_text(manifest.read_text("utf-8").replace('"pages"', ' "pages"', 1), "utf-8")
    else:
        state.write_bytes({"truncated": data[: len(data) // 2], "corrupt": data[:100] + b"\xff" * 50,
                           "empty": b""}[damage])  # fmt: skip
    edit_note(root)
    edited = build_site(str(pagefind_project))
    assert edited.ok and not edited.fast
    assert tree_digest(root / "site") == from_nothing(pagefind_project, tmp_path / "fresh")
    assert load_state(state) is not None  # written again whole


def test_no_fast_path_with_materials_search(project: Path) -> None:
    # Material's index holds every page's words: the whole build makes it.
    assert build_site(str(project)).ok
    assert not state_path(project.parent / ".factsite-cache", project.parent / "site").exists()
    edit_note(project.parent)
    edited = build_site(str(project))
    assert edited.ok and not edited.fast


def test_a_content_error_on_the_fast_path_leaves_the_site_as_it_was(pagefind_project: Path) -> None:
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    before = tree_digest(root / "site")
    # An image from another host in a note: an error, located at the claim.
    _budget(root, "note: The report says so.", "note: The report says so. ![chart](https://example.com/chart.png)")
    edited = build_site(str(pagefind_project))
    assert not edited.ok and edited.fast
    assert edited.project is not None
    errors = [str(problem) for problem in edited.project.errors]
    assert errors and all(error.startswith("content/articles/budget.yaml:") for error in errors)
    assert tree_digest(root / "site") == before
    # Fixed, the edit is published the fast way.
    _budget(root, "note: The report says so. ![chart](https://example.com/chart.png)", "note: It says so.")
    fixed = build_site(str(pagefind_project))
    assert fixed.ok and fixed.fast


def test_two_articles_edited_at_once(pagefind_project: Path, tmp_path: Path) -> None:
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    edit_note(root)
    replace_in(root / "content/articles/jobs.yaml", "note: Still being checked.", "note: Being checked.")
    edited = build_site(str(pagefind_project))
    assert edited.ok and edited.fast and edited.rendered == 2
    assert tree_digest(root / "site") == from_nothing(pagefind_project, tmp_path / "fresh")


@pytest.mark.parametrize("change", ["site removed", "a page changed by hand", "claims.json changed by hand"])
def test_a_site_that_is_not_as_last_built_builds_the_usual_way(pagefind_project: Path, tmp_path: Path,
                                                               change: str) -> None:  # fmt: skip
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    site = root / "site"
    if change == "site removed":
        shutil.rmtree(site)
    else:
        path = site / ("claims.json" if "claims" in change else "articles/jobs/index.html")
        path.write_bytes(path.read_bytes() + b" ")
    edit_note(root)
    edited = build_site(str(pagefind_project))
    assert edited.ok and not edited.fast
    assert tree_digest(site) == from_nothing(pagefind_project, tmp_path / "fresh")
