"""The labelled corpus of `tests/lint/corpus/`: articles with planted errors, and what they yield.

Each `NAME.txt` or `NAME.md` has a `NAME.yaml` beside it: the article's locale and publication date
and the findings it should yield (kind and text; `suggestion`, `value`, `speaker`, `notation` when
given; `known_miss: true` for a finding the lint is known not to make: the bench counts it, the
tests skip it). Shared by the tests and by `bench/bench_lint.py`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factsite.lint import Finding

CORPUS = Path(__file__).parent / "corpus"
CHECKED_FIELDS = ("suggestion", "value", "speaker", "notation")


@dataclass(frozen=True)
class LabelledArticle:
    name: str
    text: str
    locale: str
    published: dt.date
    expected: tuple[dict[str, Any], ...]


@dataclass
class Score:
    """Matches of one article or of the whole corpus, counted per finding kind."""

    true_positives: Counter[str] = field(default_factory=Counter)
    false_positives: list[Finding] = field(default_factory=list)
    false_negatives: list[dict[str, Any]] = field(default_factory=list)
    # (kind, field, expected, found) for matched findings whose details differ.
    wrong_details: list[tuple[str, str, Any, Any]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.true_positives.update(other.true_positives)
        self.false_positives.extend(other.false_positives)
        self.false_negatives.extend(other.false_negatives)
        self.wrong_details.extend(other.wrong_details)


def load_corpus() -> list[LabelledArticle]:
    articles = []
    for labels in sorted(CORPUS.glob("*.yaml")):
        article = next(path for path in labels.parent.glob(labels.stem + ".*") if path != labels)
        data = yaml.safe_load(labels.read_text(encoding="utf-8"))
        articles.append(
            LabelledArticle(
                name=labels.stem,
                text=article.read_text(encoding="utf-8"),
                locale=data["locale"],
                published=data["published"],
                expected=tuple(data["findings"]),
            )
        )
    return articles


def score(found: tuple[Finding, ...], expected: tuple[dict[str, Any], ...]) -> Score:
    """Pair found and expected findings by kind and text, in document order."""
    result = Score()
    remaining = list(found)
    for wanted in expected:
        match = next((f for f in remaining if f.kind == wanted["kind"] and f.text == wanted["text"]), None)
        if match is None:
            result.false_negatives.append(wanted)
            continue
        remaining.remove(match)
        result.true_positives[match.kind] += 1
        for name in CHECKED_FIELDS:
            if name in wanted and getattr(match, name) != wanted[name]:
                result.wrong_details.append((match.kind, name, wanted[name], getattr(match, name)))
    result.false_positives.extend(remaining)
    return result
