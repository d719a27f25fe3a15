"""The demo site, byte for byte, against a reviewed digest (tests/site/demo-digest.json).

A refactor of the build (moving modules, a new core, another adapter) must not change a byte of what readers get.
A change that is meant to change the output updates the digest in the same commit, so the review sees which files
changed: `FACTSITE_UPDATE_DIGEST=1 python -m pytest tests/site/test_demo_digest.py` rewrites it.

The digest holds for the dependency versions it was recorded with (another Material writes other assets, another
Pillow other PNG bytes); with any other version installed the test is skipped, saying which.
"""

from __future__ import annotations

import json
import os
from importlib.metadata import version
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.engines import loaded_engine
from tests.conftest import tree_digest

DIGEST = Path(__file__).with_name("demo-digest.json")
# What writes the bytes of the demo's pages, data files and images.
WRITERS = (
    "mkdocs",
    "mkdocs-material",
    "pymdown-extensions",
    "markdown",
    "jinja2",
    "pyyaml",
    "babel",
    "nh3",
    "pillow",
    "font-roboto",
    "devanagari-fonts",
    "justmytype-intl-rtl",
    "pagefind",
)


def installed() -> dict[str, str]:
    return {name: version(name) for name in WRITERS}


def test_demo_matches_the_reviewed_digest(built_demo: Path) -> None:
    if loaded_engine() == "properdocs":
        pytest.skip("the digest is of the MkDocs build; tests/site/test_properdocs.py compares ProperDocs' with it")
    files = tree_digest(built_demo)
    if os.environ.get("FACTSITE_UPDATE_DIGEST"):
        DIGEST.write_text(json.dumps({"versions": installed(), "files": files}, indent=1, sort_keys=True) + "\n")
    recorded = json.loads(DIGEST.read_text("utf-8"))
    others = {
        name: f"{want} recorded, {installed()[name]} installed"
        for name, want in recorded["versions"].items()
        if installed()[name] != want
    }
    if others:
        pytest.skip(f"the digest was recorded with other versions: {others}")
    changed = sorted(path for path in files.keys() & recorded["files"].keys() if files[path] != recorded["files"][path])
    assert (
        sorted(files.keys() - recorded["files"].keys()),
        sorted(recorded["files"].keys() - files.keys()),
        changed,
    ) == ([], [], [])
