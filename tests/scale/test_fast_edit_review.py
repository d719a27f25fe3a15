"""The edit's fast path against a build from nothing, adversarially: for each kind of edit (whichever way the build
takes), the site and the problems reported are what a build from nothing of the same content gives; and files
changed behind the build's back (a published file removed, a file rewritten with its old time) do not leave a
stale site."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from factsite.adapters.mkdocs.commands import BuildOutcome, build_site
from factsite.adapters.mkdocs.engines import default_engine
from factsite.build.progress import Progress
from tests.conftest import tree_digest
from tests.scale.conftest import Edit, built_from_nothing, edit_note, edit_verdict, replace_in
from tests.scale.conftest import pagefind_project as pagefind_project
from tests.scale.conftest import site_project as site_project

ARTICLES = "content/articles"


def reported(outcome: BuildOutcome) -> list[str]:
    assert outcome.project is not None
    return [f"{problem.severity.name} {problem}" for problem in outcome.project.problems]


def totals(outcome: BuildOutcome) -> tuple[int, list[str]]:
    """The build's summary line's figures: the articles and every claim's label."""
    if outcome.totals is not None:
        articles, labels = outcome.totals
        return articles, sorted(labels)
    assert outcome.project is not None
    claims = outcome.project.claims
    labels = [c.verdict.label if c.verdict else "correction" if c.claim.correction else "unreviewed" for c in claims]
    return len(outcome.project.articles), sorted(labels)


def same_as_from_nothing(config_file: Path, edited: BuildOutcome, where: Path, *, strict: bool = False) -> None:
    """The edited build's site, problems and summary figures are a build from nothing's."""
    digest, outcome = built_from_nothing(config_file, where, strict=strict)
    assert edited.ok == outcome.ok
    if edited.ok:
        site = tree_digest(config_file.parent / "site")
        differ = sorted(path for path in site.keys() | digest.keys() if site.get(path) != digest.get(path))
        assert not differ, f"stale or missing files after the {'fast' if edited.fast else 'usual'} build: {differ}"
    assert reported(edited) == reported(outcome)
    if edited.ok:
        assert totals(edited) == totals(outcome)


def _in(root: Path, name: str, old: str, new: str) -> list[Path]:
    path = root / ARTICLES / name
    replace_in(path, old, new)
    return [path]


def trailing_whitespace(root: Path) -> list[Path]:
    path = root / ARTICLES / "budget.md"
    path.write_text(path.read_text("utf-8").replace("on Tuesday,", "on Tuesday,   ") + "\n\n", "utf-8")
    return [path]


def yaml_blank_lines(root: Path) -> list[Path]:
    return _in(root, "budget.yaml", "claims:\n", "\nclaims:\n\n")


def typo_fixed(root: Path) -> list[Path]:
    # A copy error the lint reported goes: the warnings change, no page.
    return _in(root, "budget.md", "says teh figures", "says the figures")


def lint_warning_added(root: Path) -> list[Path]:
    return _in(root, "budget.md", "on Tuesday", "on Tuesday teh day")


def mark_text_with_claim_sentence(root: Path) -> list[Path]:
    # The claim has its own `claim:` sentence: other pages show that, its page the marked words.
    return _in(root, "budget.md", "[Jobs grew by a third]{#jobs-grew}", "[Jobs grew by a third overall]{#jobs-grew}")


def mark_text_without_claim_sentence(root: Path) -> list[Path]:
    # The marked words are the claim's title on every page that lists it.
    return _in(root, "budget.md", "we created three lakh jobs]", "we created 3 lakh jobs]")


def ignore_added(root: Path) -> list[Path]:
    path = root / ARTICLES / "budget.yaml"
    path.write_text(path.read_text("utf-8") + "ignore:\n  - teh figures\n", "utf-8")
    return [path]


def source_note(root: Path) -> list[Path]:
    return _in(root, "budget.yaml", "    excerpt: The ministry will hire more.\n",
               "    excerpt: The ministry will hire more.\n    note: Page *4*.\n")  # fmt: skip


