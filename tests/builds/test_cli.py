"""`newsroom check` and `newsroom new`, run as writers run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom.read.entry import read_entry

from tests.helpers import write_entry

GOOD = """\
title: ประชุมหารือ จังหวัดน่าน
date: 2020-11-06
author: สุภาวดี ศรีสุข
province: น่าน"""


def newsroom(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsroom.authoring.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NEWSROOM_AUTHOR": ""})


def test_check_all_good(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    r = newsroom(project, "check")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""
    assert "1" in r.stderr


def test_check_reports_every_problem_like_a_compiler(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    write_entry(project, "2564/a.md", GOOD.replace("น่าน", "นาน"))
    write_entry(project, "2564/b.md", GOOD + "\nyear: 2021\nphotografer: x")
    r = newsroom(project, "check")
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert "news/2564/a.md:5: province: 'นาน' is not a province; did you mean น่าน?" in lines
    assert any(l.startswith("news/2564/b.md:6: year: 2021 is a CE year") for l in lines)
    assert "news/2564/b.md:7: photografer: unknown field 'photografer'; did you mean photographer?" in lines
    assert lines[-1] == "3 problems in 2 files"


def test_check_given_paths_only(project):
    write_entry(project, "2564/good.md", GOOD)
    write_entry(project, "2564/bad.md", GOOD.replace("น่าน", "นาน"))
    assert newsroom(project, "check", "news/2564/good.md").returncode == 0
    assert newsroom(project / "news" / "2564", "check", "good.md").returncode == 0
    r = newsroom(project, "check", "news/2564/bad.md")
    assert r.returncode == 1 and "news/2564/bad.md:5: province" in r.stdout


def test_check_json(project):
    write_entry(project, "2564/bad.md", GOOD.replace("2020-11-06", "2563-11-06"))
    r = newsroom(project, "check", "--format", "json")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert data["checked"] == 1
    assert data["problems"] == [{"path": "news/2564/bad.md", "line": 3, "field": "date",
                                 "message": data["problems"][0]["message"]}]
    assert "2020-11-06" in data["problems"][0]["message"]


def test_new_writes_a_valid_entry_and_never_overwrites(project):
    args = ("new", "--province", "กทม.", "--title", 'ประชุม "สมัชชา" <b>คุณธรรม</b>: ครั้งที่ 1',
            "--date", "2020-10-01", "--author", "ก ไก่, ข ไข่", "--tags", "เยาวชน,MOU")
    first = newsroom(project, *args)
    assert first.returncode == 0, first.stderr
    written = first.stdout.strip()          # date, province, the title's first words romanised
    assert written.startswith("news/2564/2020-10-01-bangkok-prachum-samatcha-")
    assert "-b-" not in written                                      # no markup in the URL
    second = newsroom(project, *args)
    assert second.stdout.strip() == written.removesuffix(".md") + "-2.md"
    slugged = newsroom(project, *args, "--slug", "2020-10-01-bangkok-forum")
    assert slugged.stdout.strip() == "news/2564/2020-10-01-bangkok-forum.md"
    assert newsroom(project, *args, "--slug", "ไทย").returncode == 2
    entry, problems = read_entry(project / first.stdout.strip(), project)
    assert problems == []
    assert entry.title == 'ประชุม "สมัชชา" <b>คุณธรรม</b>: ครั้งที่ 1'
    assert entry.authors == ("ก ไก่", "ข ไข่") and entry.year == 2564
    assert entry.provinces[0].name_th == "กรุงเทพมหานคร" and entry.tags == ("เยาวชน", "MOU")
    assert entry.draft
    assert newsroom(project, "check").returncode == 0


def test_new_program_year_boundary(project):
    r = newsroom(project, "new", "--province", "Udon Thani", "--title", "x", "--date",
                 "2020-09-30", "--author", "ก")
    assert r.stdout.strip() == "news/2563/2020-09-30-udon-thani-x.md"
    text = (project / r.stdout.strip()).read_text(encoding="utf-8")
    assert "year:" not in text                              # derived by the build, not written
    assert read_entry(project / r.stdout.strip(), project)[0].year == 2563


def test_new_rejects_bad_arguments(project):
    r = newsroom(project, "new", "--province", "อุดร", "--title", "x", "--date", "2563-11-06",
                 "--author", "ก")
    assert r.returncode == 2
    assert "did you mean อุดรธานี?" in r.stderr and "2020-11-06" in r.stderr
    assert not (project / "news" / "2564").exists()


def test_help_is_in_thai_with_english_behind_the_switch(project, monkeypatch):
    monkeypatch.delenv("NEWSROOM_LANG", raising=False)
    thai = newsroom(project, "--help")
    assert "ตรวจข่าวด้วยกฎเดียวกับการสร้างเว็บ" in thai.stdout and "check entries" not in thai.stdout
    english = newsroom(project, "--lang", "en", "--help")
    assert "check entries with the build's rules" in english.stdout
    sub = newsroom(project, "new", "--help")
    assert "หัวข้อข่าว" in sub.stdout and "--slug" in sub.stdout


def _readers_noted(project: Path, monkeypatch) -> Path:
    """From 4 files on, entries are read in worker processes; each read_entry call notes
    its process's id in the file returned (forked workers inherit the spy)."""
    import newsroom.read.corpus as corpus
    monkeypatch.setattr(corpus, "PARALLEL_FROM", 4)
    # an in-process build of an earlier test may leave a daemon thread: no fork then
    monkeypatch.setattr(corpus.threading, "active_count", lambda: 1)
    pids = project / "pids"
    read = corpus.read_entry

    def spy(*args):
        with open(pids, "a") as f:
            f.write(f"{os.getpid()}\n")
        return read(*args)

    monkeypatch.setattr(corpus, "read_entry", spy)
    return pids


