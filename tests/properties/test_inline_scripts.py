"""Property test of the Content-Security-Policy's script finder: `inline_scripts` finds what the regular
expression `INLINE_SCRIPT` matches, in any text, however its tags are cased, nested, unclosed or repeated."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factsite.render.security import INLINE_SCRIPT, content_security_policy, inline_scripts

PIECES = st.sampled_from(
    ["<script", "<SCRIPT", "<Script", ">", "</script>", "</SCRIPT>", "</script", "<", "/", " src=a.js",
     ' type="application/ld+json"', "alert(1)", "\n", "x", "é", "İ", "<scrip", "script>"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_the_script_finder_finds_what_the_expression_matches(text: str) -> None:
    expected = [(m.group(0), m.group("attributes"), m.group("body")) for m in INLINE_SCRIPT.finditer(text)]
    assert list(inline_scripts(text)) == expected


def test_a_policy_allows_the_theme_s_scripts_and_not_the_content_s() -> None:
    page = "<head><script>theme()</script><SCRIPT>content()</SCRIPT><script src=a.js></script></head>"
    policy = content_security_policy(page, content_html="<p><SCRIPT>content()</SCRIPT></p>")
    assert policy.count("'sha256-") == 1
    assert content_security_policy(page).count("'sha256-") == 2
