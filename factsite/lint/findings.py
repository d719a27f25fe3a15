"""What the copy-edit lint and `suggest` report: a `Finding` per thing an editor should look at."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from factsite.load.positions import LineIndex

# Kinds that are mistakes in the copy (the build warns about them); the others are claim candidates.
COPY_ERROR_KINDS = frozenset(
    {
        "spelling",
        "doubled-word",
        "agreement",
        "capitalisation",
        "digit-grouping",
        "decimal-comma",
        "leftover",
    }
)
CANDIDATE_KINDS = frozenset({"quotation", "figure", "date"})
FINDING_KINDS = COPY_ERROR_KINDS | CANDIDATE_KINDS


@dataclass(frozen=True)
class Finding:
    """A span of the linted text with what is wrong with it, or what claim it may carry.

    Offsets, line and column refer to the text that was linted (line and column count from 1).
    `suggestion` is the correction ("" means delete the text); `value` the normalised figure, the
    resolved ISO date or the quotation's speaker.
    """

    kind: str
    text: str
    start: int
    end: int
    line: int
    column: int
    message: str
    suggestion: str | None = None
    value: str | None = None
    notation: str | None = None
    confidence: float = 1.0
    speaker: str | None = None

    @property
    def is_copy_error(self) -> bool:
        return self.kind in COPY_ERROR_KINDS


@dataclass(frozen=True)
class Span:
    """A finding before it is placed on a line: what every detector returns."""

    kind: str
    start: int
    end: int
    message: str
    suggestion: str | None = None
    value: str | None = None
    notation: str | None = None
    confidence: float = 1.0
    speaker: str | None = None


def place_spans(text: str, spans: list[Span]) -> tuple[Finding, ...]:
    """Turn detector spans into findings on `text`, sorted by offset, dropping exact repeats."""
    positions = LineIndex(text)
    findings: dict[tuple[str, int, int], Finding] = {}
    for span in sorted(spans, key=lambda s: (s.start, s.end, s.kind)):
        key = (span.kind, span.start, span.end)
        if key in findings:
            continue
        line, column = positions.line_and_column(span.start)
        findings[key] = Finding(
            kind=span.kind,
            text=text[span.start : span.end],
            start=span.start,
            end=span.end,
            line=line,
            column=column,
            message=span.message,
            suggestion=span.suggestion,
            value=span.value,
            notation=span.notation,
            confidence=round(span.confidence, 2),
            speaker=span.speaker,
        )
    return tuple(findings.values())


JSON_FIELDS = (
    "kind",
    "text",
    "start",
    "end",
    "line",
    "column",
    "message",
    "suggestion",
    "value",
    "notation",
    "confidence",
    "speaker",
)


def findings_as_json(findings: tuple[Finding, ...] | list[Finding]) -> list[dict[str, Any]]:
    """The `suggest --format json` shape: one object per finding, every field present."""
    return [{name: asdict(finding)[name] for name in JSON_FIELDS} for finding in findings]
