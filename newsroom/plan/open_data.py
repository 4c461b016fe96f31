"""The archive as open data: /data/entries.csv, entries.json (with its JSON Schema) and
counts.csv, and the /data/ page that explains them.

One row per published entry, in the archive's order (newest first, then slug):
the same rows in CSV and JSON, the same values the pages show. The CSV is UTF-8
with a byte-order mark, so Excel on Thai Windows reads the Thai text, and its
header names each column in Thai and English. Nothing in these files depends on
when or where they were built, so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from ..model import paths
from ..model.archive import Archive
from ..model.calendar import thai_date
from ..model.entry import Entry
from ..model.identity import SiteIdentity
from ..model.province import all_provinces
from .pages import GeneratedPage, View

SEPARATOR = "; "        # between the values of a multi-valued column in the CSV


@dataclass(frozen=True)
class Column:
    key: str             # the JSON field and the English half of the CSV header
    thai: str            # the Thai half of the header, and the data page's name for it
    about: str           # what it holds, in Thai (the data page)
    kind: str            # JSON Schema type: "string", "integer", "array"


COLUMNS: tuple[Column, ...] = (
    Column("url", "ที่อยู่หน้าข่าว", "ที่อยู่เต็มของหน้าข่าวบนเว็บ", "string"),
    Column("title", "หัวข้อข่าว", "หัวข้อข่าวตามที่เผยแพร่", "string"),
    Column("date", "วันที่ (ค.ศ.)", "วันที่ของข่าวแบบ ISO (ค.ศ.) ตามเวลาประเทศไทย เช่น 2020-11-06", "string"),
    Column("date_th", "วันที่ (พ.ศ.)", "วันที่ของข่าวแบบไทย เช่น 6 พฤศจิกายน 2563", "string"),
    Column("program_year", "ปีงบประมาณ", "ปีงบประมาณ (พ.ศ.) ที่ข่าวอยู่ เริ่ม 1 ตุลาคม", "integer"),
    Column("provinces", "จังหวัด", "ชื่อจังหวัดภาษาไทย (หลายจังหวัดคั่นด้วย ;)", "array"),
    Column("province_slugs", "รหัสจังหวัด", "ชื่อจังหวัดแบบอักษรอังกฤษที่ใช้ในที่อยู่เว็บ", "array"),
    Column("regions", "ภาค", "ภาคของจังหวัด", "array"),
    Column("tags", "แท็ก", "แท็กของข่าว", "array"),
    Column("writers", "ผู้เขียนข่าว", "ชื่อผู้เขียนข่าว", "array"),
    Column("photographers", "ผู้ถ่ายภาพ", "ชื่อผู้ถ่ายภาพ (ว่างถ้าไม่มีภาพ)", "array"),
    Column("summary", "สรุปข่าว", "สรุปข่าวหรือย่อหน้าแรก", "string"),
    Column("photos", "จำนวนภาพ", "จำนวนภาพที่ข่าวแสดง", "integer"),
)


def _row(e: Entry, site: SiteIdentity) -> dict[str, Any]:
    return {
        "url": paths.absolute(site.url, e.url), "title": e.title,
        "date": e.date.isoformat(), "date_th": thai_date(e.date), "program_year": e.year,
        "provinces": [p.name_th for p in e.provinces],
        "province_slugs": [p.slug for p in e.provinces],
        "regions": list(dict.fromkeys(p.region_th for p in e.provinces)),
        "tags": list(e.tags), "writers": list(e.authors), "photographers": list(e.photographers),
        "summary": e.summary, "photos": len(e.photos)}


def rows(archive: Archive, site: SiteIdentity) -> list[dict[str, Any]]:
    return [_row(e, site) for e in archive.entries]


def _csv(header: list[str], lines: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(lines)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def entries_csv(archive: Archive, site: SiteIdentity) -> bytes:
    header = [f"{c.thai} ({c.key})" for c in COLUMNS]
    return _csv(header, [[SEPARATOR.join(r[c.key]) if c.kind == "array" else r[c.key]
                          for c in COLUMNS] for r in rows(archive, site)])


def entries_json(archive: Archive, site: SiteIdentity) -> bytes:
    data = {"$schema": paths.absolute(site.url, paths.DATA_SCHEMA), "publisher": site.publisher,
            "licence": site.licence, "entries": rows(archive, site)}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def schema(site: SiteIdentity) -> bytes:
    def prop(c: Column) -> dict[str, Any]:
        p: dict[str, Any] = {"description": c.about}
        p.update({"type": "array", "items": {"type": "string"}} if c.kind == "array"
                 else {"type": c.kind})
        if c.key == "date":
            p["pattern"] = r"^\d{4}-\d{2}-\d{2}$"
        if c.key == "program_year":
            p["minimum"] = 2540
        return p
    data = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": paths.absolute(site.url, paths.DATA_SCHEMA),
        "title": f"{site.name}: ข่าวที่เผยแพร่",
        "type": "object", "required": ["publisher", "licence", "entries"],
        "properties": {
            "$schema": {"type": "string"}, "publisher": {"type": "string"},
            "licence": {"type": "string"},
            "entries": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": [c.key for c in COLUMNS],
                "properties": {c.key: prop(c) for c in COLUMNS}}}},
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def counts_csv(archive: Archive) -> bytes:
    """Entries per province and program year: a row per province (the 77), a column
    per year, and the province's total."""
    years = sorted(archive.by_year)
    header = ["จังหวัด (province)", "รหัสจังหวัด (province_slug)", "ภาค (region)",
              *(f"ปีงบประมาณ {y} ({y})" for y in years), "รวม (total)"]
    lines = [[p.name_th, p.slug, p.region_th,
              *(len(archive.by_province_year.get((p, y), ())) for y in years), archive.count(p)]
             for p in all_provinces()]
    return _csv(header, lines)


def data_files(archive: Archive, site: SiteIdentity) -> list[tuple[str, bytes]]:
    """(path in the site, bytes) of every open data file."""
    return [(paths.DATA_ENTRIES_CSV, entries_csv(archive, site)),
            (paths.DATA_ENTRIES_JSON, entries_json(archive, site)),
            (paths.DATA_SCHEMA, schema(site)),
            (paths.DATA_COUNTS_CSV, counts_csv(archive))]


@dataclass(frozen=True)
class DataView(View):
    template = "newsroom/data.html"
    columns: tuple[Column, ...]
    files: tuple[tuple[str, str, str], ...]      # (label, url, what it is)
    licence: str
    total: int


def data_page(archive: Archive, site: SiteIdentity) -> GeneratedPage:
    files = (("entries.csv", paths.DATA_ENTRIES_CSV, "ข่าวละหนึ่งแถว เปิดด้วย Excel ได้ (UTF-8)"),
             ("entries.json", paths.DATA_ENTRIES_JSON, "ข้อมูลเดียวกันแบบ JSON"),
             ("entries.schema.json", paths.DATA_SCHEMA, "โครงสร้างของ entries.json (JSON Schema)"),
             ("counts.csv", paths.DATA_COUNTS_CSV, "จำนวนข่าวของแต่ละจังหวัดในแต่ละปีงบประมาณ"))
    return GeneratedPage(
        src_uri=paths.DATA, title="ข้อมูลเปิด",
        view=DataView(columns=COLUMNS, files=files, licence=site.licence,
                      total=len(archive.entries)),
        description="ข้อมูลข่าวจังหวัดคุณธรรมทุกข่าวแบบ CSV และ JSON", hide=("toc",))
