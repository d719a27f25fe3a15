"""The `factsite` plugin's options in mkdocs.yml, declared once; `docs/configuration.md` lists them from here."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class VerdictConfig(base.Config):
    id = c.Type(str)
    """Identifier used in claims' `verdict:` (lower-case, hyphens)."""
    label = c.Type(str)
    """The label readers see, e.g. `Mostly accurate`."""
    definition = c.Type(str)
    """One sentence saying what the verdict means."""
    icon = c.Type(str, default="material/circle")
    """A Material icon name, e.g. `material/check-circle`."""
    value = c.Type(int)
    """The numeric rating published in ClaimReview (higher is better)."""


class PublisherConfig(base.Config):
    name = c.Type(str, default="")
    """The organisation publishing the fact-checks (ClaimReview `author`)."""
    url = c.Type(str, default="")
    """The organisation's home page."""
    logo = c.Type(str, default="")
    """Address of the organisation's logo (optional)."""


class LinkConfig(base.Config):
    title = c.Type(str)
    """The link's text."""
    url = c.Type(str)
    """A site-relative address, e.g. `about/`."""


class ClaimantOptions(base.Config):
    name = c.Type(str)
    """The name the claimant's page shows, e.g. `Vladimir Putin`."""
    aliases = c.ListOfItems(c.Type(str), default=[])
    """Other names articles use for the same claimant, e.g. `President Putin`, `Putin`."""
    type = c.Optional(c.Choice(("person", "organization")))
    """`person` or `organization`; without it the type is guessed from the name."""


class TeamMemberOptions(base.Config):
    name = c.Type(str)
    """The member's name."""
    role = c.Type(str, default="")
    """What they do, e.g. `Editor`."""
    bio = c.Type(str, default="")
    """A short biography, in Markdown."""


class TrustOptions(base.Config):
    corrections_policy = c.Type(str, default="")
    """How errors are corrected, in Markdown (page `corrections-policy/`)."""
    complaints = c.Type(str, default="")
    """How readers complain or ask for a correction, with a contact route, in Markdown."""
    funding = c.Type(str, default="")
    """Who pays for the work, in Markdown (page `funding/`)."""
    ownership = c.Type(str, default="")
    """Who owns and controls the desk, in Markdown."""
    team = c.ListOfItems(c.SubConfig(TeamMemberOptions), default=[])
    """The people behind the fact-checks (page `team/`)."""


class StaticFilesConfig(base.Config):
    allow = c.ListOfItems(c.Type(str), default=[])
    """Files of content/ published as they are although their type is not, as patterns relative to content/
    (`*` matches across folders), e.g. `downloads/*.zip`; never over the theme's files or through links."""


class FactsiteConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Build the fact-check pages; `false` leaves the site as plain MkDocs."""
    locale = c.Type(str, default="en_US")
    """The articles' default language and region; an article's front matter `locale` overrides it."""
    scale = c.ListOfItems(c.SubConfig(VerdictConfig), default=[])
    """The rating scale, best first; empty uses the default five-step scale."""
    publisher = c.SubConfig(PublisherConfig)
    """Who publishes the fact-checks."""
    structured_data = c.Type(bool, default=True)
    """Publish ClaimReview JSON-LD, annotations and data feeds (needs `site_url` and `publisher.name`)."""
    lint = c.Type(bool, default=True)
    """Warn about copy errors and claim candidates without a claim mark."""
    cache_dir = c.Type(str, default=".factsite-cache")
    """Where check results are cached between builds, relative to mkdocs.yml."""
    per_page = c.Type(int, default=50)
    """Articles on each page of the index and sources on each page of the sources page; 0 puts all on one."""
    footer_links = c.ListOfItems(c.SubConfig(LinkConfig), default=[])
    """Extra links in every page's footer, e.g. the About page."""
    search = c.Choice(("auto", "material", "pagefind"), default="auto")
    """Readers' search: `material` (one index file), `pagefind` (chunked index), `auto` by size."""
    pagefind_above = c.Type(int, default=1000)
    """With `search: auto`, Pagefind replaces Material's search above this many pages."""
    claimants = c.ListOfItems(c.SubConfig(ClaimantOptions), default=[])
    """People and organisations whose statements are checked: their names, aliases and types (see content format)."""
    trust = c.SubConfig(TrustOptions)
    """The trust pages: corrections and complaints policy, funding and ownership, the team."""
    social_cards = c.Choice(("claims", "articles", "off"), default="claims")
    """Card images for shared links: per claim and per article, per article only, or none."""
    static_files = c.SubConfig(StaticFilesConfig)
    """Which files of content/ are published as they are: images, PDFs, text, fonts, audio and video, and `allow`."""
