"""The social cards of a small build, drawn in a forked process while this one composes and renders the pages.

A small site's cards are a sixth of its build (0.26 s of the demo's 1.8 s on one processor): their shared parts,
each word's glyphs and the frames, are drawn once per process, so a small site pays for them whole. Below the size
at which composing forks its own workers (`BuildOptions.parallel_minimum` articles), a build on two processors
draws them in a child forked once the content is checked; the parent composes the pages without them, MkDocs
renders, and the cards are joined to the articles' data only when the data files are written. A card is a
function of its article's checked content and the settings, so where it is drawn changes no byte.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Sequence

from factsite.build.incremental import workers
from factsite.model import CheckedArticle
from factsite.render.data_files import article_cards
from factsite.settings import Settings

Cards = tuple[tuple[str, bytes], ...]


class CardDrawing:
    """The cards of `articles`, being drawn in a forked process (`start`), then `result()`."""

    def __init__(self, child: workers.Child, slugs: Sequence[str]) -> None:
        self._child: workers.Child | None = child
        self._slugs = tuple(slugs)
        # A build that stops before it writes its data files (an editor page's error, a template's fault) never
        # asks for the cards: the child is stopped when this is let go, not left waiting to hand them over.
        self._stop = weakref.finalize(self, _stop_from, os.getpid(), child)

    @classmethod
    def start(cls, articles: Sequence[CheckedArticle], settings: Settings) -> CardDrawing | None:
        """The drawing started, or None where it cannot be (no cards to draw, or a process that must not fork:
        then the pages are composed with their cards, as before)."""
        if settings.social_cards == "off" or not articles or not workers.can_fork():
            return None
        child = workers.start(lambda: [article_cards(checked, settings) for checked in articles], collect=False)
        return cls(child, [checked.article.slug for checked in articles])

    def result(self) -> dict[str, Cards]:
        """Each article's cards by slug: waits for the child; its failure is raised here, with its traceback."""
        child, self._child = self._child, None
        assert child is not None, "the cards are handed over once"
        self._stop.detach()
        return dict(zip(self._slugs, child.result(), strict=True))


def _stop_from(parent: int, child: workers.Child) -> None:
    # Only the process that started the child stops it: another forked since holds a copy of this object.
    if os.getpid() == parent:
        child.stop()