def test_check_in_worker_processes_finds_what_load_finds(project, monkeypatch):
    """`newsroom check` shares many files between itself and a forked worker; the problems, URL clashes
    across two workers' shares included, are the ones the build's load() reports."""
    import newsroom.read.corpus as corpus
    for n in range(7):
        write_entry(project, f"2564/2020-11-0{n + 1}-ok.md", GOOD.replace("2020-11-06", f"2020-11-0{n + 1}"))
    write_entry(project, "2564/bad-province.md", GOOD.replace("น่าน", "นาน"))
    write_entry(project, "2564/bad-yaml.md", "title: [unclosed")
    write_entry(project, "2565/2020-11-06-nan.md", GOOD)       # the same slug as below: one URL
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    expected = sorted(corpus.load(project, include_drafts=True).problems)
    pids = _readers_noted(project, monkeypatch)
    found = sorted(corpus.check(project, workers=2))
    assert found == expected
    assert {p.field for p in found} >= {"province", "front matter", "slug"}
    readers = pids.read_text().split()
    # every file read once: the first share (6 of 11) by this process, the rest by one other
    assert len(readers) == 11 and readers.count(str(os.getpid())) == 6
    assert len(set(readers)) == 2
    pids.unlink()
    assert sorted(corpus.check(project, workers=1)) == expected
    assert set(pids.read_text().split()) == {str(os.getpid())}


def test_the_build_reads_in_worker_processes_what_one_process_reads(project, monkeypatch):
    """The build's load() shares many files between itself and a forked worker: the
    same entries (photos and all), problems and order as reading them in one process."""
    import newsroom.read.corpus as corpus
    from newsroom.assets.photo_check import PhotoVerdicts
    from PIL import Image
    for n in range(7):
        write_entry(project, f"2564/2020-11-0{n + 1}-ok.md",
                    GOOD.replace("2020-11-06", f"2020-11-0{n + 1}") + "\nimage: p.jpg"
                    + "\nphotographer: ข ไข่")
    Image.new("RGB", (40, 30), "red").save(project / "news" / "2564" / "p.jpg")
    write_entry(project, "2564/bad-province.md", GOOD.replace("น่าน", "นาน"))
    write_entry(project, "2565/zz-missing-photo.md", GOOD + "\nimage: gone.jpg\nphotographer: ข")
    write_entry(project, "2565/2020-11-06-nan.md", GOOD)       # the same slug as below: one URL
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    one = corpus.load(project, include_drafts=True, verdicts=PhotoVerdicts())
    pids = _readers_noted(project, monkeypatch)
    verdicts = PhotoVerdicts()
    two = corpus.load(project, include_drafts=True, verdicts=verdicts, workers=2)
    readers = pids.read_text().split()
    assert len(readers) == 11 and readers.count(str(os.getpid())) == 6 and len(set(readers)) == 2
    assert two.entries == one.entries and len(two.entries) == 9
    assert sum(1 for e in two.entries if e.photos) == 7
    assert two.problems == one.problems
    assert {p.field for p in two.problems} >= {"province", "image", "slug"}
    assert len(verdicts.new) == 1                      # the photo, checked once, kept


def test_a_worker_that_is_killed_fails_the_read_instead_of_hanging(project, monkeypatch):
    import signal
    from concurrent.futures.process import BrokenProcessPool
    import newsroom.read.corpus as corpus
    for n in range(6):
        write_entry(project, f"2564/2020-11-0{n + 1}-ok.md", GOOD.replace("2020-11-06", f"2020-11-0{n + 1}"))
    monkeypatch.setattr(corpus, "PARALLEL_FROM", 4)
    monkeypatch.setattr(corpus.threading, "active_count", lambda: 1)
    here, read = os.getpid(), corpus.read_entry

    def killed_elsewhere(*args):         # the out-of-memory killer, say
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)
        return read(*args)

    monkeypatch.setattr(corpus, "read_entry", killed_elsewhere)
    signal.alarm(120)                    # a hang fails the test run, not waits forever
    try:
        with pytest.raises(BrokenProcessPool):
            corpus.load(project, workers=2)
    finally:
        signal.alarm(0)


def test_new_s_placeholder_body_is_not_published(project):
    r = newsroom(project, "new", "--province", "น่าน", "--title", "ประชุมเครือข่าย",
                 "--date", "2020-11-06", "--author", "ก ไก่")
    path = project / r.stdout.strip()
    assert newsroom(project, "check").returncode == 0            # a draft may hold it
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    checked = newsroom(project, "check")
    assert checked.returncode == 1
    assert "body: the body is still newsroom new's placeholder; write the report" in checked.stdout
    text = path.read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    path.write_text(text.replace(body, "ศูนย์คุณธรรมประชุมเครือข่ายที่จังหวัดน่าน\n"), encoding="utf-8")
    assert newsroom(project, "check").returncode == 0


def test_a_ce_year_message_does_not_contradict_the_date(project):
    write_entry(project, "2568/a.md", GOOD.replace("2020-11-06", "2024-11-20") + "\nyear: 2021")
    out = newsroom(project, "check").stdout
    line = next(l for l in out.splitlines() if ": year: " in l)
    assert "write year: 2568" in line and "2564" not in line, line
