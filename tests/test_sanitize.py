"""Raw HTML in an entry body: what a report may hold stays, what could run goes."""

from __future__ import annotations

from newsroom.sanitize import clean, needs_cleaning

from conftest import build, make_project, write_entry
from index_reader import SearchIndex

FRONT = "title: ข่าว\ndate: 2020-11-06\nauthor: ก ไก่\nprovince: น่าน"

HOSTILE = """\
ประชุมคุณธรรม<script>window.pwned = 1</script> ครั้งที่ 1

<span onmouseover="window.pwned = 2">ช่วง</span> <a href="JaVaScript:alert(3)">ลิงก์</a>

<iframe src="https://example.com/">กรอบ</iframe><p style="position:fixed" onmouseover="x()">ย่อหน้า</p>

[คลิก](javascript:alert(4)) ![ภาพ](data:image/svg+xml;base64,PHN2Zy8+)

ข้อความ { onclick="alert(5)" }

<svg onload="alert(6)"><circle/></svg><form action="https://evil.example/"><input name="q"></form>

| จังหวัด | จำนวน |
|---|---|
| น่าน | <b>3</b> |

<details><summary>เพิ่มเติม</summary><em>รายละเอียด</em> <a href="https://moral.or.th/" title="ศูนย์">ศูนย์คุณธรรม</a></details>
"""


def test_a_hostile_body_keeps_its_text_and_loses_what_could_run(tmp_path):
    root = make_project(tmp_path / "x")
    write_entry(root, "2564/2020-11-06-a.md", FRONT, body=HOSTILE)
    built = build(root)
    assert built.ok, built.output
    body = built.page("news/2020-11-06-a/").select_one(".nr-body")
    assert not body.select("script, iframe, svg, form, input, object, embed, style")
    for tag in body.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.startswith("on") and name != "style", (tag.name, name)
            values = value if isinstance(value, list) else [value]
            assert not any("".join(v.split()).lower().startswith(("javascript:", "data:"))
                           for v in values), (tag.name, name, value)
    text = body.get_text()
    for kept in ("ประชุมคุณธรรม", "ลิงก์", "ย่อหน้า", "คลิก", "น่าน", "เพิ่มเติม", "รายละเอียด"):
        assert kept in text
    assert "window.pwned" not in text and "กรอบ" not in text
    assert body.select_one("table td b").get_text() == "3"
    link = body.select_one("details a")
    assert link["href"] == "https://moral.or.th/" and link["title"] == "ศูนย์"
    card = SearchIndex(built.site).card(0)            # the index has the cleaned text
    assert "window.pwned" not in card["x"] and "ย่อหน้า" in card["x"]


def test_plain_markdown_is_left_as_rendered():
    assert not needs_cleaning("ประชุม ณ ห้องประชุม เวลา 10:30 น. ภาพ: ก ไก่\n\n"
                              "![ภาพ](photo-1.jpg) ดู [เว็บ](https://moral.or.th/) mailto:a@b.th")
    for risky in ("<b>x</b>", "R&amp;D", "[x](javascript:y)", "[x](VBScript:y)", "ข้อความ {: onclick=x }"):
        assert needs_cleaning(risky), risky


def test_photos_and_heading_anchors_survive_cleaning():
    html = ('<h2 id="การประชุม">การประชุม<a class="headerlink" href="#การประชุม" '
            'title="Permanent link">¶</a></h2><figure class="nr-photo"><img alt="ภาพ" '
            'decoding="async" height="480" loading="lazy" sizes="100vw" src="a-640.jpg" '
            'srcset="a-320.jpg 320w, a-640.jpg 640w" width="640"><figcaption>ภาพ: ก</figcaption>'
            '</figure>')
    assert clean(html) == html
