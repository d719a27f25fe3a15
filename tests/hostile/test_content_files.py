"""Files of content/ beside the articles, and the disk under the site: what a build refuses, and how.

Each test builds the clean base project once, then makes the hostile change and builds again: the build
is refused with the file named, the previous site stays byte for byte, and no copy of it is left hidden.
The theme's own paths need the theme, so these run whole builds rather than `check` alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.commands import BuildOutcome, build_site
from factsite.commands.cli import main
from tests.conftest import REPOSITORY, tree_digest
from tests.hostile.corpus import BASE_DIR


def built_base(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    project = tmp_path / "project"
    shutil.copytree(BASE_DIR, project)
    assert build_site(str(project / "mkdocs.yml")).ok
    return project, tree_digest(project / "site")


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob(".site.*"))


def messages(outcome: BuildOutcome) -> list[str]:
    problems = [str(problem).split("\n")[0] for problem in outcome.project.errors] if outcome.project else []
    return problems + outcome.site_errors


def add_to_plugin(project: Path, options: str) -> None:
    settings = project / "mkdocs.yml"
    text = settings.read_text("utf-8").replace("  - factsite:\n", "  - factsite:\n" + options, 1)
    settings.write_text(text, "utf-8")


def test_a_file_over_the_themes_script_bundle_is_refused(tmp_path: Path) -> None:
    project, before = built_base(tmp_path)
    [bundle] = (project / "site" / "assets" / "javascripts").glob("bundle.*.min.js")
    replacement = project / "content" / "assets" / "javascripts" / bundle.name
    replacement.parent.mkdir(parents=True)
    replacement.write_text("document.body.innerHTML = 'defaced';", "utf-8")
    # Even a site that allows scripts cannot put one over the theme's.
    add_to_plugin(project, "      static_files:\n        allow: ['*.js']\n")
    outcome = build_site(str(project / "mkdocs.yml"))
    assert not outcome.ok
    assert f"content/assets/javascripts/{bundle.name}: error: a file at the path of one of the theme's or the " \
        "build's own files would replace it on every page" in messages(outcome)  # fmt: skip
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_a_file_over_a_data_file_is_refused(tmp_path: Path) -> None:
    project, before = built_base(tmp_path)
    (project / "content" / "sitemap.xml").write_text("<urlset/>", "utf-8")
    outcome = build_site(str(project / "mkdocs.yml"))
    assert [m for m in messages(outcome) if m.startswith("content/sitemap.xml: error: a file at the path")]
    assert tree_digest(project / "site") == before


def test_a_link_that_loops_is_refused_before_mkdocs_walks_it(tmp_path: Path) -> None:
    project, before = built_base(tmp_path)
    # Two links to the folder that holds them: followed, the walk would branch without end.
    (project / "content" / "left").symlink_to(".")
    (project / "content" / "right").symlink_to(".")
    outcome = build_site(str(project / "mkdocs.yml"))
    assert messages(outcome)[:2] == [
        "content/left: error: a symbolic link to a folder: its files would be published without being checked, "
        "or again and again if it holds the link",
        "content/right: error: a symbolic link to a folder: its files would be published without being checked, "
        "or again and again if it holds the link",
    ]
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_what_the_site_allows_in_configuration_is_published(tmp_path: Path) -> None:
    project, _ = built_base(tmp_path)
    (project / "content" / "downloads").mkdir()
    (project / "content" / "downloads" / "data.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    (project / "content" / "stylesheets").mkdir()
    (project / "content" / "stylesheets" / "extra.css").write_text(".md-header { color: red }", "utf-8")
    add_to_plugin(project, "      static_files:\n        allow: ['downloads/*.zip']\n")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as settings:
        settings.write("extra_css:\n  - stylesheets/extra.css\n")
    outcome = build_site(str(project / "mkdocs.yml"))
    assert outcome.ok, messages(outcome)
    assert (project / "site" / "downloads" / "data.zip").is_file()
    assert (project / "site" / "stylesheets" / "extra.css").is_file()


def test_a_file_where_the_site_goes_is_refused_and_kept(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASE_DIR, project)
    (project / "site").write_text("notes kept here by mistake", "utf-8")
    outcome = build_site(str(project / "mkdocs.yml"))
    assert not outcome.ok
    [message] = outcome.site_errors
    assert message.endswith("site: is a file, not a folder; the site is written there as a folder: "
                            "move it away or choose another site_dir")  # fmt: skip
    assert (project / "site").read_text("utf-8") == "notes kept here by mistake"
    assert leftovers(project) == []


def mount(source: str, target: Path, *options: str) -> bool:
    """Mount with the system's `mount`, if this process may (root in a container may; most may not)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", *options, source, str(target)], capture_output=True, check=False)
    return done.returncode == 0


