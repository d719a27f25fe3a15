"""Social cards drawn in pieces: the frame, the kicker's rows and the words are drawn once and kept, the PNG's
shared rows deflated once; a card must still be the card drawn whole, byte for byte the same whatever was drawn
before it, with right-to-left sentences ending at the right margin."""

from __future__ import annotations

import io
import itertools
import zlib

import pytest
from PIL import Image, ImageDraw, features

from factsite.render import cards
from factsite.render.cards import HEIGHT, MARGIN, WIDTH, card_png, draw_card

needs_raqm = pytest.mark.skipif(not features.check("raqm"), reason="Pillow without libraqm lays out no Hindi or Arabic")

LATIN = (
    "The embassy said its ability to assist U.S. citizens is severely limited and transport options may "
    "suddenly become more limited.",
    "false",
    "False",
    "factsite demo desk",
    "Claim 20",
)
HINDI = ("विपक्ष के नेता ने कहा कि योजना का पैसा आधे ज़िलों तक भी नहीं पहुँचा।", "false", "ग़लत", "factsite डेमो डेस्क", "दावा 8")
ARABIC = (
    "قال الوزير إن الدعم سيصل إلى كل الأسر المستحقة قبل نهاية العام.",
    "accurate",
    "صحيح",
    "مكتب factsite التجريبي",
    "الادعاء ٢",
)
MIXED = ("قال الوزير إن U.S. Embassy أصدرت التحذير", "misleading", "مضلل", "مكتب factsite التجريبي", "الادعاء ٣")
CASES = [
    LATIN,
    ("word " * 400, "false", "False", "Desk", "Claim 1"),  # cut with an ellipsis
    ("", "own-verdict", "Own verdict", "Desk", ""),  # no sentence, no kicker, a verdict of the site's own scale
    ("面包价格上涨", "false", "False", "Desk", "Claim 5"),  # no typeface has it: left off
    ("Prices rose by 12%, or £1.3bn, in the year to March", "unreviewed", "Unreviewed", "", "Claim 2"),  # no site name
]
CASES_RAQM = [HINDI, ARABIC, MIXED]


def _clear_caches() -> None:
    for cached in (cards.frame, cards._head, cards._word, cards._advance, cards._blank, cards._palette):
        cached.cache_clear()


def _decoded(png: bytes) -> Image.Image:
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        return image.copy()


def _same_card(png: bytes, drawn: Image.Image) -> None:
    card = _decoded(png)
    assert card.mode == drawn.mode == "P" and card.size == drawn.size == (WIDTH, HEIGHT)
    assert card.tobytes() == drawn.tobytes()
    assert card.convert("RGB").tobytes() == drawn.convert("RGB").tobytes()


def _all_cases() -> list[tuple[str, str, str, str, str]]:
    return CASES + (CASES_RAQM if features.check("raqm") else [])


def test_a_card_in_pieces_is_the_card_drawn_whole() -> None:
    for case in _all_cases():
        _same_card(card_png(*case), draw_card(*case))


def test_the_png_stream_is_whole_and_its_checksum_right() -> None:
    # The IDAT stream joins pieces deflated apart; zlib checks the combined Adler-32 as it inflates.
    for case in _all_cases():
        png = card_png(*case)
        start = png.index(b"IDAT")
        length = int.from_bytes(png[start - 4 : start], "big")
        rows = zlib.decompress(png[start + 4 : start + 4 + length])
        assert len(rows) == (WIDTH + 1) * HEIGHT
        assert set(rows[:: WIDTH + 1]) == {0}  # every row unfiltered
        assert zlib.crc32(png[start : start + 4 + length]) == int.from_bytes(png[start + 4 + length :][:4], "big")


def test_the_same_card_gives_the_same_bytes_whatever_was_drawn_before() -> None:
    _clear_caches()
    first = [card_png(*case) for case in _all_cases()]
    # Other cards fill the caches of frames, kickers, words and widths in another order.
    for number in range(30):
        card_png(f"{number}: the embassy said the word limited", "accurate", "Accurate", "Desk", f"Claim {number}")
    assert [card_png(*case) for case in reversed(_all_cases())] == first[::-1]
    _clear_caches()
    assert [card_png(*case) for case in _all_cases()] == first


def test_a_card_whose_ink_leaves_the_sentences_rows_is_drawn_whole() -> None:
    # A stack of combining marks reaches far above the line: the card is drawn whole, marks and all.
    tall = ("The mark a" + "\u0301" * 40 + " stands tall", "false", "False", "Desk", "Claim 1")
    png = card_png(*tall)
    _same_card(png, draw_card(*tall))
    assert b"IDAT" in png


