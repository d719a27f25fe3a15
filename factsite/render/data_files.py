"""The site's machine-readable files: every claim with its check results (`claims.json`), and the like.

Files are returned as bytes with their site-relative paths; JSON is written with sorted keys and no timestamps, so
the same content always gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from factsite.pipeline import Project
from factsite.render.annotations import ANNOTATIONS_FILE, annotation_collection
from factsite.render.feeds import ATOM_FILE, CLAIM_REVIEW_FEED_FILE, atom_feed, claim_review_feed
from factsite.render.views import claim_path


def json_data(value: Any) -> Any:
    """Plain JSON data from model values: dataclasses, enums, dates and Decimals included."""
    if type(value) in PLAIN_TYPES:  # most values: checked first, as claims.json holds hundreds of thousands
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: json_data(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    if isinstance(value, dict):
        return {str(k): json_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_data(item) for item in value]
    return value


PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(cls))


def json_bytes(data: Any) -> bytes:
    # Compact: the files are for programs, and Python's C encoder only writes JSON without indentation
    # (25,000 claims: 94 MB indented, written five times slower).
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def claims_data(project: Project) -> list[dict[str, Any]]:
    records = []
    for checked in project.articles:
        for claimed in checked.claims:
            claim = claimed.claim
            result = claimed.result
            records.append(
                {
                    "id": claim.id,
                    "article": checked.article.slug,
                    "url": claim_path(checked.article.slug, claim.id) + "/",
                    "number": claimed.mark.number,
                    "kind": claim.kind.value,
                    "verdict": claimed.verdict.id if claimed.verdict else None,
                    "verdict_label": claimed.verdict.label if claimed.verdict else None,
                    "marked_text": claimed.mark.text,
                    "claim": claim.claim_reviewed or claimed.mark.text,
                    "speaker": claim.speaker,
                    "value": json_data(claim.value),
                    "unit": claim.unit,
                    "correction": claim.correction,
                    "sources": list(claim.sources),
                    "check": None
                    if result is None
                    else {
                        "check": result.check,
                        "status": result.status,
                        "summary": result.summary,
                        "findings": list(result.findings),
                        "contradicts_verdict": result.contradicts_verdict,
                        "details": json_data(result.details),
                    },
                }
            )
    return records


def site_files(project: Project) -> Iterator[tuple[str, bytes]]:
    yield "claims.json", json_bytes({"claims": claims_data(project)})
    if project.settings.structured_data and project.settings.site_url:
        yield ANNOTATIONS_FILE, json_bytes(annotation_collection(project))
        yield CLAIM_REVIEW_FEED_FILE, json_bytes(claim_review_feed(project))
        yield ATOM_FILE, atom_feed(project)
