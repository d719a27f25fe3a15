"""A small, valid fact-check that tests copy and break one way at a time."""

from __future__ import annotations

from pathlib import Path

ARTICLE = """\
---
title: Minister says 3,00,000 jobs were created
url: https://news.example.com/jobs
outlet: Example News
published: 2024-03-06
reviewed: 2024-03-10
reviewer: Test desk
summary: The figure is right; the quote is not.
---

The minister said "[we created three lakh jobs]{#jobs-quote}" [on Tuesday]{#on-tuesday}.

It was [3,00,000]{#jobs-figure} jobs, according to [teh]{#typo-teh} ministry.
"""

CITATIONS = """\
sources:
  ministry-release:
    title: Jobs report
    publisher: Ministry of Labour
    url: https://gov.example.org/jobs
    published: 2024-03-05
    excerpt: |
      The minister said: "We created three lakh jobs this year." That is 300,000 jobs.
claims:
  jobs-quote:
    kind: quote
    speaker: The minister
    verdict: accurate
    sources: [ministry-release]
  on-tuesday:
    kind: date
    value: 2024-03-05
    verdict: accurate
    sources: [ministry-release]
  jobs-figure:
    kind: figure
    value: 300000
    verdict: accurate
    sources: [ministry-release]
  typo-teh:
    kind: typo
    correction: the
"""


def write_article(content_dir: Path, article: str = ARTICLE, citations: str = CITATIONS,
                  slug: str = "jobs") -> tuple[Path, Path]:  # fmt: skip
    articles = content_dir / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    (content_dir / "sources").mkdir(exist_ok=True)
    markdown_path, citations_path = articles / f"{slug}.md", articles / f"{slug}.yaml"
    markdown_path.write_text(article, "utf-8")
    citations_path.write_text(citations, "utf-8")
    return markdown_path, citations_path
