"""Every entry under news/: read, checked, and checked against each other.

``load`` is the first step of the pipeline. It reads each Markdown file once,
collects every problem (per file, then across files: two entries claiming one
URL), and leaves drafts out unless asked to keep them. ``check`` finds the same
problems without keeping the entries (``newsroom check``); it shares many files
among the machine's cores: reading and checking 10,000 entries takes about 3 s
on one core.
"""

from __future__ import annotations

import copy
import multiprocessing
import os
import threading
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, NamedTuple, TypeVar

from ..assets.photo_check import PhotoVerdicts
from ..assets.photos import photo_problems
from ..model.entry import Entry, LocalLink
from ..model.messages import say
from ..model.problems import Problem
from .entry import read_entry, source_path
from .kept_entries import KeptEntries
from .references import ENTRY_SUFFIXES

T = TypeVar("T")
Reader = Callable[[Path, Path, Path], tuple[Entry | None, list[Problem]]]
PARALLEL_FROM = 2000        # fewer files than this are read faster in one process


class Claim(NamedTuple):
    """What other entries need to know of one: the URL its page would have, the file
    it comes from, whether it is a draft, and the entries' files its body links to."""
    url: str
    source: str
    path: Path
    draft: bool
    links: tuple[LocalLink, ...]

    @classmethod
    def of(cls, e: Entry) -> "Claim":
        return cls(e.url, e.source, e.path, e.draft, e.links)


@dataclass
class Corpus:
    entries: list[Entry] = field(default_factory=list)     # published, newest first
    drafts: list[Entry] = field(default_factory=list)      # left out of the site
    scheduled: list[Entry] = field(default_factory=list)   # dated after the build: left out
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def entry_files(news_dir: Path) -> list[Path]:
    """Markdown files under news/, in a stable order; hidden folders and files skipped,
    and links to folders not followed (linked_folders reports them). Directory entries
    say what is a file without a stat call each (10,000 entries: 0.05 s, not 0.4 s)."""
    if not news_dir.is_dir():
        return []
    files: list[Path] = []
    folders = [str(news_dir)]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as found:
                for item in found:
                    if item.name.startswith("."):
                        continue
                    if item.is_dir(follow_symlinks=False):
                        folders.append(item.path)
                    elif item.name.lower().endswith(ENTRY_SUFFIXES) and item.is_file():
                        files.append(Path(item.path))
        except OSError:
            continue
    return sorted(files)


def linked_folders(root: Path, news_dir: Path) -> list[Problem]:
    """Folders under news/ that are symbolic links: entry_files does not follow them
    (they may lead outside the project), so say so instead of leaving entries out."""
    if not news_dir.is_dir():
        return []
    problems = []
    for folder, subfolders, _ in os.walk(news_dir):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for d in subfolders:
            if os.path.islink(os.path.join(folder, d)):
                problems.append(Problem(source_path(Path(folder, d), root), 0, "file",
                                        say("corpus.linked_folder")))
    return problems


def link_problems(claims: list[Claim], drafts_published: bool) -> list[Problem]:
    """Links to entries' files that lead to no published entry."""
    by_path = {c.path: c for c in claims}
    problems = []
    for c in claims:
        for link in c.links:
            target = by_path.get(link.target)
            if target is None:
                problems.append(Problem(c.source, link.line, "body",
                                        say("link.not_entry", href=link.href[:80])))
            elif target.draft and not drafts_published:
                problems.append(Problem(c.source, link.line, "body",
                                        say("link.draft", href=link.href[:80], target=target.source)))
    return problems


def cross_problems(root: Path, news_dir: Path, claims: list[Claim], files: int,
                   drafts_published: bool) -> list[Problem]:
    """What only the whole news/ folder shows: linked folders, URL clashes, links
    between entries, and no entry files at all (a build of none would replace the
    site with an empty one: news/ missing, or the command run in the wrong folder)."""
    problems = linked_folders(root, news_dir)
    problems += url_problems(claims)
    problems += link_problems(claims, drafts_published)
    if not files and not problems:
        where = source_path(news_dir, root)
        problems.append(Problem(where, 0, "file",
                                say("corpus.no_folder" if not news_dir.is_dir() else "corpus.no_entries",
                                    where=where)))
    return problems


