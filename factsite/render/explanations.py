"""The checks' explanations in a page's language: the summary and findings of a result, a date's rule, a
figure's notation and quantity, the kinds of word an edit carries, the notes of a quote diff.

The checks write their explanations in English, for the logs and `check` as well as for pages, and may not
import the catalogs. They also keep the parts each sentence is made of (statuses, counts, source ids, the
figures as the article's locale writes them, dates, the keys of notations and edit kinds): this module builds
the same sentences from those parts with factsite's catalog messages, numbers and dates in the page's locale.
A page in English keeps the check's own words, byte for byte.

What has no structured form (a rare rule of a date without its year, the reason a figure could not be read, a
notation finding) stays English, marked `lang="en" dir="ltr"` (docs/languages.md, "What stays English").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from babel.dates import format_date, get_day_names, get_month_names
from babel.lists import format_list
from markupsafe import Markup, escape

from factsite.checks.figures.compare import display, display_number
from factsite.languages.script import native_digits
from factsite.render import views
from factsite.render.evidence import with_titles
from factsite.render.messages import N_, Messages

# A figure's notation by its key (factsite.checks.figures.notation.NOTATION_LABELS).
NOTATIONS = {
    "plain": N_("digits without grouping"),
    "decimal-point": N_("decimal point"),
    "decimal-comma": N_("decimal comma"),
    "western-grouping": N_("comma digit grouping in thousands"),
    "indian-grouping": N_("Indian digit grouping (lakh/crore)"),
    "dot-grouping": N_("dot digit grouping"),
    "space-grouping": N_("space digit grouping"),
    "apostrophe-grouping": N_("apostrophe digit grouping"),
    "lakh-crore-words": N_("lakh/crore number words"),
    "scale-word": N_("scale word (thousand, million, billion)"),
    "suffix": N_("scale suffix (K, M, bn)"),
    "words": N_("number in words"),
}
# What the words a marked edit hides carry (factsite.checks.quotes.meaning).
CARRIES = {
    "a negation": N_("a negation"),
    "a condition": N_("a condition"),
    "a hedge": N_("a hedge"),
    "a quantity": N_("a quantity"),
}
# Why a word of a quote is written differently from its source (factsite.checks.quotes.diff).
NOTES = {
    "spelling": N_("spelling"),
    "spelling variant": N_("spelling variant"),
    "US/UK spelling": N_("US/UK spelling"),
    "word division": N_("word division"),
    "punctuation": N_("punctuation"),
    "case": N_("case"),
    "changed": N_("changed"),
}
# How a quote fares against another source (factsite.checks.quotes.summary), by its classification.
OUTCOMES = {
    "verbatim": N_("verbatim"),
    "verbatim-with-marked-edits": N_("verbatim with marked edits"),
    "minor-differences": N_("verbatim but for minor differences"),
    "edit-may-change-meaning": N_("edited in a way that may change the meaning"),
    "altered": N_("altered"),
    "other-speaker": N_("in another speaker's turn"),
    "spliced": N_("spliced"),
    "not-found": N_("not found"),
}
ListStyle = Literal["standard", "or", "unit"]
# Translators: words quoted from an article or a source, or a source's title, in the checks' sentences.
QUOTED = N_("“%(text)s”")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_MONTH = "|".join(_MONTHS)
_DAY = rf"(?:{'|'.join(_WEEKDAYS)}) \d{{1,2}} [A-Z][a-z]+ \d{{4}}"
_PUBLICATION = rf"publication \((?P<published>{_DAY})\)"
_UNITS = r"(?P<unit>Monday-Sunday week|calendar month|calendar year)"


@dataclass(frozen=True)
class Line:
    """A sentence of the explanation: its HTML, and whether it is the check's English."""

    html: Markup
    english: bool = False


@dataclass(frozen=True)
class Explanation:
    summary: Line
    findings: tuple[Line, ...]


