"""`factsite new`: the scaffolded article and claims load, every mark has its claim, nothing is
overwritten."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from factsite.commands.scaffold import read_draft, scaffold_article, slugify, write_scaffold
from factsite.load.articles import load_article
from tests.lint.labelled import CORPUS, load_corpus

MARK_CLOSE = re.compile(r"\]\{#([a-z0-9-]+)\}")
SEED = (CORPUS / "seed-article.txt").read_text(encoding="utf-8")
PUBLISHED = dt.date(2022, 9, 28)
ARTICLES = load_corpus()


def scaffold_seed() -> tuple[str, str]:
    return scaffold_article(SEED, slug="americans-russia", published=PUBLISHED, source_name="seed-article.txt")


@pytest.mark.parametrize("article", ARTICLES, ids=[article.name for article in ARTICLES])
def test_every_mark_has_exactly_one_claim(article) -> None:  # type: ignore[no-untyped-def]
    markdown, citations = scaffold_article(
        article.text,
        slug=article.name,
        published=article.published,
        source_name=article.name,
        locale=article.locale,
    )
    mark_ids = MARK_CLOSE.findall(markdown)
    claims = yaml.safe_load(citations)["claims"]
    assert sorted(mark_ids) == sorted(claims)
    assert len(set(mark_ids)) == len(mark_ids)


@pytest.mark.parametrize("article", ARTICLES, ids=[article.name for article in ARTICLES])
def test_scaffold_loads_without_problems(article, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    markdown, citations = scaffold_article(
        article.text,
        slug=article.name,
        published=article.published,
        source_name=article.name,
        locale=article.locale,
    )
    content = tmp_path / "content"
    paths = write_scaffold(content / "articles", article.name, markdown, citations)
    loaded = load_article(*paths, content, tmp_path)
    # The gaps only the editor can fill show as placeholder warnings; nothing else is wrong.
    assert [str(p) for p in loaded.problems if p.code != "placeholder"] == []
    assert {p.severity.value for p in loaded.problems} <= {"warning"}
    flagged = {p.message.split(": ")[1] for p in loaded.problems if p.message.startswith("front matter")}
    assert {"url", "summary"} <= flagged
    assert loaded.article is not None
    assert len(loaded.article.claims) == len(loaded.mark_spans) > 0


def test_seed_claims_are_prefilled() -> None:
    markdown, citations = scaffold_seed()
    claims = yaml.safe_load(citations)["claims"]
    assert claims["typo-th"] == {"kind": "typo", "correction": "the"}
    assert claims["leftover-read-more"] == {"kind": "typo", "correction": ""}
    # The value is the editor's to take from a source; the article's reading is a comment beside it.
    assert [claim_id for claim_id, claim in claims.items() if "value" in claim] == []
    assert '    # value: give the figure your sources state (the article\'s "3,00,000" reads as 300000)\n' in citations
    assert '(the article\'s "on Tuesday" reads as 2022-09-27)' in citations
    assert '(the article\'s "last week" reads as 2022-09-19 to 2022-09-25)' in citations
    quotes = {claim["speaker"] for claim in claims.values() if claim["kind"] == "quote"}
    assert quotes == {"the Embassy", "the embassy", "Putin"}
    assert all(
        claim.get("verdict") == "unreviewed" and claim["sources"] == []
        for claim in claims.values()
        if claim["kind"] != "typo"
    )
    assert "[th]{#typo-th} Biden" in markdown
    assert "## Russia Could Force Americans To Fight Against Ukraine" in markdown


def test_seed_front_matter_is_read_from_the_text() -> None:
    markdown, _ = scaffold_seed()
    front = yaml.safe_load(markdown.split("---\n")[1])
    assert front["title"].startswith("Americans In Russia Could Be Forced To FIGHT")
    assert front["published"] == PUBLISHED
    assert front["locale"] == "en_US"
    assert front["url"].startswith("https://")


def test_front_matter_of_the_pasted_file_is_kept() -> None:
    text = (
        "---\ntitle: Pasted\nurl: https://news.example/a\noutlet: Example News\n"
        "published: 2023-01-05\nlocale: en_GB\n---\n\nIt said teh thing.\n"
    )
    markdown, citations = scaffold_article(text, slug="pasted", published=None, source_name="a.md")
    front = yaml.safe_load(markdown.split("---\n")[1])
    assert (front["title"], front["url"], front["outlet"], front["locale"]) == (
        "Pasted",
        "https://news.example/a",
        "Example News",
        "en_GB",
    )
    assert "It said [teh]{#typo-teh} thing." in markdown
    assert yaml.safe_load(citations)["claims"] == {"typo-teh": {"kind": "typo", "correction": "the"}}


def test_a_yaml_mistake_in_pasted_front_matter_is_explained() -> None:
    text = "---\ntitle: Pasted\n  outlet: Example News\n---\n\nIt said teh thing.\n"
    with pytest.raises(ValueError) as raised:
        scaffold_article(text, slug="pasted", published=dt.date(2023, 1, 5), source_name="a.md")
    assert str(raised.value) == (
        "the front matter is not valid YAML: line 3, column 3: 'outlet:' is indented 2 spaces, more than 'title:'"
        " on the line before (0), so it reads as part of that line's value (hint: start 'outlet:' at the"
        " beginning of the line, like 'title:' on line 2)"
    )


def test_existing_files_are_never_overwritten(tmp_path: Path) -> None:
    markdown, citations = scaffold_seed()
    (tmp_path / "americans-russia.yaml").write_text("claims: {}\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_scaffold(tmp_path, "americans-russia", markdown, citations)
    assert not (tmp_path / "americans-russia.md").exists()
    assert (tmp_path / "americans-russia.yaml").read_text(encoding="utf-8") == "claims: {}\n"


@pytest.mark.parametrize("slug", ["Bad_Slug", "trailing-", "two--hyphens", ""], ids=repr)
def test_invalid_slug_is_refused(slug: str) -> None:
    with pytest.raises(ValueError, match="slug"):
        scaffold_article(SEED, slug=slug, published=PUBLISHED, source_name="seed")


def test_missing_publication_date_is_refused() -> None:
    with pytest.raises(ValueError, match="publication date"):
        scaffold_article(SEED, slug="seed", published=None, source_name="seed")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("I'm not bluffing. That's why", "im-not-bluffing-thats"),
        ("Zürich\u2019s 3,00,000", "zurichs-3-00-000"),
    ],
    ids=["apostrophes", "accents"],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_plain_text_headline_is_the_title() -> None:
    draft = read_draft("Headline Here\n\nFirst paragraph.\n")
    assert (draft.title, draft.body, draft.plain) == ("Headline Here", "First paragraph.\n", True)
