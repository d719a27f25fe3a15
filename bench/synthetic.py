"""Synthetic fact-check sites for benchmarks: many articles with a realistic mix of claims and sources.

`write_project(root, articles=..., claims_per_article=...)` writes `mkdocs.yml` and `content/` under `root`: each
article is a local-news story with quotes, figures, dates, statements and copy errors marked in place, its YAML
cites sources given as excerpts and as snapshot files, and some articles carry corrections. Everything is drawn
from a seeded random generator, so two runs write the same bytes and benchmark figures compare.

    python bench/synthetic.py /tmp/big --articles 1250 --claims 20
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

# Shares of each claim kind, close to the demo fact-check's (31 claims: 8 typos, 16 statements...).
KIND_WEIGHTS = {"statement": 40, "quote": 20, "figure": 15, "date": 10, "typo": 15}
VERDICTS = ("accurate", "mostly-accurate", "misleading", "unsupported", "false")
VERDICT_WEIGHTS = (40, 20, 15, 10, 15)

TOWNS = ("Northfield", "Bramley", "Eastport", "Kingsmoor", "Lindale", "Marston", "Oakham", "Redcliff",
         "Southwick", "Thornbury", "Upton", "Westerly")  # fmt: skip
SUBJECTS = ("the council", "the health board", "the school district", "the transport authority",
            "the water company", "the police service", "the housing trust", "the university")  # fmt: skip
ACTIONS = ("approved a plan to", "voted to", "announced that it would", "said it intends to",
           "confirmed it will", "rejected a proposal to")  # fmt: skip
GOALS = ("rebuild the bridge over the river", "close two branch libraries", "extend the night bus service",
         "raise parking charges in the centre", "open a walk-in clinic", "hire more teachers",
         "replace the old water mains", "cut the waiting list for housing", "plant trees along the ring road",
         "reopen the swimming pool")  # fmt: skip
PEOPLE = (("Mayor Ana Ribeiro", "the mayor"), ("Councillor Tom Hale", "the councillor"),
          ("Dr Priya Nair", "the chief executive"), ("Superintendent Joe Marsh", "the superintendent"),
          ("Professor Lena Brandt", "the vice-chancellor"), ("Sarah Okafor", "the trust's director"))  # fmt: skip
QUOTES = ("we will not raise taxes this year", "the money is already in the budget",
          "nobody will lose their job because of this plan", "the work will be finished before winter",
          "we listened to residents and changed the plan", "this is the largest investment in a decade",
          "the service will run every fifteen minutes", "we expect the first patients in the spring")  # fmt: skip
UNITS = ("people", "households", "teachers", "buses", "trees", "homes", "patients", "jobs")
FILLER = (
    "Residents have followed the debate closely since the plan was first presented.",
    "Opposition members asked for more detail before any final decision is taken.",
    "The proposal will return to the committee for a further reading.",
    "Local businesses said they had not been consulted about the timetable.",
    "A public meeting is planned so that residents can put their questions directly.",
    "Officials said the details would be published on the council's website.",
    "Campaigners welcomed the announcement but said it did not go far enough.",
    "The scheme has been discussed for several years without a decision.",
    "Critics warned that the costs could rise once work begins.",
    "The leader of the opposition called the plan a step in the right direction.",
)
# Article prose around the claims is drawn from these, so that nearly every sentence of the archive is
# new, as in real reporting: the spelling engine caches what it has read sentence by sentence, and text
# made of a few repeated sentences would make the lint look several times faster than it is.
# No word here is a date, a figure or a quotation: the lint would list them as unmarked claims.
WHO = ("Residents", "Opposition members", "Local businesses", "Campaigners", "Officials", "Critics",
       "Parents at the nearby school", "Shop owners on the high street", "Union representatives",
       "Neighbours of the site", "Volunteers", "Commuters", "Teachers", "Nurses at the clinic", "Taxi drivers",
       "Pensioners", "Students", "Church leaders", "Farmers from the valley", "Readers of the local paper")  # fmt: skip
SAID = ("said", "argued", "warned", "complained", "pointed out", "told reporters", "insisted", "suggested",
        "agreed", "wrote")  # fmt: skip
WHAT = ("the consultation had been too short", "costs could rise once work begins",
        "the plan deserved a fair hearing", "nobody had explained the timetable",
        "the details should be published in full", "the decision had been taken too quickly",
        "the scheme would help families", "traffic would get worse during the works",
        "they had not been consulted", "the committee should look again",
        "the money could be spent better elsewhere", "the proposal was a step in the right direction",
        "the old arrangement had worked well", "more staff would be needed", "the site was poorly chosen",
        "the public meeting had been useful", "the noise would disturb neighbours",
        "the plan ignored the needs of older people", "a compromise was still possible",
        "the budget was already stretched", "the council had listened to them at last",
        "the roads around the site were too narrow", "the project should have started sooner",
        "the new rules were hard to follow", "the change would be welcome")  # fmt: skip
WHERE = ("after the meeting", "in a statement", "outside the town hall", "on local radio", "during the debate",
         "at a packed meeting", "in an open letter", "on social media", "in a petition", "at the library",
         "in the market square", "to the committee")  # fmt: skip
CLAIM_CONTEXT = ("after a long debate", "on a narrow vote", "despite objections", "with the support of most members",
                 "after months of discussion", "following a public consultation", "in a closed session",
                 "without a vote", "at the request of residents", "against the advice of officers",
                 "at the end of a long evening", "before a crowded public gallery")  # fmt: skip
TYPOS = (("teh", "the"), ("recieved", "received"), ("goverment", "government"), ("the the", "the"),
         ("Counsil", "Council"), ("accross", "across"), ("wich", "which"), ("untill", "until"))  # fmt: skip
START = dt.date(2019, 1, 7)

ABOUT = """\
# About

