"""Entries an earlier run read, kept in .cache/entries/ by their file's bytes (a speed layer).

Reading and checking a file (YAML, the field table, the photos and links it
names) takes about 0.4 ms; `newsroom check` and a build read all 10,000 entries
each time (2.7 s of check on two cores, 3.2 s of a build). What ``read_entry``
finds depends on the file's bytes, the code, and the files the entry names: its
photos and the entries' files it links to, each a file inside news/ reached
through no symbolic link. So an entry without problems is kept, by its path in
the project, with a digest of the bytes it was read from and its values, the
photos' and links' files as paths inside news/; and it is used again when

- the file's bytes have that digest (the file is read; it is the body too),
- neither the file nor any folder between news/ and it, or between news/ and
  each photo and linked file, is a symbolic link (asked of each folder once a run), and
- each photo and linked file is still a regular file (a link is kept only when its
  text alone leads to its file: no linked file or folder on the way, no folder it
  goes into and out of again).

Anything else reads the file again, as do files with problems (what they lacked
may have come since, and their messages are in the writer's language of the
run). The file holds its key (the code, PyYAML and pythainlp, the interpreter and
whether YAML is read by libyaml, news/'s place in
the project) and a checksum of its payload: a missing, truncated, corrupt or
foreign file is ignored, never trusted; a record that is not what this version
writes reads the entry again, and so does one whose paths are not plain names inside
news/ and the entry's folder or whose slug is not one (so even a file of .cache/
written by someone else names no photo outside news/ and no page outside the site:
its other values are texts, escaped where they are shown). Written by a run that
read anything new (a run of every file keeps only the files it read), in the
caches' one format (whole_files.write_keyed). NEWSROOM_FAST=0 turns the layer off.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from .. import speed, versions, whole_files
from ..model import paths
from ..model.calendar import bangkok_datetime
from ..model.entry import Entry, GalleryPhoto, LocalLink, Photo
from ..model.problems import Problem
from ..model.province import by_slug
from .entry import MAX_FILE_BYTES, read_entry, source_path
from .text import decode, split_front_matter

FOLDER = Path(".cache") / "entries"
FORMAT = "1"
_PACKAGES = ("pyyaml", "pythainlp")

Record = dict[str, Any]


def _digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def _plain_parts(rel: Any) -> bool:
    """A relative POSIX path of names only: no '', '.', '..', no absolute start."""
    return (isinstance(rel, str) and bool(rel) and not rel.startswith("/")
            and all(part not in ("", ".", "..") for part in rel.split("/")))


def _as_written(link: LocalLink, folder: Path) -> bool:
    """Whether the link, as written, names its target by its text alone: the folders
    it climbs out of with leading '..' and then the target's own (which are checked
    for links each run), not a name it goes into and out of again, nor a link on the
    way (the target, resolved, is then another path)."""
    written = unquote(link.href.split("#", 1)[0].split("?", 1)[0]).replace("\\", "/")
    parts = [p for p in written.split("/") if p not in ("", ".")]
    climbed = 0
    while climbed < len(parts) and parts[climbed] == "..":
        climbed += 1
    if ".." in parts[climbed:]:
        return False
    lexical = Path(os.path.normpath(folder / "/".join(parts))) if parts else folder
    return link.target in (lexical, lexical / "index.md")


class KeptEntries:
    """``read_entry`` through the entries earlier runs kept (``read``); what this run
    read anew (``new``) and which kept ones it used (``used``), for ``save``."""

    def __init__(self, root: Path, news_dir: Path, on: bool | None = None) -> None:
        self.on = speed.fast() if on is None else on
        self.root = Path(root).resolve()
        self.news = Path(news_dir).resolve()
        try:
            place = self.news.relative_to(self.root).as_posix()
        except ValueError:
            place = self.news.as_posix()
        # (the interpreter and which YAML loader runs read files too)
        salt = f"entries:{FORMAT}:{place}:{sys.version}:{getattr(yaml, '__with_libyaml__', 0)}"
        self.key = versions.code_version(_PACKAGES, salt) if self.on else ""
        self._kept: dict[str, Record] | None = None if self.on else {}
        self.new: dict[str, Record] = {}
        self.used: set[str] = set()
        self._plain: dict[Path, bool] = {}      # folder -> no link between news/ and it

    def __deepcopy__(self, memo: dict[int, Any]) -> "KeptEntries":
        """A copy for a forked worker: it reads the file itself, on its own core (the
        executor pickles what it is sent: 10,000 records would go through the pipe),
        with its own ``new`` and ``used``."""
        twin = object.__new__(KeptEntries)
        twin.__dict__.update(self.__dict__)
        twin._kept = None if self.on else {}
        twin.new, twin.used, twin._plain = {}, set(), {}
        return twin

    def begin(self) -> None:
        """A new run (a preview's next build keeps one): folders are asked again
        whether they are links, and what it reads and uses is counted afresh."""
        self._plain.clear()
        self.new, self.used = {}, set()

    @property
    def kept(self) -> dict[str, Record]:
        """The records of the file, read when first asked for (a preview whose files
        are all in its own memory never reads it)."""
        if self._kept is None:
            self._kept = self._read()
        return self._kept

    def _path(self) -> Path:
        return self.root / FOLDER / f"{self.key}.json"

    def _read(self) -> dict[str, Record]:
        records = whole_files.read_keyed(self._path(), self.key)
        return records if isinstance(records, dict) else {}

    def holds_most(self, files: int) -> bool:
        """Whether earlier runs kept at least half as many entries as there are
        ``files``: then one process reads them all faster than forked ones would
        (10,000 kept entries: 1.4 s alone, 1.8 s on two cores, sending entries back)."""
        return self.on and len(self.kept) * 2 >= files > 0

    # -- reading ----------------------------------------------------------------

    def read(self, path: Path, root: Path, news_dir: Path) -> tuple[Entry | None, list[Problem]]:
        """``read_entry(path, root, news_dir)``, from the kept record when it holds
        (``root`` and ``news_dir`` resolved, as corpus.py passes them)."""
        if not self.on or root != self.root or news_dir != self.news:
            return read_entry(path, root, news_dir)
        source = source_path(path, self.root)
        raw = self._raw(path)
        if raw is None:
            return read_entry(path, root, news_dir)
        digest = _digest(raw)
        record = self.kept.get(source)
        if isinstance(record, dict) and record.get("digest") == digest:
            entry = self._entry(path, source, raw, record)
            if entry is not None:
                self.used.add(source)
                return entry, []
        entry, problems = read_entry(path, root, news_dir, raw=raw)
        if entry is not None and not problems:
            made = self._record(entry, digest)
            if made is not None:
                self.new[source] = made
        return entry, problems

    def _raw(self, path: Path) -> bytes | None:
        """The file's bytes, when it is a regular file inside news/ reached through no
        link (else None: read_entry says what it is)."""
        try:
            if not self._plain_file(path):
                return None
            with open(path, "rb") as f:
                raw = f.read(MAX_FILE_BYTES + 1)
        except OSError:
            return None
        return raw if len(raw) <= MAX_FILE_BYTES else None

    def _plain_folder(self, folder: Path) -> bool:
        """Whether ``folder`` is news/ or a folder under it with no link on the way."""
        known = self._plain.get(folder)
        if known is None:
            if folder == self.news:
                known = True
            elif not folder.is_relative_to(self.news) or folder == folder.parent:
                known = False
            else:
                try:
                    mode = os.lstat(folder).st_mode
                    known = stat.S_ISDIR(mode) and self._plain_folder(folder.parent)
                except OSError:
                    known = False
            self._plain[folder] = known
        return known

    def _plain_file(self, path: Path) -> bool:
        """A regular file (not a link) in a plain folder (``_plain_folder``)."""
        try:
            return stat.S_ISREG(os.lstat(path).st_mode) and self._plain_folder(path.parent)
        except OSError:
            return False

    # -- records ----------------------------------------------------------------

    def _inside(self, path: Path) -> str | None:
        """``path`` as a path inside news/ when it is a plain file there, else None."""
        if not self._plain_file(path):
            return None
        return path.relative_to(self.news).as_posix()

    def _record(self, entry: Entry, digest: str) -> Record | None:
        """What is kept of an entry read without problems; None when it names a file
        through a link (or outside a plain news/): such an entry is read each time."""
        folder = entry.path.parent
        if not self._plain_folder(folder):
            return None
        photos = []
        for photo in entry.photos:
            inside = self._inside(photo.source)
            if inside is None or photo.source != folder / photo.target:
                return None
            photos.append([inside, photo.target, photo.line])
        links = []
        for link in entry.links:
            inside = self._inside(link.target)
            if inside is None or not _as_written(link, folder):
                return None
            links.append([link.href, inside, link.line])
        record = {
            "digest": digest, "title": entry.title, "published": entry.published.isoformat(),
            "authors": list(entry.authors), "photographers": list(entry.photographers),
            "provinces": [p.slug for p in entry.provinces], "year": entry.year,
            "tags": list(entry.tags), "summary": entry.summary, "image": entry.image,
            "slug": entry.slug, "draft": entry.draft, "photos": photos, "links": links,
            "gallery": [[g.target, g.caption] for g in entry.gallery],
        }
        return record

    def _entry(self, path: Path, source: str, raw: bytes, record: Record) -> Entry | None:
        """The entry a record keeps, its body from ``raw``; None when the record is not
        what this version writes or a file it names is no longer a plain file."""
        try:
            text, _ = decode(raw)
            if text is None:
                return None
            _, body, _, error = split_front_matter(text)
            provinces = tuple(by_slug(s) for s in record["provinces"])
            if error or any(p is None for p in provinces):
                return None
            slug, image = record["slug"], record["image"]
            if (not isinstance(slug, str) or not paths.SLUG_RE.match(slug)
                    or slug in paths.RESERVED_SLUGS):
                return None
            photos = []
            for inside, target, line in record["photos"]:
                photo = self._kept_file(inside)
                if (photo is None or not _plain_parts(target)
                        or photo != path.parent / target):
                    return None
                photos.append(Photo(source=photo, target=target, line=int(line)))
            if image is not None and image not in {p.target for p in photos}:
                return None
            links = []
            for href, inside, line in record["links"]:
                target = self._kept_file(inside)
                if target is None or not isinstance(href, str):
                    return None
                links.append(LocalLink(href=href, target=target, line=int(line)))
            return Entry(
                path=path, source=source, title=str(record["title"]),
                published=bangkok_datetime(datetime.fromisoformat(record["published"])),
                authors=tuple(map(str, record["authors"])),
                photographers=tuple(map(str, record["photographers"])),
                provinces=provinces,  # type: ignore[arg-type]
                year=int(record["year"]), tags=tuple(map(str, record["tags"])),
                summary=str(record["summary"]), image=image,
                slug=slug, draft=bool(record["draft"]), body=body,
                photos=tuple(photos), links=tuple(links),
                gallery=tuple(GalleryPhoto(str(t), str(c)) for t, c in record["gallery"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def _kept_file(self, inside: Any) -> Path | None:
        """The plain file inside news/ a record names (a path of plain parts), or None."""
        if not _plain_parts(inside):
            return None
        found = self.news / inside
        return found if self._plain_file(found) else None

    # -- between processes and runs -----------------------------------------------

    def delta(self) -> tuple[dict[str, Record], set[str]]:
        """What a forked worker sends back: its new records and the kept ones it used."""
        return self.new, self.used

    def merge(self, delta: tuple[dict[str, Record], set[str]]) -> None:
        new, used = delta
        self.new.update(new)
        self.used |= used

    def save(self, full: bool) -> None:
        """Write the file when this run read anything new (``full``: it read every
        file, so only what it read is kept), whole; files of other keys are removed."""
        if not self.on:
            return
        stale = full and not self.kept.keys() <= self.used | self.new.keys()
        if not self.new and not stale:
            return
        records = {**self.kept, **self.new}
        if full:
            records = {s: r for s, r in records.items() if s in self.used or s in self.new}
        path = self._path()
        try:
            whole_files.write_keyed(path, self.key, records)
        except (OSError, ValueError):
            return
        self._kept, self.new, self.used = records, {}, set()
        whole_files.remove_other_keys(path)
