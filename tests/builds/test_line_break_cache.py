"""Thai text's pieces kept in .cache/line-breaks/ between builds (render/line_break_cache.py):
a warm build gives the bytes a cold one gives, the kept pieces are used, and no file that is
truncated, corrupt or not its own is trusted."""

from __future__ import annotations

from pathlib import Path

from bench.generate import generate
from newsroom.model.words import Piece, Segmenter
from newsroom.render import line_break_cache as cache, marked_blocks
from newsroom.render.line_breaks import mark
from tests.helpers import built_files, kept_file, make_project, rewrite_kept, write_entry


def _files(root: Path) -> list[Path]:
    return sorted((root / cache.FOLDER).glob("*.json"))


def _drop_blocks(root: Path) -> None:
    """The blocks kept marked whole removed: every block is marked from the pieces."""
    for f in (root / marked_blocks.FOLDER).glob("*"):
        f.unlink()


def _built(tmp_path: Path, monkeypatch, entries: int, seed: int) -> tuple[Path, dict[str, bytes]]:
    """A generated project built once: its folder and its site's files."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "project")
    generate(root, entries, seed=seed)
    return root, built_files(root)


def test_a_warm_build_is_the_cold_build_and_uses_the_kept_pieces(tmp_path, monkeypatch):
    root, cold = _built(tmp_path, monkeypatch, 40, seed=5)
    (kept,) = _files(root)
    header, payload = kept_file(kept)
    assert header["key"] == kept.stem and len(payload) > 500
    stamp = kept.stat().st_mtime_ns
    assert built_files(root) == cold
    assert kept.stat().st_mtime_ns == stamp            # nothing new: not written again
    # The kept pieces are what the pages show: one text's pieces in the reverse order
    # (lengths that still add up to the text) change the pages that show it, once
    # the blocks kept marked whole (marked_blocks.py) are gone.
    digest, encoded = next((d, e) for d, e in payload.items()
                           if len(e) > 20 and e != e[::-1])
    rewrite_kept(kept, {**payload, digest: encoded[::-1]})
    assert built_files(root) == cold
    _drop_blocks(root)
    assert built_files(root) != cold
    # A new tag is a new dictionary: a new file, the old one removed.
    write_entry(root, "2564/2020-11-06-new.md", "title: ข่าวใหม่\ndate: 2020-11-06\nauthor: ก ไก่\n"
                "province: น่าน\ntags: [แท็กใหม่เอี่ยม]", body="ประชุมคณะทำงาน")
    built_files(root)
    (new,) = _files(root)
    assert new != kept


def test_a_file_that_is_not_its_own_is_not_trusted(tmp_path, monkeypatch):
    root, cold = _built(tmp_path, monkeypatch, 12, seed=2)
    (kept,) = _files(root)
    good = kept.read_bytes()
    wrong = {d: "\u0004" * 3 for d in kept_file(kept)[1]}        # pieces of the wrong texts
    spoil = [lambda: kept.write_bytes(good[: len(good) // 2]),                    # truncated
             lambda: rewrite_kept(kept, wrong, same_sum=True),                    # checksum
             lambda: rewrite_kept(kept, wrong, key="0" * 64)]                     # foreign key
    for spoilt in spoil:
        kept.write_bytes(good)
        spoilt()
        _drop_blocks(root)
        assert built_files(root) == cold


def test_pieces_that_do_not_fit_the_text_are_cut_again(tmp_path):
    def seg() -> Segmenter:             # a new one each time: no memo of its own
        return Segmenter(frozenset({"จังหวัดคุณธรรม"}))

    text = "ขับเคลื่อนจังหวัดคุณธรรม ปีงบประมาณ 2564"
    pieces = cache.KeptPieces(tmp_path, seg())
    want = mark(text, seg())
    assert mark(text, seg(), pieces) == want and "nr-w" in want
    (digest,) = pieces.new
    pieces.new[digest] = cache._encoded((Piece("ขับ"),))            # a collision, say
    assert mark(text, seg(), pieces) == want


def test_no_cache_with_the_speed_layers_off(tmp_path, monkeypatch):
    root, fast = _built(tmp_path, monkeypatch, 12, seed=2)
    assert _files(root)
    for f in _files(root):
        f.unlink()
    monkeypatch.setenv("NEWSROOM_FAST", "0")
    assert built_files(root) == fast
    assert not _files(root)


def test_a_paragraph_is_marked_from_its_kept_codes_as_from_its_pieces(tmp_path):
    """A text longer than the segmenter's memo takes (a body's paragraph) is marked
    straight from the kept codes: the same HTML as from the pieces, the codes used,
    codes that do not fit the text cut again."""
    from newsroom.model.words import MEMO_TEXT

    def seg() -> Segmenter:
        return Segmenter(frozenset({"จังหวัดคุณธรรม"}))

    text = ("วันที่ 6 พ.ย. 2563 ศูนย์คุณธรรมจัดประชุมขับเคลื่อนจังหวัดคุณธรรม "
            "ร่วมกับเครือข่ายฯ &amp; ภาคี · ครั้งที่ 2 ") * 8
    assert len(text) > MEMO_TEXT
    want = mark(text, seg())
    first = cache.KeptPieces(tmp_path, seg())
    assert mark(text, seg(), first) == want and first.new
    later = cache.KeptPieces(tmp_path, seg())
    later.kept = dict(first.new)
    assert mark(text, seg(), later) == want and not later.new and later.used == set(first.new)
    long_digest = max(later.kept, key=lambda d: len(later.kept[d]))
    codes = later.kept[long_digest]
    later.kept[long_digest] = codes[::-1]                     # the same lengths, reordered
    assert mark(text, seg(), later) != want
    later.kept[long_digest] = codes[:-1]                      # short of the text
    assert mark(text, seg(), later) == want
