"""The factsite plugin's options: the core's declaration (`factsite.settings.OPTIONS`) agrees with the MkDocs
adapter's (`factsite.adapters.mkdocs.config`), and mkdocs.yml is read without MkDocs, its problems located."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.config import base
from mkdocs.config import config_options as c

from factsite.adapters.mkdocs.config import FactsiteConfig
from factsite.load.site_config import PythonName, SiteConfigError, read_site_config
from factsite.render.annotations import ANNOTATIONS_FILE
from factsite.render.feeds import ATOM_FILE, CLAIM_REVIEW_FEED_FILE
from factsite.settings import BUILD_FILES, OPTIONS, Option, read_options
from tests.conftest import copy_demo


def mkdocs_options(config: type[base.Config]) -> dict[str, base.BaseConfigOption]:
    return dict(config._schema)


def describe_mkdocs(option: base.BaseConfigOption) -> tuple[object, ...]:
    """(kind, default, choices, nested) of an option as MkDocs declares it."""
    if isinstance(option, c.Optional):
        return describe_mkdocs(option.option)
    if isinstance(option, c.SubConfig):
        return ("group", None, (), describe_group(option.config_class))
    if isinstance(option, c.ListOfItems):
        return ("list", tuple(option.default or ()), (), describe_mkdocs(option.option_type))
    if isinstance(option, c.Choice):
        return ("choice", option.default, tuple(option.choices), None)
    if isinstance(option, c.Type):
        kind = {str: "text", int: "number", bool: "flag"}[option._type]
        return (kind, option.default, (), None)
    raise AssertionError(f"an option of a kind the core does not declare: {type(option).__name__}")


def describe_group(config: type[base.Config]) -> dict[str, tuple[object, ...]]:
    return {name: describe_mkdocs(option) for name, option in mkdocs_options(config).items()}


def describe_core(option: Option) -> tuple[object, ...]:
    if option.kind == "group":
        return ("group", None, (), {o.name: describe_core(o) for o in option.options})
    if option.kind == "list":
        assert option.item is not None
        return ("list", tuple(option.default), (), describe_core(option.item))  # type: ignore[arg-type]
    return (option.kind, option.default, option.choices, None)


@pytest.mark.parametrize("name", list(mkdocs_options(FactsiteConfig)))
def test_the_core_declares_each_option_as_the_adapter_does(name: str) -> None:
    core = {option.name: option for option in OPTIONS}
    assert name in core, f"option '{name}' is declared for MkDocs only: add it to factsite.settings.OPTIONS"
    assert describe_core(core[name]) == describe_mkdocs(mkdocs_options(FactsiteConfig)[name])


def test_the_core_declares_no_option_the_adapter_lacks() -> None:
    assert [option.name for option in OPTIONS] == list(mkdocs_options(FactsiteConfig))


def test_defaults_match_what_mkdocs_fills_in() -> None:
    config = FactsiteConfig()
    config.load_dict({})
    errors, _ = config.validate()
    assert not errors
    from factsite.adapters.mkdocs.plugin import plain

    assert read_options({}) == (plain(config), [])


def test_check_finds_the_theme_overrides_where_the_adapter_does() -> None:
    from factsite.load.site_config import THEME_OVERRIDES
    from factsite.render.pages import TEMPLATES_DIR

    assert THEME_OVERRIDES == TEMPLATES_DIR / "theme" and THEME_OVERRIDES.is_dir()


def test_the_build_files_named_in_settings_are_those_render_writes() -> None:
    assert {"claims.json", ANNOTATIONS_FILE, ATOM_FILE, CLAIM_REVIEW_FEED_FILE} <= set(BUILD_FILES)


def test_check_and_build_make_the_same_settings(tmp_path: Path) -> None:
    from factsite.adapters.mkdocs.commands import load_site_config

    config_file = copy_demo(tmp_path) / "mkdocs.yml"
    core = read_site_config(config_file)
    mkdocs = load_site_config(str(config_file), strict=False)
    mkdocs.plugins.on_startup(command="build", dirty=False)
    mkdocs = mkdocs.plugins.on_config(mkdocs)
    plugin = mkdocs.plugins["factsite"]
    assert core.settings() == plugin.settings  # so `check` and `build` share the check cache
    assert core.cache_dir == config_file.parent / ".factsite-cache"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, "utf-8")
    (tmp_path / "docs").mkdir(exist_ok=True)
    return path


def test_mkdocs_tags_are_read_without_running_anything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTSITE_TEST_URL", "https://example.org/")
    monkeypatch.delenv("FACTSITE_TEST_UNSET", raising=False)
    config_file = write(
        tmp_path,
        """\
