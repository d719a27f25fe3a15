"""The lint's entry points: copy errors for the build (`lint_text`), everything for `suggest`.

Both read the same prose view of the text (Markdown markup blanked, offsets kept), so a finding the
build reports is the finding `suggest` showed the editor.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Sequence

from factsite.languages import Language, language_of_locale
from factsite.lint.dates import find_date_candidates
from factsite.lint.engine import run_engine
from factsite.lint.figures import find_figure_candidates, find_notation_slips
from factsite.lint.findings import Finding, Span, place_spans
from factsite.lint.grammar import find_grammar_slips, find_native_doubled_words
from factsite.lint.leftovers import find_leftovers
from factsite.lint.prose import Prose
from factsite.lint.quotations import find_quotations
from factsite.lint.spelling import find_misspellings
from factsite.model import Ignore

NOTATION_KINDS = frozenset({"digit-grouping", "decimal-comma"})


def lint_text(
    text: str,
    *,
    locale: str = "en_US",
    published: dt.date | None = None,
    words: frozenset[str] = frozenset(),
) -> tuple[Finding, ...]:
    """The copy errors and scraping leftovers in `text` (plain or Markdown), sorted by offset.

    `words` (lower case) are the site's own word list (content/words.txt): never misspelt."""
    prose = Prose.from_text(text)
    return place_spans(text, _copy_errors(prose, locale, words))


def suggest_candidates(
    text: str,
    *,
    locale: str = "en_US",
    published: dt.date | None = None,
    words: frozenset[str] = frozenset(),
) -> tuple[Finding, ...]:
    """Everything an editor should look at: quotations, figures, dates, copy errors, leftovers."""
    prose = Prose.from_text(text)
    spans = [
        *find_quotations(prose, locale),
        *find_figure_candidates(prose, locale),
        *find_date_candidates(prose, published, locale),
        *_copy_errors(prose, locale, words),
    ]
    return place_spans(text, spans)


def findings_to_review(
    body: str,
    *,
    locale: str = "en_US",
    published: dt.date | None = None,
    marked: Iterable[tuple[int, int]] = (),
    typo_marked: Iterable[tuple[int, int]] = (),
    ignores: Iterable[Ignore] = (),
    min_confidence: float = 0.5,
    words: frozenset[str] = frozenset(),
    suggest: Callable[..., tuple[Finding, ...]] | None = None,
) -> tuple[Finding, ...]:
    """What the build warns about in an article body: copy errors no typo claim records, and
    candidates (quotations, figures, dates) no claim mark covers, less the editor's `ignore:`.
    A notation slip ("3,00,000" in a US text) is reviewed by any mark on its figure.

    `marked` and `typo_marked` hold the (start, end) in `body` of the words of every mark and of
    the marks of typo claims. Candidates below `min_confidence` (scare quotes) are not warned about.
    `suggest` stands for `suggest_candidates` (the lint proper, a function of the text, locale, date and
    words alone): a cache of its findings (`factsite.build.incremental.lint_cache`).
    """
    found = (suggest or suggest_candidates)(body, locale=locale, published=published, words=words)
    slips = [f for f in found if f.is_copy_error and f.kind not in NOTATION_KINDS]
    # A figure's notation is reviewed with the figure: its claim's note records the slip.
    claims = [f for f in found if f.kind in NOTATION_KINDS or (not f.is_copy_error and f.confidence >= min_confidence)]
    unreviewed = (*drop_marked(slips, typo_marked), *drop_marked(claims, marked))
    kept = drop_ignored(unreviewed, ignores, body)
    return tuple(sorted(kept, key=lambda finding: (finding.start, finding.end, finding.kind)))


def uses_dictionary(locale: str) -> bool:
    """Whether the lint of a text in `locale` runs Harper, whose dictionary loads once per process: for English
    and the languages factsite has no data for (`_copy_errors`)."""
    return language_of_locale(locale) is None


def _copy_errors(prose: Prose, locale: str, words: frozenset[str] = frozenset()) -> list[Span]:
    language = language_of_locale(locale)
    if language is not None:
        return _copy_errors_without_dictionary(prose, language)
    engine_lints = run_engine(prose.masked, locale)
    ours = [*find_grammar_slips(prose, locale), *find_notation_slips(prose, locale)]
    engine_grammar = [
        Span(
            "agreement",
            lint.start,
            lint.end,
            lint.message,
            lint.suggestions[0] if lint.suggestions else None,
            confidence=0.7,
        )
        for lint in engine_lints
        if lint.kind == "agreement"
    ]
    spans = [*ours, *_not_overlapping(engine_grammar, ours)]
    spans.extend(_not_overlapping(find_misspellings(prose, engine_lints, locale, words), spans))
    leftovers = find_leftovers(prose)
    # A leftover line is deleted whole: the slips inside it need no separate correction.
    return [*leftovers, *_not_overlapping(spans, leftovers)]


def _copy_errors_without_dictionary(prose: Prose, language: Language | None) -> list[Span]:
    """Copy errors in a language Harper does not know (it is English only, and no other offline
    dictionary ships with factsite): leftovers and doubled words, never spelling, so Hindi or Arabic is
    not read as misspelt English."""
    leftovers = find_leftovers(prose)
    doubled = find_native_doubled_words(prose, language) if language is not None else []
    return [*leftovers, *_not_overlapping(doubled, leftovers)]


def _not_overlapping(spans: Iterable[Span], kept: Sequence[Span]) -> list[Span]:
    return [span for span in spans if not any(span.start < other.end and other.start < span.end for other in kept)]


def drop_ignored(findings: Iterable[Finding], ignores: Iterable[Ignore], text: str) -> tuple[Finding, ...]:
    """The findings an editor has not silenced with an `ignore:` entry.

    An entry's `text` silences every finding it covers or that covers it where it appears in `text`
    (the linted text): "Twitter" silences the caption-and-credit leftover that ends with it.
    """
    silenced: list[tuple[int, int]] = []
    for ignore in ignores:
        words = ignore.text.strip()
        if words:
            silenced.extend((match.start(), match.end()) for match in re.finditer(re.escape(words), text))
    return tuple(
        finding
        for finding in findings
        if not any(
            (start <= finding.start and finding.end <= end) or (finding.start <= start and end <= finding.end)
            for start, end in silenced
        )
    )


def drop_marked(findings: Iterable[Finding], marked: Iterable[tuple[int, int]]) -> tuple[Finding, ...]:
    """The findings no claim mark reaches; `marked` holds the (start, end) of each mark's words.

    Give the marks of typo claims to clear copy errors, and all marks to clear candidates.
    """
    # A finding is reached when, of the marks starting before it ends, the furthest-reaching one ends after
    # it starts: sorted starts and a running maximum of ends answer that without comparing every pair.
    ranges = sorted(marked)
    starts = [start for start, _ in ranges]
    furthest = list(itertools.accumulate((end for _, end in ranges), max))
    return tuple(
        finding
        for finding in findings
        if not (before := bisect.bisect_left(starts, finding.end)) or furthest[before - 1] <= finding.start
    )
