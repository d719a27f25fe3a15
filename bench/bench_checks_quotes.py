"""Throughput of the quote check: compare_quote against 1,000 to 100,000-word transcripts.

Run `python bench/bench_checks_quotes.py`; it generates its own transcript-like text and quotes
drawn from it (seeded, so runs compare): verbatim stretches, altered ones, splices of two far
sentences and invented sentences in the same vocabulary. It prints quotes per second and
milliseconds per quote for each size (best of several repeats), the time spent indexing the
source, how often verbatim and altered quotes are placed on their own words, how many splices and
invented quotes are recognised as such, and a difflib sliding-window baseline measured in the
same run on the smaller sizes.
"""

from __future__ import annotations

import difflib
import random
import re
from dataclasses import dataclass

from timing import best_time

from factsite.checks.quotes import QuoteClass, compare_quote
from factsite.checks.quotes.words import index_source
from factsite.model import Location, Source

SIZES = (1_000, 10_000, 100_000)
BASELINE_SIZES = (1_000, 10_000)
QUOTES = 40
_FUNCTION_WORD_LIST = """
    the of and to a in that is was it for on as with by we our this be are have not but at from
    they will all which has been their who would there an its were more can also
"""
FUNCTION_WORDS = _FUNCTION_WORD_LIST.split()
_SYLLABLE_LIST = "ba be ci do fa ge hi jo ka le mi no pa qui ra se ti vo wa xe yo zu tran sport"
SYLLABLES = _SYLLABLE_LIST.split()
WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Quote:
    kind: str  # "verbatim" | "altered" | "spliced" | "invented"
    text: str
    # Where a verbatim or altered quote's words stand in the source.
    start: int = -1
    end: int = -1