@dataclass(frozen=True)
class Explainer:
    """The checks' words for one page: translated where the page is not in English."""

    locale: str

    @property
    def english(self) -> bool:
        return views.same_language(self.locale, "en")

    @property
    def messages(self) -> Messages:
        return Messages(self.locale)

    def _(self, message: str, /, **variables: Any) -> Markup:
        return self.messages.markup(message, **variables)

    def ngettext(self, singular: str, plural: str, count: int, /, **variables: Any) -> Markup:
        return self.messages.markup_plural(singular, plural, count, **variables)

    # Values in the page's locale.

    def day(self, day: dt.date) -> str:
        return views.long_date(day, self.locale)

    def span(self, start: dt.date, end: dt.date) -> Markup:
        """A day or a range as the check's `format_span` gives it, in the page's words."""
        if start == end:
            return escape(self.day(start))
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return escape(native_digits(str(start.year), self.locale))
        if start.day == 1 and start.year == end.year and start.month == end.month and (end + dt.timedelta(1)).day == 1:
            return escape(native_digits(format_date(start, "LLLL y", locale=self.locale), self.locale))
        return self._(N_("%(start)s to %(end)s"), start=self.day(start), end=self.day(end))

    def listing(self, parts: Sequence[Markup], style: ListStyle = "standard") -> Markup:
        """Parts joined as the locale lists them ("a, b and c"); each part is already markup."""
        if not parts:
            return Markup("")
        return Markup(format_list([str(part) for part in parts], style=style, locale=self.locale))

    def quoted(self, text: str) -> Markup:
        return self._(QUOTED, text=text)

    # Labels.

    def phrase(self, text: str) -> Markup | None:
        """A check's label in the page's words: a notation, an edit's kind, a diff note, a date rule; None for
        one this module cannot build."""
        if text in CARRIES:
            return self._(CARRIES[text])
        if text in NOTES:
            return self._(NOTES[text])
        if match := re.fullmatch(r"(\d+) words omitted", text):
            count = int(match.group(1))
            return self.ngettext("%(num)s word omitted", "%(num)s words omitted", count)
        return self.joint(text) or self.rule(text)

    def notation(self, reading: Any) -> Markup | None:
        notation, numeral = str(reading.notation), str(getattr(reading, "numeral_notation", ""))
        if notation not in NOTATIONS:
            return None
        label = self._(NOTATIONS[notation])
        if numeral and numeral != notation and numeral not in ("plain", "decimal-point", "words"):
            if numeral not in NOTATIONS:
                return None
            label = self.listing([label, self._(NOTATIONS[numeral])], "unit")
        return label

    def quantity(self, comparison: Any) -> Markup | None:
        quantity, label = comparison.quantity, str(comparison.quantity_label)
        if not quantity:
            return None
        if label == "percentage":
            return self._(N_("percentage"))
        if label == f"amount in {quantity}":
            return self._(N_("amount in %(currency)s"), currency=quantity)
        if label.startswith("count of "):
            return self._(N_("count of %(noun)s"), noun=label.removeprefix("count of "))
        return None

    def joint(self, note: str) -> Markup | None:
        """Where a spliced quote joins passages: factsite.checks.quotes.diff.describe_joint."""
        match = re.fullmatch(r"(joined without an ellipsis|an ellipsis marks an omission, not a reordering): "
                             r"the source has the next words (.+) (earlier|later)", note)  # fmt: skip
        gap = re.fullmatch(r"(joined without an ellipsis|an ellipsis marks an omission, not a reordering): "
                           r"the source has the next words (earlier|later), in a separate passage of the excerpt",
                           note)  # fmt: skip
        if gap:
            how, direction = gap.groups()
            if direction == "earlier":
                where = self._(N_("the source has the next words earlier, in a separate passage of the excerpt"))
            else:
                where = self._(N_("the source has the next words later, in a separate passage of the excerpt"))
        elif match:
            how, distance, direction = match.groups()
            far = self.distance(distance)
            if far is None:
                return None
            where = (self._(N_("the source has the next words %(distance)s earlier"), distance=far)
                     if direction == "earlier" else
                     self._(N_("the source has the next words %(distance)s later"), distance=far))  # fmt: skip
        else:
            return None
        if how == "joined without an ellipsis":
            return self._(N_("joined without an ellipsis: %(where)s"), where=where)
        return self._(N_("an ellipsis marks an omission, not a reordering: %(where)s"), where=where)

    def distance(self, text: str) -> Markup | None:
        """ "3 paragraphs", "a sentence", "40 words" (factsite.checks.quotes.diff.Distance)."""
        match = re.fullmatch(r"(a|\d+) (paragraph|sentence|word)s?", text)
        if not match:
            return None
        count = 1 if match.group(1) == "a" else int(match.group(1))
        if match.group(2) == "paragraph":
            return self.ngettext("%(num)s paragraph", "%(num)s paragraphs", count)
        if match.group(2) == "sentence":
            return self.ngettext("%(num)s sentence", "%(num)s sentences", count)
        return self.ngettext("%(num)s word", "%(num)s words", count)

    def rule(self, rule: str) -> Markup | None:
        """A date's rule (factsite.checks.dates.resolve), for the forms the demo's languages resolve."""
        for pattern, build in _RULES:
            if match := re.fullmatch(pattern, rule):
                return build(self, match.groupdict())
        return None

    def weekday(self, name: str) -> str:
        return str(get_day_names("wide", locale=self.locale.replace("-", "_"))[_WEEKDAYS.index(name)])

    def month(self, name: str) -> str:
        names = get_month_names("wide", context="stand-alone", locale=self.locale.replace("-", "_"))
        return str(names[_MONTHS.index(name) + 1])

    def english_day(self, text: str) -> str:
        return self.day(dt.datetime.strptime(text, "%A %d %B %Y").date())

    # Summaries and findings.

    def explain(self, result: Any, titles: Mapping[str, str], published: dt.date) -> Explanation:
        def english(text: str) -> Line:
            return Line(with_titles(text, titles), english=not self.english)

        if self.english:
            return Explanation(english(result.summary), tuple(english(finding) for finding in result.findings))
        if result.check == "date":
            summary = self._date(result, titles, published)
        else:
            build = {"figure": self._figure, "quote": self._quote, "typo": self._typo}.get(result.check)
            summary = build(result, titles) if build else None
        findings = tuple(
            Line(line) if (line := self._finding(result, finding)) is not None else english(finding)
            for finding in result.findings
        )
        return Explanation(Line(summary) if summary is not None else english(result.summary), findings)

    def _source(self, source_id: str, titles: Mapping[str, str]) -> Markup:
        return Markup("<cite>{}</cite>").format(titles[source_id]) if source_id in titles else escape(source_id)

    def _typo(self, result: Any, titles: Mapping[str, str]) -> Markup | None:
        correction = result.details
        if result.status == "delete":
            return self._(N_("“%(published)s” should be deleted."), published=correction.published)
        if result.status == "unchanged":
            return self._(N_("The correction is the same as the published text."))
        return self._(N_("“%(published)s” should read “%(correction)s”."), published=correction.published,
                      correction=correction.corrected)  # fmt: skip

    # Figures: factsite.checks.figures.compare.summarise.

    def _figure(self, result: Any, titles: Mapping[str, str]) -> Markup | None:
        comparison = result.details
        phrase = comparison.phrase
        if phrase is None:
            reason = Markup('<span lang="en" dir="ltr">{}</span>').format(comparison.reason)
            return self._(N_("Could not read “%(text)s”: %(reason)s; nothing was compared."), text=comparison.text,
                          reason=reason)  # fmt: skip
        values = {"text": comparison.text, "reading": comparison.reads_as}
        candidate, status = comparison.candidate, result.status
        if candidate is not None:
            values |= {"source": self._source(candidate.source_id, titles), "figure": candidate.text,
                       "value": candidate.value_text}  # fmt: skip
            if status == "match":
                sentence = self._(N_("“%(text)s” reads as %(reading)s, matching: %(source)s gives “%(figure)s” "
                                     "(%(value)s)."), **values)  # fmt: skip
            elif status == "rounded":
                sentence = self._(N_("“%(text)s” reads as %(reading)s, which rounds it: %(source)s gives "
                                     "“%(figure)s” (%(value)s)."), **values)  # fmt: skip
            else:
                values |= {"status": self.messages.gettext(status), "difference": self._difference(
                    candidate.difference, phrase.unit)}  # fmt: skip
                if candidate.ratio is None:
                    sentence = self._(N_("“%(text)s” reads as %(reading)s, %(status)s: %(source)s gives “%(figure)s” "
                                         "(%(value)s); difference %(difference)s."), **values)  # fmt: skip
                else:
                    sentence = self._(N_("“%(text)s” reads as %(reading)s, %(status)s: %(source)s gives “%(figure)s” "
                                         "(%(value)s); difference %(difference)s, %(ratio)s times the source's "
                                         "figure."), ratio=self._ratio(candidate.ratio), **values)  # fmt: skip
        elif comparison.sources_checked:
            label = self.quantity(comparison)
            if label is None:
                sentence = self._(N_("“%(text)s” reads as %(reading)s; no figure that agrees with it or with the "
                                     "claim's stated value was found in the cited sources."), **values)  # fmt: skip
            else:
                sentence = self._(N_("“%(text)s” reads as %(reading)s; no comparable %(quantity)s was found in the "
                                     "cited sources."), quantity=label, **values)  # fmt: skip
        else:
            sentence = self._(N_("“%(text)s” reads as %(reading)s; the claim cites no source."), **values)
        stated = self._stated_figure(comparison)
        return sentence + Markup(" ") + stated if stated else sentence

    def _stated_figure(self, comparison: Any) -> Markup | None:
        if comparison.stated_value is None:
            return None
        value, status = comparison.stated_text, comparison.stated_status
        if status == "match":
            return self._(N_("The claim's stated value, %(value)s, agrees."), value=value)
        if status == "rounded":
            return self._(N_("It rounds the claim's stated value, %(value)s."), value=value)
        return self._(N_("The claim's stated value is %(value)s: the article's figure is %(status)s."), value=value,
                      status=self.messages.gettext(status))  # fmt: skip

    def _difference(self, difference: Decimal, unit: str | None) -> Markup:
        sign = "+" if difference > 0 else "\u2212"
        if unit == "percent":
            return self._(N_("%(sign)s%(number)s percentage points"), sign=sign,
                          number=display_number(abs(difference), self.locale))  # fmt: skip
        return escape(sign + display(abs(difference), unit, self.locale))

    def _ratio(self, ratio: Decimal) -> str:
        step = Decimal("0.01") if ratio < 100 else Decimal(1)
        rounded = (ratio / step).to_integral_value() * step
        return display_number(rounded.normalize() if rounded != rounded.to_integral_value() else rounded.quantize(
            Decimal(1)), self.locale)  # fmt: skip

    # Quotes: factsite.checks.quotes.summary.

    def _quote(self, result: Any, titles: Mapping[str, str]) -> Markup | None:
        comparison = result.details
        best = comparison.best
        if best is None:
            return self._(N_("Not found: no cited source has text to compare with (add a snapshot or an excerpt)."))
        name = self.quoted(titles.get(best.source_id, best.source_id))
        kind = str(best.classification)
        if kind == "not-found":
            return self._quote_not_found(comparison, name)
        sentence = self._quote_sentence(kind, best, name, getattr(comparison, "speaker", ""))
        if sentence is None:
            return None
        for match in comparison.matches[1:]:
            other = self.quoted(titles.get(match.source_id, match.source_id))
            sentence += Markup(" ") + self._(N_("In %(source)s it is %(outcome)s."), source=other,
                                             outcome=self._(OUTCOMES[str(match.classification)]))  # fmt: skip
        return sentence

    def _quote_sentence(self, kind: str, best: Any, name: Markup, comparison_speaker: str = "") -> Markup | None:
        if kind == "verbatim":
            uncounted = [token for token in best.diff if token.operation == "minor" and not token.counts]
            if not uncounted:
                return self._(N_("Verbatim: the quote matches %(source)s word for word."), source=name)
            if all(token.note == "US/UK spelling" for token in uncounted):
                return self._(N_("Verbatim: the quote matches %(source)s word for word (US/UK spelling aside)."),
                              source=name)  # fmt: skip
            return self._(N_("Verbatim: the quote matches %(source)s word for word (spelling aside)."), source=name)
        if kind == "verbatim-with-marked-edits":
            marks = []
            if best.omissions:
                marks.append(self.ngettext("%(num)s omission marked by an ellipsis",
                                     "%(num)s omissions marked by an ellipsis", best.omissions))  # fmt: skip
            if best.editorial_marks:
                marks.append(self.ngettext("%(num)s editorial insertion in square brackets",
                                           "%(num)s editorial insertions in square brackets",
                                           best.editorial_marks))  # fmt: skip
            return self._(N_("Verbatim with marked edits: the quote matches %(source)s apart from %(edits)s."),
                          source=name, edits=self.listing(marks))  # fmt: skip
        if kind == "minor-differences":
            return self.ngettext("Minor differences: the words match %(source)s, with %(num)s difference of spelling, "
                              "punctuation or case.",
                           "Minor differences: the words match %(source)s, with %(num)s differences of spelling, "
                              "punctuation or case.", best.minor_differences, source=name)  # fmt: skip
        if kind == "edit-may-change-meaning":
            sentence = self._(N_("Edit may change the meaning: the kept words match %(source)s, but %(edits)s."),
                              source=name, edits=self.listing(self._edits(best)))  # fmt: skip
            if best.minor_differences:
                sentence += Markup(" ") + self.ngettext(
                    "The kept words also differ from it in %(num)s place by spelling, punctuation or case.",
                    "The kept words also differ from it in %(num)s places by spelling, punctuation or case.",
                    best.minor_differences,
                )
            return sentence
        if kind == "altered":
            sentence = self._(N_("Altered: compared with %(source)s, %(changes)s."), source=name,
                              changes=self._alterations(best))  # fmt: skip
            return sentence + self._also_meaning(best)
        if kind == "spliced":
            return self._spliced(best, name)
        if kind == "other-speaker":
            return self._other_speaker(best, name, comparison_speaker)
        return None

    def _edits(self, match: Any) -> list[Markup]:
        """factsite.checks.quotes.summary.describe_edits, in the page's words."""
        described = []
        for edit in match.meaning_edits:
            words = self.listing([self.quoted(word) for word in edit.carriers], "unit")
            kinds = self.listing([self._(CARRIES[kind]) if kind in CARRIES else escape(kind) for kind in edit.carries])
            if edit.kind == "omission":
                described.append(self._(N_("the ellipsis leaves out %(words)s (%(kinds)s)"), words=words, kinds=kinds))
            elif edit.kind == "insertion":
                described.append(self._(N_("the bracketed “%(written)s” adds %(words)s (%(kinds)s)"),
                                        written=edit.written, words=words, kinds=kinds))  # fmt: skip
            else:
                described.append(self._(N_("the bracketed “%(written)s” stands for %(words)s (%(kinds)s)"),
                                        written=edit.written, words=words, kinds=kinds))  # fmt: skip
        return described

    def _also_meaning(self, match: Any) -> Markup:
        edits = self._edits(match)
        if not edits:
            return Markup("")
        return Markup(" ") + self._(N_("A marked edit may also change the meaning: %(edits)s."),
                                    edits=self.listing(edits))  # fmt: skip

    def _alterations(self, match: Any) -> Markup:
        parts = []
        if match.words_added:
            parts.append(self.ngettext("%(num)s word added", "%(num)s words added", match.words_added))
        if match.words_dropped:
            parts.append(self.ngettext("%(num)s word dropped", "%(num)s words dropped", match.words_dropped))
        if match.words_changed:
            parts.append(self.ngettext("%(num)s word changed", "%(num)s words changed", match.words_changed))
        return self.listing(parts)

    def _other_speaker(self, match: Any, name: Markup, speaker: str) -> Markup | None:
        """factsite.checks.quotes.summary._other_speaker."""
        wording = str(match.wording or "verbatim")
        if wording not in OUTCOMES or not speaker:
            return None
        return self._(N_("Other speaker: in %(source)s the quote is in the turn of “%(label)s”, not of %(speaker)s; "
                         "there it is %(outcome)s."), source=name, label=match.speaker, speaker=speaker,
                      outcome=self._(OUTCOMES[wording]))  # fmt: skip

    def _speakers(self, match: Any) -> Markup:
        """The speakers a spliced quote joins (factsite.checks.quotes.summary._speakers)."""
        labels = list(dict.fromkeys(label for joint in match.joints for label in getattr(joint, "speakers", ())))
        if not labels:
            return Markup("")
        return Markup(" ") + self._(N_("The passages are in the turns of different speakers: %(speakers)s."),
                                    speakers=self.listing([self.quoted(label) for label in labels]))  # fmt: skip

    def _spliced(self, match: Any, name: Markup) -> Markup | None:
        pieces = len(match.passages)
        if any(joint.ellipsis for joint in match.joints):
            how = self._(N_("in reverse order, which an ellipsis cannot mark"))
        elif any(joint.reverse for joint in match.joints):
            how = self._(N_("in reverse order and without an ellipsis"))
        else:
            how = self._(N_("without an ellipsis"))
        distances = list(dict.fromkeys(str(joint.distance) for joint in match.joints))
        if distances == ["in separate passages of the excerpt"]:
            sentence = self.ngettext("Spliced: joins words from %(num)s separate passage of the excerpt %(source)s, "
                                  "%(how)s.",
                               "Spliced: joins words from %(num)s separate passages of the excerpt %(source)s, "
                                  "%(how)s.", pieces, source=name, how=how)  # fmt: skip
        else:
            apart = []
            for distance in distances:
                far = self.distance(distance.removesuffix(" apart"))
                if far is None:
                    return None
                apart.append(far)
            sentence = self.ngettext("Spliced: joins %(num)s passage that stands %(apart)s apart in %(source)s, "
                                  "%(how)s.",
                               "Spliced: joins %(num)s passages that stand %(apart)s apart in %(source)s, "
                                  "%(how)s.", pieces, apart=self.listing(apart), source=name, how=how)  # fmt: skip
            if not distances:
                sentence = self.ngettext("Spliced: joins %(num)s passage that stands far apart in %(source)s, %(how)s.",
                                   "Spliced: joins %(num)s passages that stand far apart in %(source)s, %(how)s.",
                                   pieces, source=name, how=how)  # fmt: skip
        sentence += self._speakers(match)
        if match.altered:
            sentence += Markup(" ") + self._(N_("The wording is also altered: %(changes)s."),
                                             changes=self._alterations(match))  # fmt: skip
        return sentence + self._also_meaning(match)

    def _quote_not_found(self, comparison: Any, name: Markup) -> Markup:
        sources = len(comparison.matches)
        if sources == 1:
            sentence = self._(N_("Not found in the cited sources: no passage of %(source)s matches the quote."),
                              source=name)  # fmt: skip
        else:
            sentence = self.ngettext("Not found in the cited sources: no passage of the %(num)s cited source matches "
                                  "the quote.",
                               "Not found in the cited sources: no passage of any of the %(num)s cited sources "
                                  "matches the quote.", sources)  # fmt: skip
        if comparison.nearest:
            share = round(100 * comparison.nearest[0].coverage)
            sentence += Markup(" ") + self._(
                N_("The nearest passage, shown for reference only, has %(share)s%% of the quote's words."),
                share=self.messages.number(share))  # fmt: skip
        return sentence + Markup(" ") + self._(N_("This does not show that the words were never said."))

    # Dates: factsite.checks.dates.compare._summary.

    def _date(self, result: Any, titles: Mapping[str, str], published: dt.date) -> Markup | None:
        comparison = result.details
        resolution = comparison.resolution
        if resolution is None:
            return self._(N_("No date found in “%(text)s”."), text=comparison.expression)
        shown = []
        for reading in resolution.readings:
            if reading.point is not None:
                margin = (reading.end - reading.point).days
                day = self.span(reading.point, reading.point)
                if margin:
                    day = self.ngettext("%(date)s (give or take %(num)s day)", "%(date)s (give or take %(num)s days)",
                                  margin, date=day)  # fmt: skip
                shown.append((day, self._relation((reading.point, reading.point), published) if not margin else None))
                continue
            shown.append((self.span(reading.start, reading.end), self._relation(reading.span, published)))
        expression = comparison.expression
        if len(shown) == 1:
            day, relation = shown[0]
            if relation is None:
                sentences = [self._(N_("“%(expression)s” resolves to %(date)s."), expression=expression, date=day)]
            else:
                sentences = [self._(N_("“%(expression)s” resolves to %(date)s, %(relation)s."), expression=expression,
                                    date=day, relation=relation)]  # fmt: skip
        else:
            options = [
                self._(N_("%(date)s (%(relation)s)"), date=day, relation=relation) if relation is not None else day
                for day, relation in shown
            ]
            sentences = [self._(N_("“%(expression)s” is ambiguous: %(readings)s."), expression=expression,
                                readings=self.listing(options, "or"))]  # fmt: skip
        if comparison.stated and comparison.reading:
            sentences.append(self._stated_date(comparison))
        sources = self._date_sources(comparison, titles)
        if sources is not None:
            sentences.append(sources)
        return Markup(" ").join(sentences)

    def _relation(self, span: tuple[dt.date, dt.date], published: dt.date) -> Markup | None:
        """factsite.checks.dates.results.describe_relation."""
        if span[0] != span[1]:
            return None
        days = (published - span[0]).days
        if days == 0:
            return self._(N_("the day of publication"))
        if days == 1:
            return self._(N_("the day before publication"))
        if days == -1:
            return self._(N_("the day after publication"))
        if days > 0:
            return self.ngettext("%(num)s day before publication", "%(num)s days before publication", days)
        return self.ngettext("%(num)s day after publication", "%(num)s days after publication", -days)

    def _stated_date(self, comparison: Any) -> Markup:
        readings = comparison.resolution.readings
        reading, stated = comparison.reading, comparison.stated
        which = readings.index(reading) + 1 if len(readings) > 1 else None
        shown = self.span(*stated)
        number = self.messages.number(which) if which else ""
        if comparison.value_status == "match":
            if which:
                return self._(N_("Its reading %(number)s matches the claim's stated date."), number=number)
            return self._(N_("It matches the claim's stated date."))
        if comparison.value_status == "mismatch":
            return self._(N_("But the claim's stated date is %(stated)s."), stated=shown)
        if reading.start <= stated[0] and stated[1] <= reading.end:
            if which:
                return self._(N_("The claim's stated date, %(stated)s, falls within its reading %(number)s."),
                              stated=shown, number=number)  # fmt: skip
            return self._(N_("The claim's stated date, %(stated)s, falls within it."), stated=shown)
        if which:
            return self._(N_("Its reading %(number)s falls within the claim's stated date, %(stated)s."),
                          stated=shown, number=number)  # fmt: skip
        return self._(N_("It falls within the claim's stated date, %(stated)s."), stated=shown)

    def _date_sources(self, comparison: Any, titles: Mapping[str, str]) -> Markup | None:
        def shown(date: Any) -> Markup:
            return self.quoted(date.text) if date.text else self._(N_("its publication date"))

        agreeing = comparison.agreeing
        if comparison.value_status == "mismatch":
            stated = comparison.stated
            for date in comparison.source_dates:
                if any(other.span == tuple(stated) for other in date.resolution.readings):
                    return self._(N_("The cited source %(source)s gives the stated date (%(date)s)."),
                                  source=self._source(date.source_id, titles), date=shown(date))  # fmt: skip
        if not agreeing:
            if comparison.cited:
                return self._(N_("Not found in the cited sources (none of their dates bears on it)."))
            return None
        ids = list(dict.fromkeys(date.source_id for date in agreeing))
        if len(ids) == 1:
            return self._(N_("The cited source %(source)s supports it (%(date)s)."),
                          source=self._source(ids[0], titles), date=shown(agreeing[0]))  # fmt: skip
        return self._(N_("The cited sources %(sources)s support it (%(source)s: %(date)s)."),
                      sources=self.listing([self._source(source, titles) for source in ids], "unit"),
                      source=self._source(ids[0], titles), date=shown(agreeing[0]))  # fmt: skip

    def _finding(self, result: Any, finding: str) -> Markup | None:
        if result.check != "date" or result.details is None or result.details.resolution is None:
            return None
        comparison = result.details
        resolution = comparison.resolution
        if match := re.fullmatch(rf"({_DAY}) is not a ([A-Z][a-z]+)\.", finding):
            if match.group(2) not in _WEEKDAYS:
                return None
            return self._(N_("%(date)s is not a %(weekday)s."), date=self.english_day(match.group(1)),
                          weekday=self.weekday(match.group(2)))  # fmt: skip
        if resolution.alternatives and finding.startswith(f"\u201c{comparison.expression}\u201d is ambiguous: "):
            rules = [self.rule(reading.rule) for reading in resolution.readings]
            if any(rule is None for rule in rules):
                return None
            return self._(N_("“%(expression)s” is ambiguous: %(rules)s."), expression=comparison.expression,
                          rules=self.listing([rule for rule in rules if rule is not None], "or"))  # fmt: skip
        if comparison.other_dates and finding.startswith("The marked text also holds "):
            others = self.listing([self.quoted(date.text) for date in comparison.other_dates], "unit")
            return self._(N_("The marked text also holds %(dates)s; the check reads the first date."), dates=others)
        return None


