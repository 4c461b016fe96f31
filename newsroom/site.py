"""From the archive model to the pages MkDocs renders.

``plan_site`` returns one GeneratedPage per URL: entry pages, /provinces/,
each province (paginated), each province in each program year, /years/ and
each year, /people/ and each person, /tags/ and each tag. Each page carries
finished, display-ready values (Thai dates, URLs, counts) in ``context``; the
templates in overrides/ only lay them out.
Where a province page comes from: ``_province_pages`` below, rendered by
overrides/newsroom/listing.html.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pythainlp.util import collate

from . import paths
from .archive import PAGE_SIZE, Archive, paginate
from .charts import province_map, year_chart
from .entry import Entry
from .photos import SIZES, PhotoSet, Rendition
from .program_year import program_year_span, thai_date, thai_date_short
from .province import Province, regions
from .slugs import ascii_slugs

ENTRY_TEMPLATE = "newsroom/entry.html"
LISTING_TEMPLATE = "newsroom/listing.html"
HOME_LATEST = 12


@dataclass
class GeneratedPage:
    src_uri: str                      # where MkDocs sees it, e.g. "provinces/nan/index.md"
    template: str                     # template in overrides/, e.g. "newsroom/listing.html"
    title: str                        # plain text (escaped by the hook, not here)
    context: dict[str, Any]           # display values for the template
    markdown: str = ""                # the body MkDocs renders (entries only)
    description: str = ""             # plain text for <meta name="description">
    files: tuple[tuple[str, Any], ...] = ()  # (name, source path) copied beside the page
    hide: tuple[str, ...] = ()        # Material's hide: navigation, toc, …
    updated: str | None = None        # ISO date of its newest entry, for the sitemap
    source: str | None = None         # the writer's file an entry page comes from

    @property
    def url(self) -> str:
        return paths.url_of(self.src_uri)


@dataclass
class SitePlan:
    pages: list[GeneratedPage] = field(default_factory=list)

    def by_uri(self) -> dict[str, GeneratedPage]:
        return {p.src_uri: p for p in self.pages}


# --------------------------------------------------------------------------
# Small display values
# --------------------------------------------------------------------------

def province_label(p: Province) -> str:
    """'จังหวัดอุดรธานี'; Bangkok is not a จังหวัด."""
    return p.name_th if p.slug == "bangkok" else f"จังหวัด{p.name_th}"


def year_label(year: int) -> str:
    return f"ปีงบประมาณ {year}"


def year_span_label(year: int) -> str:
    first, last = program_year_span(year)
    return f"{thai_date_short(first)} – {thai_date_short(last)}"


def _link(label: str, src_uri: str, **extra: Any) -> dict[str, Any]:
    return {"label": label, "url": paths.url_of(src_uri), **extra}


Cards = dict[str, dict[str, Any]]          # entry slug -> what a listing shows of it
Photos = dict[tuple[str, str], PhotoSet]  # (entry slug, photo) -> its resized copies


def _picture(e: Entry, photo: PhotoSet, width: int) -> dict[str, Any]:
    """src (site-relative), srcset, sizes, width and height of one of an entry's photos."""
    shown = photo.fitting(width)
    return {"src": f"{e.url}{shown.name}", "width": shown.width, "height": shown.height,
            "srcset": photo.srcset,
            "sizes": SIZES}


def _photo(e: Entry, target: str, photos: Photos) -> PhotoSet:
    """The prepared copies of a photo; without them (plans made without photos.prepare),
    the original alone, of unknown size."""
    found = photos.get((e.slug, target))
    if found is None:
        source = next(p.source for p in e.photos if p.target == target)
        found = PhotoSet(target, 0, 0, (Rendition(target, source, 0, 0),))
    return found


def entry_card(e: Entry, photos: Photos) -> dict[str, Any]:
    """What a listing shows of one entry (computed once per entry)."""
    cover = _photo(e, e.image, photos) if e.image else None
    return {
        "title": e.title,
        "url": e.url,
        "date": thai_date(e.date),
        "date_iso": e.published.isoformat(),
        "summary": e.summary,
        "provinces": [_link(p.name_th, paths.province(p)) for p in e.provinces],
        "year": _link(year_label(e.year), paths.year(e.year)),
        "image": _picture(e, cover, 320) if cover else None,
    }


PAGER_REACH = 2        # page links either side of the current page; the first and last always


