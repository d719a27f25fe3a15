"""Which pages share a block of the theme's frame (factsite/adapters/mkdocs/frame.py): those that read the same in
everything the block read from the page, the addresses it made relative to the page included; a page's title,
only printed, is put in. Every page's block is compared with the block rendered in full for it, with real MkDocs
pages and MkDocs' own `url` filter; then the demo and a synthetic site are built with the frame and without (a hook
listening to each page's context turns it off) and every file compared."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import script_tag_filter, url_filter

from factsite.adapters.mkdocs.commands import build_site
from factsite.adapters.mkdocs.frame import Frame, install_frame
from tests.conftest import REPOSITORY, copy_demo, small_mkdocs_site, tree_digest

PAGES = {
    "index.md": "# Home\n",
    "sources.md": "# Sources\n",
    "articles/a/index.md": "Text of A.\n",
    "articles/a/claims/x.md": "Claim x.\n\n## Evidence\n",
    "articles/b/claims/y.md": "Claim y.\n\n## Evidence\n",
    "articles/c/claims/w.md": "Claim w.\n\n## Evidence\n",
    "sources/deep/index.md": "Deep.\n",
}
CHILD = (
    "{% extends 'base.html' %}"
    "{% block frame %}{% if factsite_frame is defined %}{{ factsite_frame(super) }}"
    "{% else %}{{ super() }}{% endif %}{% endblock %}"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Navigation, dict[str, Page]]:
    return small_mkdocs_site(tmp_path_factory.mktemp("frame"), PAGES, "[index.md, sources.md]")


def rendered(site: tuple[Navigation, dict[str, Page]], block: str, names: list[str],
             meta: dict[str, dict[str, object]] | None = None) -> tuple[list[str], list[str], Frame]:  # fmt: skip
    """Each page's block rendered with `Frame`, and in full, and the frame."""
    nav, by_name = site
    outputs = []
    frame = None
    for framed in (True, False):
        env = jinja2.Environment(loader=jinja2.DictLoader({"base.html": "{% block frame %}" + block + "{% endblock %}",
                                                           "main.html": CHILD}))  # fmt: skip
        env.filters.update(url=url_filter, script_tag=script_tag_filter)
        if framed:
            frame = install_frame(env, nav)
        results = []
        for name in names:
            page = by_name[name]
            saved = dict(page.meta)
            page.meta.update((meta or {}).get(name, {}))
            try:
                base_url = "/".join([".."] * page.url.rstrip("/").count("/")) + ("/.." if page.url else ".")
                base_url = base_url.lstrip("/") if base_url != "/.." else ".."
                results.append(env.get_template("main.html").render(page=page, base_url=base_url, nav=nav))
            finally:
                page.meta.clear()
                page.meta.update(saved)
        outputs.append(results)
    assert frame is not None
    return outputs[0], outputs[1], frame


CLAIMS = ["articles/a/claims/x.md", "articles/b/claims/y.md", "articles/c/claims/w.md"]


def test_claims_share_a_block_with_their_own_title_put_in(site: tuple[Navigation, dict[str, Page]]) -> None:
    framed, full, frame = rendered(site, "<a href=\"{{ 'sources/' | url }}\">{{ page.title }}</a> {{ base_url }}",
                                   CLAIMS, {"articles/b/claims/y.md": {"title": "<b>Y</b> & co"}})  # fmt: skip
    assert framed == full
    assert frame.renders == 1
    assert len(set(framed)) == 3


def test_a_title_tested_then_printed_is_put_in(site: tuple[Navigation, dict[str, Page]]) -> None:
    # Material's header: the front matter's title if there is one, else the page's.
    block = "{% if page.meta and page.meta.title %}{{ page.meta.title }}{% else %}{{ page.title }}{% endif %}"
    framed, full, frame = rendered(site, block, CLAIMS, {"articles/a/claims/x.md": {"title": "Claim X & Y"},
                                                         "articles/b/claims/y.md": {"title": "Claim Y"}})  # fmt: skip
    assert framed == full == ["Claim X & Y", "Claim Y", "W"]
    assert frame.renders == 2  # the third page has no title in its front matter: the other branch


