"""Figures for `suggest`, and the notation slips among them: digit grouping or a decimal comma the
article's locale does not use ("3,00,000" and "3,5 percent" in an American text).

The reading is the figure check's own (`factsite.checks.figures`): one normaliser serves both.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from factsite.checks.figures.expression import standard_spelling
from factsite.checks.figures.native import native_source_figures
from factsite.checks.figures.notation import FigureReading, is_foreign_notation, number_conventions
from factsite.checks.figures.scan import FoundFigure, find_figures
from factsite.languages import language_of_locale
from factsite.lint.findings import Span
from factsite.lint.prose import Prose

GROUPING_NOTATIONS = frozenset(
    {"western-grouping", "indian-grouping", "dot-grouping", "space-grouping", "apostrophe-grouping"}
)


# The lint reads an article's figures twice, as candidates and for notation slips: they are found once.
_figures_in = functools.lru_cache(maxsize=4)(find_figures)


def find_figure_candidates(prose: Prose, locale: str) -> list[Span]:
    """A span for every figure, with its value normalised and the notation it is written in.

    Hindi and Arabic prose is read by the figure check's reader for those languages (`native`)."""
    spans: list[Span] = []
    language = language_of_locale(locale)
    figures = (
        native_source_figures(prose.masked, language, locale)
        if language is not None
        else _figures_in(prose.masked, locale=locale)
    )
    for found in figures:
        reading = reading_for(found, locale)
        if reading is None:
            continue
        value = plain_number(reading.value)
        unit = f" {reading.unit}" if reading.unit else ""
        spans.append(
            Span(
                "figure",
                found.start,
                found.end,
                f"A figure: {value}{unit}, written in {reading.notation_label}.",
                value=value,
                notation=reading.notation,
                confidence=0.9 if len(found.readings) == 1 else 0.7,
            )
        )
    return spans


def find_notation_slips(prose: Prose, locale: str) -> list[Span]:
    """Figures whose digits are grouped, or decimals marked, the way another locale does it.

    Not in Hindi or Arabic yet: their digits are read as the language writes them (docs/languages.md)."""
    spans: list[Span] = []
    if language_of_locale(locale) is not None:
        return spans
    for found in _figures_in(prose.masked, locale=locale):
        reading = reading_for(found, locale)
        if reading is None or not is_foreign_notation(reading, locale):
            continue
        numeral = reading.numeral_notation or reading.notation
        if reading.decimal_mark == "," != number_conventions(locale).decimal_symbol:
            kind, what = "decimal-comma", "a decimal comma"
        elif numeral in GROUPING_NOTATIONS:
            kind, what = "digit-grouping", reading.notation_label
        else:
            continue  # lakh and crore are words, not notation: the figure candidate covers them
        suggestion = standard_spelling(found.text, reading, locale)
        message = f"'{found.text}' is written with {what}, which {locale} readers do not use"
        message += f"; write '{suggestion}'." if suggestion else "."
        spans.append(
            Span(
                kind,
                found.start,
                found.end,
                message,
                suggestion=suggestion,
                value=plain_number(reading.value),
                notation=reading.notation,
                confidence=0.9,
            )
        )
    return spans


def reading_for(found: FoundFigure, locale: str) -> FigureReading | None:
    """The reading a reader of `locale` would make: the first native one, else the likeliest."""
    native = [r for r in found.readings if not is_foreign_notation(r, locale)]
    readings = native or list(found.readings)
    return readings[0] if readings else None


def plain_number(value: Decimal) -> str:
    """`300000`, `3.5`: the value without grouping or exponent, as the claim's `value` takes it."""
    return format(value.normalize(), "f")
