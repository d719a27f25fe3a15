"""The copy-edit lint and claim discovery: what `suggest` lists and the build warns about."""

from factsite.lint.discover import (
    drop_ignored,
    drop_marked,
    findings_to_review,
    lint_text,
    suggest_candidates,
    uses_dictionary,
)
from factsite.lint.findings import COPY_ERROR_KINDS, FINDING_KINDS, Finding, findings_as_json

__all__ = [
    "COPY_ERROR_KINDS",
    "FINDING_KINDS",
    "Finding",
    "drop_ignored",
    "drop_marked",
    "findings_as_json",
    "findings_to_review",
    "lint_text",
    "suggest_candidates",
    "uses_dictionary",
]
