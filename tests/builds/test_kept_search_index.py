"""The search index kept in .cache/search/ (newsroom/search/kept_index.py): a build whose
entries' lines are the kept index's publishes it (the same bytes, as links to the kept
files); one whose lines differ, or whose kept files are damaged, has Node build it."""

from __future__ import annotations

import json
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
