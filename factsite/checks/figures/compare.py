"""The figure check: compare a marked figure with its cited sources and the claim's stated value.

Statuses (`CheckResult.status`):

- "match": a comparable figure in a cited source is the same value, or lies within the article's bound
  or range ("more than 300" against 320);
- "rounded": the article's figure is what rounding the source's figure at the article's precision gives,
  half up (13 for 12.5, never 12); a spoken fraction rounds to the nearest simple fraction (halves,
  thirds, quarters, fifths, tenths): "a third" for 32%, "half a million" for 480,000;
- "understated" / "overstated": the article's figure is below / above the source's, beyond rounding
  and outside its bound; the summary gives the difference and the ratio;
- "not-found": the cited sources hold no comparable figure ("not found in the cited sources"), whatever
  other numbers they hold;
- "unread": the marked text could not be read whole (the summary says why); nothing is compared;
- "unverified": the claim cites no source; the figure is compared with the claim's stated value if it
  has one, or else not at all.

Like is compared with like: a source figure is a candidate only if its quantity agrees with the
claim's: the same currency (no conversions), a percentage for a percentage, and for a count the
claim's `unit` noun (or the mark's own noun) among the four words after the source's figure, in
singular or plural or as a listed synonym. A figure whose quantity is unknown (no unit, no noun) is
compared only with source figures that agree with it or with the claim's stated value.

Of several candidates, `_choose` takes the one that agrees and is close; then the one the claim's
stated value (`value:`) names; then the one whose sentence shares most words with the article's, and
of those the nearest. The result is judged against that source figure; the summary also says how
the article's figure compares with the stated value. Sources are read by `find_source_figures`, so
"half a million" in a source is read whole as well.
"""

from __future__ import annotations

import bisect
import decimal
import functools
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
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
    number_conventions,
    within_bounds,
)
from factsite.checks.figures.phrase import (
    BOUND_PHRASES,
    FigurePhrase,
    Unread,
    find_source_figures,
    is_number_word,
    read_phrase,
)
from factsite.checks.figures.scan import FoundFigure
from factsite.languages import Language, all_languages, language_of_word
from factsite.languages.script import WORD, fold, native_digits, typographic_fold
from factsite.model import Basis, CheckResult, Source

STATUSES = ("match", "rounded", "understated", "overstated", "not-found", "unread", "unverified")
_RANK = {"match": 0, "rounded": 1, "understated": 2, "overstated": 2}
_NONE_RANK = 3
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
# Counted nouns that name the same things; singular forms.
_SYNONYMS = (
    frozenset({"person", "individual", "population"}),
    frozenset({"child", "kid"}),
    frozenset({"job", "role"}),  # "2,400 jobs at risk" for a company's "up to 2,400 roles"
)
_IRREGULAR = MappingProxyType(
    {"people": "person", "children": "child", "men": "man", "women": "woman", "crises": "crisis",
     "analyses": "analysis", "diagnoses": "diagnosis", "personnel": "personnel", "series": "series",
     "species": "species"}
)  # fmt: skip
_NOUN_REACH = 4
_APPROXIMATE = Decimal("0.1")  # "about", "nearly": within 10% of the figure
_SIMPLE_DENOMINATORS = (2, 3, 4, 5, 10)
_CLOSE = Decimal("0.25")
_LISTED = 5


@dataclass(frozen=True)
class FigureEvidence:
    """A comparable figure in a cited source and how the article's figure compares with it."""

    source_id: str
    text: str  # as the source writes it
    start: int  # offsets in Source.text
    end: int
    reading: FigureReading
    status: str  # "match" | "rounded" | "understated" | "overstated"
    difference: Decimal  # the article's figure minus the source's
    ratio: Decimal | None  # the article's figure over the source's
    value_text: str  # the source's value as the article's locale writes it
    shared_words: int = 0  # words its sentence shares with the article's sentence
    clause_words: int = 0  # words its clause shares with the article's sentence
    names_population: bool | None = None  # its sentence names what a share is of; None: no share noun
    qualified: bool = True  # its sentence has the words the article puts before the noun ("first-time")
    target: bool = False  # its clause speaks of a target ("the 70% target by 2030"), not of what was done
    elsewhere: bool = False  # its source speaks of the article's subject in a sentence without figures
    mark_clause_words: int = 0  # words its clause shares with the article's clause around the mark

    @property
    def value(self) -> Decimal:
        return self.reading.value


@dataclass(frozen=True)
class FigureComparison:
    """Everything the figure check found, for the claim page; every number already written for readers.

    `stated_status` compares with the claim's value: "match", "rounded", "understated", "overstated",
    or "no-value" when it states none.
    """

    text: str  # the figure as the article writes it ("more than 300", "3,00,000")
    readings: tuple[FigureReading, ...]  # the digit readings of the figure, when it has digits
    reading: FigureReading | None  # the digit reading the comparison rests on
    phrase: FigurePhrase | None  # the whole reading: value or range, bound, unit
    reads_as: str  # the reading as the article's locale writes it ("more than 300", "20–25%")
    quantity: str | None  # "percent", an ISO currency code, a counted noun (singular)
    reason: str  # why the figure is unread
    stated_value: Decimal | None
    stated_text: str
    stated_status: str
    difference: Decimal | None  # against the candidate
    ratio: Decimal | None
    candidate: FigureEvidence | None
    evidence: tuple[FigureEvidence, ...]  # the candidate first, then up to four others that agree
    sources_checked: tuple[str, ...]
    sources_without_figures: tuple[str, ...]
    findings: tuple[str, ...]
    suggestion: str | None  # the figure as the article's locale writes it, when that differs
    also_possible: tuple[str, ...] = ()  # other readings of ambiguous digits, written for readers
    quantity_label: str = ""  # the quantity for readers: "percentage", "amount in USD", "count of reservists"

    @property
    def unit_conflict(self) -> bool:
        return any("the claim's unit" in finding for finding in self.findings)


def check_figure(
    marked_text: str,
    *,
    value: Decimal | int | float | str | None,
    unit: str | None,
    locale: str,
    sources: Sequence[Source],
    context: str = "",
) -> CheckResult:
    """Check a figure claim against its cited sources; the statuses are in this module's docstring.

    `context` is the article's sentence around the mark: among several comparable source figures that
    disagree, the one whose sentence shares most of its words is the one compared.
    """
    stated = stated_decimal(value)
    phrases = read_phrase(marked_text, locale)
    if isinstance(phrases, Unread):
        return _unread(marked_text, phrases.reason, sources)
    claim_unit = canonical_unit(unit)
    noun_written = None if claim_unit else (unit or "").strip() or _mark_noun(marked_text, phrases[0])
    noun = head_noun(noun_written)
    source_figures = [(source, _figures_in_source(source.text, locale)) for source in sources]
    topic = content_words(context or marked_text)
    own_clause = _mark_clause(marked_text, context) or topic
    joined_clause = _mark_clause(marked_text, context, joined=True) or topic
    population = population_noun(marked_text, context, phrases[0])
    qualifiers = noun_qualifiers(marked_text, context, phrases[0], noun)
    target = speaks_of_target(context or marked_text)
    options = [
        _compare(
            phrase,
            stated,
            claim_unit,
            noun,
            source_figures,
            locale,
            topic,
            population,
            qualifiers,
            target,
            word_pairs(context or marked_text),
            own_clause,
            joined_clause,
            table_words(_without_years_since(context or marked_text)),
        )
        for phrase in phrases
    ]
    best = min(options, key=lambda option: option.rank(stated is not None))
    phrase = best.phrase
    findings = list(_formatting_findings(phrase, phrases, locale))
    if value is not None and stated is None:
        findings.append(f"The claim's value “{value}” is not a number, so it was not compared.")
    if claim_unit and phrase.unit and claim_unit != phrase.unit:
        findings.append(
            f"The article writes the figure in {phrase.unit} but the claim's unit is {claim_unit}; "
            f"it was compared in {phrase.unit}."
        )
    if sources:
        status = best.candidate.status if best.candidate else "not-found"
    else:
        status = best.stated_status if stated is not None else "unverified"
    comparison = FigureComparison(
        text=phrase.text,
        readings=tuple(p.digits for p in phrases if p.digits is not None),
        reading=phrase.digits,
        phrase=phrase,
        reads_as=describe(phrase, locale),
        quantity=best.quantity,
        quantity_label=_quantity_label(best.quantity, noun_written),
        reason="",
        stated_value=stated,
        stated_text=display(stated, phrase.unit, locale) if stated is not None else "",
        stated_status=best.stated_status,
        difference=best.candidate.difference if best.candidate else None,
        ratio=best.candidate.ratio if best.candidate else None,
        candidate=best.candidate,
        evidence=best.evidence,
        sources_checked=tuple(source.id for source in sources),
        sources_without_figures=tuple(s.id for s, figures in source_figures if not figures),
        findings=tuple(findings),
        suggestion=_suggestion(phrase, locale),
        also_possible=tuple(describe(p, locale) for p in phrases if p is not phrase and p.low != phrase.low),
    )
    basis = Basis(
        reading=canonical(phrase),
        unit=best.quantity,
        source_id=best.candidate.source_id if best.candidate else None,
        candidate=plain_decimal(best.candidate.reading.value) if best.candidate else None,
    )
    summary = summarise(comparison, status, locale)
    return CheckResult("figure", status, summary, comparison, tuple(findings), basis=basis)


