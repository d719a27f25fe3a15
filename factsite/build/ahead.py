"""Work started in a thread before it is needed, so that it overlaps the start of a command.

The lint engine (Harper) loads its dictionary once per process, about 0.45 s of one processor: most of
the fixed cost of a small build. It releases Python's lock while it does, so loaded in a thread from
the command's first line it overlaps the imports, MkDocs' configuration and the checks that come
before the lint. A fork copies only the thread that calls it: `factsite.build.incremental.workers.can_fork` waits for
this work first, and the forked workers then share the loaded dictionary instead of each loading it. A lint that
would wait for the dictionary lets the check go on first with the next articles, all but their lint (`running`,
`factsite.build.incremental.check_cache.CheckCache._check_ahead`).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

_started: list[threading.Thread] = []


def start(work: Callable[[], object]) -> None:
    """Run `work` in a thread now. It only prepares: a failure is left for the real use to report."""

    def quietly() -> None:
        # The code that needs the work meets the same failure, and reports it located.
        with contextlib.suppress(Exception):
            work()

    # Not a daemon: Python waits for it before shutting down, where a thread still in the engine's native
    # code could otherwise be stopped mid-way (a command that fails at once waits the rest of its 0.45 s).
    thread = threading.Thread(target=quietly, name="factsite-ahead")
    thread.start()
    _started[:] = [*(earlier for earlier in _started if earlier.is_alive()), thread]


def running() -> bool:
    """Whether work started ahead still runs (Harper's dictionary still loading): what would wait for it may do
    other work first (`factsite.build.incremental.check_cache.CheckCache`)."""
    return any(thread.is_alive() for thread in _started)


def wait() -> None:
    """Wait for all the work started ahead."""
    while _started:
        _started.pop().join()


def load_lint_engine(config_file: str | None = None) -> None:
    """Load Harper's dictionary, which every linter of the process shares, in a thread, unless the files
    of the site at `config_file` say that the command will not lint (see `lint_expected`)."""

    def load() -> None:
        import harper

        harper.Linter(harper.Dialect.AMERICAN)

    if config_file is None or lint_expected(config_file):
        start(load)


def lint_expected(config_file: str) -> bool:
    """Whether the command is likely to lint an article, from the site's files alone, before the imports.

    Only a guess, for work started ahead: a wrong "no" costs the dictionary's load where the lint first
    needs it (`factsite.lint.engine.linter_for`), a wrong "yes" a processor's half second. No when mkdocs.yml
    turns the lint off, and no when the check cache held every article (`CheckCache.finish`) and none of the
    files the lint reads changed since: then every article body is found in the lint's cache and none is
    linted. The lint reads an article's Markdown alone (its body, and the `locale` and `published` of its front
    matter: `factsite.build.incremental.lint_cache`), the site's word list and mkdocs.yml (the lint's switch, the
    site's locale); never an article's YAML (its `ignore:` entries and typo claims only filter the findings) nor
    the editor pages. So an edit of a YAML file alone, a claim's note or verdict, answers no. A Markdown file
    counts with its change time too, which a rename or a copy that keeps the modification time renews.
    The content folder's own time stands for the word list added or removed. Anything unexpected answers yes.
    """
    try:
        site = _site_options(Path(config_file))
        if site.get("lint") is False:
            return False
        project = Path(config_file).resolve().parent
        cache = project / str(site.get("cache_dir") or ".factsite-cache")
        saved = (cache / "articles" / "checked").stat().st_mtime_ns
        content = project / str(site.get("docs_dir") or "docs")
        newest = max(Path(config_file).stat().st_mtime_ns, content.stat().st_mtime_ns)
        with contextlib.suppress(FileNotFoundError):
            words = (content / "words.txt").stat()
            newest = max(newest, words.st_mtime_ns, words.st_ctime_ns)
        with os.scandir(content / "articles") as entries:
            for entry in entries:
                if entry.name.endswith(".md"):
                    markdown = entry.stat()
                    newest = max(newest, markdown.st_mtime_ns, markdown.st_ctime_ns)
        return newest >= saved
    except Exception:  # a guess: whatever it cannot read, the command reports
        return True


def _site_options(config_file: Path) -> dict[str, object]:
    """`docs_dir` from mkdocs.yml and the factsite plugin's options, read with every YAML tag ignored."""
    import yaml

    # libyaml's parser where PyYAML has it: 0.4 ms for the demo's mkdocs.yml against 7 ms in Python, before the
    # dictionary starts loading. The same values; a file either parser refuses answers yes (lint_expected).
    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load(config_file.read_text("utf-8"), Loader=Loader)
    options: dict[str, object] = {"docs_dir": config.get("docs_dir")}
    plugins = config.get("plugins") or ()
    for plugin in [plugins] if isinstance(plugins, dict) else plugins:
        if isinstance(plugin, dict) and isinstance(plugin.get("factsite"), dict):
            options.update(plugin["factsite"])
    return options
