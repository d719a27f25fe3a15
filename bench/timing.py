"""Timing for the benchmarks: the best of several runs of an action.

The scripts in bench/ import it as `timing`: run as `python bench/<script>.py`, a script's own
directory comes first on the import path.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def best_time(action: Callable[[], object], repeats: int = 5) -> float:
    """The fastest of several runs, in seconds: the least disturbed by the rest of the machine."""
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)
