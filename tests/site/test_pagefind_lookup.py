"""Pagefind's program found as its own package finds it, without the module that imports asyncio."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPOSITORY

FIND_BOTH = """
import sys
from factsite.adapters.mkdocs.search import pagefind_executable
mine = pagefind_executable()
print("asyncio" in sys.modules)
from pagefind.service import get_executable
print(mine == get_executable())
"""


@pytest.mark.parametrize("given", [None, "/opt/pagefind/bin/pagefind"])
def test_pagefind_is_found_where_its_own_package_finds_it_without_importing_asyncio(given: str | None) -> None:
    # The build looks for Pagefind's program to choose its search: as Pagefind's package looks for it (its
    # environment variable, its packages, then the PATH), but without its service module, which imports asyncio
    # (13 ms of a build of 1,000 claim pages on one processor, between composing and rendering).
    env = {key: value for key, value in os.environ.items() if key != "PAGEFIND_BINARY_PATH"}
    if given is not None:
        env["PAGEFIND_BINARY_PATH"] = given
    finished = subprocess.run([sys.executable, "-c", FIND_BOTH], capture_output=True, text=True, env=env,
                              cwd=REPOSITORY, timeout=60)  # fmt: skip
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.split() == ["False", "True"]
