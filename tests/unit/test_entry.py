"""Reading and checking one entry: every field, every kind of mistake."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from newsroom.read.corpus import load
from newsroom.read.entry import read_entry

GOOD = """\
title: ประชุมหารือแนวทางการขับเคลื่อนจังหวัดคุณธรรม
date: 2020-11-06
author: จักราชัย ทองเพ็ชร์
province: อุดรธานี
tags: [สมัชชาคุณธรรม, เครือข่ายทางสังคม]"""
BODY = "ศูนย์คุณธรรมร่วมประชุมหารือ ณ ศาลากลางจังหวัดอุดรธานี\n\nย่อหน้าที่สอง"


def entry_file(tmp_path: Path, front: str, body: str = BODY, name: str = "2020-11-06-udon.md",
               raw: bytes | None = None) -> Path:
    path = tmp_path / "news" / "2564" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text(f"---\n{front}\n---\n\n{body}\n", encoding="utf-8")
    return path


def read(tmp_path: Path, front: str = GOOD, **kw):
    return read_entry(entry_file(tmp_path, front, **kw), tmp_path)


def one_problem(tmp_path, front, **kw):
    entry, problems = read(tmp_path, front, **kw)
    assert entry is None
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_a_good_entry(tmp_path):
    entry, problems = read(tmp_path)
    assert problems == []
    assert entry.title == "ประชุมหารือแนวทางการขับเคลื่อนจังหวัดคุณธรรม"
    assert entry.published == datetime.fromisoformat("2020-11-06T00:00:00+07:00")
    assert entry.authors == ("จักราชัย ทองเพ็ชร์",)
    assert [p.slug for p in entry.provinces] == ["udon-thani"]
    assert entry.year == 2564                       # derived from the date
    assert entry.tags == ("สมัชชาคุณธรรม", "เครือข่ายทางสังคม")
    assert entry.slug == "2020-11-06-udon" and entry.url == "news/2020-11-06-udon/"
    assert entry.summary == "ศูนย์คุณธรรมร่วมประชุมหารือ ณ ศาลากลางจังหวัดอุดรธานี"
    assert entry.source == "news/2564/2020-11-06-udon.md"
    assert not entry.draft


def test_lists_aliases_and_times(tmp_path):
    front = GOOD.replace("author: จักราชัย ทองเพ็ชร์", "author: [ก ไก่, ข ไข่]").replace(
        "province: อุดรธานี", "province: [กทม., Udon Thani]").replace(
        "date: 2020-11-06", 'date: "2020-09-30 23:30"')
    entry, problems = read(tmp_path, front)
    assert problems == []
    assert entry.authors == ("ก ไก่", "ข ไข่")
    assert [p.slug for p in entry.provinces] == ["bangkok", "udon-thani"]
    assert entry.year == 2563 and entry.published.hour == 23


def test_explicit_year_is_kept(tmp_path):
    entry, _ = read(tmp_path, GOOD + "\nyear: 2564")
    assert entry.year == 2564


@pytest.mark.parametrize("change, line, field, words", [
    (("province: อุดรธานี", "province: อุดร"), 5, "province", "did you mean อุดรธานี?"),
    (("province: อุดรธานี", "province: [อุดรธานี, นาน]"), 5, "province", "did you mean น่าน?"),
    (("province: อุดรธานี", "province: [อุดรธานี, Udon Thani]"), 5, "province", "listed twice"),
    (("province: อุดรธานี", "province:"), 5, "province", "is empty"),
    (("date: 2020-11-06", "date: 2563-11-06"), 3, "date", "2020-11-06"),
    (("date: 2020-11-06", "date: 6 พ.ย. 63"), 3, "date", "write date: 2020-11-06"),
    (("date: 2020-11-06", "date: 2020/11/06"), 3, "date", "YYYY-MM-DD"),
    (("date: 2020-11-06", "date: 2020-02-30"), 3, "date", "not a date"),
    (("date: 2020-11-06", "date: 1800-01-01"), 3, "date", "outside the archive"),
    (("title: ประชุมหารือแนวทางการขับเคลื่อนจังหวัดคุณธรรม", "title: [a, b]"), 2, "title",
     "must be text"),
    (("title: ประชุมหารือแนวทางการขับเคลื่อนจังหวัดคุณธรรม", "title: ''"), 2, "title", "is empty"),
    (("author: จักราชัย ทองเพ็ชร์", "author: {name: x}"), 4, "author", "must be text"),
    (("tags: [สมัชชาคุณธรรม, เครือข่ายทางสังคม]", "tags: {a: 1}"), 6, "tags", "must be a list"),
    (("tags: [สมัชชาคุณธรรม, เครือข่ายทางสังคม]", "tagz: [a]"), 6, "tagz", "did you mean tags?"),
])
def test_each_mistake_names_line_and_field(tmp_path, change, line, field, words):
    p = one_problem(tmp_path, GOOD.replace(*change))
    assert (p.path, p.line, p.field) == ("news/2564/2020-11-06-udon.md", line, field), str(p)
    assert words in p.message
    assert str(p).startswith(f"news/2564/2020-11-06-udon.md:{line}: {field}: ")


def test_ce_year_names_the_be_year(tmp_path):
    p = one_problem(tmp_path, GOOD + "\nyear: 2021")
    assert (p.field, p.line) == ("year", 7)
    assert "CE year" in p.message and "year: 2564" in p.message


def test_year_far_from_the_date(tmp_path):
    p = one_problem(tmp_path, GOOD + "\nyear: 2570")
    assert p.field == "year" and "2564" in p.message


@pytest.mark.parametrize("field", ["title", "date", "author", "province"])
def test_missing_required_fields(tmp_path, field):
    front = "\n".join(l for l in GOOD.splitlines() if not l.startswith(field + ":"))
    p = one_problem(tmp_path, front)
    assert p.field == field and "is missing" in p.message


def test_all_problems_of_a_file_at_once(tmp_path):
    front = GOOD.replace("อุดรธานี", "อุดร").replace("2020-11-06", "2563-11-06") + "\nyear: 2021"
    _, problems = read(tmp_path, front)
    assert [p.field for p in problems] == ["date", "province", "year"]


@pytest.mark.parametrize("raw, words", [
    (b"", "empty"),
    (b"title: x\n\nbody", "no front matter"),
    (b"---\ntitle: x\ndate: 2020-11-06\n\nbody", "not closed"),
    (b"---\n- a\n- b\n---\nbody", "must be fields"),
    (b"---\ntitle: [unclosed\n---\nbody", "not valid YAML"),
    ("---\ntitle: ข่าว\n---\n".encode("cp874"), "TIS-620/cp874"),
])
def test_broken_files(tmp_path, raw, words):
    entry, problems = read(tmp_path, raw=raw)
    assert entry is None and len(problems) == 1
    assert words in problems[0].message
    assert problems[0].path == "news/2564/2020-11-06-udon.md"


def test_bom_and_crlf_are_read_normally(tmp_path):
    raw = ("\ufeff---\r\n" + GOOD.replace("\n", "\r\n") + "\r\n---\r\n\r\n" + BODY + "\r\n")
    entry, problems = read(tmp_path, raw=raw.encode("utf-8"))
    assert problems == [] and entry.title.startswith("ประชุม")


def test_photos_must_exist_and_stay_beside_the_entry(tmp_path):
    front = GOOD + "\nphotographer: ช่างภาพ\nimage: cover.jpg"
    body = "ข้อความ\n\n![ภาพ](../../../secret.jpg)\n\n![ภาพ](/etc/passwd)"
    _, problems = read(tmp_path, front, body=body)
    by_field = {(p.field, p.line) for p in problems}
    assert ("image", 8) in by_field
    assert ("body", 13) in by_field and ("body", 15) in by_field


def test_photos_need_a_photographer(tmp_path):
    path = entry_file(tmp_path, GOOD + "\nimage: cover.jpg")
    (path.parent / "cover.jpg").write_bytes(b"jpg")
    entry, problems = read_entry(path, tmp_path)
    assert [p.field for p in problems] == ["photographer"]


def test_photo_bundle(tmp_path):
    path = entry_file(tmp_path, GOOD + "\nphotographer: ช่างภาพ\nimage: cover.jpg",
                      body="ข้อความ\n\n![ภาพ](photo-1.jpg)", name="2020-11-06-bundle/index.md")
    (path.parent / "cover.jpg").write_bytes(b"jpg")
    (path.parent / "photo-1.jpg").write_bytes(b"jpg")
    entry, problems = read_entry(path, tmp_path)
    assert problems == []
    assert entry.slug == "2020-11-06-bundle"
    assert [p.target for p in entry.photos] == ["cover.jpg", "photo-1.jpg"]


def test_thai_file_name_needs_a_slug(tmp_path):
    p = one_problem(tmp_path, GOOD, name="ประชุม.md")
    assert p.field == "slug" and "ASCII" in p.message
    entry, problems = read(tmp_path, GOOD + "\nslug: udon-meeting", name="ประชุม2.md")
    assert problems == [] and entry.url == "news/udon-meeting/"


def test_bad_slug(tmp_path):
    p = one_problem(tmp_path, GOOD + "\nslug: ../../etc")
    assert p.field == "slug"


def test_draft_must_be_boolean(tmp_path):
    p = one_problem(tmp_path, GOOD + "\ndraft: maybe")
    assert p.field == "draft"


def test_two_entries_with_one_url_are_both_named(tmp_path):
    entry_file(tmp_path, GOOD, name="a/2020-11-06-udon.md")
    entry_file(tmp_path, GOOD, name="b/2020-11-06-UDON.md")
    corpus = load(tmp_path)
    assert len(corpus.problems) == 2
    texts = " ".join(str(p) for p in corpus.problems)
    assert "news/2564/a/2020-11-06-udon.md" in texts and "news/2564/b/2020-11-06-UDON.md" in texts


def test_drafts_are_left_out_unless_asked(tmp_path):
    entry_file(tmp_path, GOOD + "\ndraft: true")
    assert load(tmp_path).entries == [] and len(load(tmp_path).drafts) == 1
    assert len(load(tmp_path, include_drafts=True).entries) == 1


def test_entry_cache_rereads_only_changed_files(tmp_path):
    import os
    from newsroom.read.corpus import EntryCache
    path = entry_file(tmp_path, GOOD)
    cache = EntryCache()
    first, _ = cache.read(path, tmp_path, tmp_path / "news")
    assert cache.read(path, tmp_path, tmp_path / "news")[0] is first
    path.write_text(path.read_text(encoding="utf-8").replace("ประชุมหารือ", "ประชุมใหญ่"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    second, _ = cache.read(path, tmp_path, tmp_path / "news")
    assert second is not first and second.title.startswith("ประชุมใหญ่")


def test_a_file_s_slug_is_one_rule_for_check_the_editor_and_the_preview(tmp_path):
    """news/2564/X_y z.md is the entry x-y-z wherever its slug is asked for."""
    from newsroom.editor.rules import taken_slugs
    from newsroom.plan.problem_pages import entry_page_of
    from newsroom.read.entry import read_entry
    path = entry_file(tmp_path, GOOD, name="2020-11-06_Udon thani.md")
    entry, problems = read_entry(path, tmp_path)
    assert problems == [] and entry.slug == "2020-11-06-udon-thani"
    assert list(taken_slugs(tmp_path / "news", [], tmp_path)) == [entry.slug]
    assert entry_page_of("news/2564/2020-11-06_Udon thani.md") == f"news/{entry.slug}/index.md"
