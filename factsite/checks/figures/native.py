"""Figures in Hindi and Arabic (any language with a data module in `factsite.languages`).

Read here: native digits (Devanagari ०-९, Arabic-Indic ٠-٩, Eastern Arabic-Indic ۰-۹, and the Arabic
separators ٫ ٬), number words and scale words from the language's table ("तीन लाख पचास हज़ार", "ثلاثة ملايين
وخمسمئة ألف"), digits with scale words ("२.५ लाख", "٣ ملايين"), duals and plurals of scale words (ألفان,
ثلاثة آلاف), the Hindi fractional forms (सवा, साढ़े, पौने, डेढ़, ढाई) and Arabic fractions of a scale (نصف
مليون, مليون ونصف), percent words (प्रतिशत, فيصدी, في المئة, ٪), currency words and signs (रुपये, ₹, ريال,
جنيه, درهم), approximate markers before and after the figure (लगभग; "से अधिक"; حوالي; أكثر من), digit ranges
("२०-२५ प्रतिशत") and vague plurals in a mark (लाखों, مئات).

Libraries: number-parser reads Hindi whole numbers in words ("तीन लाख पचास हज़ार"), and our table agrees with
its Hindi data word for word (tests/languages), but it reads none of the fractional forms: "सवा लाख" comes out
as "सवा 100000", the part without the whole, which this check must never do. It has no Arabic parser, and
text2num has neither language. So the words are read here, from the tables, by one reader for every language.

Not read (a mark holding one is "unread", never read by its part): two counts side by side ("दो तीन लाख", two
or three lakh), a fraction word with nothing to count (a lone "सवा"), a plural scale without a count of 3-10,
the accusative "ألفًا" with no count, a number before a word with a scale word's letters that the table
does not hold ("10 ملاييرا": `Language.looks_like_scale`), ranges written in words, multiples ("दोगुना", "ضعف").
"""

from __future__ import annotations

import decimal
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from babel import UnknownLocaleError

from factsite.checks.figures.expression import parse_figure
from factsite.checks.figures.notation import (
    MAX_FIGURE_DIGITS,
    NOTATION_LABELS,
    WIDE_CONTEXT,
    FigureReading,
    number_conventions,
)
from factsite.checks.figures.scan import FoundFigure
from factsite.languages import Language
from factsite.languages.script import WORD, fold, to_ascii_digits

_NATIVE_SEPARATORS = re.compile("[\u066b\u066c]")
_TOKEN = re.compile(rf"(?P<num>[0-9]+(?:[.,][0-9]+)*)|(?P<word>{WORD})|(?P<sign>[%\u066a₹$€£])|(?P<dash>[-\u2013])")


@dataclass(frozen=True)
class Token:
    kind: str  # "num", "word", "sign", "dash"
    text: str  # as written (native digits mapped to ASCII)
    key: str  # folded
    start: int
    end: int


def tokenise(text: str) -> list[Token]:
    mapped = to_ascii_digits(text)
    tokens = []
    for match in _TOKEN.finditer(mapped):
        kind = match.lastgroup or "word"
        tokens.append(Token(kind, match.group(), fold(match.group()), match.start(), match.end()))
    return tokens


def digits_locale(language: Language, locale: str) -> str:
    """The locale whose Latin decimal and group marks the digits of a text in `locale` are read with (CLDR's,
    through Babel): ar_MA writes "1.200,5", ar_EG "1,200.5". A locale of another language, or one Babel does not
    know, reads as the language's READING_LOCALE."""
    normalized = locale.replace("-", "_")
    if normalized.split("_")[0].lower() != language.code:
        return language.reading_locale
    try:
        number_conventions(normalized)
    except (UnknownLocaleError, ValueError, TypeError):
        return language.reading_locale
    return normalized


def _tidy(number: Decimal) -> Decimal:
    return Decimal(int(number)) if number == number.to_integral_value() else number.normalize(WIDE_CONTEXT)


_CELL_GAP = re.compile(r"\t| {2,}|\n")


def _adjacent(text: str, first: Token, second: Token) -> bool:
    return not text[first.end : second.start].strip()


@dataclass(frozen=True)
class _Core:
    """A number read from tokens [first, last]."""

    first: int
    last: int  # inclusive
    value: Decimal
    step: Decimal
    grid: Decimal | None
    in_words: bool


