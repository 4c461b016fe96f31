"""The reader's pages and strings of issue 21, read back from built sites: /news/ (every
entry), the 404 page, the site map, the public body's pages in the footer, a person's
roles, the tags' line, neighbours, the share links and the share card."""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup
from PIL import Image

from newsroom.model import paths
from newsroom.model.archive import build_archive
from newsroom.model.calendar import thai_date
from newsroom.plan.labels import person_roles
from newsroom.plan.sharing import SHARE_CARD, SHARE_CARD_SIZE
from newsroom.read.corpus import load

from tests.helpers import ROOT, build, write_entry

GOOD = "title: ข่าว\ndate: 2020-11-06\nauthor: ก ไก่\nprovince: น่าน"
PUBLIC_PAGES = ["about/", "privacy/", "accessibility/", "site-map/", "data/"]


def test_news_lists_every_entry_newest_first(sample_site):
    entries = load(ROOT).entries
    assert sample_site.listed("news/") == [e.slug for e in entries]
    first = sample_site.page("news/")
    assert first.select_one("h1").get_text() == "ข่าวทั้งหมด"
    assert first.select_one(".nr-total").get_text() == str(len(entries))
    # its feed is the site's, and the home page leads to it
    assert first.select_one("a.nr-feed")["href"] == "../feed.xml"
    home = sample_site.page("")
    assert [a["href"] for a in home.select(".nr-ways a")][0] == "news/"
    assert home.select_one(".nr-all a").get_text() == f"ดูข่าวทั้งหมด {len(entries)} รายการ"


def test_an_entry_may_not_be_called_page(project):
    write_entry(project, "2564/page.md", GOOD)
    built = build(project)
    assert not built.ok
    assert "'page' cannot be an entry's slug" in built.output
    write_entry(project, "2564/page.md", GOOD + "\nslug: page-one")
    assert build(project).ok


