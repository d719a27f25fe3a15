"""The MkDocs and Material internals the adapter relies on (all in factsite/adapters/mkdocs/internals.py; the last test
keeps them there), checked one by one on each engine, so that an upgrade that breaks one fails here with its name rather
than somewhere in a build.

Each engine runs in a fresh interpreter: ProperDocs stands in for MkDocs only in a process that imports
`properdocs.replacement` before anything imports MkDocs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Prints the list of internals that are missing or changed; each line of the list names one.
PROBE = r"""
import inspect, json, sys, tempfile
if sys.argv[1] == "properdocs":
    import properdocs.replacement
broken = []

def expect(name, check):
    try:
        if not check():
            broken.append(name)
    except Exception as failure:
        broken.append(f"{name}: {type(failure).__name__}: {failure}")

def parameters(function):
    return list(inspect.signature(function).parameters)

from mkdocs.commands import build
expect("mkdocs.commands.build._build_page(page, config, doc_files, nav, env)",
       lambda: parameters(build._build_page)[:5] == ["page", "config", "doc_files", "nav", "env"])
expect("mkdocs.commands.build._build_theme_template(template_name, env, files, config, nav)",
       lambda: parameters(build._build_theme_template) == ["template_name", "env", "files", "config", "nav"])
expect("mkdocs.commands.build._populate_page(page, config, files)",
       lambda: parameters(build._populate_page)[:3] == ["page", "config", "files"])
expect("mkdocs.commands.build.get_context(nav, files, config, page)",
       lambda: parameters(build.get_context)[:4] == ["nav", "files", "config", "page"])
expect("mkdocs.commands.build.build(config)", lambda: parameters(build.build)[0] == "config")

from mkdocs.structure.files import Files
from mkdocs.config import load_config
import os
with tempfile.TemporaryDirectory() as root:
    for name in (".hidden/a.css", "x/.hidden/b.css", "x/.c.css", "x/d.css"):
        os.makedirs(os.path.dirname(os.path.join(root, "theme", name)), exist_ok=True)
        open(os.path.join(root, "theme", name), "w").close()
    os.mkdir(os.path.join(root, "docs"))
    with open(os.path.join(root, "mkdocs.yml"), "w") as config_file:
        config_file.write("site_name: t\ntheme:\n  name: material\n  custom_dir: theme\n")
    theme_config = load_config(os.path.join(root, "mkdocs.yml"))
    theme_files = Files([])
    theme_files.add_files_from_theme(theme_config.theme.get_env(), theme_config)
    listed = {file.src_uri for file in theme_files}
    expect("mkdocs.structure.files.Files.add_files_from_theme leaves out every path with a part starting with a dot",
           lambda: "x/d.css" in listed and not any(part.startswith(".") for uri in listed for part in uri.split("/")))

from mkdocs.structure.pages import Page
expect("mkdocs.structure.pages.Page._set_canonical_url(base)",
       lambda: parameters(Page._set_canonical_url) == ["self", "base"]
       and "_set_canonical_url(" in inspect.getsource(Page.__init__))

from mkdocs.livereload import LiveReloadServer
expect("mkdocs.livereload.LiveReloadServer._serve_request", lambda: callable(LiveReloadServer._serve_request))
expect("mkdocs.livereload.LiveReloadServer._inject_js_into_html",
       lambda: callable(LiveReloadServer._inject_js_into_html))
expect("mkdocs.livereload.LiveReloadServer.watch", lambda: callable(LiveReloadServer.watch))
with tempfile.TemporaryDirectory() as root:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=root)
    try:
        expect("LiveReloadServer()._watch_refs (a dict)", lambda: isinstance(server._watch_refs, dict))
        expect("LiveReloadServer().observer.add_handler_for_watch",
               lambda: callable(server.observer.add_handler_for_watch))
        expect("LiveReloadServer()._epoch_cond", lambda: hasattr(server._epoch_cond, "__enter__"))
        expect("LiveReloadServer()._visible_epoch (an int)", lambda: isinstance(server._visible_epoch, int))
    finally:
        server.server_close()

from material.plugins.search.config import SearchConfig
from material.plugins.search.plugin import SearchPlugin
expect("material.plugins.search SearchConfig option 'enabled'",
       lambda: "enabled" in [name for name, _ in SearchConfig._schema])