class _Reader:
    def __init__(self, text: str, language: Language, locale: str) -> None:
        self.text = text
        self.language = language
        self.tokens = tokenise(text)
        self.digits_locale = digits_locale(language, locale)

    def read_digits(self, token: Token) -> tuple[FigureReading, ...]:
        """The readings of a digits token, the locale's own first: the Arabic separators ٫ ٬ are a decimal and a
        group mark wherever they are written; the Latin ones read as the article's locale writes Latin digits."""
        if _NATIVE_SEPARATORS.search(self.text, token.start, token.end):
            return parse_figure(token.text, locale=self.language.reading_locale)
        return parse_figure(token.text, locale=self.digits_locale)

    # -- what a token is -------------------------------------------------------------------------------------
    def number_key(self, index: int, *, inside: bool) -> tuple[str, bool] | None:
        """The table key of a number token and whether a conjunction was glued to it; None for others."""
        token = self.tokens[index]
        if token.kind != "word":
            return None
        key = token.key
        if self._known(key):
            return key, False
        for conjunction in self.language.conjunctions:
            if inside and key.startswith(conjunction) and self._known(key[len(conjunction) :]):
                return key[len(conjunction) :], True
        return None

    def _known(self, key: str) -> bool:
        language = self.language
        return any(
            key in table
            for table in (
                language.units, language.hundreds, language.scales, language.plural_scales, language.dual_scales,
                language.fraction_prefixes, language.fraction_counts, language.teen_suffixes,
            )
        )  # fmt: skip

    def is_numberish(self, index: int) -> bool:
        token = self.tokens[index]
        if token.kind == "num":
            return True
        if self.number_key(index, inside=True) is not None:
            return True
        return any(token.key == phrase[0] for phrase in self.language.vague)

    # -- one number --------------------------------------------------------------------------------------------
    def core(self, first: int) -> _Core | None:
        language = self.language
        total, group, group_step = Decimal(0), None, Decimal(1)
        step, grid, last_scale, in_words = Decimal(1), None, None, False
        pending: Decimal | None = None  # a fraction prefix waiting for its count or scale
        spoken = False  # a spoken fraction (सवा, डेढ़, نصف): rounded to the nearest simple fraction
        previous = ""  # what the last token was: "count", "unit", "hundred", "scale", "prefix"
        index, last = first, None
        with decimal.localcontext(WIDE_CONTEXT):
            while index < len(self.tokens):
                token = self.tokens[index]
                if last is not None and not _adjacent(self.text, self.tokens[last], token):
                    break
                if token.kind == "num":
                    if previous and previous not in ("prefix",):
                        break
                    if len(token.text.replace(",", "").replace(".", "")) > MAX_FIGURE_DIGITS:
                        return None
                    readings = self.read_digits(token)
                    if not readings:
                        break
                    value, count_step = readings[0].value, readings[0].precision
                    if pending is not None:
                        value, count_step, pending = value + pending, abs(pending), None
                    group, group_step, previous = value, count_step, "count"
                    step = count_step
                    index, last = index + 1, index
                    continue
                found = self.number_key(index, inside=last is not None)
                if found is None:
                    if last is not None and token.kind == "word" and language.looks_like_scale(token.key):
                        return None  # "10 ملايير" with ملايير unknown: never read as 10
                    break
                key, conjoined = found
                in_words = True
                if key in language.teen_suffixes and previous == "unit" and group is not None and group < 10:
                    group += 10
                    previous, index, last = "count", index + 1, index
                    continue
                if key in language.fractions_after and conjoined and previous == "scale" and last_scale:
                    fraction = language.fractions_after[key]
                    total += fraction * last_scale
                    step, grid, previous = fraction * last_scale, last_scale, "fraction"
                    index, last = index + 1, index
                    # "ثلاثة ملايين ونصف مليون" / "ونصف المليون": the scale may be said again.
                    if index < len(self.tokens) and _adjacent(self.text, self.tokens[last], self.tokens[index]):
                        again = self.tokens[index].key.removeprefix("ال")
                        if language.scales.get(again) == last_scale:
                            index, last = index + 1, index
                    continue
                if key in language.units or key in language.hundreds or key in language.fraction_counts:
                    value = Decimal(
                        language.units.get(key) or language.hundreds.get(key) or 0
                    ) or language.fraction_counts.get(key, Decimal(0))
                    count_step = Decimal("0.5") if key in language.fraction_counts else Decimal(1)
                    spoken = spoken or key in language.fraction_counts
                    if key in language.units and language.units[key] == 0:
                        value = Decimal(0)
                    if pending is not None:
                        value, count_step, pending = value + pending, abs(pending), None
                    if group is None:
                        group, group_step = value, count_step
                    elif conjoined or (previous == "hundred" and value < 100):
                        group += value
                        group_step = min(group_step, count_step)
                    else:
                        break
                    previous = "unit" if key in language.units and value < 10 else "count"
                    if key in language.hundreds:
                        previous = "hundred"
                    step = count_step
                    index, last = index + 1, index
                    continue
                if key in language.fraction_prefixes:
                    if previous or pending is not None:
                        break
                    pending, previous, spoken = language.fraction_prefixes[key], "prefix", True
                    needs_count = key in language.prefix_needs_count
                    index, last = index + 1, index
                    if needs_count:
                        previous = "prefix-count"
                    continue
                scale = language.scales.get(key) or language.plural_scales.get(key) or language.dual_scales.get(key)
                if scale is None:
                    break
                if previous == "prefix-count":
                    break  # "साढ़े लाख": साढ़े needs a count
                if pending is not None and group is None:
                    group, group_step, grid, pending = 1 + pending, abs(pending), Decimal(scale), None
                if key in language.dual_scales:
                    if group is not None:
                        break
                    group, group_step = Decimal(2), Decimal(1)
                elif key in language.plural_scales:
                    if group is None or (previous != "count" and not 3 <= group <= 10) or previous == "":
                        break
                    if group != group.to_integral_value() or (self.tokens[index - 1].kind != "num" and group > 10):
                        break
                elif group is None and key.endswith("ا") and key in language.scales:
                    break  # "ألفًا" counts what comes before it
                if scale == 100:
                    if group is not None and group >= 100:
                        break
                    group = (group if group is not None else Decimal(1)) * 100
                    group_step = group_step * 100
                    step, previous = group_step, "hundred"
                    index, last = index + 1, index
                    continue
                if last_scale is not None and scale > last_scale and previous == "scale" and group is None:
                    # "25 हज़ार करोड़", "5.37 लाख करोड़": a larger scale right after a scale counts in it,
                    # everything said so far (25,000 crore); "ألف مليون" alike.
                    total, step = total * scale, step * scale
                    grid = grid * scale if grid is not None else None
                    last_scale = last_scale * scale
                    index, last = index + 1, index
                    continue
                if last_scale is not None and scale >= last_scale:
                    break
                count = group if group is not None else Decimal(1)
                total += count * scale
                step = group_step * scale
                if grid is None and spoken:
                    grid = Decimal(scale)
                group, group_step, last_scale, previous = None, Decimal(1), Decimal(scale), "scale"
                index, last = index + 1, index
            if last is None or pending is not None or previous in ("prefix", "prefix-count"):
                return None
            if group is not None:
                total += group
                step = group_step
            return _Core(first, last, _tidy(total), _tidy(step), grid, in_words)

    # -- around it: unit, markers ----------------------------------------------------------------------------
    def phrase_at(self, index: int, table: Mapping[tuple[str, ...], object] | frozenset[tuple[str, ...]]) -> int:
        """The number of tokens of the longest phrase of `table` starting at `index` (0 when none)."""
        best = 0
        for phrase in table:
            end = index + len(phrase)
            window = self.tokens[index:end]
            if (
                end <= len(self.tokens)
                and tuple(t.key for t in window) == phrase
                and all(_adjacent(self.text, a, b) for a, b in itertools.pairwise(window))
            ):
                best = max(best, len(phrase))
        return best

    def phrase_before(self, index: int, table: Mapping[tuple[str, ...], object]) -> tuple[int, object] | None:
        """The phrase of `table` ending just before token `index`: (its first token, its value)."""
        for phrase, value in sorted(table.items(), key=lambda item: -len(item[0])):
            first = index - len(phrase)
            if first < 0:
                continue
            if tuple(t.key for t in self.tokens[first:index]) == phrase and _adjacent(
                self.text, self.tokens[index - 1], self.tokens[index]
            ):
                return first, value
        return None

    def unit_after(self, index: int, locale: str) -> tuple[int, str | None]:
        """Tokens of a percent or currency word at `index` and the unit they name."""
        length = self.phrase_at(index, self.language.percent)
        if length:
            return length, "percent"
        length = self.phrase_at(index, self.language.currencies)
        if length:
            key = tuple(t.key for t in self.tokens[index : index + length])
            return length, self.language.currency(self.language.currencies[key], locale)
        return 0, None


