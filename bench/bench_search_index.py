"""Pagefind's index of a built site: where its time goes, and whether Pagefind's service writes what its command did.

    python bench/bench_search_index.py /tmp/s1000/site              # a site built with `search: pagefind`
    python bench/bench_search_index.py /tmp/s1000/site --rounds 3   # the quickest of 3 of each step

Times (wall, then the processor time of this process and its children) of each step of the index at the end of a
build: the documents made from the site's pages (search_documents.py), whole and as the build gives them (without
what Pagefind leaves out), Pagefind parsing each (given over its service's pipe, every document before the next
step), Pagefind building and writing its files, the languages sorted, the budget written; then the build's own
`index_site` (the documents given as they are made, Pagefind parsing each while the next is made); then, for
comparison, what the build did before the tenth round: the whole documents written as files and Pagefind's command
line run on them. And whether the trimmed documents give the whole pages' index, byte for byte.

Then the proof that the service writes the command line's index: given the documents in the order the command
line reads the files (the file system's directory order, depth first), the service's files are the command
line's, byte for byte; given them in the order of their paths (what the build does), the same documents hold
the same words at the same places with the same weights, each word's pages and the chunks alike: only the
documents' numbers differ (`compare` below).
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import cbor2

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factsite.adapters.mkdocs import search
from factsite.adapters.mkdocs.pagefind_service import _Answers, _send, _write, write_index
from factsite.adapters.mkdocs.search_budget import write_budget
from factsite.adapters.mkdocs.search_documents import documents

SIGNATURE = b"pagefind_dcd"


def timed(step: Callable[[], object], rounds: int) -> tuple[float, float, object]:
    """The quickest of `rounds` runs: wall seconds, processor seconds (this process and its children), result."""
    best: tuple[float, float, object] | None = None
    for _ in range(rounds):
        before, started = os.times(), time.perf_counter()
        result = step()
        wall, after = time.perf_counter() - started, os.times()
        processor = sum(after[:4]) - sum(before[:4])
        if best is None or wall < best[0]:
            best = (wall, processor, result)
    assert best is not None
    return best


def parse_then_write(made: list[tuple[str, str]], output: Path) -> tuple[float, float]:
    """Pagefind's service given every document, then asked to write: the seconds of each."""
    shutil.rmtree(output, ignore_errors=True)
    executable = search.pagefind_executable()
    assert executable is not None
    process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert process.stdin is not None and process.stdout is not None
    answers = _Answers(process.stdout)
    config = {"root_selector": search.CONTENT_SELECTOR, "exclude_selectors": [", ".join(search.NOT_INDEXED)]}
    _send(process.stdin, 0, {"type": "NewIndex", "config": config})
    index = answers.wait(0)["payload"]["index_id"]
    started = time.perf_counter()
    for number, (path, html) in enumerate(made, start=1):
        _send(process.stdin, number, {"type": "AddFile", "index_id": index, "file_path": path, "url": None,
                                      "file_contents": html}, flush=False)  # fmt: skip
    process.stdin.flush()
    answers.wait(len(made))
    parsed = time.perf_counter()
    _send(process.stdin, len(made) + 1, {"type": "GetFiles", "index_id": index})
    _write(answers.wait(len(made) + 1)["payload"], output)
    written = time.perf_counter()
    process.stdin.close()
    process.wait()
    return parsed - started, written - parsed


