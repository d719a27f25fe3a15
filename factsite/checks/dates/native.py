"""Dates in Hindi and Arabic (any language with a data module in `factsite.languages`), by the same rules.

Read here, each by the rule of the English phrase it translates (docs/dates.md):

- weekdays, bare or with a modifier: "सोमवार को", "पिछले सोमवार", "अगले शुक्रवार", "इस बुधवार"; "الاثنين",
  "يوم الثلاثاء", "الاثنين الماضي", "الخميس المقبل" (rules 1-3);
- weeks, months and years: "पिछले हफ्ते", "इस महीने", "अगले साल"; "الأسبوع الماضي", "الشهر المقبل", "هذا العام"
  (rules 4 and 5);
- counted: "दो हफ्ते पहले", "३ दिन पहले", "दो साल बाद"; "منذ ثلاثة أيام", "قبل أسبوعين", "بعد شهر" (rule 6);
- days: "आज", "कल" (yesterday or tomorrow: the verb's tense decides, and without a future verb tomorrow is the
  alternative reading), "परसों"; "اليوم", "أمس", "غدا", "أول أمس";
- month names with a day and a year or without (rule 7): "15 मार्च 2024", "१५ मार्च", "मार्च 2024";
  "١٥ مارس ٢٠٢٤", "15 آذار";
- a month alone, when a postposition follows it ("मार्च में", "अप्रैल तक") or a preposition of time comes before
  it ("في مارس", "منذ أبريل"), in the year rule 7 infers; with a modifier, the last or next one ("مارس الماضي",
  "पिछले मार्च"). A bare "मार्च" may be a march, and "نيسان" a car;
- a year alone, named as one: "عام ٢٠٢٤", "لعام ٢٠٢٤", "في ٢٠٢١", "वर्ष 2021", "2021 में" (not "वर्ष 2025-26", a
  financial year);
- a day in words: an ordinal ("पहली अप्रैल", "الأول من نيسان") or a number word ("एक अप्रैल");
- spans of days, both ends or none: "24 फरवरी से 12 मार्च", "15 से 20 मार्च", "من 24 شباط إلى 12 آذار", "١٥-٢٠ آذار";
- Hijri dates with a day ("١٨ رمضان ١٤٤٦هـ", "12 ربيع الأول 1447 هـ"), by the Umm al-Qura calendar (hijridate);
  without a year ("١٠ شوال"), in the Hijri year that fits the tense. A day the calendar does not have (30 Ramadan
  1446) or a year out of its range (1343-1500 AH) is no date.

Tense: a sentence looks ahead when it holds a future verb (Hindi "होगी", "करेंगे"; Arabic "سوف", "سيعقد").

Libraries: dateparser (1.2, offline) reads "15 मार्च 2024", "१५ मार्च", "منذ يومين", "قبل أسبوعين", "أمس",
"الشهر الماضي", but not "पिछले सोमवार", "दो हफ्ते पहले", "तीन दिन पहले", "पिछले हफ्ते", "अगले शुक्रवार",
"منذ ثلاثة أيام", "الاثنين الماضي", "الخميس المقبل" or Levantine month names ("آذار"); it reads "कल" as tomorrow
only and "الأسبوع الماضي" as a single day, not a week. It does not earn a dependency: the reading is here.

Not read: fractional counts ("सवा दो साल पहले"), Vikram Samvat and Shaka dates (a year
after "संवत" is not taken for a Gregorian one: such a date is unresolved, never a wrong day).

Tense: a quotation in the sentence is the speaker's own clause; its verbs do not set the tense of a date outside
it ("قال، الأحد، إن «... سيتجاوز ...»" looks back).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from hijridate import Gregorian, Hijri

from factsite.checks.dates.grammar import date_grammar
from factsite.checks.dates.resolve import (
    _Context,
    _counted,
    _day_reading,
    _inferred,
    _unit_span,
    weekday_resolution,
)
from factsite.checks.dates.results import DateResolution, FoundDate, describe_relation, format_day
from factsite.checks.dates.spans import month_span, year_span
from factsite.checks.figures.native import tokenise
from factsite.languages import Language
from factsite.languages.script import fold

# Eras factsite does not convert: a year of theirs is no Gregorian year (Vikram Samvat, Shaka).
_OTHER_ERAS = frozenset(fold(word) for word in ("संवत", "सम्वत", "संवत्", "विक्रम", "शक", "वि.सं"))
# Words between the two ends of a span of days: "से" (... तक), "إلى", "حتى", "لغاية".
_SPAN_WORDS = frozenset(fold(word) for word in ("से", "إلى", "الى", "حتى", "لغاية"))
_HIJRI_ERA = frozenset(fold(word) for word in ("هـ", "ه", "هجرية", "هجري"))


def _hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        return Hijri(year, month, day).to_gregorian()
    except (OverflowError, ValueError):
        return None


# Hindi postpositions after a month or a year that make it a date: "मार्च में", "2024 तक".
_POSTPOSITIONS = frozenset(fold(word) for word in ("में", "तक", "से", "के", "की", "को"))
_QUOTATION = re.compile(r"\u00ab[^\u00bb]*\u00bb|\u201c[^\u201d]*\u201d|\"[^\"]*\"")


def _context(expression: str, published: dt.date, tense: str) -> _Context:
    return _Context(expression, published, tense, date_grammar("en", scanning=False))


class _Dates:
    def __init__(self, text: str, language: Language, published: dt.date) -> None:
        self.text, self.language, self.published = text, language, published
        self.tokens = tokenise(text)
        self.keys = [token.key for token in self.tokens]

    def key(self, index: int) -> str:
        return self.keys[index] if 0 <= index < len(self.keys) else ""

    def phrase(self, index: int, table: dict[tuple[str, ...], int]) -> tuple[int, int] | None:
        """(length, value) of the longest phrase of `table` at `index`."""
        for phrase, value in sorted(table.items(), key=lambda item: -len(item[0])):
            if tuple(self.keys[index : index + len(phrase)]) == phrase:
                return len(phrase), value
        return None

    def count(self, index: int) -> int | None:
        token = self.tokens[index] if 0 <= index < len(self.tokens) else None
        if token is None:
            return None
        if token.kind == "num":
            return int(token.text) if token.text.isdigit() else None
        value = self.language.units.get(token.key)
        return value if value else None

    def unit(self, index: int, *, article: bool = False) -> str | None:
        key = self.key(index)
        if article:
            if not key.startswith("ال"):
                return None
            key = key[2:]
        return self.language.units_of_time.get(key)

    # -- tense ----------------------------------------------------------------------------------------------
    def tense(self, start: int, end: int) -> str:
        ends = self.language.sentence_end
        begin = max((self.text.rfind(mark, 0, start) for mark in ends), default=-1) + 1
        stops = [position for mark in ends if (position := self.text.find(mark, end)) >= 0]
        sentence = self.text[begin : min(stops) if stops else len(self.text)]
        # A quotation is the speaker's own clause: "قال، الأحد، إن «... سيتجاوز ...»" looks back, whatever tense
        # the quoted words have; a date inside the quotation keeps them.
        at = start - begin
        sentence = _QUOTATION.sub(lambda m: m.group() if m.start() <= at < m.end() else " ", sentence)
        for token in tokenise(sentence):
            key = token.key
            if key in self.language.future_markers:
                return "future"
            if self.language.future_endings and key.endswith(self.language.future_endings):
                return "future"
            if (
                self.language.future_prefixes
                and key.startswith(self.language.future_prefixes)
                and len(key) >= 5
                and key not in self.language.not_future
            ):
                return "future"
        return "past"

    # -- one date at a token ---------------------------------------------------------------------------------
    def at(self, index: int) -> tuple[int, int, DateResolution] | None:
        """(first token, last token, reading) of a date starting at token `index`."""
        if index >= len(self.tokens):
            return None
        language, key = self.language, self.key(index)
        published = self.published
        # Counted, Arabic order: منذ ثلاثة أيام, قبل يومين, بعد شهر.
        if key in language.ago or key in language.later:
            direction = -1 if key in language.ago else 1
            count, at_unit = self.count(index + 1), index + 2
            if count is None:
                count, at_unit = 1, index + 1
                if self.key(index + 1) in language.dual_units_of_time:
                    count = 2
            unit = self.unit(at_unit)
            if unit is not None and (count != 1 or at_unit == index + 1):
                return index, at_unit, _counted(self.context(index, at_unit), count, unit, direction)
        # Counted, Hindi order: दो हफ्ते पहले, ३ दिन बाद.
        count = self.count(index)
        if count is not None and self.unit(index + 1) is not None:
            after = self.key(index + 2)
            if after in language.ago or after in language.later:
                unit = self.unit(index + 1)
                assert unit is not None
                direction = -1 if after in language.ago else 1
                return index, index + 2, _counted(self.context(index, index + 2), count, unit, direction)
        # A day of a month: 15 मार्च 2024, ١٥ مارس; in words: "पहली अप्रैल", "एक अप्रैल", "الأول من نيسان".
        token = self.tokens[index]
        day_in_words = self.day_in_words(index)
        if day_in_words is not None:
            day_value, month_at = day_in_words
            month = self.phrase(month_at, language.months)
            if month is not None:
                last = month_at + month[0] - 1
                year = self.year(last + 1)
                if year is not None:
                    last += 1
                reading = _day_reading(self.context(index, last), month[1], day_value, year, "the day and month")
                return (index, last, reading) if reading else None
        if token.kind == "num" and token.text.isdigit() and 1 <= int(token.text) <= 31:
            month = self.phrase(index + 1, language.months)
            if month is not None:
                last = index + month[0]
                year = self.year(last + 1)
                if year is not None:
                    last += 1
                label = "the date as written" if year else "the day and month"
                reading = _day_reading(self.context(index, last), month[1], int(token.text), year, label)
                return (index, last, reading) if reading else None
        # A Hijri day and month, with its year or without: ١٨ رمضان ١٤٤٦هـ.
        if token.kind == "num" and token.text.isdigit() and 1 <= int(token.text) <= 30:
            hijri = self.phrase(index + 1, language.hijri_months)
            if hijri is not None:
                return self.hijri(index, index + hijri[0], hijri[1], int(token.text))
        # A month and a year: मार्च 2024.
        month = self.phrase(index, language.months)
        if month is not None and (year := self.year(index + month[0])) is not None:
            last = index + month[0]
            context = self.context(index, last)
            return index, last, context.resolution(month_span(year, month[1]), "month", "the month as written",
                                                   depends_on="nothing")  # fmt: skip
        # A month alone, with a postposition after it (मार्च में, मार्च तक) or a preposition before it (في مارس,
        # منذ مارس), or with a modifier (مارس الماضي, पिछले मार्च): "मार्च" alone may be a march.
        month_alone = self.month_alone(index)
        if month_alone is not None:
            return month_alone
        # A year alone, named so: عام ٢٠٢٤, لعام ٢٠٢٤, वर्ष 2024, في ٢٠٢٤, 2024 में.
        year_alone = self.year_alone(index)
        if year_alone is not None:
            return year_alone
        # Hindi modifiers before: पिछले सोमवार, अगले हफ्ते, इस महीने.
        modifier = self.modifier(key)
        if modifier is not None:
            following = self.key(index + 1)
            if following in language.weekdays:
                return index, index + 1, self.weekday(index, index + 1, language.weekdays[following], modifier)
            unit = self.unit(index + 1)
            if unit in ("week", "month", "year"):
                span, rule = _unit_span(modifier, unit, _context("", published, "past"))
                return index, index + 1, self.context(index, index + 1).resolution(span, unit, rule)
        # Arabic: الأسبوع الماضي, الاثنين المقبل, هذا العام, يوم الثلاثاء.
        if key in language.this:
            this_unit = self.unit(index + 1, article=True)
            if this_unit in ("week", "month", "year"):
                span, rule = _unit_span("this", this_unit, _context("", published, "past"))
                return index, index + 1, self.context(index, index + 1).resolution(span, this_unit, rule)
        named_unit = self.unit(index, article=True)
        modifier_after = self.modifier(self.key(index + 1))
        if named_unit in ("week", "month", "year") and modifier_after is not None and modifier_after != "this":
            span, rule = _unit_span(modifier_after, named_unit, _context("", published, "past"))
            return index, index + 1, self.context(index, index + 1).resolution(span, named_unit, rule)
        first = index
        if key == fold("يوم") and self.key(index + 1) in language.weekdays:
            index, key = index + 1, self.key(index + 1)
        if key in language.weekdays:
            if self.dated(index + 1):
                return None  # "الخميس ١٣ آذار ٢٠٢٥", a dateline: the date that follows says which Thursday
            weekday_modifier = self.modifier(self.key(index + 1))
            last = index + 1 if weekday_modifier in ("last", "next") else index
            reading = self.weekday(first, last, language.weekdays[key], weekday_modifier or "")
            if not self.day_agrees(index + 1, reading):
                return None  # "الأربعاء 25 نونبر" with نونبر unknown: the 25th is not the Wednesday read alone
            return first, last, reading
        # आज, أمس, غدا; कल and परसों by the tense.
        day = self.phrase(index, language.relative_days)
        if day is not None:
            last = index + day[0] - 1
            return index, last, self.relative_day(index, last, day[1], None)
        if key in language.ambiguous_days:
            offset = language.ambiguous_days[key]
            future = self.tense(self.tokens[index].start, self.tokens[index].end) == "future"
            return index, index, self.relative_day(index, index, offset if future else -offset, -offset if future
                                                   else offset)  # fmt: skip
        return None

    def hijri(self, first: int, last: int, month: int, day: int) -> tuple[int, int, DateResolution] | None:
        """A Hijri date, by the Umm al-Qura calendar (hijridate); without a year, in the Hijri year that fits the
        tense. A date the calendar cannot convert (out of its range, a 30th of a 29-day month) is no date."""
        year = self.key(last + 1)
        stated = int(year) if year.isdigit() and len(year) in (3, 4) else None
        if stated is not None:
            last += 1
            if fold(self.key(last + 1)) in _HIJRI_ERA:
                last += 1
        context = self.context(first, last)
        if stated is not None:
            day_of = _hijri_to_gregorian(stated, month, day)
            if day_of is None:
                return None
            label = "the Hijri date as written (Umm al-Qura calendar)"
            return first, last, context.resolution((day_of, day_of), "day", label, depends_on="nothing")
        try:
            around = Gregorian(self.published.year, self.published.month, self.published.day).to_hijri().year
        except (OverflowError, ValueError):
            return None
        days = sorted(d for y in (around - 1, around, around + 1) if (d := _hijri_to_gregorian(y, month, day)))
        before = [d for d in days if d <= self.published]
        after = [d for d in days if d >= self.published]
        chosen = (after or before) if context.tense == "future" else (before or after)
        if not chosen:
            return None
        day_of = chosen[0] if context.tense == "future" and after else chosen[-1]
        label = "the Hijri day and month (Umm al-Qura calendar) in the Hijri year " + (
            "not before publication, as the sentence looks ahead" if context.tense == "future" else
            "not after publication"
        )  # fmt: skip
        return first, last, context.resolution((day_of, day_of), "day", label, depends_on="year")

    def month_alone(self, index: int) -> tuple[int, int, DateResolution] | None:
        language, published = self.language, self.published
        first = index
        modifier = self.modifier(self.key(index))
        if modifier is not None:
            index += 1
        month = self.phrase(index, language.months)
        if month is None:
            return None
        last = index + month[0] - 1
        if modifier is None:
            modifier = self.modifier(self.key(last + 1))
            if modifier in ("last", "next"):
                last += 1
            elif not (self.marks_time_before(first) or self.key(last + 1) in _POSTPOSITIONS):
                return None
        number = month[1]
        context = self.context(first, last)
        name = dt.date(2000, number, 1).strftime("%B")

        def make(year: int) -> tuple[dt.date, dt.date]:
            return month_span(year, number)

        if modifier == "last":
            year = published.year - (number >= published.month)
            rule = f"the last {name} before {format_day(published)}"
        elif modifier == "next":
            year = published.year + (number <= published.month)
            rule = f"the next {name} after {format_day(published)}"
        elif modifier == "this":
            year, rule = published.year, f"{name} of the year of publication"
        else:
            reading = _inferred(context, make, name, "month")
            return (first, last, reading) if reading else None
        return first, last, context.resolution(make(year), "month", rule, depends_on="year")

    def year_alone(self, index: int) -> tuple[int, int, DateResolution] | None:
        first = index
        if self.year(index) is None and self.year_word(self.key(index)) and self.year(index + 1) is not None:
            index += 1
        year = self.year(index)
        if year is None or not 1800 <= year <= 2099:
            return None
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is not None and following.kind == "dash":
            return None  # "वर्ष 2025-26": a financial year
        if first == index and not (self.marks_time_before(index) or self.key(index + 1) in _POSTPOSITIONS):
            return None
        if self.key(first - 1) in _OTHER_ERAS:
            return None  # "संवत 2081 में": a Vikram Samvat year, which factsite does not convert
        context = self.context(first, index)
        return first, index, context.resolution(year_span(year), "year", "the year as written", depends_on="nothing")

    def year_word(self, key: str) -> bool:
        for prefix in ("", "ل", "ب", "و", "ال", "لل", "بال", "وال"):
            if key.startswith(prefix) and self.language.units_of_time.get(key[len(prefix) :]) == "year":
                return True
        return key in ("सन", "सन्")

    def marks_time_before(self, index: int) -> bool:
        """An Arabic preposition of time or "شهر"/"عام" just before token `index`: في مارس, منذ ٢٠٢٠."""
        before = self.key(index - 1)
        bare = before[1:] if before[:1] in ("و", "ف") and len(before) > 2 else before
        return bare in self.language.year_prepositions or bare == fold("شهر") or self.year_word(before)

    def day_in_words(self, index: int) -> tuple[int, int] | None:
        """A day of a month written in words, and where its month starts: an ordinal ("पहली", "الأول", with "من"
        after it in Arabic) or a number word of 1-31 ("एक", "दो")."""
        key = self.key(index)
        value = self.language.ordinal_days.get(key) or self.language.units.get(key)
        if not value or not 1 <= value <= 31:
            return None
        following = index + 1
        if self.key(following) == fold("من") and key in self.language.ordinal_days:
            following += 1
        return value, following

    def span_from(self, index: int) -> tuple[int, int, DateResolution] | None:
        """A span of days: "24 फरवरी से 12 मार्च", "15 से 20 मार्च", "من 24 شباط إلى 12 آذار", "١٥-٢٠ آذار". Both ends
        are read or none: a span is never read as its first or last day."""
        token = self.tokens[index]
        if token.kind == "num" and token.text.isdigit() and not self.dated(index) and self.spans_to(index + 1):
            # "15 से 20 मार्च": the first day takes the second's month and year.
            end = self.at(index + 2)
            if end is None or end[2].granularity != "day" or self.tokens[index + 2].kind != "num":
                return None
            try:
                start_day = end[2].start.replace(day=int(token.text))
            except ValueError:
                return None
            return self.joined(index, end[1], start_day, end[2])
        start = self.at(index)
        if start is None or start[2].granularity != "day" or not self.spans_to(start[1] + 1):
            return None
        end = self.at(start[1] + 2)
        if end is None or end[2].granularity != "day":
            return None
        start_day = start[2].start
        if start_day > end[2].start and start[2].depends_on == "year":
            start_day = start_day.replace(year=start_day.year - 1)  # "25 दिसंबर से 5 जनवरी 2025"
        return self.joined(index, end[1], start_day, end[2])

    def spans_to(self, index: int) -> bool:
        token = self.tokens[index] if index < len(self.tokens) else None
        return token is not None and (token.kind == "dash" or token.key in _SPAN_WORDS)

    def joined(
        self, first: int, last: int, start: dt.date, end: DateResolution
    ) -> tuple[int, int, DateResolution] | None:
        if start > end.start:
            return None
        context = self.context(first, last)
        rule = f"the days from {format_day(start)} to {format_day(end.end)}"
        return first, last, context.resolution((start, end.end), "day", rule, depends_on=end.depends_on)

    def dated(self, index: int) -> bool:
        """Whether a day of a month starts at token `index` ("١٣ آذار", "18 رمضان")."""
        token = self.tokens[index] if index < len(self.tokens) else None
        if token is None or token.kind != "num" or not token.text.isdigit() or not 1 <= int(token.text) <= 31:
            return False
        return any(self.phrase(index + 1, table) for table in (self.language.months, self.language.hijri_months))

    def day_agrees(self, index: int, reading: DateResolution) -> bool:
        """Whether a day number at token `index`, right after a weekday, is the day of a reading of the weekday
        alone; true when no day number follows. A weekday with a day and a month the tables lack is unread."""
        token = self.tokens[index] if index < len(self.tokens) else None
        if token is None or token.kind != "num" or not token.text.isdigit() or not 1 <= int(token.text) <= 31:
            return True
        if self.text[self.tokens[index - 1].end : token.start].strip():
            return True
        return any(option.start.day == int(token.text) for option in reading.readings)

    def modifier(self, key: str) -> str | None:
        if key in self.language.last:
            return "last"
        if key in self.language.next:
            return "next"
        if key in self.language.this:
            return "this"
        return None

    def year(self, index: int) -> int | None:
        token = self.tokens[index] if index < len(self.tokens) else None
        if token is not None and token.kind == "num" and len(token.text) == 4 and token.text.isdigit():
            return int(token.text)
        return None

    def context(self, first: int, last: int) -> _Context:
        start, end = self.tokens[first].start, self.tokens[last].end
        return _context(self.text[start:end], self.published, self.tense(start, end))

    def weekday(self, first: int, last: int, target: int, modifier: str) -> DateResolution:
        """Rules 1 to 3, as resolve._resolve_weekday reads them in English."""
        context = self.context(first, last)
        published = self.published
        name = format_day(published + dt.timedelta(days=(target - published.weekday()) % 7)).split()[0]
        forwards = modifier == "next" or (not modifier and context.tense == "future")
        return weekday_resolution(context, name, target, modifier, forwards)

    def relative_day(self, first: int, last: int, offset: int, other: int | None) -> DateResolution:
        context = self.context(first, last)

        def reading(days: int) -> DateResolution:
            day = self.published + dt.timedelta(days=days)
            rule = f"{describe_relation((day, day), self.published)} ({format_day(self.published)})"
            return context.resolution((day, day), "day", rule)

        alternatives = [reading(other)] if other is not None and context.tense != "future" else []
        main = reading(offset)
        return context.resolution(main.span, "day", main.rule, alternatives=alternatives)


def _found(reader: _Dates) -> Iterator[FoundDate]:
    index = 0
    while index < len(reader.tokens):
        found = reader.span_from(index) or reader.at(index)
        if found is None:
            index += 1
            continue
        first, last, reading = found
        start, end = reader.tokens[first].start, reader.tokens[last].end
        yield FoundDate(reader.text[start:end], start, end, reading)
        index = last + 1


def find_native_dates(text: str, published: dt.date, language: Language) -> tuple[FoundDate, ...]:
    """Every date expression of a Hindi or Arabic text, in order, with what it means."""
    return tuple(_found(_Dates(text, language, published)))
