"""A `mkdocs build` that succeeded ends without freeing its objects (a speed layer).

After the site is in place, Python's own exit took 3-4 s of a 30 s warm build of
10,000 entries: a last collection over 1.6 million objects, then each freed one by
one (every page's plan, pythainlp's trie, the caches), while the site is done and
the writer waits for the prompt. Nothing needs them freed: every file is written
and closed. So, as mypy does, the process then flushes its output and log handlers
and ends with ``os._exit(0)``, the status MkDocs would have exited with.

Only when all of these hold (else the process ends as usual):
- the command is `mkdocs build` (`serve` keeps running; `gh-deploy` deploys after
  the build), run from MkDocs' own command line, not a build called in-process;
- the build returned: this build's site was swapped in and no build error came
  after (a strict build's warnings are one: MkDocs reports them after post_build);
- every plugin's on_shutdown has run (``on_shutdown`` is the last of them);
- no child process of multiprocessing is still running.
NEWSROOM_FAST=0 turns it off.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from types import FrameType

from .. import speed

CLI_MODULE = "mkdocs.__main__"       # MkDocs' command line ...
CLI_BUILD = "build_command"          # ... and its function for `mkdocs build`


class QuickExit:
    """``built`` when the site is in place, ``failed`` on a build error;
    ``at_shutdown`` then ends the process, when it may."""

    def __init__(self) -> None:
        self.done = False

    def built(self) -> None:
        self.done = True

    def failed(self) -> None:
        self.done = False

    def at_shutdown(self, command: str) -> None:
        if may_end(command, self.done, sys._getframe(1)):
            end_now()


def may_end(command: str, done: bool, frame: FrameType | None) -> bool:
    return (speed.fast() and command == "build" and done and from_cli(frame)
            and not multiprocessing.active_children())


def from_cli(frame: FrameType | None) -> bool:
    """Called (through the plugins' on_shutdown) by `mkdocs build`'s command."""
    while frame is not None:
        if frame.f_code.co_name == CLI_BUILD and frame.f_globals.get("__name__") == CLI_MODULE:
            return True
        frame = frame.f_back
    return False


def end_now() -> None:
    logging.shutdown()              # every handler flushed and closed
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(0)