def _unread(marked_text: str, reason: str, sources: Sequence[Source]) -> CheckResult:
    text = " ".join(marked_text.split())
    comparison = FigureComparison(
        text=text, readings=(), reading=None, phrase=None, reads_as="", quantity=None, reason=reason,
        stated_value=None, stated_text="", stated_status="no-value", difference=None, ratio=None,
        candidate=None, evidence=(), sources_checked=tuple(s.id for s in sources),
        sources_without_figures=(), findings=(), suggestion=None,
    )  # fmt: skip
    summary = f"Could not read “{text}”: {reason}; nothing was compared."
    return CheckResult("figure", "unread", summary, comparison, basis=Basis(reason=reason))


@dataclass(frozen=True)
class _Option:
    phrase: FigurePhrase
    stated_status: str
    candidate: FigureEvidence | None
    evidence: tuple[FigureEvidence, ...]
    quantity: str | None

    def rank(self, has_stated_value: bool) -> tuple[int, bool, int]:
        """Lower is better: agreement with the stated value, plausibility, then the sources."""
        stated = _RANK.get(self.stated_status, _NONE_RANK) if has_stated_value else 0
        sourced = _RANK[self.candidate.status] if self.candidate else _NONE_RANK
        return stated, _reads_a_group_as_decimals(self.phrase.digits), sourced


def _reads_a_group_as_decimals(reading: FigureReading | None) -> bool:
    # "300,000" as 300.000, "3,500" as 3.500: three decimals ending in zero are seldom written, so
    # a source that happens to say "300" should not make the check read them that way.
    if reading is None or reading.decimal_mark is None:
        return False
    written = reading.value.scaleb(-reading.scale.adjusted()).as_tuple()
    return written.exponent == -3 and written.digits[-1] == 0


def _compare(
    phrase: FigurePhrase,
    stated: Decimal | None,
    claim_unit: str | None,
    noun: str | None,
    source_figures: Sequence[tuple[Source, tuple[FoundFigure, ...]]],
    locale: str,
    topic: frozenset[str],
    population: str | None = None,
    qualifiers: frozenset[str] = frozenset(),
    target: bool = False,
    pairs: frozenset[tuple[str, str]] = frozenset(),
    own_clause: frozenset[str] = frozenset(),
    joined_clause: frozenset[str] = frozenset(),
    named: frozenset[str] = frozenset(),
) -> _Option:
    unit = phrase.unit or claim_unit
    phrase = phrase if phrase.unit or not unit else _with_unit(phrase, unit)
    quantity = unit or noun
    population = population if unit == "percent" else None
    stated_status = judge(phrase, stated, Decimal(0)) if stated is not None else "no-value"
    comparable = [
        _evidence(
            phrase,
            source.id,
            figure,
            option,
            locale,
            _shared_words(topic, source.text, figure),
            len(topic & _clause_context(source.text, figure.start, figure.end)),
            _names(population, source.text, figure) if population else None,
            qualifiers <= _figure_context(source.text, figure.start, figure.end)
            and _source_qualifiers(_clause_text(source.text, figure.start, figure.end), noun) <= topic,
            _a_target(source.text, figure, figures),
            _spoken_of_elsewhere(pairs, source.text, figures, _clause_context(source.text, figure.start, figure.end)),
            len((own_clause or topic) & _clause_context(source.text, figure.start, figure.end)),
        )
        for source, figures in source_figures
        for figure in figures
        if (option := _comparable_reading(figure, source.text, unit, noun, locale, named)) is not None
    ]
    if qualifiers and noun is not None:
        comparable = _of_the_article_kind(comparable, qualifiers, noun, source_figures)
    # A share of patients is not a share of adults: when the article says what its percentage is of,
    # only a source percentage whose sentence names it is the same quantity.
    # When no source sentence names it, the sources may use another word for it ("one in eight people",
    # "12.5 per cent of the population"): nothing is set aside.
    if any(item.names_population for item in comparable):
        comparable = [item for item in comparable if item.names_population]
    # A target is not what was done: "rose to 70%" is not compared with "the 70% target by 2030", and a target
    # the article states is compared with the sources' targets when they give one.
    if target and any(item.target for item in comparable):
        comparable = [item for item in comparable if item.target]
    elif not target:
        comparable = [item for item in comparable if not item.target]
    texts = {source.id: source.text for source, _ in source_figures}
    noun_words = content_words(noun) if noun else frozenset()
    spoken = {
        id(item): (joined_clause & _clause_context(texts[item.source_id], item.start, item.end)) - noun_words
        for item in comparable
    }
    # A table's row whose label the article's clause says word for word is the quantity the article states: "more
    # than 14 lakh households were provided employment" is the row "Households provided employment", not the row
    # "Households demanded employment" beside it, whichever agrees. When the clause names several rows ("in Mutlaa
    # and South Saad"), it speaks of them together: none is singled out.
    labels = {id(item): _row_named(texts[item.source_id], item.start, joined_clause, noun_words) for item in comparable}
    rows = [item for item in comparable if labels[id(item)]]
    if len({labels[id(item)] for item in rows}) > 1:
        rows = []
    rows = [item for item in rows if _close(phrase, item.value) or _plausibly_the_same(phrase, item, True)]
    candidate = _choose(
        phrase,
        rows or comparable,
        stated,
        counted=unit is None and noun is not None,
        unit=unit,
        topic_known=bool(topic),
        spoken=spoken,
    )
    if candidate is not None:
        candidate = _stated_in_digits(candidate, comparable, texts)
    if candidate is None and quantity is None:
        comparable = []
    evidence = tuple(([candidate] if candidate else []) + [e for e in comparable if e is not candidate])
    # The page lists the compared figure and the others that agree, not every number of the sources.
    evidence = tuple(e for e in evidence if e is candidate or e.status in ("match", "rounded"))[:_LISTED]
    # Written for readers only once kept: formatting is most of the cost of a comparison.
    evidence = tuple(replace(e, value_text=display(e.value, e.reading.unit or phrase.unit, locale)) for e in evidence)
    return _Option(phrase, stated_status, evidence[0] if candidate else None, evidence, quantity)


def _stated_in_digits(
    candidate: FigureEvidence, comparable: list[FigureEvidence], texts: Mapping[str, str]
) -> FigureEvidence:
    """An agreeing figure in words gives way to the same figure in digits in its clause, which states it more
    precisely: "Two-thirds of spending (66.1%)" is compared as 66.1%, never as a 66.67% the source does not write."""
    words = candidate.reading
    if words.numeral_notation != "words" or candidate.status not in ("match", "rounded"):
        return candidate
    text = texts.get(candidate.source_id, "")
    clause = _clause_text(text, candidate.start, candidate.end)
    begin = text.find(clause, max(0, candidate.start - len(clause)))
    if begin < 0:
        return candidate
    for item in comparable:
        if (
            item.source_id == candidate.source_id
            and item.status in ("match", "rounded")
            and item.reading.numeral_notation != "words"
            and begin <= item.start
            and item.end <= begin + len(clause)
            and item.reading.precision < words.precision
            and abs(item.value - words.value) * 2 <= words.precision  # within what the words say
        ):
            return item
    return candidate


