"""The search page on Pagefind, on a small site forced onto Pagefind: it finds a claim by its words, from the site's
own origin, and fetches the text of the results it shows and of no others. A result is an article; the claims its
words were found in are listed below it and link to their own pages.

A search may transfer at most 300 KB: the page keeps a query's words, rarest first, while the index chunks they
need fit what the budget leaves them (`chunk_bytes` in pagefind/factsite-budget.json), and names the words it left
out. The small site's index is one chunk; the budget tests index a site with pages of common words added, so that
each common word has a chunk of its own, and lower `chunk_bytes` in the written file (the only way to change it).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Request, expect

from factsite.adapters.mkdocs.commands import build_site
from factsite.adapters.mkdocs.search import PAGEFIND_DIR, index_site, pagefind_executable
from factsite.adapters.mkdocs.search_budget import BUDGET_FILE, read_chunks
from tests.browser.conftest import served
from tests.scale.conftest import site_project

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(pagefind_executable() is None, reason="Pagefind is not installed"),
]

RESULT_LINK = ".fs-search__result-link"
CLAIM_LINK = ".fs-search__claim-link"
# The sentence each page added for the budget tests repeats hundreds of times: each word gets an index chunk of its
# own. Pagefind shortens the ranges' bounds to the letters that tell neighbouring chunks apart ("ri" for "river"),
# and fetches no chunk for a word past its chunk's bound unless no word of the query has one: the tests use the
# words that Pagefind finds in a range (`common_words`).
SENTENCE = "the river of gold and the road in time to a town. "


@dataclass(frozen=True)
class Searched:
    page: Page
    links: list[str]
    urls: list[str]
    errors: list[str]
    status: str


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    config_file = site_project(tmp_path_factory.mktemp("pagefind") / "project", search="pagefind")
    assert build_site(str(config_file)).ok
    with served(config_file.parent / "site") as url:
        yield url


@pytest.fixture(scope="module")
def common_words_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small site with forty pages of common words added, indexed again by Pagefind."""
    config_file = site_project(tmp_path_factory.mktemp("budget") / "project", search="pagefind")
    assert build_site(str(config_file)).ok
    site = config_file.parent / "site"
    shell = (site / "methodology" / "index.html").read_text("utf-8")
    content = re.search(r'(<article class="md-content__inner[^"]*">)(.*?)(</article>)', shell, re.DOTALL)
    assert content is not None
    for number in range(40):
        words = f"<h1>Notes {number}</h1><p>" + SENTENCE * 600 + "</p>"
        page = shell[: content.start(2)] + words + shell[content.end(2) :]
        (site / "notes" / str(number)).mkdir(parents=True)
        (site / "notes" / str(number) / "index.html").write_text(page, "utf-8")
    shutil.rmtree(site / PAGEFIND_DIR)
    index_site(site)
    yield site


@pytest.fixture()
def budget_of(common_words_site: Path) -> Iterator[dict]:
    """The site's budget file, read; what a test writes into it is put back after the test."""
    path = common_words_site / PAGEFIND_DIR / BUDGET_FILE
    written = path.read_text("utf-8")
    yield json.loads(written)
    path.write_text(written, "utf-8")


