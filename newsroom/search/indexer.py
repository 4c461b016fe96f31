"""Thai full-text search: a static index of the entries' text, built beside the pages.

Thai is written without spaces and segmenters disagree on word ends, so the
index does not segment: search_core.mjs turns text into runs of three
characters, and the same file, copied into the site, does it for the reader's
query in the browser (docs/assets/search.js). Besides, every word of the
vocabulary (search/vocabulary.py: the segmenter's words, pythainlp's dictionary
and the archive's names, and the nouns การ and ความ make of them) is keyed
wherever it stands in a text, so a reader's word that is one of them has its
exact entries at once. The format is described in search_core.mjs.

The build feeds the index as it renders: each entry page's body, once Markdown
has made it HTML, goes as plain text to a Node process (search_index.mjs) that
indexes it on the other core while MkDocs renders the next page. Only entry
bodies and titles are indexed: no navigation, listings or page chrome.
"""

from __future__ import annotations

import glob
import json
import queue
import shutil
import subprocess
import tempfile
import threading
import uuid
from functools import lru_cache, partial
from pathlib import Path
from typing import IO, Any, Callable

from .. import speed
from ..model import paths
from .documents import SearchDoc, page_text, written_text
from .kept_index import EarlierTexts, KeptIndex, Lines

SEARCH_DIR = "search"
MANIFEST = f"{SEARCH_DIR}/index.json"
CORE_SCRIPT = Path(__file__).with_name("search_core.mjs")
INDEX_SCRIPT = Path(__file__).with_name("search_index.mjs")
CORE_ASSET = "assets/search-core.js"       # where the browser finds search_core.mjs


class SearchToolMissing(RuntimeError):  # noqa: N818 (a RuntimeError the build reports)
    """Node is not installed; the message says how to install it."""


class SearchIndexFailed(RuntimeError):  # noqa: N818
    """The index builder stopped with an error; the message has its output."""