# Date rules: the English pattern of factsite.checks.dates.resolve and what builds it in a page's words.
RuleBuilder = Callable[[Explainer, dict[str, Any]], Markup | None]


def _weekday_rule(message: str) -> RuleBuilder:
    def build(explainer: Explainer, parts: dict[str, Any]) -> Markup:
        return explainer._(message, weekday=explainer.weekday(parts["weekday"]),
                           date=explainer.english_day(parts["published"]))  # fmt: skip

    return build


def _plain_rule(message: str) -> RuleBuilder:
    def build(explainer: Explainer, parts: dict[str, Any]) -> Markup:
        if "published" in parts:
            return explainer._(message, date=explainer.english_day(parts["published"]))
        return explainer._(message)

    return build


_UNIT_RULES = {
    ("Monday-Sunday week", "before the one of"): N_("the Monday-Sunday week before the one of publication (%(date)s)"),
    ("Monday-Sunday week", "of"): N_("the Monday-Sunday week of publication (%(date)s)"),
    ("Monday-Sunday week", "after the one of"): N_("the Monday-Sunday week after the one of publication (%(date)s)"),
    ("calendar month", "before the one of"): N_("the calendar month before the one of publication (%(date)s)"),
    ("calendar month", "of"): N_("the calendar month of publication (%(date)s)"),
    ("calendar month", "after the one of"): N_("the calendar month after the one of publication (%(date)s)"),
    ("calendar year", "before the one of"): N_("the calendar year before the one of publication (%(date)s)"),
    ("calendar year", "of"): N_("the calendar year of publication (%(date)s)"),
    ("calendar year", "after the one of"): N_("the calendar year after the one of publication (%(date)s)"),
}


