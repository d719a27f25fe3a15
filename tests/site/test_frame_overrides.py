"""The theme's frame (factsite/adapters/mkdocs/frame.py) against what a desk's site may do: its own templates in
`custom_dir` that read the page in ways the stand-in page does not see, Material's features that read the page in
the frame's blocks. Each site is built with the frame and without (a hook listening to each page's context turns it
off, as in test_frame.py) and every file compared."""

from __future__ import annotations

import shutil
from pathlib import Path

from factsite.adapters.mkdocs.commands import build_site
from tests.conftest import REPOSITORY, copy_demo, tree_digest
from tests.site.test_frame import LISTENING_HOOK


def build_both_ways(
    project: Path, hooks: list[str] | None = None, jobs: tuple[int | None, int | None] = (None, None)
) -> tuple[dict[str, str], dict[str, str]]:
    """test_frame.build_both_ways, with the desk's own `hooks` in both builds, each with its number of `jobs`."""
    other = project.parent / (project.name + "-listening")
    shutil.copytree(project, other)
    (other / "listen.py").write_text(LISTENING_HOOK, "utf-8")
    digests = []
    for root, listening, processes in ((project, [], jobs[0]), (other, ["listen.py"], jobs[1])):
        names = (hooks or []) + listening
        if names:
            with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
                config.write("\nhooks:\n" + "".join(f"  - {name}\n" for name in names))
        outcome = build_site(str(root / "mkdocs.yml"), jobs=processes)
        assert outcome.ok, outcome.site_errors
        digests.append(tree_digest(root / "site"))
    return digests[0], digests[1]


def with_overrides(project: Path, templates: dict[str, str], config: str = "") -> Path:
    """The demo with `templates` in a `custom_dir` of its own, and `config` put under `theme:`."""
    for name, text in templates.items():
        (project / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "overrides" / name).write_text(text, "utf-8")
    text = (project / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"
                                                     + config, 1), "utf-8")  # fmt: skip
    return project


def material_partial(name: str) -> str:
    import material

    return (Path(material.__file__).parent / "templates" / name).read_text("utf-8")


def factsite_main() -> str:
    return (REPOSITORY / "templates" / "theme" / "main.html").read_text("utf-8")


def claim_pages(digests: dict[str, str]) -> list[str]:
    return [path for path in digests if "/claims/" in path and path.endswith(".html")]


def test_a_value_set_from_the_page_before_the_frame_is_the_page_own(tmp_path: Path) -> None:
    # Jinja's own pattern for a layout that reads what the child template sets ("Highlighting Active Menu Items"):
    # the desk's main.html, factsite's with a value taken from the page, which its header prints.
    main = factsite_main().replace('{% extends "base.html" %}',
                                   '{% extends "base.html" %}\n{% set desk_address = page.url if page else "" %}'
                                   '\n{% set desk = namespace(title="") %}', 1)  # fmt: skip
    main = main.replace("{% block extrahead %}", "{% block extrahead %}{% set desk.title = page.title %}", 1)
    header = material_partial("partials/header.html").replace(
        "</header>", '<p class="desk" data-address="{{ desk_address }}">{{ desk.title | upper }}</p></header>', 1
    )
    project = with_overrides(copy_demo(tmp_path / "demo"), {"main.html": main, "partials/header.html": header})
    framed, full = build_both_ways(project)
    site = project / "site"
    for path in claim_pages(framed)[:3]:
        text = (site / path).read_text("utf-8")
        assert f'data-address="{path.removesuffix("index.html")}"' in text, path
    assert framed == full


DESK_HOOK = """import jinja2
from mkdocs.structure.pages import Page


@jinja2.pass_context
def desk_address(context):
    page = context.get("page")
    return page.url if isinstance(page, Page) else "(no page)"


def on_env(env, config, files):
    env.globals["desk_address"] = desk_address
"""


def test_a_global_that_asks_whether_it_has_a_page_gets_one(tmp_path: Path) -> None:
    # A desk's hook adds a global to the templates (it does not listen to the page's context, so the frame stays
    # on) that checks what the context gives it before reading it, as MkDocs' own code does.
    header = material_partial("partials/header.html").replace(
        "</header>", '<p class="desk">{{ desk_address() }}</p></header>', 1
    )
    project = with_overrides(copy_demo(tmp_path / "demo"), {"partials/header.html": header})
    (project / "desk.py").write_text(DESK_HOOK, "utf-8")
    framed, full = build_both_ways(project, hooks=["desk.py"])
    path = claim_pages(framed)[1]
    assert f'<p class="desk">{path.removesuffix("index.html")}</p>' in (project / "site" / path).read_text("utf-8")
    assert framed == full


