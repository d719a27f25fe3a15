"""Reading mkdocs.yml without MkDocs: the keys factsite needs and the `factsite` plugin's options, every problem
located.

`check`, `links`, `suggest` and `new` never load a site engine; they read the configuration here. The file is read
with PyYAML's safe loader, which builds nothing but data: MkDocs' own tags are accepted without running anything
(`!ENV` reads an environment variable, `!relative` names a directory, `!!python/name:module.object`, which pymdownx
options use, stays a name, `PythonName`, until the site's Markdown is run for `check`'s editor pages). The options
are validated by the core's declaration (`factsite.settings.OPTIONS`), the same one the MkDocs adapter hands
MkDocs.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from factsite.settings import OptionProblem, Settings, Site, make_settings, read_options

# The directory of factsite's Material overrides, which the adapter puts before the theme's own: in the package of an
# installed wheel, at the top of a checkout (as `factsite.render.pages.TEMPLATES_DIR`, which a test holds it equal to).
_PACKAGED = Path(__file__).resolve().parents[1] / "templates"
THEME_OVERRIDES = (_PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parents[2] / "templates") / "theme"
# What MkDocs always adds to the site's Markdown extensions (`MarkdownExtensions(builtins=...)`).
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
PYTHON_NAME = "tag:yaml.org,2002:python/name:"


class SiteConfigError(Exception):
    """mkdocs.yml cannot be used: missing, unreadable, invalid, or without the factsite plugin."""


@dataclass(frozen=True)
class PythonName:
    """`!!python/name:module.object`, kept as a name: nothing is imported to read the configuration."""

    name: str

    def resolve(self) -> object:
        module, _, attribute = self.name.rpartition(".")
        return getattr(importlib.import_module(module), attribute)


def _resolved(value: object) -> object:
    """`value` with every `PythonName` in it imported."""
    if isinstance(value, PythonName):
        return value.resolve()
    if isinstance(value, dict):
        return {key: _resolved(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolved(item) for item in value]
    return value


@dataclass(frozen=True)
class SiteConfig:
    """What factsite reads of mkdocs.yml."""

    config_file: Path
    site: Site
    options: dict = field(repr=False)  # the plugin's, validated, defaults filled in
    markdown_extensions: tuple[str, ...] = ()
    markdown_configs: dict = field(default_factory=dict, repr=False)
    site_dir: Path = Path("site")
    # Unknown option names: warnings, as MkDocs gives them (under --strict they stop the build).
    warnings: tuple[str, ...] = ()

    def site_markdown(self) -> markdown.Markdown:
        """The site's Markdown, as MkDocs runs it for editor pages: its extensions with their options, values given
        as `!!python/name:` imported now (only where editor pages are rendered)."""
        configs = {
            name: {key: _resolved(value) for key, value in options.items()}
            for name, options in self.markdown_configs.items()
        }
        return markdown.Markdown(extensions=list(self.markdown_extensions), extension_configs=configs)

    @property
    def cache_dir(self) -> Path:
        return self.site.project_dir / str(self.options["cache_dir"])

    def settings(self) -> Settings:
        return make_settings(self.options, self.site)


def read_settings(config_file: str | Path, strict: bool = False) -> tuple[Settings, Path]:
    """The core settings that mkdocs.yml declares, and the cache directory, without building anything."""
    config = read_site_config(config_file, strict)
    return config.settings(), config.cache_dir


def read_site_config(config_file: str | Path, strict: bool = False) -> SiteConfig:
    path = Path(config_file)
    shown = str(config_file)
    if not path.is_file():
        raise SiteConfigError(f"{shown}: no such file; run factsite from the folder holding mkdocs.yml")
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        raise SiteConfigError(f"{shown}: cannot read the file: {problem}") from None
    loader = _Loader(text, path)
    try:
        root = loader.get_single_node()
        data = loader.value(root) if root is not None else {}
    except yaml.MarkedYAMLError as problem:
        raise SiteConfigError(_yaml_problem(shown, problem)) from None
    except yaml.YAMLError as problem:
        raise SiteConfigError(f"{shown}: not valid YAML: {problem}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise SiteConfigError(f"{shown}: expected a mapping of settings (`site_name: ...` and so on)")
    data = _inherit(data, path, shown)
    project_dir = path.resolve().parent
    entry, entry_node = _plugin_entry(data.get("plugins"), root)
    if entry is _MISSING:
        raise SiteConfigError(f"{shown}: the factsite plugin is not enabled; add '- factsite' to 'plugins:'")
    options, problems = read_options(entry)
    errors = [p for p in problems if not p.unknown]
    if errors:
        raise SiteConfigError("\n".join(sorted((_located(shown, entry_node, p) for p in errors), key=_position)))
    warnings = tuple(_located(shown, entry_node, p) for p in problems if p.unknown)
    if warnings and strict:
        raise SiteConfigError("\n".join(warnings) + f"\n{shown}: stopped: configuration warnings under --strict")
    extensions, configs = _markdown_extensions(data.get("markdown_extensions") or [], shown)
    extra_files = [item for key in ("extra_css", "extra_javascript") for item in data.get(key) or ()]
    site = Site(
        content_dir=(project_dir / str(data.get("docs_dir") or "docs")).resolve(),
        project_dir=project_dir,
        site_url=str(data.get("site_url") or ""),
        site_name=str(data.get("site_name") or ""),
        strict=strict,
        extra_files=tuple(str(item) for item in extra_files if isinstance(item, str)),
        theme_dirs=theme_dirs(data.get("theme"), project_dir),
    )
    return SiteConfig(path, site, options, extensions, configs, project_dir / str(data.get("site_dir") or "site"),
                      warnings)  # fmt: skip


def _yaml_problem(shown: str, problem: yaml.MarkedYAMLError) -> str:
    """`mkdocs.yml:LINE:COLUMN: not valid YAML: what, where it started`."""
    mark, context = problem.problem_mark, problem.context_mark
    where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
    message = f"{where}: not valid YAML: {problem.problem or problem.context}"
    if problem.context and context is not None:
        message += f" ({problem.context} at line {context.line + 1}, column {context.column + 1})"
    return message


def _position(line: str) -> tuple[int, int]:
    parts = line.split(":")
    numbers = [int(part) for part in parts[1:3] if part.isdigit()]
    return (numbers[0], numbers[1]) if len(numbers) == 2 else (0, 0)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, turning MkDocs' tags into data: nothing is imported or run."""

    def __init__(self, text: str, path: Path) -> None:
        super().__init__(text)
        self.path = path

    def value(self, node: Node) -> object:
        tag = node.tag or ""
        if tag == "!ENV":
            return self._environment(node)
        if tag == "!relative":
            # MkDocs resolves `$config_dir` and `$docs_dir` against their directories; a bare `!relative` means
            # the current Markdown file's, which only a build knows: the configuration's directory stands in.
            raw = str(node.value) if isinstance(node, ScalarNode) else ""
            return str(self.path.resolve().parent / raw.replace("$config_dir", ".").lstrip("/"))
        if tag.startswith(PYTHON_NAME):
            return PythonName(tag[len(PYTHON_NAME) :])
        if isinstance(node, MappingNode):
            return {self.value(key): self.value(value) for key, value in node.value}
        if isinstance(node, SequenceNode):
            return [self.value(item) for item in node.value]
        if tag.startswith("tag:yaml.org,2002:") or tag == "!":
            return self.construct_object(node, deep=True)
        return node.value  # another program's tag: its text, as data

    def _environment(self, node: Node) -> object:
        # `!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, else the last item (pyyaml_env_tag).
        names = [node.value] if isinstance(node, ScalarNode) else [item.value for item in node.value]
        for name in names[:-1] if len(names) > 1 else names:
            if name in os.environ:
                return yaml.safe_load(os.environ[name]) if os.environ[name] else None
        return yaml.safe_load(names[-1]) if len(names) > 1 else None


