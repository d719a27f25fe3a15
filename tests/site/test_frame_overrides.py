"""The theme's frame (factsite/adapters/mkdocs/frame.py) against what a desk's site may do: its own templates in
`custom_dir` that read the page in ways the stand-in page does not see, Material's features that read the page in
the frame's blocks. Each site is built with the frame and without (a hook listening to each page's context turns it
off, as in test_frame.py) and every file compared."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPOSITORY, copy_demo
from tests.site.test_frame import build_both_ways


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