def _pager(src_for_page: Any, current: int, total: int) -> dict[str, Any] | None:
    """Links to the first, the last and the pages around the current one, '…' between:
    a year with 100 pages of news gets 7 links a page, not 100."""
    if total <= 1:
        return None
    shown = sorted({1, total, *range(max(1, current - PAGER_REACH),
                                     min(total, current + PAGER_REACH) + 1)})
    pages: list[dict[str, Any]] = []
    for n in shown:
        if pages and n > pages[-1]["number"] + 1:
            pages.append({"number": None, "gap": True})
        pages.append({"number": n, "url": paths.url_of(src_for_page(n)), "current": n == current})
    return {
        "current": current,
        "total": total,
        "pages": pages,
        "newer": paths.url_of(src_for_page(current - 1)) if current > 1 else None,
        "older": paths.url_of(src_for_page(current + 1)) if current < total else None,
    }


def _groups_by_year(entries: list[Entry], province: Province | None,
                    cards: Cards) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for e in entries:
        if not groups or groups[-1]["year"] != e.year:
            target = paths.province_year(province, e.year) if province else paths.year(e.year)
            groups.append({"year": e.year, "label": year_label(e.year),
                           "url": paths.url_of(target), "entries": []})
        groups[-1]["entries"].append(cards[e.slug])
    return groups


def _title_with_page(title: str, page: int) -> str:
    return title if page <= 1 else f"{title} (หน้า {page})"


# --------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------

def feed_links(*folders_and_titles: tuple[str, str]) -> list[dict[str, str]]:
    """<link rel=alternate> values for the feeds of archive folders ("" = the site)."""
    return [{"title": title, "atom": f"{folder}feed.xml", "json": f"{folder}feed.json"}
            for folder, title in folders_and_titles]


def _json_ld(data: dict[str, Any]) -> str:
    """JSON for a <script> block: nothing in it can close the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sharing(e: Entry, site_url: str, photos: Photos) -> dict[str, Any]:
    """Open Graph / Twitter values and the NewsArticle JSON-LD of an entry page."""
    url = paths.absolute(site_url, e.url)
    image = (paths.absolute(site_url, e.url + _photo(e, e.image, photos).largest.name)
             if e.image else None)
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": e.title,
        "description": e.summary,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": e.published.isoformat(),
        "inLanguage": "th",
        "author": [{"@type": "Person", "name": n} for n in e.authors],
        "contentLocation": [{"@type": "AdministrativeArea", "name": p.name_th,
                             "alternateName": p.name_en,
                             "url": paths.absolute(site_url, paths.url_of(paths.province(p)))}
                            for p in e.provinces],
        "publisher": {"@type": "Organization", "name": "ศูนย์คุณธรรม (องค์การมหาชน)"},
        "keywords": list(e.tags),
    }
    if e.photographers:
        article["contributor"] = [{"@type": "Person", "name": n, "roleName": "photographer"}
                                  for n in e.photographers]
    if image:
        article["image"] = [image]
    meta = [("property", "og:type", "article"), ("property", "og:title", e.title),
            ("property", "og:description", e.summary), ("property", "og:url", url),
            ("property", "og:locale", "th_TH"),
            ("property", "og:site_name", "คลังข่าวจังหวัดคุณธรรม"),
            ("property", "article:published_time", e.published.isoformat()),
            *(("property", "article:tag", t) for t in e.tags),
            ("name", "twitter:card", "summary_large_image" if image else "summary"),
            ("name", "twitter:title", e.title), ("name", "twitter:description", e.summary)]
    if image:
        meta += [("property", "og:image", image), ("name", "twitter:image", image)]
    return {"meta": [{"attr": a, "key": k, "value": v} for a, k, v in meta],
            "json_ld": _json_ld(article)}


class EntryPageMemo:
    """Entry pages of the last plan, for ``mkdocs serve``: a page is reused when
    everything it shows is equal to last time (the entry, its neighbours, the cards
    of its related entries, its people's and tags' slugs, its photos). Unchanged
    files give back equal entries (corpus.EntryCache), so after one edit about ten
    of 10,000 entry pages are planned again."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[tuple[Any, ...], GeneratedPage]] = {}
        self.cards: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}

    def card(self, e: Entry, photos: Photos) -> dict[str, Any]:
        """The entry's card of the last plan if the entry and its cover are equal (the same
        card object then makes the related cards in a page's key compare at once)."""
        key = (e, photos.get((e.slug, e.image)) if e.image else None)
        known = self.cards.get(e.slug)
        if known is not None and known[0] == key:
            return known[1]
        card = entry_card(e, photos)
        self.cards[e.slug] = (key, card)
        return card


