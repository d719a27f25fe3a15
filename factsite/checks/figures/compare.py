"""The figure check: compare a marked figure with the claim's stated value and its cited sources.

A marked figure may have several readings ("300,000" is 300 in German); the check keeps the reading
that agrees best with the stated value, then with the sources, and reports a notation foreign to
the article's locale. Values are Decimals throughout; "rounded" means within half the step the
text expresses.
"""

from __future__ import annotations

import decimal
import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from babel.numbers import format_currency, is_currency

from factsite.checks.figures.expression import (
    CURRENCY_PREFIXES,
    CURRENCY_SUFFIXES,
    parse_figure,
    standard_spelling,
)
from factsite.checks.figures.notation import (
    NOTATION_LABELS,
    WIDE_CONTEXT,
    FigureReading,
    babel_locale,
    foreign_notations,
    format_numeral,
    is_foreign_notation,
)
from factsite.checks.figures.scan import FoundFigure, find_figures
from factsite.model import CheckResult, Source

_RANK = {"match": 0, "rounded": 1, "mismatch": 2}
_NO_EVIDENCE_RANK = len(_RANK)
_UNIT_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        **CURRENCY_PREFIXES,
        **CURRENCY_SUFFIXES,
        "%": "percent",
        "percent": "percent",
        "per cent": "percent",
        "pc": "percent",
        "percentage": "percent",
        "pound": "GBP",
        "pounds": "GBP",
        "dollar": "USD",
    }
)


@dataclass(frozen=True)
class FigureEvidence:
    """A figure found in a cited source, and how the article's figure compares with it."""

    source_id: str
    text: str  # as the source writes it
    start: int  # offsets in Source.text
    end: int
    reading: FigureReading
    status: str  # "match" | "rounded" | "mismatch"
    difference: Decimal  # the article's value minus the source's


@dataclass(frozen=True)
class FigureComparison:
    """Everything the figure check found, for the claim page.

    `stated_status` is "match", "rounded" or "mismatch" against the claim's value, "no-value"
    when the claim states none, and "unparsed" when the marked text has no figure to read.
    """

    text: str  # the figure as the article writes it
    readings: tuple[FigureReading, ...]
    reading: FigureReading | None  # the reading the comparison rests on
    stated_value: Decimal | None
    stated_unit: str | None  # the claim's unit when it is a currency (ISO code) or "percent"
    stated_status: str
    difference: Decimal | None  # reading.value minus stated_value
    unit_conflict: bool  # the article's currency or percentage differs from the claim's
    evidence: tuple[FigureEvidence, ...]
    sources_checked: tuple[str, ...]
    sources_without_figures: tuple[str, ...]
    findings: tuple[str, ...]
    suggestion: str | None  # the figure as the article's locale writes it, when that differs


@dataclass(frozen=True)
class _Candidate:
    reading: FigureReading
    stated_status: str
    difference: Decimal | None
    unit_conflict: bool
    evidence: tuple[FigureEvidence, ...]

    def rank(self, has_stated_value: bool) -> tuple[int, bool, int]:
        """Lower is better: agreement with the stated value, plausibility, then the sources."""
        stated = _RANK.get(self.stated_status, _NO_EVIDENCE_RANK) if has_stated_value else 0
        sourced = min((_RANK[item.status] for item in self.evidence), default=_NO_EVIDENCE_RANK)
        return stated, _reads_a_group_as_decimals(self.reading), sourced


def _reads_a_group_as_decimals(reading: FigureReading) -> bool:
    # "300,000" as 300.000, "3,500" as 3.500: three decimals ending in zero are seldom written, so
    # a source that happens to say "300" should not make the check read them that way.
    if reading.decimal_mark is None:
        return False
    written = reading.value.scaleb(-reading.scale.adjusted()).as_tuple()
    return written.exponent == -3 and written.digits[-1] == 0


def check_figure(
    marked_text: str,
    *,
    value: Decimal | int | float | str | None,
    unit: str | None,
    locale: str,
    sources: Sequence[Source],
) -> CheckResult:
    """Check a figure claim; status "match", "rounded", "mismatch", "unverified" or "unparsed".

    The status compares with the stated value, or, when the claim states none, with the figures
    in the sources ("unverified" when they have none to compare).
    """
    figure_text, readings = _read_marked_text(marked_text, locale)
    comparison = compare_figure(
        figure_text,
        readings,
        stated=_stated_decimal(value),
        stated_unit=canonical_unit(unit),
        locale=locale,
        sources=sources,
    )
    findings = comparison.findings
    if value is not None and comparison.stated_value is None:
        findings += (f"The claim's value “{value}” is not a number, so it was not compared.",)
    if comparison.reading is None:
        return CheckResult("figure", "unparsed", _summarise_unparsed(marked_text), comparison)
    status = comparison.stated_status
    if comparison.stated_value is None:
        status = _source_status(comparison.evidence)
    return CheckResult("figure", status, summarise(comparison, locale), comparison, findings)


