"""The date check: resolve the dates an article states, absolute or relative to its publication.

The conventions it follows are listed in the docstring of `resolve`, which holds the whole check.
"""

from factsite.checks.dates.resolve import (  # noqa: F401
    DateComparison,
    DateResolution,
    FoundDate,
    SourceDate,
    _grammar,
    _matches,
    check_date,
    find_dates,
    format_day,
    format_span,
    resolve_date,
)

__all__ = [
    "DateComparison",
    "DateResolution",
    "FoundDate",
    "SourceDate",
    "check_date",
    "find_dates",
    "format_day",
    "format_span",
    "resolve_date",
]
