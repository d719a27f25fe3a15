"""How far a long build has got: a one-line bar on an interactive terminal, plain lines elsewhere.

Builds quicker than `delay` show nothing. On a terminal the bar redraws in place (at most ten
times a second) and is erased when the build ends, so the closing summary stands alone; in logs
(CI, pipes) each stage that took longer than `delay` gets one line when it ends. Written here
rather than with `tqdm` or `rich`: one line of output needs no dependency.
"""

from __future__ import annotations

import shutil
import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

BAR_WIDTH = 24
REDRAW_EVERY = 0.1


@dataclass
class Progress:
    stream: TextIO | None
    interactive: bool
    delay: float = 1.0
    _started: float = field(default_factory=time.perf_counter)
    _stage: str = ""
    _unit: str = ""
    _total: int = 0
    _done: int = 0
    _stage_started: float = 0.0
    _drawn_at: float = 0.0
    _line_shown: bool = False

    @classmethod
    def for_terminal(cls, stream: TextIO = sys.stderr, delay: float = 1.0) -> Progress:
        return cls(stream, stream.isatty(), delay)

    @classmethod
    def silent(cls) -> Progress:
        return cls(None, False)

    def stage(self, name: str, total: int, unit: str) -> None:
        """Start a stage of `total` steps (0 when unknown); the previous stage ends."""
        self._end_stage()
        self._stage, self._unit, self._total, self._done = name, unit, total, 0
        self._stage_started = time.perf_counter()
        self._draw()

    def advance(self, steps: int = 1) -> None:
        # Never past the total: when forked workers share the work (`workers.in_shares`), this process counts each
        # of its items once for every process, an estimate of the others' progress (its share is the smallest, and
        # the larger shares' extra items are counted with its last, so that the count ends at the total).
        self._done = min(self._done + steps, self._total) if self._total else self._done + steps
        now = time.perf_counter()
        if self.interactive and now - self._drawn_at >= REDRAW_EVERY:
            self._draw()

    def finish(self) -> None:
        """End the last stage and clear the bar."""
        self._end_stage()
        self._stage = ""
        if self._line_shown and self.stream is not None:
            self.stream.write("\r" + " " * self._width() + "\r")
            self.stream.flush()
            self._line_shown = False

    def _draw(self) -> None:
        now = time.perf_counter()
        if not self.interactive or self.stream is None or not self._stage:
            return
        if now - self._started < self.delay:
            return
        self._drawn_at = now
        bar = ""
        if self._total:
            filled = min(BAR_WIDTH, BAR_WIDTH * self._done // self._total)
            bar = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self._counts()} "
        line = f"{self._stage} {bar}{now - self._started:.0f} s"
        self.stream.write("\r" + line[: self._width()].ljust(self._width()))
        self.stream.flush()
        self._line_shown = True

    def _end_stage(self) -> None:
        if not self._stage or self.stream is None or self.interactive:
            return
        elapsed = time.perf_counter() - self._stage_started
        if elapsed >= self.delay:
            counts = self._counts()
            done = f"{self._stage}: {counts}" if counts else self._stage
            self.stream.write(f"{done} in {elapsed:.1f} s\n")
            self.stream.flush()

    def _counts(self) -> str:
        if not self._total:
            return ""
        return f"{self._done:,}/{self._total:,} {self._unit}".strip()

    def _width(self) -> int:
        return max(20, shutil.get_terminal_size((80, 20)).columns - 1)
