"""Thai search in a real browser: the header box on the built site, Pagefind's index behind it."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from bench.generate import generate
from newsroom.read.corpus import load
from newsroom.model.calendar import thai_date
from newsroom.model.province import aliases, name_key, nearest, resolve

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
    draw_all(page)
    results = page.eval_on_selector_all(".nr-search__result", """els => els.map(li => ({
        url: li.querySelector('a').href,
        title: li.querySelector('.nr-search__title').textContent,
        meta: li.querySelector('.nr-search__meta').textContent,
        excerpt: li.querySelector('.nr-search__excerpt').innerHTML,
        marks: [...li.querySelectorAll('.nr-search__excerpt mark')].map(m => m.textContent)}))""")
    return {"meta": page.inner_text("[data-nr-meta]"), "results": results,
            "slugs": {urlparse(r["url"]).path.strip("/").split("/")[-1] for r in results}}


def draw_all(page) -> None:
    """Press "more" until every result is drawn. Asking whether the button shows and
    pressing it are one step in the page: the list may be drawn again between two steps
    of Playwright's (its button hidden then), and a click would wait for it in vain."""
    while True:
        before = page.evaluate("""() => {
            const more = document.querySelector('[data-nr-more]');
            if (!more || more.hidden || !more.offsetParent) return null;
            const drawn = document.querySelector('[data-nr-search]').dataset.nrDrawn;
            more.click();
            return drawn;
        }""")
        if before is None:
            return
        page.wait_for_function(
            "(n) => document.querySelector('[data-nr-search]').dataset.nrDrawn !== n", arg=before)


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


# Fields: provinces (Thai, English, aliases), tags, writers and photographers.

def by_field(entries, has) -> set[str]:
    return {e.slug for e in entries if has(e)}


def test_a_province_name_and_its_alias_find_every_entry_of_it(page, sample_server):
    entries = load(ROOT).entries
    open_search(page, sample_server.url)
    bangkok = by_field(entries, lambda e: any(p.slug == "bangkok" for p in e.provinces))
    # One of its reports never writes the full name: only the field finds it.
    assert any("กรุงเทพมหานคร" not in e.title + e.body for e in entries if e.slug in bangkok) or \
        any("กทม" not in e.title + e.body for e in entries if e.slug in bangkok)
    for query in ("กรุงเทพมหานคร", "กทม.", "Bangkok"):
        found = search(page, query)
        assert found["slugs"] == containing(entries, query) and bangkok <= found["slugs"], query
        assert found["meta"] == f"พบ {len(found['slugs'])} ข่าว"
    # Where the text does not show the name, the province chip says why the entry is here.
    found = search(page, "กทม.")
    chips = page.eval_on_selector_all(".nr-search__result", """els => els.map(li =>
        [...li.querySelectorAll('.nr-search__chip--province mark')].map(m => m.textContent))""")
    assert chips and all(marks == ["กทม."] for marks in chips), chips


def test_an_alias_finds_a_province_in_the_generated_archive(page, generated_server):
    root, server = generated_server
    entries = load(root).entries
    korat = by_field(entries, lambda e: any(p.name_th == "นครราชสีมา" for p in e.provinces))
    assert korat
    open_search(page, server.url)
    for query in ("โคราช", "นครราชสีมา", "Korat"):
        found = search(page, query)
        assert korat <= found["slugs"] and found["slugs"] == containing(entries, query), query


def test_a_tag_finds_entries_whose_text_never_names_it(page, sample_server):
    entries = load(ROOT).entries
    tag = "การจัดการความรู้"
    tagged = by_field(entries, lambda e: tag in e.tags)
    assert {e.slug for e in entries if e.slug in tagged and tag not in e.title + e.body}
    open_search(page, sample_server.url)
    found = search(page, tag)
    assert tagged <= found["slugs"] and found["slugs"] == containing(entries, tag)
    assert found["meta"] == f"พบ {len(found['slugs'])} ข่าว"
    silent = [r for r in page.eval_on_selector_all(".nr-search__result", """els => els.map(li => ({
        excerpt: li.querySelector('.nr-search__excerpt').textContent,
        title: li.querySelector('.nr-search__title').textContent,
        chips: [...li.querySelectorAll('.nr-search__chip--tag')].map(c => c.textContent)}))""")
        if tag not in r["excerpt"] + r["title"]]
    assert silent and all(r["chips"] == [f"แท็ก {tag}"] for r in silent), silent


