"""Our pages' blocks kept marked whole in .cache/marked-blocks/ (render/marked_blocks.py):
a warm build gives the cold build's bytes from the kept blocks, which are what the pages show;
a record or file that is spoilt, truncated or not its own is not trusted; a failed build
keeps the old file; `serve` and NEWSROOM_FAST=0 write none."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import pytest

from bench.generate import generate
from newsroom.render import marked_blocks as blocks
from tests.helpers import built_files, make_project, mkdocs, write_entry

KEY = "a" * 64


class Marker:
    """A mark function that counts its calls."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, text: str) -> str:
        self.calls.append(text)
        return f"<wbr>{text}<wbr>"


def _records(path: Path) -> dict[bytes, str]:
    """Every record of a blocks file: the digest of a text -> its marked text."""
    kept = blocks.KeptBlocks(path.parent, path.name.removesuffix(".blocks"))
    return {d: kept._kept(d) for d in kept.index}


def _write(path: Path, key: str, records: dict[bytes, str]) -> None:
    """A blocks file as the layer writes it (checks right): what only someone who can
    write .cache/ could make."""
    out = [blocks._header(key)]
    for digest, text in records.items():
        blob = zlib.compress(text.encode(), 1)
        out += [blocks._RECORD.pack(digest, blocks._check(blob), len(blob)), blob]
    path.write_bytes(b"".join(out))


def _kept(tmp_path: Path, texts: list[str]) -> Path:
    first = blocks.KeptBlocks(tmp_path, KEY)
    mark = Marker()
    for text in texts:
        assert first.marked(text, mark) == mark(text)
    first.commit(full=True)
    return first.path


def test_a_block_marked_once_is_read_back_and_a_full_build_keeps_only_what_it_used(tmp_path):
    path = _kept(tmp_path, ["ก ข", "ค ง", "จ ฉ"])
    assert path.is_file() and not list(tmp_path.glob("*.part"))
    again = blocks.KeptBlocks(tmp_path, KEY)
    mark = Marker()
    assert again.marked("ก ข", mark) == "<wbr>ก ข<wbr>" and mark.calls == []
    assert again.marked("ใหม่", mark) == "<wbr>ใหม่<wbr>" and mark.calls == ["ใหม่"]
    assert again.served == 1
    again.commit(full=True)                 # used: ก ข (kept), ใหม่ (new); dropped: the others
    assert sorted(_records(path).values()) == ["<wbr>ก ข<wbr>", "<wbr>ใหม่<wbr>"]


def test_a_dirty_build_keeps_every_old_block_and_nothing_new_leaves_the_file(tmp_path):
    path = _kept(tmp_path, ["ก ข", "ค ง"])
    dirty = blocks.KeptBlocks(tmp_path, KEY)
    dirty.marked("จ ฉ", Marker())
    dirty.commit(full=False)
    assert len(_records(path)) == 3
    stamp = path.stat().st_mtime_ns
    same = blocks.KeptBlocks(tmp_path, KEY)
    for text in ("ก ข", "ค ง", "จ ฉ"):
        same.marked(text, Marker())
    same.commit(full=True)
    assert path.stat().st_mtime_ns == stamp           # not written again


@pytest.mark.parametrize("spoil", ["blob", "check", "truncated", "key", "format"])
def test_a_spoilt_record_or_a_foreign_file_is_marked_again(tmp_path, spoil):
    path = _kept(tmp_path, ["ก ข" * 50, "ค ง" * 50])
    data = bytearray(path.read_bytes())
    head = len(blocks._header(KEY))
    first_blob = head + blocks._RECORD.size
    if spoil == "blob":
        data[first_blob + 3] ^= 0xFF
    elif spoil == "check":
        data[head + 16] ^= 0xFF
    elif spoil == "truncated":
        data = data[:-5]                     # the second record is short of its length
    elif spoil == "key":
        data[head - 3] ^= 0x01
    else:
        data = data.replace(f"blocks {blocks.FORMAT} ".encode(), b"blocks 0 ", 1)
    path.write_bytes(bytes(data))
    later = blocks.KeptBlocks(tmp_path, KEY)
    mark = Marker()
    assert later.marked("ก ข" * 50, mark) == "<wbr>" + "ก ข" * 50 + "<wbr>"
    assert later.marked("ค ง" * 50, mark) == "<wbr>" + "ค ง" * 50 + "<wbr>"
    if spoil in ("blob", "check"):
        assert mark.calls == ["ก ข" * 50]    # only the spoilt record is not used
    elif spoil == "truncated":
        assert mark.calls == ["ค ง" * 50]    # the records before it stand
    else:
        assert len(mark.calls) == 2


def test_a_failed_build_leaves_the_old_file_and_no_partial_one(tmp_path):
    path = _kept(tmp_path, ["ก ข"])
    good = path.read_bytes()
    failing = blocks.KeptBlocks(tmp_path, KEY)
    failing.marked("ใหม่", Marker())
    assert failing.partial_path.is_file()
    failing.abort()
    assert path.read_bytes() == good and not list(tmp_path.glob("*.part"))


