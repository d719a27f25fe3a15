"""The labelled accuracy corpus of `tests/accuracy/`: fact-checks written for it, and what each check must find.

`corpus/` is a content directory like a desk's (`articles/SLUG.md`, `articles/SLUG.yaml`, `sources/`); each
article has `labels/SLUG.yaml` beside the corpus:

    copy_errors:                   # planted copy errors the lint must flag (kind as the lint names it)
      - {kind: agreement, text: "There are also a possibility"}
    claims:
      claim-id:
        case: half-of-scale-word   # the case class the claim stands for (per-class figures)
        status: understated        # the CheckResult.status the check must give
        reading: "500000"          # Basis.reading; omit to leave unchecked, null when it must be unread
        unit: GBP                  # Basis.unit
        source: ons-release        # Basis.source_id (null: no cited source holds a candidate)
        candidate: "1000000"       # Basis.candidate
        known_wrong: "why"         # held-out only: a confidently wrong result recorded, not yet fixed

`known_wrong` is the list of known failures: a held-out label keeps what is true, and the entry says how the
check's first run got it wrong. The bench still counts such a result as confidently wrong; the test expects it
to fail (strict), so the entry must go as soon as the result is no longer confidently wrong.

A result is *right* when its status and every labelled field agree; *could not tell* when it is wrong but its
status is an honest "could not tell" (CheckResult.established is false) and it states no reading other than the
labelled one; *confidently wrong* otherwise: a finding a reader would believe (a page that shows "1.200" read as
1.2 states that reading, whatever its status). Shared by tests/accuracy/test_accuracy.py and bench/bench_accuracy.py.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factsite.build.pipeline import check_project
from factsite.lint import lint_text
from factsite.model import CheckedClaim, Project
from factsite.settings import Settings

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
LABELS = HERE / "labels"
BASIS_FIELDS = {"reading": "reading", "unit": "unit", "source": "source_id", "candidate": "candidate"}
OUTCOMES = ("right", "could-not-tell", "confidently-wrong")
NOT_COMPARED = {"case", "known_wrong"}  # a label's notes about the claim, not fields of the result


@dataclass(frozen=True)
class ClaimScore:
    article: str
    claim_id: str
    check: str
    case: str
    outcome: str  # one of OUTCOMES
    expected: dict[str, Any]
    found: dict[str, Any]

    def describe(self) -> str:
        wrong = {k: v for k, v in self.found.items() if k in self.expected and self.expected[k] != v}
        return f"{self.article}/{self.claim_id} [{self.check}, {self.case}]: {self.outcome}; expected " + (
            ", ".join(f"{k}={self.expected[k]!r}" for k in wrong)
            + "; found "
            + ", ".join(f"{k}={v!r}" for k, v in wrong.items())
        )


@dataclass
class LintScore:
    planted: int = 0
    caught: int = 0
    false_flags: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    words: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.planted if self.planted else 1.0

    @property
    def false_per_thousand_words(self) -> float:
        return 1000 * len(self.false_flags) / self.words if self.words else 0.0


def load_labels() -> dict[str, dict[str, Any]]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) or {} for path in sorted(LABELS.glob("*.yaml"))}


def check_corpus() -> Project:
    """Check the corpus as a build does (lint off: the lint is scored on its own)."""
    return check_project(Settings(content_dir=CORPUS, project_dir=HERE, lint=False))


def score_claims(project: Project, labels: dict[str, dict[str, Any]]) -> list[ClaimScore]:
    checked = {(claim.article.slug, claim.claim.id): claim for claim in project.claims}
    scores = []
    for slug, article_labels in labels.items():
        for claim_id, expected in (article_labels.get("claims") or {}).items():
            claim = checked.get((slug, claim_id))
            scores.append(_score_claim(slug, claim_id, expected, claim))
    return scores


def _score_claim(slug: str, claim_id: str, expected: dict[str, Any], claim: CheckedClaim | None) -> ClaimScore:
    wanted = {k: v for k, v in expected.items() if k not in NOT_COMPARED}
    if claim is None or claim.result is None:
        found: dict[str, Any] = {"status": "missing: the article or claim was not checked"}
        return ClaimScore(slug, claim_id, "?", expected.get("case", "?"), "confidently-wrong", wanted, found)
    result = claim.result
    found = {"status": result.status}
    for label, attribute in BASIS_FIELDS.items():
        value = getattr(result.basis, attribute)
        found[label] = value
    agree = all(_same(wanted[k], found.get(k)) for k in wanted)
    # A reading the page states is a finding whatever the status: "1.200" shown as 1.2 beside "not found" is wrong.
    misread = "reading" in wanted and found["reading"] is not None and not _same(wanted["reading"], found["reading"])
    if agree:
        outcome = "right"
    elif not result.established and not misread:
        outcome = "could-not-tell"
    else:
        outcome = "confidently-wrong"
    return ClaimScore(slug, claim_id, result.check, expected.get("case", "?"), outcome, wanted, found)


def _same(expected: Any, found: Any) -> bool:
    if expected is None or found is None:
        return expected is found
    return str(expected) == str(found)


def score_lint(project: Project, labels: dict[str, dict[str, Any]]) -> LintScore:
    """Recall of planted copy errors and false flags per 1,000 words, on each article's plain text."""
    total = LintScore()
    for checked in project.articles:
        article = checked.article
        planted = list((labels.get(article.slug) or {}).get("copy_errors") or ())
        findings = [f for f in lint_text(article.text, locale=article.locale) if f.is_copy_error]
        total.words += len(re.findall(r"\w+", article.text))
        total.planted += len(planted)
        for wanted in planted:
            match = next((f for f in findings if f.text == wanted["text"]), None)
            if match is None:
                total.missed.append(f"{article.slug}: {wanted['kind']} {wanted['text']!r}")
                continue
            findings.remove(match)
            total.caught += 1
        total.false_flags.extend(f"{article.slug}: {f.kind} {f.text!r}" for f in findings)
    return total


def tally(scores: list[ClaimScore], key: str) -> dict[str, Counter[str]]:
    """Outcomes counted per check (key="check") or per (check, case) (key="case")."""
    table: dict[str, Counter[str]] = {}
    for item in scores:
        name = item.check if key == "check" else f"{item.check}: {item.case}"
        table.setdefault(name, Counter())[item.outcome] += 1
    return table


def tally_by_locale(scores: list[ClaimScore], project: Project) -> dict[str, Counter[str]]:
    """Outcomes counted per article locale and check ("hi_IN: figure"), for the per-language table."""
    locales = {checked.article.slug: checked.article.locale for checked in project.articles}
    table: dict[str, Counter[str]] = {}
    for item in scores:
        table.setdefault(f"{locales.get(item.article, '?')}: {item.check}", Counter())[item.outcome] += 1
        table.setdefault(f"{locales.get(item.article, '?')}: all", Counter())[item.outcome] += 1
    return table
