"""The reader's pages of issue 21, in Chromium at a phone's and a desktop's width: every
request of every page kind answered 200 by the site itself (the 404 page's own address
aside), the Thai 404 page, captions, the code font, sharing, the footer, what the site
stores (nothing), and axe-core on the new pages."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from newsroom.model.archive import build_archive
from newsroom.plan.pages import PersonListing
from newsroom.plan.site_plan import plan_site
from newsroom.read.corpus import load

from tests.helpers import ROOT, identity, serious_violations

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SIZES = [("phone", PHONE), ("desktop", DESKTOP)]
MISSING = "news/no-such-entry/photo/"          # a missing address, three folders deep


class _Host(http.server.SimpleHTTPRequestHandler):
    """A static host as GitHub Pages is one: a missing address answers 404 with 404.html."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def host(sample_site):
    handler = functools.partial(_Host, directory=str(sample_site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@functools.lru_cache(maxsize=1)
def page_kinds() -> dict[str, str]:
    entries = load(ROOT).entries
    plan = plan_site(build_archive(entries), identity())
    with_photo = next(e for e in entries if e.image)
    without_photo = next(e for e in entries if not e.photos)
    described = next(e for e in entries if "![" in e.body)
    person = next(p.url for p in plan.pages if isinstance(p.view, PersonListing))
    p = with_photo.provinces[0]
    return {
        "home": "", "entry": with_photo.url, "entry-without-photo": without_photo.url,
        "entry-with-captions": described.url, "all": "news/", "all-2": "news/page/2/",
        "province": f"provinces/{p.slug}/", "province-year": f"provinces/{p.slug}/{with_photo.year}/",
        "year": f"years/{with_photo.year}/", "years": "years/", "map": "provinces/",
        "tags": "tags/", "people": "people/", "person": person, "stats": "stats/", "data": "data/",
        "about": "about/", "privacy": "privacy/", "accessibility": "accessibility/",
        "site-map": "site-map/", "guide": "guide/", "404": MISSING,
    }


def _open(browser, host, kind: str, size: dict, **options):
    context = browser.new_context(viewport=size, device_scale_factor=1, **options)
    page = context.new_page()
    answers: list[tuple[str, int]] = []
    failed: list[str] = []
    page.on("response", lambda r: answers.append((r.url, r.status)))
    page.on("requestfailed", lambda r: failed.append(r.url))
    response = page.goto(host.url + page_kinds()[kind], wait_until="networkidle")
    return context, page, response, answers, failed


@pytest.mark.parametrize("size_name, size", SIZES)
@pytest.mark.parametrize("kind", list(page_kinds()))
def test_every_request_is_answered_by_the_site(browser, host, kind, size_name, size):
    """Material took the feed links for language versions and asked for sitemap.xml beside
    each feed: two 404s on every page. Now every request is the site's own and found."""
    context, page, response, answers, failed = _open(browser, host, kind, size)
    context.close()
    document = host.url + page_kinds()[kind]
    assert response.status == (404 if kind == "404" else 200)
    assert failed == []
    elsewhere = [u for u, _ in answers if not u.startswith(host.url) and not u.startswith("data:")]
    assert elsewhere == []
    wrong = [(u, s) for u, s in answers if s != 200 and u != document]
    assert wrong == [], f"{kind}: {wrong}"


@pytest.mark.parametrize("size_name, size", SIZES)
def test_the_404_page_is_thai_and_leads_back(browser, host, size_name, size):
    context, page, response, answers, _ = _open(browser, host, "404", size)
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == "th"
    assert page.locator(".md-content h1").inner_text() == "ไม่พบหน้าที่ต้องการ"
    assert "Not found" not in page.content()
    # the way home, from three folders deep
    home = page.locator(".nr-not-found a.md-button--primary")
    assert home.inner_text() == "กลับหน้าแรก"
    assert urljoin(page.url, home.get_attribute("href")).rstrip(".") == host.url
    # the ways back are buttons, not underlined links
    assert page.eval_on_selector_all(".nr-not-found .nr-ways .md-button",
                                     "bs => bs.map(b => getComputedStyle(b).textDecorationLine)") == ["none"] * 4
    # the latest entries, each a page that is there
    latest = [urljoin(page.url, h) for h in page.eval_on_selector_all(
        ".nr-headlines a", "links => links.map(a => a.getAttribute('href'))")]
    assert len(latest) == 6
    entries = load(ROOT).entries
    assert latest == [host.url + e.url for e in entries[:6]]
    # the search box opens from the page and takes the reader's words
    page.locator(".nr-not-found__search").click()
    search = page.locator(".nr-search input[type=search]")
    search.wait_for(state="visible")
    assert page.evaluate("document.activeElement.name") == "query"
    search.fill("คุณธรรม")
    page.wait_for_selector("[data-nr-results] li")
    # and by keyboard, as a button opens
    page.keyboard.press("Escape")
    page.locator(".nr-not-found__search").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__search').checked")
    context.close()


@pytest.mark.parametrize("size_name, size", SIZES)
def test_photo_descriptions_are_upright_captions(browser, host, size_name, size):
    entry = next(e for e in load(ROOT).entries if e.url == page_kinds()["entry-with-captions"])
    context, page, *_ = _open(browser, host, "entry-with-captions", size)
    captions = page.evaluate("""() => [...document.querySelectorAll('.nr-body figure figcaption')]
        .map(c => ({text: c.textContent, style: getComputedStyle(c).fontStyle,
                    alt: c.parentElement.querySelector('img').alt,
                    shown: c.getBoundingClientRect().height > 0}))""")
    context.close()
    credit = "ภาพ: " + ", ".join(entry.photographers)
    described = [c for c in captions if c["text"] != credit]
    assert described, captions
    for c in described:
        assert c["text"] == f"{c['alt']} · {credit}" and c["alt"] in entry.body
    assert all(c["style"] == "normal" and c["shown"] for c in captions)


def test_code_shows_thai_in_the_sites_font(browser, host):
    """Thai in a code block comes from Sarabun where no system monospace font has Thai."""
    context, page, *_ = _open(browser, host, "guide", PHONE)
    cdp = context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "pre code"})["nodeId"]
    assert node
    text = page.evaluate("document.querySelector('pre code').textContent")
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in text)
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    context.close()
    assert any("Sarabun" in f["familyName"] for f in fonts), fonts


