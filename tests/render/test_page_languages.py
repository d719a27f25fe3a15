"""Each page of the demo in its own language: the Arabic and Hindi fact-checks in theirs (page language, the
theme's words, factsite's words, dates and numbers), the site-wide pages and the English fact-check in English,
as they were before the catalogs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.adapters.mkdocs.languages import material_language, with_html_direction
from factsite.render.messages import Messages

ARABIC = (
    "articles/ar-daam-alkhubz/", "articles/ar-daam-alkhubz/claims/tasrih-al-wazir/",
    "articles/ar-daam-alkhubz/claims/nisbat-al-usar/", "articles/ar-daam-alkhubz/claims/al-usbu-al-madi/",
)  # fmt: skip
HINDI = ("articles/hi-sinchai-yojana/", "articles/hi-sinchai-yojana/claims/sinchit-kshetra/",
         "articles/hi-sinchai-yojana/claims/pichhle-somvar/")  # fmt: skip
ENGLISH = ("", "sources/", "methodology/", "corrections/", "claimants/", "articles/americans-russia-forced-to-fight/")


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def html_tag(html: str) -> str:
    match = re.search(r"<html[^>]*>", html)
    assert match
    return match.group(0)


@pytest.mark.parametrize("path", ARABIC)
def test_arabic_pages_are_arabic_and_right_to_left(built_demo: Path, path: str) -> None:
    html = page(built_demo, path)
    assert html_tag(html) == '<html lang="ar" dir="rtl" class="no-js">'
    assert '<body dir="rtl"' in html
    assert 'placeholder="بحث"' in html  # Material's own words, from its Arabic partial
    assert ">كل التدقيقات</a>" in html  # factsite's breadcrumb
    assert ">المنهجية</a>" in html  # the footer (a Material override)
    for english in (">All fact-checks<", ">In the article<", ">Sources<", ">Methodology<", "Previous claim"):
        assert english not in html


def test_arabic_claim_page_headings_dates_and_numbers(built_demo: Path) -> None:
    html = page(built_demo, "articles/ar-daam-alkhubz/claims/tasrih-al-wazir/")
    for heading in ("في المقال", "ما وجده التدقيق الآلي", "كما نُشر", "ما يقوله المصدر", "المصادر"):
        assert re.search(rf"<h[234][^>]*>{heading}</h[234]>", html), heading
    assert '<span class="fs-eyebrow">الادعاء ٢</span>' in html
    assert "<title>الادعاء ٢: " in html
    assert "١٨ نوفمبر ٢٠٢٦" in html
    assert '<span class="fs-badge__label">خاطئ</span>' in html


CLAIMS = (
    "articles/ar-daam-alkhubz/claims/adad-al-usar/", "articles/ar-daam-alkhubz/claims/al-taklifa/",
    "articles/ar-daam-alkhubz/claims/al-usbu-al-madi/", "articles/ar-daam-alkhubz/claims/nisbat-al-usar/",
    "articles/ar-daam-alkhubz/claims/tarikh-al-taqrir/", "articles/ar-daam-alkhubz/claims/tasrih-al-wazir/",
    "articles/hi-sinchai-yojana/claims/kisanon-ki-sankhya/", "articles/hi-sinchai-yojana/claims/mantri-ka-bayan/",
    "articles/hi-sinchai-yojana/claims/naye-pump/", "articles/hi-sinchai-yojana/claims/pichhle-somvar/",
    "articles/hi-sinchai-yojana/claims/report-ki-tareekh/", "articles/hi-sinchai-yojana/claims/sinchit-kshetra/",
    "articles/hi-sinchai-yojana/claims/vipaksh-ka-bayan/", "articles/hi-sinchai-yojana/claims/yojana-ka-kharch/",
)  # fmt: skip


def evidence_section(html: str) -> str:
    match = re.search(r'<section class="fs-evidence".*?</section>', html, re.S)
    assert match
    return match.group(0)


@pytest.mark.parametrize("path", CLAIMS)
def test_the_checks_explanations_are_in_the_pages_language(built_demo: Path, path: str) -> None:
    """The check's summary, findings, rules, notations and quantities on a Hindi or Arabic claim page: in its
    language (docs/languages.md, "What stays English" lists what is left), nothing left English."""
    section = evidence_section(page(built_demo, path))
    assert 'lang="en"' not in section
    for text in re.findall(r'<p class="fs-evidence__(?:summary|finding)[^>]*>(.*?)</p>', section):
        words = re.sub(r"<cite>.*?</cite>|“[^”]*”|«[^»]*»", "", text)  # titles and quoted words are the article's
        assert not re.search(r"\b(?:reads|matching|resolves|source|stated|publication|quote|words?)\b", words), text
    for label in re.findall(r"<dd>(.*?)</dd>", section):
        assert not re.search(r"\b(?:the|of|before|after|count|amount|percentage|week|days?)\b", label), label


def test_arabic_check_explanations_with_arabic_digits(built_demo: Path) -> None:
    figure = evidence_section(page(built_demo, "articles/ar-daam-alkhubz/claims/nisbat-al-usar/"))
    assert "يُقرأ «٤٥٪» على أنه ٤٥٪، مبالغ فيه: يذكر <cite>" in figure
    assert "الفرق +٧ نقطة مئوية، أي ١٫١٨ ضعف رقم المصدر." in figure
    assert "<dt>قورن بوصفه</dt><dd>نسبة مئوية</dd>" in figure
    date = evidence_section(page(built_demo, "articles/ar-daam-alkhubz/claims/tarikh-al-taqrir/"))
    assert "«منذ ثلاثة أيام» يعني الأحد ١٥ نوفمبر ٢٠٢٦، أي قبل النشر بـ٣ أيام." in date
    assert "<dd>قبل النشر (الأربعاء ١٨ نوفمبر ٢٠٢٦) بـ٣ أيام: الأحد ١٥ نوفمبر ٢٠٢٦</dd>" in date
    week = evidence_section(page(built_demo, "articles/ar-daam-alkhubz/claims/al-usbu-al-madi/"))
    assert "<dd>أسبوع الاثنين إلى الأحد السابق لأسبوع النشر (الأربعاء ١٨ نوفمبر ٢٠٢٦)</dd>" in week
    quote = evidence_section(page(built_demo, "articles/ar-daam-alkhubz/claims/tasrih-al-wazir/"))
    assert "محرَّف: مقارنةً بـ«بيان وزارة التموين (تجريبي)»، ١ كلمة مغيَّرة." in quote
    assert not re.search("[0-9]", re.sub(r"<[^>]*>|“[^”]*”|«[^»]*»", "", quote))  # every number in Arabic-Indic digits


def test_hindi_check_explanations(built_demo: Path) -> None:
    monday = evidence_section(page(built_demo, "articles/hi-sinchai-yojana/claims/pichhle-somvar/"))
    assert "<dt>नियम</dt><dd>प्रकाशन (बुधवार 18 नवंबर 2026) से पहले का सबसे नज़दीकी सोमवार</dd>" in monday
    assert "(प्रकाशन से 2 दिन पहले) या सोमवार 9 नवंबर 2026 (प्रकाशन से 9 दिन पहले)।" in monday
    assert '<p class="fs-evidence__finding">“पिछले सोमवार” के एक से अधिक अर्थ हो सकते हैं: ' in monday
    farmers = evidence_section(page(built_demo, "articles/hi-sinchai-yojana/claims/kisanon-ki-sankhya/"))
    assert "<dd>किसानों की संख्या</dd>" in farmers
    assert "दावे का बताया गया मान, 3,20,000, मेल खाता है।" in farmers
    edits = evidence_section(page(built_demo, "articles/hi-sinchai-yojana/claims/vipaksh-ka-bayan/"))
    assert "चिह्नित संपादनों के साथ शब्दशः: लोप-चिह्न से दिखाया गया 1 लोप के अलावा" in edits


def test_an_english_claim_page_keeps_the_checks_words(built_demo: Path) -> None:
    html = page(built_demo, "articles/americans-russia-forced-to-fight/")
    assert 'lang="en" dir="ltr"' not in html
    claims = sorted((built_demo / "articles/americans-russia-forced-to-fight/claims").iterdir())
    summaries = [evidence_section(page(built_demo, str(path.relative_to(built_demo)))) for path in claims
                 if "fs-evidence" in page(built_demo, str(path.relative_to(built_demo)))]  # fmt: skip
    assert summaries
    for section in summaries:
        assert 'lang="' not in section.split("fs-side-by-side")[0]
        assert re.search(r"fs-evidence__summary[^>]*>(?:Verbatim|Altered|Spliced|Not found|Minor|Edit|“)", section)


@pytest.mark.parametrize("path", HINDI)
def test_hindi_pages_are_hindi(built_demo: Path, path: str) -> None:
    html = page(built_demo, path)
    assert html_tag(html) == '<html lang="hi" class="no-js">'
    assert '<body dir="ltr"' in html
    assert 'placeholder="खोज"' in html
    assert ">सभी फ़ैक्ट-चेक</a>" in html
    assert ">कार्यप्रणाली</a>" in html
    assert ">All fact-checks<" not in html


def test_hindi_article_headings(built_demo: Path) -> None:
    html = page(built_demo, "articles/hi-sinchai-yojana/")
    for heading in ("हमारा निष्कर्ष", "स्कोरकार्ड", "प्रकाशित लेख, उसके दावे चिह्नित", "स्रोत"):
        assert re.search(rf"<h2[^>]*>{heading}</h2>", html), heading
    assert "<title>फ़ैक्ट-चेक: " in html


@pytest.mark.parametrize("path", ENGLISH)
def test_english_pages_stay_english(built_demo: Path, path: str) -> None:
    html = page(built_demo, path)
    assert html_tag(html) == '<html lang="en" class="no-js">'
    assert 'placeholder="Search"' in html
    assert ">Methodology</a>" in html
    assert 'lang="en" dir="ltr"' not in html  # nothing needs marking on an English page


def test_site_wide_pages_mark_the_titles_of_articles_in_other_languages(built_demo: Path) -> None:
    html = page(built_demo, "")
    assert re.search(r'<a href="articles/ar-daam-alkhubz/" lang="ar-EG" dir="rtl">', html)
    assert re.search(r'<a href="articles/hi-sinchai-yojana/" lang="hi-IN" dir="ltr">', html)
    assert re.search(r'<a href="articles/americans-russia-forced-to-fight/">', html)


def test_not_found_page_in_the_sites_language(built_demo: Path) -> None:
    html = (built_demo / "404.html").read_text("utf-8")
    assert "<h1>Page not found</h1>" in html


def test_material_language_names() -> None:
    import material

    theme = [str(Path(material.__file__).parent / "templates")]
    assert material_language("ar_EG", theme) == "ar"
    assert material_language("hi_IN", theme) == "hi"
    assert material_language("pt_BR", theme) == "pt-BR"
    assert material_language("xx_YY", theme) is None


def test_html_direction() -> None:
    assert with_html_direction('<!doctype html>\n<html lang="ar" class="no-js">', "ar_EG") == (
        '<!doctype html>\n<html lang="ar" dir="rtl" class="no-js">'
    )
    assert with_html_direction('<html lang="en" class="no-js">', "en_US") == '<html lang="en" class="no-js">'
    assert with_html_direction('<html lang="ar" dir="ltr">', "ar") == '<html lang="ar" dir="ltr">'


def test_a_site_in_hindi_writes_its_site_wide_pages_in_hindi_and_english_articles_in_english(
    demo_project: Path,
) -> None:
    config = demo_project / "mkdocs.yml"
    text = config.read_text("utf-8").replace("  language: en\n", "  language: hi\n", 1)
    config.write_text(text.replace("      locale: en_US\n", "      locale: hi_IN\n", 1), "utf-8")
    outcome = build_site(str(config))
    assert outcome.ok
    site = demo_project / "site"
    home, methodology = page(site, ""), page(site, "methodology/")
    assert html_tag(home) == '<html lang="hi" class="no-js">'
    assert "<h1>फ़ैक्ट-चेक</h1>" in home
    assert '<h2 id="choosing">दावे कैसे चुने जाते हैं</h2>' in methodology
    assert '<span class="fs-badge__label">' + Messages("hi_IN").gettext("Accurate") + "</span>" in methodology
    # The English fact-check on the Hindi site: its pages in English, Material's words too.
    english = page(site, "articles/americans-russia-forced-to-fight/")
    assert html_tag(english) == '<html lang="en" class="no-js">'
    assert 'placeholder="Search"' in english and '<h2 id="summary-heading">Our conclusion</h2>' in english
    # The Hindi fact-check is in the site's language: nothing to mark on its title in the list.
    assert re.search(r'<a href="articles/hi-sinchai-yojana/">', home)
