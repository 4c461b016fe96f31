"""The search index kept in .cache/search/ (newsroom/search/kept_index.py): a build whose
entries' lines are the kept index's publishes it (the same bytes, as links to the kept
files); one whose lines differ, or whose kept files are damaged, has Node build it."""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.helpers import ROOT, make_project, mkdocs, site_files, write_entry


def _build(root: Path) -> None:
    done = mkdocs(root, "build", "--strict")
    assert done.returncode == 0, done.stderr


def _kept(root: Path) -> Path:
    folders = [p for p in (root / ".cache" / "search").iterdir() if p.is_dir()]
    assert len(folders) == 1            # only the last build's index is kept
    return folders[0]


def _index(root: Path) -> dict[str, bytes]:
    return site_files(root / "site" / "search")


def _linked_to_kept(root: Path) -> bool:
    kept = {p.stat().st_ino for p in _kept(root).rglob("*") if p.is_file()}
    files = [p for p in (root / "site" / "search").rglob("*") if p.is_file()]
    return bool(files) and all(p.stat().st_ino in kept for p in files)


def test_an_unchanged_archive_publishes_the_kept_index(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "p", ROOT / "news")
    _build(root)
    first = _index(root)
    assert "index.json" in first and len(first) > 20
    kept = _kept(root)
    assert json.loads((kept / "kept.json").read_text())["lines"]
    assert not (kept / "kept.json").relative_to(kept).as_posix() in first   # never published
    stamp = (kept / "index.json").stat().st_mtime_ns

    _build(root)
    assert _index(root) == first
    assert _linked_to_kept(root)
    assert (kept / "index.json").stat().st_mtime_ns == stamp     # Node wrote nothing


def test_a_new_entry_is_indexed_and_kept_anew(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "p", ROOT / "news")
    _build(root)
    before = json.loads((root / "site" / "search" / "index.json").read_text())["docs"]
    old = _kept(root)
    write_entry(root, "2566/2023-03-01-kept-index.md",
                "title: ข่าวใหม่ของดัชนี\ndate: 2023-03-01\nauthor: สมชาย\nprovince: น่าน")
    _build(root)
    assert json.loads((root / "site" / "search" / "index.json").read_text())["docs"] == before + 1
    assert _kept(root) != old and not old.exists()


def test_a_kept_index_whose_lines_differ_is_built_again(tmp_path, monkeypatch):
    """A prediction that missed (the same key, other lines): the kept files, damaged
    here at their own sizes, are not published; Node builds the index."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "p", ROOT / "news")
    _build(root)
    first = _index(root)
    kept = _kept(root)
    meta = json.loads((kept / "kept.json").read_text())
    (kept / "kept.json").write_text(json.dumps({**meta, "lines": "0" * 64}))
    for name in ("index.json", "i/0.bin"):
        size = (kept / name).stat().st_size
        (kept / name).unlink()                      # (linked to the site: a new file)
        (kept / name).write_bytes(b"x" * size)
    _build(root)
    assert _index(root) == first
    assert json.loads((_kept(root) / "kept.json").read_text())["lines"] == meta["lines"]


def test_a_truncated_kept_index_is_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "p", ROOT / "news")
    _build(root)
    first = _index(root)
    kept = _kept(root)
    data = (kept / "index.json").read_bytes()
    (kept / "index.json").unlink()
    (kept / "index.json").write_bytes(data[: len(data) // 2])
    _build(root)
    assert _index(root) == first


def test_no_index_is_kept_with_the_speed_layers_off(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("NEWSROOM_FAST", "0")
    root = make_project(tmp_path / "p", ROOT / "news")
    _build(root)
    assert (root / "site" / "search" / "index.json").is_file()
    assert not (root / ".cache" / "search").exists()


# The last build's texts sent to Node before the pages render (indexer.py _Feeder), with
# the indexer driven as the hooks drive it, and Node.

from newsroom.model import paths                                    # noqa: E402
from newsroom.search.documents import BODY_END, BODY_START, SearchDoc   # noqa: E402
from newsroom.search.indexer import SearchIndexer                   # noqa: E402
from newsroom.search.kept_index import KeptIndex                    # noqa: E402

TEXTS = {f"e{i}": f"ข่าวที่ {i} การประชุมคุณธรรมจังหวัดน่าน ครั้งที่ {i}" for i in range(6)}


def _docs(names: list[str]) -> dict[str, SearchDoc]:
    return {paths.entry(name): SearchDoc(id=i, url=f"news/{name}/", title=f"ข่าว {name}",
                                         date="6 พฤศจิกายน 2563", provinces=(("น่าน", "nan"),),
                                         year=2564, source=f"body-{name}")
            for i, name in enumerate(names)}


def _index_once(root: Path, site: Path, names: list[str], texts: dict[str, str],
                kept: bool = True) -> tuple[SearchIndexer, set[str]]:
    """One build's indexing: pages written as MkDocs writes them, each added as rendered."""
    docs = _docs(names)
    for src_uri, doc in docs.items():
        page = site / paths.page_file(src_uri)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<html>{BODY_START}<p>{texts[src_uri.split('/')[1]]}</p>{BODY_END}",
                        encoding="utf-8")
    indexer = SearchIndexer()
    keep = KeptIndex.for_build(root, ["code"], docs, "[]") if kept else None
    indexer.start(site / "search", docs, root, kept=keep)
    feeder = indexer.feeder
    deadline = time.monotonic() + 30        # (the hooks render pages seconds later)
    while feeder is not None and feeder.pending and time.monotonic() < deadline:
        time.sleep(0.01)
    for src_uri in docs:
        indexer.add(src_uri, f"<p>{texts[src_uri.split('/')[1]]}</p>")
    indexer.finish(site)
    return indexer, set(feeder.early) if feeder is not None else set()


