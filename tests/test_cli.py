"""The editors' command line: exit codes, output formats, suggest and new."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from factsite.commands.cli import EXIT_BROKEN_PIPE, main
from tests.conftest import REPOSITORY

# The demo's source article as published, kept with the labelled lint corpus: tests read nothing outside the checkout.
SEED = REPOSITORY / "tests" / "lint" / "corpus" / "seed-article.txt"


@pytest.fixture
def in_project(demo_project: Path):  # type: ignore[no-untyped-def]
    previous = Path.cwd()
    os.chdir(demo_project)
    yield demo_project
    os.chdir(previous)


def break_demo(project: Path) -> None:
    citations = project / "content/articles/americans-russia-forced-to-fight.yaml"
    citations.write_text(citations.read_text("utf-8").replace("verdict: misleading", "verdict: wrong", 1))


def test_check_passes_on_the_demo(in_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().err
    assert not (in_project / "site").exists(), "check writes no site"


def test_check_reports_github_annotations(in_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    break_demo(in_project)
    assert main(["check", "--format", "github"]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("::error file=content/articles/americans-russia-forced-to-fight.yaml,line=")
    assert ",title=factsite::claim 'forced-to-fight': unknown verdict 'wrong'" in line


def test_check_reports_json(in_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    break_demo(in_project)
    assert main(["check", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    [problem] = data["problems"]
    assert problem["severity"] == "error" and problem["line"] > 0 and problem["column"] > 0
    assert problem["file"] == "content/articles/americans-russia-forced-to-fight.yaml"


def test_build_exit_codes(in_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert (in_project / "site" / "index.html").is_file()
    break_demo(in_project)
    assert main(["build", "--strict"]) == 1
    assert "left as it was" in capsys.readouterr().err
    assert main(["check", "--config-file", "missing.yml"]) == 2


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as raised:
        main(["frobnicate"])
    assert raised.value.code == 2


def test_suggest_json_finds_the_seed_copy_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(SEED), "--published", "2022-09-28", "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    texts = {f["text"] for f in findings if f["kind"] not in ("quotation", "figure", "date")}
    assert {"th", "that that", "Avoid", "whomsoever", "3,00,000", "Read more"} <= texts
    figure = next(f for f in findings if f["kind"] == "figure")
    assert figure["value"] == "300000" and figure["line"] == 22 and figure["column"] == 72


def test_new_scaffolds_files_that_load_and_never_overwrites(tmp_path: Path) -> None:
    content = tmp_path / "content"
    arguments = ["new", str(SEED), "--slug", "seed", "--published", "2022-09-28", "--content-dir", str(content)]
    assert main(arguments) == 0
    markdown = (content / "articles/seed.md").read_text("utf-8")
    citations = (content / "articles/seed.yaml").read_text("utf-8")
    assert "{#" in markdown and "verdict: unreviewed" in citations
    before = markdown
    assert main(arguments) == 2
    assert (content / "articles/seed.md").read_text("utf-8") == before


def test_serve_with_a_broken_config_exits_2_with_its_location(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins: [factsite\n", "utf-8")
    assert main(["serve", "-f", str(config), "-a", "127.0.0.1:0"]) == 2
    error = capsys.readouterr().err
    assert f"error: {config}:" in error and "line 2, column 10" in error
    assert "Traceback" not in error


# `build.py` and the installed `factsite` script: both are ways editors run the command.
COMMANDS = {
    "build.py": [sys.executable, str(REPOSITORY / "build.py")],
    "factsite": [str(Path(sys.executable).parent / "factsite")],
}


@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
def test_a_reader_that_stops_early_ends_the_command_quietly(command: str, demo_project: Path) -> None:
    # The reading end is closed before the command writes anything, so its first write meets the closed pipe
    # every time, as `factsite check --format json | head -1` does when the JSON outgrows the pipe's buffer.
    reading, writing = os.pipe()
    with subprocess.Popen([*COMMANDS[command], "check", "--format", "json"], cwd=demo_project, stdout=writing,
                          stderr=subprocess.PIPE, text=True) as process:  # fmt: skip
        os.close(writing)
        os.close(reading)
        _, errors = process.communicate(timeout=300)
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
    assert process.returncode == EXIT_BROKEN_PIPE


def test_head_reads_the_first_line_of_the_json(demo_project: Path) -> None:
    # The same through a real shell pipeline, where head may or may not stop before the output ends.
    script = f"set -o pipefail; {shlex.join(COMMANDS['build.py'])} check --format json | head -1"
    finished = subprocess.run(["bash", "-c", script], cwd=demo_project, capture_output=True, text=True, timeout=300)
    assert finished.stdout == "{\n"
    assert "Traceback" not in finished.stderr and "BrokenPipeError" not in finished.stderr, finished.stderr
    assert finished.returncode in (0, EXIT_BROKEN_PIPE)
