"""Pagefind's service, given the documents over a pipe: the index its command line writes, and its failures located."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path

import pytest

from factsite.adapters.mkdocs.pagefind_service import PagefindServiceError, write_index
from factsite.adapters.mkdocs.search import SearchIndexError, index_site, pagefind_executable
from factsite.adapters.mkdocs.search_documents import documents
from tests.conftest import demo_publishing_as_is, tree_digest

pytestmark = pytest.mark.skipif(pagefind_executable() is None, reason="Pagefind is not installed")

PAGE = '<!doctype html><html lang="{lang}"><body><main><h1>{title}</h1><p>{text}</p></main></body></html>'
DOCUMENTS = {
    "articles/bridge/index.html": PAGE.format(lang="en", title="The bridge", text="The council will rebuild it."),
    "articles/pool/index.html": PAGE.format(lang="en", title="The pool", text="The pool reopens in spring, again."),
    "about/index.html": PAGE.format(lang="en", title="About", text="A desk that checks the council's claims."),
    "hindi/index.html": PAGE.format(lang="hi", title="समाचार", text="परिषद पुल फिर से बनाएगी"),
}


def _walked(folder: Path) -> list[str]:
    """The files as Pagefind's command line finds them: depth first, in the order the file system lists them."""
    found: list[str] = []
    for entry in os.scandir(folder):
        if entry.is_dir():
            found += [f"{entry.name}/{path}" for path in _walked(Path(entry.path))]
        else:
            found.append(entry.name)
    return found


def test_given_in_the_same_order_the_service_writes_the_command_lines_files(tmp_path: Path) -> None:
    executable = pagefind_executable()
    assert executable is not None
    for path, html in DOCUMENTS.items():
        (tmp_path / "site" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / path).write_text(html, "utf-8")
    command = [str(executable), "--site", str(tmp_path / "site"), "--output-path", str(tmp_path / "command"),
               "--root-selector", "main", "--exclude-selectors", "p.aside, .note", "--quiet"]  # fmt: skip
    subprocess.run(command, check=True)
    walked = [(path, DOCUMENTS[path]) for path in _walked(tmp_path / "site")]
    write_index(executable, walked, tmp_path / "service", root_selector="main", exclude_selectors=("p.aside, .note",))
    service, command_line = tree_digest(tmp_path / "service"), tree_digest(tmp_path / "command")
    # Its entry file lists the languages in any order, a hash map's, from one run to the next (search._sort_languages).
    entry = "pagefind-entry.json"
    assert service.pop(entry) and command_line.pop(entry)
    assert service == command_line
    assert json.loads((tmp_path / "service" / entry).read_text()) == json.loads(
        (tmp_path / "command" / entry).read_text()
    )
    assert len(list((tmp_path / "service").glob("pagefind.*.pf_meta"))) == 2  # English and Hindi


def test_a_document_pagefind_cannot_parse_is_named(tmp_path: Path) -> None:
    executable = pagefind_executable()
    assert executable is not None
    # Pagefind 1.5 answers that request with its panic. 1.3 (the lowest allowed) either stops, its panic on its
    # standard error, or goes on without answering for the document: named, with what Pagefind wrote by then.
    with pytest.raises(
        PagefindServiceError,
        match=r"^(about/index\.html: .*panicked|about/index\.html: Pagefind did not index it"
        r"|Pagefind stopped \(exit status 101\): .*panicked)",
    ):
        write_index(executable, [("about/index.html", DOCUMENTS["about/index.html"])], tmp_path / "index",
                    root_selector="[[[", exclude_selectors=())  # fmt: skip


def test_a_pagefind_that_stops_gives_its_own_message(
    built_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stopping = tmp_path / "pagefind"
    stopping.write_text("#!/bin/sh\necho 'Error: no space left on device' >&2\nexit 3\n", "utf-8")
    stopping.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(stopping))  # the binary Pagefind's package runs
    with pytest.raises(SearchIndexError) as raised:
        index_site(built_demo, output=tmp_path / "index")
    assert str(raised.value) == (
        f"Pagefind failed on {built_demo}: Pagefind stopped (exit status 3): Error: no space left on device"
    )


def test_the_index_follows_the_documents_order_which_is_the_paths(built_demo: Path, tmp_path: Path) -> None:
    """Pagefind numbers the documents in the order it is given them: given in the order of their paths, the same
    site gives the same index on every machine, whatever order its file system lists the files in."""
    executable = pagefind_executable()
    assert executable is not None
    given = list(documents(built_demo))
    assert [path for path, _ in given] == sorted((path for path, _ in given), key=lambda path: path.split("/"))
    assert len(given) > 3
    options = {"root_selector": "main", "exclude_selectors": ()}
    write_index(executable, given, tmp_path / "paths", **options)
    write_index(executable, given, tmp_path / "again", **options)
    write_index(executable, list(reversed(given)), tmp_path / "reversed", **options)
    assert tree_digest(tmp_path / "paths") == tree_digest(tmp_path / "again")
    assert tree_digest(tmp_path / "paths") != tree_digest(tmp_path / "reversed")


def test_a_page_published_as_it_is_need_not_be_utf8(tmp_path: Path) -> None:
    """A site's own HTML page, published as it is (`static_files: allow:`), in another encoding than UTF-8: Pagefind's
    command line read it with its invalid bytes replaced, and so is it given to the service; the build goes on."""
    html = (
        '<!doctype html><html lang="en"><body><article class="md-content__inner"><h1>Archive</h1>'
        "<p>The café on the square reopened in 2019.</p></article></body></html>"
    )
    project = demo_publishing_as_is(tmp_path, html.encode("cp1252"))
    fragments = [gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
                 for path in (project / "site" / "pagefind" / "fragment").glob("*.pf_fragment")]  # fmt: skip
    [archived] = [fragment for fragment in fragments if '"url":"/archive/2019/"' in fragment]
    assert "The caf\ufffd on the square reopened" in archived


def test_a_page_not_in_utf8_is_given_as_the_command_line_reads_it(tmp_path: Path) -> None:
    executable = pagefind_executable()
    assert executable is not None
    page = tmp_path / "site" / "archive" / "2019" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_bytes(PAGE.format(lang="en", title="Archive", text="The café reopened, à la carte.").encode("cp1252"))
    command = [str(executable), "--site", str(tmp_path / "site"), "--output-path", str(tmp_path / "command"),
               "--root-selector", "main", "--quiet"]  # fmt: skip
    subprocess.run(command, check=True)
    write_index(executable, documents(tmp_path / "site"), tmp_path / "service", root_selector="main",
                exclude_selectors=())  # fmt: skip
    assert tree_digest(tmp_path / "service") == tree_digest(tmp_path / "command")


def test_an_index_that_cannot_be_written_is_pagefinds_failure_not_a_traceback(built_demo: Path, tmp_path: Path) -> None:
    """factsite writes the files Pagefind hands back: a disk that refuses them (here a file where the index's folder
    goes) is reported as the command line's failure was, so that `mkdocs build` shows a message, not a traceback."""
    blocked = tmp_path / "taken"
    blocked.write_text("a file, not a folder", "utf-8")
    with pytest.raises(SearchIndexError, match=rf"^Pagefind failed on {built_demo}: .*taken"):
        index_site(built_demo, output=blocked / "index")
