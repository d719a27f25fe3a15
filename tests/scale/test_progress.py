"""The progress display: a bar redrawn in place on terminals, one line per long stage elsewhere."""

from __future__ import annotations

import io

import pytest

from factsite.progress import Progress


def run_stages(progress: Progress) -> None:
    progress.stage("checking", 4, "articles")
    for _ in range(4):
        progress.advance()
    progress.stage("writing data files", 0, "")
    progress.finish()


@pytest.mark.parametrize(
    ("interactive", "delay", "expected"),
    [
        (False, 0.0, "checking: 4/4 articles in 0.0 s\nwriting data files in 0.0 s\n"),
        (False, 60.0, ""),
    ],
    ids=["log, slow stages get a line", "log, quick build prints nothing"],
)
def test_plain_lines_in_logs(interactive: bool, delay: float, expected: str) -> None:
    stream = io.StringIO()
    run_stages(Progress(stream, interactive, delay))
    assert stream.getvalue() == expected


def test_terminal_bar_is_drawn_in_place_and_cleared() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interactive=True, delay=0.0)
    progress.stage("rendering", 10, "pages")
    progress.advance(5)
    progress.finish()
    output = stream.getvalue()
    assert "\n" not in output
    assert "rendering [" in output and "] 0/10 pages" in output
    assert output.endswith("\r")


def test_a_quick_build_on_a_terminal_shows_nothing() -> None:
    stream = io.StringIO()
    run_stages(Progress(stream, interactive=True, delay=60.0))
    assert stream.getvalue() == ""
