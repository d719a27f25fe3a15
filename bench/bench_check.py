"""Where `check` spends its time, article by article, against the budget of 5,000 claims a second.

    python bench/bench_check.py                      # 250 articles x 20 claims, about a minute
    python bench/bench_check.py --articles 1250      # the 25,000-claim archive of bench_scale.py

Writes a synthetic site (`synthetic.py`: nearly every sentence new, as in a real archive), then runs,
each in a fresh process so that no cache of factsite or of the spelling engine is warm:

- the command, `python build.py check`, from an empty check cache and again with it warm, with the
  lint and without it (`lint: false`), in claims per second; and with the check results dropped but the
  lint's findings kept (an article is linted again only when its text changed);
- one article at a time in one process, the milliseconds an article costs: the whole check
  (`check_article`), the check without the lint, reading the files alone, Harper as the lint runs it,
  and Harper with every rule off (the cost of reading a text at all: it tags parts of speech with a
  small neural network, sentence by sentence);

and sets each cost beside the budget: at 5,000 claims a second on this machine's processors, an
article of N claims may take processors x N / 5,000 seconds of one processor. Beside each command's wall time
stands its processor time (user + system, the command and its children), which a shared machine disturbs
less; the per-article stages are timed on the process's own processor clock.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import yaml

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from synthetic import write_project  # noqa: E402 (bench/ is the script's own directory)

TARGET_CLAIMS_PER_S = 5000
STAGES = {
    "whole": "check_article, lint included",
    "no-lint": "check_article, lint off",
    "load": "reading the two files (load_article)",
    "lint": "the lint alone (findings_to_review)",
    "harper": "Harper as the lint runs it",
    "harper-bare": "Harper with every rule off",
}


def time_stage(stage: str, config: Path) -> float:
    """Milliseconds per article for `stage`, in this (fresh) process; the first article warms up."""
    import harper

    from factsite.build.pipeline import article_paths, check_article
    from factsite.lint import findings_to_review
    from factsite.lint.engine import dialect_for, linter_for, run_engine
    from factsite.lint.prose import Prose
    from factsite.load.articles import load_article
    from factsite.load.site_config import read_settings
    from factsite.render.markdown_render import MarkdownRenderer

    settings, _ = read_settings(str(config))
    if stage == "no-lint":
        settings = replace(settings, lint=False)
    pairs = article_paths(settings.content_dir)[0]
    renderer = MarkdownRenderer()
    bare = harper.Linter(dialect_for(settings.locale))
    bare.set_lint_config(dict.fromkeys(bare.get_lint_config(), False))

    def bodies() -> list[str]:
        loaded = [load_article(md, yaml, settings.content_dir, settings.project_dir) for md, yaml in pairs]
        return [Prose.from_text(item.article.body).masked for item in loaded if item.article is not None]

    texts = bodies() if stage.startswith("harper") else []
    loaded = (
        [load_article(md, yaml, settings.content_dir, settings.project_dir) for md, yaml in pairs]
        if stage == "lint"
        else []
    )
    articles = [item.article for item in loaded if item.article is not None]
    actions = {
        "whole": lambda index: check_article(*pairs[index], settings, renderer),
        "no-lint": lambda index: check_article(*pairs[index], settings, renderer),
        "load": lambda index: load_article(*pairs[index], settings.content_dir, settings.project_dir),
        "lint": lambda index: findings_to_review(
            articles[index].body, locale=articles[index].locale or settings.locale, published=articles[index].published
        ),
        "harper": lambda index: run_engine(texts[index], settings.locale),
        "harper-bare": lambda index: bare.organized_lints(texts[index], language=harper.Language.PLAINTEXT),
    }
    action = actions[stage]
    linter_for(dialect_for(settings.locale))  # the dictionary loads once per process, not per article
    action(0)
    started = time.process_time()
    for index in range(1, len(pairs)):
        action(index)
    return (time.process_time() - started) * 1000 / (len(pairs) - 1)


def children_processor_time() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_check(config: Path, cache: Path, *, cold: bool | str) -> tuple[float, float]:
    """`cold`: True empties the whole cache, "results" only the check results (the lint's findings stay)."""
    if cold == "results":
        shutil.rmtree(cache / "articles", ignore_errors=True)
    elif cold:
        shutil.rmtree(cache, ignore_errors=True)
    started, processor = time.perf_counter(), children_processor_time()
    subprocess.run([sys.executable, str(REPOSITORY / "build.py"), "check", "-f", str(config)],
                   check=True, capture_output=True)  # fmt: skip
    return time.perf_counter() - started, children_processor_time() - processor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=250)
    parser.add_argument("--claims", type=int, default=20, help="claims per article")
    parser.add_argument("--workdir", type=Path, help="where to write the site (default: a temporary directory)")
    parser.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)  # one measurement, internal
    parser.add_argument("--config", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(time_stage(args.stage, args.config)))
        return
    from factsite.adapters.mkdocs.commands import available_processors

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="factsite-bench-check-"))
    config = write_project(workdir / "site", articles=args.articles, claims_per_article=args.claims)
    no_lint = config.with_name("mkdocs-no-lint.yml")
    settings = yaml.safe_load(config.read_text("utf-8"))
    next(plugin for plugin in settings["plugins"] if isinstance(plugin, dict))["factsite"]["lint"] = False
    no_lint.write_text(yaml.safe_dump(settings, sort_keys=False), "utf-8")
    claims = args.articles * args.claims
    processors = available_processors()
    budget_ms = processors * args.claims / TARGET_CLAIMS_PER_S * 1000

    cache = config.parent / ".factsite-cache"
    print(f"{args.articles:,} articles, {claims:,} claims; {processors} processors; "
          f"budget at {TARGET_CLAIMS_PER_S:,} claims/s: {budget_ms:.1f} ms of one processor per article\n")  # fmt: skip
    print(f"load average {os.getloadavg()[0]:.1f}\n")
    print(f"{'python build.py check':<44}{'seconds':>9}{'claims/s':>10}{'of target':>11}{'processor s':>13}")
    runs: list[tuple[str, Path, bool | str]] = [
        (f"lint {state}, {cache_state}", path, cold)
        for state, path in (("on", config), ("off", no_lint))
        for cache_state, cold in (("empty cache", True), ("cache warm", False))
    ]
    # The check results dropped, the lint's findings kept (what a factsite upgrade leaves, and the cost of an
    # article whose YAML changed): the checks again, the lint from its cache.
    runs.insert(2, ("lint on, check results dropped, findings kept", config, "results"))
    for label, path, cold in runs:
        seconds, processor = run_check(path, cache, cold=cold)
        rate = claims / seconds
        print(f"{label:<44}{seconds:>9.2f}{rate:>10,.0f}{rate / TARGET_CLAIMS_PER_S:>10.2f}x{processor:>13.2f}")

    print(f"\n{'one article, one process':<44}{'ms':>9}{'of budget':>10}")
    for stage, label in STAGES.items():
        command = [sys.executable, __file__, "--stage", stage, "--config", str(config)]
        ms = float(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        print(f"{label:<44}{ms:>9.1f}{ms / budget_ms:>9.2f}x")
    print(f"\nload average {os.getloadavg()[0]:.1f}")
    if args.workdir is None:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
