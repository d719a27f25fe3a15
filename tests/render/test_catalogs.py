"""factsite's message catalogs: the template holds exactly the strings the code and templates write, and every
language shipped translates every one of them, keeping its placeholders and markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from factsite.render.messages import CATALOGS_DIR, DOMAIN, Messages, catalog_language, catalog_path, translations
from tests.conftest import REPOSITORY

LANGUAGES = ("hi", "ar")
TEMPLATE = CATALOGS_DIR / f"{DOMAIN}.pot"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
TAG = re.compile(r"<(/?[a-z]+)(?:\s[^>]*)?>")


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale, domain=DOMAIN)


def entries(catalog: Catalog) -> list[tuple[object, ...]]:
    """The msgids of a catalog (plural and context included), without the places, dates and comments extraction
    writes, which vary with Babel's version."""
    return sorted(((msgids(message), message.context or "") for message in catalog if message.id), key=repr)


def forms(message: Message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


def msgids(message: Message) -> tuple[str, ...]:
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def test_the_template_is_up_to_date_with_the_code_and_templates(tmp_path: Path) -> None:
    """The same extraction as scripts/catalogs, compared with the committed template: run scripts/catalogs when
    this fails."""
    extracted = tmp_path / "factsite.pot"
    CommandLineInterface().run([
        "pybabel", "--quiet", "extract", "-F", str(REPOSITORY / "babel.cfg"), "-o", str(extracted),
        "--project=factsite", "--add-comments=Translators:", "--no-wrap", str(REPOSITORY),
    ])  # fmt: skip
    fresh = read(extracted)
    assert len(fresh) > 150
    assert entries(fresh) == entries(read(TEMPLATE))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_msgid_is_translated_with_its_placeholders_and_markup(language: str) -> None:
    template, catalog = read(TEMPLATE), read(catalog_path(language), language)
    assert [m.id for m in catalog if m.id] == [m.id for m in template if m.id], "run scripts/catalogs"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        expected = len(forms(message)) if isinstance(message.id, str) else catalog.num_plurals
        if message.fuzzy or len(forms(message)) != expected or not all(form.strip() for form in forms(message)):
            problems.append(f"{message.id!r}: untranslated, fuzzy or missing a plural form")
            continue
        for form in forms(message):
            for source in msgids(message):
                if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                    problems.append(f"{message.id!r}: placeholders differ in {form!r}")
                # The same elements, each opening tag with its attributes as written (classes, addresses).
                if sorted(TAG.findall(form)) != sorted(TAG.findall(source)) or any(
                    tag not in source for tag in re.findall(r"<[a-z][^>]*>", form)
                ):
                    problems.append(f"{message.id!r}: markup differs in {form!r}")
    assert problems == []
    assert not catalog.obsolete


@pytest.mark.parametrize(("locale", "language"), [("hi_IN", "hi"), ("ar_EG", "ar"), ("ar", "ar"), ("ar_SA", "ar"),
                                                   ("en_US", None), ("fr_FR", None), ("xx_YY", None)])  # fmt: skip
def test_a_locale_reads_its_languages_catalog(locale: str, language: str | None) -> None:
    assert catalog_language(locale) == language


def test_catalogs_are_compiled_in_memory_and_translate() -> None:
    assert translations("ar_EG").gettext("In the article") == "في المقال"
    assert translations("hi_IN").gettext("In the article") == "लेख में"
    assert translations("en_GB").gettext("In the article") == "In the article"
    assert translations("fr").gettext("In the article") == "In the article"  # no catalog: English


def test_plural_forms_and_numbers_follow_the_locale() -> None:
    arabic, hindi, english = Messages("ar_EG"), Messages("hi_IN"), Messages("en_US")
    plural = ("%(num)s fact-checked article", "%(num)s fact-checked articles")
    assert english.ngettext(*plural, 1) == "1 fact-checked article"
    assert english.ngettext(*plural, 1200) == "1,200 fact-checked articles"
    assert hindi.ngettext(*plural, 1) == "1 फ़ैक्ट-चेक किया गया लेख"
    assert hindi.ngettext(*plural, 3) == "3 फ़ैक्ट-चेक किए गए लेख"
    # Arabic has six plural forms, and Egypt writes Arabic-Indic digits.
    assert arabic.ngettext(*plural, 2) == "٢ مقالان مدقَّقان"
    assert arabic.ngettext(*plural, 3) == "٣ مقالات مدقَّقة"
    assert arabic.ngettext(*plural, 11) == "١١ مقالًا مدقَّقًا"
    assert arabic.gettext("Claim %(number)s", number=arabic.number(12)) == "الادعاء ١٢"


def test_template_strings_escape_their_variables_but_not_the_translation() -> None:
    gettext = Messages("ar").template_globals()["gettext"]
    shown = gettext("Every correction is listed on the <a href=\"%(corrections)s\">corrections page</a>, newest "
                    "first.", corrections='x"><script>')  # fmt: skip
    assert '<a href="x&#34;&gt;&lt;script&gt;">' in shown
    assert "صفحة التصحيحات" in shown
