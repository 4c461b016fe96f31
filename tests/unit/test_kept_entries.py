"""Entries kept in .cache/entries/ between runs (read/kept_entries.py): a run that takes
them gives what reading the files gives, and anything they depend on that changed
(the file, a photo, a linked file, a link on the way, the cache file) reads again."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from newsroom.assets.photo_check import PhotoVerdicts
from newsroom.read.corpus import check, entry_files, load
from newsroom.read.entry import read_entry
from newsroom.read.kept_entries import FOLDER, KeptEntries
from tests.helpers import ROOT, kept_file, newsroom, rewrite_kept

LINKING = """---
title: ต่อยอดการประชุมสมัชชาคุณธรรม
date: 2021-01-08
author: สมศรี ใจดี
photographer: สมชาย ถ่ายภาพ
province: นครศรีธรรมราช
tags: [สมัชชาคุณธรรม]
---

ต่อจาก[การประชุมครั้งก่อน](../2020-12-17-nakhon-si-thammarat-moral-assembly/index.md#ช่วงบ่าย)
ที่ศาลากลางจังหวัด

![ผู้เข้าร่วม](room.jpg)
"""
ASSEMBLY = "news/2564/2020-12-17-nakhon-si-thammarat-moral-assembly"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """The sample news, and an entry with a photo of its own and a link to another's file."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "news", root / "news")
    folder = root / "news" / "2564" / "2021-01-08-follow-up"
    folder.mkdir()
    (folder / "index.md").write_text(LINKING, encoding="utf-8")
    shutil.copy(root / ASSEMBLY / "photo-1.jpg", folder / "room.jpg")
    return root.resolve()


def _load(root: Path, kept: KeptEntries | None):
    return load(root, verdicts=PhotoVerdicts(), kept=kept)


def _kept(root: Path) -> KeptEntries:
    return KeptEntries(root, root / "news", on=True)


class Run:
    """What a run read anew (``new``), took from the file (``used``), and then kept."""

    def __init__(self, kept: KeptEntries) -> None:
        self.new, self.used = set(kept.new), set(kept.used)
        kept.save(full=True)
        self.kept = set(kept.kept)


def _reread(root: Path) -> tuple[list, list, Run]:
    """A run with the entries kept by the run before, and what it took from them."""
    kept = _kept(root)
    corpus = _load(root, kept)
    return corpus.entries, corpus.problems, Run(kept)


def test_kept_entries_are_the_entries_reading_gives(project):
    plain = _load(project, None)
    assert plain.problems == [] and len(plain.entries) == 31
    first = _kept(project)
    assert _load(project, first).entries == plain.entries
    assert len(first.new) == 31 and first.used == set()
    first.save(full=True)
    entries, problems, second = _reread(project)
    assert problems == [] and entries == plain.entries
    assert len(second.used) == 31 and second.new == set()
    follow = next(e for e in entries if e.slug == "2021-01-08-follow-up")
    assert [p.target for p in follow.photos] == ["room.jpg"]
    assert follow.links[0].target == project / ASSEMBLY / "index.md"
    assert follow.body == read_entry(follow.path, project)[0].body


def test_a_changed_file_is_read_again(project):
    _reread(project)
    path = project / "news" / "2564" / "2021-01-08-follow-up" / "index.md"
    path.write_text(LINKING.replace("ต่อยอด", "ขยายผล"), encoding="utf-8")
    entries, _, kept = _reread(project)
    assert "news/2564/2021-01-08-follow-up/index.md" in kept.new
    assert next(e for e in entries if e.slug == "2021-01-08-follow-up").title.startswith("ขยายผล")


def test_a_photo_gone_or_a_linked_file_gone_is_a_problem_again(project):
    _reread(project)
    (project / "news" / "2564" / "2021-01-08-follow-up" / "room.jpg").unlink()
    _, problems, _ = _reread(project)
    assert [(p.path, p.field) for p in problems] == [
        ("news/2564/2021-01-08-follow-up/index.md", "body")]
    shutil.copy(project / ASSEMBLY / "photo-1.jpg",
                project / "news" / "2564" / "2021-01-08-follow-up" / "room.jpg")
    (project / ASSEMBLY / "index.md").rename(project / ASSEMBLY / "moved.md")
    _, problems, _ = _reread(project)
    assert ("news/2564/2021-01-08-follow-up/index.md", "body") in [(p.path, p.field)
                                                                   for p in problems]


def test_a_link_on_the_way_to_a_photo_reads_the_file_again(project, tmp_path):
    """The entry's folder turned into a link to a folder outside news/, same files: the
    entry is read (and its photo found outside news/), not taken from the file."""
    _reread(project)
    folder = project / "news" / "2564" / "2021-01-08-follow-up"
    outside = tmp_path / "outside"
    shutil.copytree(folder, outside)
    shutil.rmtree(folder)
    folder.symlink_to(outside, target_is_directory=True)
    kept = _kept(project)
    assert "news/2564/2021-01-08-follow-up/index.md" in kept.kept
    found = kept.read(folder / "index.md", project, project / "news")
    assert found == read_entry(folder / "index.md", project)
    assert found[1] and kept.used == set()


def test_a_photo_linked_to_a_file_inside_news_is_read_each_time(project):
    """A photo that is a link to another entry's photo is one the site may show
    (reading resolves it inside news/), but it is not kept: the link may change."""
    photo = project / "news" / "2564" / "2021-01-08-follow-up" / "room.jpg"
    photo.unlink()
    photo.symlink_to(project / ASSEMBLY / "photo-2.jpg")
    entries, problems, first = _reread(project)
    assert problems == [] and "news/2564/2021-01-08-follow-up/index.md" not in first.kept
    _, _, second = _reread(project)
    assert "news/2564/2021-01-08-follow-up/index.md" not in second.used
    assert _load(project, None).entries == entries


def test_a_photo_that_became_a_link_is_checked_as_reading_checks_it(project, tmp_path):
    _reread(project)
    photo = project / "news" / "2564" / "2021-01-08-follow-up" / "room.jpg"
    secret = tmp_path / "elsewhere.jpg"
    shutil.copy(photo, secret)
    photo.unlink()
    photo.symlink_to(secret)
    entries, problems, kept = _reread(project)
    assert [(p.path, p.field) for p in problems] == [
        ("news/2564/2021-01-08-follow-up/index.md", "body")]
    assert problems == _load(project, None).problems


def test_a_file_with_problems_is_never_kept(project):
    path = project / "news" / "2564" / "2021-01-08-follow-up" / "index.md"
    path.write_text(LINKING.replace("นครศรีธรรมราช", "นครศรี"), encoding="utf-8")
    _reread(project)
    entries, problems, kept = _reread(project)
    assert [p.field for p in problems] == ["province"]
    assert "news/2564/2021-01-08-follow-up/index.md" not in kept.kept


@pytest.mark.parametrize("damage", ["truncate", "foreign", "tamper", "garbage"])
def test_a_damaged_or_foreign_cache_file_is_not_trusted(project, damage):
    _reread(project)
    [file] = (project / FOLDER).glob("*.json")
    text = file.read_text(encoding="utf-8")
    head, _, payload = text.partition("\n")
    if damage == "truncate":
        file.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "foreign":
        file.write_text(json.dumps({**json.loads(head), "key": "0" * 64}) + "\n" + payload,
                        encoding="utf-8")
    elif damage == "tamper":                     # a title changed, the checksum not
        file.write_text(head + "\n" + payload.replace("ต่อยอด", "ปลอม"), encoding="utf-8")
    else:
        file.write_bytes(b"\xff\x00 not json")
    kept = _kept(project)
    assert kept.kept == {}
    entries = _load(project, kept).entries
    assert entries == _load(project, None).entries
    assert not any(e.title.startswith("ปลอม") for e in entries)


def test_a_record_this_version_does_not_write_reads_the_file(project):
    _reread(project)
    kept = _kept(project)
    source = "news/2564/2021-01-08-follow-up/index.md"
    kept.kept[source] = {**kept.kept[source], "provinces": ["atlantis"]}
    kept.kept[ASSEMBLY + "/index.md"] = {**kept.kept[ASSEMBLY + "/index.md"], "photos": 5}
    assert _load(project, kept).entries == _load(project, None).entries
    assert {source, ASSEMBLY + "/index.md"} <= kept.new.keys()


def test_a_full_run_keeps_only_the_files_it_read_and_the_switch_turns_it_off(project, monkeypatch):
    _reread(project)
    shutil.rmtree(project / "news" / "2564" / "2021-01-08-follow-up")
    _, _, kept = _reread(project)
    assert len(kept.kept) == 30
    assert len(_kept(project).kept) == 30
    monkeypatch.setenv("NEWSROOM_FAST", "0")
    shutil.rmtree(project / FOLDER)
    off = KeptEntries(project, project / "news")
    _load(project, off)
    off.save(full=True)
    assert not (project / FOLDER).exists()


def test_check_takes_the_entries_a_build_or_check_kept(project):
    """`newsroom check` twice: the second takes every entry from the file, same report."""
    path = project / "news" / "2564" / "2021-01-08-follow-up" / "index.md"
    path.write_text(LINKING.replace("2021-01-08", "2021-13-08"), encoding="utf-8")
    first = newsroom(project, "check", "--format", "json")
    [file] = (project / FOLDER).glob("*.json")
    before = file.stat().st_mtime_ns
    second = newsroom(project, "check", "--format", "json")
    assert first.returncode == second.returncode == 1
    assert json.loads(first.stdout)["problems"] == json.loads(second.stdout)["problems"] != []
    assert file.stat().st_mtime_ns == before          # nothing new: the file stands
    kept = _kept(project)
    assert len(kept.kept) == 30
    assert check(project, kept=kept, verdicts=PhotoVerdicts()) == check(project,
                                                                        verdicts=PhotoVerdicts())
    assert len(kept.used) == 30


def test_a_record_holds_every_field_of_an_entry(project):
    """A field added to Entry must be kept too (or the kept entries would give its
    default): the record's values are the entry's fields, less what the file gives."""
    from dataclasses import fields

    from newsroom.model.entry import Entry
    _, _, run = _reread(project)
    record = _kept(project).kept["news/2564/2021-01-08-follow-up/index.md"]
    assert {f.name for f in fields(Entry)} - {"path", "source", "body"} == set(record) - {"digest"}


# -- what a review found (each failed before its mend) --------------------------------

def _small(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "small"
    shutil.copytree(ROOT / ASSEMBLY, root / ASSEMBLY)
    for rel, text in files.items():
        (root / "news" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "news" / rel).write_text(text, encoding="utf-8")
    return root.resolve()


def _same_as_reading(root: Path) -> None:
    kept = _kept(root)
    kept.begin()
    for path in entry_files(root / "news"):
        assert kept.read(path, root, root / "news") == read_entry(path, root), path


def _linking(title: str, body: str) -> str:
    return LINKING.split("---\n\n")[0].replace("ต่อยอดการประชุมสมัชชาคุณธรรม", title) \
        + "---\n\n" + body + "\n"


def test_a_link_through_a_linked_file_or_into_and_out_of_a_folder_is_not_kept(tmp_path):
    """'../alias.md' where alias.md is a link to real.md, then to other.md, then gone;
    'sub/deeper/../../../real.md', then sub a link to a folder outside news/."""
    root = _small(tmp_path, {
        "2564/a/index.md": _linking("ลิงก์", "ดู[ข่าว](../real.md)และ[อีก](../alias.md)"),
        "2564/b/index.md": _linking("ผ่าน", "ดู[ข่าว](sub/deeper/../../../real.md)"),
        "2564/b/sub/deeper/keep.txt": "x",
        "2564/real.md": _linking("จริง", "เนื้อหา"),
        "2564/other.md": _linking("อื่น", "เนื้อหา"),
    })
    os.symlink("real.md", root / "news" / "2564" / "alias.md")
    _, problems, run = _reread(root)
    assert problems == [] and {"news/2564/a/index.md", "news/2564/b/index.md"}.isdisjoint(run.kept)
    os.unlink(root / "news" / "2564" / "alias.md")
    os.symlink("other.md", root / "news" / "2564" / "alias.md")
    outside = tmp_path / "outside"
    (outside / "x" / "deeper").mkdir(parents=True)
    shutil.rmtree(root / "news" / "2564" / "b" / "sub")
    os.symlink(outside / "x", root / "news" / "2564" / "b" / "sub")
    _same_as_reading(root)
    os.unlink(root / "news" / "2564" / "alias.md")
    _same_as_reading(root)


def test_a_preview_asks_again_whether_folders_are_links(tmp_path):
    """A serve process keeps one KeptEntries: a photo folder moved outside news/ and
    linked back between two previews is a problem in the second."""
    from newsroom.read.corpus import EntryCache
    root = _small(tmp_path, {"2564/a/index.md": _linking("ภาพ", "![ภาพ](img/p.jpg)")})
    (root / "news" / "2564" / "a" / "img").mkdir()
    shutil.copy(root / ASSEMBLY / "photo-1.jpg", root / "news" / "2564" / "a" / "img" / "p.jpg")
    _reread(root)
    kept, cache = _kept(root), EntryCache()
    assert load(root, verdicts=PhotoVerdicts(), kept=kept, cache=cache).problems == []
    outside = tmp_path / "outside-img"
    shutil.move(root / "news" / "2564" / "a" / "img", outside)
    os.symlink(outside, root / "news" / "2564" / "a" / "img")
    entry = root / "news" / "2564" / "a" / "index.md"
    entry.write_bytes(entry.read_bytes())             # saved again, the same bytes
    os.utime(entry, ns=(entry.stat().st_atime_ns, entry.stat().st_mtime_ns + 10**9))
    second = load(root, verdicts=PhotoVerdicts(), kept=kept, cache=cache)
    assert second.problems == load(root, verdicts=PhotoVerdicts()).problems != []


def _forge(root: Path, change) -> None:
    """The cache file rewritten with ``change`` made to its records, key and checksum
    right (as someone who can write .cache/ could)."""
    [file] = (root / FOLDER).glob("*.json")
    records = kept_file(file)[1]
    change(records)
    rewrite_kept(file, records)


def test_a_forged_record_names_no_file_outside_news_and_no_bad_slug(project, tmp_path):
    _reread(project)
    source = "news/2564/2021-01-08-follow-up/index.md"
    secret = tmp_path / "secret.jpg"
    shutil.copy(project / ASSEMBLY / "photo-1.jpg", secret)
    depth = len(Path("news").parts) + len(project.parts)

    def outside(records):
        records[source]["photos"] = [["/".join([".."] * depth) + str(secret), "room.jpg", 13]]
        records[ASSEMBLY + "/index.md"]["slug"] = "../../escape"
        records["news/2563/2020-06-18-chiang-mai-online-moral-trainers.md"] = ["not", "a", "dict"]
    _forge(project, outside)
    entries = _load(project, _kept(project)).entries
    assert entries == _load(project, None).entries
    assert all(p.source.resolve().is_relative_to(project / "news") for e in entries for p in e.photos)


def test_a_header_nested_too_deep_is_ignored(project):
    _reread(project)
    [file] = (project / FOLDER).glob("*.json")
    file.write_text("[" * 100_000 + "\n{}", encoding="utf-8")
    assert _kept(project).kept == {}
    assert _load(project, _kept(project)).entries == _load(project, None).entries


def test_a_folder_name_that_is_not_utf8_is_a_problem_and_nothing_crashes(project):
    """Thai in cp874, as a zip made on Windows unpacks: the entry is a problem that
    names the folder and shows the Thai it meant, in the text and JSON reports, the
    caches write what they hold, and the editor's rules leave the file out."""
    from newsroom.editor.rules import taken_slugs
    name = os.fsdecode("news/2564/".encode() + "ข่าว".encode("cp874"))
    folder = project / name
    folder.mkdir()
    (folder / "index.md").write_text(LINKING.replace("tags:", "slug: thai-folder\ntags:")
                                     .replace("../2020", "../../2564/2020"), encoding="utf-8")
    shutil.copy(project / ASSEMBLY / "photo-1.jpg", folder / "room.jpg")
    entries, problems, run = _reread(project)
    assert [(p.field, p.line) for p in problems] == [("file", 0)]
    assert "news/2564/ข่าว/index.md" in problems[0].message and "UTF-8" in problems[0].message
    assert len(run.kept) == 31 and "thai-folder" not in {e.slug for e in entries}
    text = newsroom(project, "check")
    assert text.returncode == 1 and "news/2564/ข่าว/index.md" in text.stdout
    as_json = newsroom(project, "check", "--format", "json")
    assert [p["field"] for p in json.loads(as_json.stdout)["problems"]] == ["file"]
    taken = taken_slugs(project / "news", [], project)
    assert len(taken) == 31 and "thai-folder" not in taken
    json.dumps(taken, ensure_ascii=False).encode("utf-8")      # what rules.js is made of


def test_caches_remove_only_files_they_could_have_made(project, tmp_path):
    """.cache/entries a link to a folder of other JSON files: they stay."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "provinces.json").write_text("{}", encoding="utf-8")
    (project / ".cache").mkdir()
    (project / FOLDER).symlink_to(data, target_is_directory=True)
    (data / ("0" * 64 + ".json")).write_text("old", encoding="utf-8")
    _reread(project)
    assert sorted(p.name for p in data.iterdir()) == sorted(
        ["provinces.json", f"{_kept(project).key}.json"])