def test_material_features_that_read_the_page_in_the_frame(tmp_path: Path) -> None:
    # Tabs in the header (sticky), previous and next in the footer, the header hiding, the edit button, the
    # repository, and a language selector.
    features = "".join(f"    - {name}\n" for name in ("navigation.tabs", "navigation.tabs.sticky",
                                                      "navigation.footer", "header.autohide",
                                                      "content.action.edit", "content.action.view"))  # fmt: skip
    project = copy_demo(tmp_path / "demo")
    text = (project / "mkdocs.yml").read_text("utf-8")
    text = text.replace("  features:\n", "  features:\n" + features, 1)
    text = text.replace("theme:\n", "repo_url: https://git.example.org/desk/site\nedit_uri: edit/main/content/\n"
                        "theme:\n", 1)  # fmt: skip
    text += "\nextra:\n  alternate:\n    - name: English\n      link: /\n      lang: en\n" \
            "    - name: Deutsch\n      link: /de/\n      lang: de\n"  # fmt: skip
    (project / "mkdocs.yml").write_text(text, "utf-8")
    framed, full = build_both_ways(project)
    assert claim_pages(framed)
    assert framed == full


def test_the_live_preview_shows_an_edited_title_and_an_edited_override(tmp_path: Path) -> None:
    # The frame is cleared at each rebuild; the theme's environments share the compiled templates, which Jinja
    # compiles again when a template's source changes.
    import yaml

    from factsite.adapters.mkdocs.preview import Preview
    from tests.scale.conftest import replace_in, site_project

    config_file = site_project(tmp_path / "project", search="material")
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["theme"] = {**config["theme"], "custom_dir": "overrides"}
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    header = tmp_path / "project" / "overrides" / "partials" / "header.html"
    header.parent.mkdir(parents=True)
    original = material_partial("partials/header.html")
    header.write_text(original.replace("</header>", '<p class="desk">one: {{ page.title }}</p></header>', 1))
    preview = Preview(str(config_file), tmp_path / "preview")
    assert preview.build().ok
    preview.wait()

    def claim_headers() -> set[str]:
        return {
            text.split('<p class="desk">', 1)[1].split("</p>", 1)[0]
            for path in (tmp_path / "preview").rglob("claims/*/index.html")
            for text in [path.read_text("utf-8")]
        }

    before = claim_headers()
    assert len(before) > 1 and all(line.startswith("one: ") for line in before)
    article = tmp_path / "project" / "content" / "articles" / "budget.md"
    replace_in(article, "will hire more]", "will hire many more]")  # a claim's words: its page's title
    outcome = preview.build({article})
    preview.wait()
    assert outcome.ok and outcome.mode == "content"
    edited = claim_headers()
    assert edited != before and "one: Claim 4: the ministry will hire many more" in edited
    header.write_text(original.replace("</header>", '<p class="desk">two: {{ page.title }}</p></header>', 1))
    outcome = preview.build({header})
    preview.wait()
    assert outcome.ok and outcome.mode == "full"
    assert claim_headers() == {line.replace("one: ", "two: ", 1) for line in edited}
    # The preview's site is a build's from nothing, and that build's the same with the frame and without.
    shutil.rmtree(tmp_path / "project" / ".factsite-cache", ignore_errors=True)
    framed, full = build_both_ways(tmp_path / "project")
    assert framed == full
    assert tree_digest(tmp_path / "preview", ("pagefind/",)) == framed


def test_one_process_or_two_with_the_frame_and_without(tmp_path: Path) -> None:
    # Each process keeps its own blocks; the demo's claim pages are shared between two.
    header = material_partial("partials/header.html").replace(
        "</header>", '<p class="desk">{{ page.title }} {{ page.meta.factsite_kind if page }}</p></header>', 1
    )
    for jobs in ((2, 1), (1, 2)):
        project = with_overrides(copy_demo(tmp_path / f"demo-{jobs[0]}"), {"partials/header.html": header})
        framed, full = build_both_ways(project, jobs=jobs)
        assert framed == full, jobs


def test_a_desk_header_that_changes_some_titles_only(tmp_path: Path) -> None:
    # The desk's header renames one claim: a `replace` that leaves the first claim page's title as it is, and so
    # every title of the shape that was looked at, but not this one's.
    header = material_partial("partials/header.html").replace(
        "</header>", '<p class="desk">{{ page.title | replace("Claim 17:", "The seventeenth claim:") }}</p></header>', 1
    )
    project = with_overrides(copy_demo(tmp_path / "demo"), {"partials/header.html": header})
    framed, full = build_both_ways(project)
    page = (
        project / "site" / "articles" / "americans-russia-forced-to-fight" / "claims" / "arrested-quote" / "index.html"
    )
    assert '<p class="desk">The seventeenth claim: The U.S. Embassy said' in page.read_text("utf-8")
    assert framed == full
