"""Where Thai lines may break (newsroom/model/words.py) and how the HTML is marked
(newsroom/render/line_breaks.py): pieces that give back the text, words of the archive
kept whole, markup and code left alone."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings, strategies as st

from newsroom import speed
from newsroom.model.words import (LONGEST_WORD, PROGRAM_WORDS, Segmenter, archive_words,
                                  segmenter)
from newsroom.render.line_breaks import mark

SEG = segmenter(archive_words(["เครือข่ายทางสังคม", "วิทยากรส่งเสริมคุณธรรม", "MOU"],
                              ["จักราชัย ทองเพ็ชร์"]))


def kept(text: str) -> list[str]:
    return [p.text for p in SEG.pieces(text) if p.keep]


def test_the_archive_words_are_words():
    words = archive_words(["เครือข่ายทางสังคม", "วิทยากรส่งเสริมคุณธรรม", "MOU", "ปี 2564"],
                          ["จักราชัย ทองเพ็ชร์"])
    assert {"จังหวัดคุณธรรม", "สมัชชาคุณธรรม", "พระนครศรีอยุธยา", "อุดรธานี", "ภาคกลาง",
            "เครือข่ายทางสังคม", "จักราชัย", "ทองเพ็ชร์"} <= words
    # too long to keep whole on a phone's line, not Thai, or with a space: left out
    assert not {"วิทยากรส่งเสริมคุณธรรม", "MOU", "ปี 2564"} & words
    assert all(len(w) <= LONGEST_WORD for w in words)
    assert set(PROGRAM_WORDS) <= words


@pytest.mark.parametrize("text, whole", [
    ("ขับเคลื่อนจังหวัดคุณธรรม", ["ขับเคลื่อน", "จังหวัดคุณธรรม"]),
    ("ประชุมแกนนำเครือข่ายทางสังคม", ["ประชุม", "แกนนำ", "เครือข่ายทางสังคม"]),
    ("ส่งเสริมองค์กรคุณธรรม 30 หน่วยงาน", ["ส่งเสริม", "องค์กรคุณธรรม", "30 หน่วยงาน"]),
    ("ผู้เข้าร่วมถอดบทเรียน", ["ผู้เข้าร่วม", "ถอดบทเรียน"]),
    ("สมัชชาคุณธรรมจังหวัดพระนครศรีอยุธยา", ["สมัชชาคุณธรรม", "จังหวัด", "พระนครศรีอยุธยา"]),
    # dates, the program year, counts and abbreviations stay on one line
    ("30 ก.ย. 2566", ["30 ก.ย. 2566"]),
    ("6 พฤศจิกายน 2563", ["6 พฤศจิกายน 2563"]),
    ("แบบไทย เช่น 6 พฤศจิกายน 2563", ["แบบ", "ไทย", "เช่น", "6 พฤศจิกายน 2563"]),
    ("สรุปผลปีงบประมาณ 2564", ["สรุป", "ผล", "ปีงบประมาณ 2564"]),
    ("ข่าว 2 รายการ", ["ข่าว 2 รายการ"]),
    ("ครั้งที่ 1/2563 เวลา 10.30 น.", ["ครั้งที่ 1/2563", "เวลา 10.30 น."]),
    ("กทม. เครือข่ายฯ ต่างๆ", ["กทม.", "เครือข่ายฯ", "ต่างๆ"]),
    # a separator stays with the space before it: no line starts with it
    ("ภาคกลาง · ข่าว", ["ภาคกลาง", " ·", "ข่าว"]),
])
def test_words_and_labels_kept_whole(text, whole):
    assert kept(text) == whole


def test_a_number_is_not_joined_to_any_word_after_it():
    assert kept("ปี 2564 จังหวัดน่าน") == ["ปี 2564", "จังหวัด", "น่าน"]


def test_urls_latin_and_one_cluster_words_are_left_to_the_browser():
    pieces = SEG.pieces("ดู https://th.wikipedia.org/wiki/จังหวัด และ MOU ที่")
    assert [p.text for p in pieces if not p.keep] == [
        "ดู", " ", "https://th.wikipedia.org/wiki/จังหวัด", " ", " ", "MOU", " ", "ที่"]


def test_a_boundary_without_a_space_is_marked():
    pieces = SEG.pieces("ขับเคลื่อนจังหวัดคุณธรรม ปี")
    assert [(p.text, p.wbr) for p in pieces] == [
        ("ขับเคลื่อน", False), ("จังหวัดคุณธรรม", True), (" ", False), ("ปี", False)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    list("กขคงจชซดตนบปผพฟมยรลวสหอฮะัาำิีึืุูเแโใไ็่้๊๋์ๆฯ.0123456789๑๒ ·–-/:,aZ\n&;#")), max_size=60))
def test_the_pieces_are_the_text(text):
    pieces = SEG.pieces(text)
    assert "".join(p.text for p in pieces) == text


def test_the_memo_gives_what_segmenting_gives(monkeypatch):
    text = "ประชุมหารือแนวทางความร่วมมือด้านวิชาการ ขับเคลื่อนจังหวัดคุณธรรม ปีงบประมาณ 2564"
    seen: list[tuple] = []

    def shape(pieces):
        seen.append(pieces)
        return "|".join(p.text for p in pieces)

    fast = [SEG.shaped(text, shape) for _ in range(4)]
    assert len(seen) == 2                       # made at its first use, kept at its second
    assert len(set(fast)) == 1
    monkeypatch.setenv(speed.SWITCH, "0")
    assert SEG.shaped(text, shape) == fast[0] and len(seen) == 3
    assert SEG.pieces(text) == seen[0]


def test_a_text_used_once_is_not_kept():
    """A body's paragraphs are each printed once: the memo keeps none of them (10,000
    entries: ~90 MB of the build's peak), only the texts printed again."""
    segmenter = Segmenter(frozenset())
    once = [f"ย่อหน้าที่ {i} ของข่าวการประชุมขับเคลื่อนจังหวัดคุณธรรม" for i in range(50)]
    for text in once:
        segmenter.shaped(text, str)
    assert len(segmenter._shaped) == 0
    segmenter.shaped(once[0], str)
    assert list(segmenter._shaped) == [(once[0], str)]


