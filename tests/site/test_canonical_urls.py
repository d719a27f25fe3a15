"""A generated page's canonical address, made by appending where MkDocs' urllib joining gives the same, is
MkDocs' own for every kind of site address."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from mkdocs.config import load_config

from factsite.adapters.mkdocs.pages import generated_page
from factsite.render.pages import SitePage

SITE_URLS = [
    "https://desk.example.org/",
    "https://desk.example.org",
    "https://desk.example.org/fact-checks/",
    "HTTPS://Desk.example.org/checks",  # urllib writes the scheme in lower case
    "https://desk.example.org/a/./b/",  # a dot segment, which urllib removes
    "https://desk.example.org/a//b/",  # an empty segment, likewise
    "https://desk.example.org/?q=1",
    "https://desk.example.org/#top",
    "",
]
PATHS = ["index", "articles/budget", "articles/budget/claims/jobs-grew", "articles/x.y/claims/a_b~c",
         "articles/Ünïcode/claims/one", "articles/with space/claims/one"]  # fmt: skip


@pytest.mark.parametrize("site_url", SITE_URLS)
def test_canonical_addresses_are_mkdocs_own(tmp_path: Path, site_url: str) -> None:
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    # Material's theme: the engine's own default theme is named differently in ProperDocs.
    config_file.write_text(f"site_name: Test\nsite_url: '{site_url}'\ntheme: material\n", "utf-8")
    config = load_config(str(config_file))
    for path in PATHS:
        page = generated_page(SitePage(path, "Title", "", dt.date(2024, 1, 1), "<p>x</p>", "article"), config,
                              in_nav=False)  # fmt: skip
        if not config.site_url:
            assert page.canonical_url is None and page.abs_url is None
            continue
        base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        assert page.canonical_url == urljoin(base, page.url), (site_url, path)
        assert page.abs_url == urlsplit(page.canonical_url).path, (site_url, path)
