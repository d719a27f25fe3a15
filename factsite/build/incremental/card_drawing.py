"""The social cards of a small build, drawn in a forked process while this one composes and renders the pages.

A small site's cards are a sixth of its build (0.26 s of the demo's 1.8 s on one processor): their shared parts,
each word's glyphs and the frames, are drawn once per process, so a small site pays for them whole. Below the size
at which composing forks its own workers (`BuildOptions.parallel_minimum` articles), a build on two processors
draws them in a child forked once the content is checked; the parent composes the pages without them, MkDocs
renders, and the cards are joined to the articles' data only when the data files are written. A card is a
function of its article's checked content and the settings, so where it is drawn changes no byte.

A card needs nothing of the check's outcomes, only what loading an article gives (headline, locale, rating, each
claim's sentence, number and verdict; the sentence is the mark's words as the page renders them). So where the
check runs in this process, article after article, `CardStream` forks the drawing at the first article whose claims
are checked (before its lint, which adds only problems: `CheckCache.on_claims`) and hands it each later one as its
claims are checked (pickled through a pipe, under a millisecond an article): the cards are drawn while the rest of
the content is checked, and the build no longer waits for them at its data files.
"""

from __future__ import annotations

import os
import pickle
import queue
import struct
import threading
import weakref
from collections.abc import Sequence

from factsite.build.incremental import workers
from factsite.model import CheckedArticle
from factsite.render.data_files import article_cards
from factsite.render.messages import translations
from factsite.settings import Settings

Cards = tuple[tuple[str, bytes], ...]


class CardDrawing:
    """The cards of `articles`, being drawn in a forked process (`start`), then `result()`."""

    def __init__(self, child: workers.Child, slugs: Sequence[str]) -> None:
        self._child: workers.Child | None = child
        # The articles handed to the child, in order: a `CardStream`'s list, which grows until the check ends.
        self._slugs = slugs
        # A build that stops before it writes its data files (an editor page's error, a template's fault) never
        # asks for the cards: the child is stopped when this is let go, not left waiting to hand them over.
        self._stop = weakref.finalize(self, _stop_from, os.getpid(), child)

    @classmethod
    def start(cls, articles: Sequence[CheckedArticle], settings: Settings) -> CardDrawing | None:
        """The drawing started, or None where it cannot be (no cards to draw, or a process that must not fork:
        then the pages are composed with their cards, as before)."""
        if settings.social_cards == "off" or not articles or not workers.can_fork():
            return None
        _load_languages(articles)
        child = workers.start(lambda: [article_cards(checked, settings) for checked in articles], collect=False)
        return cls(child, [checked.article.slug for checked in articles])

    def slugs(self) -> frozenset[str]:
        return frozenset(self._slugs)

    def stop(self) -> None:
        """Stop the drawing (its cards are not needed, or drawn elsewhere)."""
        self._child = None
        self._stop()

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


def _load_languages(articles: Sequence[CheckedArticle]) -> None:
    # The words of the articles' languages, compiled here before the fork (Babel reads and compiles a catalog,
    # 5-25 ms): this process composes the pages in those languages anyway, and the child then need not.
    for checked in articles:
        translations(checked.article.locale)


LENGTH = struct.Struct(">I")  # before each article handed to the drawing: the length of its pickle


class CardStream:
    """The cards of the articles as they are checked, drawn in a process forked at the first one (`add`) and handed
    each later one through a pipe; `drawing()` once the check is done: the `CardDrawing` to ask for the cards.

    The fork waits for no thread: while another runs (Harper's dictionary loading ahead) the articles are kept, and
    the drawing forked with them at a later one. The check hands on an article whose lint needs the dictionary only
    once it has loaded (`CheckCache._checked`), so the drawing forks as soon as the dictionary is ready.
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._kept: list[CheckedArticle] = []  # checked before the fork could be made
        self._slugs: list[str] = []  # the articles handed to the drawing, in order
        self._drawing: CardDrawing | None = None
        self._write_end: int | None = None

    def add(self, checked: CheckedArticle) -> None:
        if self._drawing is None:
            self._kept.append(checked)
            if hasattr(os, "fork") and threading.active_count() == 1:
                self._fork()
            return
        if self._write_end is None:  # the drawing failed: it reports why when its cards are asked for
            return
        translations(checked.article.locale)
        data = pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            _write_all(self._write_end, LENGTH.pack(len(data)) + data)
        except OSError:
            self._close()
            return
        self._slugs.append(checked.article.slug)

    def _fork(self) -> None:
        kept, settings = self._kept, self._settings
        _load_languages(kept)
        read_end, write_end = os.pipe()
        child = workers.start(lambda: _draw_handed(kept, settings, read_end, write_end), collect=False)
        os.close(read_end)
        self._write_end = write_end
        self._slugs = [checked.article.slug for checked in kept]
        self._kept = []
        self._drawing = CardDrawing(child, self._slugs)

    def drawing(self) -> CardDrawing | None:
        """The drawing of every article handed to it (None if it was never forked); no more articles come."""
        self._close()
        self._kept = []
        drawing, self._drawing = self._drawing, None
        return drawing

    def _close(self) -> None:
        write_end, self._write_end = self._write_end, None
        if write_end is not None:
            os.close(write_end)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _draw_handed(kept: list[CheckedArticle], settings: Settings, read_end: int,
                 write_end: int) -> list[Cards]:  # fmt: skip
    """In the child: the cards of the articles it was forked with, then of each article handed to it, until the
    parent closes the pipe. A thread reads the pipe as the articles come, so that the parent never waits to write
    one while a card is drawn here."""
    os.close(write_end)  # the parent's copy: the pipe ends when the parent closes its own
    handed: queue.SimpleQueue[CheckedArticle | Exception | None] = queue.SimpleQueue()

    def read() -> None:
        try:
            with os.fdopen(read_end, "rb") as stream:
                while header := stream.read(LENGTH.size):
                    handed.put(pickle.loads(stream.read(LENGTH.unpack(header)[0])))
        except Exception as error:  # raised where the cards are drawn, and so reported to the parent
            handed.put(error)
        finally:
            handed.put(None)

    threading.Thread(target=read, name="factsite-cards-handed", daemon=True).start()
    cards = [article_cards(checked, settings) for checked in kept]
    while (checked := handed.get()) is not None:
        if isinstance(checked, Exception):
            raise checked
        cards.append(article_cards(checked, settings))
    return cards
