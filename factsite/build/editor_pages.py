"""The editors' own pages (Markdown in the docs directory besides the fact-checks): the problems `build` refuses
in them (images from other hosts, the theme's ids), found without an engine, so that `check` reports them too.

They are rendered with the site's Markdown extensions, as the engine renders them; an extension option given as
`!!python/name:` in mkdocs.yml is imported here, where the site's Markdown runs, and nowhere else.
"""

from __future__ import annotations

import re

import yaml

from factsite.load.site_config import SiteConfig
from factsite.load.text_files import MAX_FILE_BYTES
from factsite.model import Problem
from factsite.render.page_safety import page_problems
from factsite.render.sanitise import sanitise_html

# Directories of the docs directory that hold fact-check sources, not pages.
CONTENT_DIRS = ("articles/", "sources/")

# Front matter as MkDocs reads it (`mkdocs.utils.meta`): YAML between `---` lines, else MultiMarkdown's `key: value`.
_YAML_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")


def editor_page_problems(config: SiteConfig) -> list[Problem]:
    """Every editor page's problems, each located in its file."""
    renderer = config.site_markdown()
    docs = config.site.content_dir
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs).as_posix()
        hidden = any(part.startswith(".") for part in path.relative_to(docs).parts)
        if hidden or relative == "index.md" or relative.startswith(CONTENT_DIRS) or not path.is_file():
            continue
        if path.is_symlink() or path.stat().st_size > MAX_FILE_BYTES:
            continue  # judged with content/'s other files
        text = path.read_text("utf-8", errors="replace")
        html = sanitise_html(renderer.reset().convert(without_front_matter(text)))
        problems.extend(page_problems(html, text, f"{docs.name}/{relative}"))
    return problems


def without_front_matter(text: str) -> str:
    """The page's Markdown without its front matter, cut as MkDocs cuts it."""
    if match := _YAML_FRONT.match(text):
        try:
            data = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            return text
        return text[match.end() :].lstrip("\n") if isinstance(data, dict) else text
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    key = None
    while lines:
        line = lines.pop(0)
        if line.strip() == "":
            break
        if meta := _META.match(line):
            key = meta.group("key")
        elif not (key and _META_MORE.match(line)):
            lines.insert(0, line)
            break
    return "\n".join(lines).lstrip("\n")
