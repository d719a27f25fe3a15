"""The figure check: read a figure however it is written, compare it with the claim and its sources.

Notations (`FigureReading.notation`, labels in NOTATION_LABELS):

- digits: "plain" (300000), "decimal-point" (3.5), "decimal-comma" (3,5), "western-grouping"
  (300,000; 1,234.5), "indian-grouping" (3,00,000; 1,20,00,000), "dot-grouping" (300.000;
  1.234,5), "space-grouping" (300 000, with any space), "apostrophe-grouping" (300'000);
- scaled: "lakh-crore-words" (1.2 lakh; Rs 2,000 crore; twelve lakh), "scale-word" (0.3 million;
  3,5 Mio.), "suffix" (14K; $5m; £2bn), and "words" (three hundred thousand). A scaled reading
  names how its digits are written in `numeral_notation`.

Units are ISO 4217 codes (Rs, ₹, $, US$, €, £, A$, C$ and the codes themselves) or "percent" (%,
per cent, percent, pc). A figure that reads two ways ("300,000": 300000 in en_US, 300 in de_DE)
gets both readings.

A marked figure is read whole by `phrase.read_phrase` (bounds, ranges, fractions, ratios and shares)
and compared by `compare.check_figure`; the statuses are listed in `compare`. In a Hindi or Arabic article
(a locale with data in `factsite.languages`) marks and sources are read by `native`, from the language's tables.
"""

from factsite.checks.figures.compare import (
    STATUSES,
    FigureComparison,
    FigureEvidence,
    canonical_unit,
    check_figure,
    display_number,
    judge,
    plain_decimal,
    sentence_around,
)
from factsite.checks.figures.expression import FORMATTABLE_NOTATIONS, format_figure, parse_figure
from factsite.checks.figures.notation import (
    NOTATION_LABELS,
    FigureReading,
    foreign_notations,
    is_foreign_notation,
)
from factsite.checks.figures.phrase import FigurePhrase, Unread, read_phrase
from factsite.checks.figures.scan import FoundFigure, find_figures

__all__ = [
    "FORMATTABLE_NOTATIONS",
    "NOTATION_LABELS",
    "STATUSES",
    "FigureComparison",
    "FigureEvidence",
    "FigurePhrase",
    "FigureReading",
    "FoundFigure",
    "Unread",
    "canonical_unit",
    "check_figure",
    "display_number",
    "find_figures",
    "foreign_notations",
    "format_figure",
    "is_foreign_notation",
    "judge",
    "parse_figure",
    "plain_decimal",
    "read_phrase",
    "sentence_around",
]
