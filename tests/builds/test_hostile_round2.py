"""Hostile input, round 2: script through links, photos and ids; crashes and lost sites;
check and build agreeing; program years near midnight; imports refused before writing.

Each class is tried with several payloads of its own; where the answer is a correct
page, every output file (HTML, XML, JSON, JS, search records) is searched for what an
injection would leave."""

from __future__ import annotations

import gzip
import html
import io
import json
import os
import struct
import subprocess
import sys
import time
import warnings
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from PIL import Image

from newsroom.read.body import MAX_DEPTH, MAX_OPENERS, MAX_RUN
from newsroom.read.entry import read_entry
from newsroom.read.front_matter import MAX_YAML_DEPTH

from tests.helpers import ROOT, build, make_project, mkdocs, write_entry

GOOD = "title: ข่าว\ndate: 2020-11-06\nauthor: ก ไก่\nprovince: น่าน"
WITH_PHOTOS = GOOD + "\nphotographer: ข ไข่"


def newsroom(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsroom.authoring.cli", "--root", str(root), *args],
                          capture_output=True, text=True, timeout=300)


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def every_text(site: Path) -> dict[str, str]:
    """Every text file the site publishes, search shards unzipped."""
    texts = {}
    for name, data in site_files(site).items():
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        elif not name.endswith((".html", ".xml", ".json", ".js", ".txt", ".css")):
            continue
        texts[name] = data.decode("utf-8")
    return texts


def url_values(soup: BeautifulSoup) -> list[tuple[str, str, str]]:
    found = []
    for tag in soup.find_all(True):
        for attr in ("href", "src", "srcset", "cite", "action", "formaction", "poster", "data"):
            if tag.has_attr(attr):
                found.append((tag.name, attr, tag[attr]))
    return found


