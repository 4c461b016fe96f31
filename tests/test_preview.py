"""Previews: a dirty build after one edit re-renders the pages the edit touches, and only those."""

from __future__ import annotations

import time
from pathlib import Path

from bench.generate import generate
from newsroom.corpus import load

from conftest import make_project, mkdocs
from index_reader import SearchIndex


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
        html = (root / "site" / "provinces" / p.slug / "index.html").read_text(encoding="utf-8")
        page = 1
        while "หัวข้อใหม่ทดสอบการแสดงตัวอย่าง" not in html:
            page += 1
            html = (root / "site" / "provinces" / p.slug / "page" / str(page) / "index.html"
                    ).read_text(encoding="utf-8")
    year = (root / "site" / "years" / str(entry.year))
    assert any("หัวข้อใหม่ทดสอบการแสดงตัวอย่าง" in f.read_text(encoding="utf-8")
               for f in year.rglob("index.html"))
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
