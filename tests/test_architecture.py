"""Import contracts between factsite's layers, read from the source (AST) so that a refactor that breaks a layer fails
here rather than in a review.

- the core (everything but the MkDocs adapter, factsite/adapters/mkdocs/) never imports an engine (mkdocs, material,
  properdocs, zensical), except the CLI's imports inside its command functions, which load the adapter only for the
  command that needs it;
- the checks (factsite/checks/) import only the model and each other among factsite's modules;
- render (factsite/render/) never imports the adapter, the CLI or the build;
- `check`, `suggest`, `links` and `new` run without MkDocs (each runs in a fresh interpreter on the demo).

No known exception is left. A future one goes in an explicit allow-list that can only shrink (the test fails when
an entry no longer violates its contract).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY

PACKAGE = REPOSITORY / "factsite"
ENGINES = ("mkdocs", "material", "properdocs", "zensical")
ADAPTER = "factsite.adapters.mkdocs"


def module_name(path: Path) -> str:
    parts = path.relative_to(REPOSITORY).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, int, bool]]:
    """(module imported, line, whether the import is at module level) for every import in `path`."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    top_level = {id(node) for node in tree.body}
    # `if TYPE_CHECKING:` blocks run at module level for a type checker only; they count as module level here too.
    for node in tree.body:
        if isinstance(node, ast.If):
            top_level.update(id(inner) for inner in node.body)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            found.append((name, node.lineno, id(node) in top_level))
    return found


def modules(under: str = "") -> list[Path]:
    return sorted((PACKAGE / under).rglob("*.py"))


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def violations(paths: list[Path], forbidden) -> set[str]:  # type: ignore[no-untyped-def]
    """`module -> imported` for every import in `paths` that `forbidden(module, imported, top_level)` refuses."""
    return {
        f"{module_name(path)} -> {name}"
        for path in paths
        for name, _, top_level in imports(path)
        if forbidden(module_name(path), name, top_level)
    }


def test_the_core_never_imports_an_engine() -> None:
    def forbidden(module: str, name: str, top_level: bool) -> bool:
        if within(module, ADAPTER):
            return False
        engine = any(within(name, e) for e in ENGINES)
        # The CLI loads the adapter inside the command that builds or serves, never at import time.
        adapter = within(name, ADAPTER) and (module != "factsite.commands.cli" or top_level)
        return engine or adapter

    assert violations(modules(), forbidden) == set()


# What the checks may read: the model, each other, and the languages' data (number words, scripts).
CHECK_LAYERS = ("factsite.model", "factsite.checks", "factsite.languages")


def test_the_checks_import_only_the_model_and_each_other() -> None:
    def forbidden(module: str, name: str, top_level: bool) -> bool:
        return within(name, "factsite") and not any(within(name, layer) for layer in CHECK_LAYERS)

    assert violations(modules("checks"), forbidden) == set()


def test_the_languages_data_imports_nothing_else_of_factsite() -> None:
    def forbidden(module: str, name: str, top_level: bool) -> bool:
        return within(name, "factsite") and not within(name, "factsite.languages")

    assert violations(modules("languages"), forbidden) == set()


def test_render_never_imports_the_adapter_or_the_cli() -> None:
    def forbidden(module: str, name: str, top_level: bool) -> bool:
        return within(name, ADAPTER) or within(name, "factsite.commands.cli")

    assert violations(modules("render"), forbidden) == set()


def test_render_never_imports_the_build() -> None:
    """Render composes pages from the model; the build (orchestration, caches, writing) runs render, never the
    reverse."""

    def forbidden(module: str, name: str, top_level: bool) -> bool:
        return within(name, "factsite.build")

    assert violations(modules("render"), forbidden) == set()


def test_the_contracts_see_imports() -> None:
    """The scanner itself: it finds the adapter's MkDocs imports and resolves relative imports."""
    found = {name for path in modules("adapters/mkdocs") for name, _, _ in imports(path)}
    assert any(within(name, "mkdocs") for name in found)
    tree = REPOSITORY / "factsite" / "render" / "pages.py"
    assert any(within(name, "factsite.model") for name, _, _ in imports(tree))


