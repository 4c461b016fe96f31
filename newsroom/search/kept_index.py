"""The search index an earlier build wrote, kept in .cache/search/ (a speed layer).

Node builds the index from the entries' lines (indexer.py): a fifth of a warm
build of 10,000 entries, most of it after the last page. When a build's lines
are those of the build that wrote the kept index, the kept files are the index,
byte for byte, and are published as hard links to them instead.

Whether they are is known only once every page has rendered, so the lines are
first predicted: ``key`` is a digest of what they are made of (the code, the
package versions, mkdocs.yml's Markdown settings, the vocabulary, each entry's
card and the digest of its body) and names the kept folder. When a folder of
that name is there, Node is not started. What the build then renders is
checked all the same: ``Lines`` digests every line sent, and a build whose
lines are not the kept ones (a prediction that missed) has Node build the
index after all, from the pages written. A missing, truncated or foreign
folder is ignored. Only ``mkdocs build`` keeps an index, and only the last one
(the folders of other keys are removed). NEWSROOM_FAST=0 turns the layer off.

A build whose lines are not the kept ones (an entry added or changed) still
uses the kept index: with the same code and settings (``parts``), each entry
whose body digest is the same has its text in its card file there
(``EarlierTexts``), and the indexer sends Node those lines before the pages
render; each is checked against the line the build renders (indexer.py _Feeder).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import speed, whole_files

FOLDER = Path(".cache") / "search"
FORMAT = "1"
META = "kept.json"          # beside the index's files, never published


def key(parts: list[str], docs: dict[str, Any], words_json: str) -> str:
    """What the lines are made of: ``parts`` (the code and the settings, as the
    render layer names them), the vocabulary, and each entry's card and body digest."""
    h = hashlib.sha256(f"{FORMAT}\0".encode())
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    h.update(words_json.encode("utf-8", "surrogatepass"))
    for src_uri, doc in docs.items():
        h.update(f"\0{src_uri}\0{doc.source}\0".encode("utf-8", "surrogatepass"))
        h.update(doc.line("").encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@dataclass
class Lines:
    """A digest of each entry's line, as the build sends it; together, in the order
    of the entries (pages render in MkDocs' order, not the archive's)."""
    each: dict[str, bytes] = field(default_factory=dict)

    def add(self, src_uri: str, line: str) -> None:
        self.each[src_uri] = self.digest_of(line)

    @staticmethod
    def digest_of(line: str) -> bytes:
        return hashlib.blake2b(line.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def digest(self, order: list[str], words_json: str) -> str:
        h = hashlib.sha256(words_json.encode("utf-8", "surrogatepass"))
        for src_uri in order:
            h.update(src_uri.encode("utf-8", "surrogatepass") + b"\0" + self.each.get(src_uri, b""))
        return h.hexdigest()


def parts_key(parts: list[str]) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class KeptIndex:
    def __init__(self, root: Path, key: str, parts: str = "") -> None:
        self.root, self.key, self.parts = root / FOLDER, key, parts
        self.folder = self.root / key

    @staticmethod
    def for_build(root: Path, parts: list[str], docs: dict[str, Any],
                  words_json: str) -> KeptIndex | None:
        if not speed.fast():
            return None
        return KeptIndex(root, key(parts, docs, words_json), parts_key(parts))

    def earlier_texts(self) -> EarlierTexts | None:
        """The texts of the last build's entries (made by the same code and settings:
        the index of another archive), to send Node before the pages render."""
        try:
            for folder in self.root.iterdir():
                if folder == self.folder or not folder.is_dir():
                    continue
                meta = json.loads((folder / META).read_text(encoding="utf-8"))
                if meta.get("parts") == self.parts and isinstance(meta.get("ids"), dict):
                    return EarlierTexts(folder, meta["ids"])
        except (OSError, ValueError, TypeError, AttributeError):
            return None
        return None

    def find(self) -> dict[str, Any] | None:
        """The kept index's record (its lines' digest, Node's summary), when the folder
        is whole: every file it lists there at its size."""
        try:
            meta = json.loads((self.folder / META).read_text(encoding="utf-8"))
            if meta.get("key") != self.key or not isinstance(meta.get("files"), dict):
                return None
            for name, size in meta["files"].items():
                if (self.folder / name).stat().st_size != size:
                    return None
        except (OSError, ValueError, TypeError, AttributeError):
            return None
        return meta

    def publish(self, meta: dict[str, Any], out: Path) -> bool:
        """The kept files as the index at ``out`` (hard links, or copies where no link
        can be made), in a folder of their own renamed into place."""
        partial = out.with_name(f"{out.name}.kept-{os.getpid()}")
        try:
            shutil.rmtree(partial, ignore_errors=True)
            whole_files.link_all(self.folder, partial, meta["files"])
            shutil.rmtree(out, ignore_errors=True)
            partial.rename(out)
        except OSError:
            shutil.rmtree(partial, ignore_errors=True)
            return False
        return True

    def keep(self, out: Path, lines: str, summary: dict[str, Any],
             ids: dict[str, list[Any]]) -> None:
        """The index Node wrote at ``out``, kept for the next build (linked, not
        copied), with each entry's card id and body digest (``ids``); the folders of
        other keys removed."""
        partial = self.root / f"{self.key}.new-{os.getpid()}"
        try:
            shutil.rmtree(partial, ignore_errors=True)
            files = dict(sorted(whole_files.files_under(out).items()))
            whole_files.link_all(out, partial, files)
            whole_files.write_text(partial / META, json.dumps(
                {"key": self.key, "parts": self.parts, "lines": lines, "summary": summary,
                 "files": files, "ids": ids}))
            shutil.rmtree(self.folder, ignore_errors=True)
            partial.rename(self.folder)
        except OSError:
            shutil.rmtree(partial, ignore_errors=True)
            return
        for other in self.root.iterdir():
            if other != self.folder and whole_files.is_key_name(other.name):
                shutil.rmtree(other, ignore_errors=True)


@dataclass(frozen=True)
class EarlierTexts:
    """Where the last build's index is, and its entries' cards: src_uri -> [card id,
    body digest, card digest, card file size]. A card file holds the entry's text as
    that build indexed it."""
    folder: Path
    ids: dict[str, list[Any]]

    def same_body(self, src_uri: str, source: str) -> bool:
        card = self.ids.get(src_uri)
        return isinstance(card, list) and len(card) >= 2 and card[1] == source

    def cards(self) -> dict[str, Any]:
        """The last build's card files, for Node to link those this build's entries
        have again: their folder, and digest -> [card id, size] (Node digests each card
        it would write, and links the file of the same digest: search_index.mjs)."""
        digests = {card[2]: [card[0], card[3]] for card in self.ids.values()
                   if isinstance(card, list) and len(card) == 4 and isinstance(card[2], str)
                   and isinstance(card[0], int) and isinstance(card[3], int)}
        return {"from": str((self.folder / "d").resolve()), "digests": digests}

    def text(self, src_uri: str) -> str | None:
        """The text the last build indexed for an entry ``same_body`` found."""
        try:
            card = self.folder / "d" / f"{int(self.ids[src_uri][0])}.bin"
            data = json.loads(gzip.decompress(card.read_bytes()).decode("utf-8"))
        except (OSError, ValueError, TypeError, KeyError, EOFError, gzip.BadGzipFile):
            return None
        text = data.get("x") if isinstance(data, dict) else None
        return text if isinstance(text, str) else None

