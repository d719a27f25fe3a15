"""What a build is asked to do: where the content is, the rating scale, the publisher, the site's locale.

The MkDocs plugin declares these as configuration options (`factsite.adapters.mkdocs.config`) and hands the core a
`Settings`; the core never reads MkDocs configuration itself.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from factsite.model import RatingScale, Verdict

# Marks the default scale's words for the catalogs; pages translate them where they show them.
from factsite.render.messages import N_

UNREVIEWED = "unreviewed"

DEFAULT_VERDICTS = (
    Verdict(
        "accurate", N_("Accurate"), N_("The claim is correct and nothing significant is missing."),
        "material/check-circle", 5,
    ),
    Verdict(
        "mostly-accurate", N_("Mostly accurate"),
        N_("The claim is correct but needs clarification or has a minor error."),
        "material/check-circle-outline", 4,
    ),
    Verdict(
        "misleading", N_("Misleading"),
        N_("The claim contains accurate elements but leaves a false impression."),
        "material/alert", 3,
    ),
    Verdict(
        "unsupported", N_("Unsupported"), N_("No evidence was found to support the claim."),
        "material/help-circle", 2,
    ),
    Verdict(
        "false", N_("False"), N_("The claim is wrong, or the quotation was not said as given."),
        "material/close-circle", 1,
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Publisher:
    name: str = ""
    url: str = ""
    logo: str = ""


@dataclass(frozen=True)
class ClaimantConfig:
    """A person or organisation whose statements are checked, as the configuration names it: the name its
    page shows, the other names articles use for it, and what it is ("person", "organization" or "")."""

    name: str
    aliases: tuple[str, ...] = ()
    type: str = ""


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: str = ""
    bio: str = ""  # Markdown


@dataclass(frozen=True)
class Trust:
    """What the fact-checkers' codes ask a desk to publish, from the configuration; Markdown text each.
    Each set part makes a page: corrections and complaints, funding and ownership, the team."""

    corrections_policy: str = ""
    complaints: str = ""
    funding: str = ""
    ownership: str = ""
    team: tuple[TeamMember, ...] = ()


@dataclass(frozen=True)
class Settings:
    content_dir: Path
    # Paths in problems are shown relative to this directory (the project root).
    project_dir: Path
    scale: RatingScale = field(default_factory=lambda: RatingScale(DEFAULT_VERDICTS))
    locale: str = "en_US"
    site_url: str = ""
    site_name: str = ""
    publisher: Publisher = field(default_factory=Publisher)
    structured_data: bool = True
    lint: bool = True
    strict: bool = False
    # Articles on each page of the index and sources on each page of the sources page (0: all on one).
    per_page: int = 50
    claimants: tuple[ClaimantConfig, ...] = ()
    trust: Trust = field(default_factory=Trust)
    # Card images for links shared on social media (factsite.render.cards): one per claim and per article
    # ("claims"), per article only, claim pages showing their article's ("articles"), or none ("off").
    social_cards: str = "claims"
    # Inline SVG of each verdict's icon, looked up in the theme by the adapter.
    icons: tuple[tuple[str, str], ...] = ()
    # Patterns (relative to content/, `*` matching across folders) of files published although their type is
    # not (`factsite.build.static_files`), and the paths the theme and the build write, which no content file may take.
    static_files: tuple[str, ...] = ()
    reserved_paths: tuple[str, ...] = ()

    def icon_svg(self, icon: str) -> str:
        return dict(self.icons).get(icon, "")

    def fingerprint(self) -> str:
        """A hash of everything in the settings that changes check results or rendered pages."""
        data = asdict(self)
        data["content_dir"] = str(self.content_dir)
        data["project_dir"] = str(self.project_dir)
        # The site's word list changes what the lint reports (factsite/lint/wordlist.py).
        word_list = self.content_dir / "words.txt"
        data["word_list"] = hashlib.sha256(word_list.read_bytes()).hexdigest() if word_list.is_file() else ""
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


# --- The plugin's options, declared once for the core ------------------------------------------------------------
#
# `factsite:` under `plugins:` in mkdocs.yml. The MkDocs adapter declares the same options for MkDocs' own config
# machinery (`factsite.adapters.mkdocs.config`); `tests/test_settings_options.py` checks that the two declarations
# agree option by option (names, defaults, choices), so that `check` (which reads mkdocs.yml without MkDocs) and
# `build` accept and refuse the same configuration.


@dataclass(frozen=True)
class Option:
    """One option: its name, what kind of value it takes, its default (None: unset), and for a `choice` the values
    allowed, for a `list` what each item is, for a `group` its own options."""

    name: str
    kind: str  # "text", "number" (a whole number), "flag" (true or false), "choice", "list", "group"
    default: object = None
    choices: tuple[str, ...] = ()
    item: Option | None = None
    options: tuple[Option, ...] = ()


def _text(name: str, default: str | None = None) -> Option:
    return Option(name, "text", default)


def _group(name: str, *options: Option) -> Option:
    return Option(name, "group", options=options)


def _list(name: str, item: Option) -> Option:
    return Option(name, "list", (), item=item)


OPTIONS = (
    Option("enabled", "flag", True),
    _text("locale", "en_US"),
    _list("scale", _group("verdict", _text("id"), _text("label"), _text("definition"),
                          _text("icon", "material/circle"), Option("value", "number"))),
    _group("publisher", _text("name", ""), _text("url", ""), _text("logo", "")),
    Option("structured_data", "flag", True),
    Option("lint", "flag", True),
    _text("cache_dir", ".factsite-cache"),
    Option("per_page", "number", 50),
    _list("footer_links", _group("link", _text("title"), _text("url"))),
    Option("search", "choice", "auto", choices=("auto", "material", "pagefind")),
    Option("pagefind_above", "number", 1000),
    _list("claimants", _group("claimant", _text("name"), _list("aliases", _text("alias")),
                              Option("type", "choice", None, choices=("person", "organization")))),
    _group("trust", _text("corrections_policy", ""), _text("complaints", ""), _text("funding", ""),
           _text("ownership", ""), _list("team", _group("member", _text("name"), _text("role", ""),
                                                         _text("bio", "")))),
    Option("social_cards", "choice", "claims", choices=("claims", "articles", "off")),
    _group("static_files", _list("allow", _text("pattern"))),
)  # fmt: skip

_KINDS = {"text": "text", "number": "a whole number", "flag": "true or false"}


@dataclass(frozen=True)
class OptionProblem:
    """A value the options refuse (or a name they do not know: `unknown`), at `path` (keys and list indexes from
    the plugin's entry)."""

    path: tuple[str | int, ...]
    message: str
    hint: str = ""
    unknown: bool = False


def read_options(raw: object, options: tuple[Option, ...] = OPTIONS) -> tuple[dict[str, object], list[OptionProblem]]:
    """The plugin's options as plain values, defaults filled in, with every problem found (an unknown name is a
    warning, as MkDocs makes it; a wrong value an error)."""
    problems: list[OptionProblem] = []
    values = _read_group(raw if raw is not None else {}, options, (), problems)
    return values, problems


def _read_group(raw: object, options: tuple[Option, ...], path: tuple[str | int, ...],
                problems: list[OptionProblem]) -> dict[str, object]:  # fmt: skip
    if not isinstance(raw, dict):
        problems.append(OptionProblem(path, f"expected a mapping of options, found {_found(raw)}",
                                      "write one `name: value` per line, indented below the option"))  # fmt: skip
        raw = {}
    known = {option.name: option for option in options}
    for key in raw:
        if key not in known:
            close = difflib.get_close_matches(str(key), list(known), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"the options are: {', '.join(known)}"
            problems.append(OptionProblem((*path, str(key)), f"unknown option '{key}'", hint, unknown=True))
    return {option.name: _read(raw.get(option.name), option, (*path, option.name), problems) for option in options}


def _read(raw: object, option: Option, path: tuple[str | int, ...], problems: list[OptionProblem]) -> object:
    if option.kind == "group":
        return _read_group(raw if raw is not None else {}, option.options, path, problems)
    if raw is None:
        return list(option.default) if isinstance(option.default, tuple) else option.default
    if option.kind == "list":
        if not isinstance(raw, list):
            problems.append(OptionProblem(path, f"expected a list, found {_found(raw)}",
                                          "write each item on its own line, starting with '- '"))  # fmt: skip
            return []
        assert option.item is not None
        return [_read(item, option.item, (*path, index), problems) for index, item in enumerate(raw)]
    if option.kind == "choice":
        if raw not in option.choices:
            choices = ", ".join(f"'{choice}'" for choice in option.choices)
            problems.append(OptionProblem(path, f"'{raw}' is not one of {choices}", f"write one of {choices}"))
            return option.default
        return raw
    expected = {"text": str, "number": int, "flag": bool}[option.kind]
    if not isinstance(raw, expected) or (expected is int and isinstance(raw, bool)):
        problems.append(OptionProblem(path, f"expected {_KINDS[option.kind]}, found {_found(raw)}",
                                      _kind_hint(option)))  # fmt: skip
        return option.default
    return raw


def _kind_hint(option: Option) -> str:
    if option.kind == "text":
        return "put the value in quotes"
    if option.kind == "number":
        return "write a whole number without quotes, e.g. 50"
    return "write true or false"


def _found(raw: object) -> str:
    if isinstance(raw, bool):
        return f"'{str(raw).lower()}' (true or false)"
    if isinstance(raw, (int, float)):
        return f"the number {raw}"
    if isinstance(raw, str):
        return f"the text '{raw}'"
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, dict):
        return "a mapping"
    return f"'{raw}'"


# --- Settings from the options ------------------------------------------------------------------------------------

TRUST_TEXTS = ("corrections_policy", "complaints", "funding", "ownership")
# Icons the pages show besides the verdicts'.
EXTRA_ICONS = ("material/pencil", "material/timer-sand")


@dataclass(frozen=True)
class Site:
    """What the settings need from the site's configuration besides the plugin's options, whichever engine reads
    it: mkdocs.yml's own keys, and the theme's directories (first found first)."""

    content_dir: Path
    project_dir: Path
    site_url: str = ""
    site_name: str = ""
    strict: bool = False
    extra_files: tuple[str, ...] = ()  # extra_css and extra_javascript: the site's own, not contributions
    theme_dirs: tuple[Path, ...] = ()


def make_settings(options: dict, site: Site) -> Settings:
    """Settings from the plugin's validated options (`read_options`, or MkDocs' validation of the same
    declaration) and the site: what `check` and every build run on."""
    scale = RatingScale(
        tuple(Verdict(v["id"], v["label"], v["definition"], v["icon"], v["value"]) for v in options["scale"])
        or DEFAULT_VERDICTS
    )
    icons = {v.icon for v in scale.verdicts} | set(EXTRA_ICONS)
    trust = options["trust"]
    return Settings(
        content_dir=site.content_dir,
        project_dir=site.project_dir,
        scale=scale,
        locale=options["locale"],
        site_url=site.site_url,
        site_name=site.site_name,
        publisher=Publisher(**{key: options["publisher"][key] for key in ("name", "url", "logo")}),
        structured_data=options["structured_data"],
        lint=options["lint"],
        strict=site.strict,
        per_page=max(0, options["per_page"]),
        social_cards=options["social_cards"],
        trust=Trust(
            **{key: str(trust[key]) for key in TRUST_TEXTS},
            team=tuple(TeamMember(str(m["name"]), str(m["role"]), str(m["bio"])) for m in trust["team"]),
        ),
        claimants=tuple(
            ClaimantConfig(str(item["name"]), tuple(map(str, item["aliases"])), item["type"] or "")
            for item in options["claimants"]
        ),
        icons=tuple(sorted((name, icon_svg(site.theme_dirs, name)) for name in icons)),
        static_files=tuple(options["static_files"]["allow"]) + site.extra_files,
        reserved_paths=reserved_paths(site.theme_dirs),
    )


def icon_svg(theme_dirs: tuple[Path, ...], name: str) -> str:
    """The theme's SVG of icon `name` (e.g. `material/pencil`), hidden from screen readers; "" if no theme has it."""
    for directory in theme_dirs:
        path = Path(directory, ".icons", f"{name}.svg")
        if path.is_file():
            svg = path.read_text("utf-8").strip()
            return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return ""


# The build's own files, besides the theme's (the data files' names are checked against `factsite.render`'s in
# tests/test_settings_options.py).
BUILD_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "claims.json",
               "annotations.jsonld", "feed.xml", "claim-reviews.jsonld")  # fmt: skip


def reserved_paths(theme_dirs: tuple[Path, ...]) -> tuple[str, ...]:
    """Paths in the site that the theme's files and the build's own files take: no content file may.

    The theme's templates and hidden files are not published, so they are not taken.
    """
    taken = set(BUILD_FILES)
    for directory in theme_dirs:
        for root, folders, names in os.walk(directory):
            folders[:] = [name for name in folders if not name.startswith(".")]
            relative = Path(root).relative_to(directory).as_posix()
            for name in names:
                if not name.startswith(".") and not name.endswith((".html", ".py", ".pyc")):
                    taken.add(name if relative == "." else f"{relative}/{name}")
    return tuple(sorted(taken))