# What a date without its year names (factsite.checks.dates.native), for rule 7's sentences.
_WITHOUT_YEAR = {
    "the day and month": N_("the day and month"),
    "the date as written": N_("the date as written"),
    "the month as written": N_("the month as written"),
}
_LABELS = "|".join((*_WITHOUT_YEAR, *_MONTHS))


def _year_rule(message: str) -> RuleBuilder:
    def build(explainer: Explainer, parts: dict[str, Any]) -> Markup:
        name = parts["what"]
        what = explainer._(_WITHOUT_YEAR[name]) if name in _WITHOUT_YEAR else explainer.month(name)
        if parts.get("published"):
            return explainer._(message, what=what, date=explainer.english_day(parts["published"]))
        return explainer._(message, what=what)

    return build


def _month_rule(message: str) -> RuleBuilder:
    def build(explainer: Explainer, parts: dict[str, Any]) -> Markup:
        if parts.get("day"):
            return explainer._(message, month=explainer.month(parts["month"]), date=explainer.english_day(parts["day"]))
        return explainer._(message, month=explainer.month(parts["month"]))

    return build


def _days_rule(explainer: Explainer, parts: dict[str, Any]) -> Markup:
    return explainer._(N_("the days from %(start)s to %(end)s"), start=explainer.english_day(parts["start"]),
                       end=explainer.english_day(parts["end"]))  # fmt: skip


