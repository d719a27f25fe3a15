"""The characters a fact-check's YAML may not write with an escape: PyYAML's reader's own set, reused rather than
compiled a second time, and still the set the check was written for."""

from __future__ import annotations

import re

from factsite.load.yaml_nodes import UNPRINTABLE

# Control characters but tab and line breaks, lone surrogates, non-characters (YAML 1.1's printable set, inverted).
SPELLED_OUT = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def test_the_unprintable_characters_are_the_ones_spelled_out() -> None:
    differ = [
        code for code in range(0x110000) if bool(UNPRINTABLE.match(chr(code))) != bool(SPELLED_OUT.match(chr(code)))
    ]
    assert differ == []
    assert UNPRINTABLE.search("a\x07b") and UNPRINTABLE.search("\ud800") and UNPRINTABLE.search("\ufffe")
    assert not UNPRINTABLE.search("tab\tline\nइ مرحبا \U0001f600")