def test_a_title_escaped_compared_or_cut_is_the_page_own(site: tuple[Navigation, dict[str, Page]]) -> None:
    meta = {
        name: {"title": title} for name, title in zip(CLAIMS, ["A & B", "Home", " padded " + "x" * 300], strict=True)
    }
    for block in (
        "{{ page.meta.title | e }}",
        "{{ page.meta.title == 'Home' }}",
        "{{ page.meta.title | truncate }}",
        "{{ page.meta.title | upper }}",
        "{{ page.meta.title | length }}",
        "[{{ page.meta.title | trim }}]",
    ):
        framed, full, frame = rendered(site, block, CLAIMS, meta)
        assert framed == full, block
        assert frame.renders == 3, block


def test_a_page_whose_links_differ_does_not_share(site: tuple[Navigation, dict[str, Page]]) -> None:
    # The same depth, so the same base_url; 'sources/' is '../../sources/' from one and '../' from the other.
    framed, full, frame = rendered(site, "<a href=\"{{ 'sources/' | url }}\">", ["articles/a/index.md",
                                                                                 "sources/deep/index.md"])  # fmt: skip
    assert framed == full
    assert framed[0] != framed[1]
    assert frame.renders == 2


def test_a_page_whose_front_matter_differs_does_not_share(site: tuple[Navigation, dict[str, Page]]) -> None:
    meta = {"articles/a/claims/x.md": {"author": "Ann"}, "articles/b/claims/y.md": {"author": "Bo"}}
    framed, full, frame = rendered(site, "{{ page.meta.author }}|{{ 'hide' in page.meta }}", CLAIMS, meta)
    assert framed == full == ["Ann|False", "Bo|False", "|False"]
    assert frame.renders == 3


def test_front_matter_equal_but_of_another_type_does_not_share(site: tuple[Navigation, dict[str, Page]]) -> None:
    # Markup and text of the same characters compare equal; a hook may put either in the front matter.
    from markupsafe import Markup

    meta = {
        "articles/a/claims/x.md": {"author": Markup("<i>Ann</i>")},
        "articles/b/claims/y.md": {"author": "<i>Ann</i>"},
    }
    framed, full, _ = rendered(site, "{{ page.meta.author | e }}", CLAIMS[:2], meta)
    assert framed == full == ["<i>Ann</i>", "&lt;i&gt;Ann&lt;/i&gt;"]


def test_a_page_whose_language_differs_does_not_share(site: tuple[Navigation, dict[str, Page]]) -> None:
    # The theme's strings were imported from the page before the block: its language is in the key.
    meta = {"articles/b/claims/y.md": {"factsite_language": "ar"}}
    framed, full, frame = rendered(site, "same", CLAIMS, meta)
    assert framed == full
    assert frame.renders == 2


def test_what_a_block_reads_of_the_page_is_noted(site: tuple[Navigation, dict[str, Page]]) -> None:
    for block in (
        "{{ page.url }}",
        "{{ page.toc | first | default('none') }}",
        "{{ page.file.src_uri }}",
        "{{ page }}",
        "{{ page.meta | length }}",
        "{% for key in page.meta %}{{ key }}{% endfor %}",
    ):
        framed, full, frame = rendered(site, block, CLAIMS, {"articles/a/claims/x.md": {"author": "Ann"}})
        assert framed == full, block
        assert frame.renders == 3 or len(set(full)) < 3, block


def test_pages_the_navigation_lists_are_rendered_in_full(site: tuple[Navigation, dict[str, Page]]) -> None:
    framed, full, frame = rendered(site, "{{ page.title }}", ["index.md", "sources.md"])
    assert framed == full
    assert frame.renders == 0


def test_a_block_reading_what_differs_on_each_page_stops_being_kept(site: tuple[Navigation, dict[str, Page]]) -> None:
    names = CLAIMS * 10
    meta = {name: {"author": name} for name in CLAIMS}
    framed, full, frame = rendered(site, "{{ page.meta.author }}", names, meta)
    assert framed == full
    assert frame.renders == 3