def _row_named(text: str, start: int, clause: frozenset[str], noun_words: frozenset[str]) -> frozenset[str]:
    """The words of the label of a table's row (`_IN_A_ROW`) a figure stands in, when the label says something
    beyond the counted noun, all of it in the article's clause (`clause`): "Households provided employment :
    13,86,204" for "14 lakh households were provided employment"; empty otherwise."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    label = _ROW_LABEL.match(line) if _IN_A_ROW.search(line) else None
    if label is None:
        return frozenset()
    words = content_words(label.group(1))
    return words if clause and words - noun_words and words <= clause else frozenset()


# A row's label: up to its colon, or up to the first column's gap.
_ROW_LABEL = re.compile(r"\s*(?:[-*\u2022]\s*)?([^\W\d_][^\n:]*?)[ \t\u00a0]*(?::|[ \u00a0]{2,}|\t)")


def _with_unit(phrase: FigurePhrase, unit: str) -> FigurePhrase:
    return replace(phrase, unit=unit)


def _choose(
    phrase: FigurePhrase,
    comparable: list[FigureEvidence],
    stated: Decimal | None,
    *,
    counted: bool,
    unit: str | None,
    topic_known: bool = True,
    spoken: Mapping[int, frozenset[str]] | None = None,
) -> FigureEvidence | None:
    """The source figure the article's figure is judged against, or None: not found.

    A figure that agrees and is close (within 25%) comes first, the one whose clause shares most words
    with the article's sentence; then one that agrees with the claim's stated value. A figure that
    disagrees is compared only when it is plausibly the same quantity: within a factor of two, and
    either within 25% or about the same thing (the claim's noun is named in its sentence, or its clause
    shares two words or more with the article's sentence). A source's other amounts and counts ("$3.1
    billion" for the plan, when the article's "$85 million" is a grant; the 3,600 startups given a tax
    holiday, when the article counts 1.5 lakh recognised ones) are other quantities: not found. Of those,
    the one whose clause, then whose sentence, shares most words with the article's, then the nearest; one of
    several parts the article names ("9,600 plots in Mutlaa" for "15,000 plots in Mutlaa and South Saad") only
    when no other is left. Without the article's sentence (`topic_known` false), closeness alone is taken for sameness.
    """
    for status in ("match", "rounded"):
        agreeing = [item for item in comparable if item.status == status and _close(phrase, item.value)]
        if agreeing:
            best = max(agreeing, key=lambda item: item.clause_words)  # the first of equals
            if not topic_known:
                return best
            # An exact figure of something else gives way to a rounded one the article's clause describes.
            rounded = [item for item in comparable if item.status == "rounded" and _close(phrase, item.value)]
            also = rounded if status == "match" else []
            return _better_described(phrase, best, comparable, counted, also, spoken or {})
    if stated is not None:
        exact = _exact_phrase(stated)
        named = [e for e in comparable if judge(exact, e.value, e.reading.precision) in ("match", "rounded")]
        if named:
            return named[0]
    if counted or unit is not None:
        every = comparable
        comparable = [item for item in comparable if _plausibly_the_same(phrase, item, counted or not topic_known)]
        # One of several parts the article names is not its figure while another is there to compare.
        whole = [item for item in comparable if not _one_of_parts(phrase, item, every, spoken or {})]
        comparable = whole or comparable
    if (counted or unit is not None) and comparable:
        return min(
            comparable,
            key=lambda item: (
                -item.clause_words,
                -item.shared_words,
                _relative_distance(_point(phrase, item.value), item.value),
            ),
        )
    return None


def _better_described(
    phrase: FigurePhrase,
    agreeing: FigureEvidence,
    comparable: list[FigureEvidence],
    counted: bool,
    also_agreeing: Sequence[FigureEvidence] = (),
    spoken: Mapping[int, frozenset[str]] | None = None,
) -> FigureEvidence:
    """The agreeing figure, unless its clause shares nothing with the article's clause around the mark but the
    counted noun (a share's or an amount's unit is no word) and a figure that disagrees, plausibly the same
    quantity, shares two words more, in a sentence that shares no fewer: "22 लोगों की मौत" (22 dead) is compared
    with the bulletin's "19 लोगों की मौत", not with its "22 लोग लापता" (22 missing); losses of "more than 40% of the
    energy produced" are compared with the 38% losses, not with last year's 51% collection rate. The words of the
    article's other clauses ("while the provinces count 6.2 million subscribers") say nothing of what its figure
    counts; a source sentence that says more of the article's ("6.3 million properties are at risk of flooding,
    around one in six") keeps its figure, however short the figure's own clause. A figure that agrees too
    (`also_agreeing`: rounded, when the one giving way matches exactly) comes before those that disagree: "half of
    all road deaths" is compared with "49.6 per cent of all road deaths", not with a rebate "of 50 per cent" nor
    with "71.1 per cent of two-wheeler deaths". A figure is no rival when it is one of several parts the article
    names (`spoken`: the words each figure's clause shares with the article's clause around the mark, and what
    "and" joins to it, beyond the counted noun): "15,000 plots in Mutlaa and South Saad" counts the plots of both,
    so "9,600 plots in Mutlaa" does not take the place of the "15,200 in all" while "5,600 in South Saad" is named
    too."""
    spoken = spoken or {}
    if agreeing.mark_clause_words > (1 if counted else 0):
        return agreeing
    rivals = [
        item
        for item in comparable
        if (item.status not in ("match", "rounded") or any(item is other for other in also_agreeing))
        and item.mark_clause_words >= agreeing.mark_clause_words + 2
        and item.shared_words >= agreeing.shared_words
        and _plausibly_the_same(phrase, item, counted)
        and not _one_of_parts(phrase, item, comparable, spoken)
    ]
    if not rivals:
        return agreeing
    return min(
        rivals,
        key=lambda item: (
            item.status not in ("match", "rounded"),
            -item.mark_clause_words,
            -item.clause_words,
            -item.shared_words,
            _relative_distance(_point(phrase, item.value), item.value),
        ),
    )


def _one_of_parts(
    phrase: FigurePhrase, item: FigureEvidence, comparable: list[FigureEvidence], spoken: Mapping[int, frozenset[str]]
) -> bool:
    """Whether `item` is one of several parts the article names: the article names what `item`'s clause names
    and, beside it, what the clauses of other figures name that `item`'s does not, and those figures with `item`
    add up to about the article's (within 25%): "in Mutlaa and South Saad" names "9,600 plots in Mutlaa" and
    "5,600 plots in South Saad", whose 15,200 plots are about the article's 15,000."""
    own = spoken.get(id(item), frozenset())
    siblings = [
        other
        for other in comparable
        if other is not item and own - spoken.get(id(other), frozenset()) and spoken.get(id(other), frozenset()) - own
    ]
    if not siblings:
        return False
    sums = [item.value + other.value for other in siblings] + [item.value + sum(other.value for other in siblings)]
    return any(_close(phrase, total) for total in sums)


_STOPWORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "but", "is",
     "are", "was", "were", "be", "been", "has", "have", "had", "that", "this", "it", "its", "their", "his",
     "her", "as", "than", "more", "less", "about", "some", "said", "says", "say", "per", "cent", "percent"}
)  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?\u0964\u061f](?=\s)|\n\s*\n")  # the danda and the Arabic question mark too


# The same sentences are read again for each claim citing the same source (its dates' and figures' context).
@functools.lru_cache(maxsize=1024)
def content_words(text: str) -> frozenset[str]:
    """The words of a sentence that say what it is about: no stopwords, no numbers, singular."""
    words = (
        singular(word)
        for word in _LETTERS.findall(text)
        if len(word) >= 3 and not is_number_word(word) and (word.isascii() or fold(word) not in _native_stopwords())
    )
    return frozenset(word for word in words if word not in _STOPWORDS)