def _entry_pages(archive: Archive, site_url: str, photos: Photos, cards: Cards,
                 people: dict[str, str], tags: dict[str, str],
                 memo: EntryPageMemo | None = None) -> list[GeneratedPage]:
    pages = []
    for e in archive.entries:
        near = [archive.neighbours(e, p) for p in e.provinces]
        related = [cards[r.slug] for r in archive.related(e)]
        if memo is not None:
            key = (e, site_url, [(n.newer and (n.newer.title, n.newer.url),
                                  n.older and (n.older.title, n.older.url)) for n in near],
                   related, [people[n] for n in (*e.authors, *e.photographers)],
                   [tags[t] for t in e.tags], [photos.get((e.slug, ph.target)) for ph in e.photos])
            known = memo.pages.get(e.slug)
            if known is not None and known[0] == key:
                pages.append(known[1])
                continue
        page = _entry_page(e, near, related, site_url, photos, people, tags)
        if memo is not None:
            memo.pages[e.slug] = (key, page)
        pages.append(page)
    return pages


def _entry_page(e: Entry, near: list[Any], related: list[dict[str, Any]], site_url: str,
                photos: Photos, people: dict[str, str], tags: dict[str, str]) -> GeneratedPage:
    neighbours = []
    for p, n in zip(e.provinces, near):
        neighbours.append({
            "province": _link(province_label(p), paths.province(p)),
            "newer": {"title": n.newer.title, "url": n.newer.url} if n.newer else None,
            "older": {"title": n.older.title, "url": n.older.url} if n.older else None,
        })
    context = {
        "kind": "entry",
        "title": e.title,
        "date": thai_date(e.date),
        "date_iso": e.published.isoformat(),
        "authors": [_link(n, paths.person(people[n])) for n in e.authors],
        "photographers": [_link(n, paths.person(people[n])) for n in e.photographers],
        "tags": [_link(t, paths.tag(tags[t])) for t in e.tags],
        "related": related,
        "provinces": [_link(province_label(p), paths.province(p), name=p.name_th)
                      for p in e.provinces],
        "province_names": [p.name_th for p in e.provinces],
        "year": _link(year_label(e.year), paths.year(e.year), value=e.year),
        "province_years": [_link(f"{p.name_th} {year_label(e.year)}",
                                 paths.province_year(p, e.year)) for p in e.provinces],
        "cover": _picture(e, _photo(e, e.image, photos), 1280) if e.image else None,
        "neighbours": neighbours,
        "feeds": feed_links(*((f"provinces/{p.slug}/", f"ข่าว{province_label(p)}")
                              for p in e.provinces)),
        "sharing": _sharing(e, site_url, photos),
    }
    return GeneratedPage(
        src_uri=paths.entry(e.slug), template=ENTRY_TEMPLATE, title=e.title,
        markdown=e.body, context=context, description=e.summary,
        # only the copies photos.prepare made: the writer's own file is never published
        files=tuple((r.name, r.source) for ph in e.photos if (e.slug, ph.target) in photos
                    for r in photos[(e.slug, ph.target)].renditions),
        updated=e.date.isoformat(), source=e.source)


def _listing(src_for_page: Any, title: str, heading: str, entries: list[Entry],
             kind: str, province: Province | None, facts: dict[str, Any], cards: Cards,
             group: bool = True, feed: str | None = None,
             about: str | None = None) -> list[GeneratedPage]:
    """The pages of one archive. ``about`` names its news in the description and feed
    title (by default ข่าว + heading: ข่าวจังหวัดน่าน, ข่าวปีงบประมาณ 2564)."""
    about = about or f"ข่าว{heading}"
    chunks = paginate(entries, PAGE_SIZE)
    pages = []
    for n, chunk in enumerate(chunks, start=1):
        context = {
            "kind": kind,
            "heading": heading,
            "total": len(entries),
            "groups": _groups_by_year(chunk, province, cards) if group else
            [{"year": None, "label": None, "url": None, "entries": [cards[e.slug] for e in chunk]}],
            "pager": _pager(src_for_page, n, len(chunks)),
            "feeds": feed_links((feed, about)) if feed is not None else [],
            **facts,
        }
        pages.append(GeneratedPage(
            src_uri=src_for_page(n), template=LISTING_TEMPLATE,
            title=_title_with_page(title, n), context=context,
            description=f"{about} {len(entries)} รายการ", hide=("toc",),
            updated=_newest(chunk)))
    return pages


