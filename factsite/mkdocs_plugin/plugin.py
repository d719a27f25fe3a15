"""The `factsite` MkDocs plugin: runs the core on the docs directory and adds the generated pages.

Everything a page shows is computed by the core (`factsite.pipeline`, `factsite.render`); this module only
translates between the core and MkDocs: settings from the config, problems to log lines or a PluginError, generated
pages to MkDocs files, and the site-wide files (structured data, feeds) to the output directory.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from factsite.cache import CheckCache
from factsite.mkdocs_plugin.config import FactsiteConfig
from factsite.mkdocs_plugin.pages import GeneratedPage
from factsite.mkdocs_plugin.security import add_content_security_policy
from factsite.model import RatingScale, Severity, Verdict
from factsite.pipeline import Project, check_project
from factsite.publication import with_publication_problems
from factsite.render.data_files import site_files
from factsite.render.pages import TEMPLATES_DIR, PageRenderer
from factsite.settings import DEFAULT_VERDICTS, Publisher, Settings

log = get_plugin_logger(__name__)

# Directories of the docs dir that hold fact-check sources, not pages.
CONTENT_DIRS = ("articles/", "sources/")
EXTRA_ICONS = ("material/pencil", "material/timer-sand")
# Generated pages listed in an automatic navigation; articles and claims never are (it would make builds quadratic).
NAV_PAGES = ("index", "sources", "methodology", "corrections")


class FactsitePlugin(BasePlugin[FactsiteConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.project: Project | None = None
        self.settings: Settings | None = None
        self.newest = dt.date(2000, 1, 1)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # Third-party requests are never made: Material's default loads Google Fonts.
        config.theme["font"] = False
        # The page templates ship with factsite; a user's custom_dir stays first so it can override them.
        templates = str(TEMPLATES_DIR)
        if templates not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        project_dir = Path(config.config_file_path or ".").resolve().parent
        scale = RatingScale(
            tuple(Verdict(v.id, v.label, v.definition, v.icon, v.value) for v in self.config.scale)
            or DEFAULT_VERDICTS
        )
        icons = {v.icon for v in scale.verdicts} | set(EXTRA_ICONS)
        self.settings = Settings(
            content_dir=Path(config.docs_dir).resolve(),
            project_dir=project_dir,
            scale=scale,
            locale=self.config.locale,
            site_url=config.site_url or "",
            site_name=config.site_name,
            publisher=Publisher(**{k: self.config.publisher[k] for k in ("name", "url", "logo")}),
            structured_data=self.config.structured_data,
            lint=self.config.lint,
            strict=bool(config.strict),
            icons=tuple(sorted((name, _icon_svg(config, name)) for name in icons)),
        )
        config.extra["factsite_feed"] = "feed.xml" if self.settings.structured_data else ""
        config.extra["factsite_footer_links"] = [dict(link) for link in self.config.footer_links]
        return config

    @event_priority(50)  # Before other plugins see the files, so they find the generated pages.
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.settings is None:
            return None
        cache = CheckCache(self.settings, Path(self.settings.project_dir, self.config.cache_dir))
        # Publication problems (checklist, structured data) need the whole site, so they come last.
        project = with_publication_problems(check_project(self.settings, cache.check))
        self.project = project
        for problem in project.problems:
            (log.error if problem.severity is Severity.ERROR else log.warning)(str(problem))
        if project.errors:
            raise PluginError(
                f"{len(project.errors)} content error(s), listed above; the site was not built."
            )
        for file in list(files):
            if file.src_uri.startswith(CONTENT_DIRS) or file.src_uri == "index.md":
                files.remove(file)
        renderer = PageRenderer(project)
        self.newest = renderer.newest
        for site_page in renderer.pages():
            inclusion = InclusionLevel.INCLUDED if site_page.kind in NAV_PAGES else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, site_page.src_uri, content="", inclusion=inclusion)
            GeneratedPage(site_page, file, config)
            files.append(file)
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> None:
        # Editor pages carry the newest content date, so output never depends on when the build ran.
        if not isinstance(page, GeneratedPage):
            page.update_date = self.newest.isoformat()
            for key in ("title", "description"):  # printed unescaped in the theme's <head>
                if key in page.meta:
                    page.meta[key] = html.escape(str(page.meta[key]))
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        return add_content_security_policy(output)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.project is None:
            return
        for relative, data in site_files(self.project):
            path = Path(config.site_dir, relative)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def _icon_svg(config: MkDocsConfig, name: str) -> str:
    for directory in config.theme.dirs:
        path = Path(directory, ".icons", f"{name}.svg")
        if path.is_file():
            svg = path.read_text("utf-8").strip()
            return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    log.log(logging.INFO, f"icon '{name}' not found in the theme; the verdict shows without it")
    return ""
