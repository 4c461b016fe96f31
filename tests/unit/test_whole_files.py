"""newsroom/whole_files.py: a file is the old one or the new one, never half of one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newsroom import whole_files


def test_a_write_that_stops_leaves_the_old_file_and_no_partial_one(tmp_path):
    path = tmp_path / "cache" / "kept.json"
    whole_files.write_text(path, "เก่า")
    with pytest.raises(RuntimeError):
        with whole_files.replacing(path) as partial:
            partial.write_text("ครึ่ง", encoding="utf-8")
            raise RuntimeError("stopped")
    assert path.read_text(encoding="utf-8") == "เก่า"
    assert sorted(p.name for p in path.parent.iterdir()) == ["kept.json"]
    whole_files.write_text(path, "ใหม่")
    assert path.read_text(encoding="utf-8") == "ใหม่"
    assert sorted(p.name for p in path.parent.iterdir()) == ["kept.json"]


def test_a_folder_of_files_linked_elsewhere_whole(tmp_path, monkeypatch):
    source = tmp_path / "index"
    for name, text in [("index.json", "{}"), ("d/0.bin", "ข่าว"), ("d/1.bin", "ข่าวที่สอง"),
                       ("i/sub/0.bin", "")]:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    (source / "empty").mkdir()
    files = whole_files.files_under(source)
    assert files == {"index.json": 2, "d/0.bin": 12, "d/1.bin": 30, "i/sub/0.bin": 0}

    whole_files.link_all(source, tmp_path / "linked", files)
    assert whole_files.files_under(tmp_path / "linked") == files
    assert (tmp_path / "linked" / "d" / "1.bin").stat().st_ino == (source / "d" / "1.bin").stat().st_ino

    # where no link can be made (another file system), a copy
    def no_link(*args, **kwargs):
        raise OSError("cross-device link")
    monkeypatch.setattr(whole_files.os, "link", no_link)
    whole_files.link_all(source, tmp_path / "copied", ["d/1.bin"])
    copied = tmp_path / "copied" / "d" / "1.bin"
    assert copied.read_text(encoding="utf-8") == "ข่าวที่สอง"
    assert copied.stat().st_ino != (source / "d" / "1.bin").stat().st_ino


def test_what_a_stopped_process_left_is_told_from_a_running_ones():
    """The names of partial files and site folders carry their build's pid
    (site_folder.py, marked_blocks.py): only a process that is gone left them."""
    left_by_a_stopped_process = whole_files.left_by_a_stopped_process
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True).stdout.strip()
        assert left_by_a_stopped_process(gone)
        assert left_by_a_stopped_process(str(10 ** 20))        # no pid is that large
        assert not left_by_a_stopped_process(str(alive.pid))
        assert not left_by_a_stopped_process(str(os.getpid()))
        assert not left_by_a_stopped_process("12a") and not left_by_a_stopped_process("")
    finally:
        alive.kill()
