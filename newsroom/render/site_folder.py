"""A build writes into a fresh folder beside site/, swapped in only when it succeeds.

MkDocs empties site_dir before it renders a page, so a failure while pages render
(an entry over its render budget, a strict-mode warning, a crash in a plugin)
would leave no site, or half of one, where the last good site was. Instead, at
on_config the build is pointed at ``.<site>.building-<pid>-<n>`` beside site_dir;
at the end of on_post_build, if the build raised nothing and (under ``--strict``)
logged no warning, the new folder takes site_dir's name and the old one is
deleted. Any other end deletes the new folder and leaves site_dir as it was.

Dirty builds (``mkdocs serve --dirty``, ``make serve``) rewrite only what changed
in the folder they are served from, so they build in place.
"""

from __future__ import annotations

import itertools
import logging
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from .. import whole_files

_count = itertools.count(1)


class _Warnings(logging.Handler):
    """Counts what MkDocs' own strict mode counts: records of WARNING and above."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class SiteSwap:
    def __init__(self) -> None:
        self.final: Path | None = None
        self.staging: Path | None = None
        self.strict = False
        self.warnings = _Warnings()
        self.config: Any = None
        self.given = ""

    def begin(self, config: Any) -> None:
        """Point the build at a new folder beside site_dir (call in on_config)."""
        self.abort()
        final = Path(config.site_dir).absolute()
        _remove_abandoned(final)
        self.final, self.strict = final, bool(config.strict)
        self.staging = final.with_name(f".{final.name}.building-{os.getpid()}-{next(_count)}")
        self.config, self.given = config, config.site_dir
        config.site_dir = str(self.staging)
        self.warnings.count = 0
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def commit(self) -> bool:
        """Swap the new folder in, unless a strict build has logged warnings (MkDocs
        aborts it right after on_post_build). True if the site was replaced."""
        if self.staging is None or self.final is None:
            return False
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.strict and self.warnings.count:
            return False            # on_build_error follows and deletes the new folder
        final, staging = self.final, self.staging
        old = final.with_name(f".{final.name}.old-{os.getpid()}-{next(_count)}")
        if final.exists() or final.is_symlink():
            final.rename(old)
        try:
            staging.rename(final)
        except OSError:
            if old.exists():
                old.rename(final)
            raise
        self.staging = None
        self._restore()
        _delete_later(old)
        return True

    def _restore(self) -> None:
        """site_dir as it was given: what runs after the build (gh-deploy) reads it."""
        if self.config is not None:
            self.config.site_dir = self.given
            self.config = None

    def abort(self) -> None:
        """Delete the new folder, if any; site_dir stays as it was."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
        self._restore()


def _remove_abandoned(final: Path) -> None:
    """Folders a killed build left beside site_dir (their process is gone)."""
    for kind in ("building", "old"):
        for folder in final.parent.glob(f".{final.name}.{kind}-*"):
            pid = folder.name.rsplit("-", 2)[-2]
            if whole_files.left_by_a_stopped_process(pid):
                shutil.rmtree(folder, ignore_errors=True)


def _delete_later(folder: Path) -> None:
    """The replaced site, deleted by a niced ``rm`` the build does not wait for (13,000
    files of a 10,000-entry site took seconds to unlink); if the machine cannot, at once.
    A folder a killed ``rm`` leaves is deleted by the next build (its name says whose)."""
    if not folder.exists():
        return
    try:
        subprocess.Popen(["nice", "-n", "19", "rm", "-rf", "--", str(folder)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