def docs_clashes(docs_dir: Path, uris: list[str]) -> list[tuple[str, Path]]:
    """(generated uri, docs/ file) for each file of docs/ that sits where a generated
    file would go (``uris``, as MkDocs sees them: 'news/x/index.md', 'feed.xml'). docs/
    holds a handful of files: listed once, not one stat call per generated file."""
    written = {path.relative_to(docs_dir).as_posix(): path
               for path in docs_dir.rglob("*") if path.is_file()} if docs_dir.is_dir() else {}
    if not written:
        return []
    found = []
    for uri in uris:
        clashes = [uri]
        if uri.endswith("/index.md"):
            clashes.append(uri[: -len("/index.md")] + ".md")
        found += [(uri, written[clash]) for clash in clashes if clash in written]
    return found


def docs_collisions(docs_dir: Path, root: Path, uris: list[str]) -> list[Problem]:
    """The clashes of ``docs_clashes``, as problems of the docs/ files."""
    return [Problem(os.path.relpath(path, root), 0, "url",
                    say("corpus.docs_clash", uri=uri.removesuffix("index.md")))
            for uri, path in docs_clashes(docs_dir, uris)]


def url_problems(entries: list[Entry] | list[Claim]) -> list[Problem]:
    """Two entries whose pages would land on the same URL (case ignored)."""
    claims: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        claims[e.url.casefold()].append(e)
    problems = []
    for url, owners in claims.items():
        if len(owners) > 1:
            for e in owners:
                others = ", ".join(o.source for o in owners if o is not e)
                problems.append(Problem(e.source, 1, "slug",
                                        say("corpus.url_clash", url=e.url, others=others)))
    return problems


class EntryCache:
    """Entries read by an earlier build of the same process (``mkdocs serve``), kept
    while their file's size and modification time stay the same, and those of the
    photos they show (a photo can change, or go, on its own). A file with problems
    is always read again: what it lacked (a photo, say) may have come since."""

    def __init__(self) -> None:
        self._known: dict[Path, tuple[Any, Any, Entry | None, list[Problem]]] = {}

    def read(self, path: Path, root: Path, news_dir: Path,
             read: Reader = read_entry) -> tuple[Entry | None, list[Problem]]:
        try:
            stat = path.stat()
        except OSError:
            return read(path, root, news_dir)
        stamp = (stat.st_mtime_ns, stat.st_size)
        known = self._known.get(path)
        if known and known[0] == stamp and not known[3] and known[1] == _photo_stamps(known[2]):
            return known[2], known[3]
        entry, problems = read(path, root, news_dir)
        self._known[path] = (stamp, _photo_stamps(entry), entry, problems)
        return entry, problems


def _photo_stamps(entry: Entry | None) -> tuple[Any, ...] | None:
    """(mtime, size) of each photo the entry shows; None for one that is gone."""
    if entry is None or not entry.photos:
        return None
    stamps: list[Any] = []
    for photo in entry.photos:
        try:
            stat = photo.source.stat()
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def load(root: Path, news_dir: Path | None = None, include_drafts: bool = False,
         files: list[Path] | None = None, cache: EntryCache | None = None,
         verdicts: PhotoVerdicts | None = None, published_by: datetime | None = None,
         workers: int = 1, kept: KeptEntries | None = None) -> Corpus:
    """Read and check every entry, its photos included (``verdicts``: what is known of
    them). Drafts are checked too, but published only on request. With ``cache``,
    files unchanged since the cache read them are not read again. From PARALLEL_FROM
    files on and without a cache, ``workers`` processes (this one and forked ones)
    each read a contiguous share; a forked one sends back its entries, problems and
    new photo verdicts (10,000 entries: 42 MB for half of them, 0.25 s to pickle and
    0.4 s to unpickle, against 3 s to read them). With ``kept``, entries earlier runs
    read are taken from it when their files are the same (read/kept_entries.py)."""
    root = Path(root).resolve()
    news_dir = Path(news_dir).resolve() if news_dir else root / "news"
    verdicts = verdicts if verdicts is not None else PhotoVerdicts()
    corpus = Corpus()
    files = files if files is not None else entry_files(news_dir)
    if kept is not None:
        kept.begin()
    if cache is not None:
        read = _read_share(files, root, news_dir, verdicts, kept, cache)[0]
    else:
        if kept is not None and kept.holds_most(len(files)):
            workers = 1
        results = _in_shares(_read_share, files, (root, news_dir, verdicts, kept), workers)
        read = [one for found, _, _ in results for one in found]
        _merge_forked(results, verdicts, kept)
    for entry, problems in read:
        corpus.problems.extend(problems)
        if entry is None:
            continue
        if not include_drafts and published_by is not None and entry.published > published_by:
            corpus.scheduled.append(entry)      # dated after the build: published later
        else:
            (corpus.entries if include_drafts or not entry.draft else corpus.drafts).append(entry)
    corpus.problems.extend(cross_problems(
        root, news_dir, [Claim.of(e) for e in corpus.entries + corpus.drafts + corpus.scheduled],
        len(files),
        include_drafts))
    corpus.entries.sort(key=lambda e: e.sort_key, reverse=True)
    return corpus


