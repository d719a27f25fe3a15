"""Property tests of the checks' parsers: any text gives readings or none, never an exception.

Figures and dates are read from pasted article text and from the YAML; a reading, when there is
one, must make sense (a date range that ends after it starts, a finite figure).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factsite.checks.dates import resolve_date
from factsite.checks.figures import parse_figure

EXAMPLES = settings(max_examples=200, deadline=None)
LOCALES = st.sampled_from(["en_US", "en_GB", "en_IN", "de_DE", "fr_FR", "en"])

FIGURE_PIECES = st.sampled_from(
    ["0", "3", "00", "000", ",", ".", "'", " ", "\u202f", "\u00a0", "lakh", "crore", "million",
     "bn", "m", "K", "Rs", "₹", "$", "US$", "€", "£", "%", "per cent", "-", "\u2212", "+", "three",
     "hundred", "thousand", "and", "a", "half", "1e9", "9" * 30, "٣", "Mio.", "Mrd."]
)  # fmt: skip
DATE_PIECES = st.sampled_from(
    ["on", "last", "next", "this", "Tuesday", "Friday", "week", "weekend", "month", "year",
     "years", "days", "ago", "in", "from now", "early", "mid", "late", "March", "Sept", "31", "29",
     "February", "2024", "0", "9999", "10000", "99999999", "1/2/2024", "2024-02-30", "the", "of",
     "end", "half", "first", "two", " ", ",", ".", "'s", "time", "yesterday", "today", "tomorrow",
     "quarter", "Q4"]
)  # fmt: skip


def phrases(pieces: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(pieces, st.text(max_size=3)), max_size=12).map(" ".join)


@EXAMPLES
@given(text=phrases(FIGURE_PIECES), locale=st.one_of(st.none(), LOCALES))
def test_parse_figure_gives_finite_readings_or_none(text: str, locale: str | None) -> None:
    readings = parse_figure(text, locale=locale)
    assert isinstance(readings, tuple)
    for reading in readings:
        assert reading.value.is_finite()


@EXAMPLES
@given(
    text=phrases(DATE_PIECES),
    published=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    locale=LOCALES,
    tense=st.sampled_from(["past", "future"]),
)
def test_resolve_date_gives_an_ordered_span_or_none(text: str, published: dt.date, locale: str,
                                                    tense: str) -> None:  # fmt: skip
    resolution = resolve_date(text, published, locale=locale, tense=tense)
    if resolution is not None:
        for reading in resolution.readings:
            assert reading.start <= reading.end
            assert reading.granularity in ("day", "week", "month", "year")