def _unit_rule(explainer: Explainer, parts: dict[str, Any]) -> Markup:
    return explainer._(_UNIT_RULES[(parts["unit"], parts["where"])], date=explainer.english_day(parts["published"]))


_COUNTED: dict[tuple[str, str], Callable[..., Markup]] = {
    ("day", "before"): lambda e, n, **v: e.ngettext("%(num)s day before publication (%(date)s): %(day)s",
                                           "%(num)s days before publication (%(date)s): %(day)s", n, **v),
    ("day", "after"): lambda e, n, **v: e.ngettext("%(num)s day after publication (%(date)s): %(day)s",
                                          "%(num)s days after publication (%(date)s): %(day)s", n, **v),
    ("week", "before"): lambda e, n, **v: e.ngettext("%(num)s week before publication (%(date)s): %(day)s",
                                            "%(num)s weeks before publication (%(date)s): %(day)s", n, **v),
    ("week", "after"): lambda e, n, **v: e.ngettext("%(num)s week after publication (%(date)s): %(day)s",
                                           "%(num)s weeks after publication (%(date)s): %(day)s", n, **v),
    ("month", "before"): lambda e, n, **v: e.ngettext("%(num)s month before publication (%(date)s): %(day)s",
                                             "%(num)s months before publication (%(date)s): %(day)s", n, **v),
    ("month", "after"): lambda e, n, **v: e.ngettext("%(num)s month after publication (%(date)s): %(day)s",
                                            "%(num)s months after publication (%(date)s): %(day)s", n, **v),
    ("year", "before"): lambda e, n, **v: e.ngettext("%(num)s year before publication (%(date)s): %(day)s",
                                            "%(num)s years before publication (%(date)s): %(day)s", n, **v),
    ("year", "after"): lambda e, n, **v: e.ngettext("%(num)s year after publication (%(date)s): %(day)s",
                                           "%(num)s years after publication (%(date)s): %(day)s", n, **v),
}  # fmt: skip


