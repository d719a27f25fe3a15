"""Social cards: an image per claim and per article, of the size Open Graph asks for, announced in the page's
meta, the same bytes for the same claim and other bytes when the verdict changes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, features

from factsite.render.cards import HEIGHT, WIDTH, card_png, face_for
from tests.publish.conftest import BuiltSite, built
from tests.publish.html_reading import read_page
from tests.publish.site_fixture import write_site


def test_every_claim_and_article_has_a_card_of_the_right_size(demo_site: BuiltSite) -> None:
    site = demo_site.site_dir
    pages = [site / f"articles/{c.article.slug}/claims/{c.claim.id}" for c in demo_site.project.claims]
    pages += [site / f"articles/{a.article.slug}" for a in demo_site.project.articles]
    for page in pages:
        with Image.open(page / "card.png") as image:
            assert image.format == "PNG" and image.size == (WIDTH, HEIGHT) == (1200, 630), page
        meta = read_page(page / "index.html").meta
        address = demo_site.project.settings.site_url + str(page.relative_to(site)) + "/card.png"
        assert meta["og:image"] == [address] and meta["twitter:image"] == [address]
        assert meta["twitter:card"] == ["summary_large_image"]
    assert "og:image" not in read_page(site / "sources/index.html").meta


def test_a_card_changes_with_the_verdict_and_only_then(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = built(write_site(tmp_path / "a", jobs_verdict="accurate")).site_dir / "articles/jobs/claims"
    second = built(write_site(tmp_path / "b", jobs_verdict="false")).site_dir / "articles/jobs/claims"
    assert (first / "jobs-grew/card.png").read_bytes() != (second / "jobs-grew/card.png").read_bytes()
    assert (first / "jobs-quote/card.png").read_bytes() == (second / "jobs-quote/card.png").read_bytes()


def test_a_long_claim_is_cut_to_fit_and_the_badge_keeps_its_colour(tmp_path: Path) -> None:
    path = tmp_path / "card.png"
    path.write_bytes(card_png("word " * 400, "false", "False", "Desk", "Claim 1"))
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        assert rgb.size == (WIDTH, HEIGHT)
        # The palette image holds colours to within a few steps.
        assert _near(rgb.getpixel((10, HEIGHT // 2)), (0xA0, 0x15, 0x1B))  # the verdict's colour down the edge
        assert _near(rgb.getpixel((WIDTH - 10, HEIGHT - 10)), (255, 255, 255))  # nothing runs off the card


def _near(pixel: object, colour: tuple[int, int, int]) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= 6 for a, b in zip(pixel, colour, strict=True))


def test_an_archive_may_draw_cards_per_article_only_or_none(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    articles = built(write_site(tmp_path / "a", plugin_options={"social_cards": "articles"})).site_dir
    assert sorted(p.relative_to(articles).as_posix() for p in articles.rglob("card.png")) == ["articles/jobs/card.png"]
    claim = read_page(articles / "articles/jobs/claims/jobs-grew/index.html").meta
    assert claim["og:image"] == ["https://checks.example.org/desk/articles/jobs/card.png"]
    off = built(write_site(tmp_path / "b", plugin_options={"social_cards": "off"})).site_dir
    assert list(off.rglob("card.png")) == []
    assert "og:image" not in read_page(off / "articles/jobs/index.html").meta
    assert read_page(off / "articles/jobs/index.html").meta["twitter:card"] == ["summary"]


def _ink(png: bytes, box: tuple[int, int, int, int]) -> set[int]:
    """The columns of `box` where something darker than the paper is drawn."""

    with Image.open(io.BytesIO(png)) as image:
        grey = image.convert("L").crop(box)
        return {x for x in range(grey.width) for y in range(grey.height) if grey.getpixel((x, y)) < 128}


# Where the sentence is drawn: below the badge, above the site name.
SENTENCE_BOX = (72, 220, WIDTH - 72, 480)


@pytest.mark.skipif(not features.check("raqm"), reason="Pillow without libraqm lays out no Devanagari or Arabic")
def test_hindi_and_arabic_sentences_are_drawn_in_a_typeface_that_has_them() -> None:
    without = card_png("", "false", "False", "factsite demo desk", "Claim 5")
    hindi = card_png("सिंचित क्षेत्र दोगुना हुआ", "false", "गलत", "factsite डेमो डेस्क", "दावा 5")
    arabic = card_png("ارتفع سعر الخبز", "false", "خطأ", "مكتب factsite التجريبي", "الادعاء 5")
    assert _ink(without, SENTENCE_BOX) == set()
    assert face_for("सिंचित क्षेत्र").name == "Shobhika" and face_for("ارتفع سعر").name == "Noto Sans Arabic"
    hindi_ink, arabic_ink = _ink(hindi, SENTENCE_BOX), _ink(arabic, SENTENCE_BOX)
    assert hindi_ink and arabic_ink
    # Left-aligned Hindi starts at the margin; right-to-left Arabic ends at the right margin and leaves the left empty.
    assert min(hindi_ink) < 10 and max(arabic_ink) > SENTENCE_BOX[2] - SENTENCE_BOX[0] - 10 and min(arabic_ink) > 200


def test_text_no_typeface_has_is_left_off_never_drawn_as_boxes() -> None:
    # None of the card's typefaces has Chinese, nor the rupee sign beside Devanagari (Shobhika lacks it).
    without = card_png("", "false", "False", "factsite demo desk", "Claim 5")
    assert card_png("面包价格上涨", "false", "False", "factsite demo desk", "Claim 5") == without
    assert face_for("₹ ५ लाख") is None and face_for("面包") is None
    assert card_png("Prices rose by 12%, or £1.3bn", "false", "False", "factsite demo desk", "Claim 5") != without
