"""Social cards: the image a link to a claim or an article shows when it is shared.

A card is drawn at build time, offline, with Pillow and typefaces installed as Python packages: Roboto
(`font-roboto`: Latin, Greek, Cyrillic), Shobhika (`devanagari-fonts`: Devanagari with Latin) and Noto Sans Arabic
(`justmytype-intl-rtl`): the claim in one sentence, the verdict as a coloured badge with its label, and the
site's name, in sizes that stay legible on a thumbnail (a card is often shown 400 pixels wide or less). Pillow
was chosen over SVG rasterisers (cairosvg, which Material's social plugin uses) because it needs no system
library and writes a card in a few milliseconds. Cards are PNG files with no date in them: the same claim
gives the same bytes, and the page cache keeps them with the article's pages.

Each text (sentence, verdict label, kicker, site name) is drawn in the first typeface whose character map holds
every one of its characters (read with fontTools), so nothing is drawn as empty boxes. Devanagari and Arabic need
complex text layout (conjuncts, joined letters, right to left): Pillow does it with libraqm, and where Pillow has no
libraqm those typefaces are not used. A text no typeface can draw is left off the card, which still shows the rest.

A card is cheap because most of it is drawn once (issue 20: cards were the largest cost of a build, 12-15 ms each):
it is drawn straight in palette indices, with each text's anti-aliasing mapped onto shades of its ink, so there is
no full-colour image to quantize; the frame (bar, badge, site name) is drawn once per verdict, label and site, the
rows of the kicker once per claim number, each word of a sentence once per size; and the PNG is written here, with
the rows cards share deflated once, so that a card deflates only the rows its sentence inks. `draw_card` draws a
card whole, the reference the tests hold the pieces to: the same pixels, and the same bytes whatever was drawn
before.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import struct
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import font_roboto  # type: ignore[import-untyped]
from PIL import Image, ImageColor, ImageDraw, ImageFont, features

WIDTH, HEIGHT = 1200, 630  # Open Graph's recommended size; Twitter's summary_large_image takes it as it is
MARGIN = 72
CARD_FILE = "card.png"
FONTS = Path(font_roboto.__file__).parent / "files"
# Verdict colours of the light scheme (templates/theme/assets/stylesheets/factsite.css): text on tint, 4.5:1 or more.
COLOURS = {
    "accurate": ("#1b5e20", "#e3f2e5"),
    "mostly-accurate": ("#2e5a12", "#eef5e1"),
    "misleading": ("#7a4100", "#fff0d6"),
    "unsupported": ("#4a4a4a", "#ececec"),
    "false": ("#a0151b", "#fde8e8"),
    "correction": ("#2c3f8f", "#e8ecfb"),
    "unreviewed": ("#555555", "#f2f2f2"),
}
OTHER = ("#333333", "#eeeeee")  # a verdict of a site's own scale
INK, PAPER = "#1a1a1a", "#ffffff"


def card_path(page_path: str) -> str:
    """Where the card of the page at `page_path` (site-relative, a directory) is."""
    return f"{page_path}/{CARD_FILE}" if page_path else CARD_FILE


WEIGHTS = {"Regular": 400, "Medium": 500, "Bold": 700}


@dataclass(frozen=True)
class Face:
    """A typeface: its files by weight (one variable file serves every weight), and whether it needs complex layout."""

    name: str
    files: tuple[tuple[str, Path], ...]  # (weight, file); weight "" for a variable font's single file
    complex_layout: bool = False
    right_to_left: bool = False

    def file(self, weight: str) -> Path:
        found = dict(self.files)
        return found.get(weight) or found.get("") or found.get("Regular") or self.files[0][1]


def _package_folder(name: str) -> Path:
    """Where an installed package's files are, found without running its code (one of them loads a font registry)."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.submodule_search_locations, f"{name} is a dependency of factsite"
    return Path(next(iter(spec.submodule_search_locations)))