def test_a_writer_and_a_photographer_find_their_entries(page, sample_server):
    entries = load(ROOT).entries
    open_search(page, sample_server.url)
    writer = "กิตติพงษ์ ชัยมงคล"
    found = search(page, writer)
    assert found["slugs"] == by_field(entries, lambda e: writer in e.authors) == \
        containing(entries, writer)
    photographer = "ปกรณ์ ศรีสมบูรณ์"
    found = search(page, photographer)
    assert found["slugs"] == by_field(entries, lambda e: photographer in e.photographers)
    assert page.locator(".nr-search__chip--photographer").count() == len(found["slugs"])


def test_a_word_and_a_province_together(page, sample_server):
    entries = load(ROOT).entries
    open_search(page, sample_server.url)
    for query in ("คุณธรรม น่าน", "ประชุม ขอนแก่น", "เยาวชน Chiang Mai"):
        found = search(page, query)
        want = containing(entries, query)
        assert want and found["slugs"] == want, query
        assert all(any(p.name_th in r["meta"] for p in resolve_all(query)) for r in found["results"])


def resolve_all(query: str):
    words = query.split()
    spans = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    return [p for p in map(resolve, spans) if p]


# Counts, URLs, keyboard, suggestions.

def shown_count(page) -> str:
    return page.inner_text("[data-nr-meta]")