def correction_added(root: Path) -> list[Path]:
    path = root / ARTICLES / "budget.yaml"
    path.write_text(path.read_text("utf-8") + "  - date: 2024-03-13\n    change: A date.\n    reason: Wrong.\n",
                    "utf-8")  # fmt: skip
    return [path]


def correction_removed(root: Path) -> list[Path]:
    return _in(root, "budget.yaml", "  - date: 2024-03-15\n    change: The verdict on the figure was explained.\n"
               "    reason: The first note was too short.\n", "")  # fmt: skip


def correction_change(root: Path) -> list[Path]:
    return _in(root, "budget.yaml", "change: The verdict on the figure was explained.",
               "change: The verdict on the figure is explained.")  # fmt: skip


def newest_correction_date(root: Path) -> list[Path]:
    # The article's "updated" date (its pages, the feeds' order and dates).
    return _in(root, "budget.yaml", "date: 2024-03-15", "date: 2024-03-16")


def headline_claim(root: Path) -> list[Path]:
    # The same verdict, another basis and explanation of the article's rating.
    return _in(root, "budget.md", "reviewer: Test desk\n", "reviewer: Test desk\nheadline_claim: jobs-quote\n")


def reviewer(root: Path) -> list[Path]:
    return _in(root, "budget.md", "reviewer: Test desk", "reviewer: Another desk")


def article_address(root: Path) -> list[Path]:
    return _in(root, "budget.md", "url: https://news.example.com/jobs", "url: https://news.example.com/jobs-2")


def summary_text(root: Path) -> list[Path]:
    return _in(root, "budget.md", "the *quote* is not.", "the *quote* is not quite.")


def note_links_another_article(root: Path) -> list[Path]:
    return _in(root, "budget.yaml", "note: The report says so.", "note: As [here](../../../jobs/claims/jobs-grew/).")


def claim_same_as(root: Path) -> list[Path]:
    return _in(root, "budget.yaml", "    note: Still being checked.\n",
               "    note: Still being checked.\n    same_as: jobs/more-hiring\n")  # fmt: skip


EDITS: dict[str, Edit] = {
    "whitespace at line ends and the end of the text": trailing_whitespace,
    "blank lines in the YAML": yaml_blank_lines,
    "a typo fixed in the text (a lint warning goes)": typo_fixed,
    "a copy error added to the text (a lint warning comes)": lint_warning_added,
    "a mark's words, the claim with its own sentence": mark_text_with_claim_sentence,
    "a mark's words, the claim titled by them": mark_text_without_claim_sentence,
    "a lint finding silenced under ignore:": ignore_added,
    "a source's note": source_note,
    "a correction added": correction_added,
    "a correction removed": correction_removed,
    "a correction's change": correction_change,
    "the newest correction's date": newest_correction_date,
    "the rating's basis (headline claim, same verdict)": headline_claim,
    "the reviewer": reviewer,
    "the checked article's address": article_address,
    "the summary": summary_text,
    "a note linking another article's claim": note_links_another_article,
    "a claim's same_as": claim_same_as,
    "a claim's note": edit_note,
}


# The edits that change nothing another page shows (the others may take either way).
TAKE_THE_FAST_PATH = {
    "whitespace at line ends and the end of the text",
    "blank lines in the YAML",
    "a typo fixed in the text (a lint warning goes)",
    "a copy error added to the text (a lint warning comes)",
    "a mark's words, the claim with its own sentence",
    "a note linking another article's claim",
    "a claim's note",
}


@pytest.mark.parametrize("edit_name", list(EDITS), ids=list(EDITS))
def test_each_edit_gives_a_build_from_nothings_site_and_problems(pagefind_project: Path, tmp_path: Path,
                                                                 edit_name: str) -> None:  # fmt: skip
    assert build_site(str(pagefind_project)).ok
    EDITS[edit_name](pagefind_project.parent)
    edited = build_site(str(pagefind_project))
    if edit_name in TAKE_THE_FAST_PATH:  # the comparison is the fast path's, not only the usual build's
        assert edited.fast
    same_as_from_nothing(pagefind_project, edited, tmp_path / "fresh")


