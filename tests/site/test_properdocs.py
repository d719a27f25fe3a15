"""The demo builds with ProperDocs (a maintained fork of MkDocs 1.x, which runs `mkdocs.plugins` entry points
unchanged) into the same site as with MkDocs.

ProperDocs installs beside MkDocs: its own package (`properdocs`) and command; only inside a `properdocs` process does
it alias every `mkdocs.*` import to `properdocs.*` (properdocs/replacement.py), which is how Material and our plugin
run on it. The one expected difference is the generator tag Material writes into every page's head, which names the
engine that built it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from factsite.adapters.mkdocs.engines import loaded_engine
from tests.conftest import copy_demo, tree_digest

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def without_generator(data: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator" content="">', data)


def test_properdocs_builds_the_demo_as_mkdocs_does(built_demo: Path, tmp_path: Path) -> None:
    # The suite itself may run on ProperDocs (FACTSITE_TEST_ENGINE=properdocs): then the other engine is MkDocs.
    other = "mkdocs" if loaded_engine() == "properdocs" else "properdocs"
    project = copy_demo(tmp_path / "project")
    run = subprocess.run([sys.executable, "-m", other, "build", "--quiet", "--strict"], cwd=project,
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert run.returncode == 0, run.stderr
    site = project / "site"

    # The same files: every claim page, data file and search index.
    assert set(tree_digest(site)) == set(tree_digest(built_demo))
    assert any(path.startswith("articles/") and "/claims/" in path for path in tree_digest(site))

    differing = []
    for path in sorted(tree_digest(site)):
        ours, theirs = (built_demo / path).read_bytes(), (site / path).read_bytes()
        if ours != theirs:
            differing.append(path)
            # Whole files, not only the article: the same once the generator tag is left out.
            assert without_generator(ours) == without_generator(theirs), path
    # Only HTML pages differ, each by the engine named in its generator tag.
    assert differing and all(path.endswith(".html") for path in differing)
    page = (site / differing[0]).read_bytes()
    named = GENERATOR.search(page)
    assert named and (b"ProperDocs" in named.group(1)) == (other == "properdocs")
