"""The progress display: a bar redrawn in place on terminals, one line per long stage elsewhere."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from factsite.build.progress import Progress
from factsite.build.site import BuildOptions, SiteBuild
from factsite.load.site_config import read_site_config
from tests.conftest import copy_demo, ran_where_it_forks


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


def test_the_count_never_exceeds_the_total_when_workers_share_the_articles(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Three articles in two processes: this process composes two and counts each for both processes (it draws
    the bar for all), which once read "4/3 articles" (and "43,048/43,047 pages" at 40,000 claims)."""
    if ran_where_it_forks(request):
        return
    config = read_site_config(copy_demo(tmp_path) / "mkdocs.yml")
    stream = io.StringIO()
    progress = Progress(stream, interactive=False, delay=0.0)
    build = SiteBuild(config.settings(), BuildOptions(jobs=2, parallel_always=True, progress=progress))
    project = build.check()
    assert len(project.articles) % 2 == 1  # an odd number, so that the two shares differ
    pages = list(build.pages())
    progress.finish()
    assert pages and build.caches.pages.misses == 0  # composed in the workers
    counts = re.findall(r"^(\w+): ([\d,]+)/([\d,]+) articles in", stream.getvalue(), re.MULTILINE)
    assert [stage for stage, _, _ in counts] == ["checking", "composing"]
    for _, done, total in counts:
        assert done == total == str(len(project.articles))
