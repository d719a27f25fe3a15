"""The theme in each page's language: Material's interface and factsite's own theme overrides.

A generated page says its locale in its front matter (`factsite_locale`); a page whose language is not the
site's also names the Material language to show it in (`factsite_language`), which `templates/theme/partials/
language.html` (our override of Material's) imports instead of `theme.language`. Material then writes the
page's `<html lang>`, its interface strings and the direction of `<body>`; `<html dir>` is added here. The
strings of factsite's overrides (`main.html`, the footer, `404.html`) come from factsite's catalogs through
`gettext` and `ngettext` globals that read the page's locale from the template's context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jinja2

from factsite.render.messages import Messages
from factsite.render.views import html_lang, same_language, text_direction

META_LOCALE = "factsite_locale"
META_LANGUAGE = "factsite_language"


def material_language(locale: str, theme_dirs: Sequence[str]) -> str | None:
    """Material's name for the language of `locale` ("pt_BR" -> "pt-BR", "ar_EG" -> "ar") when the theme
    has its strings, else None."""
    tag = html_lang(locale)
    for name in dict.fromkeys((tag, tag.split("-")[0])):
        if any(Path(directory, "partials", "languages", f"{name}.html").is_file() for directory in theme_dirs):
            return name
    return None


def page_meta(locale: str, site_locale: str, theme_dirs: Sequence[str]) -> dict[str, str]:
    """The front matter that puts a generated page in `locale`: the Material language only where it is not
    the site's (pages in the site's language keep `theme.language`, and their HTML as it was)."""
    meta = {META_LOCALE: locale}
    if not same_language(locale, site_locale):
        language = material_language(locale, theme_dirs)
        if language is not None:
            meta[META_LANGUAGE] = language
    return meta


def page_locale(page: Any, site_locale: str) -> str:
    meta = getattr(page, "meta", None) or {}
    return str(meta.get(META_LOCALE) or site_locale)


def install_page_gettext(env: jinja2.Environment, site_locale: str) -> None:
    """`_()`, `gettext` and `ngettext` in the theme's templates, in the language of the page being rendered."""
    env.add_extension("jinja2.ext.i18n")

    def messages(context: jinja2.runtime.Context) -> Messages:
        return Messages(page_locale(context.get("page"), site_locale))

    @jinja2.pass_context
    def gettext(context: jinja2.runtime.Context, message: str, /, **variables: Any) -> str:
        return messages(context).gettext(message, **variables)

    @jinja2.pass_context
    def ngettext(context: jinja2.runtime.Context, singular: str, plural: str, count: int, /,
                 **variables: Any) -> str:  # fmt: skip
        return messages(context).ngettext(singular, plural, count, **variables)

    env.globals.update(gettext=gettext, ngettext=ngettext, factsite_translate=gettext)


class ThemeStrings:
    """The `factsite_theme_strings` template global: `partials/language.html` gives Material's templates `lang.t`
    from it. A language's strings are Material's macro's (the language's string, else English's, else the key),
    each looked up once: the macro writes out the language's whole table of strings on every call, a dozen
    times a page."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.languages: dict[str, Callable[[str], str]] = {}

    def __call__(self, language: str) -> Callable[[str], str]:
        strings = self.languages.get(language)
        if strings is None:
            strings = self.languages[language] = self._strings(str(language))
        return strings

    def _strings(self, language: str) -> Callable[[str], str]:
        own = self.env.get_template(f"partials/languages/{language}.html").module
        fallback = self.env.get_template("partials/languages/en.html").module
        found: dict[str, str] = {}

        def t(key: str) -> str:
            text = found.get(key)
            if text is None:
                text = found[key] = str(own.t(key) or fallback.t(key) or key)  # type: ignore[attr-defined]
            return text

        return t


def install_theme_strings(env: jinja2.Environment) -> None:
    env.globals["factsite_theme_strings"] = ThemeStrings(env)


def with_html_direction(output: str, locale: str) -> str:
    """The page with `dir="rtl"` on its `<html>` when its language is written right to left (Material sets it
    on `<body>` only); pages written left to right are left as they are, that being the default."""
    if text_direction(locale) != "rtl":
        return output
    start = output.find("<html ")
    end = output.find(">", start)
    if start < 0 or end < 0 or " dir=" in output[start:end]:
        return output
    lang = output.find(' lang="', start, end)
    at = output.find('"', lang + len(' lang="'), end) + 1 if lang >= 0 else start + len("<html")
    return output[:at] + ' dir="rtl"' + output[at:]
