"""The theme's files a build copies are MkDocs' own list, though the loader no longer walks the folders MkDocs leaves
out (Material's `.icons`: nearly all of its files)."""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from factsite.adapters.mkdocs.internals import list_theme_files_quickly

# A custom_dir with hidden folders and files at every depth, beside files a build copies.
CUSTOM_FILES = (
    "assets/site.css",
    "assets/.hidden.css",
    "assets/.cache/old.css",
    ".well-known/security.txt",
    ".icons/custom/x.svg",
    "a/b/.c/d.js",
    "a/b/c/d.js",
    ".top.js",
    "a.b/c.js",
    "main.html",
)


def theme_files(config) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return [(file.src_uri, file.abs_src_path) for file in files]


def test_the_theme_files_listed_are_mkdocs_own(tmp_path: Path) -> None:
    for name in CUSTOM_FILES:
        (tmp_path / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "overrides" / name).write_text("x", "utf-8")
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: Test\ntheme:\n  name: material\n  custom_dir: overrides\n", "utf-8")
    config = load_config(str(config_file))
    mkdocs_own = theme_files(config)

    list_theme_files_quickly(config.theme)
    list_theme_files_quickly(config.theme)  # a second configuration of the same theme changes nothing more
    assert theme_files(config) == mkdocs_own
    listed = {uri for uri, _ in mkdocs_own}
    assert {"assets/site.css", "a/b/c/d.js", "a.b/c.js"} <= listed
    assert not any(part.startswith(".") for uri in listed for part in uri.split("/"))

    # The listing is shorter where it matters: Material's icons are no longer walked, and templates still load.
    env = config.theme.get_env()
    assert len(env.list_templates()) < 1_000 < len(jinja2.FileSystemLoader(config.theme.dirs).list_templates())
    assert env.get_template("main.html") is not None
