"""The live preview: a fact-check edit rebuilds only what it touches, into the site a build from
nothing makes; content errors show on the page, and fixing them recovers."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.adapters.mkdocs.preview import Preview
from factsite.adapters.mkdocs.serve import PreviewServer, problems_page
from tests.conftest import tree_digest
from tests.scale.conftest import EDITS, pages_without_body, replace_in, site_project

# The preview leaves out Pagefind's index, which indexes the whole site: `build` makes it.
NOT_IN_PREVIEW = ("pagefind/",)


@pytest.fixture
def pagefind_project(tmp_path: Path) -> Path:
    return site_project(tmp_path / "project", search="pagefind")


def built_from_nothing(config_file: Path, site: Path) -> dict[str, str]:
    shutil.rmtree(config_file.parent / ".factsite-cache", ignore_errors=True)
    assert build_site(str(config_file), site_dir=str(site)).ok
    return tree_digest(site, NOT_IN_PREVIEW)


@pytest.mark.parametrize("search", ["pagefind", "material"])
@pytest.mark.parametrize("edit_name", list(EDITS), ids=list(EDITS))
def test_content_edit_updates_the_preview_as_a_full_build_would(tmp_path: Path, edit_name: str, search: str) -> None:
    config_file = site_project(tmp_path / "project", search=search)
    preview = Preview(str(config_file), tmp_path / "preview")
    first = preview.build()
    assert first.ok and first.mode == "full"
    changed = EDITS[edit_name](config_file.parent)
    outcome = preview.build(set(changed))
    preview.wait()
    assert outcome.ok and outcome.mode == "content"
    assert 0 < outcome.rendered < first.rendered
    full = built_from_nothing(config_file, tmp_path / "full")
    assert tree_digest(tmp_path / "preview") == full


def test_a_content_error_keeps_the_last_good_preview_and_fixing_it_recovers(
    pagefind_project: Path, tmp_path: Path
) -> None:
    preview = Preview(str(pagefind_project), tmp_path / "preview")
    assert preview.build().ok
    before = tree_digest(tmp_path / "preview")
    citations = pagefind_project.parent / "content/articles/budget.yaml"
    replace_in(citations, "verdict: accurate", "verdict: wrong")
    broken = preview.build({citations})
    assert not broken.ok
    (error,) = [p for p in broken.problems if p.severity.value == "error"]
    assert error.location.path == "content/articles/budget.yaml" and error.location.line > 0
    page = problems_page(broken).decode()
    assert f"<code>{error.location}</code>" in page and "unknown verdict &#39;wrong&#39;" in page
    assert tree_digest(tmp_path / "preview") == before
    replace_in(citations, "verdict: wrong", "verdict: accurate")
    fixed = preview.build({citations})
    preview.wait()
    assert fixed.ok and fixed.mode == "content"
    assert tree_digest(tmp_path / "preview") == before


def test_a_change_outside_the_fact_checks_rebuilds_with_mkdocs(pagefind_project: Path, tmp_path: Path) -> None:
    preview = Preview(str(pagefind_project), tmp_path / "preview")
    assert preview.build().ok
    about = pagefind_project.parent / "content/about.md"
    replace_in(about, "# About", "# About the desk")
    outcome = preview.build({about})
    preview.wait()
    assert outcome.ok and outcome.mode == "full"
    assert "About the desk" in (tmp_path / "preview/about/index.html").read_text("utf-8")
    full = built_from_nothing(pagefind_project, tmp_path / "full")
    assert tree_digest(tmp_path / "preview") == full


@pytest.mark.parametrize("search", ["pagefind", "material"])
def test_a_configuration_change_then_a_content_edit_gives_every_page_whole(tmp_path: Path, search: str) -> None:
    # The preview builds again in one process: a full build for mkdocs.yml renders every page again, whose
    # content did not change, and an edit then renders the changed ones in place.
    config_file = site_project(tmp_path / "project", search=search)
    preview = Preview(str(config_file), tmp_path / "preview")
    assert preview.build().ok
    config_file.write_text(config_file.read_text("utf-8") + "copyright: The test desk\n", "utf-8")
    configured = preview.build({config_file})
    assert configured.ok and configured.mode == "full" and configured.rendered > 10
    assert pages_without_body(tmp_path / "preview") == []
    edited = preview.build(set(EDITS["a claim's note"](config_file.parent)))
    preview.wait()
    assert edited.ok and edited.mode == "content"
    assert pages_without_body(tmp_path / "preview") == []
    assert tree_digest(tmp_path / "preview") == built_from_nothing(config_file, tmp_path / "full")


PAGE = (
    b'<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
    b"script-src 'self'; style-src 'self'\"></head><body><p>Claim</p></body></html>"
)


def test_the_reload_script_is_allowed_by_the_page_policy() -> None:
    server = PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root=".")
    try:
        served = server._inject_js_into_html(PAGE, 1)
    finally:
        server.server_close()
    script = re.search(rb"<script>(.*?)</script>", served, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1)).digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}'".encode() in served