@dataclass(frozen=True)
class NativeFigure:
    """A figure read from a Hindi or Arabic text: its tokens' span, value(s), unit, bound and step."""

    start: int
    end: int
    low: Decimal
    high: Decimal
    unit: str | None
    bound: str
    step: Decimal
    grid: Decimal | None
    kind: str
    in_words: bool
    notation: str = "words"  # a key of NOTATION_LABELS: how the digits are written, or "words"


def _figure(reader: _Reader, first: int, locale: str, *, with_markers: bool) -> tuple[NativeFigure, int] | None:
    """The figure starting at token `first` and the index after it, or None."""
    tokens = reader.tokens
    core = reader.core(first)
    if core is None:
        return None
    low = high = core.value
    last, kind, step = core.last, "figure", core.step
    # A digit range: "२०-२५ प्रतिशत", "3-4 लाख" (a scale written once applies to both ends).
    if (
        core.first == last
        and tokens[first].kind == "num"
        and last + 2 < len(tokens)
        and tokens[last + 1].kind == "dash"
        and tokens[last + 2].kind == "num"
    ):
        second = reader.core(last + 2)
        if second is not None:
            high, scale_of_second = second.value, Decimal(1)
            digits = reader.read_digits(tokens[second.first])
            if digits and digits[0].value:
                scale_of_second = second.value / digits[0].value
            low = core.value * scale_of_second
            if low <= high:
                last, kind, step = second.last, "range", min(core.step * scale_of_second, second.step)
            else:
                low = core.value
    unit = None
    start_index = first
    # A currency before the figure: "₹ ५०", "रु. 50".
    if first > 0:
        before = reader.phrase_before(first, reader.language.currencies)
        if before is not None:
            start_index, unit = before[0], reader.language.currency(str(before[1]), locale)
    length, unit_after = reader.unit_after(last + 1, locale) if last + 1 < len(tokens) else (0, None)
    if length and _adjacent(reader.text, tokens[last], tokens[last + 1]):
        if unit is not None and unit_after != unit:
            return None
        unit, last = unit_after, last + length
    bound = "range" if kind == "range" else "exact"
    if with_markers and bound == "exact":
        marker = reader.phrase_before(start_index, reader.language.markers_before)
        if marker is not None:
            start_index, bound = marker[0], str(marker[1])
        elif last + 1 < len(tokens):
            length = reader.phrase_at(last + 1, reader.language.markers_after)
            if length:
                key = tuple(t.key for t in tokens[last + 1 : last + 1 + length])
                bound, last = reader.language.markers_after[key], last + length
    figure_kind = kind if kind == "range" else ("fraction-of-scale" if core.grid is not None else "figure")
    notation = "words"
    if not core.in_words:
        digits = reader.read_digits(tokens[first])
        notation = digits[0].notation if digits else "plain"
    figure = NativeFigure(
        tokens[start_index].start, tokens[last].end, low, high, unit, bound, step, core.grid, figure_kind,
        core.in_words, notation,
    )  # fmt: skip
    return figure, last + 1