def compare_figure(
    text: str,
    readings: tuple[FigureReading, ...],
    *,
    stated: Decimal | None,
    stated_unit: str | None,
    locale: str,
    sources: Sequence[Source],
) -> FigureComparison:
    """Compare each reading of a figure and keep the one that agrees best with value and sources."""
    source_figures = [(source, _figures_in_source(source.text)) for source in sources]
    candidates = [
        _compare_reading(reading, stated, stated_unit, source_figures) for reading in readings
    ]
    best = min(candidates, key=lambda candidate: candidate.rank(stated is not None), default=None)
    reading = best.reading if best else None
    return FigureComparison(
        text=text,
        readings=readings,
        reading=reading,
        stated_value=stated,
        stated_unit=stated_unit,
        stated_status=best.stated_status if best else "unparsed",
        difference=best.difference if best else None,
        unit_conflict=best.unit_conflict if best else False,
        evidence=best.evidence if best else (),
        sources_checked=tuple(source.id for source in sources),
        sources_without_figures=tuple(
            source.id for source, figures in source_figures if not figures
        ),
        findings=_formatting_findings(text, reading, readings, locale) if reading else (),
        suggestion=standard_spelling(text, reading, locale) if reading else None,
    )


# A source is cited by several claims of an article: its figures are found once.
@functools.lru_cache(maxsize=16)
def _figures_in_source(text: str) -> tuple[FoundFigure, ...]:
    return find_figures(text, include_years=True)


def _read_marked_text(marked_text: str, locale: str) -> tuple[str, tuple[FigureReading, ...]]:
    # A mark may hold the figure with its noun ("3,00,000 fighters"): the one figure inside counts.
    readings = parse_figure(marked_text, locale=locale)
    if readings:
        return marked_text.strip(), readings
    figures = find_figures(marked_text, locale=locale, include_years=True)
    if len(figures) == 1:
        return figures[0].text, figures[0].readings
    return marked_text.strip(), ()


def _stated_decimal(value: Decimal | int | float | str | None) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # The shortest decimal that round-trips, not the binary expansion; no NaN or infinity.
        return Decimal(repr(value)) if math.isfinite(value) else None
    readings = parse_figure(str(value))
    return readings[0].value if readings else None


def canonical_unit(unit: str | None) -> str | None:
    """A claim's free-text unit as an ISO 4217 code or "percent"; None for others ("people")."""
    if not unit:
        return None
    key = re.sub(r"\s+", " ", unit.strip().lower())
    if key in _UNIT_ALIASES:
        return _UNIT_ALIASES[key]
    return unit.strip().upper() if is_currency(unit.strip().upper()) else None


def compare_values(
    found: Decimal, found_precision: Decimal, reference: Decimal, reference_precision: Decimal
) -> tuple[str, Decimal]:
    """Compare two values: "match", "rounded" (within half the coarser step) or "mismatch".

    Also returns the difference, found minus reference.
    """
    with decimal.localcontext(WIDE_CONTEXT):
        difference = found - reference
        if difference == 0:
            return "match", difference
        if abs(difference) * 2 <= max(found_precision, reference_precision):
            return "rounded", difference
    return "mismatch", difference


def _compare_reading(
    reading: FigureReading,
    stated: Decimal | None,
    stated_unit: str | None,
    source_figures: Sequence[tuple[Source, tuple[FoundFigure, ...]]],
) -> _Candidate:
    conflict = _units_conflict(reading.unit, stated_unit)
    status, difference = "no-value", None
    if stated is not None:
        status, difference = compare_values(reading.value, reading.precision, stated, Decimal(0))
        if conflict:
            status, difference = "mismatch", None
    unit = reading.unit or stated_unit
    evidence = tuple(
        item
        for source, figures in source_figures
        for item in _source_evidence(reading, unit, source.id, figures)
    )
    return _Candidate(reading, status, difference, conflict, evidence)


def _units_conflict(first: str | None, second: str | None) -> bool:
    return first is not None and second is not None and first != second


def _source_evidence(
    reading: FigureReading, unit: str | None, source_id: str, figures: tuple[FoundFigure, ...]
) -> tuple[FigureEvidence, ...]:
    """The source's figures that agree with `reading`, or else the nearest one."""
    compared = []
    for figure in figures:
        options = [
            _evidence(reading, source_id, figure, option)
            for option in figure.readings
            if not _units_conflict(unit, option.unit)
        ]
        if options:
            compared.append(min(options, key=_closeness))
    agreeing = tuple(item for item in compared if item.status != "mismatch")
    if agreeing or not compared:
        return agreeing
    return (min(compared, key=lambda item: _relative_distance(reading.value, item.reading.value)),)


def _closeness(item: FigureEvidence) -> tuple[int, Decimal]:
    return _RANK[item.status], abs(item.difference)


def _evidence(
    reading: FigureReading, source_id: str, figure: FoundFigure, option: FigureReading
) -> FigureEvidence:
    status, difference = compare_values(
        reading.value, reading.precision, option.value, option.precision
    )
    return FigureEvidence(
        source_id, figure.text, figure.start, figure.end, option, status, difference
    )


