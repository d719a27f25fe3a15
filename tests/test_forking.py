"""Functions run in a forked process: their result, or their exception, reaches the parent."""

from __future__ import annotations

import os
import threading

import pytest

from factsite import forking


class Unpicklable(Exception):
    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("cannot be pickled")


def test_the_result_comes_back_from_another_process() -> None:
    assert forking.can_fork()
    child = forking.start(lambda: (os.getpid(), b"x" * 1_000_000))
    pid, payload = child.result()
    assert pid == child.pid != os.getpid()
    assert payload == b"x" * 1_000_000


def test_an_exception_is_raised_in_the_parent_as_it_was() -> None:
    def fail() -> None:
        raise ValueError("content/articles/a.yaml: broken")

    with pytest.raises(ValueError, match=r"a\.yaml: broken"):
        forking.start(fail).result()


def test_an_exception_that_cannot_be_pickled_arrives_as_its_message() -> None:
    def fail() -> None:
        raise Unpicklable("odd failure")

    with pytest.raises(RuntimeError, match="Unpicklable: odd failure"):
        forking.start(fail).result()


def test_a_process_running_threads_is_not_forked() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forking.can_fork()
    finally:
        stop.set()
        thread.join()