@pytest.mark.parametrize("size_name, size", SIZES)
def test_sharing_is_plain_links_and_a_copy_button(browser, host, size_name, size):
    context, page, response, answers, _ = _open(
        browser, host, "entry-without-photo", size, permissions=["clipboard-read", "clipboard-write"])
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    links = page.eval_on_selector_all(".nr-share a", "as => as.map(a => [a.textContent, a.href, a.rel])")
    assert [t for t, _, _ in links] == ["แชร์ทาง LINE", "แชร์ทาง Facebook"]
    line, facebook = (urlsplit(h) for _, h, _ in links)
    assert line.netloc == "social-plugins.line.me" and parse_qs(line.query)["url"] == [canonical]
    assert facebook.netloc == "www.facebook.com" and parse_qs(facebook.query)["u"] == [canonical]
    assert all("noreferrer" in rel for _, _, rel in links)
    # nothing of LINE's or Facebook's was loaded
    assert all(u.startswith(host.url) or u.startswith("data:") for u, _ in answers)
    # every share control is a phone-sized target
    sizes = page.eval_on_selector_all(".nr-share a, .nr-share button",
                                      "es => es.map(e => e.getBoundingClientRect().height)")
    assert len(sizes) == 3 and min(sizes) >= 44
    page.locator(".nr-share__copy").click()
    page.wait_for_selector("[data-nr-copied]:not(:empty)")
    assert page.locator("[data-nr-copied]").inner_text() == "คัดลอกลิงก์แล้ว"
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    # an entry without a photo is shared with the site's card, which is there
    image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert image.endswith("/assets/share-card.png")
    card = page.request.get(host.url + "assets/share-card.png")
    assert card.status == 200 and card.headers["content-type"] == "image/png"
    context.close()