def _newest(entries: list[Entry]) -> str | None:
    return max(e.date for e in entries).isoformat() if entries else None


def _by_year_then_date(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.year, e.published, e.slug), reverse=True)


def _province_pages(archive: Archive, cards: Cards) -> list[GeneratedPage]:
    pages = []
    for p, entries in archive.by_province.items():
        years = [_link(year_label(y), paths.province_year(p, y),
                       count=len(archive.by_province_year[(p, y)]))
                 for y in archive.years_of(p)]
        facts = {"province": {"name": p.name_th, "name_en": p.name_en, "region": p.region_th},
                 "years": years, "up": _link("จังหวัดทั้งหมด", paths.PROVINCES)}
        label = province_label(p)
        pages += _listing(lambda n, p=p: paths.province(p, n), label, label,
                          _by_year_then_date(entries), "province", p, facts, cards,
                          feed=f"provinces/{p.slug}/")
        for y in archive.years_of(p):
            sub = archive.by_province_year[(p, y)]
            sub_facts = {"province": facts["province"], "years": years,
                         "up": _link(label, paths.province(p)),
                         "year": _link(year_label(y), paths.year(y)),
                         "span": year_span_label(y)}
            heading = f"{label} {year_label(y)}"
            pages += _listing(lambda n, p=p, y=y: paths.province_year(p, y, n), heading, heading,
                              sub, "province_year", p, sub_facts, cards, group=False,
                              feed=f"provinces/{p.slug}/")
    return pages


def _year_pages(archive: Archive, cards: Cards) -> list[GeneratedPage]:
    pages = []
    for y, entries in archive.by_year.items():
        facts = {
            "span": year_span_label(y),
            "provinces": [_link(p.name_th, paths.province_year(p, y), count=c)
                          for p, c in archive.provinces_in(y)],
            "up": _link("ปีงบประมาณทั้งหมด", paths.YEARS),
        }
        pages += _listing(lambda n, y=y: paths.year(y, n), year_label(y), year_label(y),
                          entries, "year", None, facts, cards, group=False, feed=f"years/{y}/")
    return pages


def _people_pages(archive: Archive, cards: Cards, people: dict[str, str]) -> list[GeneratedPage]:
    """A page per writer and per photographer, and /people/ listing them all."""
    pages = []
    credits: dict[str, list[Entry]] = {}
    for role in (archive.by_author, archive.by_photographer):
        for name, entries in role.items():
            credits.setdefault(name, []).extend(entries)
    for name, entries in sorted(credits.items()):
        unique = sorted({e.slug: e for e in entries}.values(), key=lambda e: e.sort_key,
                        reverse=True)
        facts = {"person": {"name": name,
                            "written": len(archive.by_author.get(name, ())),
                            "photographed": len(archive.by_photographer.get(name, ()))},
                 "up": _link("ผู้เขียนข่าวและช่างภาพ", paths.PEOPLE)}
        pages += _listing(lambda n, slug=people[name]: paths.person(slug, n), name,
                          f"ข่าวของ {name}", unique, "person", None, facts, cards, group=False,
                          about=f"ข่าวที่ {name} เขียนหรือถ่ายภาพ")
    index = GeneratedPage(
        src_uri=paths.PEOPLE, template="newsroom/people.html", title="ผู้เขียนข่าวและช่างภาพ",
        context={"kind": "people",
                 # in Thai dictionary order, as a reader looks a name up
                 "authors": [_link(n, paths.person(people[n]), count=len(archive.by_author[n]))
                             for n in collate(archive.by_author)],
                 "photographers": [_link(n, paths.person(people[n]),
                                         count=len(archive.by_photographer[n]))
                                   for n in collate(archive.by_photographer)]},
        description="ผู้เขียนข่าวและช่างภาพของคลังข่าวจังหวัดคุณธรรม", hide=("toc",),
        updated=_newest(archive.entries))
    return [index, *pages]


