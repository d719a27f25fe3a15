"""The progress display: a bar redrawn in place on terminals, one line per long stage elsewhere."""

from __future__ import annotations

import io
import re

import pytest

from factsite.build.progress import Progress


def run_stages(progress: Progress) -> None:
    progress.stage("checking", 4, "articles")
    for _ in range(4):
        progress.advance()
    progress.stage("writing data files", 0, "")
    progress.finish()


@pytest.mark.parametrize(
    ("delay", "expected"),
    [
        (0.0, r"checking: 4/4 articles in \d+\.\d s\nwriting data files in \d+\.\d s\n"),
        (60.0, ""),
    ],
    ids=["log, slow stages get a line", "log, quick build prints nothing"],
)
def test_plain_lines_in_logs(delay: float, expected: str) -> None:
    stream = io.StringIO()
    run_stages(Progress(stream, interactive=False, delay=delay))
    assert re.fullmatch(expected, stream.getvalue())


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