@pytest.mark.parametrize("query", ["การประชุม", "การส่งเสริม", "ของจังห", "ขับเคลื่อนจังหวัด"])
def test_the_count_is_exact_when_candidates_include_misses(page, sample_server, sample_site, query):
    """Each query's keys (runs of three) are in more entries than the query itself:
    การประชุม and การส่งเสริม are words of the index's vocabulary (their entries listed
    exactly), ขับเคลื่อนจังหวัด a pair word (two frequent words written together, listed
    too), ของจังห none of them (a reader still typing: จังห is no word, so the
    candidates' cards are checked). The count shown with the first results is the number of entries
    holding it, and stays that number when every result is drawn."""
    from tests.search_index_reader import SearchIndex
    entries = load(ROOT).entries
    want = containing(entries, query)
    index = SearchIndex(sample_site.site)
    assert len(index.candidates(query)) > len(want) > 0
    assert (index.word(query) is not None) == (query != "ของจังห")
    if query == "ขับเคลื่อนจังหวัด":
        assert index.is_pair(query)
    open_search(page, sample_server.url)
    page.fill("input[name=query]", query)
    wait_done(page, query)
    assert shown_count(page) == f"พบ {len(want)} ข่าว"
    draw_all(page)
    assert shown_count(page) == f"พบ {len(want)} ข่าว"
    assert page.locator(".nr-search__result").count() == len(want)
    status = page.locator("[data-nr-meta]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"


def shown_entries(index) -> tuple[list[dict], list[str]]:
    """The cards, and what each page shows (title, body, fields), normalised. The
    truth of a count: a generated body may break a line inside a word, which the page
    shows as a space."""
    cards = [index.card(i) for i in range(index.manifest["docs"])]
    return cards, [normalize("\n".join([c["t"], c["x"], *(n for f in c["f"] for n in f[1:])]))
                   for c in cards]


CHECKS = 60         # search.js: cards of undecided candidates it checks for a count


@pytest.mark.parametrize("query", ["การประชุม", "ความร่วมมือ", "การขับเคลื่อน"])
def test_the_count_is_exact_at_once_where_runs_of_three_cannot_settle_it(page, generated_server,
                                                                         query):
    """Words whose runs of three leave more candidates undecided than the box checks
    (where it showed a range before words were keys; การขับเคลื่อน is in no dictionary,
    a noun การ makes): the exact count with the first results, the same when every
    result is drawn."""
    from tests.search_index_reader import SearchIndex, undecided
    root, server = generated_server
    index = SearchIndex(root / "site")
    cards, shown = shown_entries(index)
    want = sum(normalize(query) in text for text in shown)
    assert undecided(root / "site", query) > CHECKS and want > MAX_SHOWN
    assert len(index.word(query)) == want
    open_search(page, server.url)
    page.fill("input[name=query]", query)
    wait_done(page, query)
    assert shown_count(page) == f"พบ {want:,} ข่าว"
    assert page.locator(".nr-search__result").count() == MAX_SHOWN
    draw_all(page)
    assert shown_count(page) == f"พบ {want:,} ข่าว"
    assert page.locator(".nr-search__result").count() == want


MAX_SHOWN = 10      # search.js MAX_RESULTS: results drawn at a time


def typed(page, url: str, query: str) -> list[str]:
    """Types the query into the open box and waits for its answer: the paths the
    page fetched meanwhile (from the search index)."""
    open_search(page, url)
    paths: list[str] = []
    page.on("request", lambda r: paths.append(urlparse(r.url).path))
    page.fill("input[name=query]", query)
    wait_done(page, query)
    return paths


def holding(root, query: str):
    """The generated site's index and how many entries show the query."""
    from tests.search_index_reader import SearchIndex
    index = SearchIndex(root / "site")
    return index, sum(normalize(query) in text for text in shown_entries(index)[1])


@pytest.mark.parametrize("query, misses", [("จัดการความรู้", False),
                                            ("ขับเคลื่อนจังหวัดคุณธรรม", False),
                                            ("กิจกรรมร่วมกัน", True)])
def test_words_typed_together_get_an_exact_count_at_once(page, generated_server, query, misses):
    """Words typed together without a space are no listed word (not frequent enough
    to be a pair word), and their runs of three would leave more candidates undecided
    than the box checks: the listed words that cover the text (จัดการ + ความรู้) and
    their places in each entry settle every candidate, so the first count is exact
    (a range without places), and stays so; where some candidates hold every run but
    not the text, they are left out."""
    from tests.search_index_reader import undecided
    root, server = generated_server
    index, want = holding(root, query)
    # more than the box checks, with the first results' cards
    assert index.word(query) is None and undecided(root / "site", query) > CHECKS + MAX_SHOWN
    assert (len(index.candidates(query)) > want) == misses
    paths = typed(page, server.url, query)
    assert shown_count(page) == f"พบ {want:,} ข่าว", query
    assert any("/search/p/" in path for path in paths), paths
    draw_all(page)
    assert shown_count(page) == f"พบ {want:,} ข่าว", query
    assert page.locator(".nr-search__result").count() == want, query


@pytest.mark.parametrize("query, pair", [("ขับเคลื่อนคุณธรรม", True), ("ของจังหวัด", True),
                                         ("จังหวัดขับเคลื่อน", False), ("คุณธรรมจังหวัด", False)])
def test_frequent_words_typed_together_need_no_places(page, generated_server, query, pair):
    """Two vocabulary words frequent enough together (their counts reach the manifest's
    pair_count) make a pair word wherever one follows the other: the box counts its
    entries from its one listing, and a pair the index does not list is in no entry,
    said at once, without reading a places file or a card."""
    root, server = generated_server
    index, want = holding(root, query)
    assert (index.word(query) is not None) == pair == (want > 0)
    if pair:
        assert index.is_pair(query)
    paths = typed(page, server.url, query)
    assert shown_count(page) == (f"พบ {want:,} ข่าว" if pair else "ไม่พบข่าวที่ตรงกัน"), query
    assert not any("/search/p/" in path for path in paths), paths
    if not pair:
        assert not any("/search/d/" in path for path in paths), paths


@pytest.mark.parametrize("query", ["จากหน่วยงาน", "ความร่วมมือของ"])
def test_words_typed_together_with_a_short_word_are_found_exactly(page, generated_server, query):
    """Short words Thai writes between others (จาก, ของ) are listed words too, so a
    text typed with one is covered by listed words and found from their places: the
    count is exact with the first results, with no card checked for it."""
    root, server = generated_server
    index, want = holding(root, query)
    short = next(w for w in ("จาก", "ของ") if w in query)
    assert index.word(query) is None and index.word(short) and want > MAX_SHOWN
    paths = typed(page, server.url, query)
    assert shown_count(page) == f"พบ {want:,} ข่าว", query
    assert any("/search/p/" in path for path in paths), paths
    assert len([path for path in paths if "/search/d/" in path]) <= MAX_SHOWN, paths


def test_a_pair_longer_than_the_spans_looked_up_is_still_found(page, tmp_path):
    """ผู้|เข้า|ร่วม + ห้อง|ประชุม is a pair word of five pieces, more than the box looks
    up together at first: it looks the pair up before saying that two frequent words
    written together are nowhere, so a query holding it finds its entries."""
    from tests.search_index_reader import SearchIndex
    root = make_project(tmp_path / "long-pair")
    for n, more in enumerate(["ใหญ่", "ใหญ่", "เล็ก"]):
        write_entry(root, f"2564/2020-11-0{n + 1}-pair.md", f"""\
title: ประชุมครั้งที่ {n + 1}
date: 2020-11-0{n + 1}
author: ก
province: น่าน""", body=" ".join([f"ผู้เข้าร่วมห้องประชุม{more}"] * 6))
    built = build(root)
    assert built.ok, built.output
    index = SearchIndex(built.site)
    assert index.is_pair("ผู้เข้าร่วมห้องประชุม") and index.word("ผู้เข้าร่วมห้องประชุมใหญ่") is None
    server = SiteServer(built.site)
    try:
        typed(page, server.url, "ผู้เข้าร่วมห้องประชุมใหญ่")
        assert shown_count(page) == "พบ 2 ข่าว"
    finally:
        server.close()


@pytest.mark.parametrize("query", ["ขับเคลื่อนจังห"])
def test_a_count_the_index_cannot_settle_is_a_range_that_holds_the_truth(page, generated_server,
                                                                          query):
    """Words typed together that listed words do not cover (จังห is no word), with
    more candidates undecided than the box checks at once: a range (never a wrong
    number), exact once every page is drawn."""
    from tests.search_index_reader import SearchIndex, undecided
    root, server = generated_server
    index = SearchIndex(root / "site")
    cards, shown = shown_entries(index)
    want = sum(normalize(query) in text for text in shown)
    assert index.word(query) is None and undecided(root / "site", query) > CHECKS
    open_search(page, server.url)
    page.fill("input[name=query]", query)
    wait_done(page, query)
    told = shown_count(page).removeprefix("พบ ").removesuffix(" ข่าว").replace(",", "")
    low, _, high = told.partition("–")
    assert high and int(low) <= want <= int(high), (query, told)
    draw_all(page)
    page.wait_for_function("(want) => document.querySelector('[data-nr-meta]').textContent"
                           " === want", arg=f"พบ {want:,} ข่าว")
    assert page.locator(".nr-search__result").count() == want, query


def test_a_link_with_a_query_and_filters_opens_the_search(browser, sample_server):
    entries = load(ROOT).entries
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(sample_server.url + "years/?q=คุณธรรม&province=khon-kaen&year=2565")
    wait_done(page, "คุณธรรม", "khon-kaen", "2565")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.input_value("input[name=query]") == "คุณธรรม"
    assert page.input_value("select[name=province]") == "khon-kaen"
    assert page.input_value("select[name=year]") == "2565"
    slugs = {urlparse(h).path.strip("/").split("/")[-1] for h in page.eval_on_selector_all(
        ".nr-search__result a", "els => els.map(a => a.href)")}
    want = {e.slug for e in entries if "คุณธรรม" in searchable(e) and e.year == 2565
            and any(p.slug == "khon-kaen" for p in e.provinces)}
    assert want and slugs == want
    context.close()


def test_back_returns_to_the_previous_query(page, sample_server):
    entries = load(ROOT).entries
    open_search(page, sample_server.url)
    first = search(page, "เยาวชน")
    assert "q=" in page.url
    second = search(page, "ศาลากลาง", province="ขอนแก่น")
    assert "province=khon-kaen" in page.url and second["slugs"] != first["slugs"]
    page.go_back()
    wait_done(page, "เยาวชน")
    assert page.input_value("input[name=query]") == "เยาวชน"
    assert page.input_value("select[name=province]") == ""
    assert page.locator(".nr-search__result").count() == min(10, len(containing(entries, "เยาวชน")))
    page.go_forward()
    wait_done(page, "ศาลากลาง", "khon-kaen")
    assert page.input_value("select[name=province]") == "khon-kaen"


def test_province_and_year_pages_link_to_their_search(page, sample_server):
    entries = load(ROOT).entries
    page.goto(sample_server.url + "provinces/khon-kaen/")
    page.click("a[data-nr-search-link]")
    wait_done(page, "", "khon-kaen")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.locator(".nr-search__result").count() == len(
        [e for e in entries if any(p.slug == "khon-kaen" for p in e.provinces)])
    page.goto(sample_server.url + "years/2564/")
    page.click("a[data-nr-search-link]")
    wait_done(page, "", "", "2564")
    assert page.inner_text("[data-nr-meta]") == f"พบ {sum(e.year == 2564 for e in entries)} ข่าว"


def test_keyboard_moves_through_results_and_opens_one(page, sample_server):
    open_search(page, sample_server.url)
    search(page, "คุณธรรม")
    hrefs = page.eval_on_selector_all(".nr-search__result a", "els => els.map(a => a.href)")
    focused = "document.activeElement.href || document.activeElement.name"
    page.press("input[name=query]", "ArrowDown")
    assert page.evaluate(focused) == hrefs[0]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == hrefs[2]
    page.keyboard.press("ArrowUp")
    assert page.evaluate(focused) == hrefs[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(focused) == "query"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == hrefs[1]


def test_focus_stays_in_the_phone_search_and_returns_on_close(page, sample_server):
    page.goto(sample_server.url)
    magnifier = page.locator("label.md-header__button[for=__search]")
    magnifier.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.name === 'query'")
    page.keyboard.type("เยาวชน")
    wait_done(page, "เยาวชน")
    inside = "document.querySelector('[data-nr-search]').contains(document.activeElement)"
    for _ in range(40):
        page.keyboard.press("Tab")
        assert page.evaluate(inside)
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(inside)
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__search"


def test_no_match_offers_the_nearest_name(page, sample_server):
    entries = load(ROOT).entries
    open_search(page, sample_server.url)
    for typed, meant in (("อุดรทานี", "อุดรธานี"), ("สมัชาคุณธรรม", "สมัชชาคุณธรรม"),
                         ("วรรณภา ทองสุก", "วรรณิภา ทองสุข")):
        found = search(page, typed)
        assert found["results"] == [] and found["meta"] == "ไม่พบข่าวที่ตรงกัน", typed
        assert page.inner_text("[data-nr-suggest]") == f"หมายถึง {meant} หรือไม่"
        # the same name check would propose, from the same names
        names = {name_key(n): n for n in
                 [*(x for e in entries for p in e.provinces for x in (p.name_th, *aliases(p))),
                  *(t for e in entries for t in e.tags),
                  *(a for e in entries for a in (*e.authors, *e.photographers))]}
        assert resolve(nearest(typed, names) or "") is not None or nearest(typed, names) == meant
    page.click(".nr-search__suggestion")
    wait_done(page, "วรรณิภา ทองสุข")
    assert page.inner_text("[data-nr-meta]") == \
        f"พบ {len(containing(entries, 'วรรณิภา ทองสุข'))} ข่าว"
    none = search(page, "ฟุตบอลโลก")
    assert none["meta"] == "ไม่พบข่าวที่ตรงกัน" and not page.is_visible("[data-nr-suggest]")


# Issue 21: excerpts cut between words; titles above excerpts; filters and placeholder seen.

COMBINING = set(range(0x0E31, 0x0E3B)) | set(range(0x0E47, 0x0E4F)) | {0x0E30, 0x0E32, 0x0E33, 0x0E45}


def test_excerpts_start_and_end_between_words(page, tmp_path):
    root = make_project(tmp_path / "cuts")
    words = ["จังหวัด", "คุณธรรม", "ประชาชน", "ร่วมกัน", "พัฒนา", "สังคม", "ครอบครัว", "ชุมชน"]
    text = "".join(words[(i * 5) % len(words)] for i in range(40))
    at = text.index("จังหวัด", 70)
    body = text[:at + 62] + "ฟุตบอล" + text[at + 62:] + text   # 60 before ฟุตบอล: inside จังหวัด
    write_entry(root, "2564/2020-11-06-cuts.md", "title: ข่าว\ndate: 2020-11-06\nauthor: ก\nprovince: น่าน",
                body=body)
    built = build(root)
    assert built.ok, built.output
    server = SiteServer(built.site)
    try:
        open_search(page, server.url)
        found = search(page, "ฟุตบอล")
        shown = page.inner_text(".nr-search__excerpt")
        assert shown.startswith("…") and shown.endswith("…")
        piece = shown.strip("…")
        start = body.index(piece)
        cuts = set(page.evaluate("""(t) => [...new Intl.Segmenter('th', {granularity: 'word'})
            .segment(t)].map(s => s.index).concat([t.length])""", body))
        assert start in cuts and start + len(piece) in cuts, (piece[:12], piece[-12:])
        assert ord(piece[0]) not in COMBINING and ord(body[start + len(piece)]) not in COMBINING
        assert found["results"][0]["marks"] == ["ฟุตบอล"]
    finally:
        server.close()


@pytest.mark.parametrize("size", [{"width": 390, "height": 844}, {"width": 1280, "height": 800}])
def test_results_and_filters_read_well(browser, sample_server, size):
    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.goto(sample_server.url + "?q=คุณธรรม")
    wait_done(page, "คุณธรรม")
    sizes = page.evaluate("""() => ['.nr-search__title', '.nr-search__excerpt'].map(s =>
        parseFloat(getComputedStyle(document.querySelector(s)).fontSize))""")
    assert sizes[0] > sizes[1]
    assert page.locator(".nr-search__title mark").count() > 0      # the words marked there too
    labels = page.evaluate("""() => [...document.querySelectorAll('.nr-search__filter')].map(l => {
        const name = l.querySelector('.nr-search__filter-name'), r = name.getBoundingClientRect();
        const sel = l.querySelector('select').getBoundingClientRect();
        return {color: getComputedStyle(name).color, w: r.width, top: r.top, selTop: sel.top,
                selLeft: sel.left, selRight: sel.right, nameRight: r.right};
    })""")
    for label in labels:                         # visible, in the page's text colour, beside its select
        assert label["w"] > 0 and label["color"] != "rgb(255, 255, 255)"
        assert label["nameRight"] <= label["selLeft"] + 1
    # the two filters side by side, the second close after the first
    assert abs(labels[0]["selTop"] - labels[1]["selTop"]) < 4
    assert labels[1]["selLeft"] - labels[0]["selRight"] < 160
    context.close()


def test_the_placeholder_fits_the_closed_box_on_desktop(browser, sample_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(sample_server.url)
    fits = page.evaluate("""() => {
        const input = document.querySelector('input[name=query]');
        const style = getComputedStyle(input);
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return [ctx.measureText(input.placeholder).width, room];
    }""")
    assert fits[0] <= fits[1], fits
    context.close()
