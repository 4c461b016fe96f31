"""Thai full-text search: Pagefind's static, chunked index, with Thai sub-words.

Two steps, both outside the browser:

- ``subwords`` (before pages are rendered): for each entry, the words that start
  inside longer Thai words (งบประมาณ in ปีงบประมาณ). Pagefind segments Thai with
  ICU and matches a query against the start of indexed words, so without these
  a reader's งบประมาณ misses every report that only says ปีงบประมาณ. The entry
  template puts them in an index-only element. Computed by thai_subwords.mjs with
  Node's ICU (Intl.Segmenter, the segmenter browsers and Pagefind use) and
  pythainlp's Thai word list.
- ``index_site`` (after the site is written): run Pagefind over it. Only entry
  pages carry ``data-pagefind-body``, so navigation, listings and chrome are left out.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pythainlp.corpus import corpus_path

from .archive import Archive
from .entry import Entry
from .frontend import node_modules

SUBWORDS_SCRIPT = Path(__file__).with_name("thai_subwords.mjs")
WORD_LIST = "words_th.txt"


class SearchToolMissing(RuntimeError):  # noqa: N818 (a RuntimeError the build reports)
    """Node or Pagefind is not installed; the message says how to install them."""


def _node() -> str:
    node = shutil.which("node")
    if not node:
        raise SearchToolMissing("Node.js is needed for the Thai search index:"
                                " run `make setup` (or apt-get install nodejs npm)")
    return node


def pagefind_binary(*roots: Path) -> Path:
    """node_modules/.bin/pagefind in the project, or next to this package."""
    candidate = node_modules(*roots) / ".bin" / "pagefind"
    if not candidate.exists():
        raise SearchToolMissing("Pagefind is not installed: run `make setup` (npm ci)")
    return candidate


def _run_chunk(texts: list[str]) -> list[str]:
    words = str(Path(corpus_path()) / WORD_LIST)
    result = subprocess.run([_node(), str(SUBWORDS_SCRIPT), words],
                            input=json.dumps(texts, ensure_ascii=False), capture_output=True,
                            text=True, encoding="utf-8", check=False)
    if result.returncode != 0:
        raise RuntimeError(f"thai_subwords.mjs failed: {result.stderr.strip()[-2000:]}")
    return json.loads(result.stdout)


def _run_subwords(texts: list[str]) -> list[str]:
    """Sub-words of each text, from Node processes running side by side (one a core)."""
    if not texts:
        return []
    workers = max(1, min(os.cpu_count() or 1, len(texts) // 500))
    size = -(-len(texts) // workers)
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    with ThreadPoolExecutor(max_workers=len(chunks)) as pool:
        return [words for chunk in pool.map(_run_chunk, chunks) for words in chunk]


def subwords(entries: list[Entry], cache: Path | None = None) -> dict[str, str]:
    """Index-only sub-words of each entry, by slug. With ``cache`` (a JSON file),
    only entries whose text changed since the last build go through Node."""
    texts = {e.slug: f"{e.title}\n{e.summary}\n{e.body}" for e in entries}
    keys = {slug: hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
            for slug, text in texts.items()}
    known: dict[str, str] = {}
    if cache and cache.is_file():
        try:
            known = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
    missing = sorted({keys[s] for s in texts if keys[s] not in known})
    if missing:
        text_of = {keys[s]: t for s, t in texts.items()}
        known.update(zip(missing, _run_subwords([text_of[k] for k in missing])))
        if cache:
            cache.parent.mkdir(parents=True, exist_ok=True)
            used = {k: known[k] for k in sorted(set(keys.values()))}
            partial = cache.with_suffix(".part")
            partial.write_text(json.dumps(used, ensure_ascii=False), encoding="utf-8")
            partial.replace(cache)
    return {slug: known[keys[slug]] for slug in texts}


FILTERS_FILE = "search-filters.json"


def filter_counts(archive: Archive) -> bytes:
    """The search box's province and year choices with their counts, as Pagefind
    would report them, in a small file: the browser need not load Pagefind's
    filter index before a reader actually filters."""
    data = {"province": {p.name_th: len(es) for p, es in archive.by_province.items()},
            "year": {str(y): len(es) for y, es in archive.by_year.items()}}
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _pagefind_command(site_dir: Path, project_root: Path) -> list[str]:
    # Only entry pages carry data-pagefind-body: reading the archive pages too
    # would cost time and memory for nothing.
    return [str(pagefind_binary(project_root)), "--site", str(site_dir), "--quiet",
            "--glob", "news/**/*.html"]


def index_site(site_dir: Path, project_root: Path) -> str:
    """Run Pagefind over the built site; returns its report."""
    result = subprocess.run(_pagefind_command(site_dir, project_root),
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


class BackgroundIndexer:
    """For previews: Pagefind runs after the pages are written, while the writer
    already sees them; a newer build stops an indexing that has not finished."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, site_dir: Path, project_root: Path) -> None:
        self.stop()
        self.process = subprocess.Popen(_pagefind_command(site_dir, project_root),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait()
        self.process = None
