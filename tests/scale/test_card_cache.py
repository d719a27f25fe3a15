"""Social cards kept apart from the page cache's entries: an unchanged article's cards are neither read nor
written again, only linked from the published site."""

from __future__ import annotations

import shutil
from pathlib import Path

from factsite.adapters.mkdocs.commands import build_site
from factsite.build.incremental.page_cache import load_manifest, manifest_path
from factsite.build.site import BuildOptions, SiteBuild
from factsite.build.write import DataFileWriter
from factsite.load.site_config import read_site_config
from factsite.render.data_files import StoredFile
from tests.conftest import tree_digest
from tests.scale.conftest import EDITS


def _write_data_files(config: Path, staging: Path, *, manifest: bool = True) -> tuple[SiteBuild, DataFileWriter]:
    """The data files of a build in a new process's state (its caches only on disk), written into `staging`
    beside the published site, as `build` writes them."""
    cache_dir = config.parent / ".factsite-cache"
    build = SiteBuild(read_site_config(config).settings(), BuildOptions(cache_dir=cache_dir))
    assert not build.check().errors
    for _ in build.pages():
        pass
    site = config.parent / "site"
    previous = load_manifest(manifest_path(cache_dir, site)) if manifest else None
    writer = DataFileWriter(staging, site, previous, build.read_stored)
    for relative, data in build.data_file_data():
        writer.write(relative, data)
    return build, writer


def test_an_unchanged_articles_cards_are_linked_unread(project: Path, tmp_path: Path) -> None:
    assert build_site(str(project)).ok
    site = project.parent / "site"
    EDITS["a verdict"](project.parent)  # the budget article's cards show its verdict: drawn again

    staging = tmp_path / "staging"
    build, writer = _write_data_files(project, staging)
    # The entries name their cards (in a file beside each entry), not their bytes.
    stored = [card for part in build.article_data or [] for _, card in part.cards]
    assert stored and all(isinstance(card, StoredFile) and card.path.endswith(".cards") for card in stored)
    cards = sorted(path.relative_to(staging) for path in staging.rglob("card.png"))
    written = [path for path in cards if (staging / path).stat().st_ino != (site / path).stat().st_ino]
    # Only the cards whose bytes changed (the edited article's, showing its verdict) were read: the drawing
    # stored them, and they were read back to be written. Every other card was linked unread.
    assert written and all(path.parts[1] == "budget" for path in written)
    assert build.caches.pages.cards_read == len(written)
    assert writer.linked >= len(cards) - len(written)


def test_without_the_sites_manifest_the_stored_cards_are_read_and_compared(project: Path, tmp_path: Path) -> None:
    assert build_site(str(project)).ok
    build, writer = _write_data_files(project, tmp_path / "staging", manifest=False)
    stored = [card for part in build.article_data or [] for _, card in part.cards]
    assert build.caches.pages.cards_read == len(stored) > 0 and writer.linked == 0
    site = project.parent / "site"
    for path in (tmp_path / "staging").rglob("card.png"):  # the same bytes as published: linked after comparing
        assert path.stat().st_ino == (site / path.relative_to(tmp_path / "staging")).stat().st_ino


def test_a_card_file_removed_from_the_cache_is_drawn_again(project: Path, tmp_path: Path) -> None:
    assert build_site(str(project)).ok
    for cards in (project.parent / ".factsite-cache" / "pages").rglob("*.cards"):
        cards.unlink()
    shutil.rmtree(project.parent / "site")
    EDITS["a claim's note"](project.parent)
    assert build_site(str(project)).ok
    fresh = tmp_path / "fresh"
    shutil.rmtree(project.parent / ".factsite-cache")
    assert build_site(str(project), site_dir=str(fresh)).ok
    assert tree_digest(project.parent / "site") == tree_digest(fresh)
