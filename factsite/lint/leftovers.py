"""Scraping leftovers: lines a copy-paste from a news page brings along that are not the article.

"Read more", "Advertisement", photo credits, share buttons, and an image caption repeated with its
credit ("Russian conscripts" / "Russian conscripts Twitter"). Only whole lines count: the same words
inside a sentence are prose.
"""

from __future__ import annotations

import itertools
import re

from factsite.languages import all_languages
from factsite.lint.findings import Span
from factsite.lint.prose import Line, Prose

# Whole-line page furniture, matched case-insensitively against the stripped line.
FURNITURE = re.compile(
    r"(?:also\s+)?read(?:\s+more|\s+also|\s+next)?(?:\s*[:|-].*)?|"
    r"(?:story\s+continues\s+below\s+)?advertisements?|sponsored(?:\s+content)?|"
    r"(?:continue|keep)\s+reading.*|scroll\s+(?:down\s+)?to\s+continue.*|skip\s+(?:ad|advertisement)|"
    r"(?:click|tap)\s+here\b.*|subscribe\b.*|sign\s+up\b.*|"
    r"share(?:\s+this(?:\s+article|\s+story)?)?(?:\s+on\s+\w+)?|"
    r"(?:follow|like)\s+us\s+on\b.*|"
    r"(?:photo|photograph|image|picture|pic|video|file\s+photo)(?:\s+credit)?s?\s*(?::|\||-|by\b|courtesy\b).*|"
    r"\(?(?:photo|image)\s*:\s*[^)]*\)?|representational\s+(?:image|photo|picture)|file\s+(?:photo|image)|"
    r"(?:related|recommended|trending|watch|listen)(?:\s+(?:stories|articles|now|video))?(?:\s*:.*)?|"
    r"tags?\s*:.*|loading\.*|(?:getty\s+images|reuters|ap\s+photo|afp)(?:\s*/.*)?",
    re.IGNORECASE,
)
# What a photo credit names after a caption.
CREDIT = re.compile(
    r"(?:twitter|x|facebook|instagram|youtube|telegram|tiktok|reddit|wikimedia(?:\s+commons)?|"
    r"getty(?:\s+images)?|reuters|ap|afp|pti|ani|ians|efe|epa|dpa|xinhua|tass|ria\s+novosti|"
    r"bloomberg|shutterstock|istock|pixabay|unsplash|file|representational(?:\s+image)?|"
    r"(?:photo|image)(?:\s+credit)?|@\w+)"
    r"(?:\s*(?:/|via|\||,)\s*[\w@ .]+)?",
    re.IGNORECASE,
)
MAX_CAPTION_WORDS = 15
# Page furniture in the other languages factsite reads (their data modules' LEFTOVERS): a Hindi page pasted
# into any article is furniture too.
NATIVE_FURNITURE = re.compile("|".join(f"(?:{pattern})" for data in all_languages() for pattern in data.leftovers))


def find_leftovers(prose: Prose) -> list[Span]:
    """A span for every leftover line, and one covering a caption and its credit line."""
    spans: list[Span] = []
    lines = [line for line in prose.lines if line.stripped]
    paired: set[int] = set()
    for first, second in itertools.pairwise(lines):
        credit = _credit_after_caption(first, second, prose)
        if credit is None or first.start in paired:
            continue
        paired.update({first.start, second.start})
        spans.append(
            Span(
                "leftover",
                first.start + _indent(first),
                second.end - _trailing(second),
                f"An image caption and its credit ('{credit}') left over from the web page.",
                suggestion="",
                confidence=0.9,
            )
        )
    for line in lines:
        if line.start in paired or not (
            FURNITURE.fullmatch(line.stripped) or NATIVE_FURNITURE.fullmatch(line.stripped)
        ):
            continue
        spans.append(
            Span(
                "leftover",
                line.start + _indent(line),
                line.end - _trailing(line),
                f"'{line.stripped}' is page furniture left over from the web page.",
                suggestion="",
                confidence=0.9,
            )
        )
    return spans


def _credit_after_caption(first: Line, second: Line, prose: Prose) -> str | None:
    """The credit when `second` repeats the caption `first` with a credit after it."""
    caption, repeated = first.stripped, second.stripped
    if not caption or len(caption.split()) > MAX_CAPTION_WORDS or first.heading:
        return None
    if not repeated.startswith(caption) or len(repeated) == len(caption):
        return None
    if prose.masked[second.start - 1 : second.start] != "\n":
        return None
    credit = repeated[len(caption) :].strip(" -|/()")
    if not credit or not CREDIT.fullmatch(credit):
        return None
    return credit


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _trailing(line: Line) -> int:
    return len(line.text) - len(line.text.rstrip())
