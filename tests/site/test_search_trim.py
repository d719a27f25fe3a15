"""Pagefind given factsite's pages without what it leaves out of its index: the same index, byte for byte.

Most of a claim page is what Pagefind is told to leave out (its sources, the "Also checked in" list, the pager, the
icons), and Pagefind's time grows with what it parses: the documents are given without those parts and without the
theme's frame (search_documents.Trim). Each test here gives Pagefind both, the whole pages and the trimmed documents,
and compares every file of the two indexes.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.adapters.mkdocs.pagefind_service import write_index
from factsite.adapters.mkdocs.search import (
    CONTENT_SELECTOR,
    NOT_INDEXED,
    _sort_languages,
    index_site,
    pagefind_executable,
)
from factsite.adapters.mkdocs.search_documents import Trim, documents, page_document
from tests.conftest import copy_demo, demo_publishing_as_is, tree_digest
from tests.scale.conftest import site_project

pytestmark = pytest.mark.skipif(pagefind_executable() is None, reason="Pagefind is not installed")

# What factsite's own pages hold that Pagefind leaves out, from the biggest.
LEFT_OUT = ('class="fs-sources"', 'class="fs-also-checked"', 'class="fs-scorecard"', 'class="fs-pager"', "<svg")
# factsite's content in a page (an editor's page is given as it is).
GENERATED = '<div class="fs-page '


def indexed(given: list[tuple[str, str]], output: Path) -> dict[str, str]:
    """Every file of Pagefind's index of `given`, with the build's options, by its path."""
    executable = pagefind_executable()
    assert executable is not None
    write_index(executable, given, output, root_selector=CONTENT_SELECTOR, exclude_selectors=(", ".join(NOT_INDEXED),))
    _sort_languages(output)  # as the build does: Pagefind writes them in any order
    return tree_digest(output)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo (articles in English, Hindi and Arabic) built with Pagefind's search."""
    project = copy_demo(tmp_path_factory.mktemp("trim") / "demo")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  - factsite:\n", "  - factsite:\n      search: pagefind\n", 1)
    )
    assert build_site(str(config)).ok
    return project / "site"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config_file = site_project(tmp_path_factory.mktemp("trim") / "project", search="pagefind")
    assert build_site(str(config_file)).ok
    return config_file.parent / "site"