def unmount(target: Path) -> None:
    subprocess.run(["umount", str(target)], capture_output=True, check=False)


def test_a_read_only_site_is_refused_before_building(tmp_path: Path) -> None:
    project, before = built_base(tmp_path)
    site = project / "site"
    if not mount(str(site), site, "--bind") or not mount(str(site), site, "-o", "remount,bind,ro"):
        unmount(site)
        pytest.skip("cannot make a read-only folder here (needs mount rights)")
    try:
        outcome = build_site(str(project / "mkdocs.yml"))
        assert not outcome.ok
        [message] = outcome.site_errors
        assert "is read-only, so the old site could not be removed once the new one is built" in message
        assert tree_digest(site) == before
        assert leftovers(project) == []
    finally:
        unmount(site)


# Writes more than this many bytes to one file fail with EFBIG, as a full disk fails a write with ENOSPC.
FILE_SIZE_LIMIT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))
from factsite.commands.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_write_that_fails_midway_is_located_and_leaves_the_previous_site(tmp_path: Path) -> None:
    project, before = built_base(tmp_path)
    about = project / "content" / "about.md"
    about.write_text(about.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT, "build", "-f", str(project / "mkdocs.yml")],
        capture_output=True, text=True, timeout=300, cwd=project,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "site/assets/javascripts/bundle." in done.stderr
    assert ": cannot write the new site: File too large" in done.stderr
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_a_full_disk_is_located_and_leaves_the_previous_site(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASE_DIR, project)
    disk = tmp_path / "disk"
    disk.mkdir()
    if not mount("tmpfs", disk, "-t", "tmpfs", "-o", "size=1m"):
        pytest.skip("cannot mount a small file system here (needs mount rights)")
    try:
        site = disk / "site"
        (site / "old").mkdir(parents=True)
        (site / "old" / "index.html").write_text("the previous site", "utf-8")
        before = tree_digest(site)
        outcome = build_site(str(project / "mkdocs.yml"), site_dir=str(site))
        assert not outcome.ok
        [message] = outcome.site_errors
        assert ": cannot write the new site: No space left on device" in message
        assert str(site) in message or message.startswith("site")
        assert tree_digest(site) == before
        assert leftovers(disk) == []
    finally:
        unmount(disk)


def test_editor_pages_with_images_from_other_hosts_or_theme_ids_are_refused_all_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, before = built_base(tmp_path)
    about = project / "content" / "about.md"
    about.write_text(about.read_text("utf-8") + (
        "\n![Our team](https://tracker.example.net/team.png)\n\n"
        '<img src="//cdn.example.net/logo.png" alt="">\n\n'
        '<div id="__drawer">Menu</div>\n'
    ), "utf-8")  # fmt: skip
    (project / "content" / "team.md").write_text("# Team\n\n## Drawer {#__consent}\n", "utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as settings:
        settings.write("markdown_extensions:\n  - attr_list\n")
    outcome = build_site(str(project / "mkdocs.yml"))
    assert not outcome.ok
    assert [m for m in messages(outcome) if m.startswith("content/") and " error: " in m] == [
        "content/about.md:26:13: error: image or media from another host (tracker.example.net): every reader's "
        "browser would request it there",
        "content/about.md:28:11: error: image or media from another host (cdn.example.net): every reader's "
        "browser would request it there",
        "content/about.md:30:6: error: the id '__drawer' belongs to the page around the content (the theme's or "
        "factsite's templates): its scripts and links would find this element instead",
        "content/team.md:3:12: error: the id '__consent' belongs to the page around the content (the theme's or "
        "factsite's templates): its scripts and links would find this element instead",
    ]
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []
    # `check` finds what `build` refuses.
    capsys.readouterr()
    assert main(["check", "-f", str(project / "mkdocs.yml")]) == 1
    reported = [line for line in capsys.readouterr().err.splitlines() if line.startswith("content/")]
    assert reported == [m for m in messages(outcome) if m.startswith("content/") and " error: " in m]
