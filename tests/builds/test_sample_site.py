"""The sample archive shipped in news/: it builds, and it is the varied archive the README promises."""

from __future__ import annotations

from urllib.parse import urljoin

from pythainlp.util import collate

from newsroom.read.corpus import load
from newsroom.model.calendar import thai_date_with_weekday

from tests.helpers import ROOT


def test_sample_news_is_valid_and_varied():
    corpus = load(ROOT)
    assert corpus.problems == []
    entries = corpus.entries
    assert 20 <= len(entries) <= 40
    assert len({p for e in entries for p in e.provinces}) >= 8
    assert len({e.year for e in entries}) >= 3
    assert len({a for e in entries for a in e.authors}) >= 3
    assert len({a for e in entries for a in e.photographers}) >= 2
    assert sum(1 for e in entries if e.photos) >= 3
    assert any(len(e.provinces) == 2 for e in entries)


def test_every_sample_entry_is_on_its_archive_pages(sample_site):
    corpus = load(ROOT)
    for e in corpus.entries:
        page = sample_site.page(e.url)
        assert page.select_one("article h1").get_text() == e.title
        assert page.select_one(".nr-meta time").get_text() == thai_date_with_weekday(e.date)   # "วันศุกร์ที่ 6 พฤศจิกายน 2563"
        for p in e.provinces:
            for url in (f"provinces/{p.slug}/{e.year}/", f"years/{e.year}/"):
                listed = {a["href"].rstrip("/").rsplit("/", 1)[-1]
                          for a in sample_site.page(url).select("a.nr-card__title")}
                assert e.slug in listed, (e.slug, url)
        folder = sample_site.site / e.url
        shown = {img["src"] for img in page.select("article .nr-cover img, article .nr-body img")}
        gallery = {g.target for g in e.gallery}
        assert len(shown) == len([p for p in e.photos if p.target not in gallery])
        for photo in e.photos:                  # copies only: never the writer's own file
            assert not (folder / photo.target).exists()
        assert all((folder / src).is_file() for src in shown)


def test_home_lists_the_latest_entries(sample_site):
    corpus = load(ROOT)
    home = sample_site.page("")
    titles = [a.get_text() for a in home.select(".nr-cards a.nr-card__title")]
    assert titles == [e.title for e in corpus.entries[:len(titles)]] and len(titles) >= 10


def test_tags_index_counts(sample_site):
    """/tags/ lists every tag once with its number of entries, in Thai dictionary order,
    each linking to its own page, which lists exactly the entries with that tag, newest
    first, across its pages; the chips on an entry page link to the same pages."""
    entries = load(ROOT).entries           # newest first
    tagged: dict[str, list[str]] = {}
    for e in entries:
        for t in e.tags:
            tagged.setdefault(t, []).append(e.slug)
    index = sample_site.page("tags/")
    items = index.select(".nr-tags li")
    listed = {li.a.get_text(): (urljoin("/tags/", li.a["href"]),
                                int(li.select_one(".nr-count").get_text())) for li in items}
    assert len(items) == len(tagged)
    assert {t: n for t, (_, n) in listed.items()} == {t: len(s) for t, s in tagged.items()}
    names = list(listed)
    assert names == collate(names)
    assert names.index("เยาวชน") < names.index("วิทยากรส่งเสริมคุณธรรม")  # เ sorts by its ย
    for tag, (url, n) in listed.items():
        assert url.isascii() and url.startswith("/tags/") and url.count("/") == 3, url
        assert sample_site.listed(url) == tagged[tag], tag
        page = sample_site.page(url)
        assert page.select_one("article h1").get_text() == f"แท็ก {tag}"
        assert page.select_one('meta[name="description"]')["content"] == \
            f"ข่าวที่ติดแท็ก {tag} {n} รายการ"
        assert page.select_one(".nr-total").get_text() == str(n)
        assert urljoin(url, page.select_one(".nr-up a")["href"]) == "/tags/"
    for e in entries:
        chips = tag_chips(sample_site, e.url)
        assert chips == [(t, listed[t][0]) for t in e.tags], e.slug
    # the home page's way in
    home = sample_site.page("")
    way = next(a for a in home.select(".nr-ways a") if a["href"].startswith("tags"))
    assert way["href"] == "tags/"
    # no way in has a count when the others have none (the tags' count is on /tags/)
    assert not [a.get_text() for a in home.select(".nr-ways a") if any(c.isdigit() for c in a.get_text())]


def tag_chips(built, url: str) -> list[tuple[str, str]]:
    """An entry page's tag chips: (text, the site path it links to)."""
    soup = built.page(url)
    return [(a.get_text(), urljoin(f"/{url}", a["href"])) for a in soup.select(".md-tags a.md-tag")]


def test_people_pages_list_their_entries(sample_site):
    from collections import defaultdict
    from urllib.parse import urljoin
    entries = load(ROOT).entries
    credited = defaultdict(set)
    for e in entries:
        for name in (*e.authors, *e.photographers):
            credited[name].add(e.slug)
    index = sample_site.page("people/")
    links = {a.get_text(): urljoin("/people/", a["href"]) for a in index.select(".nr-people a")}
    assert set(links) == set(credited)
    for group in index.select(".nr-people"):            # writers, then photographers
        names = [a.get_text() for a in group.select("a")]
        assert len(names) > 1 and names == collate(names)
    for name, slugs in credited.items():
        page = sample_site.page(links[name].strip("/") + "/")
        listed = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.select("a.nr-card__title")}
        assert listed == slugs, name
        assert links[name].isascii()
        description = page.select_one('meta[name="description"]')["content"]
        assert description == f"ข่าวที่ {name} เขียนหรือถ่ายภาพ {len(slugs)} รายการ"
    # the credits on an entry page link there
    e = entries[0]
    soup = sample_site.page(e.url)
    credit_links = {a.get_text(): urljoin(f"/{e.url}", a["href"]) for a in soup.select(".nr-credits a")}
    assert {n: links[n] for n in (*e.authors, *e.photographers)} == credit_links


def test_related_news_share_a_province_or_tag(sample_site):
    entries = {e.slug: e for e in load(ROOT).entries}
    for e in entries.values():
        soup = sample_site.page(e.url)
        related = [a["href"].rstrip("/").rsplit("/", 1)[-1]
                   for a in soup.select(".nr-related a.nr-card__title")]
        assert 0 < len(related) <= 4 and e.slug not in related
        for slug in related:
            other = entries[slug]
            assert set(other.provinces) & set(e.provinces) or set(other.tags) & set(e.tags)
        dates = [entries[s].published for s in related]
        assert dates == sorted(dates, reverse=True)