def test_a_build_that_adds_an_entry_sends_the_others_texts_before_rendering(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    _index_once(root, tmp_path / "site1", ["e0", "e1", "e2"], TEXTS)
    _, early = _index_once(root, tmp_path / "site2", ["e0", "e1", "e2", "e3"], TEXTS)
    assert early == {paths.entry(n) for n in ("e0", "e1", "e2")}
    (tmp_path / "fresh").mkdir()
    _index_once(tmp_path / "fresh", tmp_path / "site3", ["e0", "e1", "e2", "e3"], TEXTS,
                kept=False)
    assert site_files(tmp_path / "site2" / "search") == site_files(tmp_path / "site3" / "search")


def test_an_early_text_that_is_not_the_rendered_one_is_indexed_again(tmp_path):
    """The same body digest, another text (what a new converter would render): the
    early line is not the rendered one, and Node reads every page again."""
    root = tmp_path / "p"
    root.mkdir()
    _index_once(root, tmp_path / "site1", ["e0", "e1", "e2"], TEXTS)
    changed = {**TEXTS, "e1": "ข้อความที่เปลี่ยนไป ลำปาง"}
    _, early = _index_once(root, tmp_path / "site2", ["e0", "e1", "e2", "e3"], changed)
    assert early                        # sent, then found not to be the rendered text
    (tmp_path / "fresh").mkdir()
    _index_once(tmp_path / "fresh", tmp_path / "site3", ["e0", "e1", "e2", "e3"], changed,
                kept=False)
    assert site_files(tmp_path / "site2" / "search") == site_files(tmp_path / "site3" / "search")
    assert [p.name for p in (tmp_path / "site2").glob("search*")] == ["search"]   # none left


def test_unchanged_cards_are_linked_from_the_last_index_under_their_new_ids(tmp_path):
    """An entry dated before the others moves every id by one: the other cards are the
    last build's files (the same inode), the new one is written, and the index is the
    one a build without a kept index writes, byte for byte."""
    root = tmp_path / "p"
    root.mkdir()
    texts = {**TEXTS, "a0": "ข่าวใหม่ที่มาก่อน เชียงราย"}
    _index_once(root, tmp_path / "site1", ["e0", "e1", "e2"], texts)
    first = {i: (tmp_path / "site1" / "search" / "d" / f"{i}.bin").stat().st_ino for i in range(3)}
    _index_once(root, tmp_path / "site2", ["a0", "e0", "e1", "e2"], texts)
    cards = tmp_path / "site2" / "search" / "d"
    assert [(cards / f"{i + 1}.bin").stat().st_ino for i in range(3)] == list(first.values())
    assert (cards / "0.bin").stat().st_ino not in first.values()
    (tmp_path / "fresh").mkdir()
    _index_once(tmp_path / "fresh", tmp_path / "site3", ["a0", "e0", "e1", "e2"], texts,
                kept=False)
    assert site_files(tmp_path / "site2" / "search") == site_files(tmp_path / "site3" / "search")


def test_a_truncated_earlier_card_is_written_anew(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    _index_once(root, tmp_path / "site1", ["e0", "e1", "e2"], TEXTS)
    kept_card = _kept(root) / "d" / "1.bin"
    kept_card.write_bytes(kept_card.read_bytes()[:7])      # (the site's card too: one file)
    _index_once(root, tmp_path / "site2", ["e0", "e1", "e2", "e3"], TEXTS)
    (tmp_path / "fresh").mkdir()
    _index_once(tmp_path / "fresh", tmp_path / "site3", ["e0", "e1", "e2", "e3"], TEXTS,
                kept=False)
    assert site_files(tmp_path / "site2" / "search") == site_files(tmp_path / "site3" / "search")
