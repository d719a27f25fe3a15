"""A site's own word list, `content/words.txt`: words the lint must not call misspelt.

One word per line, in UTF-8; blank lines and lines starting with `#` are skipped. A word is what
the lint compares: letters, digits, apostrophes, hyphens and inner full stops, no spaces. Words are
matched in lower case, so "Dharavi" also covers "dharavi". The file is content, so it is bounded
like content: at most 256 KiB, 20,000 words of at most 64 characters; anything else is a located
error, and the build then uses none of the file's words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from factsite.load.fields import error
from factsite.load.text_files import ContentFileError, read_content_text
from factsite.model import Location, Problem

WORD_LIST = "words.txt"
MAX_BYTES = 256 * 1024
MAX_WORDS = 20_000
MAX_WORD_CHARACTERS = 64
WORD = re.compile(r"\w(?:[\w'\u2019.-]*\w)?", re.UNICODE)


@dataclass(frozen=True)
class WordList:
    words: frozenset[str] = frozenset()
    problems: tuple[Problem, ...] = ()


def load_word_list(content_dir: Path) -> WordList:
    """The words of `content_dir/words.txt` (none when there is no such file), with its problems."""
    path = content_dir / WORD_LIST
    if not path.is_file():
        return WordList()
    stat = path.stat()
    return _load(path, f"{content_dir.name}/{WORD_LIST}", stat.st_mtime_ns, stat.st_size)


# Every article of a build lints with the same list: it is read once while the file is unchanged.
@functools.lru_cache(maxsize=4)
def _load(path: Path, shown_as: str, mtime: int, size: int) -> WordList:
    hint = f"keep {WORD_LIST} to one word a line, under {MAX_BYTES // 1024} KiB"
    if size > MAX_BYTES:
        message = f"the word list is {size // 1024} KiB, over the {MAX_BYTES // 1024} KiB limit"
        return WordList(problems=(error(Location(shown_as), message, hint),))
    try:
        text = read_content_text(path, shown_as)
    except ContentFileError as problem:
        return WordList(problems=(problem.problem,))
    words: set[str] = set()
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        column = line.index(entry) + 1
        where = Location(shown_as, number, column)
        if len(entry) > MAX_WORD_CHARACTERS:
            problems.append(error(where, f"a word of {len(entry)} characters, over {MAX_WORD_CHARACTERS}", hint))
        elif not WORD.fullmatch(entry):
            bad = next((i for i, c in enumerate(entry) if not (c.isalnum() or c in "'\u2019.-_")), 0)
            what = "a space" if entry[bad].isspace() else f"'{entry[bad]}'"
            problems.append(
                error(
                    Location(shown_as, number, column + bad),
                    f"“{entry}” is not one word: it holds {what}",
                    "write one word a line: letters, digits, apostrophes, hyphens",
                )
            )
        else:
            words.add(entry.lower())
        if len(words) > MAX_WORDS:
            problems.append(error(where, f"more than {MAX_WORDS:,} words", hint))
            break
    if problems:
        return WordList(problems=tuple(problems))
    return WordList(frozenset(words))
