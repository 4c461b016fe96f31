"""Hostile and broken entries through a whole build: a correct site, or errors a writer
understands (file and field named, exit status not 0) — never a traceback, injected
markup, a file written outside site/ or a writer's file changed."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import yaml
from bs4 import BeautifulSoup
from PIL import Image

from tests.helpers import Built, build, make_project, write_entry

GOOD = """\
title: ข่าว
date: 2020-11-06
author: ก ไก่
province: น่าน"""
ATOM = "{http://www.w3.org/2005/Atom}"

# Markup that would run or reshape the page if a field were printed unescaped.
TITLE = ('<script>alert("t")</script>" onmouseover="alert(1)\' x=\'</title>'
         '<svg onload=alert(2)>]]>&amp;&lt;b&gt;&#x3C;i&#x3E;')
AUTHORS = ['<img src=x onerror=alert(3)>', '" onmouseover="alert(4)', "javascript:alert(5)"]
PHOTOGRAPHER = "</script><script>alert(6)</script>"
TAGS = ["<b>ตัวหนา</b>", '"><svg onload=alert(7)>', "javascript:alert(8)", "]]><x/>",
        "&#60;script&#62;", "{{ 7*7 }}", "' onfocus='alert(9)"]
SUMMARY = '<a href="javascript:alert(10)">คลิก</a> </script> ]]> &nbsp; <!-- x'
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster", "data", "cite",
                  "xlink:href", "background")


def front(**fields) -> str:
    return yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)


def jpeg(path: Path, size: tuple[int, int] = (16, 12)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (200, 120, 40)).save(path, "JPEG")
    return path


def run_build(root: Path, timeout: float = 300) -> tuple[subprocess.CompletedProcess, float]:
    """A strict build in its own process, stopped (and failed) after ``timeout`` seconds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                             str(root / "mkdocs.yml")], cwd=root, capture_output=True,
                            text=True, env=env, timeout=timeout)
    return result, time.perf_counter() - start


