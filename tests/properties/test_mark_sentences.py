"""A mark's sentence is the same whether the text's sentence ends are found once for all its marks
(`locate_marks`) or scanned again before each mark (`locate_mark` alone)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factsite.load.anchor import SENTENCE_REACH, MarkSpan, SentenceEnds, locate_mark, locate_marks
from factsite.model import Location

# What SENTENCE_END turns on: sentence marks, closing quotes and brackets, spaces and line breaks, capitals.
PIECES = st.sampled_from(
    [".", "!", "?", '"', "\u201d", "\u2019", ")", "(", "\u201c", "\u2018", " ", "  ", "\n", "\n\n", "A", "Word",
     "word", "0", "x", ". ", ".\n", '." ', "?) "]
)  # fmt: skip


def _span(claim_id: str) -> MarkSpan:
    return MarkSpan(claim_id, 1, 0, 0, 0, 0, f"[words]{{#{claim_id}}}", Location("a.md", 1, 1))


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join), st.data())
def test_sentence_ends_found_once_place_every_mark_as_a_scan_before_it(text: str, data: st.DataObject) -> None:
    bounds = st.integers(0, len(text))
    offsets = {}
    for number in range(data.draw(st.integers(1, 4))):
        start = data.draw(bounds)
        offsets[f"c{number}"] = (start, data.draw(st.integers(start, len(text))))
    spans = [_span(claim_id) for claim_id in offsets]
    expected = tuple(locate_mark(span, text, offsets[span.claim_id]) for span in spans)
    assert locate_marks(spans, text, offsets) == expected


def test_a_match_across_the_mark_is_scanned_again() -> None:
    # Scanned up to two characters past the mark, ".  " ends before it; the whole text's match runs on
    # into the mark's own spaces.
    text = "One.  Two"
    assert SentenceEnds(text).last_before(5) is None
    assert locate_marks([_span("c")], text, {"c": (5, 9)}) == (locate_mark(_span("c"), text, (5, 9)),)


def test_a_sentence_longer_than_the_reach_starts_within_reach() -> None:
    text = "First. " + "word " * (SENTENCE_REACH // 5 + 10) + "Mark here"
    start = text.index("Mark")
    [mark] = locate_marks([_span("c")], text, {"c": (start, start + 4)})
    assert mark == locate_mark(_span("c"), text, (start, start + 4))
    assert not mark.sentence.startswith("First") and len(mark.sentence) <= SENTENCE_REACH + len("Mark here")
