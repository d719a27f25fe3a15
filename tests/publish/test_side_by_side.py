"""Quotations beside their source: differences marked in both columns with labels for screen readers, the
key outside any marked text, and source passages that stop at the passage."""

from __future__ import annotations

import re

from factsite.checks.quotes import check_quote
from factsite.checks.quotes.results import DiffToken, QuotePassage
from factsite.model import Location, Source
from factsite.render.evidence import passage_view, side_by_side
from factsite.render.pages import template_environment
from tests.publish.conftest import BuiltSite

NOT_BLUFFING = "articles/americans-russia-forced-to-fight/claims/not-bluffing/index.html"


def test_each_column_has_its_own_words_and_marks() -> None:
    diff = (
        DiffToken("deleted", "is"),
        DiffToken("inserted", "I'm"),
        DiffToken("equal", "not"),
        DiffToken("joined", "", note="10 paragraphs apart"),
        DiffToken("minor", "mobilization", "mobilisation", "US/UK spelling", counts=False),
        DiffToken("hidden-words", "said", "never said", "edit may change meaning"),  # an operation to come
    )
    sides = side_by_side(diff)
    assert [(p.text, p.role) for p in sides.published] == [
        ("I'm", "added"),
        ("not", "same"),
        ("", "joint"),
        ("mobilization", "minor"),
        ("said", "changed"),
    ]
    assert [(p.text, p.role) for p in sides.source] == [
        ("is", "dropped"),
        ("not", "same"),
        ("", "joint"),
        ("mobilisation", "minor"),
        ("never said", "changed"),
    ]
    assert sides.roles == {"added", "dropped", "joint", "minor", "changed"}


def test_a_passage_stops_where_the_excerpt_leaves_text_out() -> None:
    passage = QuotePassage("address", 10, 20, "on partial mobilisation",
                           "end of the last one.\n\n[...]\n\nI consider it necessary to support the proposal",
                           " in the Russian Federation.\n\n[...]\n\nonly military reservists", 1.0)  # fmt: skip
    view = passage_view(passage)
    assert view.before == "I consider it necessary to support the proposal"
    assert view.after == "in the Russian Federation."
    assert (view.cut_before, view.cut_after) == (False, False)
    inside = passage_view(QuotePassage("address", 10, 20, "text", "words before", "words after", 1.0))
    assert (inside.cut_before, inside.cut_after) == (True, True)


def test_the_demo_quote_shows_both_columns_with_hidden_labels(demo_site: BuiltSite) -> None:
    html = (demo_site.site_dir / NOT_BLUFFING).read_text("utf-8")
    columns = re.findall(r'<h4 class="fs-side__heading">([^<]+)</h4>', html)
    assert columns == ["As published", "What the source says"]
    published, source = html.split('<h4 class="fs-side__heading">')[1:3]
    hidden = '<span class="fs-visually-hidden">'
    assert f'<ins class="fs-side__added">{hidden}(not in the source:) </span>I&#39;m</ins>' in published
    assert f'<mark class="fs-side__dropped">{hidden}(left out of the quotation:) </span>is</mark>' in source
    assert "fs-side__joint" in published and "fs-side__joint" in source
    # No visible label inside marked text, and the key has no struck or marked text around its words.
    assert "NOT IN" not in html.upper().replace("NOT IN THE SOURCE", "")
    key = html[html.index('class="fs-side-key"') : html.index("</ul>", html.index('class="fs-side-key"'))]
    assert "<del" not in key and "<ins" not in key
    assert "<del" not in html[html.index("fs-evidence") :]
    passages = re.findall(r"<blockquote class=\"fs-passage\"[^>]*>(.*?)</blockquote>", html, re.S)
    assert len(passages) == 2 and not any("[...]" in passage for passage in passages)
    assert "only military reservists" not in passages[1]


def test_an_edit_that_may_change_the_meaning_shows_the_hidden_words_beside_both_columns() -> None:
    template = template_environment().get_template("evidence/quote.html")
    source = Source("speech", "Speech", "", "", Location("s.yaml"), text="We will not cut a single job this year.")
    result = check_quote("We will ... cut a single job this year.", sources=[source])
    assert result.status == "edit-may-change-meaning"
    article = {"outlet": "Outlet", "locale": "en_US"}
    html = template.render(result=result, source_titles={"speech": "Speech"}, article=article)
    assert "<h3>Edits that may change the meaning</h3>" in html
    assert "“<strong>not</strong>”" in html
    assert "As published" in html and "What the source says" in html
