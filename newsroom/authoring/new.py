"""``newsroom new``: a new entry file with complete front matter, as a draft."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from pathlib import Path

from ..model import province as provinces
from ..model.calendar import BANGKOK, program_year
from ..read.entry import read_entry, source_path
from .front_matter import create_exclusive, entry_text, existing_slugs
from .project import find_root

PLACEHOLDER = "(เขียนเนื้อหาข่าวที่นี่ แล้วลบบรรทัด draft: true เมื่อพร้อมเผยแพร่)"



def _split_names(values: list[str] | None) -> list[str]:
    names: list[str] = []
    for v in values or []:
        names += [n.strip() for n in v.split(",") if n.strip()]
    return names


def cmd_new(args: argparse.Namespace) -> int:
    root = args.root or find_root(Path.cwd())
    news = root / "news"
    errors = []
    prov = provinces.resolve(args.province)
    if prov is None:
        near = provinces.suggest(args.province)
        errors.append(f"--province: '{args.province}' is not a province"
                      + (f"; did you mean {near.name_th}?" if near else ""))
    try:
        day = date.fromisoformat(args.date) if args.date else datetime.now(BANGKOK).date()
        if day.year > 2400:
            errors.append(f"--date: {args.date} is a Buddhist Era date; write the Common Era year"
                          f" ({day.year - 543}{args.date[4:]})")
    except ValueError:
        errors.append(f"--date: '{args.date}' is not a date; write YYYY-MM-DD, e.g. 2020-11-06")
        day = None
    authors = _split_names(args.author) or [os.environ.get("NEWSROOM_AUTHOR", "").strip()]
    authors = [a for a in authors if a]
    if not authors:
        errors.append("--author: give the writer's name (or set NEWSROOM_AUTHOR)")
    if not args.title.strip():
        errors.append("--title: the title is empty")
    if errors:
        for e in errors:
            print(f"newsroom new: {e}", file=sys.stderr)
        return 2
    assert prov and day
    year = program_year(day)
    fields: dict[str, object] = {"title": " ".join(args.title.split()), "date": day.isoformat(),
                                 "author": authors}
    photographers = _split_names(args.photographer)
    if photographers:
        fields["photographer"] = photographers
    fields.update({"province": prov.name_th, "year": year, "tags": _split_names(args.tags),
                   "draft": True})
    text = entry_text(fields, PLACEHOLDER + "\n")
    folder = Path(args.output) if args.output else news / str(year)
    path = create_exclusive(folder, f"{day.isoformat()}-{prov.slug}", text, existing_slugs(news))
    entry, problems = read_entry(path, root, news)
    print(source_path(path, root))
    print("เขียนเนื้อหา แล้วลบ draft: true เมื่อพร้อมเผยแพร่ (write the text, then remove"
          " draft: true to publish)", file=sys.stderr)
    print("มีภาพหลายภาพ: วางไฟล์ไว้ข้างไฟล์ข่าว แล้วใส่ photos: [photo-1.jpg, photo-2.jpg]"
          " เป็นแกลเลอรี (a gallery: list the photos under photos:)", file=sys.stderr)
    for p in problems:  # cannot happen unless the rules change; say so rather than hide it
        print(str(p), file=sys.stderr)
    return 1 if problems else 0
