"""Small sites for the incremental-build tests: three fact-checks, one of them edited per test."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from factsite.adapters.mkdocs.commands import BuildOutcome, build_site
from tests.conftest import tree_digest
from tests.publish.site_fixture import write_site

Edit = Callable[[Path], list[Path]]


def site_project(root: Path, *, search: str = "auto") -> Path:
    """A site of three fact-checks under `root`; returns its mkdocs.yml."""
    root.mkdir(parents=True, exist_ok=True)
    extra = {"budget": "2024-03-11", "hospital": "2024-03-12"}
    config_file = write_site(root, extra_articles=extra)
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["plugins"] = ["search", *config["plugins"]]
    config["plugins"][1]["factsite"]["search"] = search
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return config_file


# A generated page's body, inside the theme's article: empty when the page was written without it.
EMPTY_BODY = re.compile(r'<div class="fs-page fs-page--[a-z-]+">\s*</div>')


def pages_without_body(site: Path) -> list[str]:
    """The generated pages of `site` written without their body, by path."""
    return sorted(
        page.relative_to(site).as_posix()
        for page in site.rglob("index.html")
        if EMPTY_BODY.search(page.read_text("utf-8"))
    )


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def edit_note(root: Path) -> list[Path]:
    path = root / "content/articles/budget.yaml"
    replace_in(path, "note: The report says so.", "note: The report says so, on page 4.")
    return [path]


def edit_verdict(root: Path) -> list[Path]:
    path = root / "content/articles/budget.yaml"
    replace_in(path, "verdict: accurate", "verdict: misleading")
    return [path]


def edit_text(root: Path) -> list[Path]:
    path = root / "content/articles/budget.md"
    replace_in(path, "on Tuesday", "on that Tuesday")
    return [path]


def add_claim(root: Path) -> list[Path]:
    article, citations = root / "content/articles/budget.md", root / "content/articles/budget.yaml"
    replace_in(article, "The ministry says", "[The ministry says]{#ministry-says}")
    replace_in(
        citations,
        "claims:\n",
        "claims:\n  ministry-says:\n    kind: statement\n"
        "    verdict: unsupported\n    sources: [ministry-plans]\n    note: No source.\n",
    )
    return [article, citations]


def remove_article(root: Path) -> list[Path]:
    # Not the newest article: that one dates the editor pages, which a removal would change.
    paths = [root / "content/articles/jobs.md", root / "content/articles/jobs.yaml"]
    for path in paths:
        path.unlink()
    return paths


def add_article(root: Path) -> list[Path]:
    articles = root / "content/articles"
    paths = []
    for suffix in (".md", ".yaml"):
        shutil.copy(articles / f"jobs{suffix}", articles / f"schools{suffix}")
        paths.append(articles / f"schools{suffix}")
    return paths


EDITS: dict[str, Edit] = {
    "a claim's note": edit_note,
    "a verdict": edit_verdict,
    "the article's text": edit_text,
    "a claim added": add_claim,
    "an article removed": remove_article,
    "an article added": add_article,
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return site_project(tmp_path / "project")


@pytest.fixture
def pagefind_project(tmp_path: Path) -> Path:
    """A small site searched with Pagefind: the only kind whose builds keep a state for the edit's fast path."""
    return site_project(tmp_path / "project", search="pagefind")


def built_from_nothing(config_file: Path, site: Path, *, strict: bool = False) -> tuple[dict[str, str], BuildOutcome]:
    """A build with no cache and no previous site: every file's digest (none if it failed), and its outcome. The
    cache is set aside and put back: the next edit of a test reads it."""
    cache = config_file.parent / ".factsite-cache"
    kept = cache.with_name("kept-cache")
    cache.rename(kept)
    try:
        outcome = build_site(str(config_file), site_dir=str(site), strict=strict)
        assert not outcome.fast
        return (tree_digest(site) if outcome.ok else {}), outcome
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        kept.rename(cache)