site_name: !ENV [FACTSITE_TEST_UNSET, "a desk"]
site_url: !ENV FACTSITE_TEST_URL
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:os.path.nonexistent_function_never_imported
  - pymdownx.snippets:
      base_path: !relative $config_dir
plugins:
  - factsite:
      locale: en_GB
""",
    )
    config = read_site_config(config_file)
    assert config.site.site_name == "a desk" and config.site.site_url == "https://example.org/"
    emoji = config.markdown_configs["pymdownx.emoji"]["emoji_index"]
    assert emoji == PythonName("os.path.nonexistent_function_never_imported")
    assert Path(config.markdown_configs["pymdownx.snippets"]["base_path"]) == tmp_path.resolve()
    assert config.markdown_extensions[:3] == ("toc", "tables", "fenced_code")
    assert config.settings().locale == "en_GB"


def test_an_object_tag_is_data_not_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    config_file = write(
        tmp_path,
        f"""\
site_name: !!python/object/apply:os.system ["touch {marker}"]
plugins: [factsite]
""",
    )
    read_site_config(config_file)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("      per_page: ten\n", ":5:17: factsite option 'per_page': expected a whole number"),
        ("      search: fast\n", ":5:15: factsite option 'search': 'fast' is not one of 'auto', 'material'"),
        ("      publisher:\n        name: [a]\n", ":6:15: factsite option 'publisher.name': expected text"),
        ("      claimants:\n        - name: A\n          type: robot\n",
         ":7:17: factsite option 'claimants.0.type': 'robot' is not one of 'person', 'organization'"),
    ],
)  # fmt: skip
def test_a_wrong_option_is_located(tmp_path: Path, options: str, expected: str) -> None:
    config_file = write(tmp_path, "site_name: x\ndocs_dir: docs\nplugins:\n  - factsite:\n" + options)
    with pytest.raises(SiteConfigError) as raised:
        read_site_config(config_file)
    assert f"{config_file}{expected}" in str(raised.value)
    assert "(" in str(raised.value)  # with a hint


def test_an_unknown_option_warns_and_stops_under_strict(tmp_path: Path) -> None:
    config_file = write(tmp_path, "site_name: x\nplugins:\n  - factsite:\n      serach: pagefind\n")
    config = read_site_config(config_file)
    assert config.warnings == (f"{config_file}:4:7: factsite option 'serach': unknown option 'serach' "
                               "(did you mean 'search'?)",)  # fmt: skip
    with pytest.raises(SiteConfigError):
        read_site_config(config_file, strict=True)


def test_without_the_plugin_or_the_file(tmp_path: Path) -> None:
    with pytest.raises(SiteConfigError, match="factsite plugin is not enabled"):
        read_site_config(write(tmp_path, "site_name: x\nplugins: [search]\n"))
    with pytest.raises(SiteConfigError, match="no such file"):
        read_site_config(tmp_path / "missing.yml")


def test_inherit_merges_the_parent(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text("site_name: base\nsite_url: https://base.example/\n", "utf-8")
    config_file = write(tmp_path, "INHERIT: base.yml\nsite_name: child\nplugins: [factsite]\n")
    config = read_site_config(config_file)
    assert (config.site.site_name, config.site.site_url) == ("child", "https://base.example/")
    assert os.path.basename(config.site.content_dir) == "docs"


@pytest.mark.parametrize("command", ["check", "links"])
def test_the_commands_report_a_wrong_option_located_without_a_traceback(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factsite.commands.cli import EXIT_USAGE, main

    options = "      per_page: ten\n      social_cards: all\n"
    config_file = write(tmp_path, "site_name: x\nplugins:\n  - factsite:\n" + options)
    assert main([command, "-f", str(config_file)]) == EXIT_USAGE
    error = capsys.readouterr().err
    assert error.splitlines() == [
        f"error: {config_file}:4:17: factsite option 'per_page': expected a whole number, found the text 'ten' "
        "(write a whole number without quotes, e.g. 50)",
        f"error: {config_file}:5:21: factsite option 'social_cards': 'all' is not one of 'claims', 'articles', "
        "'off' (write one of 'claims', 'articles', 'off')",
    ]