def _vague_at(reader: _Reader, index: int) -> tuple[int, tuple[int, int]] | None:
    length = reader.phrase_at(index, reader.language.vague)
    if not length:
        return None
    key = tuple(t.key for t in reader.tokens[index : index + length])
    return length, reader.language.vague[key]


def _is_when(reader: _Reader, figure: NativeFigure, first: int, last: int) -> bool:
    """A year ("२०२३ में") or a day of a month ("१५ मार्च"): when, not what."""
    tokens = reader.tokens
    if first != last - 1 or tokens[first].kind != "num" or figure.unit is not None:
        return False
    text = tokens[first].text
    if len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2099:
        return not _counts_a_noun(reader, first, last)
    if text.isdigit() and 1 <= int(text) <= 31:
        return reader.phrase_at(last, reader.language.months) > 0 or (
            first > 0 and reader.phrase_before(first, reader.language.months) is not None
        )
    return False


def _counts_a_noun(reader: _Reader, first: int, after: int) -> bool:
    """Whether a number written like a year counts the noun right after it ("٢٠٠٠ وحدة سكنية", "2000 पद"): a
    word follows that is no postposition, particle or word of time, and no word of time comes before it
    ("عام ٢٠٢٤", "वर्ष 2024", "2024 में" are years), as in English "2000 troops" against "in 2024"."""
    tokens, language = reader.tokens, reader.language
    if after >= len(tokens) or tokens[after].kind != "word":
        return False
    if reader.text[tokens[after - 1].end : tokens[after].start] not in (" ", "\u00a0"):
        return False  # a line's last number (a dateline's year) counts nothing on the next line
    if first > 0 and reader.phrase_before(first, language.months) is not None:
        return False  # "١٥ أبريل ٢٠٢٥ بلغ": a month before it makes it a year
    following = tokens[after].key
    if len(following) < 2 or following in language.doubled_function_words or _a_word_of_time(language, following):
        return False
    if reader.phrase_at(after, language.months):
        return False
    if first == 0 or tokens[first - 1].kind != "word":
        return True
    before = tokens[first - 1].key
    # "وفي ٢٠٢٣ كان": after a preposition of time ("في", "منذ") it is a year, as English "in 2023" is.
    before_bare = before[1:] if before[:1] in ("و", "ف") and len(before) > 2 else before
    return not (_a_word_of_time(language, before) or before_bare in language.year_prepositions)


