"""Entry bodies kept in .cache/bodies/ between builds (render/body_cache.py): a warm build
gives the bytes a cold one gives, converts only what changed, and trusts no file that is
truncated, corrupt or not its own."""

from __future__ import annotations

from pathlib import Path

from bench.generate import generate
from newsroom.render.body_cache import BODIES, BodyCache
from tests.helpers import built_files, kept_file, make_project, rewrite_kept, write_entry


def _bodies(root: Path) -> dict[str, Path]:
    return {p.name.removesuffix(".json"): p for p in (root / BODIES).glob("*/*.json")}


def _kept_as(path: Path, **payload: str) -> None:
    """A kept body changed as the cache would write it (key and checksum right)."""
    rewrite_kept(path, {**kept_file(path)[1], **payload})


def test_a_warm_build_is_the_cold_build_and_converts_only_what_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "project")
    generate(root, 60, seed=11)                 # headings, lists, tables, photos, links
    cold = built_files(root)
    kept = _bodies(root)
    entries = len(list((root / "site" / "news").glob("*/index.html")))
    assert len(kept) == entries
    stamps = {k: p.stat().st_mtime_ns for k, p in kept.items()}
    warm = built_files(root)
    assert warm == cold
    assert {k: p.stat().st_mtime_ns for k, p in _bodies(root).items()} == stamps   # none rewritten
    # one more entry: one more body converted, the others kept as they were
    write_entry(root, "2564/2020-11-06-new.md", "title: ข่าวใหม่\ndate: 2020-11-06\nauthor: ก ไก่\n"
                "province: น่าน", body="## ช่วงเช้า\n\nประชุม\n\n## ช่วงบ่าย\n\nสรุปผล")
    built_files(root)
    after = _bodies(root)
    assert len(after) == entries + 1
    assert {k: after[k].stat().st_mtime_ns for k in stamps} == stamps


def test_what_the_cache_holds_is_used_and_checked(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "project")
    generate(root, 12, seed=2)
    cold = built_files(root)
    kept = sorted(_bodies(root).items())
    # a body whose file is its own (key and checksum right) is used as it is (its clean
    # form "=": the conversion itself; which body sorts first follows the code's digest) ...
    path = kept[0][1]
    _kept_as(path, content="<p>kept-by-the-cache</p>", clean="=")
    used = built_files(root)
    assert sum(b"kept-by-the-cache" in page for page in used.values()) == 1
    # ... and one truncated, one with a payload its checksum does not match, one of another
    # key, one not JSON: ignored, converted again, rewritten
    path.unlink()
    truncated, tampered, foreign, garbage = (p for _, p in kept[1:5])
    truncated.write_bytes(truncated.read_bytes()[:100])
    rewrite_kept(tampered, {**kept_file(tampered)[1], "content": "<p>tampered</p>"},
                 same_sum=True)
    rewrite_kept(foreign, kept_file(foreign)[1], key="0" * 64)
    garbage.write_bytes(b"\xff\xfe not json")
    assert built_files(root) == cold
    for p in (truncated, tampered, foreign, garbage):
        assert kept_file(p)[0]["key"] == p.name.removesuffix(".json")


def test_the_clean_body_kept_with_a_conversion_is_used_for_that_conversion_only(tmp_path,
                                                                               monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "project")
    generate(root, 8, seed=5)
    cold = built_files(root)
    kept = sorted(_bodies(root).items())
    payloads = [kept_file(p)[1] for _, p in kept]
    assert all(isinstance(pl.get("clean"), str) for pl in payloads)   # every body's kept
    assert sum(pl["clean"] == "=" for pl in payloads) >= 1            # "=": nothing to clean
    path = kept[0][1]
    _kept_as(path, clean="<p>kept-clean-body</p>")
    used = built_files(root)
    assert sum(b"kept-clean-body" in page for page in used.values()) == 1
    # the same body cleaned when what MkDocs hands over is not the kept conversion
    cache = BodyCache(root, {"markdown_extensions": [], "mdx_configs": {},
                             "use_directory_urls": True})
    cache.converted("news/a.md", "k", "<p>a</p>", "=")
    assert cache.cleaned("news/a.md", "<p>a</p>") == "<p>a</p>"
    assert cache.cleaned("news/a.md", "<p>a</p><script>x</script>") is None
    assert cache.cleaned("news/b.md", "<p>a</p>") is None
    path.unlink()
    assert built_files(root) == cold


def test_no_cache_with_the_speed_layers_off(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSROOM_FAST", "0")
    root = make_project(tmp_path / "project")
    generate(root, 5, seed=3)
    built_files(root)
    assert _bodies(root) == {}
