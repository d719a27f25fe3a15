"""Jinja's compiled templates kept between runs (`factsite.render.pages.compiled_templates`): the code Jinja makes
from a template depends on the environment's settings as well as on its source (whether values are escaped, how
blocks trim their lines, which extensions and filters take the context), and the cache is shared by every
environment and project of the user. A template compiled under one environment's settings must never be run by
another's."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from factsite.render.pages import compiled_templates

TEMPLATE = "{% if true %}\nA\n{% endif %}\n{{ x }}|{{ x | shout }}\n"


def plain_shout(value: str) -> str:
    return value.upper()


@jinja2.pass_context
def context_shout(context: jinja2.runtime.Context, value: str) -> str:
    return value.upper() + "!"


SETTINGS = [
    {},
    {"autoescape": True},
    {"trim_blocks": True},
    {"lstrip_blocks": True, "trim_blocks": True},
    {"keep_trailing_newline": True},
    {"extensions": ["jinja2.ext.i18n"]},
    {"finalize": lambda value: f"[{value}]"},
    {"variable_start_string": "{{", "variable_end_string": "}}", "newline_sequence": "\r\n"},
]


@pytest.mark.parametrize("filter_", [plain_shout, context_shout])
def test_each_environment_runs_code_compiled_for_its_own_settings(tmp_path: Path, filter_: object) -> None:
    (tmp_path / "page.html").write_text(TEMPLATE, "utf-8")
    shared = compiled_templates()
    assert shared is not None
    for settings in SETTINGS:
        # Compiled for another environment first (the other filter, no settings), then for these.
        for first in ({}, settings):
            other = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=shared, **first)
            other.filters["shout"] = context_shout if filter_ is plain_shout else plain_shout
            other.get_template("page.html").render(x="<b>")
        cached = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=shared, **settings)
        alone = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), **settings)
        cached.filters["shout"] = alone.filters["shout"] = filter_
        expected = alone.get_template("page.html").render(x="<b>")
        assert cached.get_template("page.html").render(x="<b>") == expected, settings
