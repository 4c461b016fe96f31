"""Python's cycle collector, moved out of a preview's way.

Under ``mkdocs serve`` the process keeps, between previews, every entry's planned
page, card and search text (EntryPageMemo, SearchIndexer.texts): millions of
objects. A full collection walks all of them; one fell inside a writer's preview
and cost 0.7 s of a 2.6 s rebuild (10,000 entries). So at the end of each preview
build the objects alive are frozen (``gc.freeze``: collections during the next
build pass over them), and once the writer has been idle for a moment they are
unfrozen and collected, which frees the previous builds' cyclic garbage.

A build that starts first finds the heap still frozen. So that garbage cannot
pile up under saves that never pause (an editor's autosave), the end of every
MAX_FROZEN-th build in a row collects at once. A collection that has begun
finishes before the next build starts (the lock), never in the middle of it.
"""

from __future__ import annotations

import gc
import threading

from .. import speed

MAX_FROZEN = 3        # builds whose garbage may wait for an idle moment


class IdleCollector:
    def __init__(self, delay: float = 1.0) -> None:
        self.delay = delay
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()
        self.building = False
        self.frozen_builds = 0
        self.collections = 0

    def build_starting(self) -> None:
        with self.lock:         # waits for a collection that has begun
            self.building = True
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None

    def build_done(self) -> None:
        """After a build, failed or not (nothing with NEWSROOM_FAST=0)."""
        if not speed.fast():
            with self.lock:
                self.building = False
            return
        with self.lock:
            self.building = False
            self.frozen_builds += 1
            if self.frozen_builds >= MAX_FROZEN:
                self._collect()
                return
            gc.freeze()
            self.timer = threading.Timer(self.delay, self._when_idle)
            self.timer.daemon = True
            self.timer.start()

    def _when_idle(self) -> None:
        with self.lock:
            if not self.building:
                self._collect()

    def _collect(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.frozen_builds = 0
        self.collections += 1
