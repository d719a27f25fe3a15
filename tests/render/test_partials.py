"""`partial` in page templates: a template rendered with its values and the page's language, reused for the same
ones (factsite.render.pages, `_partials`)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from factsite.render.messages import Messages
from factsite.render.pages import template_environment


def _environment(tmp_path: Path, templates: dict[str, str]) -> jinja2.Environment:
    for name, text in templates.items():
        path = tmp_path / "pages" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return template_environment(tmp_path)


def _render(environment: jinja2.Environment, name: str, locale: str, **context: object) -> str:
    globals_ = Messages(locale).template_globals()
    return environment.get_template(name).render(page_locale=locale, **globals_, **context)


def test_a_partial_is_rendered_in_each_page_language(tmp_path: Path) -> None:
    environment = _environment(tmp_path, {"page.html": '{{ partial("_words.html", words="In the article") }}',
                                          "_words.html": "<b>{{ translate(words) }}</b>"})  # fmt: skip
    assert _render(environment, "page.html", "en") == "<b>In the article</b>"
    assert _render(environment, "page.html", "hi_IN") == "<b>लेख में</b>"
    assert _render(environment, "page.html", "ar_EG") == "<b>في المقال</b>"
    assert _render(environment, "page.html", "en_GB") == "<b>In the article</b>"


def test_a_partial_shows_its_own_values(tmp_path: Path) -> None:
    environment = _environment(tmp_path, {"page.html": '{% for v in values %}{{ partial("_v.html", v=v) }}{% endfor %}',
                                          "_v.html": "[{{ v }}]"})  # fmt: skip
    assert _render(environment, "page.html", "en", values=[1, 2, 1, "<i>"]) == "[1][2][1][&lt;i&gt;]"
    assert _render(environment, "page.html", "en", values=[3, 1]) == "[3][1]"


def test_a_partial_of_a_value_without_a_hash_is_rendered_each_time(tmp_path: Path) -> None:
    environment = _environment(tmp_path, {"page.html": '{{ partial("_list.html", items=items) }}',
                                          "_list.html": "{{ items | join(',') }}"})  # fmt: skip
    assert _render(environment, "page.html", "en", items=[1, 2]) == "1,2"
    assert _render(environment, "page.html", "en", items=[3]) == "3"


def test_a_partial_does_not_see_the_page(tmp_path: Path) -> None:
    """What a partial shows cannot depend on the page that shows it: the page's variables and links are not its."""
    environment = _environment(tmp_path, {"page.html": '{{ partial("_link.html") }}',
                                          "_link.html": '<a href="{{ link("sources") }}">{{ title }}</a>'})  # fmt: skip
    with pytest.raises(jinja2.UndefinedError):
        _render(environment, "page.html", "en", link=lambda path: path, title="A page")


def test_values_equal_but_of_other_types_are_told_apart(tmp_path: Path) -> None:
    """Markup and text compare equal when their characters are the same, and so do True and 1: a text from content
    must never get the rendering of the same characters given as trusted markup."""
    from markupsafe import Markup

    environment = _environment(tmp_path, {"page.html": '{% for v in values %}{{ partial("_v.html", v=v) }}{% endfor %}',
                                          "_v.html": "[{{ v }}]"})  # fmt: skip
    shown = _render(environment, "page.html", "en", values=[Markup("<i>x</i>"), "<i>x</i>", True, 1])
    assert shown == "[<i>x</i>][&lt;i&gt;x&lt;/i&gt;][True][1]"
