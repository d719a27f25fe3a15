"""Property test of the links between pages: `relative_url` answers as `posixpath.relpath` would.

It splits the two site paths itself rather than asking `relpath`, which makes absolute paths of both first; any
pair of paths, with empty, `.` and `..` segments among them, must still give relpath's answer.
"""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from factsite.render.views import relative_url

SEGMENTS = st.sampled_from(["articles", "claims", "a", "b", "page", "2", "sources", "", ".", "..", "x.json"])
PATHS = st.lists(SEGMENTS, max_size=6).map("/".join)


@settings(max_examples=500, deadline=None)
@given(PATHS, PATHS)
def test_a_link_is_the_relative_path_between_the_two_pages(here: str, there: str) -> None:
    expected = posixpath.relpath("/" + there, "/" + here)
    link = relative_url(here, there)
    if expected == ".":
        assert link == "./"
    elif expected.endswith((".xml", ".json", ".jsonld", ".html")):
        assert link == expected
    else:
        assert link == expected + "/"


def test_a_link_keeps_its_fragment() -> None:
    assert relative_url("articles/a/claims/c1", "articles/a#mark-c1") == "../../#mark-c1"
    assert relative_url("", "sources/page/2") == "sources/page/2/"
