"""Functions run in a forked process: their result, or their exception, reaches the parent.

The forks run in a fresh interpreter: the test process may run other threads (browser and server fixtures),
and factsite never forks a process that does.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

from factsite.build.incremental import workers

PRELUDE = """
import os
from factsite.build.incremental import workers

class Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("cannot be pickled")

def fail(error):
    raise error

def outcome(function):
    try:
        return repr(workers.start(function).result())
    except BaseException as error:
        return f"raised {type(error).__name__}: {error}"
"""


def run(code: str) -> list[str]:
    script = PRELUDE + textwrap.dedent(code)
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert finished.returncode == 0, finished.stderr
    return finished.stdout.splitlines()


def test_the_result_comes_back_from_another_process() -> None:
    [same_process, result] = run("""
        child = workers.start(lambda: (os.getpid(), len(b"x" * 1_000_000)))
        pid, size = child.result()
        print(pid == os.getpid(), pid == child.pid)
        print(size)
    """)
    assert same_process == "False True"
    assert result == "1000000"


def test_an_exception_is_raised_in_the_parent_as_it_was() -> None:
    assert run("""print(outcome(lambda: fail(ValueError("content/articles/a.yaml: broken"))))""") == [
        "raised ValueError: content/articles/a.yaml: broken"
    ]


def test_an_exception_that_cannot_be_pickled_arrives_as_its_message() -> None:
    assert run("""print(outcome(lambda: fail(Unpicklable("odd failure"))))""") == [
        "raised RuntimeError: Unpicklable: odd failure"
    ]


def test_a_process_running_threads_is_not_forked() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not workers.can_fork()
    finally:
        stop.set()
        thread.join()
    assert run("print(workers.can_fork())") == ["True"]


def test_work_in_shares_comes_back_from_every_process_and_a_failure_does_not_stop_the_others() -> None:
    [shares, steps, failures] = run("""
        def work(share, steps):
            if 4 in share:
                raise ValueError("item 4 failed")
            return (os.getpid(), list(share), steps)

        done, failed = workers.in_shares(work, list(range(6)), 3)
        print(sorted(items for _, items, _ in done))
        print(sorted(steps for _, _, steps in done), len({pid for pid, _, _ in done}))
        print([str(error) for error in failed])
    """)
    assert shares == "[[0, 3], [2, 5]]"  # [1, 4] failed in its child
    assert steps == "[0, 3] 2"  # this process's share reports progress for all three
    assert failures == "['item 4 failed']"


def test_this_process_takes_the_smallest_share() -> None:
    # It reports the progress, and in a build did the first article before the fork: with the larger share it would
    # end last, the children waiting for it.
    [mine, theirs] = run("""
        done, failed = workers.in_shares(lambda share, steps: (os.getpid(), list(share)), list(range(5)), 2)
        print([item for pid, items in done if pid == os.getpid() for item in items])
        print([items for pid, items in done if pid != os.getpid()])
    """)
    assert (mine, theirs) == ("[1, 3]", "[[0, 2, 4]]")


def test_a_failure_in_a_child_keeps_the_childs_traceback_as_its_cause() -> None:
    [message, cause, child_frames] = run("""
        import traceback

        def deep_in_the_child():
            raise ValueError("content/articles/a.yaml:3:1: broken")

        try:
            workers.start(deep_in_the_child).result()
        except ValueError as error:
            print(error)
            print(type(error.__cause__).__name__)
            text = "".join(traceback.format_exception(error))
            print("deep_in_the_child" in text and "In a build process:" in text)
    """)
    assert message == "content/articles/a.yaml:3:1: broken"
    assert cause == "ChildTraceback"
    assert child_frames == "True"


def test_work_started_ahead_is_finished_before_a_fork() -> None:
    # The loaded result is what the children share: the fork waits for it instead of refusing or copying it
    # half done.
    assert run("""
        import time
        from factsite.build import ahead
        done = []
        ahead.start(lambda: (time.sleep(0.3), done.append(True)))
        print(workers.can_fork(), done, outcome(lambda: len(done)))
    """) == ["True [True] 1"]


def test_what_this_process_does_meanwhile_comes_after_its_share_and_before_the_wait() -> None:
    # Work that needs none of the children's results is done while they work, once this process's share is done;
    # its failure is reported with theirs, every child still waited for.
    [order, failures] = run("""
        import time

        seen = []

        def work(share, steps):
            if steps == 0:
                time.sleep(0.3)  # a child's share, longer than this process's
            seen.append(("share", list(share)))
            return os.getpid()

        def meanwhile():
            seen.append(("meanwhile", None))
            raise ValueError("meanwhile failed")

        done, failed = workers.in_shares(work, list(range(4)), 2, meanwhile)
        print(seen, len(done))
        print([str(error) for error in failed])
    """)
    assert order == "[('share', [1, 3]), ('meanwhile', None)] 2"
    assert failures == "['meanwhile failed']"