def test_the_404_page_is_thai_with_the_latest_entries(sample_site):
    soup = BeautifulSoup((sample_site.site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(".md-content h1").get_text() == "ไม่พบหน้าที่ต้องการ"
    assert "Not found" not in soup.get_text()
    entries = load(ROOT).entries
    links = [a["href"] for a in soup.select(".nr-headlines a")]
    # from the site's root: the page is served at every depth
    assert links == ["/" + e.url for e in entries[:6]]
    assert [t.get_text() for t in soup.select(".nr-headlines time")] == \
        [thai_date(e.date) for e in entries[:6]]
    assert soup.select_one("label.nr-not-found__search")["for"] == "__search"
    assert soup.select_one(".nr-search input[type=search]")       # the header's search box


def test_the_footer_is_ours_on_every_page(sample_site):
    for html in sample_site.site.rglob("*.html"):
        if html.relative_to(sample_site.site).parts[0] == "admin":
            continue                                # the web editor: Decap's page, not ours
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        footer = soup.select_one(".md-footer")
        assert "Made with" not in footer.get_text(), html
        assert not footer.select(".md-footer__link"), html          # no prev / next
        page_url = "/" + html.relative_to(sample_site.site).parent.as_posix() + "/"
        if html.name == "404.html":
            page_url = "/"
        shown = [urljoin(page_url, a["href"]) for a in footer.select(".nr-footer-links a")]
        assert shown == ["/" + p for p in PUBLIC_PAGES], html
    for url in PUBLIC_PAGES:
        assert sample_site.page(url).select_one("h1")


def test_the_public_pages_say_what_they_must(sample_site):
    about = sample_site.page("about/")
    contact = about.select_one("#contact")
    assert contact and "ศูนย์คุณธรรม (องค์การมหาชน)" in about.get_text()
    assert about.select_one('a[href^="tel:"]')
    assert about.select_one("#feeds")
    privacy = sample_site.page("privacy/").get_text()
    assert "ไม่ใช้คุกกี้" in privacy and "ไม่มีระบบติดตาม" in privacy
    assert sample_site.page("accessibility/").select_one('a[href="../about/#contact"]')


def test_the_site_map_names_every_kind_of_page_and_every_province_and_year(sample_site):
    entries = load(ROOT).entries
    archive = build_archive(entries)
    soup = sample_site.page("site-map/")
    hrefs = {urljoin("/site-map/", a["href"]) for a in soup.select(".nr-site-map a")}
    for src in (paths.HOME, paths.all_news(), paths.PROVINCES, paths.YEARS, paths.TAGS,
                paths.PEOPLE, paths.STATS, paths.DATA, paths.ABOUT, paths.PRIVACY,
                paths.ACCESSIBILITY, paths.GUIDE):
        assert "/" + paths.url_of(src) in hrefs, src
    for p in archive.by_province:
        assert "/" + paths.url_of(paths.province(p)) in hrefs
    for y in archive.by_year:
        assert "/" + paths.url_of(paths.year(y)) in hrefs
    for href in hrefs:        # each a page of the site
        target = sample_site.site / href.strip("/") / "index.html" if href != "/" else \
            sample_site.site / "index.html"
        assert target.is_file(), href


def test_a_person_page_leaves_out_a_role_of_none(sample_site):
    archive = build_archive(load(ROOT).entries)
    writer_only = next(n for n in archive.by_author if n not in archive.by_photographer)
    photographer_only = next(n for n in archive.by_photographer if n not in archive.by_author)
    for name in (writer_only, photographer_only):
        people = sample_site.page("people/")
        href = next(a["href"] for a in people.select(".nr-people a") if a.get_text() == name)
        lead = sample_site.page(urljoin("/people/", href)).select_one(".nr-lead").get_text()
        assert " 0 " not in lead and "0 ·" not in lead
        shown = person_roles(len(archive.by_author.get(name, ())),
                             len(archive.by_photographer.get(name, ())))
        assert shown in " ".join(lead.split())
    assert "ถ่ายภาพ" not in person_roles(2, 0) and "เขียนข่าว" not in person_roles(0, 1)


def test_wording_of_tags_neighbours_and_feeds(sample_site):
    lead = sample_site.page("tags/").select_one(".nr-lead").get_text()
    assert lead.count("แท็ก") == 2       # "ทั้งหมด 12 แท็ก …ของแต่ละแท็ก": not "แท็ก 12 แท็ก"
    assert not lead.startswith("แท็ก")
    entries = load(ROOT).entries
    labels = set()
    for e in entries:
        for li in sample_site.page(e.url).select(".nr-neighbours li"):
            labels.add(li.get_text().split(":")[0])
    assert labels == {"ข่าวใหม่กว่า", "ข่าวเก่ากว่า"}
    province = sample_site.page("provinces/nan/")
    assert province.select_one("a.nr-feed").get_text() == "รับข่าวใหม่ผ่านแอปอ่านฟีด"
    assert "Atom" not in province.select_one(".nr-lead").get_text()


def test_share_links_and_the_share_card(sample_site):
    entries = load(ROOT).entries
    bare = next(e for e in entries if not e.image)
    soup = sample_site.page(bare.url)
    og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
    assert og["og:image"].endswith("/" + SHARE_CARD) and og["og:image:type"] == "image/png"
    with Image.open(sample_site.site / SHARE_CARD) as im:
        assert im.size == SHARE_CARD_SIZE == (int(og["og:image:width"]), int(og["og:image:height"]))
    assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    shares = soup.select(".nr-share a")
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert [a["href"].split("=", 1)[0] for a in shares] == [
        "https://social-plugins.line.me/lineit/share?url", "https://www.facebook.com/sharer/sharer.php?u"]
    assert soup.select_one("button.nr-share__copy")["data-nr-copy"] == canonical
    assert not soup.select(".nr-share script, .nr-share iframe")
    with_cover = next(e for e in entries if e.image)
    og = {m["property"]: m["content"] for m in sample_site.page(with_cover.url).select("meta[property]")}
    assert og["og:image"].startswith(canonical.split("/news/")[0]) and og["og:image:type"] == "image/jpeg"


def test_entry_pages_date_with_the_weekday(sample_site):
    e = next(e for e in load(ROOT).entries if e.date.isoformat() == "2020-11-06")
    assert sample_site.page(e.url).select_one(".nr-meta time").get_text() == \
        "วันศุกร์ที่ 6 พฤศจิกายน 2563"
