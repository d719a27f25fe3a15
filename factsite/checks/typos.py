"""The typo check: what the published text says against the editor's correction, word by word."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from factsite.model import CheckResult


@dataclass(frozen=True)
class TypoCorrection:
    published: str
    corrected: str
    # (operation, text) pairs: "equal", "deleted" or "inserted".
    diff: tuple[tuple[str, str], ...]


def check_typo(marked_text: str, *, correction: str) -> CheckResult:
    published_words, corrected_words = marked_text.split(), correction.split()
    diff: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=published_words, b=corrected_words, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            diff.append(("equal", " ".join(published_words[a_start:a_end])))
            continue
        if a_end > a_start:
            diff.append(("deleted", " ".join(published_words[a_start:a_end])))
        if b_end > b_start:
            diff.append(("inserted", " ".join(corrected_words[b_start:b_end])))
    if not correction.strip():
        summary = f"“{marked_text}” should be deleted."
        status = "delete"
    elif marked_text == correction:
        summary = "The correction is the same as the published text."
        status = "unchanged"
    else:
        summary = f"“{marked_text}” should read “{correction}”."
        status = "corrected"
    return CheckResult(
        check="typo",
        status=status,
        summary=summary,
        details=TypoCorrection(marked_text, correction, tuple(diff)),
    )
