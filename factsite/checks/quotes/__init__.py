"""The quote check: is a quote faithful to its source, where does it come from, and what was
changed?

A quote is located in each cited source, compared word by word after folding what does not count
(typography, case at the start, US/UK spelling), read with the press's conventions (ellipses, square
brackets) and classified as verbatim, verbatim with marked edits, minor differences, altered,
spliced or not found. In a transcript, a quote found in another person's turn than the claim's speaker's is
"other speaker" (turns.py).
"""

from factsite.checks.quotes.compare import check_quote, compare_quote, locate_quote
from factsite.checks.quotes.normalise import normalise_quote_text
from factsite.checks.quotes.results import (
    DiffToken,
    QuoteClass,
    QuoteComparison,
    QuoteMatch,
    QuotePassage,
)

__all__ = [
    "DiffToken",
    "QuoteClass",
    "QuoteComparison",
    "QuoteMatch",
    "QuotePassage",
    "check_quote",
    "compare_quote",
    "locate_quote",
    "normalise_quote_text",
]