# The package's top level holds the data every stage shares; everything else sits in the folder of its stage, so that
# a newcomer finds where a thing happens from folder names alone (docs/architecture.md).
STAGES = {"languages", "load", "checks", "lint", "render", "build", "commands", "adapters"}
SHARED = {"__init__.py", "__main__.py", "model.py", "settings.py", "py.typed"}


def test_the_package_is_laid_out_by_stage() -> None:
    top = {path.name for path in PACKAGE.iterdir() if not path.name.startswith((".", "__pycache__"))}
    assert top == STAGES | SHARED


# --- commands that must not load MkDocs ---------------------------------------------------------------------------

SEED = REPOSITORY / "tests" / "lint" / "corpus" / "seed-article.txt"

# What runs the command in a fresh interpreter and reports which engines it loaded.
PROBE = """
import json, sys
from factsite.commands.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as stop:
    status = stop.code
print(json.dumps({"status": status, "loaded": sorted(m for m in sys.modules if m.split(".")[0] in ENGINES)}))
""".replace("ENGINES", repr(ENGINES))


def commands(project: Path) -> dict[str, list[str]]:
    content = ["--content-dir", str(project / "content")]
    return {
        "check": ["check", "-f", str(project / "mkdocs.yml"), "--format", "json"],
        "links": ["links", "-f", str(project / "mkdocs.yml"), "--timeout", "1", "--concurrency", "8"],
        "suggest": ["suggest", str(SEED), "--published", "2022-09-28", "--format", "json", *content],
        "new": ["new", str(SEED), "--slug", "seed", "--published", "2022-09-28", *content],
    }


@pytest.mark.parametrize("command", ["check", "suggest", "links", "new"])
def test_editor_commands_run_without_mkdocs(command: str, demo_project: Path) -> None:
    arguments = commands(demo_project)[command]
    # No network in a test: every request goes to a proxy on a closed local port and fails at once (`links` then
    # reports the addresses as not loading, which is its honest answer).
    closed = "http://127.0.0.1:9"
    env = {**os.environ, "HTTP_PROXY": closed, "HTTPS_PROXY": closed, "http_proxy": closed, "https_proxy": closed,
           "NO_PROXY": "", "no_proxy": ""}  # fmt: skip
    run = subprocess.run([sys.executable, "-c", PROBE, *arguments], cwd=demo_project, capture_output=True,
                         text=True, timeout=300, env=env)  # fmt: skip
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["status"] in (0, 1), run.stderr
    assert report["loaded"] == [], f"{command} loaded {report['loaded']}"


# --- what a build leaves unimported --------------------------------------------------------------------------------

# Modules only the live preview, `links` or the Zensical adapter use: a build imports none of them (MkDocs' live-reload
# server alone brings watchdog, wsgiref and http.server, about 15 ms of a small build's start).
NOT_FOR_A_BUILD = (
    "mkdocs.livereload",
    "watchdog",
    "wsgiref",
    "http.server",
    "factsite.adapters.mkdocs.serve",
    "factsite.adapters.mkdocs.preview",
    "factsite.adapters.zensical",
    "factsite.commands.links",
    "factsite.commands.scaffold",
)
BUILD_PROBE = """
import json, sys
from factsite.commands.cli import main
status = main(sys.argv[1:])
print(json.dumps({"status": status, "loaded": sorted(m for m in sys.modules
                                                      if any(m == n or m.startswith(n + ".") for n in NAMES))}))
""".replace("NAMES", repr(NOT_FOR_A_BUILD))


def test_a_build_imports_nothing_only_the_preview_or_links_use(demo_project: Path) -> None:
    run = subprocess.run([sys.executable, "-c", BUILD_PROBE, "build", "-f", str(demo_project / "mkdocs.yml")],
                         cwd=demo_project, capture_output=True, text=True, timeout=300)  # fmt: skip
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["status"] == 0, run.stderr
    assert (demo_project / "site" / "index.html").is_file()
    assert report["loaded"] == [], f"a build loaded {report['loaded']}"
