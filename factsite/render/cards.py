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
"""

from __future__ import annotations

import functools
import importlib.util
import io
from dataclasses import dataclass
from pathlib import Path

import font_roboto  # type: ignore[import-untyped]
from PIL import Image, ImageDraw, ImageFont, features

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


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _fit(draw: ImageDraw.ImageDraw, text: str, face: Face, width: int,
         height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:  # fmt: skip
    """The largest size from 64 down to 40 pixels at which `text` fits; below that, cut with an ellipsis."""
    for size in range(64, 39, -4):
        font = _font("Bold", size, face)
        lines = _wrap(draw, text, font, width)
        if len(lines) * size * 1.25 <= height:
            return font, lines
    font = _font("Bold", 40, face)
    lines = _wrap(draw, text, font, width)
    kept = lines[: int(height // (40 * 1.25))]
    return font, [*kept[:-1], kept[-1].rstrip(".,;:،؛।") + " …"]


def drawable(text: str) -> bool:
    """Whether some typeface of the card can draw every character of `text`."""
    return face_for(text) is not None


def _text(draw: ImageDraw.ImageDraw, at: tuple[float, float], text: str, weight: str, size: int, fill: str,
          anchor: str = "la", right: float | None = None) -> float:  # fmt: skip
    """Draw `text` in the face that can, right-aligned at `right` when the face is right to left; its width."""
    face = face_for(text)
    if face is None:
        return 0.0
    font = _font(weight, size, face)
    if face.right_to_left and right is not None:
        draw.text((right, at[1]), text, font=font, fill=fill, anchor="r" + anchor[1], direction="rtl")
    else:
        draw.text(at, text, font=font, fill=fill, anchor=anchor)
    return draw.textlength(text, font=font)


def card_png(text: str, verdict_id: str, verdict_label: str, site_name: str, kicker: str = "") -> bytes:
    """A 1200x630 card: the verdict badge, `kicker` (e.g. "Claim 3"), the claim or headline, the site name."""
    return encode_card(draw_card(text, verdict_id, verdict_label, site_name, kicker))


def draw_card(text: str, verdict_id: str, verdict_label: str, site_name: str, kicker: str = "") -> Image.Image:
    """The card of `card_png` as a full-colour image, before `encode_card`."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    fg, bg = COLOURS.get(verdict_id, OTHER)
    draw.rectangle((0, 0, 24, HEIGHT), fill=fg)  # the verdict's colour down the edge
    x, y = MARGIN, MARGIN - 8
    badge_face = face_for(verdict_label)
    if badge_face is not None:
        badge_font = _font("Bold", 52, badge_face)
        label_width = draw.textlength(verdict_label, font=badge_font)
        draw.rounded_rectangle((x, y, x + label_width + 56, y + 84), radius=12, fill=bg, outline=fg, width=4)
        draw.text((x + 28, y + 42), verdict_label, font=badge_font, fill=fg, anchor="lm")
        x_kicker = x + label_width + 88
    else:
        x_kicker = x
    if kicker:
        _text(draw, (x_kicker, y + 42), kicker, "Medium", 36, "#555555", anchor="lm")
    top, bottom = y + 84 + 40, HEIGHT - MARGIN - 56
    sentence = " ".join(text.split())
    face = face_for(sentence)
    if face is not None:
        font, lines = _fit(draw, sentence, face, WIDTH - 2 * MARGIN, bottom - top)
        for number, line in enumerate(lines):
            if face.right_to_left:
                draw.text((WIDTH - MARGIN, top + number * font.size * 1.25), line, font=font, fill=INK, anchor="ra",
                          direction="rtl")  # fmt: skip
            else:
                draw.text((x, top + number * font.size * 1.25), line, font=font, fill=INK)
    _text(draw, (x, HEIGHT - MARGIN), site_name, "Medium", 36, "#444444", anchor="ls", right=WIDTH - MARGIN)
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
