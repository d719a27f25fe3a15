"""A small fact-check site in a temporary directory, which tests vary one setting at a time."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

ARTICLE = """\
---
title: Minister says jobs grew by a third
url: ARTICLE_URL
outlet: Example News
published: 2024-03-06
archived: ARCHIVE_URL
reviewed: 2024-03-10
reviewer: Test desk
summary: The figure is right; the *quote* is not.
---

The minister said "[we created three lakh jobs]{#jobs-quote}" on Tuesday, according to
[teh]{#typo-teh} ministry. [Jobs grew by a third]{#jobs-grew} in a year, and [the ministry
will hire more]{#more-hiring}. The ministry says teh figures are final.
"""

CITATIONS = """\
sources:
  ministry-release:
    title: Jobs report
    publisher: Ministry of Labour
    url: {source_url}
    archived: {archive_url}
    published: 2024-03-05
    excerpt: |
      The minister said: "We created three lakh jobs this year." Jobs grew by a third.
  ministry-plans:
    title: Hiring plans
    publisher: Ministry of Labour
    url: {plans_url}
    excerpt: The ministry will hire more.
claims:
  jobs-quote:
    kind: quote
    speaker: The minister
    verdict: accurate
    sources: [ministry-release]
  typo-teh:
    kind: typo
    correction: the
  jobs-grew:
    kind: statement
    verdict: {jobs_verdict}
    sources: [ministry-release]
    claim: {jobs_claim}
    note: The report says so.
  more-hiring:
    kind: statement
    verdict: unreviewed
    sources: [ministry-plans]
    note: Still being checked.
corrections:
  - date: 2024-03-12
    change: The note on the quote now names the report.
    reason: A reader asked where the quote came from.
  - date: 2024-03-15
    change: The verdict on the figure was explained.
    reason: The first note was too short.
"""

ABOUT = """\
---
description: 'Who checks: "the desk" & <friends>'
---

# About

## Funding

The desk is funded by its readers.

## Contact

Write to [desk@example.org](mailto:desk@example.org).
"""

SITE_URL = "https://checks.example.org/desk/"
PUBLISHER = {"name": "Test desk", "url": "https://checks.example.org/"}


def write_site(
    root: Path,
    *,
    site_url: str | None = SITE_URL,
    publisher: dict[str, str] | None = PUBLISHER,
    structured_data: bool = True,
    about: str | None = ABOUT,
    jobs_claim: str = "Jobs grew by a third in a year.",
    jobs_verdict: str = "accurate",
    source_url: str = "https://gov.example.org/jobs",
    archive_url: str = "https://archive.example.org/gov.example.org/jobs",
    plans_url: str = "https://gov.example.org/plans",
    article_url: str = "https://news.example.com/jobs",
    article_archive: str = "https://archive.example.org/news.example.com/jobs",
    extra_articles: dict[str, str] | None = None,
    front_matter: str = "",
    plugin_options: dict[str, object] | None = None,
) -> Path:
    """Write mkdocs.yml and content/ under `root`; returns the path of mkdocs.yml."""
    plugin: dict[str, object] = {"structured_data": structured_data, **(plugin_options or {})}
    if publisher is not None:
        plugin["publisher"] = publisher
    config: dict[str, object] = {
        "site_name": "Test desk",
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "plugins": [{"factsite": plugin}],
        "markdown_extensions": ["attr_list"],
    }
    if site_url is not None:
        config["site_url"] = site_url
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    article = ARTICLE.replace("ARTICLE_URL", article_url).replace("ARCHIVE_URL", article_archive)
    article = article.replace("summary:", front_matter + "summary:", 1)  # extra front matter fields
    (articles / "jobs.md").write_text(article, "utf-8")
    citations = CITATIONS.format(
        jobs_claim=_yaml_string(jobs_claim),
        jobs_verdict=jobs_verdict,
        source_url=source_url,
        archive_url=archive_url,
        plans_url=plans_url,
    )
    (articles / "jobs.yaml").write_text(citations, "utf-8")
    for slug, reviewed in (extra_articles or {}).items():
        (articles / f"{slug}.md").write_text(article.replace("2024-03-10", reviewed), "utf-8")
        (articles / f"{slug}.yaml").write_text(citations, "utf-8")
    if about is not None:
        (root / "content" / "about.md").write_text(textwrap.dedent(about), "utf-8")
    return root / "mkdocs.yml"


def _yaml_string(text: str) -> str:
    return yaml.safe_dump(text, default_style='"', width=1000).strip()


def write_paginated_site(root: Path, articles: int) -> Path:
    """`write_site` with `articles` articles and one item a page: an index (and a claimant's page) of that many
    pages, at the root of its domain (the 404 page's links are absolute). Returns its configuration."""
    more = {f"jobs-{n:02d}": f"2024-03-{n % 28 + 1:02d}" for n in range(2, articles + 1)}
    return write_site(root, site_url="https://checks.example.org/", extra_articles=more, plugin_options={"per_page": 1})