# --- the HTML -------------------------------------------------------------------------

def text_of(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


def test_marked_html_keeps_its_text_tags_and_attributes():
    html = ('<h1 class="t" title="ขับเคลื่อน &quot;a&gt;b&quot;">ขับเคลื่อนจังหวัดคุณธรรม</h1>'
            '<p>ผู้เข้าร่วม &amp; เครือข่าย<a href="https://x.org/ขับเคลื่อน?a=1&amp;b=2">ลิงก์</a>'
            '<img alt="ภาพกิจกรรม" src="a.jpg"></p><!-- nr-body -->')
    out = mark(html, SEG)
    assert text_of(out) == text_of(html)
    assert "\u200b" not in out
    tags = re.compile(r"<(?!/?(?:span|wbr)\b)[^>]*>")
    assert tags.findall(out) == tags.findall(html.replace('a&gt;b', 'a&gt;b'))
    assert '<span class="nr-w">ขับเคลื่อน</span><wbr><span class="nr-w">จังหวัดคุณธรรม</span>' in out
    assert "&amp;" in out


def test_a_quoted_greater_than_sign_stays_in_its_tag():
    """html5ever leaves > unescaped in attribute values: a tag ends at the first >
    outside quotes, in double or single quotes, however many values it has."""
    html = ('<p><a title="ขับเคลื่อน > เครือข่าย" data-x=\'ก>ข\' href="a.html" data-y="">'
            'ขับเคลื่อนจังหวัดคุณธรรม</a><img alt=">ภาพ<" src=\'b>.jpg\'>เครือข่าย</p>')
    out = mark(html, SEG)
    assert out.startswith('<p><a title="ขับเคลื่อน > เครือข่าย" data-x=\'ก>ข\' href="a.html" data-y="">'
                          '<span class="nr-w">ขับเคลื่อน</span>')
    assert '<img alt=">ภาพ<" src=\'b>.jpg\'><span class="nr-w">เครือข่าย</span></p>' in out
    assert text_of(out) == text_of(html)


def test_code_pre_svg_and_scripts_are_left_as_they_are():
    verbatim = ("<pre><code>ขับเคลื่อนจังหวัด</code></pre><p><code>ขับเคลื่อน</code></p>"
                "<svg><text>เครือข่าย</text></svg><script>var a = 'เครือข่าย';</script>")
    assert mark(verbatim, SEG) == verbatim
    out = mark(verbatim + "<p>เครือข่าย</p>", SEG)
    assert out == verbatim + '<p><span class="nr-w">เครือข่าย</span></p>'


def test_text_with_nothing_to_mark_is_the_same_string():
    html = '<p class="x">Moral Province 2564 &amp; MOU</p>'
    assert mark(html, SEG) == html


def test_the_dictionary_trie_is_built_when_a_text_is_first_cut():
    """A warm build whose texts' pieces are all kept (line_break_cache.py) cuts none:
    it does not pay for the 62,000-word trie (about a second at 10,000 entries)."""
    from newsroom.model.words import Segmenter
    seg = Segmenter(frozenset({"ทดสอบคำ"}))
    assert "trie" not in vars(seg) and "ทดสอบคำ" in seg.vocabulary
    assert seg.words("ทดสอบคำ", memo=False) == ("ทดสอบคำ",)
    assert "trie" in vars(seg)
