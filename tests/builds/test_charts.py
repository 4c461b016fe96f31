"""The province tile map and the year chart match the archive."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urljoin

from newsroom.plan.charts import POSITIONS, shade, tile_layout
from newsroom.read.corpus import load
from newsroom.model.province import all_provinces

from tests.helpers import ROOT


def test_layout_has_one_cell_per_province_near_its_place():
    tiles = tile_layout()
    assert len(tiles) == 77 and len({(t.col, t.row) for t in tiles}) == 77
    assert set(POSITIONS) == {p.name_th for p in all_provinces()}
    where = {t.province.slug: (t.col, t.row) for t in tiles}
    assert where["chiang-rai"][1] < where["bangkok"][1] < where["songkhla"][1]   # north to south
    assert where["mae-hong-son"][0] < where["ubon-ratchathani"][0]               # west to east


def test_shades():
    assert shade(0, 10) == 0
    assert shade(1, 10) == 1 and shade(10, 10) == 4
    assert all(1 <= shade(n, 7) <= 4 for n in range(1, 8))


def test_map_tiles_and_counts_match_the_archive(sample_site):
    counts = Counter(p.slug for e in load(ROOT).entries for p in e.provinces)
    soup = sample_site.page("provinces/")
    tiles = soup.select("svg.nr-map [data-province]")
    assert len(tiles) == 77
    for t in tiles:
        slug = t["data-province"]
        assert int(t["data-count"]) == counts.get(slug, 0)
        assert t.select_one("title").get_text().endswith(f"ข่าว {counts.get(slug, 0)} รายการ")
        if counts.get(slug):
            assert urljoin("/provinces/", t["href"]) == f"/provinces/{slug}/"
            assert (sample_site.site / "provinces" / slug / "index.html").is_file()
        else:
            assert t.name == "g"


def test_year_chart(sample_site):
    counts = Counter(e.year for e in load(ROOT).entries)
    soup = sample_site.page("years/")
    bars = {int(a["data-year"]): int(a["data-count"]) for a in soup.select("svg.nr-chart a")}
    assert bars == dict(counts)
