"""A time budget for rendering one page, so a build stuck on one entry ends with an
error that names it.

The bounds in body_limits.py keep known costly Markdown out before anything parses
it; this is the net under them for whatever they do not foresee. One watchdog thread
per process looks at the page being rendered twice a second (four times a budget, if less); a page over its budget
gets ``RenderTimeout`` raised in the thread rendering it (CPython's
PyThreadState_SetAsyncExc: the exception arrives at the next Python instruction,
which Python-Markdown, a Python loop around small regular expressions, reaches
constantly). ``NEWSROOM_RENDER_SECONDS`` sets the budget (default 20 s; a report
renders in milliseconds); 0 turns the watchdog off.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from contextlib import contextmanager
from typing import Iterator

DEFAULT_SECONDS = 20.0


class RenderTimeout(Exception):
    """Raised inside a page's rendering once it has run over its budget."""


def budget_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get("NEWSROOM_RENDER_SECONDS", DEFAULT_SECONDS)))
    except ValueError:
        return DEFAULT_SECONDS


class Watchdog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: tuple[int, float, float] | None = None   # thread, start, budget
        self._thread: threading.Thread | None = None
        self._fired: int | None = None

    @contextmanager
    def guard(self) -> Iterator[None]:
        seconds = budget_seconds()
        if not seconds:
            yield
            return
        self._ensure_thread()
        with self._lock:
            self._current = (threading.get_ident(), time.monotonic(), seconds)
            self._fired = None
        try:
            yield
        finally:
            with self._lock:
                self._current = None
                if self._fired == threading.get_ident():   # rendered just in time: the
                    self._fired = None                     # exception, not yet raised, is
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(   # taken back
                        ctypes.c_ulong(threading.get_ident()), None)

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._watch, name="newsroom-render-budget",
                                            daemon=True)
            self._thread.start()

    def _watch(self) -> None:
        while True:
            time.sleep(min(0.5, max(0.01, budget_seconds() / 4)))   # four looks a budget
            with self._lock:
                current = self._current
                if current is None or time.monotonic() - current[1] < current[2]:
                    continue
                self._current = None        # raise once
                self._fired = current[0]
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(current[0]),
                                                           ctypes.py_object(RenderTimeout))


WATCHDOG = Watchdog()