## Funding

The desk is funded by its readers and a foundation grant.

## Contact

Write to [desk@example.org](mailto:desk@example.org).
"""


@dataclass
class ArticleDraft:
    """One article being written: its paragraphs, the claims marked in them, and what the YAML will hold."""

    slug: str
    published: dt.date
    paragraphs: list[list[str]]
    claims: dict[str, dict[str, object]]
    source_texts: dict[str, list[str]]


def write_project(root: Path, *, articles: int, claims_per_article: int, seed: int = 1,
                  search: str | None = None) -> Path:  # fmt: skip
    """Write a complete site under `root` (emptied first); returns the path of its mkdocs.yml."""
    if root.exists():
        shutil.rmtree(root)
    (root / "content" / "articles").mkdir(parents=True)
    (root / "content" / "sources").mkdir()
    (root / "content" / "about.md").write_text(ABOUT, "utf-8")
    rng = random.Random(seed)
    for number in range(articles):
        draft = draft_article(rng, number, claims_per_article)
        write_article(root / "content", draft, rng)
    config = {
        "site_name": "Synthetic desk",
        "site_url": "https://checks.example.org/desk/",
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "plugins": [
            "search",
            {
                "factsite": {
                    "publisher": {"name": "Synthetic desk", "url": "https://checks.example.org/"},
                    "footer_links": [{"title": "About", "url": "about/"}],
                    **({"search": search} if search else {}),
                }
            },
        ],
        "markdown_extensions": ["attr_list"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return root / "mkdocs.yml"


def draft_article(rng: random.Random, number: int, claims: int) -> ArticleDraft:
    published = START + dt.timedelta(days=number * 3 % 1800 + rng.randint(0, 2))
    town = rng.choice(TOWNS)
    draft = ArticleDraft(f"{town.lower()}-{number:05d}", published, [], {}, {})
    kinds = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()), k=claims)
    paragraph: list[str] = []
    for index, kind in enumerate(kinds, start=1):
        claim_id = f"{kind}-{index:02d}"
        paragraph.append(CLAIM_WRITERS[kind](rng, draft, claim_id, town))
        paragraph.append(prose_sentence(rng, town))
        if len(paragraph) >= rng.randint(4, 6):
            draft.paragraphs.append(paragraph)
            paragraph = []
    if paragraph:
        draft.paragraphs.append(paragraph)
    return draft


def prose_sentence(rng: random.Random, town: str) -> str:
    """A sentence of reporting around the claims; about a hundred thousand can be drawn."""
    place = rng.choice((*WHERE, f"in {town}"))
    return f"{rng.choice(WHO)} {rng.choice(SAID)} {place} that {rng.choice(WHAT)}."


def _source_for(rng: random.Random, draft: ArticleDraft) -> str:
    """A source id of the article: most claims share one of three or four sources, as in real fact-checks."""
    source_id = f"source-{rng.randint(1, 4)}"
    draft.source_texts.setdefault(source_id, [])
    return source_id


def _verdict(rng: random.Random) -> str:
    return rng.choices(VERDICTS, weights=VERDICT_WEIGHTS)[0]


def write_statement(rng: random.Random, draft: ArticleDraft, claim_id: str, town: str) -> str:
    subject, action, goal = rng.choice(SUBJECTS), rng.choice(ACTIONS), rng.choice(GOALS)
    source = _source_for(rng, draft)
    sentence = f"{subject.capitalize()} of {town} {action} {goal}"
    draft.source_texts[source].append(f"In its statement, {subject} of {town} {action} {goal}.")
    draft.claims[claim_id] = {
        "kind": "statement", "verdict": _verdict(rng), "sources": [source],
        "claim": sentence + ".",
        "note": f"The statement of {subject} says so; the minutes of the meeting confirm the vote.",
    }  # fmt: skip
    return f"[{sentence}]{{#{claim_id}}} {rng.choice(CLAIM_CONTEXT)}."


def write_quote(rng: random.Random, draft: ArticleDraft, claim_id: str, town: str) -> str:
    (speaker, role), words = rng.choice(PEOPLE), rng.choice(QUOTES)
    source = _source_for(rng, draft)
    verdict = rng.choices(("accurate", "false"), weights=(80, 20))[0]
    said = words if verdict == "accurate" else words.replace("will", "shall").replace("the ", "our ", 1)
    draft.source_texts[source].append(f'"{words.capitalize()}," {speaker} told the meeting in {town}.')
    draft.claims[claim_id] = {
        "kind": "quote", "speaker": speaker, "verdict": verdict, "sources": [source],
        "note": "Compared with the recording of the meeting." if verdict == "accurate"
        else "The recording has different words.",
    }  # fmt: skip
    return f'"[{said.capitalize()}]{{#{claim_id}}}," {role} said {rng.choice(WHERE)} in {town}.'


def write_figure(rng: random.Random, draft: ArticleDraft, claim_id: str, town: str) -> str:
    value, unit = rng.randrange(1_000, 90_000, 50), rng.choice(UNITS)
    source = _source_for(rng, draft)
    stated, verdict = (value, "accurate") if rng.random() < 0.8 else (value + 500, "false")
    draft.source_texts[source].append(f"The plan covers {value:,} {unit} in {town} and the nearby villages.")
    draft.claims[claim_id] = {
        "kind": "figure", "value": value, "unit": unit, "verdict": verdict, "sources": [source],
        "note": "The figure is in the published plan.",
    }  # fmt: skip
    return f"The plan covers [{stated:,} {unit}]{{#{claim_id}}} in {town}."


def write_date(rng: random.Random, draft: ArticleDraft, claim_id: str, town: str) -> str:
    days_before = rng.randint(1, 6)
    day = draft.published - dt.timedelta(days=days_before)
    source = _source_for(rng, draft)
    draft.source_texts[source].append(f"The meeting in {town} took place on {day:%B} {day.day}, {day.year}.")
    draft.claims[claim_id] = {
        "kind": "date", "value": day, "verdict": "accurate", "sources": [source],
        "note": "The minutes are dated that day.",
    }  # fmt: skip
    subject = rng.choice(SUBJECTS)
    return f"{subject.capitalize()} took the decision [on {day:%A}]{{#{claim_id}}} {rng.choice(CLAIM_CONTEXT)}."


def write_typo(rng: random.Random, draft: ArticleDraft, claim_id: str, town: str) -> str:
    wrong, right = rng.choice(TYPOS)
    draft.claims[claim_id] = {"kind": "typo", "correction": right, "note": "A copy error."}
    return f"{rng.choice(WHO)} {rng.choice(SAID)} that the report reached [{wrong}]{{#{claim_id}}} press in {town}."


CLAIM_WRITERS = {
    "statement": write_statement, "quote": write_quote, "figure": write_figure, "date": write_date,
    "typo": write_typo,
}  # fmt: skip


def write_article(content: Path, draft: ArticleDraft, rng: random.Random) -> None:
    reviewed = draft.published + dt.timedelta(days=rng.randint(1, 20))
    front = {
        "title": f"{draft.slug.split('-')[0].capitalize()} council plans questioned",
        "url": f"https://news.example.com/{draft.slug}",
        "outlet": rng.choice(("Example News", "The Daily Example", "Example Gazette")),
        "published": draft.published,
        "reviewed": reviewed,
        "reviewer": "Synthetic desk",
        "summary": "Most claims hold up; some **figures** and one quotation do not.",
    }
    body = "\n\n".join(" ".join(paragraph) for paragraph in draft.paragraphs)
    markdown = f"---\n{yaml.safe_dump(front, sort_keys=False, width=1000)}---\n\n{body}\n"
    (content / "articles" / f"{draft.slug}.md").write_text(markdown, "utf-8")
    sources = {}
    for number, (source_id, sentences) in enumerate(sorted(draft.source_texts.items())):
        text = " ".join(sentences + rng.sample(FILLER, 4))
        source: dict[str, object] = {
            "title": f"Minutes and statements, part {number + 1}",
            "publisher": f"{draft.slug.split('-')[0].capitalize()} Council",
            "url": f"https://council.example.org/{draft.slug}/{source_id}",
            "published": draft.published - dt.timedelta(days=7),
        }
        if number % 2:  # Half the sources are snapshot files, half excerpts in the YAML.
            snapshot = f"sources/{draft.slug}-{source_id}.txt"
            (content / snapshot).write_text(text + "\n", "utf-8")
            source["snapshot"] = snapshot
        else:
            source["excerpt"] = text
        sources[source_id] = source
    citations: dict[str, object] = {"sources": sources, "claims": draft.claims}
    if rng.random() < 0.1:
        citations["corrections"] = [
            {
                "date": reviewed + dt.timedelta(days=3),
                "change": "A figure's note now cites the plan.",
                "reason": "A reader asked for the page number.",
            }
        ]
    text = yaml.safe_dump(citations, sort_keys=False, width=1000, allow_unicode=True)
    (content / "articles" / f"{draft.slug}.yaml").write_text(text, "utf-8")


def write_plain_project(root: Path, *, pages: int, seed: int = 1) -> Path:
    """Plain Material's side of the comparison: `pages` Markdown pages shaped like claim pages, none in the nav.

    Each page has what a claim page shows (a title, the verdict, the sentence quoted, the check's findings as a
    list, a note, a cited source with its link), about the same amount of text, and the same theme and
    `search` plugin; the nav lists only the home page, as our nav lists only the site-wide pages.
    """
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Plain pages\n\nThe home page.\n", "utf-8")
    rng = random.Random(seed)
    for number in range(pages):
        folder = docs / f"section-{number // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"page-{number:05d}.md").write_text(plain_page(rng, number), "utf-8")
    config = {
        "site_name": "Plain Material",
        "site_url": "https://checks.example.org/plain/",
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "nav": [{"Home": "index.md"}],
        "markdown_extensions": ["attr_list"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return root / "mkdocs.yml"


def plain_page(rng: random.Random, number: int) -> str:
    town, subject, goal = rng.choice(TOWNS), rng.choice(SUBJECTS), rng.choice(GOALS)
    filler = " ".join(rng.sample(FILLER, 4))
    findings = "\n".join(f"- {sentence}" for sentence in rng.sample(FILLER, 3))
    return (
        f"# Claim {number % 20 + 1}: {subject.capitalize()} of {town} will {goal}\n\n"
        f"## Verdict\n\n**{rng.choice(VERDICTS).capitalize()}**: the claim is correct and nothing "
        f"significant is missing.\n\n"
        f"## In the article\n\n> {subject.capitalize()} of {town} said it intends to {goal}.\n\n"
        f"Example News, 11 January 2019. [Back to the article](../index.md)\n\n"
        f"## What the automatic check found\n\n{filler}\n\n{findings}\n\n"
        f"## Our note\n\nThe statement of {subject} says so; the minutes of the meeting confirm the vote. "
        f"{filler}\n\n"
        f"## Sources\n\n### [Minutes and statements](https://council.example.org/{number})\n\n"
        f"{town} Council, 4 January 2019. Accessed 20 January 2019.\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="directory to write (emptied first)")
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--claims", type=int, default=20, help="claims per article")
    parser.add_argument("--search", help="the factsite plugin's search option")
    args = parser.parse_args()
    config = write_project(args.root, articles=args.articles, claims_per_article=args.claims,
                           search=args.search)  # fmt: skip
    print(config)


if __name__ == "__main__":
    main()