_SHOBHIKA = _package_folder("devanagari_fonts") / "fonts" / "Shobhika-1.05"
_NOTO_ARABIC = _package_folder("justmytype_intl_rtl") / "fonts" / "ofl" / "notosansarabic"
# In order of preference: the first face that holds every character of a text draws it.
FACES = (
    Face("Roboto", tuple((weight, FONTS / f"Roboto-{weight}.ttf") for weight in WEIGHTS)),
    Face(
        "Shobhika",
        (("Regular", _SHOBHIKA / "Shobhika-Regular.otf"), ("Bold", _SHOBHIKA / "Shobhika-Bold.otf")),
        complex_layout=True,
    ),
    Face("Noto Sans Arabic", (("", _NOTO_ARABIC / "NotoSansArabic[wdth,wght].ttf"),), True, True),
)


@functools.cache
def _characters(path: Path) -> frozenset[int]:
    # Imported here: fontTools takes 0.09 s to import, which a build that draws no card should not pay.
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    with TTFont(str(path), lazy=True) as font:
        # Only the character codes are wanted, not the glyphs' names: numbered names stop fontTools from building the
        # real ones (from the CFF table or the character map itself), most of the time this takes (0.03 s of 0.04).
        font.setGlyphOrder([f"glyph{number}" for number in range(font["maxp"].numGlyphs)])
        return frozenset(font.getBestCmap())


def face_for(text: str) -> Face | None:
    """The first face that can draw every character of `text` (spaces aside), or None."""
    wanted = {ord(c) for c in text if not c.isspace()}
    for face in FACES:
        if face.complex_layout and not features.check("raqm"):
            continue
        if all(wanted <= _characters(path) for _, path in face.files):
            return face
    return None


@functools.cache
def _font(weight: str, size: int, face: Face = FACES[0]) -> ImageFont.FreeTypeFont:
    path = face.file(weight)
    font = ImageFont.truetype(str(path), size)
    if "[" in path.name:  # a variable font: its axes are set for the weight (and the normal width)
        axes = font.get_variation_axes()
        font.set_variation_by_axes([float(WEIGHTS[weight] if axis["name"] == b"Weight" else axis["default"] or 0)
                                    for axis in axes])  # fmt: skip
    return font


SIZES = range(64, 39, -4)  # the sentence's sizes in pixels, the largest that fits first
LINE_HEIGHT = 1.25


@functools.lru_cache(maxsize=65536)
def _advance(word: str, face: Face) -> float:
    """The advance of a word (or a space) of the sentence at 64 pixels, kept: a site's claims share most of their
    words. The advances libraqm gives scale with the size (at 40 to 60 pixels a word is this times size / 64 to
    within 0.05 pixel, measured in all three faces), so one measure serves every size tried."""
    return _font("Bold", SIZES[0], face).getlength(word)


def _wrap(words: list[str], size: int, face: Face, width: int) -> list[str]:
    """Lines of at most `width` pixels, filled in turn. A line is as long as its words and spaces: shaping (joined
    letters, conjuncts) never reaches across a space, and kerning against a space moves a word a pixel or two."""
    room = width * SIZES[0] / size  # in the measure of `_advance`
    space = _advance(" ", face)
    lines: list[str] = []
    used = 0.0
    for word in words:
        length = _advance(word, face)
        if lines and used + space + length <= room:
            lines[-1] += " " + word
            used += space + length
        else:
            lines.append(word)
            used = length
    return lines