def _a_word_of_time(language: Language, key: str) -> bool:
    # "لعام", "بالعام", "العام": a preposition or the article glued in front of the word.
    for prefix in ("", "ال", "ل", "ب", "و", "لل", "بال", "وال"):
        if key.startswith(prefix) and key[len(prefix) :] in language.units_of_time:
            return True
    return key in ("सन", "सन्")


def _is_season(reader: _Reader, index: int) -> bool:
    tokens = reader.tokens[index : index + 3]
    if len(tokens) < 3 or [t.kind for t in tokens] != ["num", "dash", "num"]:
        return False
    year, short = tokens[0].text, tokens[2].text
    return (
        len(year) == 4 and year.isdigit() and 1800 <= int(year) <= 2099 and len(short) == 2 and short.isdigit()
        and (int(year) + 1) % 100 == int(short)
    )  # fmt: skip


def _tangled(reader: _Reader, first: int, after: int) -> bool:
    """Whether the figure runs into another number: "दो तीन लाख", "दो-तीन लाख" (two or three lakh). Numbers in
    digits parted by two spaces or more, a tab or a line break are a table's cells, each a figure: "2025-26   19.84
    23.31"."""
    tokens = reader.tokens

    def joined(left: int, right: int) -> bool:
        if not (0 <= left < right < len(tokens)) or not _adjacent(reader.text, tokens[left], tokens[right]):
            return False
        gap = reader.text[tokens[left].end : tokens[right].start]
        if tokens[left].kind == tokens[right].kind == "num" and _CELL_GAP.search(gap):
            return False
        if tokens[left].kind == "dash":
            return left > 0 and _adjacent(reader.text, tokens[left - 1], tokens[left]) and reader.is_numberish(left - 1)
        if tokens[right].kind == "dash":
            return right + 1 < len(tokens) and reader.is_numberish(right + 1)
        return reader.is_numberish(left) and reader.is_numberish(right)

    return joined(first - 1, first) or joined(after - 1, after)


# The parts a whole is counted in after a number ("एक-तिहाई", "दो तिहाई", "ثلاثة أرباع", "تسعة أعشار"); the
# Arabic singulars (ثلث, ربع, خمس, عشر) are left out, since خمس and عشر are numbers too.
_PARTS = "तिहाई चौथाई तिहाइयों चौथाइयों أثلاث أرباع أخماس أسداس أسباع أثمان أتساع أعشار"
_PART_WORDS = frozenset(map(fold, _PARTS.split()))