@lru_cache(maxsize=1)
def node_version() -> str:
    """The Node that builds the index (its zlib writes the bytes), once per process."""
    try:
        return subprocess.run([_node(), "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _node() -> str:
    node = shutil.which("node")
    if not node:
        raise SearchToolMissing("Node.js is needed to build the search index:"
                                " run `make setup` (or apt-get install nodejs)")
    return node


class SearchIndexer:
    """One index build: ``start`` before pages render, ``add`` as each entry page's
    body is rendered, ``finish`` after the site is written. Between builds of one
    ``mkdocs serve`` it keeps each entry's text, so a preview that re-renders one
    entry can still index all of them."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None
        self.errors: IO[str] | None = None
        self.docs: dict[str, SearchDoc] = {}
        self.sent: set[str] = set()
        self.texts: dict[str, tuple[str, str]] = {}     # src_uri -> (source digest, text)
        self.broken = False
        self.waiter: threading.Thread | None = None
        self.summary: dict[str, int] = {}
        self.cards: dict[str, Any] = {}             # card id -> [digest, size], from Node
        self.earlier: EarlierTexts | None = None    # the last build's index, to link from
        self.remover: subprocess.Popen[bytes] | None = None
        self.feeder: _Feeder | None = None
        self.root = Path(".")
        self.words: frozenset[str] = frozenset()
        self.lines = Lines()                        # this build's lines, digested
        self.kept: KeptIndex | None = None          # where this build's index may be kept
        self.kept_meta: dict[str, Any] | None = None  # the kept index it will publish

    def start(self, out: Path, docs: dict[str, SearchDoc], root: Path,
              serving: bool = False, words: frozenset[str] = frozenset(),
              kept: KeptIndex | None = None) -> None:
        """``kept``: where an earlier `mkdocs build` may have kept this index
        (kept_index.py); not for a preview."""
        self.stop()
        self.docs, self.sent, self.broken, self.summary = docs, set(), False, {}
        self.root, self.words, self.kept = root, words, None if serving else kept
        self.lines, self.kept_meta, self.cards, self.earlier = Lines(), None, {}, None
        # What an indexing that was stopped left (a preview's, when the writer saved
        # again before its index was done): up to one card file per entry.
        discard(list(out.parent.glob(f"{out.name}.*-*")), out.parent, later=serving)
        if not docs:
            return
        self.kept_meta = self.kept.find() if self.kept else None
        if self.kept_meta is None:
            earlier = self.earlier = self.kept.earlier_texts() if self.kept else None
            self._launch(out, root)
            if earlier is not None and self.feeder is not None:
                self.feeder.send_early({
                    src_uri: partial(_early_line, earlier, src_uri, doc)
                    for src_uri, doc in docs.items() if earlier.same_body(src_uri, doc.source)})

    def _launch(self, out: Path, root: Path) -> None:
        self.errors = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.process = subprocess.Popen(
            [_node(), str(INDEX_SCRIPT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.errors, text=True, encoding="utf-8", cwd=root)
        self._send(header(str(out), len(self.docs), self.words,
                          self.earlier.cards() if self.earlier else None))
        self.feeder = _Feeder(self.process) if speed.fast() else None

    def _send(self, line: str) -> None:
        if self.broken or self.process is None:
            return
        if not _write(self.process, line):
            self.broken = True          # finish() reports Node's own error

    def add(self, src_uri: str, body_html: str, keep: bool = False) -> None:
        doc = self.docs.get(src_uri)
        if doc is None or src_uri in self.sent:
            return
        text = page_text(body_html)
        if keep:
            self.texts[src_uri] = (doc.source, text)
        self.sent.add(src_uri)
        line = doc.line(text)
        self.lines.add(src_uri, line)
        if self.feeder is not None:
            self.feeder.send(src_uri, line)
        else:
            self._send(line)

    def finish(self, site_dir: Path, background: bool = False) -> None:
        """Send the entries this build did not render (a dirty build), then wait for
        the index. With ``background`` both happen in a thread: a preview shows
        before its index is rebuilt (Node reads 10,000 texts more slowly than we write).
        With a kept index (no Node started): publish it if this build's lines are its
        lines, else have Node build the index now."""
        self.empty(site_dir)
        out = site_dir / SEARCH_DIR
        if self.kept_meta is not None:
            meta, self.kept_meta = self.kept_meta, None
            for src_uri, doc in self.docs.items():
                if src_uri not in self.sent:
                    self.lines.add(src_uri, doc.line(self._text(site_dir, src_uri, doc)))
            assert self.kept is not None
            if self._lines_digest() == meta.get("lines") and self.kept.publish(meta, out):
                self.summary = meta.get("summary") or {}
                return
            self.sent = set()           # a prediction that missed: Node reads every page
            self._launch(out, self.root)
        if self.process is None:
            return
        process, docs, sent = self.process, self.docs, self.sent
        feeder, self.feeder = self.feeder, None

        def rest() -> None:
            nonlocal process, sent
            if feeder is not None:
                feeder.close()      # the rendered entries' lines first, all written
                if feeder.missed(self.lines):
                    # An earlier build's text sent for an entry is not what this build
                    # rendered (or could not be read): Node reads every page now.
                    process.kill()
                    process.wait()
                    discard(list(out.parent.glob(f"{out.name}.*-*")), out.parent, later=False)
                    self._launch(out, self.root)
                    assert self.process is not None
                    process, sent, self.feeder = self.process, set(), None
                else:
                    sent = sent | feeder.early.keys()
            for src_uri, doc in docs.items():
                if src_uri in sent:
                    continue
                line = doc.line(self._text(site_dir, src_uri, doc))
                self.lines.add(src_uri, line)
                sent.add(src_uri)
                if not _write(process, line):
                    break           # stopped by a newer build, or Node failed: _wait tells
            self._wait(process)
            if self.kept is not None and not background and self.process is None:
                self.kept.keep(out, self._lines_digest(), self.summary,
                               {u: [d.id, d.source, *self.cards.get(str(d.id), [])]
                                for u, d in docs.items()})

        if background:
            self.waiter = threading.Thread(target=rest, daemon=True)
            self.waiter.start()
            return
        rest()

    def _text(self, site_dir: Path, src_uri: str, doc: SearchDoc) -> str:
        """An entry's text this build did not render: kept by a preview, or read from
        its page in the site."""
        known = self.texts.get(src_uri)
        if known and known[0] == doc.source:
            return known[1]
        return written_text(site_dir / paths.page_file(src_uri)) or ""

    def _lines_digest(self) -> str:
        return self.lines.digest(list(self.docs), words_json(self.words))

    def empty(self, site_dir: Path) -> None:
        """Delete what ``discard`` moved beside ``site_dir``, in a niced ``rm`` that
        the build does not wait for (while one runs, the next build's waits its turn)."""
        if self.remover is not None and self.remover.poll() is None:
            return
        left = discarded(site_dir)
        self.remover = subprocess.Popen(
            ["nice", "-n", "19", "rm", "-rf", "--", *map(str, left)], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) if left else None

    def _wait(self, process: subprocess.Popen[str]) -> None:
        try:
            if process.stdin:
                process.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        out = process.stdout.read() if process.stdout else ""
        if process.stdout:
            process.stdout.close()
        code = process.wait()
        if process is not self.process:     # stopped by a newer build
            return
        if code != 0:
            errors = ""
            if self.errors:
                self.errors.seek(0)
                errors = self.errors.read()[-3000:]
            self.process = None
            raise SearchIndexFailed(f"the search index could not be built:\n{errors.strip()}")
        self.summary = json.loads(out or "{}")
        cards = self.summary.pop("cards", None)
        self.cards = cards if isinstance(cards, dict) else {}
        self.process = None

    def stop(self) -> None:
        """End an index build that has not finished (a newer build is starting)."""
        process, self.process = self.process, None
        feeder, self.feeder = self.feeder, None
        if process and process.poll() is None:
            process.kill()
            process.wait()
        if feeder is not None:
            feeder.close()          # its writes fail now: what is left is dropped
        if self.errors:
            self.errors.close()
            self.errors = None


def header(out: str, docs: int, words: frozenset[str],
           cards: dict[str, Any] | None = None) -> str:
    """The index builder's first input line: where the index goes, how many entries
    follow, the vocabulary whose words are keys (sorted: the same files each time),
    and the last build's cards Node may link (EarlierTexts.cards)."""
    start = json.dumps({"out": out, "docs": docs, **({"cards": cards} if cards else {})},
                       ensure_ascii=False)
    return f'{start[:-1]}, "words": {words_json(words)}}}'


@lru_cache(maxsize=2)
def words_json(words: frozenset[str]) -> str:
    """The vocabulary as JSON, sorted: 180,000 words, 0.3 s, once per process and
    vocabulary (a preview's next build sends the same)."""
    return json.dumps(sorted(words), ensure_ascii=False)


def discard(folders: list[Path], site_dir: Path, later: bool) -> None:
    """Delete ``folders`` (in ``site_dir``) now, or, ``later`` (a preview, whose writer
    waits), move each out of site_dir to a sibling ``<site_dir>.discarded-…``, for
    ``SearchIndexer.empty`` to delete after the build: unlinking 10,000 card files took
    a second of the preview. A sibling, because `mkdocs serve` builds in a temporary
    folder that may be on another file system than the project; outside site_dir,
    because MkDocs may be cleaning it."""
    for folder in folders:
        if later:
            try:
                folder.rename(site_dir.with_name(f"{site_dir.name}.discarded-{uuid.uuid4().hex}"))
                continue
            except OSError:
                pass
        shutil.rmtree(folder, ignore_errors=True)


def discarded(site_dir: Path) -> list[Path]:
    return sorted(site_dir.parent.glob(f"{glob.escape(site_dir.name)}.discarded-*"))


BACKLOG = 4000      # entries' lines waiting for Node at most (about 25 MB at 10,000 entries)


class _Feeder:
    """The entries' lines, written to the index builder from a thread of its own: Node
    reads and indexes an entry more slowly than MkDocs renders one from its kept body
    (10,000 entries under cProfile: 9 s of the build blocked writing to the pipe), so
    the build renders on, listings too, while Node catches up. The thread starts with
    the first line, after the photos' workers have forked.

    Before the pages render, it may be given lines made from the last build's texts
    of entries whose bodies have not changed (``send_early``): Node indexes them while
    MkDocs copies files and renders, and a build that adds one entry does not wait for
    Node to read the other 10,000 after its last page. An entry rendered before its
    early line is taken has its rendered line sent instead; one whose early line went
    is compared when the pages are done (``missed``)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str | None] = queue.Queue(BACKLOG)
        self.thread: threading.Thread | None = None
        self.broken = False
        self.lock = threading.Lock()
        self.pending: dict[str, Callable[[], str | None]] = {}   # early lines not taken yet
        self.taken: set[str] = set()                            # early lines the thread took
        self.early: dict[str, bytes] = {}                       # their digests, once written
        self.unread = False                                     # an early text could not be read

    def _start(self) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="search-feeder", daemon=True)
            self.thread.start()

    def send_early(self, made: dict[str, Callable[[], str | None]]) -> None:
        with self.lock:
            self.pending.update(made)
        self._start()

    def send(self, src_uri: str, line: str) -> None:
        with self.lock:
            if src_uri in self.taken:
                return                  # its early line is Node's: compared in missed()
            self.pending.pop(src_uri, None)
        self._start()
        self.lines.put(line)

    def _run(self) -> None:
        while True:
            if self.pending:
                try:
                    line = self.lines.get_nowait()
                except queue.Empty:
                    self._write_early()
                    continue
            else:
                line = self.lines.get()
            if line is None:
                while self._write_early():
                    pass                # (a dirty build renders only some entries)
                return
            self._write(line)

    def _write_early(self) -> bool:
        with self.lock:
            if self.broken:
                self.pending.clear()    # Node has stopped (or was stopped): none to read
            if not self.pending:
                return False
            src_uri, make = self.pending.popitem()
            self.taken.add(src_uri)
        line = make()
        if line is None:
            self.unread = True
            return True
        self._write(line)
        self.early[src_uri] = Lines.digest_of(line)
        return True

    def _write(self, line: str) -> None:
        if not self.broken and not _write(self.process, line):
            self.broken = True          # Node stopped reading: _wait reports why

    def close(self) -> None:
        """Every line sent is written (or dropped, once Node has stopped reading)."""
        if self.thread is not None:
            self.lines.put(None)
            self.thread.join()
            self.thread = None

    def missed(self, rendered: Lines) -> bool:
        """After ``close``: an early line that is not the line this build rendered for
        the entry (an entry not rendered, in a dirty build, keeps the early one)."""
        if self.unread:
            return True
        for src_uri, digest in self.early.items():
            mine = rendered.each.setdefault(src_uri, digest)
            if mine != digest:
                return True
        return False


def _early_line(earlier: EarlierTexts, src_uri: str, doc: SearchDoc) -> str | None:
    """The entry's line with the text the last build indexed (None: its card is unread)."""
    text = earlier.text(src_uri)
    return None if text is None else doc.line(text)


def _write(process: subprocess.Popen[str], line: str) -> bool:
    """One line to the index builder; False once it has stopped reading."""
    try:
        if process.stdin is None:
            return False
        process.stdin.write(line + "\n")
        return True
    except (BrokenPipeError, OSError, ValueError):      # ValueError: stdin already closed
        return False
