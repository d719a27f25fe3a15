"""A function run in a forked process, its result or its exception coming back pickled through a pipe.

Builds fork to render pages in parallel and to keep MkDocs and Pagefind from holding memory at the same time.
A fork copies the parent as it is, so the function needs no arguments passed; a process running other threads
(the live preview's server) is never forked, as its child could deadlock on a lock another thread held.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from factsite.build import ahead

T = TypeVar("T")
R = TypeVar("R")


def available_processors() -> int:
    """The processors this process may run on (its affinity, where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether this process may fork; work started ahead in a thread is finished first (a fork would
    copy it half done, and its result is what the children should share)."""
    ahead.wait()
    return hasattr(os, "fork") and threading.active_count() == 1


class ChildTraceback(Exception):
    """Where an exception raised in a child process came from: the child's traceback, as text.

    The parent raises the child's exception `from` this one, as `concurrent.futures` does, so a full
    report (`--verbose`) shows where in the child it happened; a short one shows only the exception.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f"\n\nIn a build process:\n{self.text.rstrip()}"


@dataclass
class Child:
    pid: int
    read_end: int

    def result(self) -> Any:
        """Wait for the child: what its function returned, or its exception raised here."""
        try:
            with os.fdopen(self.read_end, "rb") as stream:
                data = stream.read()
        except BaseException:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
            raise
        _, status = os.waitpid(self.pid, 0)
        if not data:
            raise RuntimeError(f"a build process ended without a result (wait status {status})")
        # A share's results are tens of thousands of objects, none in a cycle: collections while they are made
        # would scan everything this process holds again and again (see `store.EntryStore.read_file`).
        collecting = gc.isenabled()
        gc.disable()
        try:
            failed, value = pickle.loads(data)
        finally:
            if collecting:
                gc.enable()
        if failed:
            error, origin = value
            raise error from ChildTraceback(origin)
        return value

    def stop(self) -> None:
        """End the child without its result (a build that no longer needs it), and wait for it to go."""
        os.close(self.read_end)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def start(function: Callable[[], Any], *, collect: bool = True) -> Child:
    """Run `function` in a forked process; `Child.result()` waits for it. `collect=False`: without the garbage
    collector, for work beside the parent that makes few objects in cycles (a collection writes to every object it
    scans, so the child would copy the parent's memory page by page while both run)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return Child(pid, read_end)
    os.close(read_end)  # pragma: no cover (runs in the child)
    if not collect:
        gc.disable()
    status = 0
    try:
        outcome: tuple[bool, Any] = (False, function())
    except BaseException as error:  # any failure reaches the parent as it was raised, with its traceback
        origin = "".join(traceback.format_exception(error))
        status, outcome = 1, (True, (_picklable(error), origin))
    try:
        with os.fdopen(write_end, "wb") as stream:
            pickle.dump(outcome, stream, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def in_shares(work: Callable[[Sequence[T], int], R], items: Sequence[T], processes: int,
              meanwhile: Callable[[], object] | None = None) -> tuple[list[R], list[Exception]]:  # fmt: skip
    """`work(share, steps)` on `processes` shares of `items`: the smallest share in this process with `steps`
    equal to `processes` (it reports progress for all: children would draw over a progress bar), the others
    in forked children with `steps` 0. Every child is waited for, whatever fails; returns the results of
    the shares that succeeded (this process's first, in two parts where the items do not divide evenly) and the
    exceptions of those that failed. `meanwhile`: what this process does once its share is done, before it waits
    for the children (work that needs none of their results); its failure is one of the failures."""
    shares = [items[index::processes] for index in range(processes)]
    # The last share is the smallest (by one item, where the items do not divide evenly): this process's, as it
    # reports the progress and, in the check and composing, did the first article before the fork. With the
    # larger share it ended last, the children waiting: at 1,000 claim pages 25 articles of 49 against 24.
    children = [start(functools.partial(work, share, 0)) for share in shares[:-1]]
    results: list[R] = []
    failures: list[Exception] = []
    # Its items count `processes` steps each, one for each process's; where the items do not divide evenly, the
    # larger shares' last items are counted with its own last one, so that the progress ends at the total.
    mine = shares[-1]
    extra = len(items) - processes * len(mine)
    parts = [(mine[:-1], processes), (mine[-1:], processes + extra)] if extra and mine else [(mine, processes)]
    try:
        for part, steps in parts:
            results.append(work(part, steps))
        if meanwhile is not None:
            meanwhile()
    except Exception as error:
        failures.append(error)
    for child in children:
        try:
            results.append(child.result())
        except Exception as error:
            failures.append(error)
    return results, failures


def _picklable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
