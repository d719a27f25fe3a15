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

The claims of one claimant and numbers (a bucket) are compared among themselves only, so the pairs found in a
bucket are a function of its claims (their articles, ids and sentences, in order). `BucketMatches` keeps them
between builds: after a one-article edit only the buckets holding a claim of that article, before or after the
edit, are compared again, and the result is the full search's.

A claim may be checked in hundreds of articles (a talking point repeated for years), so the result is linear in
the site's claims: one `ClaimGroup` per group, shared by its members, holding each article's members with the
articles newest first. A claim page and claims.json list at most `SHOWN` other checks from it, and count the rest.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process, utils

from factsite.load.fields import error
from factsite.model import CheckedClaim, ClaimKind, Problem
from factsite.render.claimants import Claimant, Claimants
from factsite.render.views import claim_title
from factsite.settings import Settings

THRESHOLD = 90.0
NUMBER = re.compile(r"\d[\d,.]*")
RARE_WORDS = 2
# The other checks of a claim its page and its claims.json record list, the most recent first; the rest are
# counted. A talking point can be checked in hundreds of articles: listing every one on every one of their pages
# grows as the square of the group (100,000 claims: hundreds of MB of links), and a reader wants the latest.
SHOWN = 5

ClaimKey = tuple[str, str]  # (article slug, claim id)


@dataclass(frozen=True)
class ClaimGroup:
    """The checks of one claim in several articles, shared by every member: its size is the group's, not its
    square.

    `runs` holds each article's members (in site order), the articles by publication date, newest first, ties
    in site order. `claimant` is the claimant every member has (its page lists them all), else None (members
    linked by `same_as:` across claimants).
    """

    runs: tuple[tuple[ClaimKey, ...], ...]
    claimant: Claimant | None = None
    size: int = field(default=0, compare=False)
    _sizes: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, runs: Sequence[tuple[ClaimKey, ...]], claimant: Claimant | None) -> ClaimGroup:
        sizes = {run[0][0]: len(run) for run in runs}
        return cls(tuple(runs), claimant, sum(sizes.values()), sizes)

    def others(self, key: ClaimKey, limit: int = SHOWN) -> tuple[ClaimKey, ...]:
        """At most `limit` members of other articles than `key`'s, the most recent first."""
        found: list[ClaimKey] = []
        for run in self.runs:
            if len(found) >= limit:
                break
            if run[0][0] != key[0]:
                found.extend(run[: limit - len(found)])
        return tuple(found)

    def count(self, key: ClaimKey) -> int:
        """The members of other articles than `key`'s: the other checks of the claim."""
        return self.size - self._sizes[key[0]]


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
    named: Claimant | None = None


Pair = tuple[int, int]  # positions of two claims in their bucket


class BucketMatches:
    """The matching pairs of each bucket compared, by a digest of the bucket's claims: those of the last
    search (`known`, kept by the caller between builds) are reused; `used` are this search's, to keep."""

    def __init__(self, known: dict[str, tuple[Pair, ...]] | None = None) -> None:
        self.known = known or {}
        self.used: dict[str, tuple[Pair, ...]] = {}
        self.compared = 0  # buckets compared in this search, not found in `known`
        self.searched = False  # False: the answer was the last one, found for the same claims (nothing `used`)

    def pairs(self, bucket: Sequence[_Entry], compare: Callable[[Sequence[_Entry]], tuple[Pair, ...]],
              ) -> tuple[Pair, ...]:  # fmt: skip
        digest = hashlib.sha256(
            "\0".join(f"{entry.key[0]}\0{entry.key[1]}\0{entry.processed}" for entry in bucket).encode()
        ).hexdigest()
        found = self.known.get(digest)
        if found is None:
            found = compare(bucket)
            self.compared += 1
        self.used[digest] = found
        return found


# The last result, with the claims and settings it was found for: a build asks twice (the claim pages and
# the data files), and at 25,000 claims each answer took a tenth of the build after a one-article edit.
_last: list[tuple[tuple[CheckedClaim, ...], Settings, dict[ClaimKey, ClaimGroup]]] = []


