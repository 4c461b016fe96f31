"""Pages written by another process (render/page_writer.py): every page on disk before
any plugin's on_post_build, no "Page skipped" message, a failed write a failed build.
That the bytes are MkDocs' own: tests/builds/test_fast_paths.py (the layer is off
with NEWSROOM_FAST=0)."""

from __future__ import annotations

import os

import pytest

from newsroom.render.page_writer import PageWriter

from tests.helpers import ROOT, build_here, make_project, mkdocs

PROBE = '''
import json, os
from pathlib import Path

def on_post_build(config):
    pages = [p for p in Path(config.site_dir).rglob("index.html")]
    sizes = sum(p.stat().st_size for p in pages)
    Path(config.config_file_path).with_name("probe.json").write_text(
        json.dumps({"pages": len(pages), "bytes": sizes}))
'''


def test_every_page_is_on_disk_for_another_plugin_and_nothing_says_skipped(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("NEWSROOM_FAST", raising=False)
    root = make_project(tmp_path / "site", ROOT / "news")
    (root / "hooks" / "probe.py").write_text(PROBE, encoding="utf-8")
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace(
        "  - hooks/newsroom.py\n", "  - hooks/newsroom.py\n  - hooks/probe.py\n"), encoding="utf-8")
    built = mkdocs(root, "build", "--strict", "--verbose")
    assert built.returncode == 0, built.stderr
    assert "Page skipped" not in built.stderr
    assert "Building page" in built.stderr            # the verbose log was read
    import json
    probe = json.loads((root / "probe.json").read_text())
    pages = list((root / "site").rglob("index.html"))
    assert probe == {"pages": len(pages), "bytes": sum(p.stat().st_size for p in pages)}
    assert probe["pages"] >= 40


def test_the_pages_of_a_build_go_through_the_writer(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("NEWSROOM_FAST", raising=False)
    root = make_project(tmp_path / "site", ROOT / "news")
    hooks = build_here(root)
    pages = [p for p in (root / "site").rglob("*.html") if p.name != "404.html"     # a template
             and 'name="generator" content="mkdocs-' in p.read_text(encoding="utf-8")]
    assert hooks.writer.pages == len(pages) >= 40                 # not admin/: a file
    assert not hooks.writer.running


def test_a_page_the_writer_cannot_write_fails_with_its_path(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSROOM_FAST", raising=False)
    (tmp_path / "taken").write_text("a file where a folder should be")
    writer = PageWriter()
    writer.start(every_page=True)
    assert writer.running
    good = tmp_path / "ok" / "index.html"
    assert writer.hand_over("<p>ข่าว</p>\udc80", "ok.md", str(good)) == ""
    assert writer.hand_over("<p>x</p>", "bad.md", str(tmp_path / "taken" / "index.html")) == ""
    with pytest.raises(OSError, match="taken"):
        writer.finish()
    assert good.read_bytes() == "<p>ข่าว</p>".encode() + b"&#56448;"   # as MkDocs encodes
    assert not writer.running


def test_off_for_previews_and_without_the_speed_layers(tmp_path, monkeypatch):
    writer = PageWriter()
    writer.start(every_page=False)
    assert not writer.running and writer.hand_over("<p>x</p>", "a.md", str(tmp_path / "a")) == "<p>x</p>"
    monkeypatch.setenv("NEWSROOM_FAST", "0")
    writer.start(every_page=True)
    assert not writer.running
    assert writer.hand_over("<p>x</p>", "a.md", str(tmp_path / "a")) == "<p>x</p>"
    assert writer.hand_over("  \n", "b.md", str(tmp_path / "b")) == "  \n"


def test_a_failed_build_stops_the_writer(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSROOM_FAST", raising=False)
    writer = PageWriter()
    writer.start(every_page=True)
    process = writer._process
    writer.stop()
    assert process.poll() is not None and not writer.running
    writer.finish()                                   # nothing left to wait for
    assert not os.path.exists(tmp_path / "a")


def test_the_writer_links_a_photo_copy_and_copies_where_it_cannot(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSROOM_FAST", raising=False)
    source = tmp_path / "cache" / "p-320.jpg"
    source.parent.mkdir()
    source.write_bytes(b"\xff\xd8 a photo")
    writer = PageWriter()
    writer.start(every_page=True)
    target = tmp_path / "site" / "news" / "a" / "p-320.jpg"
    assert writer.link(str(source), str(target))
    assert writer.link(str(tmp_path / "gone.jpg"), str(tmp_path / "site" / "b.jpg"))
    with pytest.raises(OSError, match="b.jpg"):             # neither a link nor a copy
        writer.finish()
    assert target.stat().st_ino == source.stat().st_ino
    assert not writer.link(str(source), str(tmp_path / "c.jpg"))     # not running: MkDocs



def test_a_writer_that_fails_on_its_own_says_why(tmp_path, monkeypatch):
    """A writer that ends without a page's reason (here: no writer at all, a shell
    refusing -m) fails the build with what it said on its standard error."""
    import sys
    monkeypatch.delenv("NEWSROOM_FAST", raising=False)
    monkeypatch.setattr(sys, "executable", "/bin/sh")
    writer = PageWriter()
    writer.start(every_page=True)
    with pytest.raises(OSError, match="page_writer"):
        writer.finish()
    assert not writer.running
