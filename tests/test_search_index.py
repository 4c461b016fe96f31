"""The build side of search: Thai sub-words (no browser needed)."""

from __future__ import annotations

from newsroom import search
from newsroom.entry import read_entry

from conftest import write_entry


def entry(root, body: str, name: str = "2020-11-06-a.md"):
    path = write_entry(root, f"2564/{name}", "title: ข่าว\ndate: 2020-11-06\nauthor: ก\nprovince: น่าน",
                       body=body)
    e, problems = read_entry(path, root)
    assert not problems
    return e


def test_words_inside_compounds_become_index_words(tmp_path):
    e = entry(tmp_path, "ได้รับงบประมาณปีงบประมาณ 2564 ณ ศาลากลางจังหวัดอุดรธานี")
    words = search.subwords([e])[e.slug].split()
    assert "งบประมาณ" in words and "ประมาณ" in words


def test_unchanged_entries_are_not_segmented_again(tmp_path, monkeypatch):
    cache = tmp_path / "cache.json"
    a = entry(tmp_path, "ปีงบประมาณ 2564", "2020-11-06-a.md")
    first = search.subwords([a], cache)
    calls = []
    real = search._run_subwords
    monkeypatch.setattr(search, "_run_subwords", lambda texts: calls.append(texts) or real(texts))
    assert search.subwords([a], cache) == first and calls == []
    b = entry(tmp_path, "ผู้ว่าราชการจังหวัด", "2020-11-06-b.md")
    search.subwords([a, b], cache)
    assert len(calls) == 1 and len(calls[0]) == 1


def test_filter_choices_file_matches_the_archive(sample_site):
    import json
    from collections import Counter
    from conftest import ROOT
    from newsroom.corpus import load
    entries = load(ROOT).entries
    data = json.loads((sample_site.site / "search-filters.json").read_text(encoding="utf-8"))
    assert data["province"] == dict(Counter(p.name_th for e in entries for p in e.provinces))
    assert data["year"] == {str(y): n for y, n in Counter(e.year for e in entries).items()}
    # Pagefind indexed entry pages only
    assert (sample_site.site / "pagefind" / "pagefind-entry.json").is_file()
    assert len(list((sample_site.site / "pagefind" / "fragment").iterdir())) == len(entries)
