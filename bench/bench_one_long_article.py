"""One article with thousands of claims: checking it, then composing its pages and data items.

    python bench/bench_one_long_article.py                 # 5,000, 10,000 and 50,000 claims
    python bench/bench_one_long_article.py --sizes 5000

Composing an article (its page, its claim pages, its annotations and feed items) must grow linearly
with its claims; the figures are in bench/README.md.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import yaml
from synthetic import ACTIONS, GOALS, SUBJECTS, TOWNS

from factsite.build.pipeline import check_project
from factsite.render.pages import PageRenderer
from factsite.settings import Publisher, Settings

FRONT = """---
title: Council decisions, the whole year
url: https://news.example.com/council-year
outlet: Example Gazette
published: 2024-01-10
reviewed: 2024-01-20
reviewer: Synthetic desk
summary: Every decision of the year, checked.
---

"""


def write_article(content: Path, claims: int) -> None:
    """One article of `claims` statements, ten to a paragraph, each sentence of the article distinct; the
    prose is shorter than `synthetic.py`'s so that 50,000 claims stay under the size limit of a file."""
    (content / "articles").mkdir(parents=True)
    sentences, entries = [], {}
    for number in range(claims):
        town, subject = TOWNS[number % len(TOWNS)], SUBJECTS[number // len(TOWNS) % len(SUBJECTS)]
        action, goal = ACTIONS[number % len(ACTIONS)], GOALS[number // 7 % len(GOALS)]
        claim_id = f"statement-{number:05d}"
        sentence = f"{subject.capitalize()} of {town} {action} {goal} (decision {number + 1:,})"
        sentences.append(f"[{sentence}]{{#{claim_id}}}.")
        entries[claim_id] = {"kind": "statement", "verdict": "accurate", "sources": ["minutes"],
                             "note": "The minutes record the decision."}  # fmt: skip
    paragraphs = (" ".join(sentences[index : index + 10]) for index in range(0, claims, 10))
    (content / "articles" / "council-year.md").write_text(FRONT + "\n\n".join(paragraphs) + "\n", "utf-8")
    citations = {
        "sources": {"minutes": {"title": "Minutes of the council", "publisher": "The council",
                                "url": "https://council.example.org/minutes", "published": "2024-01-05",
                                "excerpt": "Every decision of the year is recorded in these minutes."}},
        "claims": entries,
    }  # fmt: skip
    (content / "articles" / "council-year.yaml").write_text(yaml.safe_dump(citations, sort_keys=False), "utf-8")


def measure(claims: int, workdir: Path) -> tuple[float, float, int]:
    project_dir = workdir / f"one-{claims}"
    write_article(project_dir / "content", claims)
    settings = Settings(
        content_dir=project_dir / "content",
        project_dir=project_dir,
        site_url="https://checks.example.org/",
        site_name="Synthetic desk",
        publisher=Publisher(name="Synthetic desk", url="https://checks.example.org/"),
    )
    started = time.perf_counter()
    project = check_project(settings)
    checked_seconds = time.perf_counter() - started
    assert not project.errors, [str(p) for p in project.errors[:5]]
    (checked,) = project.articles
    started = time.perf_counter()
    PageRenderer(project).article_pages(checked)
    return checked_seconds, time.perf_counter() - started, len(checked.article.text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 50000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factsite-long-") as workdir:
        print("| claims | article text (chars) | check (s) | compose (s) |")
        print("| ---: | ---: | ---: | ---: |")
        for claims in args.sizes:
            check, compose, length = measure(claims, Path(workdir))
            print(f"| {claims:,} | {length:,} | {check:.1f} | {compose:.1f} |", flush=True)


if __name__ == "__main__":
    main()
