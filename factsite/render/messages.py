"""factsite's own words in a page's language: gettext catalogs read with Babel.

Every string factsite writes on a page (headings, labels, the methodology, page titles) is a msgid of the
`factsite` domain. The catalogs are `factsite/render/locales/<language>/LC_MESSAGES/factsite.po`, made from the
template `factsite/render/locales/factsite.pot` (docs/languages.md, "Translating factsite's pages"). Only the `.po`
files are kept: each is compiled in memory the first time a build needs it (Babel's `read_po` and `write_mo`),
so there is no compiled file to forget to update, and the same `.po` always gives the same strings.

English is the msgids themselves; a language without a catalog shows English.
"""

from __future__ import annotations

import gettext as gettext_module
import io
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations
from markupsafe import Markup

from factsite.languages.script import native_digits

DOMAIN = "factsite"
CATALOGS_DIR = Path(__file__).resolve().parent / "locales"


def N_(message: str) -> str:
    """Marks a string for the catalog without translating it (it is translated where it is shown)."""
    return message


def catalog_path(language: str) -> Path:
    return CATALOGS_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_language(locale: str) -> str | None:
    """The catalog a locale reads: its own ("pt_BR"), else its language's ("ar_EG" -> "ar"), else None."""
    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    for name in (str(parsed), parsed.language):
        if catalog_path(name).is_file():
            return name
    return None


@cache
def translations(locale: str) -> gettext_module.NullTranslations:
    """The compiled catalog for `locale`; English (no translation) when there is none."""
    language = catalog_language(locale)
    if language is None:
        return gettext_module.NullTranslations()
    with catalog_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    # Fuzzy entries are drafts: like msgfmt, they are left out and the English shows.
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@dataclass(frozen=True)
class Messages:
    """The words of one page's language: `gettext`/`ngettext` for Python, `template_globals` for Jinja."""

    locale: str

    @property
    def _translations(self) -> gettext_module.NullTranslations:
        return translations(self.locale)

    def gettext(self, message: str, /, **variables: Any) -> str:
        text = self._translations.gettext(message)
        return text % variables if variables else text

    def ngettext(self, singular: str, plural: str, count: int, /, **variables: Any) -> str:
        text = self._translations.ngettext(singular, plural, count)
        return text % {"num": self.number(count), **variables}

    def markup(self, message: str, /, **variables: Any) -> Markup:
        """`gettext` for HTML: the translation is trusted markup, the variables are escaped into it."""
        return (
            Markup(self._translations.gettext(message)) % variables
            if variables
            else Markup(self._translations.gettext(message))
        )

    def markup_plural(self, singular: str, plural: str, count: int, /, **variables: Any) -> Markup:
        text = Markup(self._translations.ngettext(singular, plural, count))
        return text % {"num": self.number(count), **variables}

    def number(self, value: int) -> str:
        """A count as the page's locale writes it, with its own digits ("٣" in Arabic)."""
        return _number(self.locale, value)

    def template_globals(self) -> dict[str, Any]:
        """`gettext` and `ngettext` as Jinja's i18n extension calls them with `newstyle` gettext: the
        translation is markup-safe, the variables are escaped into it (`%(name)s`), and `num` is the count."""
        return dict(_template_globals(self.locale))


@lru_cache(maxsize=4096, typed=True)  # a page writes a handful of small numbers, the same ones on every page
def _number(locale: str, value: int) -> str:
    return native_digits(format_decimal(value, locale=locale.replace("-", "_")), locale)


@cache
def _template_globals(locale: str) -> dict[str, Any]:
    """`Messages.template_globals`, made once per language: every page body is rendered with them."""
    words = translations(locale)
    # A template's `{% trans %}` without variables gives the same markup on every page: translated once.
    plain: dict[str, Markup] = {}

    def gettext(message: str, /, **variables: Any) -> Markup:
        if variables:
            return Markup(words.gettext(message)) % variables
        found = plain.get(message)
        if found is None:
            found = plain[message] = Markup(words.gettext(message)) % variables
        return found

    def ngettext(singular: str, plural: str, count: int, /, **variables: Any) -> Markup:
        variables.setdefault("num", _number(locale, count))
        return Markup(words.ngettext(singular, plural, count)) % variables

    def translate(message: str) -> str:
        """A msgid held in data (a verdict label, a status): translated, and escaped like any text."""
        return words.gettext(message)

    def number(value: int) -> str:
        return _number(locale, value)

    return {"gettext": gettext, "ngettext": ngettext, "translate": translate, "number": number}
