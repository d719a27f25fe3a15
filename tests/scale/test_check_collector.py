"""A share of articles is checked with the garbage collector paused: each collection would scan every outcome
kept so far and find almost nothing (bench/README.md, "Eighth round")."""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path

from factsite.build.incremental.check_cache import CheckCache
from factsite.build.incremental.memory import collector_paused
from factsite.build.pipeline import article_paths, check_article, check_claims, lint_checked
from factsite.load.site_config import read_site_config
from factsite.render.markdown_render import MarkdownRenderer
from tests.conftest import copy_demo


def _within(code: object) -> bool:
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is code:
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def test_the_collector_is_paused_within_the_block_and_as_before_after_it() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner block leaves it as the outer one set it
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a collector that was off stays off
    finally:
        gc.enable()


def test_an_article_checked_in_a_share_starts_no_collection(tmp_path: Path) -> None:
    settings = read_site_config(copy_demo(tmp_path) / "mkdocs.yml").settings()
    pairs = article_paths(settings.content_dir)[0]
    started: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        # Only the collections that start while an article is checked (the share's other work may collect).
        # (An article is checked in two steps, its claims then its lint: `CheckCache._checked`.)
        if phase == "start" and (_within(check_claims.__code__) or _within(lint_checked.__code__)):
            started.append(info["generation"])

    stop = threading.Event()
    running = threading.Thread(target=stop.wait)  # no fork: the first article is checked in this process's share
    running.start()
    gc.callbacks.append(count)
    try:
        assert CheckCache(settings, tmp_path / "cache").prefetch(pairs, workers=2, minimum=2) == 1
        in_share = list(started)
        started.clear()
        check_article(*pairs[0], settings, MarkdownRenderer())  # the same article again, outside a share
    finally:
        gc.callbacks.remove(count)
        stop.set()
        running.join()
    assert in_share == []
    assert started  # without the pause, its check collects
    assert gc.isenabled()
