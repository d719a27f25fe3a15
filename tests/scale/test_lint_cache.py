"""The lint reads an article body once: a changed YAML, or a run after the cache was saved, does not lint again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from factsite.adapters.mkdocs.commands import build_site
from factsite.build import ahead
from factsite.build.incremental.check_cache import CheckCache
from factsite.build.pipeline import check_project
from factsite.load.site_config import read_settings
from tests.conftest import tree_digest
from tests.scale.conftest import built_from_nothing, edit_note, edit_text, replace_in
from tests.scale.conftest import pagefind_project as pagefind_project


def checked(config_file: Path) -> tuple[CheckCache, tuple[str, ...]]:
    """A `check` of the site as the command runs it, with a cache of its own; the problems found."""
    settings, cache_dir = read_settings(str(config_file))
    cache = CheckCache(settings, cache_dir)
    project = check_project(settings, cache.check)
    cache.finish()
    return cache, tuple(str(problem) for problem in project.problems)


def test_a_changed_note_checks_the_article_again_without_linting_it(project: Path) -> None:
    first, problems = checked(project)
    # The fixture's articles are copies: a body read once is not linted again for the next one either.
    assert first.misses == 3 and first.lint.runs >= 1 and first.lint.runs + first.lint.hits == 3
    edit_note(project.parent)
    second, again = checked(project)
    assert (second.hits, second.misses) == (2, 1)  # the edited article is checked again...
    assert (second.lint.runs, second.lint.hits) == (0, 1)  # ...but its body is not linted again
    assert again == problems
    edit_text(project.parent)
    third, _ = checked(project)
    assert (third.misses, third.lint.runs) == (1, 1)  # a changed body is linted


def test_cached_findings_are_the_findings(project: Path) -> None:
    # The fixture's unmarked "teh", which the lint reports, is found the same from the cache as from Harper.
    _, problems = checked(project)
    assert any("“teh”" in problem for problem in problems)
    shutil.rmtree(project.parent / ".factsite-cache" / "articles")
    cache, again = checked(project)
    assert cache.lint.runs == 0 and cache.lint.hits == 3
    assert again == problems


def _stamp(root: Path) -> Path:
    return root / ".factsite-cache/articles/checked"  # `CheckCache.finish`


def test_the_lint_engine_is_not_loaded_ahead_when_no_article_will_be_linted(project: Path) -> None:
    root = project.parent
    assert ahead.lint_expected(str(project))  # nothing cached yet
    checked(project)
    assert not ahead.lint_expected(str(project))  # every article is in the saved cache
    edit_text(root)  # after the stamp, or within the same tick of the clock
    assert ahead.lint_expected(str(project))  # an article's body changed since
    checked(project)
    assert not ahead.lint_expected(str(project))
    replace_in(project, "factsite:\n", "factsite:\n    lint: false\n")
    shutil.rmtree(root / ".factsite-cache")
    assert not ahead.lint_expected(str(project))  # the lint is off


def test_the_guess_reads_mkdocs_yml_with_its_tags_ignored(project: Path) -> None:
    """The guess reads mkdocs.yml with libyaml where PyYAML has it: MkDocs' and Python's tags are ignored, and the
    options read are the factsite plugin's."""
    text = project.read_text("utf-8")
    project.write_text(
        text.replace("factsite:\n", "factsite:\n    lint: false\n")
        + "extra:\n  key: !ENV [FACTSITE_NO_SUCH_VARIABLE, 'x']\n  function: !!python/name:os.path.join\n"
        + "  dir: !relative $config_dir\n",
        "utf-8",
    )
    assert not ahead.lint_expected(str(project))  # the lint is off, the tags notwithstanding
    project.write_text(text + "extra:\n  key: !ENV [FACTSITE_NO_SUCH_VARIABLE, 'x']\n", "utf-8")
    assert ahead.lint_expected(str(project))
    project.write_text(text + "extra: [unclosed\n", "utf-8")
    assert ahead.lint_expected(str(project))  # a file it cannot read: yes, the command reports it


def test_an_edit_of_a_yaml_file_alone_expects_no_lint_and_lints_nothing(project: Path) -> None:
    root = project.parent
    checked(project)
    # A note and a verdict, the fast path's commonest edit and the commonest one it does not take.
    edit_note(root)
    replace_in(root / "content/articles/jobs.yaml", "verdict: accurate", "verdict: misleading")
    assert not ahead.lint_expected(str(project))
    cache, _ = checked(project)
    assert cache.misses == 2 and cache.lint.runs == 0  # both articles checked again, neither linted
    # Saved by replacing the file, as many editors do: the folder of articles changes, no body does.
    citations = root / "content/articles/budget.yaml"
    saved = citations.with_name("budget.yaml.tmp")
    saved.write_text(citations.read_text("utf-8").replace("on page 4", "on page 5"), "utf-8")
    saved.replace(citations)
    assert not ahead.lint_expected(str(project))
    cache, _ = checked(project)
    assert cache.misses == 1 and cache.lint.runs == 0


def test_what_the_lint_reads_expects_a_lint(project: Path) -> None:
    root = project.parent
    articles = root / "content/articles"
    checked(project)
    # An article added as a copy that keeps its modification time: its change time is new.
    for suffix in (".md", ".yaml"):
        shutil.copy2(articles / f"jobs{suffix}", articles / f"schools{suffix}")
    assert (articles / "schools.md").stat().st_mtime_ns < _stamp(root).stat().st_mtime_ns
    assert ahead.lint_expected(str(project))
    checked(project)
    assert not ahead.lint_expected(str(project))
    # The site's word list, which changes what the lint reports.
    words = root / "content/words.txt"
    words.write_text("Hale\n", "utf-8")
    assert ahead.lint_expected(str(project))


def test_a_wrong_no_only_loads_the_dictionary_where_the_lint_needs_it(project: Path) -> None:
    # A new misspelling in a body the guess missed (the stamp saved after the edit, as a clock set back would):
    # the lint still runs and reports it.
    root = project.parent
    checked(project)
    replace_in(root / "content/articles/budget.md", "according to", "acording to")
    later = (root / "content/articles/budget.md").stat().st_ctime_ns + 10**9
    os.utime(_stamp(root), ns=(later, later))
    assert not ahead.lint_expected(str(project))
    cache, problems = checked(project)
    assert cache.lint.runs == 1
    assert any("budget.md" in problem and "“acording”" in problem for problem in problems), problems


def test_builds_after_a_yaml_edit_and_a_body_edit(pagefind_project: Path, tmp_path: Path) -> None:
    # The fast path's commonest edit, a claim's note: no lint expected, none run, the site a build from nothing's.
    root = pagefind_project.parent
    lint_entries = root / ".factsite-cache/lint"
    assert build_site(str(pagefind_project)).ok
    linted = sorted(lint_entries.iterdir())
    edit_note(root)
    assert not ahead.lint_expected(str(pagefind_project))
    edited = build_site(str(pagefind_project))
    assert edited.ok and edited.fast
    assert sorted(lint_entries.iterdir()) == linted  # nothing linted
    assert tree_digest(root / "site") == built_from_nothing(pagefind_project, tmp_path / "fresh")[0]
    # A new misspelling in the body: expected, linted, reported.
    replace_in(root / "content/articles/budget.md", "according to", "acording to")
    assert ahead.lint_expected(str(pagefind_project))
    edited = build_site(str(pagefind_project))
    assert edited.ok and edited.project is not None
    assert len(list(lint_entries.iterdir())) == len(linted) + 1
    assert any(
        problem.location.path == "content/articles/budget.md" and "“acording”" in problem.message
        for problem in edited.project.problems
    )