class Transcript:
    """Paragraphs of sentences over a Zipf-distributed vocabulary, like a long speech."""

    def __init__(self, words: int, seed: int) -> None:
        self.rng = random.Random(seed)
        content = sorted({"".join(self.rng.choices(SYLLABLES, k=self.rng.randint(2, 4))) for _ in range(9_000)})
        self.vocabulary = FUNCTION_WORDS + content
        # Function words first, so they are the most frequent; rank-1/n frequencies after them.
        self.weights = [1 / (rank + 1) for rank in range(len(self.vocabulary))]
        paragraphs: list[str] = []
        self.sentences: list[str] = []
        count = 0
        while count < words:
            paragraph = [self.sentence() for _ in range(self.rng.randint(2, 7))]
            self.sentences.extend(paragraph)
            paragraphs.append(" ".join(paragraph))
            count += sum(len(sentence.split()) for sentence in paragraph)
        self.text = "\n\n".join(paragraphs) + "\n"
        self.words = list(WORD.finditer(self.text))

    def sentence(self) -> str:
        words = self.rng.choices(self.vocabulary, self.weights, k=self.rng.randint(8, 28))
        if self.rng.random() < 0.5:
            words[self.rng.randrange(2, len(words))] += ","
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def quotes(self, count: int) -> list[Quote]:
        kinds = self.rng.choices(["verbatim", "altered", "spliced", "invented"], [50, 20, 15, 15], k=count)
        return [getattr(self, f"_{kind}")() for kind in kinds]

    def _stretch(self) -> tuple[int, int]:
        length = self.rng.randint(8, 40)
        first = self.rng.randrange(len(self.words) - length)
        return first, first + length

    def _verbatim(self) -> Quote:
        first, last = self._stretch()
        start, end = self.words[first].start(), self.words[last - 1].end()
        return Quote("verbatim", self.text[start:end], start, end)

    def _altered(self) -> Quote:
        """A stretch with one word changed and one dropped."""
        first, last = self._stretch()
        words = [match.group() for match in self.words[first:last]]
        words[self.rng.randrange(len(words))] = self.rng.choice(self.vocabulary[60:])
        del words[self.rng.randrange(len(words))]
        start, end = self.words[first].start(), self.words[last - 1].end()
        return Quote("altered", " ".join(words), start, end)

    def _spliced(self) -> Quote:
        first = self.rng.randrange(len(self.sentences) // 2)
        second = self.rng.randrange(len(self.sentences) // 2, len(self.sentences))
        return Quote("spliced", f"{self.sentences[first]} {self.sentences[second]}")

    def _invented(self) -> Quote:
        return Quote("invented", self.sentence())


def placed_right(transcript: Transcript, quotes: list[Quote], spans: list[tuple[int, int]], kind: str) -> str:
    """How many quotes of a kind were placed on their own words: a verbatim quote where it stands
    (or at a repeat of the same words), an altered one over most of its stretch."""
    placed = [(q, span) for q, span in zip(quotes, spans, strict=True) if q.kind == kind]
    right = 0
    for quote, (start, end) in placed:
        overlap = min(end, quote.end) - max(start, quote.start)
        repeat = kind == "verbatim" and transcript.text[start:].startswith(quote.text)
        right += overlap > (quote.end - quote.start) / 2 or repeat
    return f"{right}/{len(placed)}"


def measure_quote_check(transcript: Transcript, quotes: list[Quote], repeats: int) -> dict[str, str]:
    source = Source("transcript", "Transcript", "", "", Location("bench"), text=transcript.text)

    def run() -> list[QuoteClass]:
        return [compare_quote(quote.text, [source]).classification for quote in quotes]

    seconds = best_time(run, repeats)
    indexing = best_time(lambda: index_source(transcript.text), repeats)
    spans = []
    for quote in quotes:
        best = compare_quote(quote.text, [source]).best
        passages = best.passages if best else ()
        spans.append((passages[0].start, passages[-1].end) if passages else (-1, -1))
    classes = run()

    def share(kind: str, expected: QuoteClass) -> str:
        found = [c for q, c in zip(quotes, classes, strict=True) if q.kind == kind]
        return f"{sum(c is expected for c in found)}/{len(found)}"

    return {
        "quotes/s": f"{len(quotes) / seconds:,.0f}",
        "ms/quote": f"{1000 * seconds / len(quotes):.1f}",
        "indexing ms": f"{1000 * indexing:.1f}",
        "verbatim placed": placed_right(transcript, quotes, spans, "verbatim"),
        "altered placed": placed_right(transcript, quotes, spans, "altered"),
        "splices seen": share("spliced", QuoteClass.SPLICED),
        "inventions": share("invented", QuoteClass.NOT_FOUND),
        "seconds": str(seconds),
    }


def locate_with_difflib(quote: str, source_words: list[str]) -> int:
    """The baseline: the window of the quote's length with the best difflib ratio, word by word.

    Same lowercased words as the check compares; real_quick_ratio and quick_ratio skip hopeless
    windows as difflib.get_close_matches does.
    """
    wanted = [word.lower() for word in WORD.findall(quote)]
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    best_ratio, best_start = -1.0, 0
    for start in range(max(1, len(source_words) - len(wanted) + 1)):
        matcher.set_seq1(source_words[start : start + len(wanted)])
        if matcher.real_quick_ratio() > best_ratio and matcher.quick_ratio() > best_ratio:
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best_ratio, best_start = ratio, start
    return best_start


def measure_baseline(transcript: Transcript, quotes: list[Quote]) -> dict[str, str]:
    source_words = [match.group().lower() for match in transcript.words]
    spans: list[tuple[int, int]] = []

    def run() -> None:
        spans.clear()
        for quote in quotes:
            first = locate_with_difflib(quote.text, source_words)
            last = min(len(transcript.words), first + len(WORD.findall(quote.text))) - 1
            spans.append((transcript.words[first].start(), transcript.words[last].end()))

    seconds = best_time(run, 1)
    return {
        "quotes/s": f"{len(quotes) / seconds:,.1f}",
        "ms/quote": f"{1000 * seconds / len(quotes):.1f}",
        "verbatim placed": placed_right(transcript, quotes, spans, "verbatim"),
        "altered placed": placed_right(transcript, quotes, spans, "altered"),
        "seconds": str(seconds),
    }


def print_table(title: str, rows: list[tuple[str, dict[str, str]]], columns: list[str]) -> None:
    print(title)
    print(f"  {'words':>9}" + "".join(f"{column:>16}" for column in columns))
    for label, figures in rows:
        print(f"  {label:>9}" + "".join(f"{figures[column]:>16}" for column in columns))
    print()


def main() -> None:
    ours: list[tuple[str, dict[str, str]]] = []
    baseline: list[tuple[str, dict[str, str]]] = []
    for size in SIZES:
        transcript = Transcript(size, seed=size)
        quotes = transcript.quotes(QUOTES)
        figures = measure_quote_check(transcript, quotes, repeats=3 if size >= 100_000 else 5)
        ours.append((f"{size:,}", figures))
        if size in BASELINE_SIZES:
            sample = quotes if size < 10_000 else quotes[:10]
            sampled = measure_quote_check(transcript, sample, repeats=3)
            reference = measure_baseline(transcript, sample)
            reference["slower by"] = f"{float(reference['seconds']) / float(sampled['seconds']):.0f}x"
            baseline.append((f"{size:,}", reference))
    print_table(
        f"Quote check, compare_quote, {QUOTES} quotes per size (50% verbatim, 20% altered, 15% spliced, 15% invented):",
        ours,
        [
            "quotes/s",
            "ms/quote",
            "indexing ms",
            "verbatim placed",
            "altered placed",
            "splices seen",
            "inventions",
        ],
    )
    print_table(
        "difflib sliding window over the same words (the first 10 quotes at 10,000 words):",
        baseline,
        ["quotes/s", "ms/quote", "verbatim placed", "altered placed", "slower by"],
    )


if __name__ == "__main__":
    main()
