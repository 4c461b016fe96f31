"""Which archives the site lists, and what each shows besides its cards.

- ``province_pages``: each province (its entries by program year) and each
  province in each program year, rendered by overrides/newsroom/listing.html at
  paths.province / paths.province_year;
- ``year_pages``: each program year, with the provinces that reported in it;
- ``people_pages``: each writer and photographer, and /people/ listing them;
- ``tag_pages``: each tag, and /tags/ listing every tag;
- ``all_news_pages``: /news/, every entry newest first (the home page's ข่าวทั้งหมด).
"""

from __future__ import annotations

from pythainlp.util import collate

from ..model import paths
from ..model.archive import Archive
from ..model.entry import Entry
from .cards import link
from .labels import (ALL_NEWS, ALL_PROVINCES, ALL_TAGS, ALL_YEARS, HOME, PEOPLE, SEARCH_PROVINCE,
                     SEARCH_PROVINCE_YEAR, SEARCH_YEAR, person_heading, person_roles, persons_news,
                     province_label, tag_heading, tagged_news, year_label, year_span_label)
from .listings import ListingSpec, listing_pages, newest
from .pages import (AllNewsListing, Card, GeneratedPage, Link, PeopleIndex, PersonFacts,
                    PersonListing, ProvinceFacts,
                    ProvinceListing, ProvinceYearListing, TagListing, TagsIndex, YearListing)

Cards = dict[str, Card]


def _by_year_then_date(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.year, e.published, e.slug), reverse=True)


def province_pages(archive: Archive, cards: Cards) -> list[GeneratedPage]:
    pages = []
    for p, entries in archive.by_province.items():
        years = tuple(link(year_label(y), paths.province_year(p, y),
                           count=len(archive.by_province_year[(p, y)]))
                      for y in archive.years_of(p))
        facts = ProvinceFacts(p.name_th, p.name_en, p.region_th)
        label = province_label(p)
        pages += listing_pages(
            ListingSpec(ProvinceListing, lambda n, p=p: paths.province(p, n), label,
                        _by_year_then_date(entries), by_year_of=p, grouped=True,
                        feed=paths.province_folder(p)),
            cards, province=facts, years_facet=years, up=link(ALL_PROVINCES, paths.PROVINCES),
            search=Link(SEARCH_PROVINCE, paths.search_query(p)))
        for y in archive.years_of(p):
            heading = f"{label} {year_label(y)}"
            pages += listing_pages(
                ListingSpec(ProvinceYearListing, lambda n, p=p, y=y: paths.province_year(p, y, n),
                            heading, archive.by_province_year[(p, y)],
                            feed=paths.province_folder(p)),
                cards, province=facts, years_facet=years, up=link(label, paths.province(p)),
                year=link(year_label(y), paths.year(y)), span=year_span_label(y),
                search=Link(SEARCH_PROVINCE_YEAR, paths.search_query(p, y)))
    return pages


def year_pages(archive: Archive, cards: Cards) -> list[GeneratedPage]:
    pages = []
    for y, entries in archive.by_year.items():
        provinces = tuple(link(p.name_th, paths.province_year(p, y), count=c)
                          for p, c in archive.provinces_in(y))
        pages += listing_pages(
            ListingSpec(YearListing, lambda n, y=y: paths.year(y, n), year_label(y), entries,
                        feed=paths.year_folder(y)),
            cards, span=year_span_label(y), provinces_facet=provinces,
            up=link(ALL_YEARS, paths.YEARS), search=Link(SEARCH_YEAR, paths.search_query(year=y)))
    return pages


def people_pages(archive: Archive, cards: Cards, people: dict[str, str]) -> list[GeneratedPage]:
    """A page per writer and per photographer, and /people/ listing them all."""
    pages = []
    credits: dict[str, list[Entry]] = {}
    for role in (archive.by_author, archive.by_photographer):
        for name, entries in role.items():
            credits.setdefault(name, []).extend(entries)
    for name, entries in sorted(credits.items()):
        unique = sorted({e.slug: e for e in entries}.values(), key=lambda e: e.sort_key,
                        reverse=True)
        written = len(archive.by_author.get(name, ()))
        photographed = len(archive.by_photographer.get(name, ()))
        facts = PersonFacts(name, written, photographed, person_roles(written, photographed))
        pages += listing_pages(
            ListingSpec(PersonListing, lambda n, slug=people[name]: paths.person(slug, n),
                        person_heading(name), unique, title=name, about=persons_news(name)),
            cards, person=facts, up=link(PEOPLE, paths.PEOPLE))
    index = GeneratedPage(
        src_uri=paths.PEOPLE, title=PEOPLE,
        # in Thai dictionary order, as a reader looks a name up
        view=PeopleIndex(
            authors=tuple(link(n, paths.person(people[n]), count=len(archive.by_author[n]))
                          for n in collate(archive.by_author)),
            photographers=tuple(link(n, paths.person(people[n]),
                                     count=len(archive.by_photographer[n]))
                                for n in collate(archive.by_photographer))),
        description="ผู้เขียนข่าวและช่างภาพของคลังข่าวจังหวัดคุณธรรม", hide=("toc",),
        updated=newest(archive.entries))
    return [index, *pages]


def tag_pages(archive: Archive, cards: Cards, tags: dict[str, str]) -> list[GeneratedPage]:
    """A page per tag, its entries newest first, and /tags/ listing every tag with its
    number of entries in Thai dictionary order (pythainlp's collate: a reader looks a
    tag up by name, as in an index; Latin tags come first)."""
    pages = []
    up = link(ALL_TAGS, paths.TAGS)
    for tag, entries in archive.by_tag.items():
        pages += listing_pages(
            ListingSpec(TagListing, lambda n, slug=tags[tag]: paths.tag(slug, n),
                        tag_heading(tag), entries, about=tagged_news(tag)),
            cards, up=up)
    listed = tuple(link(t, paths.tag(tags[t]), count=len(archive.by_tag[t]))
                   for t in collate(archive.by_tag))
    index = GeneratedPage(
        src_uri=paths.TAGS, title="แท็ก",
        view=TagsIndex(tags=listed, tag_count=len(listed), total=len(archive.entries)),
        description="ข่าวจังหวัดคุณธรรมแยกตามแท็ก พร้อมจำนวนข่าวของแต่ละแท็ก", hide=("toc",),
        updated=newest(archive.entries))
    return [index, *pages]


def all_news_pages(archive: Archive, cards: Cards) -> list[GeneratedPage]:
    """/news/ and its pages: every entry, newest first, with the site's own feeds."""
    return listing_pages(
        ListingSpec(AllNewsListing, paths.all_news, ALL_NEWS, archive.entries,
                    about=ALL_NEWS, feed=paths.SITE_FEEDS),
        cards, up=link(HOME, paths.HOME))
