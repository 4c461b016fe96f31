"""Thai search in a real browser: the header box on the built site, Pagefind's index behind it."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from bench.generate import generate
from newsroom.read.corpus import load
from newsroom.model.calendar import thai_date
from newsroom.model.province import aliases, resolve

from tests.helpers import ROOT, SiteServer, build, make_project, write_entry
from tests.search_index_reader import normalize

# Words of the issue, and words that ICU and newmm split differently (งบ|ประมาณ,
# ขับ|เคลื่อน, เครือ|ข่าย), and words inside longer compounds (งบประมาณ in ปีงบประมาณ).
THAI_WORDS = ["คุณธรรม", "อุดรธานี", "เยาวชน", "ขับเคลื่อน", "งบประมาณ", "เครือข่ายทางสังคม",
              "เครือข่าย", "ศาลากลาง", "ผู้ว่าราชการ", "ประชุม", "ชุมชน", "ครอบครัว", "ประมาณ"]


def open_search(page, base: str) -> None:
    """Open the search box as a reader would: the magnifier on phones, the box on desktops."""
    page.goto(base)
    button = page.locator("label.md-header__button[for=__search]")
    if button.is_visible():
        button.click()
    else:
        page.click("input[name=query]")


def search(page, query: str, province: str = "", year: str = "") -> dict:
    """Type a query (and pick filters: a province by its Thai name); return the count
    shown and every result."""
    province = resolve(province).slug if province else ""
    page.fill("input[name=query]", "")
    page.fill("input[name=query]", query)
    page.wait_for_function("document.querySelector('select[name=year]').options.length > 1")
    page.select_option("select[name=province]", province)
    page.select_option("select[name=year]", year)
    wait_done(page, query, province, year)
    while page.is_visible("[data-nr-more]"):
        before = page.locator(".nr-search__result").count()
        page.click("[data-nr-more]")
        page.wait_for_function("(n) => document.querySelectorAll('.nr-search__result').length > n",
                               arg=before)
    results = page.eval_on_selector_all(".nr-search__result", """els => els.map(li => ({
        url: li.querySelector('a').href,
        title: li.querySelector('.nr-search__title').textContent,
        meta: li.querySelector('.nr-search__meta').textContent,
        excerpt: li.querySelector('.nr-search__excerpt').innerHTML,
        marks: [...li.querySelectorAll('.nr-search__excerpt mark')].map(m => m.textContent)}))""")
    return {"meta": page.inner_text("[data-nr-meta]"), "results": results,
            "slugs": {urlparse(r["url"]).path.strip("/").split("/")[-1] for r in results}}


def wait_done(page, query: str, province: str = "", year: str = "") -> None:
    """Until the list answers this query (a province by its slug)."""
    page.wait_for_function(
        """(want) => document.querySelector('[data-nr-search]').dataset.nrDone === want""",
        arg=json.dumps([query, province, year], ensure_ascii=False, separators=(",", ":")))


def searchable(e) -> str:
    """What a query is matched against: title, body and fields (provinces with their
    other names, tags, writers, photographers), normalised as the index does."""
    names = [n for p in e.provinces for n in (p.name_th, *aliases(p))]
    return normalize("\n".join([e.title, e.body, *names, *e.tags, *e.authors, *e.photographers]))


def containing(entries, query: str) -> set[str]:
    words = normalize(query).split()
    return {e.slug for e in entries if all(w in searchable(e) for w in words)}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    p = context.new_page()
    yield p
    context.close()


@pytest.mark.parametrize("word", THAI_WORDS)
def test_thai_words_inside_thai_text(page, sample_server, word):
    entries = load(ROOT).entries
    open_search(page, sample_server.url)
    found = search(page, word)
    want = containing(entries, word)
    assert want, f"the sample archive should contain {word}"
    assert found["slugs"] == want
    assert found["meta"] == f"พบ {len(want)} ข่าว"


def test_several_words_find_entries_with_all_of_them(page, sample_server):
    entries = load(ROOT).entries
    open_search(page, sample_server.url)
    for query in ("เยาวชน อุดรธานี", "เยาวชน เชียงใหม่", "ครอบครัว ขอนแก่น"):
        found = search(page, query)
        assert found["slugs"] == containing(entries, query), query
        assert found["slugs"]


def test_result_fields(page, sample_server):
    entries = {e.slug: e for e in load(ROOT).entries}
    open_search(page, sample_server.url)
    found = search(page, "ศาลากลาง")
    assert found["results"]
    for r in found["results"]:
        e = entries[urlparse(r["url"]).path.strip("/").split("/")[-1]]
        assert r["title"] == e.title
        assert r["meta"] == f"{thai_date(e.date)} · {', '.join(p.name_th for p in e.provinces)}"
        assert any("ศาลากลาง" in m or m in "ศาลากลาง" for m in r["marks"]), r["excerpt"]
        page_url = urlparse(r["url"]).path
        assert page_url == f"/{e.url}"


def test_filters_by_province_and_year(page, sample_server):
    entries = load(ROOT).entries
    open_search(page, sample_server.url)
    found = search(page, "คุณธรรม", province="ขอนแก่น")
    assert found["slugs"] == {e.slug for e in entries if "คุณธรรม" in searchable(e)
                              and any(p.name_th == "ขอนแก่น" for p in e.provinces)}
    found = search(page, "คุณธรรม", province="", year="2564")
    assert found["slugs"] == {e.slug for e in entries if e.year == 2564}
    found = search(page, "", province="น่าน", year="2566")
    assert found["slugs"] == {e.slug for e in entries if e.year == 2566
                              and any(p.name_th == "น่าน" for p in e.provinces)}


def test_english_and_no_match(page, sample_server):
    entries = load(ROOT).entries
    open_search(page, sample_server.url)
    assert search(page, "MOU")["slugs"] == containing(entries, "MOU")
    none = search(page, "ฟุตบอลโลก")
    assert none["results"] == [] and none["meta"] == "ไม่พบข่าวที่ตรงกัน"


def test_only_entry_text_is_indexed_and_nothing_leaves_the_site(browser, sample_server, sample_site):
    assert not (sample_site.site / "search" / "search_index.json").exists()   # Material's index
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_search(page, sample_server.url)
    found = search(page, "จังหวัด")
    context.close()
    paths = {urlparse(r["url"]).path for r in found["results"]}
    assert all(p.startswith("/news/") for p in paths)          # no listing or index pages
    assert all(r.startswith(sample_server.url) for r in requests), \
        [r for r in requests if not r.startswith(sample_server.url)]


def test_search_text_cannot_inject_markup(page, tmp_path):
    root = make_project(tmp_path / "xss")
    write_entry(root, "2564/2020-11-06-xss.md", """\