def same_claims(claims: Iterable[CheckedClaim], settings: Settings,
                matches: BucketMatches | None = None) -> dict[ClaimKey, ClaimGroup]:  # fmt: skip
    """For each claim checked in more than one article, its group (the same object for every member).

    `matches` may hold the pairs of the last search's buckets, which are then not compared again.
    """
    claims = tuple(claims)
    if _last:
        known, known_settings, found = _last[0]
        same = len(known) == len(claims) and all(a is b for a, b in zip(known, claims, strict=True))
        if same and (known_settings is settings or known_settings == settings):
            return found
    found = _same_claims(claims, settings, matches or BucketMatches())
    _last[:] = [(claims, settings, found)]
    return found


def _same_claims(claims: Sequence[CheckedClaim], settings: Settings,
                 matches: BucketMatches) -> dict[ClaimKey, ClaimGroup]:  # fmt: skip
    matches.searched = True
    names = Claimants(settings)
    entries: list[_Entry] = []
    links: list[tuple[ClaimKey, ClaimKey]] = []
    published: dict[str, dt.date] = {}
    for claimed in claims:
        published[claimed.article.slug] = claimed.article.published
        if claimed.claim.kind is ClaimKind.TYPO:
            continue
        key = (claimed.article.slug, claimed.claim.id)
        claim = claimed.claim
        speaker = claim.speaker if claim.kind is ClaimKind.QUOTE else None
        outlet = claimed.article.outlet
        claimant = names.named(speaker, claim.speaker_type) if speaker else names.named(outlet, outlet=True)
        sentence = claim_title(claimed)
        processed = utils.default_process(sentence)
        entries.append(_Entry(key, claimant.key, sentence, frozenset(processed.split()), processed, claimant))
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
    for bucket in _buckets(entries):
        for first, second in matches.pairs(bucket, _matching_pairs):
            join(bucket[first].key, bucket[second].key)
    groups: dict[ClaimKey, list[_Entry]] = defaultdict(list)
    for entry in entries:
        groups[root(entry.key)].append(entry)
    found: dict[ClaimKey, ClaimGroup] = {}
    for members in groups.values():
        if members[0].key[0] == members[-1].key[0]:
            continue  # one article's claims (members are in site order, an article's claims together)
        group = _group(members, published)
        for entry in members:
            found[entry.key] = group
    return found


def _group(members: Sequence[_Entry], published: Mapping[str, dt.date]) -> ClaimGroup:
    """The group of `members` (in site order): each article's run, the newest article first, ties in site order."""
    runs: list[list[ClaimKey]] = []
    for entry in members:
        if runs and runs[-1][0][0] == entry.key[0]:
            runs[-1].append(entry.key)
        else:
            runs.append([entry.key])
    runs.sort(key=lambda run: published[run[0][0]], reverse=True)  # stable: ties stay in site order
    first = members[0].named
    claimant = first if all(entry.named == first for entry in members) else None
    return ClaimGroup.of([tuple(run) for run in runs], claimant)


def _buckets(entries: Sequence[_Entry]) -> Iterable[Sequence[_Entry]]:
    """The claims that may be the same claim: one claimant, the same numbers, two articles at least."""
    buckets: dict[tuple[str, tuple[str, ...]], list[_Entry]] = defaultdict(list)
    for entry in entries:
        buckets[(entry.claimant, numbers(entry.sentence))].append(entry)
    for bucket in buckets.values():
        if len(bucket) >= 2 and len({entry.key[0] for entry in bucket}) >= 2:
            yield bucket


