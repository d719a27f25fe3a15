"""What a reader's search may fetch: the bytes of each of Pagefind's index chunks, and the budget they share.

Pagefind fetches, for each word of a query, the index chunk whose range of words holds it, whole; the chunks of
words nearly every article holds are the largest ("the" about 107 KB at 25,000 claim pages), and a query of
several such words went past 300 KB (bench/README.md, "Fourth round: search payload"). After Pagefind has
written its index, `write_budget` writes `factsite-budget.json` beside it: the range and size on the wire of
every chunk, and how many bytes the chunks of one search may take. The search page
(templates/theme/assets/javascripts/factsite-search.js) reads it before searching and keeps the query's
words, rarest first, while their chunks fit; it names the words it left out.

The budget's arithmetic is here and nowhere else. A search transfers:

- the engine: `pagefind.js` and its worker (text, compressed by the host: counted gzipped), the WebAssembly
  (`wasm.<language>.pagefind`, compressed by Pagefind);
- Pagefind's list of documents (`pagefind.<hash>.pf_meta`), `pagefind-entry.json` and this file;
- the fragments of the results shown (RESULTS_SHOWN; counted as the largest that many fragments of the index);
- the index chunks of the words searched: what is left of BUDGET, `chunk_bytes` in the file.

Pagefind's meta file is gzip, then the signature `pagefind_dcd`, then CBOR: a fixed array of the generator's
version, the documents ([hash, word count] each), the index chunks ([from, to, hash] each), the filters and
the sorts (pagefind_web/src/metadata.rs; read here from Pagefind 1.3 and 1.5). Any other shape leaves the file
out, and the search page searches every word, as Pagefind alone does.

A host without compression sends the text files larger than counted here (bench/README.md: 237 KB instead of
175 KB, the median query): the budget is for the hosts static sites are served from, which compress text.
"""

from __future__ import annotations

import gzip
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

import cbor2

# The goal: one search transfers at most 300 KB (KB = 1,024 bytes, compressed as transferred).
BUDGET = 300 * 1024
# Results the search page shows (each fetches its document's fragment).
RESULTS_SHOWN = 5
BUDGET_FILE = "factsite-budget.json"
SIGNATURE = b"pagefind_dcd"
# Hosts compress text files; Pagefind's own files (*.pf_*, the WebAssembly) are gzip already.
GZIP_LEVEL = 6


@dataclass(frozen=True)
class Chunk:
    """One index chunk: the words from `first` to `last` (Pagefind's order), `size` bytes on the wire."""

    first: str
    last: str
    hash: str
    size: int


def read_chunks(pagefind_dir: Path) -> tuple[Chunk, ...] | None:
    """The index chunks of Pagefind's index in `pagefind_dir`, in Pagefind's order; None when the index
    is not one this module can read (no single language, another format)."""
    metas = sorted(pagefind_dir.glob("pagefind.*.pf_meta"))
    if len(metas) != 1:
        return None
    try:
        data = gzip.decompress(metas[0].read_bytes())
    except (OSError, EOFError, zlib.error):
        return None
    if not data.startswith(SIGNATURE):
        return None
    try:
        meta = cbor2.loads(data[len(SIGNATURE) :])
    except (cbor2.CBORDecodeError, ValueError, TypeError):
        return None
    if not isinstance(meta, list) or len(meta) < 3 or not isinstance(meta[2], list):
        return None
    chunks = []
    for entry in meta[2]:
        if not (isinstance(entry, list) and len(entry) == 3 and all(isinstance(part, str) for part in entry)):
            return None
        first, last, hash_ = entry
        path = pagefind_dir / "index" / f"{hash_}.pf_index"
        if not path.is_file():
            return None
        chunks.append(Chunk(first, last, hash_, path.stat().st_size))
    return tuple(chunks)


def write_budget(pagefind_dir: Path) -> bool:
    """Write `factsite-budget.json` into Pagefind's output `pagefind_dir`; whether it could (an index this
    module cannot read gets no file, and the search page searches every word)."""
    target = pagefind_dir / BUDGET_FILE
    target.unlink(missing_ok=True)
    chunks = read_chunks(pagefind_dir)
    if chunks is None:
        return False
    fixed = _fixed_bytes(pagefind_dir)
    fragments = sum(sorted(_sizes(pagefind_dir / "fragment", "*.pf_fragment"), reverse=True)[:RESULTS_SHOWN])
    own = 0
    # The file is fetched too: count it, compressed. Its size depends on the figure it holds; a few rounds settle.
    for _ in range(5):
        body = _body(chunks, fixed + own, fragments)
        size = len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))
        if size <= own:
            break
        own = size
    target.write_bytes(body)
    return True


def _body(chunks: tuple[Chunk, ...], fixed: int, fragments: int) -> bytes:
    document = {
        "budget": BUDGET,
        "fixed": fixed,
        "fragments": fragments,
        # What the chunks of one search may take; never below zero (a search keeps its rarest word whatever it costs).
        "chunk_bytes": max(0, BUDGET - fixed - fragments),
        # [first word, last word, bytes] of each chunk in Pagefind's order: the page finds a word's chunk as
        # Pagefind does, the first whose range holds it.
        "chunks": [[chunk.first, chunk.last, chunk.size] for chunk in chunks],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _fixed_bytes(pagefind_dir: Path) -> int:
    """Bytes every search fetches whatever its words: the engine, the list of documents, the entry file."""
    # One WebAssembly is fetched, its language's (or `unknown`'s): the largest is counted.
    wasm = max(_sizes(pagefind_dir, "wasm.*.pagefind"), default=0)
    compressed = wasm + sum(_sizes(pagefind_dir, "pagefind.*.pf_meta"))
    text = [pagefind_dir / name for name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")]
    return compressed + sum(
        len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)) for path in text if path.is_file()
    )


def _sizes(folder: Path, pattern: str) -> list[int]:
    return [path.stat().st_size for path in folder.glob(pattern)]