title: '<img src=x onerror="window.pwned=1">ประชุมคุณธรรม'
date: 2020-11-06
author: ก
province: น่าน""", body="ประชุมคุณธรรม &lt;img src=x onerror=&quot;window.pwned=2&quot;&gt; ข้อความ")
    built = build(root)
    assert built.ok, built.output
    server = SiteServer(built.site)
    try:
        open_search(page, server.url)
        found = search(page, "ประชุม")
        assert len(found["results"]) == 1
        assert found["results"][0]["title"].startswith("<img src=x")      # shown as text
        assert page.locator(".nr-search__result img").count() == 0
        assert page.evaluate("window.pwned") is None
    finally:
        server.close()


@pytest.fixture(scope="module")
def generated_server(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("search-generated"))
    generate(root, 300, seed=11, words=30)
    built = build(root)
    assert built.ok, built.output
    server = SiteServer(built.site)
    yield root, server
    server.close()


@pytest.mark.parametrize("word", ["งบประมาณ", "เยาวชน", "ต้นทุนชีวิต", "จิตอาสา", "ความซื่อสัตย์",
                                  "ผู้ว่าราชการ", "ภาคประชาสังคม"])
def test_generated_archive(page, generated_server, word):
    root, server = generated_server
    entries = load(root).entries
    open_search(page, server.url)
    found = search(page, word)
    want = containing(entries, word)
    assert found["slugs"] == want, (len(found["slugs"]), len(want))
