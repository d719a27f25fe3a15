"""The lint reads an article body once: a changed YAML, or a run after the cache was saved, does not lint again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from factsite.build import ahead
from factsite.build.incremental.check_cache import CheckCache
from factsite.build.pipeline import check_project
from factsite.load.site_config import read_settings
from tests.scale.conftest import edit_note, edit_text, replace_in


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


def test_the_lint_engine_is_not_loaded_ahead_when_no_article_will_be_linted(project: Path) -> None:
    assert ahead.lint_expected(str(project))  # nothing cached yet
    checked(project)
    assert not ahead.lint_expected(str(project))  # every article is in the saved cache
    edit_note(project.parent)
    stamp = project.parent / ".factsite-cache/articles/checked"
    earlier = (project.parent / "content/articles/budget.yaml").stat().st_mtime_ns - 10**9
    os.utime(stamp, ns=(earlier, earlier))  # the edit came after the last check, however fast the disk's clock
    assert ahead.lint_expected(str(project))  # an article changed since
    checked(project)
    assert not ahead.lint_expected(str(project))
    replace_in(project, "factsite:\n", "factsite:\n    lint: false\n")
    shutil.rmtree(project.parent / ".factsite-cache")
    assert not ahead.lint_expected(str(project))  # the lint is off