@functools.cache
def _native_stopwords() -> frozenset[str]:
    """Hindi and Arabic words that say nothing of a sentence's topic: function words, and the words of
    numbers, currencies and percentages (a figure's own words, shared by any two amounts)."""
    words: set[str] = set()
    for data in all_languages():
        words |= data.function_words | data.doubled_function_words
        words |= set(data.units) | set(data.hundreds) | set(data.scales) | set(data.plural_scales)
        words |= set(data.dual_scales) | set(data.fraction_counts) | set(data.fraction_prefixes)
        for table in (data.currencies, data.percent, data.markers_before, data.markers_after):
            words |= {word for phrase in table for word in phrase}
    return frozenset(words)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds `text[start:end]` (line breaks inside a paragraph allowed)."""
    ends, starts = _sentence_ends(text)
    index = bisect.bisect_right(ends, start) - 1
    begin = starts[index] if index >= 0 else 0
    following = bisect.bisect_left(ends, end)
    return text[begin : ends[following] - 1 if following < len(ends) else len(text)]


@functools.lru_cache(maxsize=16)
def _sentence_ends(text: str) -> tuple[list[int], list[int]]:
    # Where each sentence end mark ends (bisect keys) and where the next sentence starts.
    matches = list(_SENTENCE_END.finditer(text))
    return [m.start() + 1 for m in matches], [m.end() for m in matches]


def _shared_words(topic: frozenset[str], text: str, figure: FoundFigure) -> int:
    return len(topic & _figure_context(text, figure.start, figure.end))


@functools.lru_cache(maxsize=4096)
def _figure_context(text: str, start: int, end: int) -> frozenset[str]:
    return content_words(sentence_around(text, start, end))


def _close(phrase: FigurePhrase, reference: Decimal) -> bool:
    """Agreement identifies a source figure only when it is close: "more than 400,000" is true of a
    source's 2,013,000 as well, but that is another count; "hundreds of" is true of 200 and of 999."""
    return _relative_distance(_point(phrase, reference), reference) <= _CLOSE


def _plausibly_the_same(phrase: FigurePhrase, item: FigureEvidence, same_thing: bool) -> bool:
    """Within a factor of two, and about the same thing: `same_thing` (a count of the claim's noun), the
    population a share is of, or words its clause shares with the article's sentence."""
    reference = item.value
    point = _point(phrase, reference)
    if not point or not reference or (point > 0) != (reference > 0):
        return False
    with decimal.localcontext(WIDE_CONTEXT):
        ratio = point / reference
    inside = phrase.bound == "range" and phrase.low <= reference <= phrase.high
    if _a_slip_of_scale(ratio) and item.qualified and not item.elsewhere:
        # "450 करोड़" for the speech's "45 करोड़", "١٫٥ مليار" for "١٫٥ مليون": the same digits ten, a hundred or a
        # thousand times over are a slip of scale when the clause says the same thing (two words or more).
        return item.clause_words >= _CLAUSE_EVIDENCE
    if not (inside or Decimal("0.5") <= ratio <= 2):  # a figure inside a range is no distance from it
        return False
    if not item.qualified:
        return False  # "2.5 lakh first-time voters" against "2,14,000 voters above 80 years of age"
    if same_thing or item.names_population:
        return True
    if item.elsewhere:
        # "ग्रामीण सड़कों के लिए 1,500 करोड़" against "शहरी सड़कों के लिए 1,450 करोड़": the source speaks of rural
        # roads in another sentence, with no figure; the urban roads' amount is another quantity.
        return False
    if item.clause_words >= _CLAUSE_EVIDENCE:
        return True
    return item.clause_words >= 1 and _close(phrase, reference)


_SLIPS = frozenset(Decimal(10) ** power for power in (-3, -2, -1, 1, 2, 3))


def _a_slip_of_scale(ratio: Decimal) -> bool:
    """Whether the article's figure is the source's times 10, 100 or 1,000 (or divided so), exactly."""
    return ratio in _SLIPS


def word_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Content words written side by side ("rural roads", "ग्रामीण सड़कों"), as keys: a word and what it says of
    the next one."""
    keys = [singular(word) for word in _LETTERS.findall(text)]
    words = content_words(text)
    pairs = itertools.pairwise(keys)
    return frozenset((first, second) for first, second in pairs if first in words and second in words)


def _spoken_of_elsewhere(
    pairs: frozenset[tuple[str, str]], text: str, figures: tuple[FoundFigure, ...], clause: frozenset[str]
) -> bool:
    """Whether a sentence of `text` holding no figure speaks of the article's subject as the article names it
    and the figure's clause does not: the article's "ग्रामीण सड़कों" (rural roads) stands in a sentence without
    figures, while the figure's clause has "सड़कों" only, as "शहरी सड़कों" (urban roads)."""
    wanted = {(first, second) for first, second in pairs if second in clause and first not in clause}
    return bool(wanted) and bool(wanted & _figureless_pairs(text, figures))


@functools.lru_cache(maxsize=64)
def _figureless_pairs(text: str, figures: tuple[FoundFigure, ...]) -> frozenset[tuple[str, str]]:
    """The word pairs of the sentences of a source that hold none of its figures (read once per source)."""
    ends, starts = _sentence_ends(text)
    found: set[tuple[str, str]] = set()
    for begin, end in zip([0, *starts], [*ends, len(text)], strict=True):
        if not any(begin <= figure.start < end for figure in figures):
            found |= word_pairs(text[begin:end])
    return frozenset(found)


_CLAUSE_EVIDENCE = 2
# The Arabic comma and semicolon, and the Hindi and Arabic "and", "but", "while", end a clause too. A comma between
# digits groups them ("1,250"); a line that ends with a figure ends its clause ("Registered voters: 315,220").
_CLAUSE_BREAK = re.compile(
    r"(?<!\d),|,(?!\d)|[;:\u2013\u2014\u060c\u061b]|(?<=[\d%)])[ \t]*\n"
    r"|\s(?:and|but|while|whereas|और|लेकिन|मगर|जबकि|بينما|لكن|ولكن|فيما|مقابل)\s"
)
# A table's row, a label, a colon and a figure with a word or three after it ("مدينة المطلاع: ٩٬٦٠٠ قسيمة",
# "Mutlaa: 9,600 plots"), ends its clause at the end of its line: the next row's label is not its clause.
_ROW = re.compile(r"(?m)^[^\n:]{1,80}:[ \t]*[^\s\d]{0,4}\d[\d,.\u066b\u066c]*(?:[ \t]+[^\s\d:]+){0,3}[ \t]*$(?=\n)")
_NOT_A_POPULATION = frozenset({"them", "those", "these", "they", "us", "you", "all", "which", "whom"})
_DETERMINER = r"(?:(?:the|those|these|all|its|their|our|his|her|every|each)\s+)?"


@functools.lru_cache(maxsize=4096)
def _clause_context(text: str, start: int, end: int) -> frozenset[str]:
    return content_words(_clause_text(text, start, end))


def _clause_text(text: str, start: int, end: int) -> str:
    sentence = sentence_around(text, start, end)
    offset = text.find(sentence, max(0, start - len(sentence)))
    at = start - offset if offset >= 0 else 0
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence)] + [m.end() + 1 for m in _ROW.finditer(sentence)]
    pieces = [0, *sorted(breaks), len(sentence) + 1]
    index = bisect.bisect_right(pieces, at) - 1
    return sentence[pieces[max(index, 0)] : pieces[min(index + 1, len(pieces) - 1)]]


def _mark_clause(marked_text: str, context: str, *, joined: bool = False) -> frozenset[str]:
    """The content words of the article's clause around the mark, the mark whole (a comma inside it ends no
    clause); empty when the sentence does not hold the mark. `joined`: with the clauses "and" joins to it that hold
    no figure of their own ("15,000 plots in Mutlaa and South Saad")."""
    at = context.find(marked_text) if context else -1
    if at < 0:
        return frozenset()
    until = at + len(marked_text)
    breaks = [m for m in _CLAUSE_BREAK.finditer(context) if not at <= m.start() < until]
    before = [m for m in breaks if m.end() <= at]
    after = [m for m in breaks if m.start() >= until]
    begin = before[-1].end() if before else 0
    stop = after[0].start() if after else len(context)
    while joined and before and _AND.fullmatch(before[-1].group()):
        before.pop()
        start = before[-1].end() if before else 0
        if _DIGIT.search(context[start:begin]):
            break
        begin = start
    while joined and after and _AND.fullmatch(after[0].group()):
        after.pop(0)
        end = after[0].start() if after else len(context)
        if _DIGIT.search(context[stop:end]):
            break
        stop = end
    return content_words(context[begin:stop])


_AND = re.compile(r"\s(?:and|और)\s")
_DIGIT = re.compile(r"\d")


_TARGET = re.compile(r"(?i)\b(?:targets?|targeted|goals?|aims?|objectives?)\b")