def test_an_edit_then_its_revert_each_fast(pagefind_project: Path, tmp_path: Path) -> None:
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    path = root / ARTICLES / "budget.yaml"
    before = path.read_bytes()
    edit_note(root)
    first = build_site(str(pagefind_project))
    assert first.fast
    same_as_from_nothing(pagefind_project, first, tmp_path / "fresh")
    path.write_bytes(before)
    second = build_site(str(pagefind_project))
    assert second.fast
    same_as_from_nothing(pagefind_project, second, tmp_path / "fresh-2")


def test_one_article_edited_fast_again_and_again(pagefind_project: Path, tmp_path: Path) -> None:
    # Its items grow, shrink and grow in the data files: the places of the later articles' items move each time.
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    notes = ["note: The report says so, " + "at length " * 40 + ".", "note: So.", "note: The report, page 4."]
    previous = "note: The report says so."
    for number, note in enumerate(notes):
        _in(root, "budget.yaml", previous, note)
        previous = note
        edited = build_site(str(pagefind_project))
        assert edited.ok and edited.fast
        same_as_from_nothing(pagefind_project, edited, tmp_path / f"fresh-{number}")
    # And then another article, after it in the data files.
    _in(root, "jobs.yaml", "note: The report says so.", "note: It says so.")
    edited = build_site(str(pagefind_project))
    assert edited.ok and edited.fast
    same_as_from_nothing(pagefind_project, edited, tmp_path / "fresh-last")


def test_a_content_error_then_its_fix(pagefind_project: Path, tmp_path: Path) -> None:
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    bad = "note: The report says so. ![chart](https://example.com/chart.png)"
    _in(root, "budget.yaml", "note: The report says so.", bad)
    failed = build_site(str(pagefind_project))
    assert not failed.ok
    same_as_from_nothing(pagefind_project, failed, tmp_path / "fresh")
    _in(root, "budget.yaml", bad, "note: It says so.")
    fixed = build_site(str(pagefind_project))
    assert fixed.ok
    same_as_from_nothing(pagefind_project, fixed, tmp_path / "fresh-2")


def test_strict_after_a_build_that_was_not(pagefind_project: Path, tmp_path: Path) -> None:
    # The site has warnings (a copy error in each article): --strict fails on them, fast path or not.
    assert build_site(str(pagefind_project)).ok
    edit_note(pagefind_project.parent)
    edited = build_site(str(pagefind_project), strict=True)
    assert not edited.ok
    same_as_from_nothing(pagefind_project, edited, tmp_path / "fresh", strict=True)


# MkDocs' own files (the theme's, an editor page, the sitemap), data files, generated pages.
PUBLISHED = ["404.html", "sitemap.xml", "about/index.html", "assets/stylesheets/factsite.css", "feed.xml",
             "claims.json", "articles/jobs/claims/jobs-grew/index.html", "methodology/index.html"]  # fmt: skip


@pytest.mark.parametrize("published", PUBLISHED)
def test_an_edit_after_a_published_file_was_removed_by_hand(pagefind_project: Path, tmp_path: Path,
                                                            published: str) -> None:  # fmt: skip
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    (root / "site" / published).unlink()
    edit_note(root)
    summary = _built_by_cli(root)
    _same_site(pagefind_project, tmp_path / "fresh", "fast" if "only the edited articles" in summary else "usual")


def _rewritten_keeping_time(path: Path, old: str, new: str) -> None:
    """`old` replaced by `new` (as long) in the file, its size and modification time kept (as `cp -p`, `rsync -t`
    or an editor restoring times leave it; or an edit in the same tick of a coarse clock)."""
    assert len(old.encode()) == len(new.encode())
    stat = path.stat()
    replace_in(path, old, new)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns


