"""The build pipeline's core: load -> validate -> anchor -> check, for every article of a content directory.

`check_project` is what both the site build and `factsite check` run. It knows nothing of MkDocs: it takes
`Settings` and returns a `Project`, the checked content with every problem found.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from factsite.build.static_files import content_file_problems
from factsite.checks.claims import check_claim
from factsite.lint import findings_to_review, uses_dictionary
from factsite.lint.findings import Finding
from factsite.lint.wordlist import load_word_list
from factsite.load.anchor import MarkSpan, locate_marks, mark_ready
from factsite.load.articles import load_article
from factsite.load.fields import error, warning
from factsite.load.positions import LineIndex
from factsite.load.validate import validate_article
from factsite.model import (
    Article,
    CheckedArticle,
    CheckedClaim,
    ClaimKind,
    Location,
    Problem,
    Project,
    Severity,
)
from factsite.render.claim_marks import MarkLink
from factsite.render.claimants import PERSON, Claimants
from factsite.render.markdown_render import MarkdownRenderer
from factsite.render.page_safety import article_page_ids, page_problems, scan_problems
from factsite.settings import UNREVIEWED, Settings

ArticleChecker = Callable[[Path, Path], "ArticleOutcome"]


@dataclass(frozen=True)
class ArticleOutcome:
    """Everything one article's files produce; a pure function of their bytes and the settings."""

    article: CheckedArticle | None
    problems: tuple[Problem, ...]


def article_paths(content_dir: Path) -> tuple[list[tuple[Path, Path]], list[Problem]]:
    """Pairs of (SLUG.md, SLUG.yaml) in content/articles/, sorted by name so output never depends on disk order."""
    articles_dir = content_dir / "articles"
    problems: list[Problem] = []
    if not articles_dir.is_dir():
        return [], problems
    names = sorted(path.name for path in articles_dir.iterdir())
    pairs = []
    for name in names:
        path = articles_dir / name
        if name.endswith(".md"):
            if path.is_file():  # a named pipe or a broken link is reported with content/'s other files
                pairs.append((path, path.with_suffix(".yaml")))
        elif name.endswith((".yaml", ".yml")) and not path.with_suffix(".md").exists():
            problems.append(
                error(
                    Location(f"{content_dir.name}/articles/{name}"),
                    "citations file without an article",
                    f"save the article as {path.stem}.md beside it, or remove the file",
                )
            )
    problems.extend(_case_collisions(pairs, content_dir))
    return pairs, problems


def _case_collisions(pairs: list[tuple[Path, Path]], content_dir: Path) -> list[Problem]:
    # Two slugs equal but for case would share one URL on a case-insensitive file system.
    seen: dict[str, str] = {}
    problems = []
    for markdown_path, _ in pairs:
        folded = markdown_path.stem.casefold()
        if folded in seen:
            problems.append(
                error(
                    Location(f"{content_dir.name}/articles/{markdown_path.name}"),
                    f"article '{markdown_path.stem}' differs from '{seen[folded]}' only in letter case",
                    "rename one of them: their pages would overwrite each other on many systems",
                )
            )
        seen[folded] = markdown_path.stem
    return problems


@dataclass(frozen=True)
class ClaimsChecked:
    """One article checked but for the copy-edit lint (`lint_checked` adds its problems): of an article's check, the
    lint alone may need Harper's dictionary, which loads once per process (`factsite.build.ahead`), so the rest
    can run while it loads."""

    # The outcome without the lint's problems: the whole outcome where the article failed or the lint is off.
    outcome: ArticleOutcome
    spans: tuple[MarkSpan, ...] = ()  # the claim marks, whose words the lint leaves to their claims
    lint: bool = False  # whether the lint is still to run

    @property
    def uses_dictionary(self) -> bool:
        """Whether the lint still to run reads Harper's dictionary (which it may find in the lint's cache)."""
        checked = self.outcome.article
        return self.lint and checked is not None and uses_dictionary(checked.article.locale)


def check_article(
    markdown_path: Path,
    citations_path: Path,
    settings: Settings,
    renderer: MarkdownRenderer,
    suggest: Callable[..., tuple[Finding, ...]] | None = None,
) -> ArticleOutcome:
    """Load, validate and check one article; `suggest` may be a cache of the lint's findings."""
    return lint_checked(check_claims(markdown_path, citations_path, settings, renderer), settings, suggest)