def _relative_distance(first: Decimal, second: Decimal) -> Decimal:
    with decimal.localcontext(WIDE_CONTEXT):
        scale = max(abs(first), abs(second))
        return abs(first - second) / scale if scale else Decimal(0)


def _source_status(evidence: tuple[FigureEvidence, ...]) -> str:
    if not evidence:
        return "unverified"
    return min((item.status for item in evidence), key=_RANK.__getitem__)


def _summarise_unparsed(marked_text: str) -> str:
    return f"“{marked_text.strip()}” holds no single figure that can be read."


def _formatting_findings(
    text: str, reading: FigureReading, readings: tuple[FigureReading, ...], locale: str
) -> tuple[str, ...]:
    foreign = foreign_notations(reading, locale)
    if not foreign:
        return ()
    phrases = " and ".join(_notation_phrase(notation) for notation in foreign)
    finding = f"“{text}” uses {phrases}, unusual in {_locale_tag(locale)} text"
    native = [other for other in readings if not is_foreign_notation(other, locale)]
    if native and native[0].value != reading.value:
        finding += f", where it reads as {display(native[0], locale)}"
    suggestion = standard_spelling(text, reading, locale)
    return (f"{finding}; write {suggestion}." if suggestion else f"{finding}.",)


def _notation_phrase(notation: str) -> str:
    label = NOTATION_LABELS[notation]
    return f"a {label}" if notation in ("decimal-point", "decimal-comma") else label


def _locale_tag(locale: str) -> str:
    return str(babel_locale(locale)).replace("_", "-")


def display(reading: FigureReading, locale: str, value: Decimal | None = None) -> str:
    """A value as readers of `locale` expect it, with the reading's currency or percent sign."""
    number = _tidy(reading.value if value is None else value)
    if reading.unit == "percent":
        return f"{format_numeral(number, locale=locale)}%"
    if reading.unit is not None:
        return _display_money(number, reading.unit, locale)
    return format_numeral(number, locale=locale)


def _display_money(number: Decimal, currency: str, locale: str) -> str:
    pattern = babel_locale(locale).currency_formats["standard"].pattern
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    places = "." + "0" * -exponent if exponent < 0 else ""
    exact = re.sub(r"\.0+", places, pattern.split(";")[0])
    with decimal.localcontext(WIDE_CONTEXT):
        return format_currency(
            number, currency, format=exact, locale=babel_locale(locale), currency_digits=False
        )


def _tidy(value: Decimal) -> Decimal:
    # 1.2 lakh is stored as 1.2E+5; readers want 120,000, not 120,000.0 or an exponent.
    if value == value.to_integral_value():
        return value.quantize(Decimal(1), context=WIDE_CONTEXT)
    return value


def _signed(reading: FigureReading, difference: Decimal, locale: str) -> str:
    sign = "+" if difference > 0 else "\u2212"  # a true minus sign, as typographers set it
    if reading.unit == "percent":
        return f"{sign}{format_numeral(_tidy(abs(difference)), locale=locale)} percentage points"
    return sign + display(reading, locale, abs(difference))


def summarise(comparison: FigureComparison, locale: str) -> str:
    """One sentence for readers: what the figure reads as and how it compares."""
    reading = comparison.reading
    assert reading is not None
    sentence = f"“{comparison.text}” reads as {display(reading, locale)}"
    sentence += _stated_clause(comparison, reading, locale)
    sentence += _sources_clause(comparison, reading, locale)
    return sentence + "."


def _stated_clause(comparison: FigureComparison, reading: FigureReading, locale: str) -> str:
    stated, difference = comparison.stated_value, comparison.difference
    if comparison.unit_conflict:
        return f", in {reading.unit}, but the claim states {comparison.stated_unit}"
    if stated is None or difference is None:
        return ""
    if comparison.stated_status == "match":
        return ", matching the stated value"
    stated_text = display(reading, locale, stated)
    change = _signed(reading, difference, locale)
    if comparison.stated_status == "rounded":
        step = format_numeral(_tidy(reading.precision), locale=locale)
        return (
            f", which is the stated value {stated_text} rounded to the nearest {step}"
            f" (difference {change})"
        )
    return f", but the stated value is {stated_text} (difference {change})"


def _sources_clause(comparison: FigureComparison, reading: FigureReading, locale: str) -> str:
    evidence = comparison.evidence
    agreeing = [item for item in evidence if item.status != "mismatch"]
    if agreeing:
        first = agreeing[0]
        verb = "gives" if first.status == "match" else "rounds it as"
        return f"; source {first.source_id} {verb} “{first.text}”"
    if evidence:
        nearest = min(
            evidence, key=lambda item: _relative_distance(reading.value, item.reading.value)
        )
        change = _signed(reading, nearest.difference, locale)
        return (
            f"; the nearest figure in the cited sources is “{nearest.text}” in "
            f"{nearest.source_id} (difference {change})"
        )
    if comparison.sources_checked:
        return "; the cited sources give no figure to compare"
    if comparison.stated_value is None:
        return "; there is no stated value or cited source to compare with"
    return ""