_MISSING = object()


def _plugin_entry(plugins: object, root: Node | None) -> tuple[object, Node | None]:
    """The factsite plugin's options as written (None when given without options), and their node for locations;
    `_MISSING` when the plugin is not listed."""
    plugins_node = _child(root, "plugins")
    if isinstance(plugins, dict):
        if "factsite" in plugins:
            return plugins["factsite"], _child(plugins_node, "factsite")
        return _MISSING, None
    for index, item in enumerate(plugins if isinstance(plugins, list) else ()):
        item_node = plugins_node.value[index] if isinstance(plugins_node, SequenceNode) else None
        if item == "factsite":
            return None, None
        if isinstance(item, dict) and "factsite" in item:
            return item["factsite"], _child(item_node, "factsite")
    return _MISSING, None


def _child(node: Node | None, key: str | int) -> Node | None:
    if isinstance(node, MappingNode):
        for name, value in node.value:
            if name.value == key:
                return value
    if isinstance(node, SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def _located(shown: str, entry: Node | None, problem: OptionProblem) -> str:
    """`mkdocs.yml:LINE:COLUMN: factsite option 'a.b': message (hint)`, at the value (or, for an unknown name,
    at its key), else at the nearest enclosing node."""
    node, at = entry, entry
    for step in problem.path:
        if isinstance(node, MappingNode) and problem.unknown and step == problem.path[-1]:
            at = next((key for key, _ in node.value if key.value == step), at)
            break
        node = _child(node, step)
        if node is None:
            break
        at = node
    where = f"{shown}:{at.start_mark.line + 1}:{at.start_mark.column + 1}" if at is not None else shown
    name = ".".join(str(step) for step in problem.path)
    hint = f" ({problem.hint})" if problem.hint else ""
    return f"{where}: factsite option '{name}': {problem.message}{hint}"


def _inherit(data: dict, path: Path, shown: str) -> dict:
    """`INHERIT: parent.yml`: the parent's settings, deep-merged under this file's, as MkDocs does."""
    parent_name = data.pop("INHERIT", None)
    if not parent_name:
        return data
    parent_path = (path.parent / str(parent_name)).resolve()
    parent = read_yaml_data(parent_path, f"{shown}: INHERIT")
    return _merge(_inherit(parent, parent_path, str(parent_path)), data)


def read_yaml_data(path: Path, shown: str) -> dict:
    try:
        loader = _Loader(path.read_text("utf-8"), path)
    except (OSError, UnicodeDecodeError) as problem:
        raise SiteConfigError(f"{shown}: cannot read {path}: {problem}") from None
    try:
        root = loader.get_single_node()
        data = loader.value(root) if root is not None else {}
    except yaml.YAMLError as problem:
        raise SiteConfigError(f"{shown}: {path}: not valid YAML: {problem}") from None
    finally:
        loader.dispose()
    return data if isinstance(data, dict) else {}


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) \
            else value  # fmt: skip
    return merged


