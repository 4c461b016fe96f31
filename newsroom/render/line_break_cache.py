"""Thai text's pieces cut by an earlier build, kept in .cache/line-breaks/ (a speed layer).

Marking where Thai lines may break (line_breaks.py) is about a quarter of a
build whose bodies and photos are cached (2,000 generated entries under
cProfile: 30 s of 111 s): every run of text between two tags of every page is
cut into words (model/words.py) and marked, and a body's paragraphs are too
long for the segmenter's memo of one process. What comes out depends only on
the text, the segmenter's dictionary (pythainlp's, with the archive's own
words) and the code, so each text's pieces are kept in one file whose name is
a digest of the dictionary and the code (``key``), by a digest of the text:
each piece as one character (its length and two flags), a twentieth of the
marked HTML (2,000 entries: 42 MB marked), which is made again from them.

The file holds its key and a checksum of its payload: a missing, truncated,
corrupt or foreign file is ignored and every text marked again, never trusted.
It is written when a `mkdocs build` succeeds (not by `serve`, whose writer
waits: a preview reads it and keeps it in memory), with only the texts that
build used when it was a full one, and files of other keys are removed. It is
read when a text is first looked up: a block an earlier build marked whole
(marked_blocks.py) looks up none, and a build that read some blocks back keeps
every old text (those blocks' texts were not looked up, not unused).
NEWSROOM_FAST=0 turns the layer off.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from pathlib import Path
from typing import Callable

from .. import speed, whole_files
from ..model.words import Piece, Segmenter
from .body_cache import code_version

FOLDER = Path(".cache") / "line-breaks"
FORMAT = "2"          # 2: a header line, then the payload (whole_files.write_keyed)


@functools.lru_cache(maxsize=4)
def key(segmenter: Segmenter) -> str:
    """The code (newsroom/ and pythainlp), and the words of the segmenter's dictionary
    (a segmenter is one dictionary, kept for the process: model/words.py segmenter)."""
    h = hashlib.sha256(f"{FORMAT}:{code_version()}".encode())
    h.update(importlib.metadata.version("pythainlp").encode())
    for word in sorted(segmenter.extra):
        h.update(b"\0" + word.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _encoded(pieces: tuple[Piece, ...]) -> str | None:
    """Each piece as one character: its length * 4 + keep * 2 + wbr (None: a piece too
    long for one character below the surrogates)."""
    codes = [len(p.text) * 4 + p.keep * 2 + p.wbr for p in pieces]
    return "".join(map(chr, codes)) if all(c < 0xD800 for c in codes) else None


def _decoded(text: str, encoded: str) -> tuple[Piece, ...] | None:
    pieces, at = [], 0
    for ch in encoded:
        code = ord(ch)
        length = code >> 2
        pieces.append(Piece(text[at:at + length], bool(code & 2), bool(code & 1)))
        at += length
    return tuple(pieces) if at == len(text) else None


def _marked(text: str, encoded: str, marks: tuple[str, str, str]) -> str | None:
    """The HTML of the pieces ``encoded`` gives, made straight from their codes (no
    Piece made on the way: half the time of decoding then shaping, 80,000 texts)."""
    keep_open, keep_close, wbr = marks
    out: list[str] = []
    at = 0
    for ch in encoded:
        code = ord(ch)
        end = at + (code >> 2)
        if code & 1:
            out.append(wbr)
        out.append(keep_open + text[at:end] + keep_close if code & 2 else text[at:end])
        at = end
    return "".join(out) if at == len(text) else None


class KeptPieces:
    """Texts' pieces by a digest of the text: those of earlier builds, and this one's."""

    def __init__(self, root: Path, segmenter: Segmenter) -> None:
        self.on = speed.fast()
        self.folder = root / FOLDER
        self.key = key(segmenter) if self.on else ""
        self._kept: dict[str, str] | None = None if self.on else {}
        self.new: dict[str, str] = {}
        self.used: set[str] = set()

    @property
    def kept(self) -> dict[str, str]:
        """The earlier builds' pieces, read when a text is first looked up (a build whose
        blocks are all kept marked whole, marked_blocks.py, reads none)."""
        if self._kept is None:
            self._kept = self._read()
        return self._kept

    @kept.setter
    def kept(self, value: dict[str, str]) -> None:
        self._kept = value

    def _path(self) -> Path:
        return self.folder / f"{self.key}.json"

    def _read(self) -> dict[str, str]:
        payload = whole_files.read_keyed(self._path(), self.key)
        if not isinstance(payload, dict) or not all(isinstance(v, str) for v in payload.values()):
            return {}
        return payload

    def pieces(self, text: str, segmenter: Segmenter, memo: bool) -> tuple[Piece, ...]:
        """``segmenter.pieces(text)``, as an earlier build cut it when one did."""
        if not self.on:
            return segmenter.pieces(text, memo)
        digest = _digest(text)
        encoded = self._codes(digest)
        found = _decoded(text, encoded) if encoded is not None else None
        if found is None:
            found = segmenter.pieces(text, memo)
            encoded = _encoded(found)
            if encoded is None:
                return found
            self.new[digest] = encoded
        self.used.add(digest)
        return found

    def marked(self, text: str, segmenter: Segmenter, memo: bool,
               shape: Callable[[tuple[Piece, ...]], str], marks: tuple[str, str, str]) -> str:
        """``shape(self.pieces(text, …))`` for a shape that puts ``marks`` (the opening
        and closing of a piece kept whole, a possible break) around and before the
        pieces, as it is made from kept codes without the pieces."""
        if not self.on:
            return shape(segmenter.pieces(text, memo))
        digest = _digest(text)
        encoded = self._codes(digest)
        found = _marked(text, encoded, marks) if encoded is not None else None
        if found is None:
            return shape(self.pieces(text, segmenter, memo))
        self.used.add(digest)
        return found

    def _codes(self, digest: str) -> str | None:
        """A text's pieces as codes, kept by an earlier build or cut by this one."""
        return self.kept.get(digest) or self.new.get(digest)

    def start_build(self) -> None:
        """A new build of the same process (`serve`): what it uses is counted afresh."""
        if self.new:
            self.kept.update(self.new)
        self.new.clear()
        self.used.clear()

    def commit(self, full: bool) -> None:
        """A build succeeded: write the file (a full build's texts only), remove others.
        A build that read no pieces (``kept`` never read) leaves the file as it is."""
        if not self.on or self._kept is None or (
                not self.new and (not full or self.used >= self._kept.keys())):
            return                      # nothing to add, nothing to drop: the file stands
        payload = {**self.kept, **self.new}
        if full:
            payload = {d: v for d, v in payload.items() if d in self.used}
        path = self._path()
        try:
            whole_files.write_keyed(path, self.key, payload)
        except (OSError, ValueError):
            return
        self.kept, self.new = payload, {}
        whole_files.remove_other_keys(path)
