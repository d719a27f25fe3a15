"""The labelled corpus: every planted copy error and quotation is found, nothing clean fires."""

from __future__ import annotations

import pytest

from factsite.lint import COPY_ERROR_KINDS, suggest_candidates
from tests.lint.labelled import LabelledArticle, load_corpus, score

ARTICLES = load_corpus()
# Figures and dates come from the checks' own readers; a few of their misses are documented there.
MIN_CANDIDATE_RECALL = 0.9


def run(article: LabelledArticle):  # type: ignore[no-untyped-def]
    expected = tuple(wanted for wanted in article.expected if not wanted.get("known_miss"))
    found = suggest_candidates(article.text, locale=article.locale, published=article.published)
    return score(found, expected)


def test_corpus_has_every_style_and_kind() -> None:
    locales = {article.locale for article in ARTICLES}
    kinds = {wanted["kind"] for article in ARTICLES for wanted in article.expected}
    assert len(ARTICLES) >= 6
    assert {"en_US", "en_GB", "en_IN"} <= locales
    assert kinds >= COPY_ERROR_KINDS | {"quotation", "figure", "date"}


@pytest.mark.parametrize("article", ARTICLES, ids=[article.name for article in ARTICLES])
def test_copy_errors_are_found_and_nothing_clean_fires(article: LabelledArticle) -> None:
    result = run(article)
    missed = [w["text"] for w in result.false_negatives if w["kind"] in COPY_ERROR_KINDS]
    false_alarms = [f.text for f in result.false_positives if f.is_copy_error]
    assert (missed, false_alarms) == ([], [])


@pytest.mark.parametrize("article", ARTICLES, ids=[article.name for article in ARTICLES])
def test_quotations_are_found_with_their_speakers(article: LabelledArticle) -> None:
    result = run(article)
    missed = [w["text"] for w in result.false_negatives if w["kind"] == "quotation"]
    extra = [f.text for f in result.false_positives if f.kind == "quotation"]
    wrong = [detail for detail in result.wrong_details if detail[:2] == ("quotation", "speaker")]
    assert (missed, extra, wrong) == ([], [], [])


@pytest.mark.parametrize("article", ARTICLES, ids=[article.name for article in ARTICLES])
def test_suggestions_are_the_labelled_corrections(article: LabelledArticle) -> None:
    result = run(article)
    assert [d for d in result.wrong_details if d[1] == "suggestion"] == []


def test_figure_and_date_candidates_are_nearly_all_found() -> None:
    hits = missed = false = 0
    for article in ARTICLES:
        result = run(article)
        hits += result.true_positives["figure"] + result.true_positives["date"]
        missed += sum(1 for w in result.false_negatives if w["kind"] in ("figure", "date"))
        false += sum(1 for f in result.false_positives if f.kind in ("figure", "date"))
    assert hits / (hits + missed) >= MIN_CANDIDATE_RECALL
    assert hits / (hits + false) >= MIN_CANDIDATE_RECALL
