"""Hostile and broken entries through a whole build: errors a writer understands, nothing else."""

from __future__ import annotations

import os
import time
from pathlib import Path

from conftest import build, write_entry

GOOD = """\
title: ข่าว
date: 2020-11-06
author: ก ไก่
province: น่าน"""


def test_symlinked_photo_outside_the_repository(project, tmp_path):
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"secret")
    path = write_entry(project, "2564/2020-11-06-link/index.md", GOOD + "\nphotographer: ข\nimage: cover.jpg")
    os.symlink(secret, path.parent / "cover.jpg")
    failed = build(project)
    assert not failed.ok
    assert "news/2564/2020-11-06-link/index.md:7: image: photo 'cover.jpg' points outside the news folder" in failed.output
    assert not (project / "site").exists() or not list((project / "site").rglob("cover.jpg"))


def test_slugs_cannot_leave_their_folder(project):
    write_entry(project, "2564/a.md", GOOD + "\nslug: ../../outside")
    write_entry(project, "2564/b.md", GOOD + "\nslug: /etc/x")
    failed = build(project)
    assert not failed.ok
    assert "news/2564/a.md:6: slug:" in failed.output and "news/2564/b.md:6: slug:" in failed.output
    assert not (project / "outside").exists()


def test_huge_entry_and_many_tags_are_bounded(project):
    write_entry(project, "2564/2020-11-06-huge.md", GOOD, body="ก" * 5_200_000)
    write_entry(project, "2564/2020-11-07-tags.md",
                GOOD + "\ntags: [" + ", ".join(f"t{i}" for i in range(10_000)) + "]")
    start = time.perf_counter()
    failed = build(project)
    assert time.perf_counter() - start < 120
    assert not failed.ok and "Traceback" not in failed.output
    assert "news/2564/2020-11-06-huge.md: file: the file is over 2 MB" in failed.output
    assert "news/2564/2020-11-07-tags.md:6: tags: 10000 tags; an entry may have at most 30" in failed.output


def test_writers_files_are_untouched_by_a_failed_build(project):
    files = {
        "2564/ok.md": ("---\n" + GOOD + "\n---\n\nข้อความ\n").encode("utf-8"),
        "2564/bad.md": ("---\n" + GOOD.replace("น่าน", "นาน") + "\n---\n\nข้อความ\n").encode("utf-8"),
        "2564/crlf.md": ("\ufeff---\r\n" + GOOD.replace("\n", "\r\n") + "\r\n---\r\n\r\nข้อความ\r\n").encode("utf-8"),
        "2564/tis.md": ("---\ntitle: ข่าว\n---\n").encode("cp874"),
    }
    for rel, data in files.items():
        path = project / "news" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    failed = build(project)
    assert not failed.ok
    assert "news/2564/tis.md: file: line 2: the file is not UTF-8 text. It looks like Thai in TIS-620/cp874" in failed.output
    assert "news/2564/crlf.md" not in failed.output           # BOM and CRLF read normally
    for rel, data in files.items():
        assert (project / "news" / rel).read_bytes() == data
    outside = {p.name for p in project.iterdir()} - {"mkdocs.yml", "docs", "overrides", "hooks",
                                                     "news", "site", ".cache"}
    assert outside == set()