def _tag_pages(archive: Archive, cards: Cards, tags: dict[str, str]) -> list[GeneratedPage]:
    """A page per tag, its entries newest first, and /tags/ listing every tag with its
    number of entries in Thai dictionary order (pythainlp's collate: a reader looks a
    tag up by name, as in an index; Latin tags come first)."""
    pages = []
    up = _link("แท็กทั้งหมด", paths.TAGS)
    for tag, entries in archive.by_tag.items():
        heading = f"แท็ก {tag}"
        pages += _listing(lambda n, slug=tags[tag]: paths.tag(slug, n), heading, heading,
                          entries, "tag", None, {"up": up}, cards,
                          group=False, about=f"ข่าวที่ติดแท็ก {tag}")
    listed = [_link(t, paths.tag(tags[t]), count=len(archive.by_tag[t]))
              for t in collate(archive.by_tag)]
    index = GeneratedPage(
        src_uri=paths.TAGS, template="newsroom/tags.html", title="แท็ก",
        context={"kind": "tags", "tags": listed, "tag_count": len(listed),
                 "total": len(archive.entries)},
        description="ข่าวจังหวัดคุณธรรมแยกตามแท็ก พร้อมจำนวนข่าวของแต่ละแท็ก", hide=("toc",),
        updated=_newest(archive.entries))
    return [index, *pages]


def _index_pages(archive: Archive, cards: Cards) -> list[GeneratedPage]:
    region_list = [{
        "name": r.name_th,
        "slug": r.slug,
        "provinces": [_link(p.name_th, paths.province(p), count=archive.count(p),
                            name_en=p.name_en) for p in r.provinces],
        "count": sum(archive.count(p) for p in r.provinces),
    } for r in regions()]
    provinces_page = GeneratedPage(
        src_uri=paths.PROVINCES, template="newsroom/provinces.html", title="จังหวัด",
        context={"kind": "provinces", "regions": region_list, "total": len(archive.entries),
                 "with_news": len(archive.by_province),
                 "map": province_map({p: archive.count(p) for p in archive.by_province},
                                     {p: f"{p.slug}/" for p in archive.by_province})},
        description="ข่าวจังหวัดคุณธรรมแยกตามจังหวัด 77 จังหวัด", hide=("toc",))
    years_page = GeneratedPage(
        src_uri=paths.YEARS, template="newsroom/years.html", title="ปีงบประมาณ",
        context={"kind": "years", "total": len(archive.entries),
                 "years": [_link(year_label(y), paths.year(y), count=len(es), year=y,
                                 span=year_span_label(y), provinces=len(archive.provinces_in(y)))
                           for y, es in archive.by_year.items()],
                 "chart": year_chart([(y, len(es), f"{y}/") for y, es in archive.by_year.items()])},
        description="ข่าวจังหวัดคุณธรรมแยกตามปีงบประมาณ", hide=("toc",))
    top = sorted(archive.by_province.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:12]
    home = GeneratedPage(
        src_uri=paths.HOME, template="newsroom/home.html", title="หน้าแรก",
        context={"kind": "home",
                 "latest": [cards[e.slug] for e in archive.entries[:HOME_LATEST]],
                 "total": len(archive.entries),
                 "years": [_link(year_label(y), paths.year(y), count=len(es))
                           for y, es in archive.by_year.items()],
                 "provinces": [_link(p.name_th, paths.province(p), count=len(es))
                               for p, es in top],
                 "provinces_url": paths.url_of(paths.PROVINCES),
                 "years_url": paths.url_of(paths.YEARS),
                 "tags_url": paths.url_of(paths.TAGS),
                 "people_url": paths.url_of(paths.PEOPLE),
                 "tag_count": len(archive.by_tag)})
    newest = _newest(archive.entries)
    for page in (provinces_page, years_page, home):
        page.updated = newest
    return [provinces_page, years_page, home]


def plan_site(archive: Archive, site_url: str = "", photos: Photos | None = None,
              memo: EntryPageMemo | None = None) -> SitePlan:
    """Every page of the archive, in a stable order: entries first (MkDocs renders
    in this order, and the search index is built from entry pages as they render,
    so it can finish while the archive pages render). ``site_url`` makes the
    absolute URLs that sharing tags and JSON-LD need; ``photos`` the resized
    copies of each entry's photos (photos.py); ``memo`` the entry pages of the
    last plan (previews)."""
    photos = photos or {}
    cards = {e.slug: memo.card(e, photos) if memo else entry_card(e, photos)
             for e in archive.entries}
    people = ascii_slugs([*archive.by_author, *archive.by_photographer], fallback="person",
                         reserved=paths.RESERVED_SLUGS)
    tags = ascii_slugs(archive.by_tag, fallback="tag", reserved=paths.RESERVED_SLUGS)
    return SitePlan(pages=[*_entry_pages(archive, site_url, photos, cards, people, tags, memo),
                           *_index_pages(archive, cards), *_province_pages(archive, cards),
                           *_year_pages(archive, cards), *_people_pages(archive, cards, people),
                           *_tag_pages(archive, cards, tags)])