def speaks_of_target(text: str) -> bool:
    """Whether a sentence or clause speaks of a target ("target", "goal", "लक्ष्य", "المستهدف", "تستهدف"):
    a target's figure is what is aimed at, not what was done."""
    if _TARGET.search(text):
        return True
    words = [fold(word) for word in _LETTERS.findall(text) if not word.isascii()]
    stems = {stem for data in all_languages() for stem in data.target_words}
    return any(stem in word for word in words for stem in stems)


# The words that make a figure a part of the whole after it: "486,000 of the 1 million", "من إجمالي مليون".
_OF_A_WHOLE = re.compile(
    r"(?i)(?:^|\s)(?:out\s+of|of)(?:\s+(?:the|a\s+total\s+of|its|their))?\s+$|(?:^|\s)من\s+(?:[إا]جمالي|أصل)\s+$"
)


def _a_target(text: str, figure: FoundFigure, figures: tuple[FoundFigure, ...]) -> bool:
    """Whether a source's figure is a target's: its clause speaks of one, unless the target is the whole the
    figure is a part of, the clause's last figure, with the target's word after it: "installed 486,000 of the
    1 million meters it targets", "تركيب ٤٨٦ ألف عداد من إجمالي مليون عداد تستهدف الشركة تركيبها": 486,000 were
    installed, the million is the target."""
    clause = _clause_text(text, figure.start, figure.end)
    if not speaks_of_target(clause):
        return False
    begin = text.find(clause, max(0, figure.start - len(clause)))
    if begin < 0 or speaks_of_target(text[begin : figure.start]):
        return True
    later = [other for other in figures if figure.end <= other.start and other.end <= begin + len(clause)]
    if len(later) != 1:
        return True
    between = text[figure.end : later[0].start]
    return len(between) > 40 or speaks_of_target(between) or _OF_A_WHOLE.search(between) is None


def population_noun(marked_text: str, context: str, phrase: FigurePhrase) -> str | None:
    """What a share or percentage is of, in the singular: "one in five patients" -> "patient",
    "a third of rape complainants" -> "complainant", "40% of voters" -> "voter"; None when the article
    does not say ("a third of them", "rose by 40%"). In Arabic, the group "بين" (among) names: "معدل البطالة بين
    الذكور ١٨٫٢٪" -> "ذكور"."""
    if language_of_word(context or marked_text) is not None:
        return _native_population(marked_text, context)
    at = context.find(marked_text) if context else -1
    following = marked_text + (context[at + len(marked_text) :] if at >= 0 else "")
    rest = following[following.find(phrase.text) + len(phrase.text) :] if phrase.text in following else ""
    of = r"\s+(?:of\s+)?" if phrase.kind == "ratio" else r"\s+of\s+"
    found = re.match(of + _DETERMINER + r"((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)", rest, re.IGNORECASE)
    if not found:
        return None
    for word in found.group(1).split():
        lower = word.lower()
        if lower in _NOT_A_POPULATION or lower in _STOPWORDS:
            return None
        noun = singular(word)
        if noun != lower:  # the first plural noun
            return noun
    return None


_AMONG = frozenset(fold(word) for word in ("بين", "لدى", "وبين", "ولدى"))


def _native_population(marked_text: str, context: str) -> str | None:
    """The group an Arabic percentage is of: the word after "بين"/"لدى" in the mark's clause, before or after it."""
    at = context.find(marked_text) if context else -1
    if at < 0:
        return None
    clause = _clause_text(context, at, at + len(marked_text))
    words = _LETTERS.findall(clause)
    for word, following in itertools.pairwise(words):
        if fold(word) in _AMONG and not following.isascii():
            return singular(following)
    return None


def noun_qualifiers(marked_text: str, context: str, phrase: FigurePhrase, noun: str | None) -> frozenset[str]:
    """The words between a count and its noun, which say which of the noun it counts: "first-time" in
    "2.5 lakh first-time voters", "new" in "300,000 new homes"; empty when the noun does not follow."""
    if noun is None:
        return frozenset()
    at = context.find(marked_text) if context else -1
    following = marked_text + (context[at + len(marked_text) :] if at >= 0 else "")
    if phrase.text not in following:
        return frozenset()
    rest = following[following.find(phrase.text) + len(phrase.text) :]
    return _words_before_noun(rest, noun if noun.isascii() else singular(noun)) or frozenset()


_QUALIFIER_WORD = re.compile(rf"[A-Za-z][A-Za-z'-]*|(?=[^\x00-\x7f]){WORD}")


def _words_before_noun(after: str, noun: str) -> frozenset[str] | None:
    """The content words written between a count and its noun (`after` is the text after the count), within
    the noun's reach: "first-time" in "2.5 lakh first-time voters", "सरकारी" in "1,035 सरकारी अस्पताल"; None
    when the noun is not reached."""
    words = _QUALIFIER_WORD.findall(after)
    wanted = _same_nouns(noun)
    for number, word in enumerate(words[:_NOUN_REACH]):
        if singular(word) in wanted:
            return content_words(" ".join(words[:number]))
    return None


def _of_the_article_kind(
    comparable: list[FigureEvidence],
    qualifiers: frozenset[str],
    noun: str,
    source_figures: Sequence[tuple[Source, tuple[FoundFigure, ...]]],
) -> list[FigureEvidence]:
    """The source counts of the kind of the noun the article counts, by the words each puts before its noun (up
    to the next figure): in "2,139 अस्पताल ..., जिनमें 1,104 निजी तथा 1,035 सरकारी अस्पताल", the article's "1,104
    सरकारी अस्पताल" (government hospitals) is compared with the 1,035; the 1,104 private hospitals are another
    quantity, agreeing or not, and so is the total when a count of the article's kind is given."""
    found = {source.id: (source.text, figures) for source, figures in source_figures}
    wanted = noun if noun.isascii() else singular(noun)
    owns = [(item, _own_qualifiers(*found[item.source_id], item, wanted)) for item in comparable]
    kept = [(item, own) for item, own in owns if not own or own & qualifiers]
    same = [item for item, own in kept if qualifiers <= own]
    return same or [item for item, _ in kept]


def _own_qualifiers(text: str, figures: tuple[FoundFigure, ...], item: FigureEvidence, noun: str) -> frozenset[str]:
    """The content words a source count puts between itself and its noun, up to the next figure (the noun may
    stand after it, shared by both: "1,104 निजी तथा 1,035 सरकारी अस्पताल"); empty when the noun does not follow."""
    after = _PHRASE_END.split(text[item.end : item.end + 80], maxsplit=1)[0]
    if _words_before_noun(after, noun) is None:
        return frozenset()
    following = next((other.start for other in figures if other.start >= item.end), len(text))
    before_next = after[: following - item.end]
    own = _words_before_noun(before_next, noun)
    if own is None:
        own = content_words(" ".join(_QUALIFIER_WORD.findall(before_next)[:_NOUN_REACH]))
    return own


def _source_qualifiers(clause: str, noun: str | None) -> frozenset[str]:
    """What a source's clause says of the counted noun in a language that puts adjectives after it: "عدد
    المزارعين الموردين ٣١٠ آلاف مزارع" counts the supplying farmers ("الموردين"), a group the article must name
    for the count to be its own."""
    data = language_of_word(noun) if noun else None
    if data is None or data.noun_last or noun is None:
        return frozenset()
    words = _LETTERS.findall(clause)
    wanted = _same_nouns(singular(noun))
    found: set[str] = set()
    for word, following in itertools.pairwise(words):
        definite = fold(word).startswith("ال") and fold(following).startswith("ال")
        if definite and singular(word) in wanted and fold(following) not in _native_stopwords():
            found.add(singular(following))
    return frozenset(found)


def _names(noun: str, text: str, figure: FoundFigure) -> bool:
    if not noun.isascii():
        # An Arabic group is named in the figure's own clause: "١٨٫٢٪ بين الذكور مقابل ٣٢٫٩٪ بين الإناث".
        words = _LETTERS.findall(_clause_text(text, figure.start, figure.end))
        return any(singular(word) in _same_nouns(noun) for word in words)
    words = re.findall(r"[A-Za-z]+", sentence_around(text, figure.start, figure.end))
    return any(singular(word) in _same_nouns(noun) for word in words)


def _exact_phrase(value: Decimal) -> FigurePhrase:
    return FigurePhrase(plain_decimal(value), value, value, "exact", None, Decimal(0), "figure")


