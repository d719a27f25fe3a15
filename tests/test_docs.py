"""The configuration reference lists every option the plugin declares."""

from __future__ import annotations

from factsite.adapters.mkdocs.config import FactsiteConfig
from tests.conftest import REPOSITORY


def test_every_plugin_option_is_documented() -> None:
    reference = (REPOSITORY / "docs" / "configuration.md").read_text("utf-8")
    options = [name for name, _ in FactsiteConfig._schema]
    assert options[0] == "enabled"
    missing = [name for name in options if f"| `{name}` |" not in reference]
    assert not missing, f"undocumented options: {missing}"
