"""The program's record at a glance: /stats/ (สถิติ), from the archive's own grouping.

A province × program-year table of entry counts, rows grouped by region (every
cell with news links to its province-year page, zeros shown), totals per year and
per region, the provinces that reported nothing in the latest program year, the
entries of each month of that year as a chart, and the most active writers,
photographers and tags. Only what the site publishes is counted (drafts and
entries dated after the build are not in the archive).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import paths
from ..model.archive import Archive
from ..model.calendar import THAI_MONTHS_SHORT, program_year_span
from ..model.province import Province, regions
from .cards import link
from .charts import month_chart
from .labels import year_label
from .listings import newest
from .pages import GeneratedPage, Link, View

TOP = 10             # writers, photographers and tags shown


@dataclass(frozen=True)
class Cell:
    count: int
    url: str | None              # the province-year page, when there is one


@dataclass(frozen=True)
class ProvinceRow:
    province: Link               # to the province's page (or no URL: no news at all)
    cells: tuple[Cell, ...]      # one per program year, oldest first
    total: int


@dataclass(frozen=True)
class RegionRows:
    name: str
    rows: tuple[ProvinceRow, ...]
    totals: tuple[int, ...]      # per program year
    total: int


@dataclass(frozen=True)
class StatsView(View):
    template = "newsroom/stats.html"
    years: tuple[int, ...]                  # the table's columns, oldest first
    regions: tuple[RegionRows, ...]
    totals: tuple[int, ...]                 # per program year, every province
    total: int
    latest_year: int | None
    silent: tuple[str, ...]                 # provinces with no news in the latest year
    month_chart: str                        # SVG
    writers: tuple[Link, ...]
    photographers: tuple[Link, ...]
    tags: tuple[Link, ...]


def _row(archive: Archive, p: Province, years: tuple[int, ...]) -> ProvinceRow:
    cells = []
    for y in years:
        count = len(archive.by_province_year.get((p, y), ()))
        cells.append(Cell(count, paths.url_of(paths.province_year(p, y)) if count else None))
    total = archive.count(p)
    return ProvinceRow(Link(p.name_th, paths.url_of(paths.province(p)) if total else ""),
                       tuple(cells), total)


def _most(counted: dict[str, list], url_of, limit: int = TOP) -> tuple[Link, ...]:  # noqa: ANN001
    ranked = sorted(counted.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]
    return tuple(link(name, url_of(name), count=len(entries)) for name, entries in ranked)


def months_of(archive: Archive, year: int) -> list[tuple[str, int]]:
    """(Thai month, entries) for each month of a program year, October first."""
    first, _ = program_year_span(year)
    counts = {(first.year + (m < 10), m): 0 for m in (*range(10, 13), *range(1, 10))}
    for e in archive.by_year.get(year, ()):
        counts[(e.date.year, e.date.month)] += 1
    return [(f"{THAI_MONTHS_SHORT[m - 1]} {y + 543 - 2500:02d}", n) for (y, m), n in counts.items()]


def stats_page(archive: Archive, people: dict[str, str], tags: dict[str, str]) -> GeneratedPage:
    years = tuple(sorted(archive.by_year))
    groups = []
    for r in regions():
        rows = tuple(_row(archive, p, years) for p in r.provinces)
        groups.append(RegionRows(r.name_th, rows,
                                 tuple(sum(row.cells[i].count for row in rows)
                                       for i in range(len(years))),
                                 sum(row.total for row in rows)))
    latest = years[-1] if years else None
    silent = tuple(row.province.label for g in groups for row in g.rows
                   if latest is not None and row.cells[-1].count == 0)
    view = StatsView(
        years=years, regions=tuple(groups),
        totals=tuple(len(archive.by_year[y]) for y in years), total=len(archive.entries),
        latest_year=latest, silent=silent,
        month_chart=month_chart(months_of(archive, latest), year_label(latest)) if latest else "",
        writers=_most(archive.by_author, lambda n: paths.person(people[n])),
        photographers=_most(archive.by_photographer, lambda n: paths.person(people[n])),
        tags=_most(archive.by_tag, lambda t: paths.tag(tags[t])))
    return GeneratedPage(src_uri=paths.STATS, title="สถิติ", view=view,
                         description="จำนวนข่าวจังหวัดคุณธรรมของแต่ละจังหวัดในแต่ละปีงบประมาณ",
                         hide=("toc",), updated=newest(archive.entries))