def lint_checked(
    claims: ClaimsChecked, settings: Settings, suggest: Callable[..., tuple[Finding, ...]] | None = None
) -> ArticleOutcome:
    """The outcome of an article checked but for the lint, the lint's problems added after the others."""
    checked = claims.outcome.article
    if not claims.lint or checked is None:
        return claims.outcome
    words = load_word_list(settings.content_dir).words
    problems = [*checked.problems, *_lint_problems(checked.article, claims.spans, words, suggest)]
    # Two tuples, as an outcome checked at once holds: the cache's entry is the same, byte for byte.
    return ArticleOutcome(replace(checked, problems=tuple(problems)), tuple(problems))


def check_claims(markdown_path: Path, citations_path: Path, settings: Settings,
                 renderer: MarkdownRenderer) -> ClaimsChecked:  # fmt: skip
    """Load, validate and check one article, all but the lint (`lint_checked`)."""
    loaded = load_article(markdown_path, citations_path, settings.content_dir, settings.project_dir)
    problems = list(loaded.problems)
    article = loaded.article
    if article is None:
        return ClaimsChecked(ArticleOutcome(None, tuple(problems)))
    if not article.locale:
        article = replace(article, locale=settings.locale)
    problems.extend(validate_article(article, loaded.mark_spans, settings.scale))
    if any(problem.severity is Severity.ERROR for problem in problems):
        return ClaimsChecked(ArticleOutcome(None, tuple(problems)))
    body = mark_ready(article.body, loaded.mark_spans)
    rendered = renderer.render_article(body, _mark_links(article, loaded.mark_spans, settings))
    unrendered = _unrendered_marks(loaded.mark_spans, rendered.text, rendered.mark_offsets)
    if unrendered:
        return ClaimsChecked(ArticleOutcome(None, tuple(problems + unrendered)))
    marks = locate_marks(loaded.mark_spans, rendered.text, rendered.mark_offsets)
    article = replace(article, text=rendered.text, marks=marks)
    problems.extend(scan_problems(rendered.page, article.body, article.path, article.body_line, article_page_ids()))
    problems.extend(_field_problems(article, renderer))
    claims = []
    claimants = Claimants(settings)
    for mark in marks:
        claim = article.claim(mark.claim_id)
        assert claim is not None  # validation guarantees every mark has its claim
        sources = tuple(s for source_id in claim.sources if (s := article.source(source_id)) is not None)
        person = bool(claim.speaker) and claimants.named(claim.speaker or "", claim.speaker_type).type == PERSON
        result = check_claim(claim, mark.text, article, sources, settings.scale, speaker_is_person=person)
        if result is not None and result.contradicts_verdict:
            problems.append(
                warning(
                    claim.location,
                    f"claim '{claim.id}' is rated '{claim.verdict}' but the {result.check} check finds: "
                    f"{result.summary}",
                    "review the verdict against the evidence on the claim page",
                    code="verdict-contradicts-check",
                )
            )
        verdict = settings.scale.get(claim.verdict or "")
        claims.append(CheckedClaim(article, claim, mark, verdict, result, sources))
    checked = CheckedArticle(article, rendered.html, tuple(claims), tuple(problems))
    return ClaimsChecked(ArticleOutcome(checked, tuple(problems)), loaded.mark_spans, settings.lint)


def _unrendered_marks(spans: tuple[MarkSpan, ...], text: str, offsets: Mapping[str, tuple[int, int]]) -> list[Problem]:
    """A located error for each mark that the page cannot show as words: `check` and `build` agree."""
    problems = []
    for span in spans:
        where = offsets.get(span.claim_id)
        if where is None:
            problems.append(
                error(
                    span.location,
                    f"claim mark '#{span.claim_id}' does not render as one run of words on the page",
                    "keep the mark within one Markdown paragraph, list item or heading, outside links, code "
                    "and HTML blocks",
                )
            )
        elif not text[where[0] : where[1]].strip():
            problems.append(
                error(
                    span.location,
                    f"claim mark '#{span.claim_id}' has nothing readable inside",
                    f"mark the words the claim is about: [words]{{#{span.claim_id}}}; "
                    "an image or blank space cannot be checked",
                )
            )
    return problems


def _field_problems(article: Article, renderer: MarkdownRenderer) -> list[Problem]:
    """Images from other hosts in the Markdown of the summary, notes and corrections, at their entry."""
    fields = [(article.summary, Location(article.path))]
    fields += [(claim.note, claim.location) for claim in article.claims]
    fields += [(source.note, source.location) for source in article.sources]
    fields += [(f"{c.change}\n\n{c.reason}", c.location) for c in article.corrections]
    problems: list[Problem] = []
    for text, location in fields:
        if text and ("](" in text or "<" in text):  # no image without Markdown's or HTML's syntax for one
            found = page_problems(renderer.render_note(text), text, location.path)
            problems.extend(replace(problem, location=location) for problem in found)
    return problems


