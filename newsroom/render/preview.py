"""What ``mkdocs serve --dirty`` (``make serve``) needs to re-render only what an edit changes.

MkDocs' dirty builds skip a page whose source file has not changed since it was
last written; a generated page held in memory always counts as changed. So each
planned page is written to .cache/pages/ as a file whose modification time
changes only with its content or its display values (``page_file``): MkDocs then
re-renders just the pages an edit touches (the entry, its archives, its
neighbours). That is what makes previews work at all; the rest is speed
(NEWSROOM_FAST=0 turns it off): what this process last wrote is remembered, so
an unchanged page costs one comparison; each page file is asked once whether it
changed (``answer_once``); feeds of unchanged entries are reused (``FeedTexts``).
"""

from __future__ import annotations

import functools
import hashlib
import marshal
from pathlib import Path
from typing import Any, Callable

from .. import speed
from ..plan.pages import GeneratedPage


def _digest(state: Any) -> str:
    """The same for the same values in any process (marshal's version 2 keeps no
    references, so its bytes do not depend on how objects are shared; frozen
    dataclasses, which marshal does not know, by their repr)."""
    try:
        data = marshal.dumps(state, 2)
    except ValueError:
        data = repr(state).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


class PageFiles:
    """The .cache/pages files of one serve process's previews."""

    def __init__(self) -> None:
        self.written: dict[str, Any] = {}      # src_uri -> what this process last wrote

    def page_file(self, page: GeneratedPage, cache: Path) -> Path:
        """The page as a file whose modification time changes only with its content."""
        state = (page.markdown, page.title, page.view, page.description, page.hide,
                 page.updated, page.files, page.body)
        path = cache / page.src_uri
        fast = speed.fast()
        if fast and self.written.get(page.src_uri) == state:
            return path
        text = f"---\nnewsroom: {_digest(state)}\n---\n{page.markdown}"
        try:
            if path.read_text(encoding="utf-8") == text:
                self.written[page.src_uri] = state
                return path
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if fast:
            self.written[page.src_uri] = state
        return path


def answer_once(file: Any) -> None:
    """A dirty build asks each page's file twice whether it changed (before reading
    it and before writing it), three stat calls each time, 80,000 for 13,400 pages;
    nothing writes the page in between, so the first answer stands."""
    if speed.fast():
        file.is_modified = functools.cache(file.is_modified)


class FeedTexts:
    """A preview reuses the last preview's text of a feed of equal entries (86 feeds,
    0.4 s at 10,000 entries); an entry's photo replaced by a file of another size
    shows its new length at the next full build."""

    def __init__(self) -> None:
        self.last: dict[Any, tuple[bytes, bytes]] = {}
        self.next: dict[Any, tuple[bytes, bytes]] = {}

    def start(self) -> None:
        self.last, self.next = self.next, {}

    def text(self, key: Any, make: Callable[[], tuple[bytes, bytes]]) -> tuple[bytes, bytes]:
        texts = self.last.get(key) if speed.fast() else None
        if texts is None:
            texts = make()
        self.next[key] = texts
        return texts
