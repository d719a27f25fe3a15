"""Running MkDocs for the command line: settings from mkdocs.yml, a staged build, live preview.

The CLI (`factsite.cli`) calls these and never imports MkDocs itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError

from factsite.mkdocs_plugin.plugin import FactsitePlugin
from factsite.pipeline import Project
from factsite.settings import Settings
from factsite.write import discard, publish, staging_dir

PLUGIN_LOGGER = "mkdocs.plugins.factsite"


class SiteConfigError(Exception):
    """mkdocs.yml cannot be used: missing, invalid, or without the factsite plugin."""


@dataclass
class BuildOutcome:
    project: Project | None
    site_dir: Path
    # Problems MkDocs itself reported (broken links in editor pages, strict-mode aborts).
    site_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.site_errors and self.project is not None and not self.project.errors


def _load(config_file: str, strict: bool, **overrides: object) -> MkDocsConfig:
    if not Path(config_file).is_file():
        raise SiteConfigError(f"{config_file}: no such file; run factsite from the folder holding mkdocs.yml")
    try:
        config = load_config(config_file=config_file, strict=strict, **overrides)
    except (ConfigurationError, Abort) as problem:
        raise SiteConfigError(f"{config_file}: {problem}") from None
    if not isinstance(config.plugins.get("factsite"), FactsitePlugin):
        raise SiteConfigError(f"{config_file}: the factsite plugin is not enabled; add '- factsite' to 'plugins:'")
    return config


def _plugin(config: MkDocsConfig) -> FactsitePlugin:
    plugin = config.plugins["factsite"]
    assert isinstance(plugin, FactsitePlugin)
    return plugin


def read_settings(config_file: str, strict: bool = False) -> tuple[Settings, Path | None]:
    """The core settings that mkdocs.yml declares, and the cache directory, without building anything."""
    config = _load(config_file, strict)
    plugin = _plugin(config)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        config = config.plugins.on_config(config)
    finally:
        config.plugins.on_shutdown()
    assert plugin.settings is not None
    return plugin.settings, plugin.settings.project_dir / plugin.config.cache_dir


def build_site(config_file: str, *, strict: bool = False, site_dir: str | None = None) -> BuildOutcome:
    """Build into a staging directory and swap it in only if the build succeeded."""
    config = _load(config_file, strict)
    target = Path(site_dir).resolve() if site_dir else Path(config.site_dir)
    staging = staging_dir(target)
    config["site_dir"] = str(staging)
    plugin = _plugin(config)
    outcome = BuildOutcome(None, target)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except PluginError:
        pass  # Content errors: the project holds them, located.
    except (Abort, BuildError) as problem:
        outcome.site_errors.append(str(problem))
    except BaseException:
        discard(staging)
        raise
    finally:
        config.plugins.on_shutdown()
        outcome.project = plugin.project
    if outcome.ok:
        publish(staging, target)
    else:
        discard(staging)
    return outcome


def quiet_mkdocs_logging() -> None:
    """MkDocs narrates every build; editors need only its warnings. factsite reports its own problems."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)

    class _NotFactsite(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return not record.name.startswith(PLUGIN_LOGGER)

    for handler in logger.handlers:
        handler.addFilter(_NotFactsite())
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.addFilter(_NotFactsite())
        logger.addHandler(handler)