def _ink_columns(image: Image.Image, box: tuple[int, int, int, int]) -> list[int]:
    """The card's columns in `box` where something darker than mid-grey is drawn."""
    grey = image.convert("L").crop(box)
    return [box[0] + x for x in range(grey.width) if grey.crop((x, 0, x + 1, grey.height)).getextrema()[0] < 128]


SENTENCE_ROWS = (30, 188, WIDTH, 270)  # the sentence's first line, right of the verdict's bar


def test_a_line_set_word_by_word_matches_the_line_drawn_whole() -> None:
    font = cards._font("Bold", 64)
    line = "Putin accused the West of bluffing."
    assert cards._sentence(line) == cards.Sentence(cards.FACES[0], 64, (line,))
    reference = Image.new("L", (WIDTH, HEIGHT), 255)
    ImageDraw.Draw(reference).text((MARGIN, 188), line, font=font, fill=0)
    expected = _ink_columns(reference, SENTENCE_ROWS)
    drawn = _ink_columns(_decoded(card_png(line, "false", "False", "Desk", "Claim 1")), SENTENCE_ROWS)
    assert drawn[0] == expected[0] == MARGIN + 4  # the P's stem, 4 pixels into its advance
    assert abs(drawn[-1] - expected[-1]) <= 2  # kerning against a space is all that differs
    assert len(drawn) == pytest.approx(len(expected), abs=8)


@needs_raqm
def test_right_to_left_sentences_end_at_the_right_margin_first_word_rightmost() -> None:
    # The first word is long and the second short: read right to left, the long one comes first.
    card = _decoded(card_png("المستحقة كل", "false", "خطأ", "Desk", "Claim 1"))
    columns = _ink_columns(card, SENTENCE_ROWS)
    assert WIDTH - MARGIN - 8 <= columns[-1] <= WIDTH - MARGIN and columns[0] > WIDTH // 2  # a side bearing short
    gaps = [(b - a, a, b) for a, b in itertools.pairwise(columns) if b - a > 8]
    _, left_end, right_start = max(gaps)  # the space between the two words
    assert columns[-1] - right_start > left_end - columns[0]


@needs_raqm
def test_latin_words_in_a_right_to_left_line_keep_their_own_order() -> None:
    # "U.S. Embassy" reads left to right inside the Arabic line: the line is laid out whole, as Pillow does.
    sentence = cards._sentence(MIXED[0])
    assert sentence is not None and "U.S. Embassy" in sentence.lines[0]
    font = cards._font("Bold", sentence.size, sentence.face)
    reference = Image.new("L", (WIDTH, HEIGHT), 255)
    line = sentence.lines[0]
    ImageDraw.Draw(reference).text((WIDTH - MARGIN, 188), line, font=font, fill=0, anchor="ra", direction="rtl")
    drawn, expected = _ink_columns(_decoded(card_png(*MIXED)), SENTENCE_ROWS), _ink_columns(reference, SENTENCE_ROWS)
    # The same columns, but for a few edge pixels near mid-grey, which the card's 16 shades round either way.
    assert abs(drawn[0] - expected[0]) <= 1 and abs(drawn[-1] - expected[-1]) <= 1
    assert len(set(drawn) ^ set(expected)) <= 6


def test_a_sentence_never_runs_past_the_right_margin() -> None:
    words = ["accountability", "infrastructure", "the", "of", "municipal", "a", "referendum", "and", "To", "W"]
    for number in range(40):
        text = " ".join(words[(number * 7 + step * 3) % len(words)] for step in range(6 + number))
        columns = _ink_columns(_decoded(card_png(text, "false", "False", "Desk", "Claim 1")), (30, 188, WIDTH, 500))
        assert columns and columns[0] >= MARGIN and columns[-1] <= WIDTH - MARGIN + 2, text


def test_text_is_anti_aliased_in_shades_of_its_ink() -> None:
    card = _decoded(card_png(*LATIN)).convert("RGB")
    sentence = {card.getpixel((x, y)) for x in range(MARGIN, WIDTH - MARGIN) for y in range(188, 230)}
    assert (0x1A, 0x1A, 0x1A) in sentence and (255, 255, 255) in sentence
    shades = {pixel for pixel in sentence if pixel not in {(0x1A, 0x1A, 0x1A), (255, 255, 255)}}
    assert len(shades) >= cards.LEVELS - 2 and all(len(set(pixel)) == 1 for pixel in shades)  # greys between
    label = {card.getpixel((x, y)) for x in range(100, 190) for y in range(80, 130)}
    assert len(label) >= cards.LEVELS  # the label's red over the badge's tint, in between shades
