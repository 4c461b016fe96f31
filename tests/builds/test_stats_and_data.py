"""The program's record: /stats/ against the archive's own grouping, every cell; the open
data files read back row by row; drafts and entries dated after the build in none of them."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from pathlib import Path

import jsonschema
import pytest

from bench.generate import generate
from newsroom.model.archive import build_archive
from newsroom.model.province import all_provinces, regions
from newsroom.plan.stats import months_of
from newsroom.read.corpus import load

from tests.helpers import ROOT, build, make_project, mkdocs, site_files, write_entry

SITE = "https://news.moral.or.th/"        # mkdocs.yml's default site_url


def _table(built, archive) -> None:
    """Every cell of /stats/ is the archive's count; links lead to the province-year pages."""
    soup = built.page("stats/")
    table = soup.select_one("table.nr-stats")
    assert table.caption and table.select("thead th[scope=col]")
    years = sorted(archive.by_year)
    assert [th.get_text() for th in table.select("thead th")][1:-1] == [str(y) for y in years]
    by_name = {p.name_th: p for p in all_provinces()}
    rows = [tr for tr in table.select("tbody tr") if tr.select_one("th[scope=row]")
            and "nr-stats__subtotal" not in (tr.get("class") or [])]
    assert len(rows) == 77
    for tr in rows:
        p = by_name[tr.select_one("th").get_text(strip=True)]
        cells = tr.select("td")
        for y, td in zip(years, cells):
            want = len(archive.by_province_year.get((p, y), ()))
            assert td.get_text(strip=True) == str(want), (p.name_th, y)
            a = td.select_one("a")
            if want:
                target = (built.site / "stats" / a["href"]).resolve()
                assert target == (built.site / "provinces" / p.slug / str(y)).resolve()
                assert (target / "index.html").is_file()
            else:
                assert a is None
        assert cells[-1].get_text(strip=True) == str(archive.count(p))
    order = [th.get_text(strip=True) for th in table.select("th[scope=rowgroup]")]
    assert order == [r.name_th for r in regions()]
    foot = [td.get_text() for td in table.select("tfoot td")]
    assert foot == [str(len(archive.by_year[y])) for y in years] + [str(len(archive.entries))]
    latest = years[-1]
    silent = {li.get_text() for li in soup.select(".nr-silent li")}
    assert silent == {p.name_th for p in all_provinces()
                      if not archive.by_province_year.get((p, latest))}
    bars = [(int(g["data-month"]), int(g["data-count"])) for g in soup.select("svg [data-month]")]
    assert [n for _, n in bars] == [n for _, n in months_of(archive, latest)]
    assert sum(n for _, n in bars) == len(archive.by_year[latest])
    writers = [(a.get_text(), int(a.find_next("span", class_="nr-count").get_text()))
               for a in soup.select("#writers + ul a")]
    ranked = sorted(archive.by_author.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:10]
    assert writers == [(n, len(es)) for n, es in ranked]


def _data(built, archive) -> None:
    raw = (built.site / "data" / "entries.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                       # Excel on Thai Windows
    reader = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, lines = reader[0], reader[1:]
    assert header[0] == "ที่อยู่หน้าข่าว (url)" and "ปีงบประมาณ (program_year)" in header
    data = json.loads((built.site / "data" / "entries.json").read_text(encoding="utf-8"))
    schema = json.loads((built.site / "data" / "entries.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert len(lines) == len(data["entries"]) == len(archive.entries)
    for line, row, e in zip(lines, data["entries"], archive.entries):
        cells = dict(zip(header, line))
        assert row["url"] == cells["ที่อยู่หน้าข่าว (url)"] == SITE + e.url
        assert row["title"] == cells["หัวข้อข่าว (title)"] == e.title
        assert row["date"] == cells["วันที่ (ค.ศ.) (date)"] == e.date.isoformat()
        assert row["program_year"] == int(cells["ปีงบประมาณ (program_year)"]) == e.year
        assert row["provinces"] == [p.name_th for p in e.provinces]
        assert cells["จังหวัด (provinces)"] == "; ".join(p.name_th for p in e.provinces)
        assert row["province_slugs"] == [p.slug for p in e.provinces]
        assert row["tags"] == list(e.tags) and row["writers"] == list(e.authors)
        assert row["photographers"] == list(e.photographers) and row["photos"] == len(e.photos)
        assert (built.site / e.url.strip("/") / "index.html").is_file()
    counts = list(csv.reader(io.StringIO((built.site / "data" / "counts.csv")
                                         .read_bytes().decode("utf-8-sig"))))
    years = sorted(archive.by_year)
    by_slug = {p.slug: p for p in all_provinces()}
    assert len(counts) == 78
    for line in counts[1:]:
        p = by_slug[line[1]]
        assert line[3:-1] == [str(len(archive.by_province_year.get((p, y), ()))) for y in years]
        assert line[-1] == str(archive.count(p))
    page = built.page("data/")
    assert {a.get_text() for a in page.select(".nr-data-files a")} == {
        "entries.csv", "entries.json", "entries.schema.json", "counts.csv"}
    assert page.select_one("#licence + p").get_text() == "© ศูนย์คุณธรรม (องค์การมหาชน)"


def test_the_sample_s_statistics_and_open_data(sample_site):
    archive = build_archive(load(ROOT).entries)
    _table(sample_site, archive)
    _data(sample_site, archive)
    nav = [a.get_text(strip=True) for a in sample_site.page("").select(".md-tabs__link")]
    assert "สถิติ" in nav


def test_a_generated_archive_s_statistics_and_open_data(tmp_path):
    root = make_project(tmp_path / "gen")
    generate(root, 240, seed=11)
    built = build(root)
    assert built.ok, built.output
    archive = build_archive(load(root).entries)
    _table(built, archive)
    _data(built, archive)


def test_drafts_and_entries_dated_after_the_build_are_in_no_figure_or_file(project, monkeypatch):
    good = "title: ข่าวจริง\ndate: 2020-11-06\nauthor: ก ไก่\nprovince: น่าน"
    write_entry(project, "2564/2020-11-06-real.md", good)
    write_entry(project, "2564/2020-11-07-draft.md",
                good.replace("ข่าวจริง", "ข่าวร่าง").replace("ก ไก่", "ผู้เขียนร่าง") + "\ndraft: true")
    write_entry(project, "2569/2026-12-30-later.md",
                good.replace("ข่าวจริง", "ข่าวล่วงหน้า").replace("2020-11-06", "2026-12-30")
                .replace("น่าน", "ตาก"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")     # 2025-11-24
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    texts = {name: data.decode("utf-8", "replace") for name, data in site_files(project / "site").items()
             if name.endswith((".html", ".csv", ".json", ".xml"))}
    for word in ("ข่าวร่าง", "ผู้เขียนร่าง", "ข่าวล่วงหน้า", "2026-12-30", "2569"):
        assert not [n for n, t in texts.items() if word in t], word
    assert "ข่าวจริง" in texts["data/entries.csv"]
    assert not (project / "site" / "news" / "2026-12-30-later").exists()


def test_the_data_files_are_the_same_bytes_in_two_builds(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    files = []
    for name in ("a", "b"):
        root = make_project(tmp_path / name, ROOT / "news")
        assert mkdocs(root, "build", "--strict").returncode == 0
        files.append({k: v for k, v in site_files(root / "site").items()
                      if k.startswith(("data/", "stats/"))})
    assert files[0] == files[1] and len(files[0]) == 6