def _comparable_reading(
    figure: FoundFigure, text: str, unit: str | None, noun: str | None, locale: str, named: frozenset[str] = frozenset()
) -> FigureReading | None:
    """The figure's reading of the claim's unit or counted noun; None when it is not one. `named`: the words and
    years of the article's sentence (`table_words`), which say which of a table's rows and columns it speaks of."""
    symbol = number_conventions(locale).decimal_symbol
    readings = [r for r in figure.readings if r.decimal_mark in (None, symbol)] or list(figure.readings)
    for reading in readings:
        if unit is not None:
            if reading.unit == unit:
                return reading
            if reading.unit is None and unit == "percent" and _percent_cell(text, figure, named):
                return replace(reading, unit=unit)
            continue
        if reading.unit is not None:
            continue
        if (
            noun is None
            or _noun_follows(text, figure.end, noun, figure.start)
            or _noun_labels(text, figure.start, noun)
            or _cell_of_noun(text, figure, noun, named)
        ):
            return reading
    return None


def _noun_labels(text: str, start: int, noun: str) -> bool:
    """A table's or a list's label names the noun: "Provisional ballots received: 2,874", "राहत शिविरों में
    रह रहे लोग: 3,48,210", "Households completed 100 days of employment : 1,87,412" (a number in the label is
    part of its name, and so is a date: "Prisoners released under SDS40 since 10 September 2024: 38,562")."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    label = re.fullmatch(r"\s*(?:[-*\u2022]\s*)?([^\W\d_][^\n:]{0,80}?):\s*", line)
    if label is None:
        return False
    wanted = _same_nouns(singular(noun))
    return any(singular(word) in wanted for word in _LETTERS.findall(label.group(1)))


# A table laid out in columns: its cells are parted by two spaces or more; a single space is inside a cell ("Total
# duration of spills (hours)", "वितरण हानि"). Tabs give no column positions: a row with one is not read as a table's.
# The first line of cells of the table's block is its heading; a line above it, or the line above the block, its title.
_CELL = re.compile(r"[^\s](?:[^\S\n\t]?[^\s])*")
_YEAR = re.compile(r"(?<![\d,.])\d{4}(?:[-/]\d{2,4})?(?!\d|[,.]\d)")
_PERCENT_NOTE = re.compile(r"\(([^()\n]{1,30})\)")


@dataclass(frozen=True)
class _TableCell:
    label: str  # the row's first cell
    heading: str  # the heading above the figure's cell; "" when the table has none
    headings: tuple[str, ...]  # the headings of the figure columns, the first (the labels') aside
    title: str  # the line above the table's heading
    columns: int  # the cells of the row after its label


# A year the article's figure runs from, or is compared with ("since 2024", "up from 2023", "2024 से", "منذ عام
# 2024"): it names no column of a table, whose column of that year holds that year's figure alone.
_YEAR_SINCE = re.compile(
    r"(?i)(?:\b(?:since|from|after|between)\s+(?:(?:the\s+)?(?:start|end|beginning)\s+of\s+)?(?:(?:fiscal|financial)\s+)?"
    r"(?:year\s+)?|\u0645\u0646\u0630\s+(?:\u0639\u0627\u0645\s+)?)(\d{4}(?:[-/]\d{2,4})?)"
    r"|(\d{4}(?:[-/]\d{2,4})?)(?=\s+(?:\u0938\u0947|\u0915\u0947\s+\u092c\u093e\u0926)(?!\S))"
)


def _without_years_since(text: str) -> str:
    return _YEAR_SINCE.sub(" ", text)


def table_words(text: str) -> frozenset[str]:
    """The words and years that name a table's row or column: "2025", "2025-26", "वितरण", "hour"."""
    return content_words(text) | frozenset(_YEAR.findall(text))


# The same sources are read again for each claim citing them.
@functools.lru_cache(maxsize=4096)
def _table_cell(text: str, start: int, end: int) -> _TableCell | None:
    """The row, column and title of the figure at `start`-`end` when it is a whole cell of a table's row, after
    the row's label."""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    line = text[begin : stop if stop >= 0 else len(text)]
    if "\t" in line or "  " not in line:
        return None
    cells = list(_CELL.finditer(line))
    at, until = start - begin, end - begin
    own = [cell for cell in cells[1:] if cell.start() == at and until <= cell.end() <= until + 1]
    if len(cells) < 2 or not own or own[0].group()[until - at :] not in ("", "%"):
        return None
    lines = _lines_before(text, begin)
    block = []
    line_above = next(lines, None)
    while line_above is not None and line_above.strip():
        block.append(line_above)
        line_above = next(lines, None)
    while line_above is not None and not line_above.strip():
        line_above = next(lines, None)
    title = line_above.strip() if line_above is not None else ""
    # The heading is the block's first line of cells; a line above it is the table's title.
    tops = [index for index, above in enumerate(block) if len(_CELL.findall(above)) >= 2]
    header = list(_CELL.finditer(block[tops[-1]])) if tops else []
    if block and (not tops or tops[-1] + 1 < len(block)):
        title = block[-1].strip()
    column = [cell.group() for cell in header[1:] if cell.start() < own[0].end() and own[0].start() < cell.end()]
    return _TableCell(
        cells[0].group(), column[0] if column else "", tuple(c.group() for c in header[1:]), title, len(cells) - 1
    )


def _lines_before(text: str, begin: int) -> Iterator[str]:
    """The lines of `text` above the line starting at `begin`, nearest first."""
    end = begin - 1
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        yield text[start:end]
        end = start - 1


def _names_column(cell: _TableCell, named: frozenset[str]) -> bool:
    """Whether the article's sentence names the figure's column: a table of several columns (2024 and 2025, or
    distribution and AT&C losses) is read in the column it names, never in another."""
    if len(cell.headings) < 2 and cell.columns < 2:
        return True
    return bool(cell.heading) and bool(table_words(cell.heading) & named)


def _cell_of_noun(text: str, figure: FoundFigure, noun: str, named: frozenset[str]) -> bool:
    """A table's row whose label names the noun, in the column the article names: "Total duration of spills
    (hours)   198,540   212,386" under "2024   2025" gives 212,386 hours in 2025."""
    cell = _table_cell(text, figure.start, figure.end)
    if cell is None or not _names_column(cell, named):
        return False
    wanted = _same_nouns(singular(noun))
    return any(singular(word) in wanted for word in _LETTERS.findall(cell.label))


def _percent_cell(text: str, figure: FoundFigure, named: frozenset[str]) -> bool:
    """A table of percentages ("(%)", "(प्रतिशत में)" in the brackets of its title, heading or label), in the row and
    the column the article names: "2025-26 (अंकेक्षित)   19.84   23.31" under "वर्ष   वितरण हानि   एटीएंडसी हानि" is
    the distribution loss of 2025-26 in per cent."""
    cell = _table_cell(text, figure.start, figure.end)
    if cell is None or not _names_column(cell, named) or not table_words(cell.label) & named:
        return False
    for note in _PERCENT_NOTE.finditer(" ".join((cell.title, cell.heading, cell.label))):
        if _says_percent(note.group(1)):
            return True
    return False


def _says_percent(words: str) -> bool:
    """A bracket's few words say "per cent": "%", "in per cent", "प्रतिशत में"."""
    if re.search(r"(?i)%|\bper\s*cent\b", words):
        return True
    folded = {fold(word) for word in _LETTERS.findall(words)}
    return any(len(phrase) == 1 and fold(phrase[0]) in folded for data in all_languages() for phrase in data.percent)


# Latin letters, or the letters and marks of Devanagari and Arabic words (nouns of counts in any language).
_LETTERS = re.compile(rf"[A-Za-z]+|(?=[^\x00-\x7f]){WORD}")


# Where the words after a figure stop being about it: a sentence's end, a bracket, a blank line, a list item.
# A single line break is a wrapped line ("2,041 state-owned\nbridges"), not the end of the phrase.
_PHRASE_END = re.compile(r"[.;:!?()\[\]]|\n[ \t]*(?:\n|[-*\u2022]|[0-9]+[.)])")


# Abbreviations that hold a scale and the counted noun at once ("256.31 LMT": lakh metric tonnes).
UNIT_ABBREVIATIONS = MappingProxyType({"LMT": "tonne"})