@pytest.mark.parametrize("size_name, size", SIZES)
def test_the_footer_is_thai_and_leads_to_the_public_pages(browser, host, size_name, size):
    context, page, *_ = _open(browser, host, "home", size)
    footer = page.locator(".md-footer").inner_text()
    assert "Material" not in footer and "ถัดไป" not in footer and "ก่อนหน้า" not in footer
    links = page.eval_on_selector_all(".nr-footer-links a", "as => as.map(a => [a.textContent, a.href])")
    assert [t for t, _ in links] == ["เกี่ยวกับและติดต่อ", "นโยบายความเป็นส่วนตัว",
                                     "การเข้าถึงเว็บไซต์", "แผนผังเว็บไซต์", "ข้อมูลเปิด"]
    for _, href in links:
        assert page.request.get(href).status == 200
    heights = page.eval_on_selector_all(".nr-footer-links a",
                                        "as => as.map(a => a.getBoundingClientRect().height)")
    assert min(heights) >= 44
    # the home page's ways in: ข่าวทั้งหมด first, and no lone count
    ways = page.eval_on_selector_all(".nr-ways a", "as => as.map(a => [a.textContent.trim(), a.href])")
    assert ways[0] == ["ข่าวทั้งหมด", host.url + "news/"]
    assert not any(ch.isdigit() for text, _ in ways for ch in text)
    context.close()


def test_the_site_stores_nothing_in_the_browser(browser, host):
    """What the privacy page says: no cookie, nothing kept in the browser, searching included."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for kind in ("home", "entry", "map", "404"):
        page.goto(host.url + page_kinds()[kind], wait_until="networkidle")
    page.locator("label[for=__search]").first.click()
    page.locator(".nr-search input[type=search]").fill("เยาวชน")
    page.wait_for_selector("[data-nr-results] li")
    stored = page.evaluate("[document.cookie, localStorage.length, sessionStorage.length]")
    cookies = context.cookies()
    context.close()
    assert stored == ["", 0, 0] and cookies == []


@pytest.mark.parametrize("kind", ["404", "all", "site-map", "about", "privacy", "accessibility",
                                  "person", "entry-without-photo", "entry-with-captions", "guide"])
@pytest.mark.parametrize("size_name, size", SIZES)
def test_new_pages_have_no_serious_accessibility_violations(browser, host, kind, size_name, size):
    context, page, *_ = _open(browser, host, kind, size)
    serious = serious_violations(page)
    context.close()
    assert serious == []


@pytest.mark.parametrize("size_name, size", SIZES)
def test_map_tiles_are_targets_a_finger_can_tap(browser, host, size_name, size):
    context, page, *_ = _open(browser, host, "map", size)
    tiles = page.eval_on_selector_all(".nr-map a", """as => as.map(a => {
        const r = a.getBoundingClientRect(); return [a.dataset.province, r.width, r.height]; })""")
    assert tiles and all(w >= 44 and h >= 44 for _, w, h in tiles), tiles[:3]
    # the page itself never scrolls sideways; on a phone the map scrolls inside its box
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    if size_name == "phone":
        assert page.evaluate("(b => b.scrollWidth > b.clientWidth)(document.querySelector('.nr-map-scroll'))")
    # the region lists are the other way in, a tap away
    skip = page.locator(".nr-map-skip a")
    target = skip.get_attribute("href")
    skip.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(f"{target} .nr-province-list a").count() >= 1
    context.close()


@pytest.mark.parametrize("kind", ["years", "stats"])
@pytest.mark.parametrize("size_name, size", SIZES)
def test_chart_labels_are_legible_and_every_bar_is_labelled(browser, host, kind, size_name, size):
    context, page, *_ = _open(browser, host, kind, size)
    sizes = page.evaluate("""() => [...document.querySelectorAll('svg.nr-chart')].flatMap(svg => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map(t => [t.textContent,
            parseFloat(getComputedStyle(t).fontSize) * scale]); })""")
    assert sizes and min(px for _, px in sizes) >= 12, sorted(sizes, key=lambda s: s[1])[:3]
    if kind == "years":
        bars = page.eval_on_selector_all("svg.nr-chart a", """as => as.map(a =>
            [a.dataset.year, a.dataset.count, [...a.querySelectorAll('text')].map(t => t.textContent)])""")
        assert bars and all(texts == [f"ปีงบประมาณ {y}", n] for y, n, texts in bars)
    context.close()
