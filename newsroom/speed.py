"""The one switch for every speed layer: ``NEWSROOM_FAST=0`` turns them all off.

The archive renders thousands of pages through layers that each do what plain
MkDocs does, faster. Each lives in one module, is keyed by value, and asks
``fast()`` before it acts; with the switch off the build takes the plain way
and must give the same bytes (tests/build/test_fast_paths.py compares them):

    render/shells.py        Material's chrome rendered once per page shape
    render/jinja_helpers.py a cached url filter, each card rendered once per depth,
                            templates compiled once per process
    render/converter.py     one Markdown converter per build; canonical URLs
                            without urljoin
    render/body_cache.py    entry bodies converted by earlier builds, kept in .cache/
                            by a digest of all they depend on
    render/line_break_cache.py  each text's Thai line-break pieces kept in .cache/
    render/marked_blocks.py a page's blocks kept with their line marks in .cache/,
                            by the block's text
    render/files.py         photo copies published as hard links to those in .cache/
    render/page_writer.py   a build's pages written by another process while the
                            next ones render
    render/preview.py       a preview's page files rewritten only when changed;
                            a page asked once whether it changed; feeds of
                            unchanged entries reused
    render/idle_gc.py       a preview's heap collected when the writer is idle
    render/quick_exit.py    a `mkdocs build` that succeeded ends without freeing its
                            heap (os._exit after flushing)
    plan/entry_pages.py     a preview re-plans only the entry pages whose inputs changed
    read/corpus.py          unchanged files not read again in a preview; the build's
                            reading and newsroom check on every core
    read/kept_entries.py    entries read by an earlier build or check kept in .cache/
                            by their file's bytes
    assets/photo_check.py   photo verdicts kept in .cache/ between runs
    assets/photos.py        photos encoded on every core
    search/indexer.py       a preview's entry texts kept for the next preview; the
                            entries' lines written to Node from a thread
    search/kept_index.py    the index of an earlier build published again when this
                            build's lines are its lines; else its unchanged entries'
                            texts sent to Node before the pages render
    model/slugs.py          romanisation with a trie of only the names' words
    model/words.py          each run of Thai letters segmented once per process, each
                            short text (title, label) cut into words once
"""

from __future__ import annotations

import os

SWITCH = "NEWSROOM_FAST"


def fast() -> bool:
    """False when NEWSROOM_FAST is 0, false, no or off."""
    return os.environ.get(SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")
