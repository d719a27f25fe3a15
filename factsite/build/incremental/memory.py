"""Objects that live for a whole build, set aside from the garbage collector.

Python's collector scans every container object it tracks, again and again as objects are made. A build holds
millions of them until it ends (the checked content, the pages), and the live preview holds a site's between edits:
scanning them finds nothing to free and, at 25,000 claims, costs a third of writing the data files. `long_lived`
sets aside everything alive (`gc.freeze`) for the length of a block and hands it back to the collector at its end.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def long_lived(*, collect: bool = False) -> Iterator[None]:
    """Within the block, the collector skips every object alive at its start (after a collection first, with
    `collect`, so that garbage is not set aside with them); afterwards it scans them again.

    Entering it again inside sets aside the objects made since; every exit hands back all of them (the collector's
    set-aside is one for the whole process), so blocks end together, with the build that held them.
    """
    if collect:
        gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Within the block, no automatic collections (an explicit `gc.collect` still runs); afterwards as before.

    For checking a share of articles: each article's outcome is kept until the share ends, so every collection
    during it would scan all the outcomes made so far, and finds almost nothing (an article's check leaves about
    5 objects in cycles, some hundreds of bytes: bench/README.md, "Eighth round"), which the next collection
    after the block frees.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def return_freed_memory() -> None:
    """Hand the whole pages of memory freed so far back to the system, where the C library can (glibc's
    `malloc_trim`; elsewhere nothing happens).

    Python frees large objects (a page's HTML) to the C allocator, which keeps the space for the process: the
    composed parts of every article, let go once the pages are assembled, would stay counted against the build,
    and the render workers forked afterwards would share memory that nothing uses.
    """
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    if trim is not None:
        trim(0)
