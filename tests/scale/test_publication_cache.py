"""The live preview's per-article publication problems are exactly those of the whole site."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsite.build.incremental.check_cache import CheckCache
from factsite.build.incremental.page_cache import PublicationCache
from factsite.build.pipeline import check_project
from factsite.build.publication import with_publication_problems
from factsite.load.site_config import read_settings
from tests.conftest import copy_demo
from tests.publish.site_fixture import write_site

SITES = {
    "the demo": lambda root: copy_demo(root) / "mkdocs.yml",
    "a small site": lambda root: write_site(root, extra_articles={"budget": "2024-03-11"}),
    "claims stating their rating": lambda root: write_site(
        root, jobs_claim="Accurate: jobs grew by a third.", extra_articles={"budget": "2024-03-11"}
    ),
    "no site_url": lambda root: write_site(root, site_url=None),
    "structured data off": lambda root: write_site(root, structured_data=False),
    "no publisher": lambda root: write_site(root, publisher=None),
}
# Sites whose claims' ClaimReview has faults: the per-article problems are not all empty.
FAULTY = {"claims stating their rating": 2}


@pytest.mark.parametrize("strict", [False, True], ids=["", "strict"])
@pytest.mark.parametrize("site", list(SITES), ids=list(SITES))
def test_cached_publication_problems_equal_the_site_wide_ones(tmp_path: Path, site: str, strict: bool) -> None:
    root = tmp_path / "project"
    root.mkdir()
    config_file = SITES[site](root)
    settings, cache_dir = read_settings(str(config_file), strict=strict)
    checks = CheckCache(settings, cache_dir)
    project = check_project(settings, checks.check)
    expected = with_publication_problems(project)
    faults = [p for p in expected.problems if "must state the claim without its rating" in p.message]
    assert len(faults) == FAULTY.get(site, 0)
    cache = PublicationCache()
    assert cache.with_problems(project, checks.article_keys) == expected
    assert cache.with_problems(project, checks.article_keys) == expected  # from the cache
