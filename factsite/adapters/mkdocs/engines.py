"""Which engine renders the site (`factsite build --engine`): MkDocs 1.6, ProperDocs or Zensical.

ProperDocs, the maintained fork of MkDocs 1.x, runs this adapter unchanged: once `properdocs.replacement` is
imported, every `mkdocs.*` import in the process resolves to `properdocs.*`, so Material, the plugin and
`commands.build_site` run on ProperDocs. The aliasing must come before MkDocs itself is imported; a process that
has already imported the other engine runs the build again in a fresh interpreter (`needs_fresh_interpreter`).

Zensical reads mkdocs.yml but silently ignores every plugin it does not re-implement, this one included, so it never
runs this adapter: `factsite.adapters.zensical` renders every page with the core and hands Zensical a staging docs
tree instead. Nothing is imported for it here.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import sys

ENGINES = ("mkdocs", "properdocs", "zensical")
NAMES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs", "zensical": "Zensical"}


class EngineError(Exception):
    """The chosen engine cannot build this site: not installed, or unable to run factsite's checks."""


def installed(engine: str) -> bool:
    try:
        importlib.metadata.version(engine)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def default_engine() -> str:
    """The engine this process has already loaded, if any (a program that imported ProperDocs builds with it); else
    MkDocs when installed, else ProperDocs (a site moved to ProperDocs may uninstall MkDocs)."""
    loaded = loaded_engine()
    if loaded is not None:
        return loaded
    return "mkdocs" if installed("mkdocs") or not installed("properdocs") else "properdocs"


def loaded_engine() -> str | None:
    """The engine this process has imported as `mkdocs`, if any."""
    if "mkdocs" not in sys.modules:
        return None
    return "properdocs" if sys.modules["mkdocs"] is sys.modules.get("properdocs") else "mkdocs"


def prepare(engine: str, config_file: str) -> bool:
    """Make this process build with `engine`. False when it has already imported another engine (the caller then
    runs the build in a fresh interpreter); EngineError when `engine` cannot build the site at all."""
    if engine not in ENGINES:
        raise EngineError(f"--engine {engine}: unknown engine; choose one of {', '.join(ENGINES)}")
    name = NAMES[engine]
    if not installed(engine):
        raise EngineError(
            f"--engine {engine}: {name} is not installed in this environment ({sys.executable}); "
            f"install it with `pip install {engine}`, or choose another engine"
        )
    if engine == "zensical":
        return True  # run as a command on a staging tree (factsite.adapters.zensical), never imported here
    current = loaded_engine()
    if current is None:
        if engine == "properdocs":
            importlib.import_module("properdocs.replacement")  # from here on, mkdocs.* is properdocs.*
        return True
    return current == engine