def test_an_article_rewritten_with_its_size_and_time_kept(pagefind_project: Path, tmp_path: Path) -> None:
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    _rewritten_keeping_time(root / ARTICLES / "budget.yaml", "note: The report says so.", "note: The report said so.")
    edited = build_site(str(pagefind_project))
    assert edited.ok
    same_as_from_nothing(pagefind_project, edited, tmp_path / "fresh")


def _built_by_cli(root: Path) -> str:
    """`factsite build` in a process of its own, as an editor runs it, with the engine this process builds with
    (the one the site from nothing is compared against); its summary line."""
    command = [sys.executable, "-m", "factsite.commands.cli", "build", "--engine", default_engine()]
    run = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return run.stderr


def _same_site(config_file: Path, where: Path, way: str) -> None:
    digest, _ = built_from_nothing(config_file, where)
    site = tree_digest(config_file.parent / "site")
    differ = sorted(path for path in site.keys() | digest.keys() if site.get(path) != digest.get(path))
    assert not differ, f"stale or missing files after the {way} build: {differ}"


@pytest.mark.parametrize("rewritten", ["an editor page", "a source's snapshot"])
def test_a_content_file_rewritten_with_its_size_and_time_kept(pagefind_project: Path, tmp_path: Path,
                                                              rewritten: str) -> None:  # fmt: skip
    root = pagefind_project.parent
    # Another article than the edited one cites the snapshot.
    (root / "content/sources").mkdir()
    text = 'The minister said: "We created three lakh jobs this year." Jobs grew by a third.\n'
    (root / "content/sources/release.txt").write_text(text, "utf-8")
    _in(root, "jobs.yaml", f"    excerpt: |\n      {text}", "    snapshot: sources/release.txt\n")
    assert build_site(str(pagefind_project)).ok
    if rewritten == "an editor page":
        _rewritten_keeping_time(root / "content/about.md", "funded by its readers", "funded by its members")
    else:  # the quote is no longer in the source
        _rewritten_keeping_time(root / "content/sources/release.txt", "We created", "We counted")
    edit_note(root)  # an article edited too: the fast path's own question
    summary = _built_by_cli(root)
    _same_site(pagefind_project, tmp_path / "fresh", "fast" if "only the edited articles" in summary else "usual")


@dataclass
class _SavedDuringBuild(Progress):
    """A progress display that saves an edit as the build reaches `at` (a stage, or "finish": where the fast path
    ends), after its articles were checked: an editor saving while a build runs."""

    edit: Callable[[], object] | None = None
    at: str = ""

    def stage(self, name: str, total: int, unit: str) -> None:
        if name == self.at:
            self._save()
        super().stage(name, total, unit)

    def finish(self) -> None:
        if self.at == "finish":
            self._save()
        super().finish()

    def _save(self) -> None:
        if self.edit is not None:
            self.edit()
            self.edit = None


@pytest.mark.parametrize("first", ["usual", "fast"])
def test_an_article_saved_while_a_build_runs_is_built_by_the_next(pagefind_project: Path, tmp_path: Path,
                                                                   first: str) -> None:  # fmt: skip
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    if first == "fast":
        _in(root, "jobs.yaml", "note: The report says so.", "note: It says so.")
    else:  # a verdict: the whole site is built
        _in(root, "jobs.yaml", "verdict: accurate", "verdict: misleading")
    at = "finish" if first == "fast" else "writing data files"
    saved = _SavedDuringBuild(None, False, edit=lambda: edit_note(root), at=at)
    during = build_site(str(pagefind_project), progress=saved)
    assert during.ok and saved.edit is None and during.fast is (first == "fast")
    # The build published what it checked, before the edit; the next one publishes the edit.
    after = build_site(str(pagefind_project))
    assert after.ok
    same_as_from_nothing(pagefind_project, after, tmp_path / "fresh")


