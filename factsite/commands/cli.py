"""The editors' command: `python build.py [build|check|serve|links|suggest|new] ...` (also installed as `factsite`).

Exit status: 0 success, 1 content errors (or warnings under --strict), 2 usage or configuration errors, 141 when
the reader of the output stopped early (`| head`), as for any command ended by SIGPIPE.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factsite.build import ahead

if TYPE_CHECKING:
    from factsite.model import Problem

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE (13): what shells report for a command ended by a closed pipe
TRACEBACK_FRAME = re.compile(r'File "([^"]+)", line (\d+)')
STARTED = time.perf_counter()  # the command's start, nearly: this module is the first of factsite's imported


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _run(argv)
        finally:
            # Flushed here, also after --help (argparse's SystemExit), so that a reader gone early is noticed below
            # and not at exit, where Python would report it.
            sys.stdout.flush()
    except KeyboardInterrupt:
        print("Interrupted; the previous site is untouched.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Whoever read the output stopped early (`factsite check --format json | head -1`): normal use, not an
        # error. Python's recipe (the signal module's "Note on SIGPIPE"): point the standard streams at /dev/null
        # so that flushing them at exit cannot fail again, and exit as a command ended by SIGPIPE does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.dup2(devnull, sys.stderr.fileno())
        return EXIT_BROKEN_PIPE


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0].startswith("-") and arguments[0] not in ("-h", "--help")):
        arguments.insert(0, "build")
    args = parser.parse_args(arguments)
    return int(args.run(args))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Check fact-checks and build the static site.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, run) -> argparse.ArgumentParser:  # type: ignore[no-untyped-def]
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.set_defaults(run=run)
        return command

    for name, help_text, run in (
        ("build", "check all content and build the site into site/ (the default)", _build),
        ("check", "check all content without writing the site", _check),
    ):
        command = add(name, help_text, run)
        command.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        command.add_argument("-j", "--jobs", type=int, default=None,
                             help="processes to check and render with (default: one per processor)")  # fmt: skip
        if name == "build":
            command.add_argument("-d", "--site-dir", help="output directory (default: site_dir of mkdocs.yml)")
            _engine_argument(command)
            command.add_argument("-v", "--verbose", action="store_true",
                                 help="print the full traceback of an unexpected failure")  # fmt: skip
        else:
            command.add_argument(
                "--format", choices=("text", "json", "github"), default="text",
                help="text for people, json for tools, github for GitHub Actions annotations",
            )  # fmt: skip
    suggest = add("suggest", "list claim candidates and copy errors in a pasted article", _suggest)
    suggest.add_argument("file", help="the article: plain text or Markdown, with or without front matter")
    suggest.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD) for relative dates")
    suggest.add_argument(
        "--locale", default=None, help="language and region, e.g. en_GB (default: the front matter's, else inferred)"
    )
    suggest.add_argument(
        "--content-dir", default="content", help="the content directory, for its words.txt (default: content)"
    )
    suggest.add_argument("--format", choices=("text", "json"), default="text", help="text or json")
    new = add("new", "scaffold content/articles/SLUG.md and SLUG.yaml from a pasted article", _new)
    new.add_argument("file", help="the article: plain text or Markdown, with or without front matter")
    new.add_argument("--slug", required=True, help="the article's id: lower-case letters, digits, hyphens")
    new.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD)")
    new.add_argument(
        "--locale", default=None, help="language and region, e.g. en_IN (default: the front matter's, else inferred)"
    )
    new.add_argument("--url", default=None, help="where the article was published")
    new.add_argument("--outlet", default=None, help="the publication's name")
    new.add_argument("--content-dir", default="content", help="the content directory (default: content)")
    serve = add("serve", "live preview on 127.0.0.1, rebuilt on every change", _serve)
    serve.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    _engine_argument(serve)
    links = add("links", "check every source and archive address over the network (never part of build)",
                _links)  # fmt: skip
    links.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    links.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for each server")
    links.add_argument("--concurrency", type=int, default=8, help="how many addresses to check at once")
    return parser


def _engine_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument("--engine", choices=("mkdocs", "properdocs", "zensical"), default=None,
                         help="what renders the site: mkdocs, properdocs (the maintained fork of MkDocs 1.x) "
                         "or zensical (build only: factsite renders every page and Zensical wraps them; see the "
                         "warnings it prints); default mkdocs when installed, else properdocs")  # fmt: skip


def _prepare_engine(args: argparse.Namespace) -> int | None:
    """Make this process run `args.engine`: None when it does, else the exit status of the command run in a fresh
    interpreter (or of the engine's refusal)."""
    # Before anything imports MkDocs: ProperDocs takes the place of MkDocs by aliasing its modules in this process.
    from factsite.adapters.mkdocs.engines import EngineError, default_engine, prepare

    engine = args.engine or default_engine()
    try:
        in_this_process = prepare(engine, args.config_file)
    except EngineError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    return None if in_this_process else _in_fresh_interpreter(args, engine)


def _build(args: argparse.Namespace) -> int:
    # Harper's dictionary, the longest of a small build's first steps, starts loading before the engine is chosen
    # (which reads installed packages' metadata, 14 ms) and before the imports, which it overlaps; not in a process
    # that has imported an engine already, which may run the build in a fresh interpreter instead.
    engine_loaded = "mkdocs" in sys.modules
    if not engine_loaded:
        ahead.load_lint_engine(args.config_file)
    status = _prepare_engine(args)
    if status is not None:
        return status
    if engine_loaded:
        ahead.load_lint_engine(args.config_file)
    if args.engine == "zensical":  # never the default: chosen by name
        return _build_with_zensical(args)
    from factsite.adapters.mkdocs.commands import SiteConfigError, build_site, quiet_mkdocs_logging
    from factsite.build.progress import Progress

    quiet_mkdocs_logging()
    started = time.perf_counter()
    try:
        outcome = build_site(args.config_file, strict=args.strict, site_dir=args.site_dir,
                             jobs=args.jobs, progress=Progress.for_terminal())  # fmt: skip
    except SiteConfigError as problem:
        print_lines(str(problem).splitlines(), "error")
        return EXIT_USAGE
    except Exception as failure:  # a fault of a template, a plugin or factsite itself, not of the content
        print(f"error: {failure_message(failure)}", file=sys.stderr)
        if args.verbose:
            traceback.print_exception(failure, file=sys.stderr)
        else:
            print("(run again with --verbose for the full traceback)", file=sys.stderr)
        print(f"the build failed and the previous site was left as it was ({time.perf_counter() - started:.1f} s)",
              file=sys.stderr)  # fmt: skip
        return EXIT_CONTENT
    problems = outcome.project.problems if outcome.project else ()
    print_problems(problems)
    for message in outcome.site_errors:
        print(f"error: {message}", file=sys.stderr)
    if outcome.traceback:
        print(outcome.traceback if args.verbose else "(run again with --verbose for the full traceback)",
              file=sys.stderr)  # fmt: skip
    elapsed = time.perf_counter() - started
    if outcome.ok:
        reused = outcome.pages - outcome.rendered
        pages = f"; {outcome.pages:,} page(s): {outcome.rendered:,} rendered, {reused:,} reused"
        if outcome.fast:
            pages += " (only the edited articles' pages: nothing else they show changed)"
        published = "" if outcome.published_at is None \
            else f" (pages in place after {outcome.published_at - STARTED:.1f} s)"  # fmt: skip
        summary = _summary(outcome.project, elapsed, outcome.totals)
        print(summary + pages + f"; site written to {outcome.site_dir}" + published, file=sys.stderr)
        return EXIT_OK
    summary = _summary(outcome.project, elapsed, outcome.totals)
    print(summary + f"; the build failed and {outcome.site_dir} was left as it was", file=sys.stderr)
    return EXIT_CONTENT


def _build_with_zensical(args: argparse.Namespace) -> int:
    """Zensical runs no plugin: factsite checks and renders every page and data file, Zensical renders the staged
    tree, and factsite publishes it only once every generated page is in it (factsite.adapters.zensical)."""
    from factsite.adapters.zensical import ZensicalError, build_site
    from factsite.build.incremental.workers import available_processors
    from factsite.build.progress import Progress
    from factsite.build.site import BuildOptions
    from factsite.load.site_config import SiteConfigError, read_site_config

    started = time.perf_counter()
    try:
        config = read_site_config(args.config_file, strict=args.strict)
        print_lines(config.warnings)
        options = BuildOptions(jobs=available_processors() if args.jobs is None else max(1, args.jobs),
                               parallel_always=args.jobs is not None, progress=Progress.for_terminal(),
                               cache_dir=config.cache_dir, once=True)  # fmt: skip
        outcome = build_site(config, options, site_dir=args.site_dir)
    except (SiteConfigError, ZensicalError) as problem:
        print_lines(str(problem).splitlines(), "error")
        return EXIT_USAGE
    except Exception as failure:  # a fault of a template or factsite itself, not of the content
        print(f"error: {failure_message(failure)}", file=sys.stderr)
        if args.verbose:
            traceback.print_exception(failure, file=sys.stderr)
        print("the build failed and the previous site was left as it was", file=sys.stderr)
        return EXIT_CONTENT
    print_problems(outcome.project.problems if outcome.project else ())
    for limit in outcome.warnings:
        print(f"warning: --engine zensical: {limit}", file=sys.stderr)
    for message in outcome.site_errors:
        print(f"error: {message}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    if outcome.ok:
        print(_summary(outcome.project, elapsed) + f"; {outcome.pages:,} generated page(s) rendered by Zensical "
              f"{outcome.version}; site written to {outcome.site_dir}", file=sys.stderr)  # fmt: skip
        return EXIT_OK
    print(_summary(outcome.project, elapsed) + f"; the build failed and {outcome.site_dir} was left as it was",
          file=sys.stderr)  # fmt: skip
    return EXIT_CONTENT


def _in_fresh_interpreter(args: argparse.Namespace, engine: str) -> int:
    """The same command in a new Python, for a process that has already imported another engine as `mkdocs` (a
    program calling `main` twice with different engines): the child imports the chosen one first."""
    import subprocess

    if os.environ.get("FACTSITE_ENGINE_CHILD"):  # the child found another engine loaded too: never loop
        print(f"error: --engine {engine}: another engine was imported before the {args.command} started",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    command = [sys.executable, "-m", "factsite", args.command, "-f", args.config_file, "--engine", engine]
    if args.command == "serve":
        command += ["--dev-addr", args.dev_addr]
    else:
        command += ["--strict"] * args.strict + ["--verbose"] * args.verbose
        command += ["--site-dir", args.site_dir] if args.site_dir else []
        command += ["--jobs", str(args.jobs)] if args.jobs is not None else []
    return subprocess.run(command, env={**os.environ, "FACTSITE_ENGINE_CHILD": "1"}, check=False).returncode


def _check(args: argparse.Namespace) -> int:
    ahead.load_lint_engine(args.config_file)
    from dataclasses import replace

    from factsite.build.editor_pages import editor_page_problems
    from factsite.build.incremental.workers import available_processors
    from factsite.build.progress import Progress
    from factsite.build.site import BuildOptions, SiteBuild
    from factsite.load.site_config import SiteConfigError, read_site_config
    from factsite.render.data_files import claims_data

    started = time.perf_counter()
    try:
        config = read_site_config(args.config_file, strict=args.strict)
    except SiteConfigError as problem:
        print_lines(str(problem).splitlines(), "error")
        return EXIT_USAGE
    print_lines(config.warnings)
    progress = Progress.for_terminal() if args.format == "text" else Progress.silent()
    options = BuildOptions(
        jobs=available_processors() if args.jobs is None else max(1, args.jobs),
        parallel_always=args.jobs is not None,
        progress=progress,
        cache_dir=config.cache_dir,
    )
    project = SiteBuild(config.settings(), options).check()
    editor_pages = editor_page_problems(config)  # what `build` finds in them as it renders them
    if editor_pages:
        problems = sorted(project.problems + tuple(editor_pages), key=lambda p: (p.location.path, p.location.line))
        project = replace(project, problems=tuple(problems))
    progress.finish()
    if args.format == "json":
        data = {"problems": [problem_data(p) for p in project.problems], "claims": claims_data(project)}
        print(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
    elif args.format == "github":
        for each in project.problems:
            print(github_annotation(each))
    else:
        print_problems(project.problems)
        print(_summary(project, time.perf_counter() - started), file=sys.stderr)
    return EXIT_CONTENT if project.errors else EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    if args.engine == "zensical":
        # The live preview rebuilds pages inside the MkDocs plugin; Zensical runs no plugin.
        print(f"error: {args.config_file}: --engine zensical: the live preview runs on MkDocs or ProperDocs only; "
              "preview with --engine mkdocs or properdocs, and publish with `build --engine zensical`",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    status = _prepare_engine(args)
    if status is not None:
        return status
    from factsite.adapters.mkdocs.commands import SiteConfigError, quiet_mkdocs_logging
    from factsite.adapters.mkdocs.serve import check_address, serve
    from factsite.build.progress import Progress

    quiet_mkdocs_logging()
    host, _, port = args.dev_addr.rpartition(":")

    def report(outcome) -> None:  # type: ignore[no-untyped-def]
        print_problems(outcome.problems)
        for message in outcome.site_errors:
            print(f"error: {message}", file=sys.stderr)
        done = f"{outcome.rendered:,} page(s) rendered"
        done += " (content change)" if outcome.mode == "content" else ""
        state = "preview updated" if outcome.ok else "preview NOT updated: the page lists the problems"
        print(_summary(outcome.project, outcome.seconds) + f"; {done}; {state}", file=sys.stderr)

    host = host or "127.0.0.1"
    try:
        check_address(host, int(port))
        print(f"Previewing on http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
        serve(args.config_file, host, int(port), report, Progress.for_terminal())
    except SiteConfigError as problem:
        print_lines(str(problem).splitlines(), "error")
        return EXIT_USAGE
    except OSError as problem:
        reason = problem.strerror or problem
        print(f"error: cannot serve on {args.dev_addr}: {reason}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _links(args: argparse.Namespace) -> int:
    from factsite.build.incremental.check_cache import CheckCache
    from factsite.build.pipeline import check_project
    from factsite.commands.links import check_links, collect_links, dead_link_problems
    from factsite.load.site_config import SiteConfigError, read_site_config

    try:
        config = read_site_config(args.config_file)
    except SiteConfigError as problem:
        print_lines(str(problem).splitlines(), "error")
        return EXIT_USAGE
    print_lines(config.warnings)
    settings, cache_dir = config.settings(), config.cache_dir
    project = check_project(settings, CheckCache(settings, cache_dir).check)
    print_problems(project.errors)  # articles that fail to load have no addresses to check
    targets = collect_links(project)
    results = check_links(targets, timeout=args.timeout, concurrency=args.concurrency)
    problems = dead_link_problems(results)
    print_problems(problems)
    dead = sum(1 for _, status in results if not status.ok)
    print(f"{len(targets)} address(es) checked, {dead} did not load", file=sys.stderr)
    from factsite.model import Severity

    return EXIT_CONTENT if project.errors or any(p.severity is Severity.ERROR for p in problems) else EXIT_OK


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write YYYY-MM-DD") from None


def _read_draft(path: str):  # type: ignore[no-untyped-def]
    from factsite.commands.scaffold import read_draft

    text = Path(path).read_text("utf-8").replace("\r\n", "\n").lstrip("\ufeff")
    return text, read_draft(text)


def _draft_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _locale(given: str | None, draft) -> str | None:  # type: ignore[no-untyped-def]
    """The locale `suggest` and `new` use: --locale, else the front matter's, else what the text shows;
    said on stderr. None (after an error message) when --locale is not a locale."""
    from babel import Locale, UnknownLocaleError

    from factsite.lint.locale_inference import InferredLocale, infer_locale

    if given:
        try:
            Locale.parse(given.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            print(f"error: --locale: '{given}' is not a locale; write e.g. en_US, en_GB or en_IN", file=sys.stderr)
            return None
        inferred = InferredLocale(given, "from --locale")
    else:
        inferred = infer_locale(f"{draft.title}\n{draft.body}", draft.metadata.get("locale"))
    how = "" if given else "; set it with --locale"
    print(f"locale: {inferred.locale} ({inferred.reason}{how})", file=sys.stderr)
    return inferred.locale


def _suggest(args: argparse.Namespace) -> int:
    from factsite.lint import findings_as_json, suggest_candidates
    from factsite.lint.wordlist import load_word_list

    try:
        text, draft = _read_draft(args.file)
    except (OSError, UnicodeDecodeError, ValueError) as problem:
        print(f"error: {args.file}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    published = args.published or _draft_date(draft.metadata.get("published"))
    locale = _locale(args.locale, draft)
    if locale is None:
        return EXIT_USAGE
    word_list = load_word_list(Path(args.content_dir))
    if word_list.problems:
        print_problems(word_list.problems)
        return EXIT_CONTENT
    findings = suggest_candidates(text, locale=locale, published=published, words=word_list.words)
    if args.format == "json":
        print(json.dumps(findings_as_json(findings), ensure_ascii=False, indent=1))
        return EXIT_OK
    for finding in findings:
        detail = ""
        if finding.suggestion is not None:
            detail = f" (suggestion: {finding.suggestion!r})" if finding.suggestion else " (suggestion: delete)"
        elif finding.value:
            detail = f" ({finding.value})"
        words = " ".join(finding.text.split())
        print(f"{args.file}:{finding.line}:{finding.column}: {finding.kind}: “{words}”: {finding.message}{detail}")
    copy_errors = sum(1 for finding in findings if finding.is_copy_error)
    print(f"{len(findings)} finding(s), {copy_errors} copy error(s)", file=sys.stderr)
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from factsite.commands.scaffold import scaffold_article, write_scaffold
    from factsite.load.fields import FieldError, check_id

    try:
        check_id(args.slug)
        text, draft = _read_draft(args.file)
    except FieldError as problem:
        print(f"error: --slug: {problem} ({problem.hint})", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, UnicodeDecodeError, ValueError) as problem:
        print(f"error: {args.file}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    locale = _locale(args.locale, draft)
    if locale is None:
        return EXIT_USAGE
    try:
        markdown, citations = scaffold_article(
            text,
            slug=args.slug,
            published=args.published or _draft_date(draft.metadata.get("published")),
            source_name=Path(args.file).name,
            locale=locale,
            url=args.url,
            outlet=args.outlet,
        )
    except ValueError as problem:  # no publication date: say how to give one, never a traceback
        print(f"error: {args.file}: {problem} (--published YYYY-MM-DD)", file=sys.stderr)
        return EXIT_USAGE
    try:
        paths = write_scaffold(Path(args.content_dir) / "articles", args.slug, markdown, citations)
    except FileExistsError as problem:
        print(f"error: {problem}; nothing was written", file=sys.stderr)
        return EXIT_USAGE
    for path in paths:
        print(f"wrote {path}", file=sys.stderr)
    print("next: review each claim, set its verdict and sources, then run: python build.py check", file=sys.stderr)
    return EXIT_OK


def failure_message(failure: BaseException) -> str:
    """One line for an unexpected failure: its own message (which names the page or file where it can),
    with the template file and line when the failure happened in a template."""
    message = str(failure).strip() or type(failure).__name__
    # The frames of this process, and the text of a child process's traceback (`forking.ChildTraceback`).
    places = [(frame.filename, frame.lineno) for frame in traceback.extract_tb(failure.__traceback__)]
    cause = failure.__cause__
    if cause is not None:
        places += [(frame.filename, frame.lineno) for frame in traceback.extract_tb(cause.__traceback__)]
        places += [(name, int(line)) for name, line in TRACEBACK_FRAME.findall(getattr(cause, "text", ""))]
    templates = [f"{name}:{line}: " for name, line in places if name.endswith(".html") and line]
    return f"{templates[-1] if templates else ''}{type(failure).__name__}: {message}"


def print_lines(lines: Sequence[str], severity: str = "warning") -> None:
    for line in lines:
        print(f"{severity}: {line}", file=sys.stderr)


def print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def problem_data(problem: Problem) -> dict[str, object]:
    return {
        "severity": problem.severity.value,
        "file": problem.location.path,
        "line": problem.location.line,
        "column": problem.location.column,
        "message": problem.message,
        "hint": problem.hint,
        "code": problem.code,
    }


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command; its data must escape %, CR and LF (and , : in properties)."""

    def escape(text: str, property_value: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if property_value else text

    from factsite.model import Severity, shown

    level = "error" if problem.severity is Severity.ERROR else "warning"
    where = f"file={escape(problem.location.path, True)}"
    if problem.location.line:
        where += f",line={problem.location.line},col={problem.location.column}"
    # The file stays exact, for GitHub to find it; the text shows control and right-to-left marks as escapes.
    message = shown(problem.message + (f" ({problem.hint})" if problem.hint else ""))
    return f"::{level} {where},title=factsite::{escape(message)}"


def _summary(project, elapsed: float, totals: tuple[int, tuple[str, ...]] | None = None) -> str:  # type: ignore[no-untyped-def]
    """`totals`: the number of articles and every claim's verdict label, when `project` holds only some of them
    (the edit's fast path checks only the edited articles)."""
    if project is None:
        return f"not built ({elapsed:.1f} s)"
    if totals is not None:
        articles, labels = totals
    else:
        articles, labels = len(project.articles), tuple(_label(claimed) for claimed in project.claims)
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    tally = ", ".join(f"{count} {label}" for label, count in sorted(counts.items(), key=lambda item: -item[1]))
    return (
        f"{articles} article(s), {len(labels)} claim(s) ({tally}); "
        f"{len(project.errors)} error(s), {len(project.warnings)} warning(s) in {elapsed:.1f} s"
    )


def _label(claimed) -> str:  # type: ignore[no-untyped-def]
    if claimed.verdict:
        return str(claimed.verdict.label)
    return "correction" if claimed.claim.correction is not None else "unreviewed"


if __name__ == "__main__":
    sys.exit(main())
