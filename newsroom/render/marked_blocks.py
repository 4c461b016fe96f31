"""Our pages' blocks with their Thai line marks, kept whole in .cache/marked-blocks/ (a speed layer).

Every page of ours passes its content block through the ``word_breaks`` filter
(line_breaks.py). With every text's pieces kept (line_break_cache.py), a warm
build of 10,000 entries still spent 5.8 s of its ~30 s there: a block is some
eighty runs of text, each looked up and its marks made again from its codes.
What the filter gives depends only on the block's text and on what the pieces
depend on (the code, pythainlp, the segmenter's words: ``line_break_cache.key``),
so each marked block is kept whole, by a digest of the block's text, compressed
(zlib level 1: the 378 MB of marked blocks of 10,000 entries in 77 MB), and a
block whose text is one an earlier build marked is read back (1.5 s for all).

One file per key: a first line naming the format and the key, then records of
a digest of the block's text (16 bytes), a check of the compressed bytes (8),
their length (4) and the compressed bytes. A record that fails its check, or
does not decompress to UTF-8, is not used, nor is a file of another key or
format: the block is marked again, never trusted. A build appends the blocks it
marks to a partial file beside it (a cold build holds none in memory); when a
`mkdocs build` succeeds, the old file's records it used (all of them for a
dirty build) join them and the partial file takes the old one's place, the
files of other keys removed, and partial files of builds that were stopped
(their process is gone). `serve` only reads. NEWSROOM_FAST=0 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from pathlib import Path
from typing import BinaryIO, Callable

from .. import speed, whole_files

FOLDER = Path(".cache") / "marked-blocks"
FORMAT = "1"
_RECORD = struct.Struct("<16s8sI")          # digest of the text, check, compressed length


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _check(blob: bytes | memoryview) -> bytes:
    return hashlib.blake2b(blob, digest_size=8).digest()


def _header(key: str) -> bytes:
    return f"newsroom-marked-blocks {FORMAT} {key}\n".encode()


class KeptBlocks:
    """The marked blocks of earlier builds (one key's file), and this build's new ones."""

    def __init__(self, folder: Path, key: str, write: bool = True) -> None:
        self.on = speed.fast()
        self.write = write and self.on
        self.key = key
        self.path = folder / f"{key}.blocks"
        self.data = b""
        self.index: dict[bytes, tuple[int, int, bytes]] = {}  # digest -> start, end, check
        self.used: set[bytes] = set()
        self.new: set[bytes] = set()
        self.served = 0                  # blocks read back this build
        self._partial: BinaryIO | None = None
        if self.on:
            self._read()

    @property
    def partial_path(self) -> Path:
        return self.path.with_name(f"{self.path.name}.{os.getpid()}.part")

    def _read(self) -> None:
        try:
            data = self.path.read_bytes()
        except OSError:
            return
        head = _header(self.key)
        if not data.startswith(head):
            return
        at, index = len(head), {}
        while at + _RECORD.size <= len(data):
            digest, check, length = _RECORD.unpack_from(data, at)
            start = at + _RECORD.size
            if start + length > len(data):
                break                           # truncated: the records before it stand
            index[digest] = (start, start + length, check)
            at = start + length
        self.data, self.index = data, index

    def marked(self, text: str, mark: Callable[[str], str]) -> str:
        """``mark(text)``, read back when an earlier build marked the same text."""
        if not self.on:
            return mark(text)
        digest = _digest(text)
        found = self._kept(digest)
        if found is not None:
            self.used.add(digest)
            self.served += 1
            return found
        marked = mark(text)
        if self.write and digest not in self.new:
            self._append(digest, marked)
        return marked

    def _kept(self, digest: bytes) -> str | None:
        record = self.index.get(digest)
        if record is None:
            return None
        start, end, check = record
        blob = memoryview(self.data)[start:end]
        if _check(blob) != check:
            return None
        try:
            return zlib.decompress(blob).decode("utf-8", "surrogatepass")
        except (zlib.error, UnicodeDecodeError):
            return None

    def _append(self, digest: bytes, marked: str) -> None:
        blob = zlib.compress(marked.encode("utf-8", "surrogatepass"), 1)
        try:
            if self._partial is None:
                self._open()
            assert self._partial is not None
            self._partial.write(_RECORD.pack(digest, _check(blob), len(blob)))
            self._partial.write(blob)
        except OSError:
            self.abort()
            self.write = False                  # this build keeps nothing new
            return
        self.new.add(digest)
        self.used.add(digest)

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.partial_path.unlink(missing_ok=True)
        self._partial = open(self.partial_path, "wb")
        self._partial.write(_header(self.key))

    def commit(self, full: bool) -> None:
        """A build succeeded: its new blocks and the old ones it used (a ``full`` build)
        or all old ones (a dirty build) become the file; nothing new and nothing to
        drop, and the file stands."""
        if not self.write:
            return
        keep = [d for d in self.index if d not in self.new and (not full or d in self.used)]
        try:
            if self._partial is None:
                if len(keep) == len(self.index):
                    return
                self._open()
            assert self._partial is not None
            for digest in keep:
                start, end, check = self.index[digest]
                self._partial.write(_RECORD.pack(digest, check, end - start))
                self._partial.write(memoryview(self.data)[start:end])
            self._partial.close()
            self._partial = None
            self.partial_path.replace(self.path)
        except OSError:
            self.abort()
            return
        whole_files.remove_other_keys(self.path)
        _remove_stale_partials(self.path.parent)

    def abort(self) -> None:
        """The build failed: the partial file goes, the old file stands."""
        if self._partial is not None:
            try:
                self._partial.close()
            except OSError:
                pass
            self._partial = None
        try:
            self.partial_path.unlink(missing_ok=True)
        except OSError:
            pass


def _remove_stale_partials(folder: Path) -> None:
    """Partial files a stopped build left (a build killed or interrupted has no
    on_build_error): those whose process no longer runs. Another build's, running
    beside this one, stays."""
    for partial in folder.glob("*.blocks.*.part"):
        pid = partial.name.rsplit(".", 2)[-2]
        if whole_files.is_key_name(partial.name) and whole_files.left_by_a_stopped_process(pid):
            try:
                partial.unlink()
            except OSError:
                pass
