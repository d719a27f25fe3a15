"""The theme's files a build copies are MkDocs' own list, though the loader no longer walks the folders MkDocs leaves
out (Material's `.icons`: nearly all of its files)."""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from factsite.adapters.mkdocs.internals import quicker_theme_environments

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

    quicker_theme_environments(config.theme, None)
    quicker_theme_environments(config.theme, None)  # a second configuration of the same theme changes nothing more
    assert theme_files(config) == mkdocs_own
    listed = {uri for uri, _ in mkdocs_own}
    assert {"assets/site.css", "a/b/c/d.js", "a.b/c.js"} <= listed
    assert not any(part.startswith(".") for uri in listed for part in uri.split("/"))

    # The listing is shorter where it matters: Material's icons are no longer walked, and templates still load.
    env = config.theme.get_env()
    assert len(env.list_templates()) < 1_000 < len(jinja2.FileSystemLoader(config.theme.dirs).list_templates())
    assert env.get_template("main.html") is not None


class CountingCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, counting the ones compiled and the ones found."""

    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}
        self.found = self.compiled = 0

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.stored:
            self.found += 1
            bucket.bytecode_from_string(self.stored[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled += 1
        self.stored[bucket.key] = bucket.bytecode_to_string()


def test_every_environment_of_the_theme_shares_the_compiled_templates(tmp_path: Path) -> None:
    """Material's search makes an environment for each word it reads in the site's language: the second compiles
    nothing, and renders what the first did."""
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: Test\ntheme:\n  name: material\n  language: de\n", "utf-8")
    config = load_config(str(config_file))

    def word(key: str) -> str:  # as Material's search reads one
        template = config.theme.get_env().get_template("partials/language.html", None, {"config": config})
        return str(template.module.t(key))  # type: ignore[attr-defined]

    plain = word("search.config.lang")
    cache = CountingCache()
    quicker_theme_environments(config.theme, cache)

    first = word("search.config.lang")
    compiled = cache.compiled
    second = word("search.config.lang")
    assert first == second == plain == "de"
    assert compiled >= 1 and cache.compiled == compiled and cache.found >= compiled
