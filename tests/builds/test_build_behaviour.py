"""The build as writers and readers meet it: failures, drafts, escaping, Thai UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config import load_config

from tests.helpers import identity, build, write_entry
from newsroom.pipeline import plan_build

GOOD = """\
title: ประชุมหารือ จังหวัดน่าน
date: 2020-11-06
author: สุภาวดี ศรีสุข
province: น่าน
tags: [ชุมชนคุณธรรม]"""


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_bad_entries_stop_the_build_and_keep_the_old_site(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    first = build(project)
    assert first.ok, first.output
    before = snapshot(first.site)

    write_entry(project, "2564/2020-11-07-bad.md", GOOD.replace("น่าน", "นาน"))
    write_entry(project, "2564/2020-11-08-worse.md",
                GOOD.replace("2020-11-06", "2563-11-08") + "\nyear: 2021")
    (project / "news" / "2564" / "empty.md").write_text("", encoding="utf-8")
    failed = build(project)

    assert not failed.ok
    out = failed.output
    assert "news/2564/2020-11-07-bad.md:5: province: 'นาน' is not a province; did you mean น่าน?" in out
    assert "news/2564/2020-11-08-worse.md:3: date:" in out and "2020-11-08" in out
    assert "news/2564/2020-11-08-worse.md:7: year: 2021 is a CE year" in out
    assert "news/2564/empty.md:1: file: the file is empty" in out
    assert "Traceback" not in out
    assert snapshot(project / "site") == before       # nothing written over the good site
    # the writer's files are untouched
    assert (project / "news" / "2564" / "2020-11-07-bad.md").read_text(encoding="utf-8").count("นาน")


def test_two_entries_with_one_url(project):
    write_entry(project, "2564/a/2020-11-06-nan.md", GOOD)
    write_entry(project, "2565/2020-11-06-nan.md", GOOD)
    failed = build(project)
    assert not failed.ok
    assert "news/2564/a/2020-11-06-nan.md:1: slug: the URL /news/2020-11-06-nan/ is also claimed by news/2565/2020-11-06-nan.md" in failed.output


def test_a_docs_page_in_the_way_of_a_generated_page(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    (project / "docs" / "years").mkdir()
    (project / "docs" / "years" / "2564.md").write_text("# x", encoding="utf-8")
    failed = build(project)
    assert not failed.ok and "docs/years/2564.md: url: the archive generates /years/2564/ here" in failed.output


def test_drafts_are_built_only_when_serving(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    write_entry(project, "2564/2020-12-01-draft.md", GOOD + "\ndraft: true")
    built = build(project)
    assert built.ok, built.output
    assert not (built.site / "news" / "2020-12-01-draft").exists()
    assert built.page("provinces/nan/").select_one(".nr-total").get_text() == "1"

    plan, problems = plan_build(project, identity(), include_drafts=True,   # as `serve` plans
                                docs_dir=project / "docs")
    assert not problems and "news/2020-12-01-draft/index.md" in plan.site.by_uri()


def test_fields_cannot_inject_markup(project):
    payload = '<script>alert(1)</script><img src=x onerror=alert(2)>"\''
    front = f"""\