def _markdown_extensions(raw: object, shown: str) -> tuple[tuple[str, ...], dict]:
    """The site's Markdown extensions and their options, as MkDocs makes them (its three built in first)."""
    names: list[str] = []
    configs: dict = {}
    items = list(raw.items()) if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise SiteConfigError(f"{shown}: markdown_extensions: expected a list of extension names")
    for item in items:
        if isinstance(item, tuple):
            name, options = item
        elif isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
        elif isinstance(item, str):
            name, options = item, None
        else:
            raise SiteConfigError(f"{shown}: markdown_extensions: '{item}' is not an extension name")
        names.append(str(name))
        if isinstance(options, dict):
            configs[str(name)] = options
    return tuple(dict.fromkeys((*BUILTIN_EXTENSIONS, *names))), configs


def theme_dirs(theme: object, project_dir: Path) -> tuple[Path, ...]:
    """The theme's template directories in the order MkDocs searches them, factsite's overrides included: the
    site's `custom_dir`, factsite's overrides, the theme and the themes it extends, the engine's own templates.
    Found from the installed packages' metadata; nothing is imported."""
    settings = {"name": theme} if isinstance(theme, str) or theme is None else theme
    if not isinstance(settings, dict):
        settings = {}
    dirs: list[Path] = []
    if settings.get("custom_dir"):
        dirs.append((project_dir / str(settings["custom_dir"])).resolve())
    dirs.append(THEME_OVERRIDES)
    name = settings.get("name", "mkdocs") if "name" in settings or not settings.get("custom_dir") else None
    while name:
        directory = _installed_theme(str(name))
        if directory is None:
            break
        dirs.append(directory)
        name = _extends(directory)
    engine = _package_dir("mkdocs") or _package_dir("properdocs")
    if engine is not None:
        dirs.append(engine / "templates")
    return tuple(dirs)


def _installed_theme(name: str) -> Path | None:
    for group in ("mkdocs.themes", "properdocs.themes"):
        for entry in importlib.metadata.entry_points(group=group):
            if entry.name == name:
                top, *rest = entry.value.split(".")
                package = _package_dir(top)
                return package.joinpath(*rest) if package is not None else None
    return None


def _extends(directory: Path) -> str | None:
    path = directory / "mkdocs_theme.yml"
    if not path.is_file():
        return None
    data = read_yaml_data(path, str(path))
    return str(data["extends"]) if data.get("extends") else None


def _package_dir(name: str) -> Path | None:
    """Where an installed package's files are, found without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))
