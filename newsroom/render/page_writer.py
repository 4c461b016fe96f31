"""Pages written to disk by another process while MkDocs renders the next ones (a speed layer).

MkDocs writes each page right after rendering it, on the thread that renders. On
this machine creating a folder and a file costs the kernel far more after a large
folder was deleted (a site replaced, a benchmark's copies): 14,000 folders with a
35 KB page each took 1.0 s on a fresh disk and 9.9-16.5 s of system time after a
site was deleted, and a warm build of 10,000 entries spent 9.8 s of its 48 s in
MkDocs' writes while the second core was idle (Node does not run when the kept
search index is published). A thread cannot take that over: each of its system
calls waits for the interpreter lock the renderer holds (tried: the renderer
waited 7.6 s for a thread that could not keep up).

So the last ``on_post_page`` encodes the page as MkDocs would (UTF-8, character
references for what UTF-8 cannot hold), sends path and bytes through a pipe to
a small writer process (``python -m newsroom.render.page_writer``, standard
library only) and gives MkDocs an empty page, which MkDocs does not write; its
"Page skipped" message is dropped for exactly the page just sent. The hard links
to the photo copies in .cache/ (render/files.py) are made by the writer too. Every page is
on disk before any plugin's ``on_post_build`` (``finish`` runs first there); a
page the writer cannot write fails the build with its reason, and from then on
MkDocs writes the pages itself; a build that fails stops the writer.
NEWSROOM_FAST=0 leaves all writing to MkDocs.
"""

from __future__ import annotations

import logging
import os
import struct
import subprocess
import sys
import tempfile
from typing import BinaryIO

from .. import speed, whole_files

_HEADER = struct.Struct("!BIQ")         # what (a page, a link), path's length, data's length
_PAGE, _LINK = 0, 1
_PIPE_BYTES = 1 << 20                   # the pipe's buffer (Linux: F_SETPIPE_SZ)
_SKIPPED = "Page skipped: '{}'. Generated empty output."     # mkdocs/commands/build.py
_BUILD_LOG = "mkdocs.commands.build"


class _JustSent(logging.Filter):
    """Drops MkDocs' "Page skipped" record of the page just sent to the writer."""

    def __init__(self) -> None:
        super().__init__()
        self.src_uri: str | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if self.src_uri is None or record.levelno != logging.INFO:
            return True
        sent, self.src_uri = self.src_uri, None
        return record.getMessage() != _SKIPPED.format(sent)


class PageWriter:
    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._pipe: BinaryIO | None = None
        self._broken = False
        self._sent = _JustSent()
        self._errors: BinaryIO | None = None
        self.pages = 0                           # sent to the writer, this build

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self, every_page: bool) -> None:
        """Before the first file is written (on_files: the photos' links come first).
        Only for a build of every page: a preview (a dirty build) renders the few an
        edit changed."""
        self.stop()
        if not speed.fast() or not every_page:
            return
        self._errors = tempfile.TemporaryFile()     # what the writer itself may say
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=self._errors, bufsize=_PIPE_BYTES)
        except OSError:
            _close(self._errors)
            self._errors = None
            return                               # MkDocs writes the pages
        assert self._process.stdin is not None
        self._pipe = self._process.stdin
        try:
            import fcntl
            fcntl.fcntl(self._pipe.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        except (ImportError, AttributeError, OSError):
            pass
        self._broken, self.pages = False, 0
        logging.getLogger(_BUILD_LOG).addFilter(self._sent)

    def hand_over(self, output: str, src_uri: str, path: str) -> str:
        """on_post_page, last of every plugin's: the page sent to the writer, and the
        empty page MkDocs skips; or the page as it was, for MkDocs to write (the layer
        off, an empty page, a writer that has stopped)."""
        if self._pipe is None or self._broken or not output.strip():
            return output
        page = output.encode("utf-8", errors="xmlcharrefreplace")
        name = os.fsencode(path)
        if not self._send(_PAGE, name, page):
            return output
        self._sent.src_uri = src_uri
        self.pages += 1
        return ""

    def link(self, source: str, target: str) -> bool:
        """A photo copy of .cache/ published as a hard link (a copy where no link can
        be made), by the writer: False if the writer is not there to do it."""
        if self._pipe is None or self._broken:
            return False
        return self._send(_LINK, os.fsencode(target), os.fsencode(source))

    def _send(self, kind: int, name: bytes, data: bytes) -> bool:
        assert self._pipe is not None
        try:
            self._pipe.write(_HEADER.pack(kind, len(name), len(data)) + name)
            self._pipe.write(data)
        except (BrokenPipeError, OSError):
            self._broken = True                  # finish() says why
            return False
        return True

    def finish(self) -> None:
        """Every page sent is on disk; raises OSError with the writer's reason if not."""
        process, pipe, errors = self._process, self._pipe, self._errors
        self._detach()
        if process is None or pipe is None:
            return
        _close(pipe)
        said = process.stdout.read() if process.stdout else b""
        _close(process.stdout)
        code = process.wait()
        own = _tail(errors)
        _close(errors)
        if code != 0 or said.strip() != b"ok":
            raise OSError(os.fsdecode(said.strip()) or own or f"the page writer ended ({code})")

    def stop(self) -> None:
        """The build failed: the writer is stopped, what it was sent is left."""
        process, errors = self._process, self._errors
        self._detach()
        if process is not None:
            process.kill()
            process.wait()
            _close(process.stdin)
            _close(process.stdout)
        _close(errors)

    def _detach(self) -> None:
        logging.getLogger(_BUILD_LOG).removeFilter(self._sent)
        self._sent.src_uri = None
        self._process, self._pipe, self._errors = None, None, None


def _tail(errors: BinaryIO | None) -> str:
    """The end of what the writer wrote on its standard error (a traceback)."""
    if errors is None:
        return ""
    try:
        errors.seek(0)
        return errors.read()[-2000:].decode("utf-8", "replace").strip()
    except OSError:
        return ""


def _close(stream: BinaryIO | None) -> None:
    try:
        if stream is not None:
            stream.close()
    except OSError:
        pass


def _read(source: BinaryIO, n: int) -> bytes:
    data = source.read(n)
    if len(data) != n:
        raise EOFError
    return data


def serve_pages(source: BinaryIO, report: BinaryIO) -> int:
    """The writer process: each page from ``source`` written to its path, as MkDocs'
    write_file writes one (its folders made first), each link made; "ok" or the
    first failure said on ``report``."""
    while header := source.read(_HEADER.size):
        try:
            kind, size, length = _HEADER.unpack(header)
            path = os.fsdecode(_read(source, size))
            data = _read(source, length)
        except (EOFError, struct.error):
            report.write(b"the page writer was sent half a page")
            return 1
        try:
            if kind == _LINK:
                whole_files.link_or_copy(os.fsdecode(data), path)
            else:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(data)
        except OSError as e:
            report.write(os.fsencode(f"{path}: {e.strerror or e}"))
            return 1
    report.write(b"ok")
    return 0


if __name__ == "__main__":
    sys.exit(serve_pages(sys.stdin.buffer, sys.stdout.buffer))