def files_of(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file under ``folder`` (links listed by target), except the folders in ``skip``."""
    found = {}
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        if rel.split("/")[0] in skip or path.is_dir():
            continue
        found[rel] = os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
    return found


# --------------------------------------------------------------------------
# Markup in every field that is shown
# --------------------------------------------------------------------------

def _entry(root: Path, title: str, authors: list[str], photographer: str, tags: list[str],
           summary: str) -> None:
    folder = root / "news" / "2564" / "2020-11-06-fields"
    jpeg(folder / "cover.jpg")
    jpeg(folder / "photo-1.jpg")
    write_entry(root, "2564/2020-11-06-fields/index.md",
                front(title=title, date="2020-11-06", author=authors, photographer=photographer,
                      province="กทม.", tags=tags, summary=summary, image="cover.jpg"),
                body="ย่อหน้าแรกของข่าว\n\n![](photo-1.jpg)\n\n![ภาพที่สอง](photo-1.jpg)")
    # a second entry in the same province and tags: neighbours and related links carry the title
    write_entry(root, "2564/2020-11-07-next.md",
                front(title="ข่าวถัดไป", date="2020-11-07", author="ข ไข่", province="กรุงเทพมหานคร",
                      tags=tags[:2]))


def _html_pages(site: Path) -> dict[str, BeautifulSoup]:
    return {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"),
                                                          "html.parser")
            for p in sorted(site.rglob("*.html")) }


def _markup(pages: dict[str, BeautifulSoup]) -> dict[str, object]:
    """What an injection would add: elements, scripts, on* handlers, javascript: URLs."""
    elements: set[str] = set()
    scripts: list[Counter] = []
    handlers: set[tuple[str, str]] = set()
    js_urls: list[tuple[str, str]] = []
    for name, soup in pages.items():
        count: Counter = Counter()
        for tag in soup.find_all(True):
            elements.add(tag.name)
            if tag.name == "script":
                count[(tag.get("src"), tag.get("type"))] += 1
            for attr, value in tag.attrs.items():
                if attr.lower().startswith("on"):
                    handlers.add((tag.name, attr))
                values = value if isinstance(value, list) else [value]
                if attr.lower() in URL_ATTRIBUTES and any(
                        "".join(v.split()).lower().startswith("javascript:") for v in values):
                    js_urls.append((name, f"{tag.name} {attr}={value}"))
        scripts.append(count)
    return {"elements": elements, "scripts": scripts, "handlers": handlers, "js_urls": js_urls}


def test_markup_in_every_shown_field_stays_text(tmp_path):
    clean_root = make_project(tmp_path / "clean")
    _entry(clean_root, "ประชุมหารือ", ["ก ไก่", "ข ไข่", "ค ควาย"], "ง งู",
           [f"แท็ก{i}" for i in range(len(TAGS))], "สรุปข่าว")
    clean = build(clean_root)
    assert clean.ok, clean.output
    hostile_root = make_project(tmp_path / "hostile")
    _entry(hostile_root, TITLE, AUTHORS, PHOTOGRAPHER, TAGS, SUMMARY)
    hostile = build(hostile_root)
    assert hostile.ok, hostile.output

    expected = _markup(_html_pages(clean.site))
    pages = _html_pages(hostile.site)
    found = _markup(pages)
    assert len(pages) > 10
    assert found["elements"] <= expected["elements"], found["elements"] - expected["elements"]
    assert found["handlers"] <= expected["handlers"], found["handlers"] - expected["handlers"]
    assert found["js_urls"] == []
    most = Counter()
    for count in expected["scripts"]:
        most |= count
    for count in found["scripts"]:                       # no page has a script more than
        assert count <= most, count - most               # any clean page has

    # every field is shown as the writer wrote it, as text
    soup = hostile.page("news/2020-11-06-fields/")
    assert soup.select_one("article h1").get_text() == TITLE
    assert [a.get_text() for a in soup.select(".nr-credit--author a")] == AUTHORS
    assert soup.select_one(".nr-credit--photographer a").get_text() == PHOTOGRAPHER
    # the cover's caption is the credit; the body photo's adds the writer's description
    assert {f.get_text() for f in soup.select("figcaption")} == {
        f"ภาพ: {PHOTOGRAPHER}", f"ภาพที่สอง · ภาพ: {PHOTOGRAPHER}"}
    assert soup.select_one(".nr-cover img")["alt"] == f"ภาพประกอบข่าว: {TITLE}"
    assert soup.select_one(".nr-body img")["alt"] == f"ภาพประกอบข่าว: {TITLE}"   # one builder
    assert soup.find("meta", property="og:title")["content"] == TITLE
    assert soup.find("meta", attrs={"name": "description"})["content"] == SUMMARY
    assert soup.title.get_text().startswith(TITLE)
    assert TITLE in soup.select_one(".md-header__topic:last-child").get_text()
    chips = {a.get_text(strip=True) for a in soup.select(".md-tag")}
    assert chips == set(TAGS), chips
    blocks = soup.select('script[type="application/ld+json"]')
    assert len(blocks) == 1
    article = json.loads(blocks[0].string)
    assert (article["headline"], article["description"]) == (TITLE, SUMMARY)
    assert [a["name"] for a in article["author"]] == AUTHORS
    assert article["keywords"] == TAGS
    assert article["contributor"][0]["name"] == PHOTOGRAPHER
    listing = hostile.page("provinces/bangkok/")
    card = listing.select_one('a.nr-card__title[href$="2020-11-06-fields/"]')
    assert card.get_text() == TITLE
    assert SUMMARY in listing.get_text()
    # the tags index and each tag's page show the tag as text, at an ASCII address
    tags_page = hostile.page("tags/")
    assert {a.get_text() for a in tags_page.select(".nr-tags a")} == set(TAGS)
    for chip in soup.select(".md-tags a.md-tag"):
        url = urljoin("/news/2020-11-06-fields/", chip["href"])
        assert url.isascii() and url == urljoin("/tags/", tags_page.find(
            lambda a: a.name == "a" and a.get_text() == chip.get_text())["href"]), url
        tag_page = hostile.page(url)
        assert tag_page.select_one("article h1").get_text() == f"แท็ก {chip.get_text()}"
        assert tag_page.title.get_text().startswith(f"แท็ก {chip.get_text()}")

    # feeds: XML with only Atom's elements, JSON; the same text
    clean_atom = ElementTree.parse(clean.site / "feed.xml").getroot()
    for feed in ("feed.xml", "provinces/bangkok/feed.xml", "years/2564/feed.xml"):
        root = ElementTree.parse(hostile.site / feed).getroot()
        assert {e.tag for e in root.iter()} <= {e.tag for e in clean_atom.iter()}, feed
        item = next(e for e in root.iter(f"{ATOM}entry")
                    if e.findtext(f"{ATOM}title") == TITLE)
        summary = item.find(f"{ATOM}summary")
        assert summary.get("type") == "html"
        assert summary.text == html.escape(SUMMARY, quote=False)
        assert BeautifulSoup(summary.text, "html.parser").find(True) is None   # text only
        assert [a.findtext(f"{ATOM}name") for a in item.findall(f"{ATOM}author")][-3:] == AUTHORS
        assert set(TAGS) <= {c.get("term") for c in item.findall(f"{ATOM}category")}
    for feed in ("feed.json", "provinces/bangkok/feed.json", "years/2564/feed.json"):
        data = json.loads((hostile.site / feed).read_text(encoding="utf-8"))
        item = next(i for i in data["items"] if i["title"] == TITLE)
        assert item["summary"] == SUMMARY and "content_html" not in item
        assert [a["name"] for a in item["authors"]] == AUTHORS
    ElementTree.parse(hostile.site / "sitemap.xml")


def test_markup_in_province_and_slug_is_an_error(project):
    write_entry(project, "2564/a.md", front(title="ข่าว", date="2020-11-06", author="ก",
                                            province='<script>alert(1)</script>'))
    write_entry(project, "2564/b.md", front(title="ข่าว", date="2020-11-06", author="ก",
                                            province="น่าน", slug='x" onmouseover="alert(1)'))
    write_entry(project, "2564/c.md", front(title="ข่าว", date="2020-11-06", author="ก",
                                            province=["น่าน", "javascript:alert(1)"]))
    failed = build(project)
    assert not failed.ok and "Traceback" not in failed.output
    out = failed.output
    assert "news/2564/a.md:5: province: '<script>alert(1)</script>' is not a province" in out
    assert "news/2564/b.md:6: slug: 'x\" onmouseover=\"alert(1)' is not a URL slug" in out
    assert "news/2564/c.md:5: province: 'javascript:alert(1)' is not a province" in out
    assert not (project / "site").exists()


# --------------------------------------------------------------------------
# Encodings and broken files
# --------------------------------------------------------------------------

def test_bom_and_crlf_build_normally(project):
    text = "\ufeff---\r\n" + GOOD.replace("\n", "\r\n") + "\r\n---\r\n\r\nข้อความ\r\n\r\nต่อ\r\n"
    path = project / "news" / "2564" / "2020-11-06-crlf.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(text.encode("utf-8"))
    built = build(project)
    assert built.ok, built.output
    soup = built.page("news/2020-11-06-crlf/")
    assert soup.select_one("article h1").get_text() == "ข่าว"
    assert [p.get_text() for p in soup.select(".nr-body p")] == ["ข้อความ", "ต่อ"]


BROKEN = {
    "empty.md": (b"", "empty.md:1: file: the file is empty"),
    "blank.md": (b" \n\n\t\n", "blank.md:1: file: the file is empty"),
    "no-front.md": ("ข่าวไม่มีส่วนหัว\n".encode(), "no-front.md:1: file: no front matter"),
    "unclosed.md": (("---\n" + GOOD + "\n\nข้อความ\n").encode(),
                    "unclosed.md:1: file: the front matter is not closed"),
    "list.md": (b"---\n- a\n- b\n---\nbody\n",
                "list.md:1: front matter: the front matter must be fields"),
    "scalar.md": (b"---\njust text\n---\nbody\n",
                  "scalar.md:1: front matter: the front matter must be fields"),
    "only-dashes.md": (b"---\n---\nbody\n", "only-dashes.md:1: front matter: the front matter is empty"),
    "bad-yaml.md": (b"---\ntitle: [unclosed\ndate: 2020-11-06\n---\nbody\n",
                    "bad-yaml.md:3: front matter: front matter is not valid YAML"),
    "tis620.md": (("---\n" + GOOD + "\n---\n\nข้อความ\n").encode("cp874"),
                  "tis620.md: file: line 2: the file is not UTF-8 text. It looks like Thai in"
                  " TIS-620/cp874 (Windows Thai); convert it with `iconv -f CP874 -t UTF-8"),
    "utf16.md": (("---\n" + GOOD + "\n---\n").encode("utf-16"),
                 "utf16.md: file: line 1: the file is not UTF-8 text. Save it as UTF-8."),
    "nul.md": (("---\n" + GOOD + "\n---\n\nข้อ\x00ความ\n").encode(),
               "nul.md: file: the file contains NUL characters"),
    "escape.md": (("---\n" + GOOD + "\ntags: [a\x1b[2Jb]\n---\n\nข้อความ\n").encode(),
                  "escape.md:6: front matter: contains the control character U+001B"),
    "bell.md": (("---\n" + GOOD.replace("title: ข่าว", 'title: "ข่าว\\a"') + "\n---\n\nข้อความ\n").encode(),
                "bell.md:2: title: contains the control character U+0007"),
    "twice.md": (("---\n" + GOOD + "\ntags: [a]\ntags: [b]\n---\n\nข้อความ\n").encode(),
                 "twice.md:7: front matter: the field 'tags' is written twice (lines 6 and 7); keep one"),
    "bool.md": (("---\n" + GOOD + "\ndraft: !!bool 2020-11-06\n---\n\nข้อความ\n").encode(),
                "bool.md:6: front matter: '2020-11-06' cannot be read as true or false (!!bool)"),
    "python.md": (("---\n" + GOOD + "\ntags: !!python/object/apply:os.system [touch x]\n---\n\nx\n").encode(),
                  "python.md:6: front matter: front matter is not valid YAML: could not determine"
                  " a constructor for the tag"),
    "odd\x1b[2Jname\n.md": (("---\n" + GOOD + "\n---\n\nข้อความ\n").encode(),
                            "odd\\x1b[2Jname\\x0a.md:1: slug: the file name 'odd\\x1b[2Jname\\x0a'"
                            " does not make an ASCII URL"),
    "bomb.md": (("---\n" + GOOD + "\na: &a [x, x, x, x, x, x, x, x, x]\n"
                 + "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
                           for p, c in zip("abcdefgh", "bcdefghi"))
                 + "tags: !!omap [k: *i]\n---\n\nx\n").encode(),
                "bomb.md:6: front matter: the aliases (*name) repeat the value anchored here"),
}


def test_broken_files_are_each_a_clear_error(project):
    for name, (raw, _) in BROKEN.items():
        path = project / "news" / "2564" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    result, seconds = run_build(project, timeout=120)
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    for name, (_, message) in BROKEN.items():
        assert f"news/2564/{message}" in out, (name, out)
    assert f"{len(BROKEN)} problems in {len(BROKEN)} files" in out
    assert not (project / "x").exists()
    assert seconds < 60


# --------------------------------------------------------------------------
# Paths: slugs, photos and links that lead out of the project
# --------------------------------------------------------------------------

def test_symlinked_photo_outside_the_repository(project, tmp_path):
    secret = jpeg(tmp_path / "secret.jpg")
    path = write_entry(project, "2564/2020-11-06-link/index.md", GOOD + "\nphotographer: ข\nimage: cover.jpg")
    os.symlink(secret, path.parent / "cover.jpg")
    failed = build(project)
    assert not failed.ok
    assert "news/2564/2020-11-06-link/index.md:7: image: photo 'cover.jpg' points outside the news folder" in failed.output
    assert not (project / "site").exists() or not list((project / "site").rglob("cover.jpg"))


def test_paths_cannot_leave_the_project(project, tmp_path):
    outside = tmp_path / "outside"
    jpeg(outside / "photo.jpg")
    (outside / "leak.md").write_text("---\n" + GOOD + "\n---\n\nความลับ\n", encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "2020-11-09-inside.md").write_text("---\n" + GOOD + "\n---\n\nx\n",
                                                            encoding="utf-8")
    write_entry(project, "2564/a.md", GOOD + "\nslug: ../../outside")
    write_entry(project, "2564/b.md", GOOD + "\nslug: /etc/x")
    write_entry(project, "2564/c.md", GOOD + "\nslug: a/../../b")
    write_entry(project, "2564/d.md", GOOD + f"\nphotographer: ข\nimage: ../../../{outside.name}/photo.jpg")
    write_entry(project, "2564/e.md", GOOD + f"\nphotographer: ข\nimage: {outside / 'photo.jpg'}")
    write_entry(project, "2564/f.md", GOOD + "\nphotographer: ข",
                body=f"ข้อความ\n\n![ภาพ](../../../outside/photo.jpg)\n\n<img src=\"{outside}/photo.jpg\">")
    write_entry(project, "2564/g.md", GOOD + "\nphotographer: ข\nimage: 'C:\\\\Windows\\\\x.jpg'")
    os.symlink(outside / "leak.md", project / "news" / "2564" / "2020-11-06-leak.md")
    os.symlink(outside / "folder", project / "news" / "linked")
    failed = build(project)
    out = failed.output
    assert not failed.ok and "Traceback" not in out
    for name, line, field in [("a", 6, "slug"), ("b", 6, "slug"), ("c", 6, "slug"),
                              ("d", 7, "image"), ("e", 7, "image"), ("f", 11, "body"),
                              ("f", 13, "body"), ("g", 7, "image")]:
        assert f"news/2564/{name}.md:{line}: {field}:" in out, (name, out)
    assert ("news/2564/2020-11-06-leak.md: file: is a link to a file outside the news folder"
            in out)
    assert "news/linked: file: is a link to a folder, which the archive does not follow" in out
    assert not (project / "site").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outside", "project"]
    assert sorted(p.name for p in outside.iterdir()) == ["folder", "leak.md", "photo.jpg"]


def test_photos_cannot_take_the_name_of_the_page_or_of_each_other(project):
    page = project / "news" / "2564" / "2020-11-06-page"
    jpeg(page / "index.html")
    write_entry(project, "2564/2020-11-06-page/index.md", GOOD + "\nphotographer: ข\nimage: index.html")
    copies = project / "news" / "2564" / "2020-11-07-copies"
    jpeg(copies / "a.jpg", (500, 375))              # its copies: a-320.jpg, a-500.jpg
    Image.new("RGB", (500, 375)).save(copies / "a.png")     # the same names
    write_entry(project, "2564/2020-11-07-copies/index.md", GOOD + "\nphotographer: ข\nimage: a.jpg",
                body="ข้อความ\n\n![ภาพ](a.png)")
    failed = build(project)
    out = failed.output
    assert not failed.ok and "Traceback" not in out
    assert ("news/2564/2020-11-06-page/index.md:7: image: 'index.html' is not a photo the site"
            " publishes") in out
    assert ("news/2564/2020-11-07-copies/index.md:12: body: photo 'a.png' would be published as"
            " a-320.jpg, the name of photo 'a.jpg'; rename the photo") in out


def test_two_entries_claiming_one_url_are_both_named(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    write_entry(project, "2565/2020-11-06-NAN.md", GOOD)            # differs only in case
    write_entry(project, "2565/other.md", GOOD + "\nslug: 2020-11-06-nan")
    write_entry(project, "2566/2020-11-06-Nan/index.md", GOOD)      # a folder entry
    failed = build(project)
    out = failed.output
    assert not failed.ok and "Traceback" not in out
    files = ["news/2564/2020-11-06-nan.md", "news/2565/2020-11-06-NAN.md", "news/2565/other.md",
             "news/2566/2020-11-06-Nan/index.md"]
    for f in files:
        line = next(l for l in out.splitlines() if l.startswith(f"{f}:1: slug: the URL /news/2020-11-06-nan/"))
        assert all(other in line for other in files if other != f), line


# --------------------------------------------------------------------------
# Size: bounded and reported, never a hang
# --------------------------------------------------------------------------

def test_huge_entry_and_many_tags_are_bounded(project):
    write_entry(project, "2564/2020-11-06-huge.md", GOOD, body="ก" * 5_200_000)   # 15 MB
    write_entry(project, "2564/2020-11-07-tags.md",
                GOOD + "\ntags: [" + ", ".join(f"t{i}" for i in range(10_000)) + "]")
    write_entry(project, "2564/2020-11-08-title.md", GOOD.replace("title: ข่าว", "title: " + "ข" * 10_000))
    result, seconds = run_build(project, timeout=120)
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert seconds < 60, seconds
    assert "news/2564/2020-11-06-huge.md: file: the file is over 2 MB" in out
    assert "news/2564/2020-11-07-tags.md:6: tags: 10000 tags; an entry may have at most 30" in out
    assert "news/2564/2020-11-08-title.md:2: title: is 10000 characters long; keep it under 500" in out


def test_a_long_entry_under_the_limit_builds(project):
    paragraph = "ศูนย์คุณธรรมร่วมประชุมหารือแนวทางการขับเคลื่อนจังหวัดคุณธรรม " * 20
    write_entry(project, "2564/2020-11-06-long.md",
                GOOD + "\ntags: [" + ", ".join(f"แท็ก{i}" for i in range(30)) + "]",
                body="\n\n".join([paragraph] * 300))                                 # ~1.7 MB
    assert (project / "news/2564/2020-11-06-long.md").stat().st_size < 2_000_000
    result, seconds = run_build(project, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert seconds < 240, seconds
    built = Built(project, result)
    assert len(built.page("news/2020-11-06-long/").select(".nr-body p")) == 300


# --------------------------------------------------------------------------
# The writer's files
# --------------------------------------------------------------------------

def test_writers_files_are_untouched_by_a_failed_build(project, tmp_path):
    files = {
        "2564/ok.md": ("---\n" + GOOD + "\n---\n\nข้อความ\n").encode("utf-8"),
        "2564/bad.md": ("---\n" + GOOD.replace("น่าน", "นาน") + "\n---\n\nข้อความ\n").encode("utf-8"),
        "2564/crlf.md": ("\ufeff---\r\n" + GOOD.replace("\n", "\r\n") + "\r\n---\r\n\r\nข้อความ\r\n").encode("utf-8"),
        "2564/tis.md": ("---\ntitle: ข่าว\n---\n").encode("cp874"),
        "2564/empty.md": b"",
        "2564/2020-11-06-photo/index.md": ("---\n" + GOOD + "\nphotographer: ข\nimage: cover.jpg\n---\n\nข้อความ\n").encode(),
    }
    for rel, data in files.items():
        path = project / "news" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    jpeg(project / "news" / "2564" / "2020-11-06-photo" / "cover.jpg")
    project_before = files_of(project, skip=("site", ".cache"))
    around_before = sorted(p.name for p in tmp_path.iterdir())
    failed = build(project)
    assert not failed.ok
    assert "news/2564/tis.md: file: line 2: the file is not UTF-8 text. It looks like Thai in TIS-620/cp874" in failed.output
    assert "news/2564/crlf.md" not in failed.output           # BOM and CRLF read normally
    assert files_of(project, skip=("site", ".cache")) == project_before
    assert sorted(p.name for p in tmp_path.iterdir()) == around_before
    assert not (project / "site").exists()

    for rel in ("2564/bad.md", "2564/tis.md", "2564/empty.md"):   # fixed: now it builds
        (project / "news" / rel).unlink()
    project_before = files_of(project, skip=("site", ".cache"))
    built = build(project)
    assert built.ok, built.output
    assert files_of(project, skip=("site", ".cache")) == project_before
    assert sorted(p.name for p in tmp_path.iterdir()) == around_before