# A figure in a table's row: a label, then a colon or a column's gap (two spaces or a tab) before the figure.
_LETTER = re.compile(r"[^\W\d_]")
_IN_A_ROW = re.compile(r"(?::|[ \u00a0]{2,}|\t)[ \t\u00a0]*[^\s\d]{0,4}$")


def _row_end(text: str, start: int, end: int) -> int | None:
    """Where the row of a table's figure ends, when the figure stands in one and only other cells follow it on its
    line: the next line is another row ("Overflows that spilled at least once   921   953" is followed by "Share
    of overflows that spilled ..."), whose words say nothing of this figure. None for a figure in prose, whose
    noun may be wrapped onto the next line ("2,041 state-owned\nbridges")."""
    line_end = text.find("\n", end)
    if line_end < 0:
        return None
    if _LETTER.search(text[end:line_end].replace("n/a", "")):
        return None  # the figure's own words follow it on its line
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return line_end if _IN_A_ROW.search(line) and _LETTER.search(line) else None


def _noun_follows(text: str, end: int, noun: str, start: int | None = None) -> bool:
    row_end = _row_end(text, start, end) if start is not None else None
    after = _PHRASE_END.split(text[end : min(end + 80, row_end if row_end is not None else end + 80)], maxsplit=1)[0]
    words = _LETTERS.findall(after)[:_NOUN_REACH]
    wanted = _same_nouns(singular(noun))
    abbreviation = re.search(r"[A-Z]+$", text[max(0, end - 4) : end])
    if abbreviation and UNIT_ABBREVIATIONS.get(abbreviation.group()) in wanted:
        return True
    for word in words:
        if word.lower() in ("and", "or", "but", "than"):
            return False
        if singular(word) in wanted:
            return True
    return False


def _same_nouns(noun: str) -> frozenset[str]:
    groups = _SYNONYMS if noun.isascii() else (data.same_nouns if (data := language_of_word(noun)) else ())
    for group in groups:
        if noun in group:
            return group
    return frozenset({noun})