def test_serve_and_the_speed_layers_off_write_nothing(tmp_path, monkeypatch):
    serving = blocks.KeptBlocks(tmp_path, KEY, write=False)
    serving.marked("ก ข", Marker())
    serving.commit(full=True)
    assert not list(tmp_path.iterdir())
    path = _kept(tmp_path, ["ก ข"])
    monkeypatch.setenv("NEWSROOM_FAST", "0")
    off = blocks.KeptBlocks(tmp_path, KEY)
    mark = Marker()
    off.marked("ก ข", mark)
    assert mark.calls == ["ก ข"] and not off.index      # the file is not read


def test_a_warm_build_shows_the_kept_blocks_and_gives_the_cold_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "project")
    generate(root, 30, seed=9)
    cold = built_files(root)
    (path,) = (root / blocks.FOLDER).glob("*.blocks")
    records = _records(path)
    assert len(records) >= 30 and all(records.values())
    assert built_files(root) == cold
    # What the pages show is the kept block: one entry's block changed in the file
    # changes that page, and only it.
    digest, text = next((d, t) for d, t in records.items() if 'class="nr-entry"' in t)
    _write(path, path.name.removesuffix(".blocks"),
           {**records, digest: text.replace('class="nr-entry"', 'class="nr-entry nr-kept"')})
    warm = built_files(root)
    changed = [name for name in cold if warm[name] != cold[name]]
    assert len(changed) == 1 and b"nr-entry nr-kept" in warm[changed[0]]
    # Without the file, every block is marked again: the cold bytes.
    for f in (root / blocks.FOLDER).iterdir():
        f.unlink()
    assert built_files(root) == cold


def test_a_stopped_builds_partial_file_goes_and_a_running_ones_stays(tmp_path):
    import subprocess
    import sys
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True).stdout.strip()
        stale = tmp_path / f"{KEY}.blocks.{gone}.part"
        no_such = tmp_path / f"{KEY}.blocks.{10 ** 20}.part"     # no pid is that large
        running = tmp_path / f"{KEY}.blocks.{alive.pid}.part"
        for f in (stale, no_such, running):
            f.write_bytes(b"half")
        _kept(tmp_path, ["ก ข"])
        assert not stale.exists() and not no_such.exists() and running.exists()
    finally:
        alive.kill()


def test_a_new_word_in_the_dictionary_marks_every_block_again(tmp_path, monkeypatch):
    """A new tag is a word of the segmenter's dictionary: texts that hold it are cut
    anew, so no block of the last dictionary is used (the warm build is the cold one)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "project")
    generate(root, 12, seed=4)
    # an entry alone in its province, without tags: the new entry changes nothing on its page
    write_entry(root, "2561/2018-01-15-a.md", "title: ประชุมแท็กใหม่เอี่ยมวันนี้\ndate: 2018-01-15\n"
                "author: ข ไข่\nprovince: แม่ฮ่องสอน", body="เรื่องแท็กใหม่เอี่ยมของจังหวัด")
    built_files(root)
    write_entry(root, "2564/2020-11-07-b.md", "title: ข่าวใหม่\ndate: 2020-11-07\nauthor: ก ไก่\n"
                "province: น่าน\ntags: [แท็กใหม่เอี่ยม]", body="ประชุมคณะทำงาน")
    warm = built_files(root)
    shutil.rmtree(root / ".cache")
    assert built_files(root) == warm
    (path,) = (root / blocks.FOLDER).glob("*.blocks")
    assert any("<span class=\"nr-w\">แท็กใหม่เอี่ยม</span>" in t for t in _records(path).values())


def test_a_build_that_fails_while_pages_render_keeps_the_old_blocks_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "project")
    generate(root, 12, seed=4)
    built_files(root)
    (path,) = (root / blocks.FOLDER).glob("*.blocks")
    good = path.read_bytes()
    for entry in (root / "news").rglob("*.md"):          # every block new
        entry.write_text(entry.read_text(encoding="utf-8") + "\nย่อหน้าเพิ่ม\n", encoding="utf-8")
    (root / "hooks" / "fail.py").write_text(
        "seen = []\n"
        "def on_post_page(output, page, config):\n"
        "    seen.append(page)\n"
        "    if len(seen) == 20:\n"
        "        raise RuntimeError('stopped on purpose')\n"
        "    return output\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - hooks/newsroom.py\n", "  - hooks/newsroom.py\n  - hooks/fail.py\n"), encoding="utf-8")
    result = mkdocs(root, "build", "--strict")
    assert result.returncode != 0 and "stopped on purpose" in result.stderr
    assert path.read_bytes() == good
    assert [p.name for p in path.parent.iterdir()] == [path.name]     # no partial file left
