"""While Harper's dictionary loads in a thread started ahead (`factsite.build.ahead`), the check goes on with the next
articles, all but a lint that needs the dictionary (`CheckCache._check_ahead`), and lints each when its turn comes:
the same outcomes, problems in the same order and the same cache entries, byte for byte, as a check that finds the
dictionary loaded; in one process and where the check forks."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from factsite.build import ahead
from factsite.build.incremental.check_cache import CheckCache
from factsite.build.pipeline import article_paths, check_project
from factsite.load.site_config import read_settings
from factsite.model import CheckedArticle
from tests.conftest import copy_demo, ran_where_it_forks
from tests.scale.conftest import site_project


def _loading_until_checked_ahead(checks: CheckCache) -> threading.Event:
    """Work started ahead that runs, as the dictionary's load would, until every article the cache lacked was taken
    to be checked ahead (then the lint no longer has anything to do first), or until the event returned is set."""
    done = threading.Event()

    def load() -> None:
        while checks._upcoming and not done.is_set():
            time.sleep(0.001)

    ahead.start(load)
    return done


def _entries(cache_dir: Path) -> dict[str, bytes]:
    return {path.relative_to(cache_dir).as_posix(): path.read_bytes()
            for path in sorted(cache_dir.rglob("*")) if path.is_file()}  # fmt: skip


def _check(config_file: Path, cache_dir: Path, *, loading: bool, workers: int = 1,
           seen: list[tuple[str, int, int]] | None = None) -> tuple[str, ...]:  # fmt: skip
    """A check as `build` and `check` run it, with the dictionary still loading or loaded; its problems."""
    settings = read_settings(str(config_file))[0]
    checks = CheckCache(settings, cache_dir)
    pairs = article_paths(settings.content_dir)[0]

    def claims_checked(checked: CheckedArticle) -> None:
        # What was done by the time an article was handed on, before its lint: articles checked ahead, lints run.
        if seen is not None:
            seen.append((checked.article.slug, len(checks._ahead), checks.lint.runs + checks.lint.hits))

    checks.on_claims = claims_checked
    checks._upcoming.extend(pairs)  # so that the work started below does not end before the check starts
    done = _loading_until_checked_ahead(checks) if loading else threading.Event()
    checks.prefetch(pairs, workers, minimum=2)
    project = check_project(settings, checks.check)
    done.set()
    ahead.wait()
    assert not checks._ahead  # every article checked ahead was linted in its turn
    checks.finish()
    return tuple(str(problem) for problem in project.problems)


def test_the_next_articles_are_checked_while_the_dictionary_loads(tmp_path: Path) -> None:
    config_file = site_project(tmp_path / "site")  # three articles in English, whose lint reads the dictionary
    loaded = _check(config_file, tmp_path / "loaded", loading=False)
    seen: list[tuple[str, int, int]] = []
    problems = _check(config_file, tmp_path / "loading", loading=True, seen=seen)
    # The first article waits for its lint: the two others are checked meanwhile, but for their lint.
    assert [(found[1], found[2]) for found in seen] == [(2, 0), (1, 1), (0, 2)]
    assert any("“teh”" in problem for problem in problems)  # the lint's own finding, Harper's spelling
    assert problems == loaded
    assert _entries(tmp_path / "loading") == _entries(tmp_path / "loaded")


def test_an_article_whose_lint_needs_no_dictionary_is_checked_whole_meanwhile(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "demo")  # English first, then Arabic and Hindi, which Harper does not read
    loaded = _check(project / "mkdocs.yml", tmp_path / "loaded", loading=False)
    seen: list[tuple[str, int, int]] = []
    problems = _check(project / "mkdocs.yml", tmp_path / "loading", loading=True, seen=seen)
    assert seen[0][1:] == (2, 2)  # the Arabic and Hindi articles checked and linted before the English one's lint
    assert problems == loaded
    assert _entries(tmp_path / "loading") == _entries(tmp_path / "loaded")


def test_without_the_lint_nothing_waits_for_the_dictionary(tmp_path: Path) -> None:
    config_file = site_project(tmp_path / "site")
    config = yaml.safe_load(config_file.read_text("utf-8"))
    next(plugin for plugin in config["plugins"] if "factsite" in plugin)["factsite"]["lint"] = False
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    assert read_settings(str(config_file))[0].lint is False
    seen: list[tuple[str, int, int]] = []
    problems = _check(config_file, tmp_path / "loading", loading=True, seen=seen)
    assert [found[1:] for found in seen] == [(0, 0), (0, 0), (0, 0)]  # each article whole, in its turn
    assert problems == _check(config_file, tmp_path / "loaded", loading=False)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the check forks only where a process can")
def test_where_the_check_forks_the_articles_checked_ahead_are_linted_in_each_share(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if ran_where_it_forks(request):
        return
    config_file = site_project(tmp_path / "site")
    loaded = _check(config_file, tmp_path / "loaded", loading=False, workers=2)
    settings = read_settings(str(config_file))[0]
    checks = CheckCache(settings, tmp_path / "loading")
    pairs = article_paths(settings.content_dir)[0]
    checks._upcoming.extend(pairs)
    _loading_until_checked_ahead(checks)
    ahead_at_fork: list[list[str]] = []

    def first_checked() -> None:  # the first article, checked and linted before the fork
        ahead_at_fork.append(sorted(checks._ahead))

    checks.on_article = first_checked
    assert checks.prefetch(pairs, 2, minimum=2) == len(pairs)  # forked: every article checked by the shares
    keys = [checks._key(*pair) for pair in pairs]
    assert ahead_at_fork[0] == sorted(keys[1:])  # the two others' claims checked while the dictionary loaded
    assert not checks._ahead
    # Each share's outcome, as the parent holds it, is the outcome of a check that found the dictionary loaded.
    project = check_project(settings, checks.check)
    assert checks.misses == 0
    checks.finish()
    assert tuple(str(problem) for problem in project.problems) == loaded
    assert _entries(tmp_path / "loading") == _entries(tmp_path / "loaded")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the cards are drawn apart only where a process forks")
def test_the_cards_drawing_forks_before_the_first_articles_lint(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The drawing forks as soon as the dictionary has loaded, with the first article's claims checked: not after
    that article's lint, which it does not need."""
    if ran_where_it_forks(request):
        return
    from factsite.build.incremental.card_drawing import CardStream
    from factsite.build.site import BuildOptions, SiteBuild
    from factsite.lint.engine import run_engine

    project = copy_demo(tmp_path / "demo")
    build = SiteBuild(read_settings(str(project / "mkdocs.yml"))[0],
                      BuildOptions(jobs=2, cache_dir=project / ".factsite-cache", once=True))  # fmt: skip
    checks = build.caches.checks
    checks._upcoming.extend(article_paths(build.settings.content_dir)[0])
    done = _loading_until_checked_ahead(checks)
    calls: list[str] = []
    watched = {CardStream._fork.__code__: "fork", run_engine.__code__: "lint"}

    def profile(frame, event, arg):  # type: ignore[no-untyped-def]
        if event == "call" and frame.f_code in watched:
            calls.append(watched[frame.f_code])

    sys.setprofile(profile)
    try:
        project_checked = build.check()
    finally:
        sys.setprofile(None)
        done.set()
        ahead.wait()
    assert not project_checked.errors and build._drawing is not None
    assert calls[0] == "fork" and "lint" in calls
    build._drawing.stop()