@pytest.mark.parametrize("site_name", ["demo", "project"])
def test_the_trimmed_documents_give_the_whole_pages_index(
    site_name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    site: Path = request.getfixturevalue(site_name)
    whole = list(documents(site))
    trimmed = list(documents(site, NOT_INDEXED))
    assert [path for path, _ in trimmed] == [path for path, _ in whole]
    assert sum(len(html) for _, html in trimmed) < sum(len(html) for _, html in whole) / 3
    found = [mark for mark in LEFT_OUT if any(mark in html for _, html in whole)]
    assert len(found) >= 3
    for mark in found:
        assert not any(mark in html for _, html in trimmed if GENERATED in html), mark
    index = indexed(trimmed, tmp_path / "trimmed")
    assert index == indexed(whole, tmp_path / "whole")
    if site_name == "demo":  # an index for each language, each the same
        languages = {path.split(".")[1].split("_")[0] for path in index if path.endswith(".pf_meta")}
        assert languages == {"ar", "en", "hi"}


def test_the_build_gives_pagefind_the_trimmed_documents(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the build's Pagefind reads on its standard input: no part of a page that it leaves out."""
    executable = pagefind_executable()
    assert executable is not None
    requests = tmp_path / "requests"
    recording = tmp_path / "pagefind"
    recording.write_text(f'#!/bin/sh\ntee "{requests}" | exec "{executable}" "$@"\n', "utf-8")
    recording.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(recording))  # the binary Pagefind's package runs
    index_site(demo, output=tmp_path / "index")
    given = [
        json.loads(base64.b64decode(request))["payload"] for request in requests.read_bytes().split(b",") if request
    ]
    added = {payload["file_path"]: payload["file_contents"] for payload in given if payload["type"] == "AddFile"}
    assert sorted(added) == sorted(path for path, _ in documents(demo))
    assert sum(GENERATED in html for html in added.values()) > 5
    for mark in LEFT_OUT:
        assert not any(mark in html for html in added.values() if GENERATED in html), mark
    assert tree_digest(tmp_path / "index") == tree_digest(demo / "pagefind")


# A page as the theme frames factsite's content, for the rules below.
FRAME = (
    '<!doctype html><html lang="en" class="no-js"><head><title>The page - Site</title></head><body>'
    '<header class="md-header"><nav class="md-tabs"><a href="/">Home</a></nav></header><main>'
    '<article class="md-content__inner md-typeset">\n  <div class="fs-page fs-page--{kind}">\n{body}\n  </div>\n'
    '</article></main><footer class="md-footer"><p>Made with care</p></footer></body></html>'
)
ICON = '<svg viewBox="0 0 24 24"><path d="M12 2c5.53 0 10 4.47 10 10"/></svg>'
BADGE = f'<span class="fs-mark__badge"><span aria-hidden="true">{ICON}</span><span>1</span> False</span>'


def _trimmed(kind: str, body: str) -> tuple[str, str]:
    whole = FRAME.format(kind=kind, body=body)
    return whole, page_document(whole.encode(), Trim(NOT_INDEXED)).decode()


@pytest.mark.parametrize(
    ("kind", "body", "gone", "kept"),
    [
        # The frame, and what is left out with no id: gone; a heading left out with an id is an anchor: kept.
        ("about", '<nav class="fs-breadcrumb"><a href="../">All</a></nav><h1>About us</h1>'
         '<h2 id="team" class="fs-visually-hidden">The team</h2><p>We check claims.</p>'
         '<dl class="fs-facts"><dt>Since</dt><dd>2019</dd></dl><p>Write to us.</p>',
         ['class="fs-breadcrumb"', 'class="fs-facts"', "md-header", "md-footer", "<title>"],
         ['<h2 id="team" class="fs-visually-hidden">']),
        # A claim mark's badge gives its words to the mark's anchor: kept, but its icon goes.
        ("article", f'<h1>The bridge</h1><p>The council <a id="mark-c1" href="claims/c1/">will rebuild it {BADGE}</a>'
         " next year.</p>",
         ["<svg"], ['<span class="fs-mark__badge">', "<span>1</span> False"]),
        # Elements of the same name inside the one left out are counted to its end; the words after it stay.
        ("claim", '<h1>Claim</h1><div class="fs-side-by-side"><div class="fs-side"><p>One</p></div>'
         '<div class="fs-side"><p>Two</p></div></div><p>After the sides.</p>'
         '<blockquote class="fs-sentence">The sentence</blockquote>',
         ['class="fs-side-by-side"', "One", "Two", 'class="fs-sentence"'], ["After the sides."]),
        # `.fs-page--claim .fs-sentence`: left out of a claim page only.
        ("article", '<h1>The article</h1><blockquote class="fs-sentence">The sentence</blockquote>',
         [], ['class="fs-sentence"']),
        # What would be the page's title or image, even left out, stays.
        ("about", '<div class="fs-facts"><h1>The title</h1></div><p>Text.</p>'
         '<div class="fs-passage"><img src="a.png" alt="A"></div>',
         [], ["<h1>The title</h1>", '<img src="a.png"']),
        # A `>` in a quoted value does not end the tag (a page published as it is: factsite's own escape it): an id
        # after it is an anchor, which stays.
        ("about", "<h1>A</h1><div class=\"fs-facts\" title='x>y' id=\"one\">x</div><p>Text</p>"
         '<div class="fs-facts" title="x>y" id="two">y</div><div class="fs-facts" title = \'x>y\' id="three">z</div>'
         "<div class=\"fs-facts\" title='x>y'>gone</div><div class=\"fs-facts\" title=x'y>left</div>",
         ["gone"], ['id="one"', 'id="two"', 'id="three"', "title=x'y>left"]),
        # A page whose content is all left out has no words: Pagefind leaves it out, and its content goes.
        ("sources", "<h1>Sources</h1><p>Every source.</p>", ["<h1>Sources</h1>", "Every source."], []),
    ],
)  # fmt: skip
def test_what_pagefind_reads_of_what_it_leaves_out_stays(
    kind: str, body: str, gone: list[str], kept: list[str], tmp_path: Path
) -> None:
    whole, trimmed = _trimmed(kind, body)
    for part in gone:
        assert part in whole and part not in trimmed, part
    for part in kept:
        assert part in whole and part in trimmed, part
    path = f"{kind}/index.html"
    assert indexed([(path, trimmed)], tmp_path / "trimmed") == indexed([(path, whole)], tmp_path / "whole")


def test_taking_out_what_pagefind_reads_would_change_its_index(tmp_path: Path) -> None:
    """The comparison above sees what these rules keep: a claim mark's badge taken out changes the mark's anchor."""
    mark = f'<p>The council <a id="mark-c1" href="c1/">will rebuild it {BADGE}</a> next year.</p>'
    whole, trimmed = _trimmed("article", f"<h1>The bridge</h1>{mark}")
    path = "article/index.html"
    without = trimmed.replace(BADGE.replace(ICON, ""), "")
    assert without != trimmed
    assert indexed([(path, without)], tmp_path / "without") != indexed([(path, whole)], tmp_path / "whole")


@pytest.mark.parametrize(
    "body",
    [
        '<h1>A</h1><!-- <div class="fs-facts"> --><p>Text</p><div class="fs-facts">x</div>',  # a comment
        '<h1>A</h1><DIV class="fs-facts"><div>x</DIV></div><p>Text</p>',  # capitals
        '<h1>A</h1><div class="fs-facts"><span title="</div>">x</span></div><p>Text</p>',  # a `<` in a value
        '<h1>A</h1><div class="fs-facts"><script>let a = "</div>";</script></div><p>Text</p>',  # raw text
        '<h1>A</h1><div class="fs-facts" data-pagefind-meta="kind:facts">x</div><p>Text</p>',  # Pagefind's own
    ],
)
def test_a_page_another_parser_could_read_otherwise_is_given_with_its_content_whole(body: str, tmp_path: Path) -> None:
    whole, trimmed = _trimmed("about", body)
    assert body in trimmed
    path = "about/index.html"
    assert indexed([(path, trimmed)], tmp_path / "trimmed") == indexed([(path, whole)], tmp_path / "whole")


def test_a_page_factsite_did_not_make_is_given_whole() -> None:
    """An editor's page, or a page published as it is, is given as it is: its HTML is not factsite's to vouch for."""
    page = FRAME.format(kind="x", body="<p>Text</p>").replace('<div class="fs-page fs-page--x">', "<div>").encode()
    assert page_document(page, Trim(NOT_INDEXED)) == page


def test_a_page_published_as_it_is_in_another_encoding_with_factsites_layout_is_indexed(tmp_path: Path) -> None:
    """A page published as it is (`static_files: allow:`), kept from a factsite site and saved in Windows-1252, its
    kind's class holding a byte that is not UTF-8: the build goes on, and Pagefind indexes it as the whole page."""
    body = '<h1>Archive</h1><p>The café on the square reopened in 2019.</p><div class="fs-facts">Since 2019</div>'
    project = demo_publishing_as_is(tmp_path, FRAME.format(kind="archivé", body=body).encode("cp1252"))
    site = project / "site"
    assert indexed(list(documents(site)), tmp_path / "whole") == tree_digest(site / "pagefind")


def test_a_class_is_split_at_htmls_spaces_only(tmp_path: Path) -> None:
    """`fs-page--claim` after a no-break space is no class of its own to Pagefind: the claim's sentence stays."""
    body = '<h1>Claim</h1><blockquote class="fs-sentence">The sentence</blockquote><p>After.</p>'
    whole, trimmed = _trimmed("x\u00a0fs-page--claim", body)
    assert body in trimmed
    path = "x/index.html"
    assert indexed([(path, trimmed)], tmp_path / "trimmed") == indexed([(path, whole)], tmp_path / "whole")


# What editors write, where factsite's pages hold it: a claim's note in Markdown with inline HTML (which nh3 keeps or
# cleans), a source's title, an article's text with CRLF line endings, an editor's page that names a kind.
NOTE = (
    '    note: |\n      Costs < 5 & > 3, "a>b" <b>bold</b>. <div class="fs-sources"><div>nested <h2 id="hx">Inner'
    ' heading</h2></div> hidden words</div> <a href="https://x.org/?a=1&b=2"><svg viewBox="0 0 1 1"><path'
    ' d="M0"/></svg>linked</a> <span class="fs-mark__badge">badge</span> <div class="fs-facts" id="f">with'
    ' id</div> <div class="fs-facts"><img src="../../a.png" alt="alt"></div> <h1>second title</h1> <span'
    ' class="fs-visually-hidden"><em>em</em></span> दावा غير صحيح <q class="fs-diff">quoted</q> <div'
    ' title="a>b" class="fs-passage">p</div>\n\n      ## Sub heading\n\n      | a | b |\n      |---|---|\n'
    "      | 1 | <2 |\n"
)


def test_what_editors_write_gives_the_whole_pages_index(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "demo")
    config = project / "mkdocs.yml"
    options = "  - factsite:\n      search: pagefind\n"
    config.write_text(config.read_text("utf-8").replace("  - factsite:\n", options, 1), "utf-8")
    articles = project / "content" / "articles"
    citations = articles / "hi-sinchai-yojana.yaml"
    text = citations.read_text("utf-8")
    text = text.replace('    note: कार्यवाही में यही संख्या शब्दों में है, "तीन लाख बीस हज़ार किसानों"।\n', NOTE, 1)
    text = text.replace('title: "विधानसभा की कार्यवाही', 'title: "<Assembly> & \\"record\\" a>b <div class=fs-x> ', 1)
    citations.write_text(text, "utf-8")
    markdown = articles / "ar-daam-alkhubz.md"
    inline = b'<div class="fs-facts">inline <b>html</b></div> tail & <svg viewBox="0 0 1 1"><path d="M0"/></svg> end'
    markdown.write_bytes(markdown.read_bytes().replace(b"\n", b"\r\n") + b"\r\n" + inline + b"\r\n")
    (project / "content" / "kinded.md").write_text(
        '---\nfactsite_kind: claim\n---\n\n# Kinded page\n\n<blockquote class="fs-sentence">sentence words'
        '</blockquote>\n\n<div class="fs-sources" id="s1">source words</div>\n\nText after.\n',
        "utf-8",
    )
    outcome = build_site(str(config))
    assert outcome.ok, outcome.site_errors
    site = project / "site"
    whole, trimmed = dict(documents(site)), dict(documents(site, NOT_INDEXED))
    for path in ("articles/hi-sinchai-yojana/index.html", "articles/ar-daam-alkhubz/index.html", "kinded/index.html"):
        assert len(trimmed[path]) < len(whole[path]) / 2, path
    assert "Costs &lt; 5" in trimmed["articles/hi-sinchai-yojana/index.html"]
    assert indexed(list(trimmed.items()), tmp_path / "trimmed") == indexed(list(whole.items()), tmp_path / "whole")