# A few thousand distinct words, looked up tens of times each in a site's check.
@functools.lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """A plural English noun's singular, for matching counted nouns ("reservists" -> "reservist").

    A Hindi or Arabic word is given its language's noun key (`Language.noun_key`: "किसानों" and "किसान",
    "مزارعين" and "مزارع" have one); a word of a script factsite has no data for is only folded.
    """
    if not word.isascii():
        return _native_key(word)
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    # "-es" is a plural ending only after a hissing sound the singular ends in (buses, classes, boxes,
    # churches); "cases", "doses", "nurses", "houses" are "-se" nouns that take a plain "s".
    if word.endswith(("sses", "xes", "zzes", "ches", "shes")) or re.search(r"[^aeiou]uses$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@functools.lru_cache(maxsize=8192)
def _native_key(word: str) -> str:
    data = language_of_word(word)
    return data.noun_key(word) if data is not None else fold(word)


def head_noun(unit: str | None) -> str | None:
    """The counted noun of a claim's unit ("new jobs" -> "job"); None when it has none."""
    if not unit:
        return None
    words = _LETTERS.findall(unit)
    if not words:
        return None
    # A Hindi or Arabic noun is shown as written; it is folded where it is compared (_noun_follows).
    return singular(words[-1]) if words[-1].isascii() else typographic_fold(words[-1])


def _mark_noun(marked_text: str, phrase: FigurePhrase) -> str | None:
    # "3,00,000 fighters": the word right after the figure, when the claim names no unit.
    index = marked_text.find(phrase.text.split()[-1])
    if index < 0:
        return None
    rest = marked_text[index + len(phrase.text.split()[-1]) :]
    data = language_of_word(rest)
    if data is not None:
        return _native_mark_noun(rest, data)
    following = re.match(rf"[ \u00a0]+(?:of[ \u00a0]+)?(?:the[ \u00a0]+)?({_LETTERS.pattern})", rest)
    if following and len(following.group(1)) < 3:
        return None
    return following.group(1) if following else None


def _native_mark_noun(rest: str, data: Language) -> str | None:
    """The counted noun of a Hindi or Arabic mark, after its figure: the first word in Arabic ("ألفي وحدة
    سكنية"), the last in Hindi, where adjectives come first ("ढाई लाख नए आवास"); function words aside."""
    words = [
        word
        for word in _LETTERS.findall(_PHRASE_END.split(rest, maxsplit=1)[0])[:_NOUN_REACH]
        if not word.isascii() and len(word) >= 2 and fold(word) not in _native_stopwords()
    ]
    if not words:
        return None
    return words[-1] if data.noun_last else words[0]


def _evidence(
    phrase: FigurePhrase,
    source_id: str,
    figure: FoundFigure,
    reading: FigureReading,
    locale: str,
    shared_words: int = 0,
    clause_words: int = 0,
    names_population: bool | None = None,
    qualified: bool = True,
    target: bool = False,
    elsewhere: bool = False,
    mark_clause_words: int = 0,
) -> FigureEvidence:
    status = judge(phrase, reading.value, reading.precision)
    point = _point(phrase, reading.value)
    with decimal.localcontext(WIDE_CONTEXT):
        difference = point - reading.value
        ratio = (point / reading.value).quantize(Decimal("1e-4")) if reading.value else None
    return FigureEvidence(
        source_id, " ".join(figure.text.split()), figure.start, figure.end, reading, status, difference, ratio,
        "", shared_words, clause_words, names_population, qualified, target, elsewhere, mark_clause_words,
    )  # fmt: skip


def _point(phrase: FigurePhrase, reference: Decimal) -> Decimal:
    """The end of a range or bound nearest to `reference`: what a difference is measured from."""
    return phrase.low if abs(phrase.low - reference) <= abs(phrase.high - reference) else phrase.high


def judge(phrase: FigurePhrase, reference: Decimal, reference_step: Decimal) -> str:
    """How the article's figure compares with a reference value written to `reference_step`.

    "match", "rounded", "understated" or "overstated"; the rules are in this module's docstring and
    in docs/checks.md.
    """
    with decimal.localcontext(WIDE_CONTEXT):
        value = phrase.low
        if phrase.bound == "range":
            near = _round(reference, phrase.step) if phrase.step else reference
            if phrase.low <= reference <= phrase.high or phrase.low <= near <= phrase.high:
                return "match"
            return "overstated" if reference < phrase.low else "understated"
        exact = _judge_exact(phrase, reference, reference_step)
        if phrase.bound == "exact" or (exact == "match" and phrase.bound not in ("more-than", "less-than")):
            return exact
        if phrase.bound == "about":
            if exact == "rounded" or abs(reference - value) <= abs(value) * _APPROXIMATE:
                return "match"
            return exact
        if phrase.bound == "nearly":
            if value * (1 - _APPROXIMATE) <= reference <= value:
                return "match"
            return "understated" if reference > value else "overstated"
        if phrase.bound == "more-than":
            return "match" if reference > value else "overstated"
        if phrase.bound == "at-least":
            return "match" if reference >= value else "overstated"
        if phrase.bound == "less-than":
            return "match" if reference < value else "understated"
        if phrase.bound == "at-most":
            return "match" if reference <= value else "understated"
        return exact


def _judge_exact(phrase: FigurePhrase, reference: Decimal, reference_step: Decimal) -> str:
    value = phrase.low
    if reference == value:
        return "match"
    if phrase.step < reference_step <= abs(reference) * _APPROXIMATE and abs(value - reference) * 2 < reference_step:
        # The source is written coarser ("1.2 lakh" for 123,456) and the figure lies inside its rounding;
        # a source of one significant digit ("1 million") is too coarse to confirm anything.
        return "match"
    if phrase.grid is not None:
        if _nearest_simple_fraction(reference / phrase.grid) == Fraction(value / phrase.grid).limit_denominator(100):
            return "rounded"
    elif phrase.step > 0 and _round(reference, phrase.step) == value:
        return "rounded"
    return "understated" if reference > value else "overstated"


def _round(value: Decimal, step: Decimal) -> Decimal:
    """`value` rounded half up to a multiple of `step`, as newsrooms round (12.5 -> 13)."""
    with decimal.localcontext(WIDE_CONTEXT):
        return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def _nearest_simple_fraction(share: Decimal) -> Fraction:
    """The nearest whole number plus a simple fraction (halves, thirds, quarters, fifths, tenths)."""
    exact = Fraction(share)
    whole = exact.numerator // exact.denominator
    options = {Fraction(whole) + Fraction(p, q) for q in _SIMPLE_DENOMINATORS for p in range(q + 1)}
    return min(sorted(options), key=lambda option: abs(option - exact))


def _relative_distance(first: Decimal, second: Decimal) -> Decimal:
    with decimal.localcontext(WIDE_CONTEXT):
        scale = max(abs(first), abs(second))
        return abs(first - second) / scale if scale else Decimal(0)


# A source is cited by several claims of an article: its figures are found once.
@functools.lru_cache(maxsize=16)
# A source is cited by several claims of an article, and often by several articles: its figures are found
# once per process (the scan costs about 2 s per MB of source text).
@functools.lru_cache(maxsize=64)
def _figures_in_source(text: str, locale: str) -> tuple[FoundFigure, ...]:
    return find_source_figures(text, locale)


def stated_decimal(value: Decimal | int | float | str | None) -> Decimal | None:
    """The claim's stated value as a Decimal; None when it has none or it is not a finite figure."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        # The shortest decimal that round-trips, not the binary expansion.
        number = Decimal(repr(value))
    else:
        readings = parse_figure(str(value))
        number = readings[0].value if readings else Decimal("NaN")
    if not number.is_finite() or not within_bounds(number):
        return None
    return number


def canonical_unit(unit: str | None) -> str | None:
    """A claim's free-text unit as an ISO 4217 code or "percent"; None for others ("people")."""
    if not unit:
        return None
    key = re.sub(r"\s+", " ", unit.strip().lower())
    if key in _UNIT_ALIASES:
        return _UNIT_ALIASES[key]
    return unit.strip().upper() if is_currency(unit.strip().upper()) else None


def plain_decimal(value: Decimal) -> str:
    """A value as a plain decimal string: no exponent, no trailing zeros, repeating fractions to 2 places."""
    with decimal.localcontext(WIDE_CONTEXT):
        if value == value.to_integral_value():
            return format(value.quantize(Decimal(1)), "f")
        exponent = value.normalize().as_tuple().exponent
        assert isinstance(exponent, int)
        if exponent <= -12:
            value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return format(value.normalize(), "f")


def canonical(phrase: FigurePhrase) -> str:
    """Basis.reading of a figure: "1300000", "12.5", a range "20-25"."""
    if phrase.bound == "range":
        return f"{plain_decimal(phrase.low)}-{plain_decimal(phrase.high)}"
    return plain_decimal(phrase.low)


# -- what readers see -------------------------------------------------------------------------------------------


def _tidy(value: Decimal) -> Decimal:
    # 1.2 lakh is stored as 1.2E+5; readers want 120,000, never an exponent; a third as 33.33; "€3.50"
    # keeps the digits it is written with.
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent > 0 or exponent <= -12 or value == value.to_integral_value():
        return Decimal(plain_decimal(value))
    return value


def display(value: Decimal, unit: str | None, locale: str) -> str:
    """A value as readers of `locale` expect it, with its currency or percent sign; never an exponent."""
    number = _tidy(value)
    if unit == "percent":
        return native_digits(f"{format_numeral(number, locale=locale)}%", locale)
    if unit is not None and is_currency(unit):
        return _display_money(number, unit, locale)
    return format_numeral(number, locale=locale)


def display_number(value: Decimal, locale: str) -> str:
    """A bare number as `locale` writes it (for templates: a claim's stated value)."""
    return format_numeral(_tidy(value), locale=locale)


def describe(phrase: FigurePhrase, locale: str) -> str:
    """A reading for readers: "300,000", "more than 300", "20–25%", "$3,000,000,000–$4,000,000,000"."""
    if phrase.bound == "range":
        low, high = display(phrase.low, phrase.unit, locale), display(phrase.high, phrase.unit, locale)
        return f"{low}\u2013{high}"
    prefix = BOUND_PHRASES[phrase.bound]
    shown = display(phrase.low, phrase.unit, locale)
    if phrase.grid is not None and phrase.value != _tidy(phrase.value):
        shown = ("about " if not prefix else "") + shown  # a third: about 33.33%
    return f"{prefix} {shown}".strip()


def _display_money(number: Decimal, currency: str, locale: str) -> str:
    pattern = babel_locale(locale).currency_formats["standard"].pattern
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    places = "." + "0" * -exponent if exponent < 0 else ""
    exact = re.sub(r"\.0+", places, pattern.split(";")[0])
    with decimal.localcontext(WIDE_CONTEXT):
        written = format_currency(number, currency, format=exact, locale=babel_locale(locale), currency_digits=False)
    return native_digits(written, locale)


def _signed(difference: Decimal, unit: str | None, locale: str) -> str:
    sign = "+" if difference > 0 else "\u2212"  # a true minus sign, as typographers set it
    if unit == "percent":
        return f"{sign}{format_numeral(_tidy(abs(difference)), locale=locale)} percentage points"
    return sign + display(abs(difference), unit, locale)


def _times(ratio: Decimal | None, locale: str) -> str:
    if ratio is None:
        return ""
    rounded = _round(ratio, Decimal("0.01") if ratio < 100 else Decimal(1))
    shown = format_numeral(Decimal(plain_decimal(rounded)), locale=locale)
    return f", {shown} times the source's figure"


def _suggestion(phrase: FigurePhrase, locale: str) -> str | None:
    if phrase.digits is None or phrase.kind != "figure":
        return None
    return standard_spelling(phrase.digits_text, phrase.digits, locale)


def summarise(comparison: FigureComparison, status: str, locale: str) -> str:
    """One sentence for readers: what the figure reads as and how it compares."""
    phrase = comparison.phrase
    assert phrase is not None
    sentence = f"“{comparison.text}” reads as {comparison.reads_as}"
    candidate = comparison.candidate
    if candidate is not None:
        where = f"source {candidate.source_id} gives “{candidate.text}” ({candidate.value_text})"
        if status == "match":
            sentence += f", matching: {where}"
        elif status == "rounded":
            sentence += f", which rounds it: {where}"
        else:
            change = _signed(candidate.difference, phrase.unit, locale)
            sentence += f", {status}: {where}; difference {change}{_times(candidate.ratio, locale)}"
    elif comparison.sources_checked:
        sentence += f"; {_no_candidate(comparison.quantity_label)} was found in the cited sources"
    else:
        sentence += "; the claim cites no source"
    sentence += _stated_clause(comparison, locale)
    return sentence + "."


def _quantity_label(quantity: str | None, noun_written: str | None) -> str:
    if quantity is None:
        return ""
    if quantity == "percent":
        return "percentage"
    if is_currency(quantity):
        return f"amount in {quantity}"
    return f"count of {noun_written or quantity}"


def _no_candidate(label: str) -> str:
    if not label:
        return "no figure that agrees with it or with the claim's stated value"
    return f"no comparable {label}"


def _stated_clause(comparison: FigureComparison, locale: str) -> str:
    if comparison.stated_value is None:
        return ""
    status = comparison.stated_status
    if status == "match":
        return f" (the claim's stated value, {comparison.stated_text}, agrees)"
    if status == "rounded":
        return f" (it rounds the claim's stated value, {comparison.stated_text})"
    return f" (the claim's stated value is {comparison.stated_text}: the article's figure is {status})"


def _formatting_findings(phrase: FigurePhrase, phrases: tuple[FigurePhrase, ...], locale: str) -> tuple[str, ...]:
    reading = phrase.digits
    if reading is None:
        return ()
    foreign = foreign_notations(reading, locale)
    if not foreign:
        return ()
    text = phrase.digits_text
    phrases_text = " and ".join(_notation_phrase(notation) for notation in foreign)
    finding = f"“{text}” uses {phrases_text}, unusual in {_locale_tag(locale)} text"
    native = [p.digits for p in phrases if p.digits is not None and not is_foreign_notation(p.digits, locale)]
    if native and native[0].value != reading.value:
        finding += f", where it reads as {display(native[0].value, native[0].unit, locale)}"
    suggestion = standard_spelling(text, reading, locale)
    return (f"{finding}; write {suggestion}." if suggestion else f"{finding}.",)


def _notation_phrase(notation: str) -> str:
    label = NOTATION_LABELS[notation]
    return f"a {label}" if notation in ("decimal-point", "decimal-comma") else label


def _locale_tag(locale: str) -> str:
    return str(babel_locale(locale)).replace("_", "-")