@pytest.mark.parametrize(
    "published", ["404.html", "sitemap.xml", "about/index.html", "assets/stylesheets/factsite.css"]
)
def test_an_edit_after_one_of_mkdocs_files_was_changed_by_hand(pagefind_project: Path, tmp_path: Path,
                                                               published: str) -> None:  # fmt: skip
    # MkDocs' own files have no recorded size and time: the usual build writes them again, which the fast path
    # does not.
    root = pagefind_project.parent
    assert build_site(str(pagefind_project)).ok
    path = root / "site" / published
    path.write_bytes(path.read_bytes() + b"\n<!-- changed by hand -->\n")
    edit_note(root)
    summary = _built_by_cli(root)
    _same_site(pagefind_project, tmp_path / "fresh", "fast" if "only the edited articles" in summary else "usual")


@pytest.mark.parametrize("edit", [edit_note, edit_verdict], ids=["a note (fast)", "a verdict (usual)"])
@pytest.mark.parametrize("where", ["an environment variable (!ENV)", "an inherited configuration (INHERIT)"])
def test_the_configuration_changed_outside_mkdocs_yml(pagefind_project: Path, tmp_path: Path, where: str,
                                                      edit: Edit, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    # The footer of every page shows `copyright:`; mkdocs.yml itself stays byte for byte the same.
    root = pagefind_project.parent
    text = pagefind_project.read_text("utf-8")
    if where.startswith("an environment"):
        pagefind_project.write_text(text + "copyright: !ENV [FACTSITE_REVIEW_COPYRIGHT, none]\n", "utf-8")
        monkeypatch.setenv("FACTSITE_REVIEW_COPYRIGHT", "Copyright the desk, 2024")
    else:
        pagefind_project.write_text("INHERIT: base.yml\n" + text, "utf-8")
        (root / "base.yml").write_text("copyright: Copyright the desk, 2024\n", "utf-8")
    assert build_site(str(pagefind_project)).ok
    if where.startswith("an environment"):
        monkeypatch.setenv("FACTSITE_REVIEW_COPYRIGHT", "Copyright the desk, 2025")
    else:
        (root / "base.yml").write_text("copyright: Copyright the desk, 2025\n", "utf-8")
    edit(root)
    summary = _built_by_cli(root)
    _same_site(pagefind_project, tmp_path / "fresh", "fast" if "only the edited articles" in summary else "usual")


def test_an_asset_of_the_themes_custom_dir_changed(pagefind_project: Path, tmp_path: Path) -> None:
    # The theme's overrides hold a stylesheet (not a template): MkDocs copies it into the site on every build.
    root = pagefind_project.parent
    config = pagefind_project.read_text("utf-8").replace("name: material", "name: material\n  custom_dir: overrides")
    pagefind_project.write_text(config, "utf-8")
    stylesheet = root / "overrides/assets/stylesheets/desk.css"
    stylesheet.parent.mkdir(parents=True)
    stylesheet.write_text(".md-header { color: navy; }\n", "utf-8")
    assert build_site(str(pagefind_project)).ok
    assert (root / "site/assets/stylesheets/desk.css").is_file()
    stylesheet.write_text(".md-header { color: darkred; }\n", "utf-8")
    edit_note(root)
    summary = _built_by_cli(root)
    _same_site(pagefind_project, tmp_path / "fresh", "fast" if "only the edited articles" in summary else "usual")


PAGINATED = ["a claim's note", "a typo fixed in the text (a lint warning goes)",
             "a mark's words, the claim with its own sentence", "a source's note"]  # fmt: skip


@pytest.mark.parametrize("edit_name", PAGINATED)
def test_edits_with_every_listing_paginated(tmp_path: Path, edit_name: str) -> None:
    # One item a page: the index, the sources page and the claimant pages in several pages, each page's list
    # its own share.
    config_file = site_project(tmp_path / "project", search="pagefind")
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["plugins"][1]["factsite"]["per_page"] = 1
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    assert build_site(str(config_file)).ok
    assert (config_file.parent / "site/page/3/index.html").is_file()
    EDITS[edit_name](config_file.parent)
    edited = build_site(str(config_file))
    assert edited.ok and edited.fast is (edit_name in TAKE_THE_FAST_PATH)
    same_as_from_nothing(config_file, edited, tmp_path / "fresh")
