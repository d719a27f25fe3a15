"""Line and column numbers of offsets in a text: how every problem and finding points at its place."""

from __future__ import annotations

import bisect
import re

from factsite.model import Location


class LineIndex:
    """Converts offsets in a text to 1-based line and column numbers, the way editors count them."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.first_line = first_line

    def line_and_column(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + index, offset - self.starts[index] + 1

    def location(self, path: str, offset: int) -> Location:
        return Location(path, *self.line_and_column(offset))
