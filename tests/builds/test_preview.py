"""Previews: a dirty build after one edit re-renders the pages the edit touches, and only those."""

from __future__ import annotations

import gc
import time
import weakref
from pathlib import Path

from bs4 import BeautifulSoup

from bench.generate import generate
from newsroom.read.corpus import load
from newsroom.render import line_break_cache, marked_blocks
from newsroom.render.idle_gc import MAX_FROZEN, IdleCollector
from newsroom.search.indexer import discard, discarded

from tests.helpers import make_project, mkdocs
from tests.search_index_reader import SearchIndex


def shown(page: Path) -> str:
    """A page's text as a reader sees it (Thai words come in nowrap spans)."""
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text()


def stamps(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def test_one_edit_rebuilds_its_pages_and_keeps_archives_right(tmp_path):
    root = make_project(tmp_path / "preview")
    generate(root, 120, seed=5)
    first = mkdocs(root, "build", "--dirty")
    assert first.returncode == 0, first.stderr
    before = stamps(root / "site")
    entry = load(root).entries[40]
    time.sleep(1.1)
    text = entry.path.read_text(encoding="utf-8")
    entry.path.write_text(text.replace(entry.title, "หัวข้อใหม่ทดสอบการแสดงตัวอย่าง"), encoding="utf-8")
    second = mkdocs(root, "build", "--dirty")
    assert second.returncode == 0, second.stderr
    after = stamps(root / "site")
    changed = {k for k in after if after[k] != before.get(k)}
    assert f"{entry.url}index.html" in changed
    assert len(changed) < len(after) / 4, (len(changed), len(after))
    for p in entry.provinces:                       # the archives show the new title
        html = shown(root / "site" / "provinces" / p.slug / "index.html")
        page = 1
        while "หัวข้อใหม่ทดสอบการแสดงตัวอย่าง" not in html:
            page += 1
            html = shown(root / "site" / "provinces" / p.slug / "page" / str(page) / "index.html")
    year = (root / "site" / "years" / str(entry.year))
    assert any("หัวข้อใหม่ทดสอบการแสดงตัวอย่าง" in shown(f) for f in year.rglob("index.html"))
    # The search index covers every entry: the edited one with its new title, the
    # ones this build did not render with the text already in site/.
    entries = load(root).entries
    index = SearchIndex(root / "site")
    assert index.manifest["docs"] == len(entries)
    edited = next(i for i, e in enumerate(entries) if e.slug == entry.slug)
    assert index.card(edited)["t"] == "หัวข้อใหม่ทดสอบการแสดงตัวอย่าง"
    assert edited in index.candidates("หัวข้อใหม่ทดสอบ")
    other = entries[3]
    word = other.body.split()[5]
    assert 3 in index.candidates(word) and index.card(3)["x"]


def test_a_preview_in_one_process_replans_only_what_an_edit_changes(tmp_path, monkeypatch,
                                                                    request):
    """As `make serve` rebuilds: hooks loaded once, entry pages of the last plan reused
    unless something they show changed. A new title must still reach the pages that
    name the edited entry: its neighbours' links and the cards of related entries."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    import newsroom.plan.entry_pages

    root = make_project(tmp_path / "serve")
    site = tmp_path / "out" / "site"        # as `mkdocs serve` builds: outside the project
    generate(root, 150, seed=9)
    planned: list[str] = []
    collectors: list[IdleCollector] = []
    request.addfinalizer(lambda: _quiet(collectors))
    plan_one = newsroom.plan.entry_pages.entry_page       # what the preview memo calls
    monkeypatch.setattr(newsroom.plan.entry_pages, "entry_page",
                        lambda inputs: planned.append(inputs.entry.slug) or plan_one(inputs))

    def preview() -> None:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)
        hook = next(p for name, p in config.plugins.items() if name.endswith("newsroom.py"))
        collectors.append(hook._hooks.collector)

    preview()
    entries = load(root).entries
    assert len(planned) == len(entries)
    edited = entries[60]
    province = edited.provinces[0]
    same_province = [e for e in entries if province in e.provinces]
    at = same_province.index(edited)
    newer, older = same_province[at - 1], same_province[at + 1]
    time.sleep(1.1)
    text = edited.path.read_text(encoding="utf-8")
    edited.path.write_text(text.replace(edited.title, "หัวข้อแก้ในตัวอย่าง"), encoding="utf-8")
    planned.clear()
    # what an indexing stopped by a newer save leaves: moved out of site/ by the next build
    leftover = site / "search.new-4242"
    (leftover / "d").mkdir(parents=True)
    for i in range(50):
        (leftover / "d" / f"{i}.bin").write_bytes(b"card")
    preview()
    assert not leftover.exists()
    for _ in range(100):                # a niced rm deletes it once the pages are written
        if not discarded(site):
            break
        time.sleep(0.1)
    assert discarded(site) == []
    assert edited.slug in planned and newer.slug in planned and older.slug in planned
    assert len(planned) < len(entries) / 3, len(planned)
    for neighbour in (newer, older):
        assert "หัวข้อแก้ในตัวอย่าง" in shown(site / neighbour.url / "index.html"), neighbour.slug
    mentions = [e for e in entries if e is not edited and "หัวข้อแก้ในตัวอย่าง" in
                shown(site / e.url / "index.html")]
    assert {newer.slug, older.slug} <= {e.slug for e in mentions}
    assert all(e.slug in planned for e in mentions)
    assert edited.title not in shown(site / newer.url / "index.html")
    # feeds are kept between previews only while their entries are equal
    feed = (site / "provinces" / province.slug / "feed.xml").read_text(encoding="utf-8")
    assert "หัวข้อแก้ในตัวอย่าง" in feed and edited.title not in feed
    # a preview reads the kept blocks and pieces, never writes them (the build does)
    assert not (root / marked_blocks.FOLDER).exists()
    assert not (root / line_break_cache.FOLDER).exists()


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _quiet(collectors: list[IdleCollector]) -> None:
    """The serve builds above ran in this process: stop their collector's timer."""
    for collector in collectors:
        collector.build_starting()
    gc.unfreeze()


def test_a_stopped_indexings_folder_leaves_site_at_once(tmp_path):
    site = tmp_path / "site"
    for name in ("search.new-1", "search.new-2"):
        (site / name / "d").mkdir(parents=True)
        (site / name / "d" / "0.bin").write_bytes(b"card")
    discard([site / "search.new-1"], site, later=True)      # a preview: moved beside site/
    (moved,) = discarded(site)
    assert (moved / "d" / "0.bin").read_bytes() == b"card" and moved.parent == tmp_path
    discard([site / "search.new-2"], site, later=False)     # a full build: deleted
    assert sorted(p.name for p in site.iterdir()) == []
    assert discarded(site) == [moved]


def test_previews_leave_the_cycle_collector_to_an_idle_moment():
    """After a preview build the heap is frozen, so a collection inside the next build
    does not walk everything `serve` keeps; the writer's first idle moment unfreezes
    and collects, so the last build's cyclic garbage is freed, not kept."""
    gc.disable()
    try:
        freed: list[int] = []
        cycle = _Cycle()
        weakref.finalize(cycle, freed.append, 1)
        del cycle
        collector = IdleCollector(delay=0.2)
        collector.build_starting()
        collector.build_done()
        assert gc.get_freeze_count() > 0
        gc.collect()
        assert freed == []                          # frozen: a build's collections skip it
        assert collector.timer is not None
        collector.timer.join(10)
        assert collector.collections == 1 and freed == [1]
        collector.build_done()
        timer = collector.timer
        collector.build_starting()                  # a save before the idle moment
        assert timer is not None and timer.finished.is_set()      # cancelled
        timer.join(10)
        assert collector.collections == 1
    finally:
        gc.unfreeze()
        gc.enable()


def test_saves_without_a_pause_still_free_their_garbage():
    gc.disable()
    try:
        collector = IdleCollector(delay=60)
        freed: list[int] = []
        for n in range(MAX_FROZEN):
            collector.build_starting()
            cycle = _Cycle()
            weakref.finalize(cycle, freed.append, n)
            del cycle
            collector.build_done()
        assert collector.collections == 1 and freed == list(range(MAX_FROZEN))
        collector.build_starting()
    finally:
        gc.unfreeze()
        gc.enable()
