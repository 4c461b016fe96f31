"""Python's cycle collector, moved out of a preview's way.

Under ``mkdocs serve`` the process keeps, between previews, every entry's planned
page, card and search text (EntryPageMemo, SearchIndexer.texts): millions of
objects. A full collection walks all of them; one fell inside a writer's preview
and cost 0.7 s of a 2.6 s rebuild (10,000 entries). So at the end of each preview
build the objects alive are frozen (``gc.freeze``: collections during the next
build pass over them), and once the writer has been idle for a moment they are
unfrozen and collected, which frees the previous build's cyclic garbage.
A build that starts first finds the heap still frozen; the collection waits for
the next quiet moment, so garbage outlives at most the builds of a burst of saves.
"""

from __future__ import annotations

import gc
import threading


class IdleCollector:
    def __init__(self, delay: float = 1.0) -> None:
        self.delay = delay
        self.timer: threading.Timer | None = None
        self.collections = 0

    def build_starting(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def build_done(self) -> None:
        gc.freeze()
        self.build_starting()
        self.timer = threading.Timer(self.delay, self._collect)
        self.timer.daemon = True
        self.timer.start()

    def _collect(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.collections += 1
