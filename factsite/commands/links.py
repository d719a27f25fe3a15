"""The link checker behind `python build.py links`: does every cited address, and its archive, load?

It is never part of a build, which must not depend on the network. Collecting the addresses and
turning answers into problems are pure; only `fetch_status` does I/O, through
`requests`, with a timeout per connection and per read (a server that trickles bytes can take
longer), and `check_links` runs a bounded number of fetches at once.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import requests

from factsite.model import Location, Problem, Project, Severity

USER_AGENT = "factsite-link-checker/1 (+https://pypi.org/project/factsite/)"
# Answers that often mean "no robots here", not "gone": they need a person to look.
REFUSALS = {401, 403, 429}
# Answers to HEAD that do not say the page is gone; GET may still succeed.
RETRY_WITH_GET = {400, 403, 404, 405, 406, 500, 501, 503}


class LinkRole(enum.StrEnum):
    SOURCE = "source"
    SOURCE_ARCHIVE = "archived copy of source"
    ARTICLE = "article"
    ARTICLE_ARCHIVE = "archived copy of article"


@dataclass(frozen=True)
class LinkUse:
    """One place that cites an address: a source (with the claims citing it) or an article."""

    role: LinkRole
    name: str
    claims: tuple[str, ...]
    location: Location


@dataclass(frozen=True)
class LinkTarget:
    url: str
    uses: tuple[LinkUse, ...]


@dataclass(frozen=True)
class LinkStatus:
    """What the server said: an HTTP status, or `status` None and why there was no answer."""

    url: str
    status: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400


Fetch = Callable[[str, float], LinkStatus]


def collect_links(project: Project) -> tuple[LinkTarget, ...]:
    """Every article, source and archive address, each once, with the places that cite it."""
    uses: dict[str, list[LinkUse]] = {}
    for checked in project.articles:
        article = checked.article
        where = Location(article.path)
        uses.setdefault(article.url, []).append(LinkUse(LinkRole.ARTICLE, article.slug, (), where))
        if article.archived:
            use = LinkUse(LinkRole.ARTICLE_ARCHIVE, article.slug, (), where)
            uses.setdefault(article.archived, []).append(use)
        for source in article.sources:
            claims = tuple(c.claim.id for c in checked.claims if source.id in c.claim.sources)
            use = LinkUse(LinkRole.SOURCE, source.id, claims, source.location)
            uses.setdefault(source.url, []).append(use)
            if source.archived:
                archive = LinkUse(LinkRole.SOURCE_ARCHIVE, source.id, claims, source.location)
                uses.setdefault(source.archived, []).append(archive)
    return tuple(LinkTarget(url, tuple(found)) for url, found in sorted(uses.items()))


def fetch_status(url: str, timeout: float) -> LinkStatus:
    """Ask for `url` with HEAD, then GET where servers mishandle HEAD; follow redirects."""
    headers = {"User-Agent": USER_AGENT}
    try:
        response = requests.head(url, timeout=timeout, allow_redirects=True, headers=headers)
        if response.status_code in RETRY_WITH_GET:
            with requests.get(url, timeout=timeout, headers=headers, stream=True) as response:
                pass  # the status is enough; the body is never read
    except requests.Timeout:
        return LinkStatus(url, None, f"no answer within {timeout:g} s")
    except requests.exceptions.SSLError:
        return LinkStatus(url, None, "the TLS certificate was refused")
    except requests.ConnectionError as problem:
        return LinkStatus(url, None, _connection_failure(problem))
    except requests.RequestException as problem:
        return LinkStatus(url, None, f"{type(problem).__name__}: {problem}"[:200])
    return LinkStatus(url, response.status_code, f"HTTP {response.status_code} {response.reason}")


def _connection_failure(problem: Exception) -> str:
    # requests nests urllib3's errors in its message; the likely causes are worth naming plainly.
    text = str(problem)
    if "NameResolutionError" in text or "Name or service not known" in text:
        return "could not connect: the host name does not resolve"
    if "Connection refused" in text:
        return "could not connect: connection refused"
    if "RemoteDisconnected" in text or "Connection aborted" in text:
        return "the server closed the connection without answering"
    return f"could not connect: {text}"[:200]


def check_links(
    targets: Iterable[LinkTarget],
    *,
    timeout: float = 10.0,
    concurrency: int = 8,
    fetch: Fetch = fetch_status,
) -> list[tuple[LinkTarget, LinkStatus]]:
    """Fetch every target, at most `concurrency` at a time; results in the targets' order."""
    targets = list(targets)
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        statuses = list(pool.map(lambda target: fetch(target.url, timeout), targets))
    return list(zip(targets, statuses, strict=True))


def dead_link_problems(results: Iterable[tuple[LinkTarget, LinkStatus]]) -> list[Problem]:
    """A problem for each citation of an address that did not answer well: errors, or warnings
    for refusals (401, 403, 429) that a person should check in a browser."""
    problems = []
    for target, status in results:
        if status.ok:
            continue
        refused = status.status in REFUSALS
        severity = Severity.WARNING if refused else Severity.ERROR
        for use in target.uses:
            message = f"{use.role} '{use.name}' at {target.url}: {status.reason}"
            problems.append(Problem(severity, use.location, message, _hint(use, refused), "dead-link"))
    problems.sort(key=lambda p: (p.location.path, p.location.line, p.location.column, p.message))
    return problems


def _hint(use: LinkUse, refused: bool) -> str:
    cited = f"cited by claims {', '.join(use.claims)}; " if use.claims else ""
    if refused:
        return cited + "the server refused an automated request: open the address in a browser"
    if use.role in (LinkRole.SOURCE, LinkRole.ARTICLE):
        return cited + "update the address, or add an `archived:` copy and say so in the note"
    return cited + "replace the archived copy with one that loads"
