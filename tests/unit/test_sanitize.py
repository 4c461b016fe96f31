"""Raw HTML in an entry body: what a report may hold stays, what could run goes."""

from __future__ import annotations

import html

from bs4 import BeautifulSoup

from newsroom.render.sanitize import clean, srcset_urls

from tests.helpers import build, make_project, write_entry
from tests.search_index_reader import SearchIndex

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


# javascript: as browsers accept it: any case, entities, controls and spaces around,
# tabs and line breaks inside; the sanitiser sees the value after entity decoding.
SCRIPT_URLS = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
    "\tjavascript:alert(1)", "\x01javascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "java\rscript:alert(1)", "javascript\t:alert(1)",
    "javascript: alert(1)", "javascript:\talert(1)", "javascript:\u00a0alert(1)",
    "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "&#X6a;avascript&#58;alert(1)",
    "java&#9;script:alert(1)", "java&Tab;script:alert(1)", "java&NewLine;script:alert(1)",
    "javascript&colon;alert(1)", "\u00a0javascript:alert(1)", "ja\u200bvascript:alert(1)",
    "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "livescript:x",
]
SAFE_URLS = ["https://moral.or.th/", "http://example.org/a?b=c#d", "mailto:a@b.th",
             "tel:+6621234567", "../other/", "photo-1.jpg", "#ช่วงบ่าย", "?q=x", "/about/"]


def _attr_html(tag: str, attribute: str, value: str) -> str:
    return f'<{tag} {attribute}="{value}">x</{tag}>' if tag != "img" else \
        f'<img {attribute}="{value}" alt="x">'


def test_script_urls_are_dropped_from_every_url_attribute():
    for value in SCRIPT_URLS:
        for tag, attribute in (("a", "href"), ("img", "src"), ("blockquote", "cite"),
                               ("q", "cite"), ("del", "cite"), ("ins", "cite")):
            cleaned = BeautifulSoup(clean(_attr_html(tag, attribute, value)), "html.parser")
            element = cleaned.find(tag)
            assert element is not None and not element.has_attr(attribute), (tag, attribute,
                                                                              value)


def test_srcset_candidates_are_each_checked():
    # A space inside a candidate ends its URL for the browser too ("java" + descriptors).
    for value in [v for v in SCRIPT_URLS if not any(c.isspace() for c in html.unescape(v).strip())]:
        for srcset in (f"{value} 1x", f"a.jpg 1x, {value} 2x", f"a.jpg 320w,{value} 640w"):
            for markup in (f'<img src="a.jpg" srcset="{srcset}" alt="x">',
                           f'<picture><source srcset="{srcset}"><img src="a.jpg" alt="x"></picture>'):
                soup = BeautifulSoup(clean(markup), "html.parser")
                assert not any(el.has_attr("srcset") for el in soup.find_all(True)), markup
    kept = '<img src="a.jpg" srcset="a-320.jpg 320w, https://x.org/b,c.jpg 2x" alt="x">'
    assert BeautifulSoup(clean(kept), "html.parser").img["srcset"] == \
        "a-320.jpg 320w, https://x.org/b,c.jpg 2x"


def test_safe_urls_stay():
    for value in SAFE_URLS:
        soup = BeautifulSoup(clean(_attr_html("a", "href", value)), "html.parser")
        assert soup.a["href"] == value
    assert srcset_urls("a.jpg 1x, b.jpg (x, y) 2x,c.jpg") == ["a.jpg", "b.jpg", "c.jpg"]


def test_a_body_cleaning_leaves_as_it_was_is_not_copied():
    """The page keeps its content to the end of the build: a clean body is the
    conversion itself, one string, not two equal ones (10,000 bodies: ~58 MB)."""
    body = "".join(f'<p>ย่อหน้าที่ {i} <a href="https://moral.or.th/">ศูนย์คุณธรรม</a></p>\n'
                   for i in range(3))
    assert clean(body) is body
    dirty = body + '<p onclick="x()">ท้าย</p>'
    assert clean(dirty) != dirty and "onclick" not in clean(dirty)


def test_ids_of_the_page_chrome_are_renamed_and_repeats_dropped():
    html = ('<p id="__config">a</p><p id="__toc">b</p><h2 id="nr-related-title">c</h2>'
            '<p id="x">d</p><p id="x">e</p><p id="_1">f</p>')
    soup = BeautifulSoup(clean(html), "html.parser")
    ids = [p.get("id") for p in soup.find_all(["p", "h2"])]
    assert ids == ["u-__config", "u-__toc", "u-nr-related-title", "x", None, "_1"]


def test_photos_and_heading_anchors_survive_cleaning():
    html = ('<h2 id="การประชุม">การประชุม<a class="headerlink" href="#การประชุม" '
            'title="Permanent link">¶</a></h2><figure class="nr-photo"><img alt="ภาพ" '
            'decoding="async" height="480" loading="lazy" sizes="100vw" src="a-640.jpg" '
            'srcset="a-320.jpg 320w, a-640.jpg 640w" width="640"><figcaption>ภาพ: ก</figcaption>'
            '</figure>')
    assert clean(html) == html
