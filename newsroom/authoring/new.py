"""``newsroom new``: a new entry file with complete front matter, as a draft."""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date, datetime
from pathlib import Path

from ..model import province as provinces
from ..model.province import Province
from ..model.slugs import ascii_slugs
from ..model.calendar import BANGKOK, program_year, thai_date_to_iso
from ..model.messages import CATALOGUE, say
from ..read.entry import read_entry, source_path
from ..read.fields import SLUG_RE
from .front_matter import create_exclusive, entry_text, existing_slugs
from .project import find_root

PLACEHOLDER = CATALOGUE["new.placeholder"].th     # in Thai always: a check rule looks for it



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
        errors.append(say("new.province", value=args.province,
                          hint=say("province.did_you_mean", name=near.name_th) if near else ""))
    day = None
    try:
        day = date.fromisoformat(args.date) if args.date else datetime.now(BANGKOK).date()
        if day.year > 2400:
            errors.append(say("new.be_date", value=args.date,
                              fixed=f"{day.year - 543}{args.date[4:]}"))
    except ValueError:
        iso = thai_date_to_iso(args.date)
        errors.append(say("new.not_a_date", value=args.date,
                          hint=say("new.thai_date", iso=iso) if iso else ""))
    authors = _split_names(args.author) or [os.environ.get("NEWSROOM_AUTHOR", "").strip()]
    authors = [a for a in authors if a]
    if not authors:
        errors.append(say("new.author"))
    if not args.title.strip():
        errors.append(say("new.title"))
    if args.slug and not SLUG_RE.match(args.slug):
        errors.append(say("new.slug", value=args.slug))
    if errors:
        for e in errors:
            print(f"newsroom new: {e}", file=sys.stderr)
        return 2
    assert prov and day
    year = program_year(day)
    title = " ".join(args.title.split())
    # Only what the writer gives: the program year, the slug and the summary are derived.
    fields: dict[str, object] = {"title": title, "date": day.isoformat(), "author": authors}
    photographers = _split_names(args.photographer)
    if photographers:
        fields["photographer"] = photographers
    fields.update({"province": prov.name_th, "tags": _split_names(args.tags), "draft": True})
    text = entry_text(fields, PLACEHOLDER + "\n")
    folder = Path(args.output) if args.output else news / str(year)
    path = create_exclusive(folder, args.slug or proposed_slug(day, prov, title), text,
                            existing_slugs(news))
    entry, problems = read_entry(path, root, news)
    print(source_path(path, root))
    print(say("new.written"), file=sys.stderr)
    print(say("new.gallery"), file=sys.stderr)
    for p in problems:  # cannot happen unless the rules change; say so rather than hide it
        print(str(p), file=sys.stderr)
    return 1 if problems else 0


TITLE_WORDS = 32        # characters of the romanised title in a proposed slug


def proposed_slug(day: date, province: Province, title: str) -> str:
    """'2024-11-20-udon-thani-prachum-...': the date, the province and the title's first
    words romanised (the file name gives the entry its URL)."""
    plain = " ".join(re.sub(r"<[^>]*>", " ", title).split())        # no markup in a URL
    words = ascii_slugs([plain], fallback="")[plain][:TITLE_WORDS].rstrip("-")
    return "-".join(part for part in (day.isoformat(), province.slug, words) if part)