def search(browser: Browser, url: str, query: str, *, typed: bool = True) -> Searched:
    """Search `query` on the search page (typed in its box, or given as `?q=`): links shown, URLs asked for, errors."""
    context = browser.new_context()
    requests: list[Request] = []
    context.on("request", lambda request: requests.append(request))
    context.route(lambda address: not address.startswith(url), lambda route: route.abort("blockedbyclient"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    if typed:
        page.goto(url + "search/", wait_until="networkidle")
        page.fill("#fs-search-input", query)
    else:
        page.goto(url + "search/?q=" + query.replace(" ", "%20"), wait_until="networkidle")
    # The status says what was found (or that nothing was) once the results are drawn.
    expect(page.locator("#fs-search-status")).to_contain_text(re.compile("Results found|Nothing found"))
    page.wait_for_load_state("networkidle")
    links = [link.get_attribute("href") or "" for link in page.locator(f"{RESULT_LINK}, {CLAIM_LINK}").all()]
    status = page.locator("#fs-search-status").inner_text()
    return Searched(page, links, [request.url for request in requests], errors, status)


def test_pagefind_finds_a_claim_by_its_words(browser: Browser, pagefind_site: str) -> None:
    found = search(browser, pagefind_site, "three lakh")
    articles = [link for link in found.links if "/claims/" not in link]
    claims = [link for link in found.links if "/claims/" in link]
    assert articles and all(link.startswith("/articles/") for link in articles), found.links
    # Each claim links to its own page, not to a section of its article's page.
    assert claims and all(re.fullmatch(r"/articles/[^/#]+/claims/jobs-quote/", link) for link in claims), found.links
    assert [url for url in found.urls if not url.startswith(pagefind_site)] == []
    assert any(url.endswith(".pf_index") for url in found.urls), "Pagefind fetched no index chunk"
    assert found.errors == []
    # The words found are marked in the excerpts, as elements built by the page (not HTML from the index).
    expect(found.page.locator(".fs-search__excerpt mark").first).to_have_text(re.compile("three|lakh"))
    found.page.context.close()


def test_a_claim_found_opens_its_page(browser: Browser, pagefind_site: str) -> None:
    found = search(browser, pagefind_site, "three lakh", typed=False)
    # `?q=` searches as the page opens, and fills the box.
    expect(found.page.locator("#fs-search-input")).to_have_value("three lakh")
    found.page.locator(CLAIM_LINK).first.click()
    expect(found.page).to_have_url(re.compile(r"/claims/jobs-quote/$"))
    expect(found.page.locator("h1")).to_contain_text("we created three lakh jobs")
    found.page.context.close()


def test_pagefind_fetches_the_text_of_the_results_it_shows_only(browser: Browser, pagefind_site: str) -> None:
    # A word of every article and of the methodology page: more documents than articles.
    found = search(browser, pagefind_site, "ministry")
    shown = [link for link in found.links if "/claims/" not in link]
    fragments = [url for url in found.urls if url.endswith(".pf_fragment")]
    assert 3 <= len(shown) <= 5, found.links
    assert len(fragments) == len(shown)
    assert found.errors == []
    assert not any(link.endswith("404.html") for link in found.links)
    # The page uses Pagefind's engine, not its interface.
    assert not any("pagefind-ui" in url for url in found.urls)
    found.page.context.close()


def test_the_search_page_is_accessible_with_results(browser: Browser, pagefind_site: str) -> None:
    found = search(browser, pagefind_site, "three lakh")
    violations = Axe().run(found.page).response["violations"]
    blocking = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
    assert blocking == []
    # The status is announced to screen readers; the results are reached with the keyboard.
    expect(found.page.locator("#fs-search-status")).to_have_attribute("role", "status")
    found.page.locator("#fs-search-input").focus()
    found.page.keyboard.press("Tab")
    found.page.keyboard.press("Tab")
    assert found.page.evaluate("document.activeElement.classList.contains('fs-search__result-link')")
    found.page.context.close()


def test_nothing_found_is_said(browser: Browser, pagefind_site: str) -> None:
    found = search(browser, pagefind_site, "xqzvw")
    assert "Nothing found for “xqzvw”" in found.status
    assert found.links == [] and found.errors == []
    found.page.context.close()


def chunk_of(word: str, chunks: list[list]) -> int:
    """The index of the chunk Pagefind fetches for `word`: the first whose range holds it."""
    return next(index for index, (first, last, _) in enumerate(chunks) if first <= word <= last)


def fetched_chunks(found: Searched) -> set[str]:
    return {url.rsplit("/", 1)[-1] for url in found.urls if url.endswith(".pf_index")}


def searched_words(status: str) -> list[str]:
    line = next(line for line in status.splitlines() if line.startswith("Searched for: "))
    return line.removeprefix("Searched for: ").split(", ")


def left_out_words(status: str) -> list[str]:
    line = next(line for line in status.splitlines() if line.startswith("Left out to keep the search fast: "))
    return line.removeprefix("Left out to keep the search fast: ").split(", ")


def common_words(chunks: list[list]) -> tuple[str, ...]:
    """The sentence's words that are in a chunk's range, one word a chunk."""
    words: dict[int, str] = {}
    for word in dict.fromkeys(SENTENCE.strip(" .").split()):
        index = next((i for i, (first, last, _) in enumerate(chunks) if first <= word <= last), None)
        if index is not None:
            words.setdefault(index, word)
    return tuple(words.values())


def test_a_query_of_common_words_fetches_what_the_budget_allows(
    browser: Browser, common_words_site: Path, budget_of: dict
) -> None:
    chunks = budget_of["chunks"]
    COMMON = common_words(chunks)
    assert len(COMMON) >= 4 and "the" in COMMON
    sizes = {word: chunks[chunk_of(word, chunks)][2] for word in COMMON}
    assert len({chunk_of(word, chunks) for word in COMMON}) == len(COMMON), "each common word has a chunk"
    # Room for the two rarest words' chunks and no third.
    smallest = sorted(sizes.values())
    budget_of["chunk_bytes"] = smallest[0] + smallest[1]
    (common_words_site / PAGEFIND_DIR / BUDGET_FILE).write_text(json.dumps(budget_of), "utf-8")
    with served(common_words_site) as url:
        found = search(browser, url, " ".join(COMMON))
    searched, left_out = searched_words(found.status), left_out_words(found.status)
    rarest = sorted(COMMON, key=lambda word: (sizes[word], COMMON.index(word)))
    assert searched == [word for word in COMMON if word in rarest[:2]]
    assert sorted(left_out) == sorted(rarest[2:])
    assert "the" in left_out
    # What was fetched is the chunks of the words searched, within the bytes allowed.
    names = {f"{chunk_hash}.pf_index" for chunk_hash in hashes(common_words_site, searched)}
    assert fetched_chunks(found) == names
    files = common_words_site / PAGEFIND_DIR / "index"
    assert sum((files / name).stat().st_size for name in fetched_chunks(found)) <= budget_of["chunk_bytes"]
    assert len([url for url in found.urls if url.endswith(".pf_fragment")]) <= 5
    assert found.errors == []
    found.page.context.close()


def test_a_word_past_its_chunks_bound_is_counted(browser: Browser, common_words_site: Path, budget_of: dict) -> None:
    # Pagefind (1.5) fetches, for a word past the shortened bound of its chunk ("river" after "ri"), the chunk whose
    # bounds match once cut to the shorter: the page counts it, and the whole sentence stays within the budget.
    chunks = budget_of["chunks"]
    words = list(dict.fromkeys(SENTENCE.strip(" .").split()))
    assert set(words) - set(common_words(chunks)), "a word of the sentence is past its chunk's bound"
    sizes = sorted({chunks[loose_chunk_of(word, chunks)][2] for word in words})
    budget_of["chunk_bytes"] = sum(sizes[:3])
    (common_words_site / PAGEFIND_DIR / BUDGET_FILE).write_text(json.dumps(budget_of), "utf-8")
    with served(common_words_site) as url:
        found = search(browser, url, " ".join(words))
    files = common_words_site / PAGEFIND_DIR / "index"
    assert sum((files / name).stat().st_size for name in fetched_chunks(found)) <= budget_of["chunk_bytes"]
    assert left_out_words(found.status) and found.errors == []
    found.page.context.close()


def loose_chunk_of(word: str, chunks: list[list]) -> int:
    """The chunk holding `word`, or else the first whose bounds hold it once cut to the shorter."""
    for index, (first, last, _) in enumerate(chunks):
        if first <= word <= last:
            return index
    return next(
        index
        for index, (first, last, _) in enumerate(chunks)
        if word[: len(first)] >= first[: len(word)] and word[: len(last)] <= last[: len(word)]
    )


def test_a_query_of_only_common_words_searches_its_rarest(
    browser: Browser, common_words_site: Path, budget_of: dict
) -> None:
    budget_of["chunk_bytes"] = 0
    (common_words_site / PAGEFIND_DIR / BUDGET_FILE).write_text(json.dumps(budget_of), "utf-8")
    chunks = budget_of["chunks"]
    words = common_words(chunks)[:3]
    rarest = min(words, key=lambda word: chunks[chunk_of(word, chunks)][2])
    with served(common_words_site) as url:
        found = search(browser, url, f"{words[0].title()}, {words[1]}: {words[2]}!", typed=False)
    assert searched_words(found.status) == [rarest]
    assert sorted(left_out_words(found.status)) == sorted(set(words) - {rarest})
    assert fetched_chunks(found) == {f"{chunk_hash}.pf_index" for chunk_hash in hashes(common_words_site, [rarest])}
    assert "Results found" in found.status
    found.page.context.close()


def test_without_the_budget_file_every_word_is_searched(
    browser: Browser, common_words_site: Path, budget_of: dict
) -> None:
    # An index the build could not read (another Pagefind format) has no budget file: Pagefind's own behaviour.
    words = common_words(budget_of["chunks"])[:3]
    (common_words_site / PAGEFIND_DIR / BUDGET_FILE).unlink()
    with served(common_words_site) as url:
        found = search(browser, url, " ".join(words))
    assert "Left out" not in found.status
    assert fetched_chunks(found) == {f"{h}.pf_index" for h in hashes(common_words_site, list(words))}
    # Chromium reports the missing file; nothing else went wrong.
    assert [error for error in found.errors if "404" not in error] == []
    found.page.context.close()


def test_typing_does_not_search_each_prefix(browser: Browser, common_words_site: Path, budget_of: dict) -> None:
    chunks = budget_of["chunks"]
    # The longest word with a prefix ("t", "to", "tow") that Pagefind would find in another chunk.
    word = next(
        word
        for word in sorted(common_words(chunks), key=len, reverse=True)
        if any(loose_chunk_of(word[:end], chunks) != loose_chunk_of(word, chunks) for end in range(1, len(word)))
    )
    with served(common_words_site) as url:
        context = browser.new_context()
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.goto(url + "search/", wait_until="networkidle")
        # A reader typing at 100 ms a key: one search, when the typing stops.
        page.locator("#fs-search-input").press_sequentially(word, delay=100)
        expect(page.locator("#fs-search-status")).to_contain_text("Results found")
        page.wait_for_load_state("networkidle")
        assert {u.rsplit("/", 1)[-1] for u in requests if u.endswith(".pf_index")} == {
            f"{chunk_hash}.pf_index" for chunk_hash in hashes(common_words_site, [word])
        }
        assert page.evaluate("new URL(location.href).searchParams.get('q')") == word
        context.close()


def hashes(site: Path, words: list[str]) -> set[str]:
    """The hashes of the chunks of `words`, read from Pagefind's own metadata (not from the budget file)."""
    chunks = read_chunks(site / PAGEFIND_DIR)
    assert chunks is not None
    return {next(chunk.hash for chunk in chunks if chunk.first <= word <= chunk.last) for word in words}