def _matching_pairs(bucket: Sequence[_Entry]) -> tuple[Pair, ...]:
    """The pairs of the bucket's claims, from different articles, whose sentences match: enough of them to join
    every claim to the ones it matches (a pair already joined through others is not compared).

    Claims whose sentences are the same after processing match without comparing: a claim repeated in a
    thousand articles is joined in a thousand steps, not compared in half a million pairs. Only one sentence
    of each such set (`_Same`) is compared with the others.
    """
    parent = list(range(len(bucket)))

    def root(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    found = []

    def join(first: int, second: int) -> None:
        one, other = root(first), root(second)
        if one != other:
            parent[max(one, other)] = min(one, other)
            found.append((min(first, second), max(first, second)))

    same = _same_sentences(bucket)
    for sentence in same:
        for position in sentence.positions[1:]:
            # Two claims of one article are one claim only through a check in another article.
            if bucket[position].key[0] != sentence.slug:
                join(sentence.positions[0], position)
            elif sentence.elsewhere is not None:
                join(sentence.elsewhere, position)
    representatives = [bucket[sentence.positions[0]] for sentence in same]
    weights = [len(sentence.positions) for sentence in same]
    for first, second in _matching_candidates(representatives, weights):
        one, other = same[first], same[second]
        if root(one.positions[0]) == root(other.positions[0]):
            continue
        pair = one.across(other, bucket)
        if pair is None:
            continue  # both sentences in one article only: not joined, as two claims of one article are not
        join(*pair)
        # The claims of a sentence found in one article only were not joined to each other; each matches the
        # other sentence's claim in another article.
        for sentence, partner in ((one, pair[1]), (other, pair[0])):
            if sentence.elsewhere is None:
                for position in sentence.positions:
                    join(partner, position)
    return tuple(found)


@dataclass(frozen=True)
class _Same:
    """The claims of a bucket with one processed sentence: their positions, the first one's article, and the
    first position in another article (None: all in one article)."""

    positions: tuple[int, ...]
    slug: str
    elsewhere: int | None

    def across(self, other: _Same, bucket: Sequence[_Entry]) -> Pair | None:
        """A claim of each, in two different articles, if there is one."""
        if other.slug != self.slug:
            return self.positions[0], other.positions[0]
        if other.elsewhere is not None:
            return self.positions[0], other.elsewhere
        if self.elsewhere is not None:
            return self.elsewhere, other.positions[0]
        return None


def _same_sentences(bucket: Sequence[_Entry]) -> list[_Same]:
    """The bucket's claims by processed sentence, in the order of their first claims. A sentence that is empty
    after processing matches nothing (and is no candidate: it has no words), so each such claim stands alone."""
    by_sentence: dict[str, list[int]] = {}
    alone = []
    for position, entry in enumerate(bucket):
        if entry.processed:
            by_sentence.setdefault(entry.processed, []).append(position)
        else:
            alone.append([position])
    found = []
    for positions in sorted([*by_sentence.values(), *alone]):
        slug = bucket[positions[0]].key[0]
        elsewhere = next((p for p in positions if bucket[p].key[0] != slug), None)
        found.append(_Same(tuple(positions), slug, elsewhere))
    return found


def _matching_candidates(bucket: Sequence[_Entry], weights: Sequence[int]) -> list[Pair]:
    """The candidate pairs whose sentences match, in order: those sharing a word that is one of the two rarest of
    either sentence, each sentence counting `weights` times (the claims that have it), so that the rarest words are
    those of all the bucket's claims; and whose token sort ratio is at least `THRESHOLD`.

    A candidate pair holds the same numbers already (`near_identical` without that test or processing again). Each
    sentence is compared with all those holding one of its rarest words at once, by rapidfuzz's `process.extract`,
    which loops over them in C: a bucket of thousands of sentences that differ by a name (the same statement about
    each town) has hundreds of thousands of candidate pairs, and taking them one by one in Python cost more per claim
    the larger the archive.
    """
    frequency: dict[str, int] = defaultdict(int)
    holding: dict[str, list[int]] = defaultdict(list)
    for position, (entry, weight) in enumerate(zip(bucket, weights, strict=True)):
        for word in entry.words:
            frequency[word] += weight
            holding[word].append(position)
    # The token sort ratio is the ratio of the words sorted and joined by spaces: sorted here once per sentence,
    # not again in each comparison (six times faster, the same scores).
    words_sorted = [" ".join(sorted(entry.processed.split())) for entry in bucket]
    sentences: dict[str, list[str]] = {}  # the sentences holding a word, words sorted, in `holding`'s order
    found: set[Pair] = set()
    for position, entry in enumerate(bucket):
        for word in sorted(entry.words, key=lambda w: (frequency[w], w))[:RARE_WORDS]:
            others = holding[word]
            if len(others) < 2:
                continue
            if word not in sentences:
                sentences[word] = [words_sorted[other] for other in others]
            matches = process.extract(words_sorted[position], sentences[word], scorer=fuzz.ratio, processor=None,
                                      score_cutoff=THRESHOLD, limit=None)  # fmt: skip
            for _, score, index in matches:
                other = others[index]
                if other != position and score >= THRESHOLD:
                    found.add((min(position, other), max(position, other)))
    return sorted(found)


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
