"""The site's ways in: the home page, /provinces/ (the 77 by region, with a map),
/years/ (every program year, with a chart), the human-readable site map (/site-map/)
and the 404 page."""

from __future__ import annotations

from pythainlp.util import collate

from ..model import paths
from ..model.archive import Archive
from ..model.province import regions
from .cards import link
from .charts import province_map, year_chart
from .labels import (ALL_NEWS, ALL_PROVINCES, ALL_TAGS, ALL_YEARS, HOME, PEOPLE, SITE_MAP,
                     province_label, year_label, year_span_label)
from .listings import newest
from .pages import (Card, GeneratedPage, HomeView, Link, NotFoundView, ProvincesIndex,
                    RegionGroup, SiteMapSection, SiteMapView, YearsIndex, YearSummary)

HOME_LATEST = 12
HOME_PROVINCES = 12
NOT_FOUND_LATEST = 6


def _below(index: str, src_uri: str) -> str:
    """A page's URL relative to an index page above it: 'nan/' from /provinces/."""
    return paths.url_of(src_uri).removeprefix(paths.url_of(index))


def provinces_index(archive: Archive) -> GeneratedPage:
    region_list = tuple(RegionGroup(
        name=r.name_th, slug=r.slug,
        provinces=tuple(link(p.name_th, paths.province(p), count=archive.count(p))
                        for p in r.provinces),
        count=sum(archive.count(p) for p in r.provinces)) for r in regions())
    return GeneratedPage(
        src_uri=paths.PROVINCES, title="จังหวัด",
        view=ProvincesIndex(
            regions=region_list, total=len(archive.entries), with_news=len(archive.by_province),
            map=province_map({p: archive.count(p) for p in archive.by_province},
                             {p: _below(paths.PROVINCES, paths.province(p))
                              for p in archive.by_province})),
        description="ข่าวจังหวัดคุณธรรมแยกตามจังหวัด 77 จังหวัด", hide=("toc",),
        updated=newest(archive.entries))


def years_index(archive: Archive) -> GeneratedPage:
    years = tuple(YearSummary(label=year_label(y), url=paths.url_of(paths.year(y)), count=len(es),
                              span=year_span_label(y), provinces=len(archive.provinces_in(y)))
                  for y, es in archive.by_year.items())
    return GeneratedPage(
        src_uri=paths.YEARS, title="ปีงบประมาณ",
        view=YearsIndex(total=len(archive.entries), years=years,
                        chart=year_chart([(y, len(es), _below(paths.YEARS, paths.year(y)))
                                          for y, es in archive.by_year.items()])),
        description="ข่าวจังหวัดคุณธรรมแยกตามปีงบประมาณ", hide=("toc",),
        updated=newest(archive.entries))


def home(archive: Archive, cards: dict[str, Card]) -> GeneratedPage:
    top = sorted(archive.by_province.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:HOME_PROVINCES]
    return GeneratedPage(
        src_uri=paths.HOME, title="หน้าแรก",
        view=HomeView(
            latest=tuple(cards[e.slug] for e in archive.entries[:HOME_LATEST]),
            total=len(archive.entries),
            years=tuple(link(year_label(y), paths.year(y), count=len(es))
                        for y, es in archive.by_year.items()),
            provinces=tuple(link(p.name_th, paths.province(p), count=len(es)) for p, es in top),
            provinces_url=paths.url_of(paths.PROVINCES), years_url=paths.url_of(paths.YEARS),
            tags_url=paths.url_of(paths.TAGS), people_url=paths.url_of(paths.PEOPLE),
            all_url=paths.url_of(paths.all_news())),
        updated=newest(archive.entries))


def not_found(archive: Archive, cards: dict[str, Card]) -> NotFoundView:
    """What 404.html shows: in Thai, the ways back and the latest entries."""
    return NotFoundView(
        latest=tuple(cards[e.slug] for e in archive.entries[:NOT_FOUND_LATEST]),
        home_url=paths.url_of(paths.HOME), all_url=paths.url_of(paths.all_news()),
        provinces_url=paths.url_of(paths.PROVINCES), years_url=paths.url_of(paths.YEARS),
        site_map_url=paths.url_of(paths.SITE_MAP))


def site_map(archive: Archive) -> GeneratedPage:
    """/site-map/: every kind of page the site has, and every province and year with news,
    for a reader (the DGA's website standard asks for one; sitemap.xml is for machines)."""
    def page(label: str, src_uri: str) -> Link:
        return link(label, src_uri)
    by_name = {p.name_th: p for p in archive.by_province}
    sections = (
        SiteMapSection("หน้าหลัก", (
            page(HOME, paths.HOME), page(ALL_NEWS, paths.all_news()),
            page(ALL_PROVINCES, paths.PROVINCES), page(ALL_YEARS, paths.YEARS),
            page(ALL_TAGS, paths.TAGS), page(PEOPLE, paths.PEOPLE),
            page("สถิติการรายงานข่าว", paths.STATS), page("ข้อมูลเปิด", paths.DATA))),
        SiteMapSection("ข่าวแยกตามจังหวัด", tuple(     # in Thai dictionary order
            link(province_label(by_name[n]), paths.province(by_name[n]),
                 count=archive.count(by_name[n])) for n in collate(by_name))),
        SiteMapSection("ข่าวแยกตามปีงบประมาณ", tuple(
            link(year_label(y), paths.year(y), count=len(es)) for y, es in archive.by_year.items())),
        SiteMapSection("เกี่ยวกับเว็บไซต์", (
            page("เกี่ยวกับคลังข่าวและการติดต่อ", paths.ABOUT),
            page("นโยบายความเป็นส่วนตัว", paths.PRIVACY),
            page("การเข้าถึงเว็บไซต์", paths.ACCESSIBILITY),
            page("คู่มือผู้เขียนข่าว", paths.GUIDE))),
    )
    return GeneratedPage(
        src_uri=paths.SITE_MAP, title=SITE_MAP, view=SiteMapView(sections=sections),
        description="แผนผังเว็บไซต์คลังข่าวจังหวัดคุณธรรม: ทุกหมวดของเว็บไซต์ ทุกจังหวัดและปีงบประมาณที่มีข่าว",
        hide=("toc",), updated=newest(archive.entries))