def _lint_problems(
    article: Article,
    spans: tuple[MarkSpan, ...],
    words: frozenset[str],
    suggest: Callable[..., tuple[Finding, ...]] | None = None,
) -> list[Problem]:
    """Copy errors no typo claim records and candidates no mark covers, as located warnings."""
    typo_ids = {claim.id for claim in article.claims if claim.kind is ClaimKind.TYPO}
    findings = findings_to_review(
        article.body,
        locale=article.locale,
        published=article.published,
        marked=[(span.inner_start, span.inner_end) for span in spans],
        typo_marked=[(span.inner_start, span.inner_end) for span in spans if span.claim_id in typo_ids],
        ignores=article.ignores,
        words=words,
        suggest=suggest,
    )
    lines = LineIndex(article.body, article.body_line)
    problems = []
    for finding in findings:
        if finding.is_copy_error:
            hint = "record it as a typo claim"
            if finding.suggestion is not None:
                hint = f"suggested: “{finding.suggestion}”" if finding.suggestion else "suggested: delete it"
                hint += "; record it as a typo claim"
        else:
            hint = "mark it as a claim"
        hint += f", or silence it under 'ignore:' in {article.citations_path}"
        problems.append(
            warning(
                lines.location(article.path, finding.start),
                f"“{' '.join(finding.text.split())}”: {finding.message}",
                hint,
                code=f"lint-{finding.kind}",
            )
        )
    return problems


def _mark_links(article: Article, spans, settings: Settings) -> dict[str, MarkLink]:  # type: ignore[no-untyped-def]
    links = {}
    for span in spans:
        claim = article.claim(span.claim_id)
        if claim is None:
            continue
        verdict = settings.scale.get(claim.verdict or "")
        if claim.kind is ClaimKind.TYPO:
            label, css, icon = "Correction", "fs-kind--typo", "material/pencil"
        elif verdict is None or claim.verdict == UNREVIEWED:
            label, css, icon = "Unreviewed", "fs-verdict--unreviewed", "material/timer-sand"
        else:
            label, css, icon = verdict.label, f"fs-verdict--{verdict.id}", verdict.icon
        links[span.claim_id] = MarkLink(
            href=f"claims/{span.claim_id}/",
            number=span.number,
            label=label,
            css_class=css,
            icon_svg=settings.icon_svg(icon),
            description=claim.claim_reviewed,
        )
    return links


def check_project(settings: Settings, check: ArticleChecker | None = None) -> Project:
    """Check every article; `check` may be a caching wrapper around `check_article`."""
    renderer = MarkdownRenderer()
    pairs, problems = article_paths(settings.content_dir)
    if settings.lint:
        problems.extend(load_word_list(settings.content_dir).problems)
    problems.extend(content_file_problems(settings))
    intro = settings.content_dir / "index.md"  # the index page's introduction
    if intro.is_file() and not intro.is_symlink():
        text = intro.read_text("utf-8", errors="replace")
        problems.extend(page_problems(renderer.render_note(text), text, f"{settings.content_dir.name}/index.md"))
    if check is None:

        def check(markdown_path: Path, citations_path: Path) -> ArticleOutcome:
            return check_article(markdown_path, citations_path, settings, renderer)

    articles = []
    for markdown_path, citations_path in pairs:
        outcome = check(markdown_path, citations_path)
        problems.extend(outcome.problems)
        if outcome.article is not None:
            articles.append(outcome.article)
    if not pairs:
        problems.append(
            warning(
                Location(settings.content_dir.name),
                "no articles found",
                f"add SLUG.md and SLUG.yaml files under {settings.content_dir.name}/articles/",
            )
        )
    if settings.strict:
        problems = [problem.as_error() for problem in problems]
    articles.sort(key=lambda a: (a.article.reviewed, a.article.published, a.article.slug), reverse=True)
    problems.sort(key=lambda p: (p.location.path, p.location.line, p.location.column, p.message))
    return Project(settings, tuple(articles), tuple(problems))


def content_hash(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.as_posix().encode())
        digest.update(path.read_bytes() if path.is_file() else b"\0missing")
    return digest.hexdigest()
