"""The site's ways in: the home page, /provinces/ (the 77 by region, with a map) and
/years/ (every program year, with a chart)."""

from __future__ import annotations

from ..model import paths
from ..model.archive import Archive
from ..model.province import regions
from .cards import link
from .charts import province_map, year_chart
from .labels import year_label, year_span_label
from .listings import newest
from .pages import (Card, GeneratedPage, HomeView, ProvincesIndex, RegionGroup, YearsIndex,
                    YearSummary)

HOME_LATEST = 12
HOME_PROVINCES = 12


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
            tag_count=len(archive.by_tag)),
        updated=newest(archive.entries))