expect("material.plugins.search.plugin.SearchPlugin.on_config", lambda: callable(SearchPlugin.on_config))
expect("material.plugins.search.plugin.SearchPlugin.on_post_build", lambda: callable(SearchPlugin.on_post_build))
expect("material.plugins.search.plugin.SearchPlugin.on_page_context: self.search_index.add_entry_from_context(page)",
       lambda: "self.search_index.add_entry_from_context(page)" in inspect.getsource(SearchPlugin.on_page_context))

import jinja2
env = jinja2.Environment(loader=jinja2.DictLoader({
    "base.html": "{% block b %}base {{ page }}{% endblock %}",
    "child.html": "{% extends 'base.html' %}{% block b %}{{ probe(super) }}{% endblock %}",
}))
seen = []

@jinja2.pass_context
def probe(context, parent):
    seen.append(parent._stack[parent._depth])
    derived = context.derived({"page": "stand-in"})
    return jinja2.runtime.BlockReference(parent.name, derived, parent._stack, parent._depth)()

env.globals["probe"] = probe
expect("jinja2.runtime.BlockReference(name, context, stack, depth) and its _stack, _depth",
       lambda: env.get_template("child.html").render(page="page") == "base stand-in" and callable(seen[0]))

import mkdocs
print(json.dumps({"engine": mkdocs.__name__, "broken": broken}))
"""


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_the_internals_the_adapter_uses_are_there(engine: str, tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-c", PROBE, engine], capture_output=True, text=True, timeout=120,
                         cwd=tmp_path)  # fmt: skip
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["engine"] == engine  # the probe ran on the engine it names
    assert report["broken"] == [], "\n".join(report["broken"])


# The internals, by the name the code uses, each with where the probe above checks it.
INTERNALS = {
    "_build_page": "mkdocs.commands.build._build_page",
    "_build_theme_template": "mkdocs.commands.build._build_theme_template",
    "_populate_page": "mkdocs.commands.build._populate_page(page, config, files)",
    "get_context": "mkdocs.commands.build.get_context",
    "_set_canonical_url": "mkdocs.structure.pages.Page._set_canonical_url(base)",
    "add_files_from_theme": "mkdocs.structure.files.Files.add_files_from_theme leaves out every path with a part",
    "LiveReloadServer": "mkdocs.livereload.LiveReloadServer",
    "_serve_request": "mkdocs.livereload.LiveReloadServer._serve_request",
    "_inject_js_into_html": "mkdocs.livereload.LiveReloadServer._inject_js_into_html",
    "_watch_refs": "LiveReloadServer()._watch_refs",
    "add_handler_for_watch": "LiveReloadServer().observer.add_handler_for_watch",
    "_epoch_cond": "LiveReloadServer()._epoch_cond",
    "_visible_epoch": "LiveReloadServer()._visible_epoch",
    ".on_config(config)": "material.plugins.search.plugin.SearchPlugin.on_config",
    ".on_post_build(config=config)": "material.plugins.search.plugin.SearchPlugin.on_post_build",
    "plugin_config.enabled": "material.plugins.search SearchConfig option 'enabled'",
    "add_entry_from_context": "SearchPlugin.on_page_context: self.search_index.add_entry_from_context(page)",
    "runtime.BlockReference(": "jinja2.runtime.BlockReference(name, context, stack, depth) and its _stack, _depth",
    "_stack": "jinja2.runtime.BlockReference(name, context, stack, depth) and its _stack, _depth",
    "plugin.search_index": "SearchPlugin.on_page_context: self.search_index.add_entry_from_context(page)",
}
ADAPTER = Path(__file__).resolve().parents[1] / "factsite" / "adapters" / "mkdocs"


@pytest.mark.parametrize("internal", list(INTERNALS))
def test_each_internal_is_used_in_one_module_and_probed(internal: str) -> None:
    users = sorted(path.name for path in ADAPTER.glob("*.py") if internal in path.read_text("utf-8"))
    assert users == ["internals.py"], f"{internal} is used outside factsite/adapters/mkdocs/internals.py: {users}"
    assert INTERNALS[internal] in PROBE, f"the probe does not check {INTERNALS[internal]}"