def command_line(site: Path, folder: Path, output: Path) -> None:
    """What the build did before this round: the documents written as files, then Pagefind's command line."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(output, ignore_errors=True)
    for path, html in documents(site):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, "utf-8")
    executable = search.pagefind_executable()
    command = [str(executable), "--site", str(folder), "--output-path", str(output), "--root-selector",
               search.CONTENT_SELECTOR, "--exclude-selectors", ", ".join(search.NOT_INDEXED), "--quiet"]  # fmt: skip
    subprocess.run(command, check=True)
    search._sort_languages(output)
    write_budget(output)


def walk_order(folder: Path) -> list[str]:
    """The HTML files under `folder` as Pagefind's command line finds them: depth first, each folder's entries in
    the order the file system lists them."""
    found: list[str] = []

    def visit(directory: Path) -> None:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    visit(Path(entry.path))
                elif entry.name.endswith(".html"):
                    found.append(Path(entry.path).relative_to(folder).as_posix())

    visit(folder)
    return found


def same_files(one: Path, two: Path) -> bool:
    compared = filecmp.dircmp(one, two)

    def equal(node: filecmp.dircmp[str]) -> bool:
        if node.left_only or node.right_only or node.funny_files:
            return False
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        return not mismatch and not errors and all(equal(sub) for sub in node.subdirs.values())

    return equal(compared)


def _decoded(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE)
    return cbor2.loads(data[len(SIGNATURE) :])


def _named(postings: list[list[object]], names: list[str]) -> list[str]:
    """A word's documents, each named by its fragment's hash rather than numbered."""
    number, found = 0, []
    for step, *posting in postings:
        number += step  # type: ignore[operator]
        found.append(repr([names[number], *posting]))
    return sorted(found)


def searched(index: Path) -> dict[str, object]:
    """An index as what a search reads of it, with each document named by its fragment's hash instead of its
    number: for each language, every word's documents with their places and weights, the chunks' word ranges,
    the documents' word counts; and the fragments' and filters' files."""
    languages: dict[str, object] = {}
    for meta in sorted(index.glob("pagefind.*.pf_meta")):
        # Pagefind 1.5: its version, the documents ([hash, word count]), the chunks ([first word, last word, hash]),
        # the filters, the sorts, the names of the metadata; a word's entry: [word, [[document's number less the
        # previous one's, places with weights, metadata places], ...], [[the word as written (with its accents),
        # its documents as before], ...]].
        version, pages, chunks, *rest = _decoded(meta)  # type: ignore[misc]
        names = [page[0] for page in pages]

        words: dict[str, object] = {}
        for _, _, chunk in chunks:
            for word, postings, written in _decoded(index / "index" / f"{chunk}.pf_index")[0]:  # type: ignore[index]
                words[word] = (_named(postings, names), sorted((form, _named(found, names)) for form, found in written))
        languages[meta.name.split(".")[1].split("_")[0]] = {
            "version": version,
            "documents": sorted(map(tuple, pages)),
            "chunks": [(first, last) for first, last, _ in chunks],
            "words": words,
            "the rest": rest,
        }
    files = {path.relative_to(index).as_posix(): path.read_bytes() for path in index.glob("f*/*")}
    return {"languages": languages, "fragments and filters": files}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a site built with `search: pagefind`")
    parser.add_argument("--rounds", type=int, default=1, help="the quickest of this many runs of each step")
    options = parser.parse_args()
    site, rounds = options.site.resolve(), options.rounds
    with tempfile.TemporaryDirectory(dir=site.parent) as scratch_name:
        scratch = Path(scratch_name)
        rows: list[tuple[str, float, float]] = []
        given: dict[str, list[tuple[str, str]]] = {}
        for name, left_out, label in (
            ("whole", None, "the whole documents made"),
            ("split", search.NOT_INDEXED, "the documents made as the build gives them"),
        ):
            wall, processor, made = timed(lambda left_out=left_out: list(documents(site, left_out)), rounds)
            given[name] = list(made)  # type: ignore[call-overload]
            megabytes = sum(len(html) for _, html in given[name]) / 1e6
            rows.append((f"{label} ({len(given[name])}, {megabytes:.1f} MB)", wall, processor))
            split = [parse_then_write(given[name], scratch / name) for _ in range(rounds)]
            rows.append(("Pagefind parses them (service, wall only)", min(parse for parse, _ in split), float("nan")))
            rows.append(("Pagefind builds and writes its files (wall only)", min(w for _, w in split), float("nan")))
        made = given["split"]
        rows.append(("the languages sorted", *timed(lambda: search._sort_languages(scratch / "split"), rounds)[:2]))
        rows.append(("the budget written", *timed(lambda: write_budget(scratch / "split"), rounds)[:2]))
        ours = scratch / "ours"
        wall, processor, _ = timed(lambda: search.index_site(site, output=ours), rounds)
        rows.append(("index_site: all of it, the documents given as they are made", wall, processor))
        before = scratch / "before"
        wall, processor, _ = timed(lambda: command_line(site, scratch / "documents", before), rounds)
        rows.append(("before: the documents written, Pagefind's command line, sorted, budget", wall, processor))
        print(f"{site}: load average {os.getloadavg()[0]:.2f}, the quickest of {rounds}")
        print("| step | wall (s) | processor (s) |\n| --- | ---: | ---: |")
        for label, wall, processor in rows:
            print(f"| {label} | {wall:.3f} | {processor:.3f} |")
        # The proof: the command line's order gives its bytes; the paths' order the same search.
        by_path = dict(made)
        in_walk_order = [(path, by_path[path]) for path in walk_order(scratch / "documents")]
        walked = scratch / "walked"
        write_index(search.pagefind_executable(), in_walk_order, walked, root_selector=search.CONTENT_SELECTOR,
                    exclude_selectors=(", ".join(search.NOT_INDEXED),))  # fmt: skip
        search._sort_languages(walked)
        write_budget(walked)
        print(
            f"service in the command line's order, byte for byte the command line's files: {same_files(walked, before)}"
        )
        print(f"service in the paths' order (the build), byte for byte: {same_files(ours, before)}")
        print(f"service in the paths' order, the same search (words, places, weights, documents, chunks, fragments): "
              f"{searched(ours) == searched(before)}")  # fmt: skip
        for index in (scratch / "whole", scratch / "split"):
            search._sort_languages(index)
            write_budget(index)
        same = same_files(scratch / "split", scratch / "whole")
        print(f"the trimmed documents' index, byte for byte the whole pages': {same}")


if __name__ == "__main__":
    main()