def check(root: Path, news_dir: Path | None = None, files: list[Path] | None = None,
          workers: int = 1, verdicts: PhotoVerdicts | None = None,
          kept: KeptEntries | None = None) -> list[Problem]:
    """The problems ``load`` would find for a build (drafts checked, not published),
    photos included, without keeping the entries. From PARALLEL_FROM files on,
    ``workers`` processes (this one and forked ones) each check a contiguous share, a
    forked one sending back only its problems, claims and new photo verdicts (entries
    would cost more to send than to read). ``kept``: as for ``load``."""
    root = Path(root).resolve()
    news_dir = Path(news_dir).resolve() if news_dir else root / "news"
    verdicts = verdicts if verdicts is not None else PhotoVerdicts()
    paths = files if files is not None else entry_files(news_dir)
    if kept is not None:
        kept.begin()
    results = _in_shares(_check_share, paths, (root, news_dir, verdicts, kept), workers)
    problems = [p for found, _, _, _ in results for p in found]
    _merge_forked(results, verdicts, kept)
    claims = [c for _, claims, _, _ in results for c in claims]
    problems += cross_problems(root, news_dir, claims, len(paths), drafts_published=False)
    # the part of the build's docs/ check an entry can cause: its page where a docs file is
    problems += docs_collisions(root / "docs", root,
                                [f"{c.url}index.md" for c in claims if not c.draft])
    return problems


def _in_shares(work: Callable[..., T], paths: list[Path], args: tuple[Any, ...],
               workers: int) -> list[T]:
    """``work(share, *args)`` for contiguous shares of ``paths``, in order: this process
    does the first, forked workers the others (from PARALLEL_FROM files on, where
    forking is possible and no other thread runs; else this process does all of it,
    as one share). The workers are sent a copy of ``args``: the executor pickles them
    on a thread of its own while this process's share changes its own (photo verdicts)."""
    workers = min(workers, len(paths) // (PARALLEL_FROM // 2))
    if (workers <= 1 or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return [work(paths, *args)]
    step = -(-len(paths) // workers)
    theirs = copy.deepcopy(args)
    shares = [paths[i:i + step] for i in range(step, len(paths), step)]
    # (an executor, not a Pool: a worker that is killed is an error, not a wait forever)
    with ProcessPoolExecutor(len(shares), mp_context=multiprocessing.get_context("fork")) as pool:
        forked = [pool.submit(work, share, *theirs) for share in shares]
        return [work(paths[:step], *args), *(f.result() for f in forked)]


def _reader(kept: KeptEntries | None) -> Reader:
    return kept.read if kept is not None else read_entry


def _merge_forked(results: list[tuple[Any, ...]], verdicts: PhotoVerdicts,
                  kept: KeptEntries | None) -> None:
    """What the forked shares (all but the first, this process's) found: their photo
    verdicts and kept entries, the last two of each share's result."""
    for *_, new, delta in results[1:]:
        verdicts.merge(new)
        if kept is not None:
            kept.merge(delta)


def _read_share(paths: list[Path], root: Path, news_dir: Path, verdicts: PhotoVerdicts,
                kept: KeptEntries | None, cache: EntryCache | None = None
                ) -> tuple[list[tuple[Entry | None, list[Problem]]], dict[str, Any], Any]:
    """Each file's entry (or None) and its problems, its photos' included, in order;
    the photo verdicts and kept entries this share found (for a forked one's parent)."""
    reader = _reader(kept)
    read: list[tuple[Entry | None, list[Problem]]] = []
    for path in paths:
        entry, problems = (cache.read(path, root, news_dir, reader) if cache
                           else reader(path, root, news_dir))
        if entry is not None:
            problems = [*problems, *photo_problems(entry, verdicts)]
        read.append((entry, problems))
    return read, verdicts.new, kept.delta() if kept is not None else None


def _check_share(paths: list[Path], root: Path, news_dir: Path, verdicts: PhotoVerdicts,
                 kept: KeptEntries | None
                 ) -> tuple[list[Problem], list[Claim], dict[str, Any], Any]:
    reader = _reader(kept)
    problems: list[Problem] = []
    claims: list[Claim] = []
    for path in paths:
        entry, found = reader(path, root, news_dir)
        problems += found
        if entry is not None:
            problems += photo_problems(entry, verdicts)
            claims.append(Claim.of(entry))
    return problems, claims, verdicts.new, kept.delta() if kept is not None else None