# --- whole sites, with the frame and without ----------------------------------------------------------------------

LISTENING_HOOK = "def on_page_context(context, page, config, nav):\n    return context\n"


def build_both_ways(project: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The site built as it is, and built again from a copy with a hook listening to each page's context (which
    turns the frame off)."""
    other = project.parent / (project.name + "-listening")
    shutil.copytree(project, other)
    (other / "listen.py").write_text(LISTENING_HOOK, "utf-8")
    with (other / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - listen.py\n")
    digests = []
    for root in (project, other):
        outcome = build_site(str(root / "mkdocs.yml"))
        assert outcome.ok, outcome.site_errors
        digests.append(tree_digest(root / "site"))
    return digests[0], digests[1]


def test_the_demo_is_the_same_with_the_frame_and_without(tmp_path: Path) -> None:
    framed, full = build_both_ways(copy_demo(tmp_path / "demo"))
    assert framed == full


def test_a_synthetic_site_is_the_same_with_the_frame_and_without(tmp_path: Path) -> None:
    project = tmp_path / "synthetic"
    subprocess.run([sys.executable, str(REPOSITORY / "bench" / "synthetic.py"), str(project), "--articles", "6",
                    "--claims", "5"], check=True, capture_output=True)  # fmt: skip
    # Material's footer links each page to the previous and next ones; and a page with a title of its own.
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\n")
    text = (project / "mkdocs.yml").read_text("utf-8").replace("  font: false\n", "  font: false\n  features:\n"
                                                                "  - navigation.footer\n")  # fmt: skip
    (project / "mkdocs.yml").write_text(text, "utf-8")
    (project / "content" / "notes.md").write_text("---\ntitle: Notes <b>&amp;</b> more\n---\n\n# Notes\n", "utf-8")
    framed, full = build_both_ways(project)
    assert framed == full
    assert any("/claims/" in path for path in framed)


def test_an_attribute_only_some_pages_have_is_noted(site: tuple[Navigation, dict[str, Page]]) -> None:
    _, by_name = site
    page = by_name["articles/b/claims/y.md"]
    page.factsite_note = "only here"  # type: ignore[attr-defined]
    try:
        framed, full, frame = rendered(site, "[{{ page.factsite_note }}]", CLAIMS)
    finally:
        del page.factsite_note  # type: ignore[attr-defined]
    assert framed == full == ["[]", "[only here]", "[]"]
    assert frame.renders == 2


def test_a_block_the_stand_in_cannot_render_is_rendered_as_it_is(site: tuple[Navigation, dict[str, Page]]) -> None:
    # The front matter as JSON or printed whole: the stand-in's front matter is no dict; each page gets its own.
    meta = {name: {"author": name} for name in CLAIMS}
    # As JSON, the stand-in fails once and the block is rendered as it is after; printed, it is noted whole.
    for block, renders in (("{{ page.meta | tojson }}", 1), ("{{ page.meta }}", 3)):
        framed, full, frame = rendered(site, block, CLAIMS, meta)
        assert framed == full, block
        assert len(set(framed)) == 3, block
        assert frame.renders == renders, block


def test_a_title_changed_by_what_leaves_the_stand_in_alone_is_the_page_own(
    site: tuple[Navigation, dict[str, Page]],
) -> None:
    # A desk's header that drops "Claim N: " or keeps what is before a colon: the placeholder has neither.
    meta = {name: {"title": f"Claim {number}: {name}"} for number, name in enumerate(CLAIMS, 1)}
    for block in (
        "{{ page.meta.title | replace('Claim ', 'No. ') }}",
        "{{ page.meta.title.split(':') | first }}",
        "{% set title = page.meta.title %}{% if title.startswith('Claim') %}C{% endif %}{{ title }}",
    ):
        framed, full, _ = rendered(site, block, CLAIMS, meta)
        assert framed == full, block
