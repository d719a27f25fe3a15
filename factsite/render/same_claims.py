"""The same claim checked in more than one article: found by its claimant and its sentence, or linked by the editor.

Two claims of different articles are one claim when
- the editor links them: `same_as: SLUG/CLAIM-ID` in either claim's YAML; or
- they have the same claimant (the person or organisation quoted, else the outlet; names matched as on the
  claimant pages) and near-identical sentences: the claim's `claim:` sentence (else its marked words), compared
  with rapidfuzz's `token_sort_ratio` after its default processing (case, punctuation and word order ignored),
  scores at least `THRESHOLD`, and both sentences hold the same numbers, since "300,000" and "3,000" make
  different claims however alike the words.

Links are transitive: claims linked to one claim are linked to each other.

Comparing every pair would be quadratic in the site's claims; a pair is compared only when it shares a
claimant, its numbers and one of the two rarest words of either sentence, which near-identical sentences
always do (a 90% match leaves at most one rare word changed).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from factsite.load.fields import error
from factsite.model import CheckedClaim, ClaimKind, Problem
from factsite.render.claimants import Claimants
from factsite.render.views import claim_title
from factsite.settings import Settings

THRESHOLD = 90.0
NUMBER = re.compile(r"\d[\d,.]*")
RARE_WORDS = 2

ClaimKey = tuple[str, str]  # (article slug, claim id)


@functools.lru_cache(maxsize=65536)
def numbers(sentence: str) -> tuple[str, ...]:
    return tuple(sorted(re.sub(r"[,.]", "", number.rstrip(",.")) for number in NUMBER.findall(sentence)))


def near_identical(first: str, second: str) -> bool:
    """Whether two claim sentences say the same: the same numbers, and words that match at `THRESHOLD`."""
    if numbers(first) != numbers(second):
        return False
    score = fuzz.token_sort_ratio(first, second, processor=utils.default_process, score_cutoff=THRESHOLD)
    return score >= THRESHOLD


@dataclass(frozen=True)
class _Entry:
    key: ClaimKey
    claimant: str
    sentence: str
    words: frozenset[str]
    processed: str = ""  # the sentence after rapidfuzz's default processing, done once


# The last result, with the claims and settings it was found for: a build asks twice (the claim pages and
# the data files), and at 25,000 claims each answer took a tenth of the build after a one-article edit.
_last: list[tuple[tuple[CheckedClaim, ...], Settings, dict[ClaimKey, tuple[ClaimKey, ...]]]] = []


def same_claims(claims: Iterable[CheckedClaim], settings: Settings) -> dict[ClaimKey, tuple[ClaimKey, ...]]:
    """For each claim checked in more than one article, the same claim in the other articles, in site order."""
    claims = tuple(claims)
    if _last:
        known, known_settings, found = _last[0]
        same = len(known) == len(claims) and all(a is b for a, b in zip(known, claims, strict=True))
        if same and (known_settings is settings or known_settings == settings):
            return found
    found = _same_claims(claims, settings)
    _last[:] = [(claims, settings, found)]
    return found


def _same_claims(claims: Sequence[CheckedClaim], settings: Settings) -> dict[ClaimKey, tuple[ClaimKey, ...]]:
    names = Claimants(settings)
    entries: list[_Entry] = []
    links: list[tuple[ClaimKey, ClaimKey]] = []
    for claimed in claims:
        if claimed.claim.kind is ClaimKind.TYPO:
            continue
        key = (claimed.article.slug, claimed.claim.id)
        claim = claimed.claim
        speaker = claim.speaker if claim.kind is ClaimKind.QUOTE else None
        outlet = claimed.article.outlet
        claimant = names.named(speaker, claim.speaker_type) if speaker else names.named(outlet, outlet=True)
        sentence = claim_title(claimed)
        processed = utils.default_process(sentence)
        entries.append(_Entry(key, claimant.key, sentence, frozenset(processed.split()), processed))
        if claim.same_as:
            slug, _, claim_id = claim.same_as.partition("/")
            links.append((key, (slug, claim_id)))
    order = {entry.key: index for index, entry in enumerate(entries)}
    parent = {entry.key: entry.key for entry in entries}

    def root(key: ClaimKey) -> ClaimKey:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(first: ClaimKey, second: ClaimKey) -> None:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b, key=order.__getitem__)] = min(a, b, key=order.__getitem__)

    for linking, linked in links:
        if linked in parent:
            join(linking, linked)
    for one, other in _candidate_pairs(entries):
        # A candidate pair holds the same numbers already: `near_identical` without that test or processing again.
        if one.key[0] == other.key[0] or root(one.key) == root(other.key):
            continue
        score = fuzz.token_sort_ratio(one.processed, other.processed, processor=None, score_cutoff=THRESHOLD)
        if score >= THRESHOLD:
            join(one.key, other.key)
    groups: dict[ClaimKey, list[ClaimKey]] = defaultdict(list)
    for entry in entries:
        groups[root(entry.key)].append(entry.key)
    return {
        key: tuple(other for other in group if other[0] != key[0])
        for group in groups.values()
        if len({slug for slug, _ in group}) > 1
        for key in group
    }


def _candidate_pairs(entries: Sequence[_Entry]) -> Iterable[tuple[_Entry, _Entry]]:
    buckets: dict[tuple[str, tuple[str, ...]], list[_Entry]] = defaultdict(list)
    for entry in entries:
        buckets[(entry.claimant, numbers(entry.sentence))].append(entry)
    for bucket in buckets.values():
        if len(bucket) < 2 or len({entry.key[0] for entry in bucket}) < 2:
            continue
        frequency: dict[str, int] = defaultdict(int)
        for entry in bucket:
            for word in entry.words:
                frequency[word] += 1
        index: dict[str, list[int]] = defaultdict(list)
        for position, entry in enumerate(bucket):
            for word in sorted(entry.words, key=lambda w: (frequency[w], w))[:RARE_WORDS]:
                index[word].append(position)
        seen: set[tuple[int, int]] = set()
        for position, entry in enumerate(bucket):
            for word in entry.words:
                for other in index.get(word, ()):
                    pair = (min(position, other), max(position, other))
                    if other != position and pair not in seen:
                        seen.add(pair)
                        yield bucket[pair[0]], bucket[pair[1]]


def same_as_problems(claims: Iterable[CheckedClaim]) -> list[Problem]:
    """A `same_as:` must name a claim of another article as SLUG/CLAIM-ID."""
    claims = list(claims)
    known = {(c.article.slug, c.claim.id) for c in claims}
    problems = []
    for claimed in claims:
        target = claimed.claim.same_as
        if not target:
            continue
        slug, _, claim_id = target.partition("/")
        if (slug, claim_id) not in known or slug == claimed.article.slug:
            problems.append(
                error(
                    claimed.claim.location,
                    f"claim '{claimed.claim.id}': same_as '{target}' names no claim of another article",
                    "write the other article's slug and the claim's id, e.g. same_as: other-article/claim-id",
                    code="unknown-claim",
                )
            )
    return problems
