"""The hostile-input corpus: each case is a folder of content files laid over a small valid project.

`tests/hostile/base/` is a valid project (mkdocs.yml, one fact-check, a snapshot, an About page).
A case folder `tests/hostile/cases/NAME/` holds:

- files under `content/` (and any other project files) that replace or add to the base's;
- optionally `setup.txt`, for what files in a repository cannot hold, one instruction per line:
  `pad PATH BYTES` grows a Markdown file with paragraphs of prose to exactly BYTES bytes,
  `long-line PATH BYTES` the same with one paragraph on a single line,
  `symlink PATH TARGET` makes PATH a symbolic link to TARGET,
  `fifo PATH` makes PATH a named pipe,
  `remove PATH` deletes a base file,
  `rename PATH NEW` renames a base file (NEW may write characters as \\uXXXX escapes, for names a
  repository should not hold as they are);
- exactly one expected outcome:
  `expected.txt`, every problem `factsite check` reports, as it prints them (content refused), or
  `expected-site.txt`, for content that builds: lines `absent: TEXT` (in no built file),
  `absent in markup: TEXT` (in no tag, address or script of any page or feed; the text readers
  see may hold it), `present: TEXT` (in some built file) or `present in PATH: TEXT` (in that
  file). Every built site is also scanned for anything that could run (`site_safety.py`);
- optionally `xfail.txt`, saying why the case fails for now (a gap outside the content pipeline).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

HOSTILE_DIR = Path(__file__).resolve().parent
BASE_DIR = HOSTILE_DIR / "base"
CASES_DIR = HOSTILE_DIR / "cases"
OUTCOME_FILES = ("expected.txt", "expected-site.txt")
CASE_FILES = (*OUTCOME_FILES, "setup.txt", "xfail.txt")

# Filler for `pad`: ordinary news prose, so the checks do their normal work on every paragraph.
PARAGRAPH = (
    "The ministry said on Tuesday that 42 new offices would open by March, and that the budget "
    "for the programme had grown to 3.5 million dollars. Officials declined to say how many "
    "staff would move.\n\n"
)


@dataclass(frozen=True)
class Expectation:
    """What a built site must and must not contain."""

    absent: tuple[str, ...] = ()
    absent_in_markup: tuple[str, ...] = ()
    present: tuple[tuple[str, str], ...] = ()  # (path or "", text)


@dataclass(frozen=True)
class Case:
    name: str
    path: Path

    @property
    def builds(self) -> bool:
        return (self.path / "expected-site.txt").is_file()

    @property
    def known_gap(self) -> str:
        gap = self.path / "xfail.txt"
        return gap.read_text("utf-8").strip() if gap.is_file() else ""

    @property
    def needs_case_sensitive_names(self) -> bool:
        """Whether the case adds a file whose name differs from a base file's only in case."""
        base = {path.relative_to(BASE_DIR).as_posix() for path in BASE_DIR.rglob("*")}
        folded = {name.casefold(): name for name in base}
        added = (path.relative_to(self.path).as_posix() for path in self.path.rglob("*"))
        return any(name not in base and folded.get(name.casefold()) for name in added)

    def expected_problems(self) -> str:
        return (self.path / "expected.txt").read_text("utf-8")

    def expected_site(self) -> Expectation:
        absent, absent_in_markup, present = [], [], []
        for line in (self.path / "expected-site.txt").read_text("utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            kind, _, text = line.partition(": ")
            if kind == "absent":
                absent.append(text)
            elif kind == "absent in markup":
                absent_in_markup.append(text)
            elif kind == "present":
                present.append(("", text))
            elif kind.startswith("present in "):
                present.append((kind.removeprefix("present in "), text))
            else:
                raise ValueError(f"{self.name}/expected-site.txt: cannot read {line!r}")
        return Expectation(tuple(absent), tuple(absent_in_markup), tuple(present))

    def setup_lines(self) -> list[list[str]]:
        setup = self.path / "setup.txt"
        if not setup.is_file():
            return []
        lines = setup.read_text("utf-8").splitlines()
        return [line.split() for line in lines if line.strip() and not line.startswith("#")]


def load_cases() -> list[Case]:
    cases = [Case(path.name, path) for path in sorted(CASES_DIR.iterdir()) if path.is_dir()]
    for case in cases:
        outcomes = [name for name in OUTCOME_FILES if (case.path / name).is_file()]
        if len(outcomes) != 1:
            raise ValueError(f"case {case.name} needs exactly one of {OUTCOME_FILES}, has {outcomes}")
    return cases


def materialise(case: Case, destination: Path) -> Path:
    """The base project with the case's files laid over it, in `destination`."""
    shutil.copytree(BASE_DIR, destination)
    for source in sorted(case.path.rglob("*")):
        relative = source.relative_to(case.path)
        if source.is_dir() or relative.as_posix() in CASE_FILES:
            continue
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    for instruction in case.setup_lines():
        _apply(instruction, destination)
    return destination


def _apply(instruction: list[str], project: Path) -> None:
    match instruction:
        case ["pad", path, size]:
            pad_file(project / path, int(size), PARAGRAPH)
        case ["long-line", path, size]:
            pad_file(project / path, int(size), PARAGRAPH.replace("\n\n", " ").rstrip() + " ")
        case ["symlink", path, target]:
            (project / path).parent.mkdir(parents=True, exist_ok=True)
            (project / path).symlink_to(target)
        case ["fifo", path]:
            os.mkfifo(project / path)
        case ["remove", path]:
            (project / path).unlink()
        case ["rename", path, new]:
            (project / path).rename(project / new.encode("ascii").decode("unicode_escape"))
        case _:
            raise ValueError(f"unknown setup instruction {instruction}")


def pad_file(path: Path, size: int, filler: str) -> None:
    """Append `filler` to the file until it is exactly `size` bytes, ending with a line break."""
    data = path.read_bytes()
    missing = size - len(data) - 2
    if missing < 0:
        raise ValueError(f"{path} is already larger than {size} bytes")
    piece = filler.encode("utf-8")
    padding = piece * (missing // len(piece)) + piece[: missing % len(piece)]
    path.write_bytes(data + b"\n" + padding.rstrip(b" \n").ljust(missing, b".") + b"\n")
