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
from tests.helpers import ROOT, newsroom

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
