"""Quotations beside their source: differences marked in both columns with labels for screen readers, the
key outside any marked text, and source passages that stop at the passage."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factsite.checks.quotes.results import DiffToken, QuoteClass, QuoteComparison, QuoteMatch, QuotePassage
from factsite.model import CheckResult
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
        ("I'm", "added"), ("not", "same"), ("", "joint"), ("mobilization", "minor"), ("said", "changed")
    ]
    assert [(p.text, p.role) for p in sides.source] == [
        ("is", "dropped"), ("not", "same"), ("", "joint"), ("mobilisation", "minor"), ("never said", "changed")
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
    passages = re.findall(r'<blockquote class="fs-passage">(.*?)</blockquote>', html, re.S)
    assert len(passages) == 2 and not any("[...]" in passage for passage in passages)
    assert "only military reservists" not in passages[1]


@dataclass(frozen=True)
class _MatchWithHiddenWords(QuoteMatch):
    """A quote match as the check may report an edit that may change the meaning: with the words it hides."""

    hidden_words: tuple[str, ...] = ()


def test_the_quote_evidence_renders_with_or_without_hidden_words() -> None:
    template = template_environment().get_template("evidence/quote.html")
    diff = (DiffToken("equal", "we will"), DiffToken("omitted", "…", "not"))
    plain = QuoteMatch("s", QuoteClass.EDITED, (), diff, 1)
    hiding = _MatchWithHiddenWords("s", QuoteClass.EDITED, (), diff, 1, hidden_words=("not",))
    for best, shown in ((plain, False), (hiding, True)):
        comparison = QuoteComparison(best.classification, best, (best,), ())
        result = CheckResult("quote", "edit-may-change-meaning", "…", comparison)
        html = template.render(result=result, source_titles={"s": "Speech"}, article={"outlet": "Outlet"})
        assert ("leaves out, which may change its meaning: “not”" in html) is shown
        assert "As published" in html and "What the source says" in html