def _part_word_after(reader: _Reader, after: int) -> int | None:
    """The index of a part word right after a figure's last token (a hyphen between allowed), if any."""
    tokens = reader.tokens
    index = after + 1 if after < len(tokens) and tokens[after].kind == "dash" else after
    if (
        0 < index < len(tokens)
        and tokens[index].kind == "word"
        and tokens[index].key in _PART_WORDS
        and _adjacent(reader.text, tokens[index - 1], tokens[index])
    ):
        return index
    return None


def _unread_text(reader: _Reader, index: int) -> str:
    """The number token at `index`, with the scale-like word after it that left it unread ("10 ملاييرا")."""
    tokens, token = reader.tokens, reader.tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if (
        following is not None
        and following.kind == "word"
        and _adjacent(reader.text, token, following)
        and reader.number_key(index + 1, inside=True) is None
        and reader.language.looks_like_scale(following.key)
    ):
        return reader.text[token.start : following.end]
    return token.text


@dataclass(frozen=True)
class NativeReading:
    figures: tuple[NativeFigure, ...]
    vague: tuple[tuple[int, int, tuple[int, int]], ...]  # (start, end, (low, high))
    leftover: tuple[str, ...]  # number words or digits outside every figure


def read_native(text: str, language: Language, locale: str, *, in_mark: bool) -> NativeReading:
    """Every figure of a text, and the number tokens no figure explains."""
    reader = _Reader(text, language, locale)
    figures: list[NativeFigure] = []
    vague: list[tuple[int, int, tuple[int, int]]] = []
    leftover: list[str] = []
    index = 0
    while index < len(reader.tokens):
        if in_mark and (found_vague := _vague_at(reader, index)) is not None:
            length, bounds = found_vague
            vague.append((reader.tokens[index].start, reader.tokens[index + length - 1].end, bounds))
            index += length
            continue
        if not reader.is_numberish(index):
            index += 1
            continue
        if _is_season(reader, index):
            index += 3  # "2024-25", a financial year: when, not what
            continue
        found = _figure(reader, index, locale, with_markers=in_mark)
        if found is None:
            leftover.append(_unread_text(reader, index))
            index += 1
            continue
        figure, after = found
        if (part := _part_word_after(reader, after)) is not None:
            # "एक-तिहाई" (one third), "ثلاثة أرباع" (three quarters): a count of parts of a whole, a share this
            # reader does not read; never the count alone.
            leftover.append(text[reader.tokens[index].start : reader.tokens[part].end])
            index = part + 1
            continue
        if _is_when(reader, figure, index, after):
            index = after
            continue
        if _tangled(reader, index, after):
            # "दो तीन लाख" (two or three lakh): a figure run into another number is none of them.
            while after < len(reader.tokens) and reader.is_numberish(after):
                after += 1
            leftover.append(text[reader.tokens[index].start : reader.tokens[after - 1].end])
            index = after
            continue
        figures.append(figure)
        index = after
    return NativeReading(tuple(figures), tuple(vague), tuple(leftover))


def native_source_figures(text: str, language: Language, locale: str) -> tuple[FoundFigure, ...]:
    """The figures of a source written in `language`, for `compare` (offsets into `text`). A source written in
    Latin letters (an English report an ar_MA article cites) writes its digits as English does, not as the
    article's locale: its "1,200" is 1,200, never ar_MA's 1,2; it is read with the language's READING_LOCALE."""
    if _in_latin_letters(text):
        locale = language.reading_locale
    found = []
    for figure in read_native(text, language, locale, in_mark=False).figures:
        if figure.in_words and figure.unit is None and figure.low < 10 and figure.grid is None:
            continue  # "एक", "दो": not figures unless counted in a unit
        notation = figure.notation
        reading = FigureReading(
            value=figure.low, unit=figure.unit, notation=notation, notation_label=NOTATION_LABELS[notation],
            precision=figure.step, numeral_notation=notation,
        )  # fmt: skip
        found.append(FoundFigure(text[figure.start : figure.end], figure.start, figure.end, (reading,)))
    return tuple(found)


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")


def _in_latin_letters(text: str) -> bool:
    """Whether most of a text's letters are Latin ones."""
    return len(_LATIN_LETTER.findall(text)) * 2 > len(_LETTER.findall(text))
