"""The demo site, byte for byte, against a reviewed digest (tests/site/demo-digest.json).

A refactor of the build (moving modules, a new core, another adapter) must not change a byte of what readers get.
A change that is meant to change the output updates the digest in the same commit, so the review sees which files
changed: `FACTSITE_UPDATE_DIGEST=1 python -m pytest tests/site/test_demo_digest.py` rewrites it.

The digest holds for the dependency versions it was verified with (another Material writes other assets, another
Pillow other PNG bytes): `verified_with` lists each set of versions that gave these bytes (running the update with
other versions and the same output adds them); with any other versions installed the test is skipped, saying which.
The list holds the versions CI installs (Debian's Python 3.11.2 gets pymdown-extensions 12.3: 13 needs 3.11.5).
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
        write_digest(files)
    recorded = json.loads(DIGEST.read_text("utf-8"))
    if installed() not in recorded["verified_with"]:
        pytest.skip(f"the digest was verified with other versions: {recorded['verified_with']}, not {installed()}")
    changed = sorted(path for path in files.keys() & recorded["files"].keys() if files[path] != recorded["files"][path])
    assert (
        sorted(files.keys() - recorded["files"].keys()),
        sorted(recorded["files"].keys() - files.keys()),
        changed,
    ) == ([], [], [])


def write_digest(files: dict[str, str]) -> None:
    """Record `files`; versions that give the same bytes as those already recorded are added to `verified_with`."""
    recorded = json.loads(DIGEST.read_text("utf-8")) if DIGEST.is_file() else {"files": {}, "verified_with": []}
    verified = recorded.get("verified_with", []) if recorded["files"] == files else []
    if installed() not in verified:
        verified.append(installed())
    digest = {"files": files, "verified_with": verified}
    DIGEST.write_text(json.dumps(digest, indent=1, sort_keys=True) + "\n")
