"""Work started in a thread before it is needed, so that it overlaps the start of a command.

The lint engine (Harper) loads its dictionary once per process, about 0.45 s of one processor: most of
the fixed cost of a small build. It releases Python's lock while it does, so loaded in a thread from
the command's first line it overlaps the imports, MkDocs' configuration and the checks that come
before the lint. A fork copies only the thread that calls it: `factsite.build.incremental.workers.can_fork` waits for
this work first, and the forked workers then share the loaded dictionary instead of each loading it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

_started: list[threading.Thread] = []


def start(work: Callable[[], object]) -> None:
    """Run `work` in a thread now. It only prepares: a failure is left for the real use to report."""

    def quietly() -> None:
        # The code that needs the work meets the same failure, and reports it located.
        with contextlib.suppress(Exception):
            work()

    # Not a daemon: Python waits for it before shutting down, where a thread still in the engine's native
    # code could otherwise be stopped mid-way (a command that fails at once waits the rest of its 0.45 s).
    thread = threading.Thread(target=quietly, name="factsite-ahead")
    thread.start()
    _started[:] = [*(earlier for earlier in _started if earlier.is_alive()), thread]


def wait() -> None:
    """Wait for all the work started ahead."""
    while _started:
        _started.pop().join()


def load_lint_engine() -> None:
    """Load Harper's dictionary, which every linter of the process shares, in a thread."""

    def load() -> None:
        import harper

        harper.Linter(harper.Dialect.AMERICAN)

    start(load)
