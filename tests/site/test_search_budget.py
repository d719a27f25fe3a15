"""The size of each of Pagefind's index chunks, written beside the index for the search page's budget.

A search fetches, for each of its words, the index chunk whose range holds it, whole; the search page keeps the
rarest words of a query while their chunks fit what is left of 300 KB (factsite/adapters/mkdocs/search_budget.py).
These tests read a real Pagefind index of a small site: every chunk of it, its range and its size, must be in the
file. Should a Pagefind version the project allows (pyproject: >=1.3,<2; the lowest-versions run installs 1.3)
write its metadata differently, the build leaves the file out and the first test here fails.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
from pathlib import Path

import cbor2
import pytest

from factsite.adapters.mkdocs.commands import build_site
from factsite.adapters.mkdocs.search import PAGEFIND_DIR, pagefind_executable, search_page
from factsite.adapters.mkdocs.search_budget import BUDGET, BUDGET_FILE, RESULTS_SHOWN, SIGNATURE, write_budget
from factsite.render.messages import Messages
from tests.scale.conftest import site_project

pytestmark = pytest.mark.skipif(pagefind_executable() is None, reason="Pagefind is not installed")


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config_file = site_project(tmp_path_factory.mktemp("budget") / "project", search="pagefind")
    assert build_site(str(config_file)).ok
    return config_file.parent / "site" / PAGEFIND_DIR


def words_of(chunk: Path) -> list[str]:
    """The words of an index chunk, read from the chunk itself: gzip, the signature, CBOR [[word, ...], ...]."""
    data = gzip.decompress(chunk.read_bytes())
    assert data.startswith(SIGNATURE)
    return [word[0] for word in cbor2.loads(data[len(SIGNATURE) :])[0]]


def test_the_build_writes_every_chunk_with_its_range_and_size(index: Path) -> None:
    budget = json.loads((index / BUDGET_FILE).read_text("utf-8"))
    files = sorted((index / "index").glob("*.pf_index"))
    assert len(budget["chunks"]) == len(files) >= 1
    by_range = {(first, last): size for first, last, size in budget["chunks"]}
    for path in files:
        words = words_of(path)
        assert by_range[(words[0], words[-1])] == path.stat().st_size


def test_the_chunks_may_take_what_is_left_of_300_kb(index: Path) -> None:
    budget = json.loads((index / BUDGET_FILE).read_text("utf-8"))
    assert budget["budget"] == BUDGET == 307_200
    fragments = sorted((path.stat().st_size for path in (index / "fragment").glob("*.pf_fragment")), reverse=True)
    assert budget["fragments"] == sum(fragments[:RESULTS_SHOWN])
    # The engine alone (the WebAssembly, compressed by Pagefind) and the list of documents are in the fixed part.
    wasm = max(path.stat().st_size for path in index.glob("wasm.*.pagefind"))
    meta = next(index.glob("pagefind.*.pf_meta")).stat().st_size
    assert budget["fixed"] > wasm + meta
    assert budget["chunk_bytes"] == BUDGET - budget["fixed"] - budget["fragments"]
    # The file counts itself, compressed as a host sends it.
    own = len(gzip.compress((index / BUDGET_FILE).read_bytes(), compresslevel=6, mtime=0))
    engine = sum(
        len(gzip.compress((index / name).read_bytes(), compresslevel=6, mtime=0))
        for name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
        if (index / name).is_file()
    )
    assert budget["fixed"] >= wasm + meta + engine + own


@pytest.mark.parametrize(
    "damage",
    [
        lambda meta: meta.write_bytes(b"not gzip"),
        lambda meta: meta.write_bytes(gzip.compress(b"another_signature")),
        lambda meta: meta.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps({"index_chunks": []}))),
        lambda meta: meta.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(["1.5", [], [["a", "b", "gone"]]]))),
        lambda meta: meta.write_bytes(gzip.compress(SIGNATURE + b"\xff\xff")),
    ],
    ids=["not gzip", "another signature", "another shape", "a chunk missing", "not CBOR"],
)
def test_an_index_it_cannot_read_gets_no_file(index: Path, tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / PAGEFIND_DIR
    shutil.copytree(index, copy)
    damage(next(copy.glob("pagefind.*.pf_meta")))
    # The search page then searches every word of a query, as Pagefind alone does.
    assert write_budget(copy) is False
    assert not (copy / BUDGET_FILE).exists()


@pytest.mark.parametrize(
    ("locale", "left_out"),
    [("en", "Left out to keep the search fast: {words}"),
     ("hi", "खोज तेज़ रखने के लिए छोड़े गए: {words}"),
     ("ar", "تُركت خارج البحث ليبقى سريعًا: {words}")],
)  # fmt: skip
def test_the_search_page_gives_its_script_the_sites_words(locale: str, left_out: str) -> None:
    # The script fills in {words} and {count}: the words, and the digits of a count, are the site's language's,
    # as its other pages write them.
    body = search_page(dt.date(2024, 3, 11), locale).body_html
    assert f'data-left-out="{left_out}"' in body
    digits = "".join(Messages(locale).number(digit) for digit in range(10))
    assert f'data-digits="{digits}"' in body
    assert "pagefind-ui" not in body and "<script>" not in body
