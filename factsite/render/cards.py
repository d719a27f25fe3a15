"""Social cards: the image a link to a claim or an article shows when it is shared.

A card is drawn at build time, offline, with Pillow and the Roboto typeface of the `font-roboto` package
(Latin, Greek and Cyrillic): the claim in one sentence, the verdict as a coloured badge with its label, and the
site's name, in sizes that stay legible on a thumbnail (a card is often shown 400 pixels wide or less). Pillow
was chosen over SVG rasterisers (cairosvg, which Material's social plugin uses) because it needs no system
library and writes a card in a few milliseconds. Cards are PNG files with no date in them: the same claim
gives the same bytes, and the page cache keeps them with the article's pages.

Text in a script the typeface lacks (Devanagari, Arabic...) would be drawn as empty boxes: such a sentence,
or site name, is left off the card, which still shows the verdict and the claim's number.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

import font_roboto  # type: ignore[import-untyped]
from PIL import Image, ImageDraw, ImageFont

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


@functools.cache
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"Roboto-{weight}.ttf"), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _fit(draw: ImageDraw.ImageDraw, text: str, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size from 64 down to 40 pixels at which `text` fits; below that, cut with an ellipsis."""
    for size in range(64, 39, -4):
        font = _font("Bold", size)
        lines = _wrap(draw, text, font, width)
        if len(lines) * size * 1.25 <= height:
            return font, lines
    font = _font("Bold", 40)
    lines = _wrap(draw, text, font, width)
    kept = lines[: int(height // (40 * 1.25))]
    return font, [*kept[:-1], kept[-1].rstrip(".,;:") + " …"]


def drawable(text: str) -> bool:
    """Whether Roboto has every character of `text`: Latin, Greek, Cyrillic, punctuation, currency signs."""
    return all(
        ord(c) < 0x0530 or 0x1E00 <= ord(c) < 0x2070 or 0x20A0 <= ord(c) < 0x20C1 or c in "\u2116\u2122"
        for c in text
    )


def card_png(text: str, verdict_id: str, verdict_label: str, site_name: str, kicker: str = "") -> bytes:
    """A 1200x630 card: the verdict badge, `kicker` (e.g. "Claim 3"), the claim or headline, the site name."""
    return encode_card(draw_card(text, verdict_id, verdict_label, site_name, kicker))


def draw_card(text: str, verdict_id: str, verdict_label: str, site_name: str, kicker: str = "") -> Image.Image:
    """The card of `card_png` as a full-colour image, before `encode_card`."""
    image = _background(verdict_id, verdict_label, site_name).copy()
    draw = ImageDraw.Draw(image)
    x, y = MARGIN, MARGIN - 8
    if kicker:
        label_width = draw.textlength(verdict_label, font=_font("Bold", 52))
        draw.text((x + label_width + 88, y + 42), kicker, font=_font("Medium", 36), fill="#555555", anchor="lm")
    top, bottom = y + 84 + 40, HEIGHT - MARGIN - 56
    if drawable(text):
        font, lines = _fit(draw, " ".join(text.split()), WIDTH - 2 * MARGIN, bottom - top)
        for number, line in enumerate(lines):
            draw.text((x, top + number * font.size * 1.25), line, font=font, fill=INK)
    return image


@functools.lru_cache(maxsize=16)  # a scale has a few verdicts; an image is 2.3 MB
def _background(verdict_id: str, verdict_label: str, site_name: str) -> Image.Image:
    """What the cards of one verdict share, drawn once: the edge, the badge and the site's name. Drawn first
    or last, they cover none of the pixels of the kicker and the sentence (the sentence ends 22 pixels above
    the site name's tallest letter), so a card drawn on a copy is the same, pixel for pixel."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    fg, bg = COLOURS.get(verdict_id, OTHER)
    draw.rectangle((0, 0, 24, HEIGHT), fill=fg)  # the verdict's colour down the edge
    badge_font = _font("Bold", 52)
    x, y = MARGIN, MARGIN - 8
    label_width = draw.textlength(verdict_label, font=badge_font)
    draw.rounded_rectangle((x, y, x + label_width + 56, y + 84), radius=12, fill=bg, outline=fg, width=4)
    draw.text((x + 28, y + 42), verdict_label, font=badge_font, fill=fg, anchor="lm")
    if drawable(site_name):
        draw.text((x, HEIGHT - MARGIN), site_name, font=_font("Medium", 36), fill="#444444", anchor="ls")
    return image


def encode_card(image: Image.Image) -> bytes:
    """A drawn card as PNG bytes: more than half of a card's cost, in code that lets other Python threads run
    meanwhile (Pillow releases Python's lock while it quantizes and compresses), so a card can be encoded
    while the next is drawn."""
    # 64 colours hold the few inks and their anti-aliasing; a palette image is a third of the bytes and
    # encodes twice as fast as a full-colour one.
    output = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(output, "PNG", compress_level=3)
    return output.getvalue()
