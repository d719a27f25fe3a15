"""Material's interface strings as `partials/language.html` gives them: looked up once per language and key
(`factsite_theme_strings`, factsite/adapters/mkdocs/languages.py), the same text as Material's own macros give
(the language's string, else English's, else the key) in every language, with Material's real templates."""

from __future__ import annotations

from typing import Any

import pytest
from mkdocs.theme import Theme

from factsite.adapters.mkdocs.languages import install_theme_strings
from tests.conftest import REPOSITORY

KEYS = ["language", "direction", "search", "search.result.none", "action.skip", "header", "footer.next",
        "clipboard.copy", "select.version", "no.such.key"]  # fmt: skip
LANGUAGES = ["en", "ar", "hi", "fr", "pt-BR", "zh"]
TEMPLATE = (
    "{% import 'partials/language.html' as lang with context %}{% for key in keys %}[{{ lang.t(key) }}]{% endfor %}"
)


class Config(dict[str, Any]):
    """What the template reads of MkDocs' configuration: `config.theme.language`."""

    def __getattr__(self, name: str) -> Any:
        return self[name]


def strings(language: str, *, looked_up_once: bool, page_language: str | None = None) -> str:
    env = Theme(name="material", custom_dir=str(REPOSITORY / "templates" / "theme")).get_env()
    if looked_up_once:
        install_theme_strings(env)
    page = Config(meta={"factsite_language": page_language} if page_language else {})
    config = Config(theme=Config(language=language))
    template = env.from_string(TEMPLATE)
    return "".join(template.render(keys=KEYS, page=page, config=config) for _ in range(2))


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_reads_as_with_material_macros(language: str) -> None:
    assert strings(language, looked_up_once=True) == strings(language, looked_up_once=False)


def test_a_page_in_another_language_gets_its_own_strings() -> None:
    arabic = strings("en", looked_up_once=True, page_language="ar")
    assert arabic == strings("en", looked_up_once=False, page_language="ar")
    assert arabic != strings("en", looked_up_once=True)
    assert "[rtl]" in arabic and "[no.such.key]" in arabic


def test_pages_in_two_languages_of_one_build_each_get_their_own() -> None:
    env = Theme(name="material", custom_dir=str(REPOSITORY / "templates" / "theme")).get_env()
    install_theme_strings(env)
    config = Config(theme=Config(language="en"))
    template = env.from_string(TEMPLATE)
    pages = [Config(meta={}), Config(meta={"factsite_language": "ar"}), Config(meta={"factsite_language": "hi"})]
    rendered = [template.render(keys=KEYS, page=page, config=config) for page in pages * 2]
    expected = [strings("en", looked_up_once=False, page_language=page.meta.get("factsite_language")) for page in pages]
    assert [text * 2 for text in rendered[:3]] == expected
    assert rendered[3:] == rendered[:3]