def _broken(config_file: Path) -> None:
    """The two articles checked ahead with errors: YAML that does not parse, a source cited that does not exist, and
    a claim mark that names no claim."""
    articles = config_file.parent / "content" / "articles"
    hospital = articles / "hospital.yaml"
    hospital.write_text(hospital.read_text("utf-8").replace("claims:", "claims:\n  bad: [unclosed\n", 1), "utf-8")
    jobs = articles / "jobs.yaml"
    text = jobs.read_text("utf-8")
    assert "sources: [ministry-release]" in text
    jobs.write_text(text.replace("sources: [ministry-release]", "sources: [no-such-source]", 1), "utf-8")
    marks = articles / "jobs.md"
    marks.write_text(marks.read_text("utf-8") + "\nA [broken mark]{#no-such-claim}.\n", "utf-8")


@pytest.mark.parametrize("workers", [1, 2])
def test_articles_with_errors_checked_ahead_are_reported_as_before(
    workers: int, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if workers > 1 and (not hasattr(os, "fork") or ran_where_it_forks(request)):
        return
    config_file = site_project(tmp_path / "site")
    _broken(config_file)
    loaded = _check(config_file, tmp_path / "loaded", loading=False, workers=workers)
    seen: list[tuple[str, int, int]] = []
    problems = _check(config_file, tmp_path / "loading", loading=True, workers=workers, seen=seen)
    if workers == 1:
        assert seen == [("budget", 2, 0)]  # the others checked ahead, and failed: not handed on
    errors = [problem for problem in problems if ": error: " in problem]
    assert [error.split(": error: ")[0] for error in errors] == [
        "content/articles/hospital.yaml:16:8", "content/articles/jobs.md:16:3", "content/articles/jobs.yaml:20:15"
    ]  # fmt: skip
    assert problems == loaded
    assert _entries(tmp_path / "loading") == _entries(tmp_path / "loaded")


def test_a_check_stopped_part_way_leaves_no_article_checked_ahead_to_the_next(tmp_path: Path) -> None:
    """Ctrl-C after the next articles were checked ahead, before their turn: a later check with the same caches checks
    them again, as the files are then. A snapshot, which an article's key does not cover, may have been saved since."""
    project = copy_demo(tmp_path / "demo")  # English first, whose lint waits; the Hindi article checked meanwhile
    citations = project / "content" / "articles" / "hi-sinchai-yojana.yaml"
    text = citations.read_text("utf-8")
    citations.write_text(text.replace("    excerpt: |\n", "    snapshot: sources/vidhansabha.txt\n    excerpt: |\n", 1))
    settings = read_settings(str(project / "mkdocs.yml"))[0]
    checks = CheckCache(settings, tmp_path / "cache")
    pairs = article_paths(settings.content_dir)[0]

    def interrupted(checked: CheckedArticle) -> None:
        raise KeyboardInterrupt  # as Ctrl-C there: the others were checked ahead, none was linted

    checks.on_claims = interrupted
    checks._upcoming.extend(pairs)
    _loading_until_checked_ahead(checks)
    with pytest.raises(KeyboardInterrupt):
        checks.prefetch(pairs, 1, minimum=2)
        check_project(settings, checks.check)
    ahead.wait()
    checks.on_claims = None
    missing = "error: snapshot 'sources/vidhansabha.txt' does not exist"
    assert any(missing in str(problem) for problem in check_project(settings).problems)
    (settings.content_dir / "sources" / "vidhansabha.txt").write_text("कृषि मंत्री: अध्यक्ष महोदय\n", "utf-8")
    checks.prefetch(pairs, 1, minimum=2)
    problems = [str(problem) for problem in check_project(settings, checks.check).problems]
    assert not any(missing in problem for problem in problems)
    assert problems == [str(problem) for problem in check_project(settings).problems]