def _counted_rule(explainer: Explainer, parts: dict[str, Any]) -> Markup:
    count = int(parts["count"])
    published, day = explainer.english_day(parts["published"]), explainer.english_day(parts["day"])
    rule = _COUNTED[(parts["unit"], parts["word"])](explainer, count, date=published, day=day)
    if parts["tolerance"]:
        tolerance = int(parts["tolerance"])
        rule += explainer.ngettext(", give or take %(num)s day", ", give or take %(num)s days", tolerance)
    return rule


def _relative_rule(explainer: Explainer, parts: dict[str, Any]) -> Markup | None:
    published = dt.datetime.strptime(parts["published"], "%A %d %B %Y").date()
    days = 0 if parts["count"] is None else (1 if parts["count"] == "the day" else int(parts["count"].split()[0]))
    day = published - dt.timedelta(days=days if parts["word"] == "before" else -days)
    relation = explainer._relation((day, day), published)
    if relation is None:
        return None
    return explainer._(N_("%(relation)s (%(date)s)"), relation=relation, date=explainer.day(published))


_RULES: tuple[tuple[str, RuleBuilder], ...] = (
    (rf"the most recent (?P<weekday>{'|'.join(_WEEKDAYS)}) before {_PUBLICATION}",
     _weekday_rule(N_("the most recent %(weekday)s before publication (%(date)s)"))),
    (rf"the first (?P<weekday>{'|'.join(_WEEKDAYS)}) after {_PUBLICATION}",
     _weekday_rule(N_("the first %(weekday)s after publication (%(date)s)"))),
    (rf"the (?P<weekday>{'|'.join(_WEEKDAYS)}) of the week of {_PUBLICATION}",
     _weekday_rule(N_("the %(weekday)s of the week of publication (%(date)s)"))),
    (rf"the (?P<weekday>{'|'.join(_WEEKDAYS)}) of the week before the one of {_PUBLICATION}",
     _weekday_rule(N_("the %(weekday)s of the week before the one of publication (%(date)s)"))),
    (rf"the (?P<weekday>{'|'.join(_WEEKDAYS)}) of the week after the one of {_PUBLICATION}",
     _weekday_rule(N_("the %(weekday)s of the week after the one of publication (%(date)s)"))),
    (rf"the {_UNITS} (?P<where>before the one of|of|after the one of) {_PUBLICATION}", _unit_rule),
    (rf"(?P<count>\d+) (?P<unit>day|week|month|year)s? (?P<word>before|after) {_PUBLICATION}: (?P<day>{_DAY})"
     r"(?:, give or take (?P<tolerance>\d+) days)?", _counted_rule),
    (rf"(?:(?P<count>the day|\d+ days) (?P<word>before|after)|the day of) {_PUBLICATION}", _relative_rule),
    (rf"the most recent weekend before {_PUBLICATION}",
     _plain_rule(N_("the most recent weekend before publication (%(date)s)"))),
    (rf"the first weekend after {_PUBLICATION}", _plain_rule(N_("the first weekend after publication (%(date)s)"))),
    (rf"the weekend of the week of {_PUBLICATION}",
     _plain_rule(N_("the weekend of the week of publication (%(date)s)"))),
    (rf"the weekend of the week after the one of {_PUBLICATION}",
     _plain_rule(N_("the weekend of the week after the one of publication (%(date)s)"))),
    (rf"(?P<what>{_LABELS}) in the nearest year not before {_PUBLICATION}, as the sentence looks ahead",
     _year_rule(N_("%(what)s in the nearest year not before publication (%(date)s), as the sentence looks ahead"))),
    (rf"(?P<what>{_LABELS}) in the nearest year not after {_PUBLICATION}",
     _year_rule(N_("%(what)s in the nearest year not after publication (%(date)s)"))),
    (rf"(?P<what>{_LABELS}) in the nearest year not after {_PUBLICATION}, as the verb is in the past",
     _year_rule(N_("%(what)s in the nearest year not after publication (%(date)s), as the verb is in the past"))),
    (rf"(?P<what>{_LABELS}) in the following year, nearer to {_PUBLICATION}",
     _year_rule(N_("%(what)s in the following year, nearer to publication (%(date)s)"))),
    (rf"(?P<what>{_LABELS}) in the following year, as the preposition looks ahead",
     _year_rule(N_("%(what)s in the following year, as the preposition looks ahead"))),
    (rf"the last (?P<month>{_MONTH}) before (?P<day>{_DAY})", _month_rule(N_("the last %(month)s before %(date)s"))),
    (rf"the next (?P<month>{_MONTH}) after (?P<day>{_DAY})", _month_rule(N_("the next %(month)s after %(date)s"))),
    (rf"(?P<month>{_MONTH}) of the year of publication", _month_rule(N_("%(month)s of the year of publication"))),
    (rf"the days from (?P<start>{_DAY}) to (?P<end>{_DAY})", _days_rule),
    ("the year as written", _plain_rule(N_("the year as written"))),
    (r"the Hijri date as written \(Umm al-Qura calendar\)",
     _plain_rule(N_("the Hijri date as written (Umm al-Qura calendar)"))),
    (r"the Hijri day and month \(Umm al-Qura calendar\) in the Hijri year not before publication, as the sentence "
     r"looks ahead", _plain_rule(N_("the Hijri day and month (Umm al-Qura calendar) in the Hijri year not before "
                                    "publication, as the sentence looks ahead"))),
    (r"the Hijri day and month \(Umm al-Qura calendar\) in the Hijri year not after publication",
     _plain_rule(N_("the Hijri day and month (Umm al-Qura calendar) in the Hijri year not after publication"))),
    ("the source's publication date", _plain_rule(N_("the source's publication date"))),
    ("the date as written", _plain_rule(N_("the date as written"))),
    ("the day and month", _plain_rule(N_("the day and month"))),
    ("the month as written", _plain_rule(N_("the month as written"))),
    ("a named month", _plain_rule(N_("a named month"))),
    ("a named year", _plain_rule(N_("a named year"))),
)  # fmt: skip