title: '{payload.replace("'", "''")}'
date: 2020-11-06
author: ['{payload.replace("'", "''")}']
photographer: '{payload.replace("'", "''")}'
province: น่าน
summary: '{payload.replace("'", "''")}'
tags: ['{payload.replace("'", "''")}']"""
    write_entry(project, "2564/2020-11-06-xss.md", front)
    built = build(project)
    assert built.ok, built.output
    for page in ["news/2020-11-06-xss/", "provinces/nan/", "years/2564/", "", "tags/",
                 "provinces/nan/2564/"]:
        html = (built.site / page / "index.html").read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page
        assert "<img src=x" not in html and "<img src=\"x\"" not in html, page
        soup = built.page(page)
        assert not soup.select("img[onerror]"), page
    soup = built.page("news/2020-11-06-xss/")
    assert soup.select_one("article h1").get_text() == payload
    assert payload in soup.select_one(".nr-credit--author").get_text()


def test_tags_get_distinct_stable_ascii_pages(project):
    """Thai, Latin and odd tags each get their own ASCII address under /tags/, the same
    in every build; none is /tags/page/; a tag with more entries than a page is paginated."""
    odd = {"เยาวชน": "yeaotn", "MOU": "mou", "mou": "mou-2", "page": "page-2",
           "C++ & <AI>": "c-ai", "ปี ๒๕๖๔": "pi-2564", "?!": "tag"}
    write_entry(project, "2564/2020-10-01-odd.md", GOOD.replace("2020-11-06", "2020-10-01").replace(
        "tags: [ชุมชนคุณธรรม]", "tags: [" + ", ".join(f"'{t}'" for t in odd) + "]"))
    for day in range(2, 23):              # 21 more with เยาวชน: 22 entries, two pages
        write_entry(project, f"2564/2020-10-{day:02}-youth.md",
                    GOOD.replace("2020-11-06", f"2020-10-{day:02}").replace("ชุมชนคุณธรรม", "เยาวชน"))

    def addresses(built) -> dict[str, str]:
        index = built.page("tags/")
        return {a.get_text(): urljoin("/tags/", a["href"]) for a in index.select(".nr-tags a")}

    first = build(project)
    assert first.ok, first.output
    found = addresses(first)
    assert found == {t: f"/tags/{slug}/" for t, slug in odd.items()}
    for tag, url in found.items():
        page = first.page(url)
        assert page.select_one("article h1").get_text() == f"แท็ก {tag}"
        assert first.listed(url)[-1] == "2020-10-01-odd", tag
    assert not (first.site / "tags" / "page").exists()
    youth = first.listed("/tags/yeaotn/")
    assert youth == [f"2020-10-{d:02}-{'youth' if d > 1 else 'odd'}" for d in range(22, 0, -1)]
    assert (first.site / "tags/yeaotn/page/2/index.html").is_file()
    chips = first.page("news/2020-10-01-odd/").select(".md-tags a.md-tag")
    assert [(a.get_text(), urljoin("/news/2020-10-01-odd/", a["href"])) for a in chips] == \
        [(t, found[t]) for t in odd]           # in the writer's order
    # a new tag elsewhere leaves the addresses of the others alone
    write_entry(project, "2564/2020-11-07-family.md", GOOD.replace("ชุมชนคุณธรรม", "ครอบครัว"))
    second = build(project)
    assert second.ok, second.output
    assert addresses(second) == {**found, "ครอบครัว": "/tags/khropkrua/"}


def test_thai_ui_and_anchors(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD, body="ข้อความ\n\n## การประชุมที่น่าน\n\nต่อ")
    built = build(project)
    assert built.ok, built.output
    soup = built.page("news/2020-11-06-nan/")
    assert soup.html["lang"] == "th"
    heading = soup.select_one(".nr-body h2")
    assert heading["id"] == "การประชุมที่น่าน"          # vowels and tone marks kept
    assert soup.select_one(".nr-meta time").get_text() == "วันศุกร์ที่ 6 พฤศจิกายน 2563"
    # no Google Fonts or other third-party host
    html = (built.site / "news/2020-11-06-nan/index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_entry_pages_stay_out_of_the_nav(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    built = build(project)
    soup = built.page("")
    nav_links = {a.get_text(strip=True) for a in soup.select("nav.md-nav--primary > ul > li > a")}
    assert {"หน้าแรก", "จังหวัด", "ปีงบประมาณ", "แท็ก", "เกี่ยวกับ"} <= nav_links
    assert not soup.select('nav.md-nav--primary a[href*="news/"]')
    assert soup.select_one(".nr-cards a.nr-card__title")["href"].endswith("news/2020-11-06-nan/")


def test_an_empty_or_missing_news_folder_is_an_error_that_keeps_the_site(project):
    """A build of no entries would put an empty site over the last good one (news/
    missing after a bad checkout, the command run in another folder): refused."""
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the last good site", encoding="utf-8")
    for missing in (False, True):
        if missing:
            (project / "news").rmdir()
        built = build(project)
        assert not built.ok
        # (mkdocs.yml watches news/: MkDocs itself refuses a missing one, naming it)
        assert ("project/news' isn't an existing file or directory" if missing else
                "news: file: no entries in news/") in built.output, built.output
        assert (project / "site" / "index.html").read_text(encoding="utf-8") == "the last good site"
        checked = subprocess.run([sys.executable, "-m", "newsroom.authoring.cli", "--root", str(project),
                                  "check"], capture_output=True, text=True)
        assert checked.returncode == 1 and "news: file: no entries" in checked.stdout


def test_a_body_that_begins_like_meta_keeps_its_first_lines(project):
    """MkDocs reads "Key: value" lines at the top of a page's text as MultiMarkdown
    meta and drops them: a report beginning with its contacts lost them in the built
    page (a preview showed them). The body is the writer's, line for line."""
    (project / "news" / "2564").mkdir(parents=True)
    (project / "news" / "2564" / "2020-11-06-contacts.md").write_text(
        f"---\n{GOOD}\n---\nFacebook: ศูนย์คุณธรรม\nTel: 02 644 9900\ntemplate: main.html\n\n"
        "ประชุมหารือแนวทางขับเคลื่อนจังหวัดคุณธรรม\n", encoding="utf-8")
    # a rule, a note, a rule: YAML to MkDocs, which took it as the page's meta
    (project / "news" / "2564" / "2020-11-07-ruled.md").write_text(
        f"---\n{GOOD.replace('2020-11-06', '2020-11-07')}\n---\n---\n"
        "หมายเหตุ: ข่าวนี้ปรับปรุงแล้ว\n---\nประชุมหารือแนวทางขับเคลื่อนจังหวัดคุณธรรม\n",
        encoding="utf-8")
    built = build(project)
    assert built.ok, built.output
    body = built.page("news/2020-11-06-contacts").select_one(".nr-body").get_text()
    for line in ("Facebook: ศูนย์คุณธรรม", "Tel: 02 644 9900", "template: main.html"):
        assert line in body
    assert "ขับเคลื่อน" in body
    ruled = built.page("news/2020-11-07-ruled").select_one(".nr-body")
    assert "หมายเหตุ: ข่าวนี้ปรับปรุงแล้ว" in ruled.get_text() and ruled.find("hr") is not None