def scheme_of(value: str) -> str:
    """What a browser would take as the scheme (lax: invisible characters dropped)."""
    text = "".join(ch for ch in value if ch.isprintable() and not ch.isspace())
    head, colon, _ = text.partition(":")
    return head.lower() if colon and head.replace("+", "").replace("-", "").replace(".", "").isalnum() else ""


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def gif_html_polyglot() -> bytes:
    """A 1x1 GIF that is also an HTML page with a script (its comment extension)."""
    script = b"<script>window.pwned=1</script><!--"
    return (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
            + b"\x21\xfe" + bytes([len(script)]) + script + b"\x00"
            + b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b")


def jpeg_bytes(size=(800, 600), **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (180, 90, 30)).save(out, "JPEG", **save)
    return out.getvalue()


def png_bomb(side: int = 12_000) -> bytes:
    """A PNG claiming side×side pixels in a few KB (every row the same: compresses to nothing)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = zlib.compress((b"\x00" + b"\x00" * side) * side, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


# --------------------------------------------------------------------------
# Script on our own origin: URLs in every form a browser accepts
# --------------------------------------------------------------------------

SCRIPT_LINKS = [
    "javascript:alert(1)", "javascript: alert(1)", "javascript:\talert(1)",
    "javascript:\u00a0alert(1)", "JAVASCRIPT:alert(1)", "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)", "javascript&colon;alert(1)", "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
]


def test_script_urls_in_every_markdown_and_html_form_are_dropped(project):
    lines = ["ข่าวพร้อมลิงก์"]
    for i, url in enumerate(SCRIPT_LINKS):
        lines += [f"[ลิงก์ {i}]({url})", f"[อ้างอิง {i}][r{i}]", f"[r{i}]: {url}",
                  f'<a href="{url}">html {i}</a> <img src="{url}" alt="x">',
                  f'<img src="a.jpg" srcset="{url} 2x" alt="y"><q cite="{url}">q</q>',
                  f"ข้อความ {i}\n{{: data-x=1 href=\"{url}\" onclick=\"alert(1)\" }}", ""]
    lines.append("<picture><source srcset=\"javascript:alert(9) 1x\"><img src=\"x.jpg\" alt=\"\"></picture>")
    path = write_entry(project, "2564/2020-11-06-links.md", WITH_PHOTOS, body="\n\n".join(lines))
    for name in ("a.jpg", "x.jpg"):
        (path.parent / name).write_bytes(jpeg_bytes((40, 30)))
    built = build(project)
    assert built.ok, built.output
    for name, text in every_text(built.site).items():
        if name.endswith((".html", ".xml")):        # every URL attribute, as parsed
            with warnings.catch_warnings():     # feeds: their attributes read the same way
                warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
                soup = BeautifulSoup(text, "html.parser")
            for tag, attr, value in url_values(soup):
                for candidate in (value.split(",") if attr == "srcset" else [value]):
                    assert scheme_of(html.unescape(candidate.strip())) in {
                        "", "http", "https", "mailto", "tel"}, (name, tag, attr, value)
            for article in soup.select("article"):
                assert not [t for t in article.find_all(True)
                            if any(a.startswith("on") for a in t.attrs)], name
            assert not [t for t in soup.find_all("script") if "alert" in (t.string or "")]
        elif name.endswith(".json") or name.startswith("search/"):
            for line in text.splitlines() if name.startswith("search/") else [text]:
                if line.strip().startswith(("{", "[")):
                    for value in _strings(json.loads(line)):    # text, never a script URL
                        assert not (value.startswith(("http", "../", "/")) is False
                                    and scheme_of(value) in {"javascript", "vbscript", "data"}
                                    and " " not in value), (name, value)
    body = built.page("news/2020-11-06-links/").select_one(".nr-body")
    assert "ลิงก์ 9" in body.get_text() and "html 3" in body.get_text()


# --------------------------------------------------------------------------
# Photos: only types we render, never a file under the writer's name
# --------------------------------------------------------------------------

BAD_PHOTOS = {
    # name: (bytes, what the problem says)
    "page.html": (gif_html_polyglot(), "'page.html' is not a photo the site publishes"),
    "poly.jpg": (gif_html_polyglot(), "the file is a GIF image, not what its name says (.jpg)"),
    "anim.gif": (gif_html_polyglot(), "'anim.gif' is not a photo the site publishes"),
    "cover.svg": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
                  "'cover.svg' is not a photo the site publishes"),
    "text.jpg": ("ข้อความ ไม่ใช่ภาพ".encode(), "the file is not an image"),
    "cut.jpg": (jpeg_bytes()[:2000], "the image is damaged or cut short"),
    "bomb.png": (png_bomb(), "12000×12000 is 144 million pixels; a photo may have at most 60"),
    "png-named.webp": (None, "the file is a PNG image, not what its name says (.webp)"),
}


def _bad_photo_archive(root: Path) -> None:
    for i, (name, (data, _)) in enumerate(BAD_PHOTOS.items()):
        folder = root / "news" / "2564" / f"2020-11-{i + 10:02d}-photo"
        folder.mkdir(parents=True)
        if data is None:
            Image.new("RGB", (40, 30)).save(folder / name, "PNG")
        else:
            (folder / name).write_bytes(data)
        cover = i % 2 == 0
        write_entry(root, f"2564/{folder.name}/index.md",
                    WITH_PHOTOS + (f"\nimage: {name}" if cover else ""),
                    body="ข้อความ" if cover else f"ข้อความ\n\n![ภาพ]({name})")


def test_check_and_build_give_the_same_photo_problems(project):
    _bad_photo_archive(project)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("good", encoding="utf-8")
    checked = newsroom(project, "check")
    built = build(project)
    assert checked.returncode == 1 and not built.ok
    lines = sorted(line for line in checked.stdout.splitlines() if line.startswith("news/"))
    assert len(lines) == len(BAD_PHOTOS), checked.stdout
    for line in lines:
        assert line in built.output, line
    for name, (_, message) in BAD_PHOTOS.items():
        assert any(message in line for line in lines), (name, checked.stdout)
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "good"
    assert "Traceback" not in built.output + checked.stderr


def test_the_photo_check_is_cached_and_sees_a_replaced_file(project):
    folder = project / "news" / "2564" / "2020-11-06-p"
    folder.mkdir(parents=True)
    (folder / "a.jpg").write_bytes(jpeg_bytes())
    write_entry(project, "2564/2020-11-06-p/index.md", WITH_PHOTOS + "\nimage: a.jpg")
    assert newsroom(project, "check").returncode == 0
    cache = list((project / ".cache" / "photos").glob("verdicts-*.json"))
    assert len(cache) == 1 and "a.jpg" in cache[0].read_text(encoding="utf-8")
    (folder / "a.jpg").write_bytes(jpeg_bytes()[:1500])        # replaced by a cut copy
    again = newsroom(project, "check")
    assert again.returncode == 1 and "damaged or cut short" in again.stdout
    cache[0].write_text('{"version": "2", "verdicts": {"x": 1}}', encoding="utf-8")   # foreign
    older, other = cache[0].with_name("verdicts-1.json"), cache[0].with_name("notes.json")
    older.write_text("{}", encoding="utf-8")
    other.write_text("{}", encoding="utf-8")
    assert newsroom(project, "check").returncode == 1
    assert not older.exists() and other.exists()        # another version's file goes, only it
    assert "a.jpg" in cache[0].read_text(encoding="utf-8")


def test_published_photos_are_copies_without_metadata(project):
    folder = project / "news" / "2564" / "2020-11-06-p"
    folder.mkdir(parents=True)
    image = Image.new("RGB", (2400, 1800), (10, 200, 30))
    exif = image.getexif()
    exif[0x013B] = "ช่างภาพ Artist"        # Artist
    exif[0x010F] = "CameraMaker"          # Make
    exif[0x0112] = 6                      # rotated: shown 1800×2400
    gps = exif.get_ifd(0x8825)
    gps[2] = (13.0, 45.0, 0.0)
    gps[4] = (100.0, 30.0, 0.0)
    image.save(folder / "cover.jpg", "JPEG", exif=exif, comment=b"secret comment")
    write_entry(project, "2564/2020-11-06-p/index.md", WITH_PHOTOS + "\nimage: cover.jpg",
                body="ข้อความ\n\n![ภาพ](cover.jpg)\n\n[ภาพใหญ่](cover.jpg)")
    built = build(project)
    assert built.ok, built.output
    out = built.site / "news" / "2020-11-06-p"
    assert not (out / "cover.jpg").exists()
    copies = sorted(out.glob("*.jpg"))
    assert copies
    for copy in copies:
        data = copy.read_bytes()
        assert b"secret comment" not in data and b"CameraMaker" not in data and b"Exif" not in data
        with Image.open(copy) as im:
            assert im.format == "JPEG" and not im.getexif() and "icc_profile" not in im.info
            assert im.height > im.width and max(im.size) <= 1600       # upright, bounded
    page = built.page("news/2020-11-06-p/")
    assert page.select_one(".nr-body a")["href"] == "cover-1200.jpg"   # the largest copy


# --------------------------------------------------------------------------
# Clobbering the theme: ids from bodies and imported text
# --------------------------------------------------------------------------

THEME_IDS = ("__config", "__toc", "__drawer", "__search", "__consent", "__palette_0")


def test_body_ids_never_take_the_theme_s_or_each_other_s(project):
    body = ["ย่อหน้าแรก"]
    for i, theme_id in enumerate(THEME_IDS):
        body += [f"ย่อหน้า {i}\n{{: #{theme_id} }}", f"## หัวข้อ {i} {{: #{theme_id} }}",
                 f"## {theme_id}", f'<p id="{theme_id}">html {i}</p>']
    body += ["ซ้ำ\n{: #same }", "ซ้ำอีก\n{: #same }", '<p id="same">ซ้ำ html</p>',
             "## nr-related-title", "ข่าว\n{: #nr-related-title }"]
    write_entry(project, "2564/2020-11-06-ids.md", GOOD, body="\n\n".join(body))
    write_entry(project, "2564/2020-11-07-other.md", GOOD + "\ntags: [x]")
    built = build(project)
    assert built.ok, built.output
    soup = built.page("news/2020-11-06-ids/")
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    for element in soup.select(".nr-body [id]"):
        assert not element["id"].startswith(("__", "nr-")), element
    config = soup.find(id="__config")
    assert config is not None and config.name == "script"
    toc_links = [a["href"][1:] for a in soup.select(".md-nav--secondary a[href^='#']")]
    assert toc_links and all(soup.find(id=t) is not None and soup.find(id=t).name.startswith("h")
                             for t in toc_links), toc_links


def test_imported_attribute_lists_stay_text(project, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("๖ พ.ย. ๒๕๖๓ ศูนย์คุณธรรมร่วมประชุม ณ ศาลากลางจังหวัดน่าน {: #__config }\n\n"
                      "ผลการประชุม | แนวทาง | งบประมาณ\n{: #__toc .md-typeset }\n\n"
                      "ข้อ {: onclick=alert(1) } ท้าย\n\n"
                      "ข่าว : ก ไก่ / ภาพ : ข ไข่ / กลุ่มงานสื่อสาร\n", encoding="utf-8")
    imported = newsroom(project, "import", str(report))
    assert imported.returncode == 0, imported.stderr
    written = project / imported.stdout.strip()
    written.write_text(written.read_text(encoding="utf-8").replace("draft: true\n", ""),
                       encoding="utf-8")       # reviewed by the writer
    built = build(project)
    assert built.ok, built.output
    page = built.page("news/2020-11-06-nan/")
    body = page.select_one(".nr-body")
    assert "{: #__config }" in body.get_text() and "| แนวทาง |" in body.get_text()
    assert not body.select("[id], [onclick], table")
    assert page.find(id="__config").name == "script"


def test_chromium_reads_material_s_own_config(project, browser):
    write_entry(project, "2564/2020-11-06-ids.md", GOOD,
                body='ย่อหน้า\n{: #__config }\n\n<p id="__config">{"base": "https://evil.example/",'
                     ' "version": {"provider": "mike"}}</p>\n\n## __toc')
    built = build(project)
    assert built.ok, built.output
    from tests.helpers import SiteServer
    server = SiteServer(built.site)
    requests: list[str] = []
    try:
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(server.url + "news/2020-11-06-ids/")
        page.wait_for_load_state("networkidle")
        tag = page.evaluate("document.getElementById('__config').tagName")
        assert tag == "SCRIPT"
        assert page.evaluate("document.querySelectorAll('#__config').length") == 1
        assert page.locator(".md-version").count() == 0
        page.close()
    finally:
        server.close()
    assert all(r.startswith(server.url) for r in requests), requests


# --------------------------------------------------------------------------
# Crashes and lost sites: depth and cost bounded before parsing
# --------------------------------------------------------------------------

def _check_one(project: Path, front: str, body: str = "ข้อความ") -> subprocess.CompletedProcess:
    write_entry(project, "2564/2020-11-06-x.md", front, body=body)
    return newsroom(project, "check")


def test_nested_front_matter_is_a_problem_not_a_crash(project):
    for depth, ok in ((MAX_YAML_DEPTH - 1, True), (MAX_YAML_DEPTH + 1, False), (60_000, False)):
        result = _check_one(project, GOOD + "\ntags: " + "[" * depth + "x" + "]" * depth)
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, depth
        if ok:   # nested lists are not tags, but the message is the field's own
            assert "nested more than" not in result.stdout
        else:
            assert (f"news/2564/2020-11-06-x.md:6: front matter: lists or fields are nested more"
                    f" than {MAX_YAML_DEPTH} levels deep") in result.stdout, result.stdout
    result = _check_one(project, GOOD + "\ntags:\n  " + "- " * 200 + "x")
    assert result.returncode == 1 and "nested more than" in result.stdout


BODY_LIMITS = [
    # (body at the limit, body past it, what the message says)
    ("\n".join("  " * i + "- ข้อ" for i in range(MAX_DEPTH)),
     "\n".join("  " * i + "- ข้อ" for i in range(MAX_DEPTH + 1)), "nested"),
    ("\n".join("> " * i + "ข้อความ" for i in range(1, MAX_DEPTH + 1)),
     "> " * (MAX_DEPTH + 1) + "ข้อความ", "nested"),
    ("ข้อความ " + "[" * MAX_OPENERS, "ข้อความ " + "[" * (MAX_OPENERS + 1), "'['"),
    ("ข้อความ " + "[ก" * MAX_OPENERS + "]" * MAX_OPENERS,
     "ข้อความ\n" + "[ก\n" * (MAX_OPENERS + 1), "'['"),
    ("ข้อความ " + "<a " * MAX_OPENERS, "ข้อความ " + "<http://x " * (MAX_OPENERS + 1), "'<'"),
    ("ก " + "*" * MAX_RUN + "x" + "*" * MAX_RUN, "ก " + "*" * (MAX_RUN + 1) + "x", "run"),
    ("ก\n\n" + "_" * 5000 + "\n\nข", "ก " + "_" * (MAX_RUN + 1) + " ข", "run"),
]


def test_bodies_past_a_limit_are_problems_and_at_the_limit_build(project):
    for i, (at, _, _) in enumerate(BODY_LIMITS):
        write_entry(project, f"2564/2020-11-{i + 1:02d}-at.md", GOOD, body=at)
    built = build(project)
    assert built.ok, built.output
    for i, (_, past, what) in enumerate(BODY_LIMITS):
        for path in (project / "news").rglob("*.md"):
            path.unlink()
        write_entry(project, "2564/2020-11-06-past.md", GOOD, body="บรรทัดแรก\n\n" + past)
        result = newsroom(project, "check")
        assert result.returncode == 1 and "news/2564/2020-11-06-past.md:" in result.stdout, i
        assert ": body: " in result.stdout and what in result.stdout, (i, result.stdout)
        line = int(result.stdout.split(":", 2)[1])
        assert line >= 8, (i, result.stdout)        # the body's line in the file, not 0


def _render_failure(project: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                           str(project / "mkdocs.yml")], cwd=project, capture_output=True,
                          text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})


def test_a_failure_while_pages_render_keeps_the_last_site_byte_for_byte(project):
    write_entry(project, "2564/2020-11-05-good.md", GOOD)
    assert build(project).ok
    before = site_files(project / "site")
    # an entry every check passes that renders for longer than its budget
    long_body = "\n\n".join("ย่อหน้า **หนา** ข้อความ " * 40 for _ in range(110))   # 17,600 '*'
    assert sum(long_body.count(c) for c in "*_[]") < 20_000          # under the markup budget
    write_entry(project, "2564/2020-11-06-slow.md", GOOD, body=long_body)
    assert newsroom(project, "check").returncode == 0
    failed = _render_failure(project, NEWSROOM_RENDER_SECONDS="0.05")
    assert failed.returncode != 0
    assert "news/2564/2020-11-06-slow.md: body: the text took more than 0.05 s to render" \
        in failed.stderr, failed.stderr[-3000:]
    assert "Traceback" not in failed.stderr
    assert site_files(project / "site") == before
    assert not list(project.glob(".site.*"))
    # a strict-mode warning (a docs page linking nowhere): MkDocs aborts after writing
    (project / "docs" / "broken.md").write_text("[x](missing.md)\n", encoding="utf-8")
    (project / "news" / "2564" / "2020-11-06-slow.md").unlink()
    warned = _render_failure(project)
    assert warned.returncode != 0 and "missing.md" in warned.stderr
    assert site_files(project / "site") == before
    assert not list(project.glob(".site.*"))


# --------------------------------------------------------------------------
# Program year near midnight: the instant in Bangkok
# --------------------------------------------------------------------------

@pytest.mark.parametrize("moment, day, year", [
    ("2020-09-30T23:30:00+00:00", "2020-10-01", 2564),
    ("2020-09-30T16:59:59+00:00", "2020-09-30", 2563),
    ("2020-09-30T17:00:00+00:00", "2020-10-01", 2564),
    ("2020-10-01T00:30:00+14:00", "2020-09-30", 2563),
    ("2020-09-30T12:00:00-12:00", "2020-10-01", 2564),
    ("2020-10-01T06:59:00+07:00", "2020-10-01", 2564),
    ("2020-09-30T23:59:00", "2020-09-30", 2563),           # no offset: Bangkok time
    ("2021-09-30T20:00:00-05:00", "2021-10-01", 2565),
    ("2021-01-01T00:00:00+09:00", "2020-12-31", 2564),
])
def test_dates_and_program_years_are_bangkok_s(tmp_path, moment, day, year):
    path = tmp_path / "news" / "2564" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_text(f"---\ntitle: ข่าว\ndate: {moment}\nauthor: ก\nprovince: น่าน\n---\n\nข้อความ\n",
                    encoding="utf-8")
    entry, problems = read_entry(path, tmp_path)
    assert not problems, problems
    assert entry.date.isoformat() == day and entry.year == year
    assert entry.published.utcoffset().total_seconds() == 7 * 3600


def test_the_page_shows_the_bangkok_day(project):
    write_entry(project, "2564/2020-11-06-late.md",
                GOOD.replace("2020-11-06", "2020-09-30T23:30:00+00:00"))
    built = build(project)
    assert built.ok, built.output
    page = built.page("news/2020-11-06-late/")
    assert page.select_one(".nr-meta time").get_text() == "วันพฤหัสบดีที่ 1 ตุลาคม 2563"
    assert page.select_one(".nr-meta time")["datetime"] == "2020-10-01T06:30:00+07:00"
    assert page.select_one("a.nr-year").get_text() == "ปีงบประมาณ 2564"


# --------------------------------------------------------------------------
# Import: refused before anything is written
# --------------------------------------------------------------------------

def test_import_refuses_a_binary_or_huge_report_and_writes_nothing(project, tmp_path):
    nul = tmp_path / "nul.txt"
    nul.write_bytes("๖ พ.ย. ๒๕๖๓ ประชุม ณ ศาลากลางจังหวัดน่าน\n\nข้อ\x00ความ\n\nข่าว : ก ไก่\n".encode())
    big = tmp_path / "big.txt"
    big.write_bytes(("๖ พ.ย. ๒๕๖๓ ประชุมจังหวัดน่าน\n\n" + "ก" * 1_000_000 + "\n").encode())
    escape = tmp_path / "esc.txt"
    escape.write_bytes("๖ พ.ย. ๒๕๖๓ ประชุมจังหวัดน่าน\x1b[2J\n\nข่าว : ก ไก่\n".encode())
    before = sorted((project / "news").rglob("*"))
    for report, message in ((nul, "line 3: contains the control character U+0000"),
                            (big, "the file is 3.0 MB; a report may be at most 2 MB"),
                            (escape, "line 1: contains the control character U+001B")):
        result = newsroom(project, "import", str(report))
        assert result.returncode == 1, (report, result.stderr)
        assert message in result.stderr, result.stderr
        assert sorted((project / "news").rglob("*")) == before


# --------------------------------------------------------------------------
# Smaller ones
# --------------------------------------------------------------------------

def test_links_to_entries_files_lead_to_their_pages(project):
    write_entry(project, "2563/2019-12-01-first.md", GOOD.replace("2020-11-06", "2019-12-01"),
                body="ข่าวแรก\n\n## ช่วงบ่าย\n\nต่อ")
    write_entry(project, "2563/2019-12-02-folder/index.md", GOOD.replace("2020-11-06", "2019-12-02"))
    write_entry(project, "2564/2020-11-06-second.md", GOOD,
                body="อ่าน [ข่าวแรก](../2563/2019-12-01-first.md) และ"
                     " [ช่วงบ่าย](../2563/2019-12-01-first.md#ช่วงบ่าย) และ"
                     " [อีกข่าว](../2563/2019-12-02-folder/index.md) [อ้างอิง][r]\n\n"
                     "[r]: ../2563/2019-12-01-first.md")
    built = build(project)
    assert built.ok, built.output
    links = [a["href"] for a in built.page("news/2020-11-06-second/").select(".nr-body a")]
    assert links == ["../2019-12-01-first/", "../2019-12-01-first/#ช่วงบ่าย",
                     "../2019-12-02-folder/", "../2019-12-01-first/"]


def test_links_to_files_that_are_no_entry_are_problems_in_check_and_build(project):
    write_entry(project, "2564/2020-11-05-draft.md", GOOD + "\ndraft: true")
    (project / "news" / "2564" / "notes.txt").write_text("x", encoding="utf-8")
    write_entry(project, "2564/2020-11-06-a.md", GOOD,
                body="ข้อความ\n\n[หาย](missing.md)\n\n[ไฟล์](notes.txt)\n\n"
                     "<a href=\"2020-11-05-draft.md\">html</a>")
    write_entry(project, "2564/2020-11-07-b.md", GOOD, body="ข้อความ [ร่าง](2020-11-05-draft.md)")
    checked = newsroom(project, "check")
    built = build(project)
    lines = [line for line in checked.stdout.splitlines() if line.startswith("news/")]
    assert [line.split(": ", 1)[0] for line in lines] == [
        "news/2564/2020-11-06-a.md:10", "news/2564/2020-11-06-a.md:12",
        "news/2564/2020-11-06-a.md:14", "news/2564/2020-11-07-b.md:8"], checked.stdout
    assert "'missing.md' leads to no entry or photo" in lines[0]
    assert "'notes.txt' leads to no entry or photo" in lines[1]
    assert "write it as a Markdown link" in lines[2]
    assert "leads to news/2564/2020-11-05-draft.md, a draft" in lines[3]
    assert not built.ok and all(line in built.output for line in lines)


def test_messages_that_said_the_wrong_thing(tmp_path):
    cases = {
        "date: 9999-12-31": "year 9999 is outside the archive (1990–2150)",
        "date: 2563-11-06": "year 2563 is a Buddhist Era year; dates are written in the Common"
                            " Era: 2020-11-06",
        'image: "?x"': "'?x' is not the name of a photo file",
        "image: ./": "'./' is not the name of a photo file",
    }
    for i, (line, message) in enumerate(cases.items()):
        path = tmp_path / "news" / f"{i}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        front = GOOD.replace("date: 2020-11-06", line) if line.startswith("date") else \
            WITH_PHOTOS + "\n" + line
        path.write_text(f"---\n{front}\n---\n\nข้อความ\n", encoding="utf-8")
        _, problems = read_entry(path, tmp_path)
        assert [p.message for p in problems if message in p.message], (line, problems)


# --------------------------------------------------------------------------
# Found by a review of the above: the same classes, other doors
# --------------------------------------------------------------------------

def test_photo_names_that_could_leave_their_attribute_are_refused(project):
    names = ['x"onerror="document.title=1337".jpg', "a b.jpg", "x'y.jpg", "a%22b.jpg",
             "<x>.jpg", "sub\\cover.jpg"]
    for i, name in enumerate(names):
        folder = project / "news" / "2564" / f"2020-11-{i + 10:02d}-p"
        folder.mkdir(parents=True)
        (folder / name).write_bytes(jpeg_bytes((40, 30)))
        front = WITH_PHOTOS + (f"\nimage: {json.dumps(name)}" if i % 2 == 0 else "")
        body = "ข้อความ" if i % 2 == 0 else f"ข้อความ\n\n![ภาพ](<{name}>)"
        write_entry(project, f"2564/{folder.name}/index.md", front, body=body)
    checked = newsroom(project, "check")
    built = build(project)
    lines = [line for line in checked.stdout.splitlines() if line.startswith("news/")]
    assert len(lines) == len(names), checked.stdout
    assert not built.ok and all(line in built.output for line in lines)
    assert all("rename the photo" in line or "write paths with /" in line for line in lines)


def test_heading_ids_are_safe_where_the_theme_prints_them(project):
    write_entry(project, "2564/2020-11-06-toc.md", GOOD,
                body="ข้อความ\n\n## หัวข้อ {: id='a\"><svg onload=document.title=1337>' }\n\n"
                     "ต่อ\n\n## อีก {: #\"onmouseover=alert(1)// }\n\nท้าย")
    built = build(project)
    assert built.ok, built.output
    soup = built.page("news/2020-11-06-toc/")
    assert not soup.select("svg[onload], [onmouseover]")
    ids = [h["id"] for h in soup.select(".nr-body h2")]
    assert all(not set('"\'<> ') & set(i) for i in ids), ids
    links = [a["href"] for a in soup.select("a.md-skip, .md-nav--secondary a")]
    assert links and all(href[1:] in ids for href in links), (links, ids)


def test_raw_html_nesting_and_markup_floods_are_problems_before_anything_renders(project):
    cases = {
        "ul": "ข้อความ\n\n" + "<ul><li>" * 40_000,
        "md": "ข้อความ\n\n" + '<div markdown="1">\n\n' * 1000 + "x",
        "bold": "ข้อความ " + "**ก** " * 100_000,
        "cdata": "ข้อความ " + "<![CDATA[" * 50_000,
    }
    for name, body in cases.items():
        write_entry(project, f"2564/2020-11-06-{name}.md", GOOD, body=body)
    started = time.perf_counter()
    checked = newsroom(project, "check")
    assert checked.returncode == 1
    assert time.perf_counter() - started < 30
    for name in cases:
        assert f"news/2564/2020-11-06-{name}.md:" in checked.stdout, (name, checked.stdout)
    assert "nested" in checked.stdout and "markup" in checked.stdout


REVIEW_LINKS = {
    "nested-text": "[a [b] c](missing1.md)",
    "line-break": "[ลิงก์\nต่อ](missing2.md)",
    "angle": "[sp](<missing 3.md>)",
    "title-parens": "[t](missing6.md (title))",
    "ref-in-quote": "> [r]: missing7.md\n>\n> [ต่อ][r]",
    "ref-in-list": "- [r]: missing8.md\n- [ต่อ][r]",
    "image-nested": "![a [b] c](photo7.jpg)",
    "percent": "![b](%2e%2e/p.jpg)",
}


def test_check_sees_every_link_the_build_sees(project):
    (project / "news" / "p.jpg").write_bytes(jpeg_bytes((40, 30)))
    for i, (name, body) in enumerate(REVIEW_LINKS.items()):
        write_entry(project, f"2564/2020-11-{i + 10:02d}-{name}.md", WITH_PHOTOS,
                    body=f"ข้อความ\n\n{body}")
    checked = newsroom(project, "check")
    built = build(project)
    assert checked.returncode == 1 and not built.ok
    for i, name in enumerate(REVIEW_LINKS):
        assert f"news/2564/2020-11-{i + 10:02d}-{name}.md:" in checked.stdout, (name, checked.stdout)
    assert "WARNING" not in built.output        # the build stopped on the same problems, first


def test_copies_differing_only_in_case_clash_and_raw_images_point_at_copies(project):
    folder = project / "news" / "2564" / "2020-11-06-case"
    folder.mkdir(parents=True)
    (folder / "cover.jpg").write_bytes(jpeg_bytes((700, 500)))
    (folder / "Cover.jpg").write_bytes(jpeg_bytes((710, 500)))
    write_entry(project, "2564/2020-11-06-case/index.md", WITH_PHOTOS + "\nimage: cover.jpg",
                body="ข้อความ\n\n![ภาพ](Cover.jpg)")
    checked = newsroom(project, "check")
    assert checked.returncode == 1 and "the name of photo 'cover.jpg'" in checked.stdout
    (folder / "Cover.jpg").unlink()
    write_entry(project, "2564/2020-11-06-case/index.md", WITH_PHOTOS + "\nimage: cover.jpg",
                body='ข้อความ\n\n<p><img src="cover.jpg" alt="ภาพ"> <a href="cover.jpg">ใหญ่</a></p>')
    built = build(project)
    assert built.ok, built.output
    body = built.page("news/2020-11-06-case/").select_one(".nr-body")
    out = built.site / "news" / "2020-11-06-case"
    assert (out / body.img["src"]).is_file() and (out / body.a["href"]).is_file()


def test_a_line_break_in_an_imported_file_s_name_cannot_become_a_field(project, tmp_path):
    report = tmp_path / "r\rslug: injected-slug\r#\u2028year: 2500.txt"
    report.write_text("๖ พ.ย. ๒๕๖๓ ศูนย์คุณธรรมร่วมประชุม ณ ศาลากลางจังหวัดน่าน\n\n"
                      "ข่าว : ก ไก่ / ภาพ : ข ไข่ / กลุ่มงานสื่อสาร\n", encoding="utf-8")
    imported = newsroom(project, "import", str(report))
    assert imported.returncode == 0, imported.stderr
    written = next((project / "news").rglob("*.md"))
    entry, problems = read_entry(written, project)
    assert not problems and entry.slug != "injected-slug" and entry.year == 2564
