"""The article page with its CSS and JS stays within the 80 KB gzip budget (search excluded).

The measuring is bench/bench_page_weight.py's, so the test and the benchmark cannot disagree.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from tests.browser.conftest import DemoSite

pytestmark = pytest.mark.browser

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_page_weight.py"


def load_bench():  # type: ignore[no-untyped-def]
    # bench/ holds scripts, not a package: load the module from its file.
    spec = importlib.util.spec_from_file_location("bench_page_weight", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Dataclasses look their module up in sys.modules while the class is created.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_article_page_is_within_its_weight_budget(browser: Browser, demo_site: DemoSite) -> None:
    bench = load_bench()
    weight = bench.measure_page(browser, demo_site.url, "article", demo_site.article_path)
    assert any(resource.kind == "js" for resource in weight.resources), "no script was weighed"
    # Search (its index and the worker that reads it) is left out of the budget; see the bench.
    assert weight.search_worker_gzip_bytes > 0, "the search worker was found and set apart"
    assert bench.budgeted_bytes(weight) <= bench.ARTICLE_BUDGET_BYTES, bench.format_table([weight])