def _fit(text: str, face: Face, width: int, height: int) -> tuple[int, list[str]]:
    """The largest size from 64 down to 40 pixels at which `text` fits; below that, cut with an ellipsis."""
    words = text.split()
    for size in SIZES:
        lines = _wrap(words, size, face, width)
        if len(lines) * size * LINE_HEIGHT <= height:
            return size, lines
    size = SIZES[-1]
    kept = _wrap(words, size, face, width)[: int(height // (size * LINE_HEIGHT))]
    return size, [*kept[:-1], kept[-1].rstrip(".,;:،؛।") + " …"]


# A card is a palette image drawn straight in palette indices: paper, the verdict's two colours, and for each ink
# of text LEVELS shades over what is under it (its anti-aliasing). Text is drawn as ink coverage (an L image) and
# each coverage value mapped to its shade: no full-colour image, nothing to quantize.
PAPER_INDEX, FG_INDEX, BG_INDEX = 0, 1, 2  # paper is 0: the PNG's filter byte before each row is 0 as well
LEVELS = 16  # 16 shades of an ink look as smooth as FreeType's 256 at these sizes, and keep the PNG small
KICKER_INK, SITE_INK = "#555555", "#444444"
BAR = 24  # the verdict's colour down the left edge: columns 0 to 24
BADGE_TOP = MARGIN - 8
TOP, BOTTOM = BADGE_TOP + 84 + 40, HEIGHT - MARGIN - 56  # the rows the sentence may take
# Coverage below half a shade draws nothing.
COVERED = tuple(255 if (coverage * LEVELS + 127) // 255 else 0 for coverage in range(256))


@dataclass(frozen=True)
class Palette:
    colours: bytes  # the PNG's PLTE: red, green, blue of each index
    shades: dict[str, tuple[int, ...]]  # for each ink (sentence, kicker, site, label): coverage 0-255 -> index


@functools.lru_cache(maxsize=64)
def _palette(fg: str, bg: str) -> Palette:
    colours: list[tuple[int, ...]] = [ImageColor.getrgb(colour)[:3] for colour in (PAPER, fg, bg)]
    shades = {}
    for ink, colour, under in (("sentence", INK, PAPER_INDEX), ("kicker", KICKER_INK, PAPER_INDEX),
                               ("site", SITE_INK, PAPER_INDEX), ("label", fg, BG_INDEX)):  # fmt: skip
        first, rgb = len(colours), ImageColor.getrgb(colour)
        colours += [tuple(round(a + (b - a) * level / LEVELS) for a, b in zip(colours[under], rgb, strict=True))
                    for level in range(1, LEVELS + 1)]  # fmt: skip
        levels = ((coverage * LEVELS + 127) // 255 for coverage in range(256))
        shades[ink] = tuple(first + level - 1 if level else under for level in levels)
    return Palette(bytes(value for colour in colours for value in colour), shades)


def _paint(canvas: Image.Image, cover: Image.Image, shades: tuple[int, ...], at: tuple[int, int] = (0, 0)) -> None:
    """Ink where `cover` (coverage of the canvas's rows and columns from `at`) says, in the ink's shades over what
    is there."""
    canvas.paste(cover.point(shades), at, cover.point(COVERED))


# Room around a text's box in its cover: the box is the layout's, and a glyph may reach a pixel beyond it.
COVER_MARGIN = 4


@dataclass(frozen=True)
class Cover:
    """A text's coverage over part of the card: `image` with its top left corner at `at` on the card."""

    image: Image.Image
    at: tuple[int, int]
    box: tuple[float, float, float, float]  # the text's box on the card

    def ink_rows(self) -> tuple[int, int]:
        box = self.image.getbbox()
        return (box[1] + self.at[1], box[3] + self.at[1]) if box else (HEIGHT, 0)


def _cover(at: tuple[float, float], text: str, weight: str, size: int, anchor: str, right: float | None = None,
           rows: int = HEIGHT) -> Cover | None:  # fmt: skip
    """The coverage of `text` within the card's first `rows` rows, in the face that can draw it, right-aligned at
    `right` when the face is right to left; None when no face can draw it. The coverage spans the text's box (and
    a margin), not the card: a label, a site name or a kicker covers about a hundredth of it, and mapping and
    pasting a whole card's coverage took more than half of the time of drawing one (bench/README.md, tenth
    round)."""
    face = face_for(text)
    if face is None:
        return None
    font = _font(weight, size, face)
    direction = None
    if face.right_to_left and right is not None:
        at, anchor, direction = (right, at[1]), "r" + anchor[1], "rtl"
    box = ImageDraw.Draw(Image.new("L", (0, 0))).textbbox(at, text, font=font, anchor=anchor, direction=direction)
    # The cover's corner, in whole pixels at or before the text's origin: the text is drawn at the same fraction of
    # a pixel as on the whole card, so its glyphs are the same, and clipped at the card's edges as they were.
    left = max(0, min(math.floor(at[0]), math.floor(box[0])) - COVER_MARGIN)
    top = max(0, min(math.floor(at[1]), math.floor(box[1])) - COVER_MARGIN)
    right_edge = min(WIDTH, math.ceil(box[2]) + COVER_MARGIN)
    bottom = min(rows, math.ceil(box[3]) + COVER_MARGIN)
    cover = Image.new("L", (max(0, right_edge - left), max(0, bottom - top)))
    ImageDraw.Draw(cover).text((at[0] - left, at[1] - top), text, font=font, fill=255, anchor=anchor,
                               direction=direction)  # fmt: skip
    return Cover(cover, (left, top), box)


@dataclass(frozen=True)
class Frame:
    """What every card of a verdict, label and site shares: paper, bar, badge, site name (the kicker and the
    sentence are drawn on a copy), and the rows below the sentence's band, deflated once."""

    palette: Palette
    canvas: Image.Image  # mode L, holding palette indices
    kicker_at: float
    band: tuple[int, int]  # rows holding nothing but paper and the bar: the sentence's, when its ink stays there
    tail: Piece  # the rows from band[1] down, ending the stream


@functools.lru_cache(maxsize=32)
def frame(verdict_id: str, verdict_label: str, site_name: str) -> Frame:
    """The frame of every card of this verdict, label and site (kept: a site has a few verdicts and one name)."""
    fg, bg = COLOURS.get(verdict_id, OTHER)
    palette = _palette(fg, bg)
    canvas = Image.new("L", (WIDTH, HEIGHT), PAPER_INDEX)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, BAR, HEIGHT), fill=FG_INDEX)
    x, y = MARGIN, BADGE_TOP
    band_top, kicker_at = y + 84 + 1, float(x)
    badge_face = face_for(verdict_label)
    if badge_face is not None:
        label_width = _font("Bold", 52, badge_face).getlength(verdict_label)
        draw.rounded_rectangle((x, y, x + label_width + 56, y + 84), radius=12, fill=BG_INDEX, outline=FG_INDEX,
                               width=4)  # fmt: skip
        label = _cover((x + 28, y + 42), verdict_label, "Bold", 52, "lm")
        assert label is not None
        _paint(canvas, label.image, palette.shades["label"], label.at)
        band_top = max(band_top, label.ink_rows()[1])
        kicker_at = x + label_width + 88
    band_bottom = HEIGHT
    site = _cover((x, HEIGHT - MARGIN), site_name, "Medium", 36, "ls", right=WIDTH - MARGIN)
    if site is not None:
        _paint(canvas, site.image, palette.shades["site"], site.at)
        band_bottom = min(band_bottom, site.ink_rows()[0])
    tail = _piece(_scanlines(canvas.crop((0, band_bottom, WIDTH, HEIGHT))), final=True)
    return Frame(palette, canvas, kicker_at, (band_top, band_bottom), tail)


def _with_kicker(shared: Frame, kicker: str, rows: int = HEIGHT) -> tuple[Image.Image, float]:
    """The first `rows` rows of the frame's canvas with the kicker; the bottom of the kicker's box."""
    canvas = shared.canvas.crop((0, 0, WIDTH, rows))
    drawn = _cover((shared.kicker_at, BADGE_TOP + 42), kicker, "Medium", 36, "lm", rows=rows) if kicker else None
    if drawn is None:
        return canvas, 0
    _paint(canvas, drawn.image, shared.palette.shades["kicker"], drawn.at)
    return canvas, drawn.box[3]


@functools.lru_cache(maxsize=512)
def _head(verdict_id: str, verdict_label: str, site_name: str, kicker: str) -> Piece | None:
    """The rows above a frame's band with the kicker drawn: the same for every claim of that number. None when the
    kicker reaches into the band."""
    shared = frame(verdict_id, verdict_label, site_name)
    canvas, below = _with_kicker(shared, kicker, rows=shared.band[0])
    if below > shared.band[0]:
        return None
    return _piece(_scanlines(canvas))


@dataclass(frozen=True)
class Sentence:
    face: Face
    size: int
    lines: tuple[str, ...]


def _sentence(text: str) -> Sentence | None:
    sentence = " ".join(text.split())
    face = face_for(sentence)
    if face is None:
        return None
    size, lines = _fit(sentence, face, WIDTH - 2 * MARGIN, BOTTOM - TOP)
    return Sentence(face, size, tuple(lines))


@functools.lru_cache(maxsize=4096)
def _word(word: str, size: int, face: Face) -> tuple[Any, int, int]:
    """A word's coverage (Pillow's own glyph mask) and where it starts from the word's origin (left, at the
    ascender): drawn once, as a site's claims share most of their words and drawing glyphs is most of a card's
    cost."""
    direction = "rtl" if face.right_to_left else None
    mask, (left, top) = _font("Bold", size, face).getmask2(word, "L", direction=direction, anchor="la")
    return mask, left, top


def _left_to_right(text: str) -> bool:
    return any(unicodedata.bidirectional(character) == "L" for character in text)


Box = tuple[int, int, int, int]  # left, top, right, bottom


def _sentence_cover(sentence: Sentence, box: Box) -> tuple[Image.Image, Box]:
    """The sentence's coverage over `box` of the card (left, top, right, bottom), and the box of its ink on the
    card. Words are drawn once (`_word`) and set a space apart; a right-to-left line that holds left-to-right
    words is drawn whole, as the bidirectional algorithm orders those words left to right."""
    left, top = box[0], box[1]
    cover = Image.new("L", (box[2] - left, box[3] - top))
    face, size = sentence.face, sentence.size
    font = _font("Bold", size, face)
    scale = size / SIZES[0]
    space = _advance(" ", face) * scale
    draw = ImageDraw.Draw(cover)
    ink: list[float] = [WIDTH, HEIGHT, 0, 0]

    def inked(box: tuple[float, float, float, float]) -> None:
        ink[:] = [min(ink[0], box[0]), min(ink[1], box[1]), max(ink[2], box[2]), max(ink[3], box[3])]

    for number, line in enumerate(sentence.lines):
        y = TOP + number * size * LINE_HEIGHT
        if face.right_to_left and _left_to_right(line):
            at = (WIDTH - MARGIN, y)
            inked(draw.textbbox(at, line, font=font, anchor="ra", direction="rtl"))
            draw.text((at[0] - left, y - top), line, font=font, fill=255, anchor="ra", direction="rtl")
            continue
        x: float = WIDTH - MARGIN if face.right_to_left else MARGIN
        for word in line.split(" "):
            advance = _advance(word, face) * scale
            if face.right_to_left:
                x -= advance
            glyphs, dx, dy = _word(word, size, face)
            at = (round(x + dx), round(y + dy))
            inked((*at, at[0] + glyphs.size[0], at[1] + glyphs.size[1]))
            # What ImageDraw.text does with the mask it gets from the font: coverage added as ink over the cover.
            draw.draw.draw_bitmap((at[0] - left, at[1] - top), glyphs, 255)
            x += -space if face.right_to_left else advance + space
    return cover, (int(ink[0]), int(ink[1]), int(ink[2]), int(ink[3]))


def card_png(text: str, verdict_id: str, verdict_label: str, site_name: str, kicker: str = "") -> bytes:
    """A 1200x630 card: the verdict badge, `kicker` (e.g. "Claim 3"), the claim or headline, the site name.

    The PNG's rows above the sentence (frame and kicker), below it (the site name) and the blank rows between are
    deflated once for all the cards that share them: a card deflates only the rows its sentence inks."""
    shared = frame(verdict_id, verdict_label, site_name)
    top, bottom = shared.band
    head = _head(verdict_id, verdict_label, site_name, kicker) if top < bottom else None
    sentence = _sentence(text)
    cover, ink = None, (BAR + 1, bottom, BAR + 1, bottom)  # no ink: every row of the band blank
    if head is not None and sentence is not None and sentence.lines:
        # A column before the card's first: the filter byte of each scanline.
        cover, ink = _sentence_cover(sentence, (-1, top, WIDTH, bottom))
    if head is None or ink[0] <= BAR or ink[1] < top or ink[3] > bottom:  # ink outside the band: drawn whole
        return _encoded_whole(*_whole(text, verdict_id, verdict_label, site_name, kicker))
    pieces = [head, _blank(ink[1] - top)]
    if cover is not None:
        rows = cover.crop((0, ink[1] - top, WIDTH + 1, ink[3] - top)).point(shared.palette.shades["sentence"])
        ImageDraw.Draw(rows).rectangle((1, 0, 1 + BAR, rows.height), fill=FG_INDEX)
        pieces.append(_piece(rows.tobytes()))
    pieces += [_blank(bottom - ink[3]), shared.tail]
    return _png(shared.palette.colours, _stream(pieces))


def draw_card(text: str, verdict_id: str, verdict_label: str, site_name: str, kicker: str = "") -> Image.Image:
    """The card of `card_png` drawn whole, as a palette image: what `card_png` gives for a card whose ink leaves
    the rows it expects, and the reference its shortcuts are tested against."""
    canvas, palette = _whole(text, verdict_id, verdict_label, site_name, kicker)
    image = Image.frombytes("P", canvas.size, canvas.tobytes())
    image.putpalette(palette.colours)
    return image


def _whole(text: str, verdict_id: str, verdict_label: str, site_name: str, kicker: str) -> tuple[Image.Image, Palette]:
    """A card drawn whole, in palette indices (an L image), and its palette."""
    shared = frame(verdict_id, verdict_label, site_name)
    canvas, _ = _with_kicker(shared, kicker)
    sentence = _sentence(text)
    if sentence is not None:
        cover, _ = _sentence_cover(sentence, (0, 0, WIDTH, HEIGHT))
        _paint(canvas, cover, shared.palette.shades["sentence"])
    return canvas, shared.palette


def _encoded_whole(canvas: Image.Image, palette: Palette) -> bytes:
    return _png(palette.colours, _stream([_piece(_scanlines(canvas), final=True)]))


# The PNG is written here rather than by Pillow so that rows many cards share are deflated once (Pillow deflates
# all 756,000 bytes of every card, 2 ms): the rows above the sentence, those below it, and the empty rows between.
# Pieces each deflated from an empty history make one valid stream, as none refers to anything before it.
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ZLIB_HEADER = b"\x78\x01"  # deflate, 32 KiB window
DEFLATE_LEVEL = 3  # 0.1 ms a card more than level 1 for 15% fewer bytes; level 4 takes 0.5 ms more
ADLER_BASE = 65521


@dataclass(frozen=True)
class Piece:
    """Scanlines deflated on their own, their Adler-32 checksum and their length: pieces are joined in a stream."""

    deflated: bytes
    checksum: int
    length: int


def _piece(rows: bytes, final: bool = False) -> Piece:
    compressor = zlib.compressobj(DEFLATE_LEVEL, zlib.DEFLATED, -15)  # raw deflate: no header, no checksum
    deflated = compressor.compress(rows) + compressor.flush(zlib.Z_FINISH if final else zlib.Z_SYNC_FLUSH)
    return Piece(deflated, zlib.adler32(rows), len(rows))


@functools.lru_cache(maxsize=1024)
def _blank(count: int) -> Piece:
    """`count` rows of the band with no ink: the bar and paper, in the same palette indices on every card."""
    row = bytes((0, *(FG_INDEX,) * (BAR + 1), *(PAPER_INDEX,) * (WIDTH - BAR - 1)))
    return _piece(row * count)


def _stream(pieces: list[Piece]) -> bytes:
    """A zlib stream of the pieces in turn, the last one final; its checksum is the pieces' checksums combined
    (as zlib's adler32_combine does: a byte's weight in the second sum is the number of bytes from it on)."""
    low, high = 1, 0
    for piece in pieces:
        low_piece, high_piece = piece.checksum & 0xFFFF, piece.checksum >> 16
        high = (high + high_piece + piece.length * (low - 1)) % ADLER_BASE
        low = (low + low_piece - 1) % ADLER_BASE
    body = b"".join(piece.deflated for piece in pieces)
    return ZLIB_HEADER + body + ((high << 16) | low).to_bytes(4, "big")


def _scanlines(image: Image.Image) -> bytes:
    """An L image of palette indices as PNG scanlines: each row after a filter byte 0 (no filter)."""
    rows = Image.new("L", (image.width + 1, image.height))
    rows.paste(image, (1, 0))
    return rows.tobytes()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(palette: bytes, stream: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 3, 0, 0, 0)  # 8-bit palette indices, not interlaced
    return b"".join((PNG_SIGNATURE, _chunk(b"IHDR", header), _chunk(b"PLTE", palette), _chunk(b"IDAT", stream),
                     _chunk(b"IEND", b"")))  # fmt: skip
