"""The data files a build writes from each article's cached items equal the files made from the whole project."""

from __future__ import annotations

import json

import pytest

from factsite.render.data_files import ITEMS, site_files
from tests.publish.conftest import BuiltSite


@pytest.mark.parametrize("site_name", ["demo_site", "small_site"], ids=["demo", "fixture site"])
def test_the_built_data_files_are_those_of_the_whole_project(site_name: str, request: pytest.FixtureRequest) -> None:
    site: BuiltSite = request.getfixturevalue(site_name)
    files = dict(site_files(site.project))
    cards = {name for name in files if name.endswith("/card.png")}
    assert len(cards) == len(site.project.claims) + len(site.project.articles)
    assert set(files) - cards == {"claims.json", "annotations.jsonld", "claim-reviews.jsonld", "feed.xml", "robots.txt"}
    for name, data in files.items():
        assert (site.site_dir / name).read_bytes() == data, name
    files = {name: data for name, data in files.items() if name not in cards}
    claims = json.loads(files["claims.json"])["claims"]
    assert len(claims) == len(site.project.claims) > 0
    assert all(ITEMS.strip("\0") not in data.decode("utf-8") for data in files.values())
