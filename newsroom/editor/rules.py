"""The archive's rules as the web editor's form checks them (admin/rules.js).

The browser cannot run read/fields.py, so what it needs of it is written out here, from
the same constants and the same messages (model/messages.py ``CATALOGUE``, in Thai):
the limits of text and lists, the date range, the slug pattern, the 77 provinces with
every spelling ``resolve`` knows, the slugs already taken (a duplicate is refused as the
build refuses it), the labels and month names of the preview. editor/admin.mjs applies
them beside each field (``isValid`` of our widgets) before Decap saves.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from ..model import paths
from ..model import province as provinces
from ..model.calendar import (BE_OFFSET, FISCAL_YEAR_START_MONTH, THAI_MONTHS)
from ..model.entry import Entry
from ..model.paths import slug_of_file
from ..model.messages import CATALOGUE
from ..model.problems import CONTROL
from ..plan.labels import author_credit, photo_credit, province_label, year_label
from ..read.corpus import entry_files
from ..read.entry import not_utf8
from ..read.fields import (FIRST_CE_YEAR, LAST_CE_YEAR, MAX_GALLERY, MAX_TAGS, MAX_TEXT, NAMES,
                           SLUG_RE)

# The messages the form shows, by the catalogue's keys (Thai: the editor is the writers').
MESSAGES = ("field.empty", "field.too_long", "field.names_empty", "control", "date.empty",
            "date.not_a_date", "date.be_year", "date.outside", "editor.date_future",
            "province.empty", "province.unknown", "province.write_one", "province.twice",
            "tags.too_many", "photos.too_many", "slug.invalid", "corpus.url_clash",
            "photo.no_photographer")


def taken_slugs(news: Path, entries: Iterable[Entry], root: Path) -> dict[str, str]:
    """Every slug an entry takes, by slug: the file's source path (as check names it).
    File names cover drafts and scheduled entries too; entries add their own slug:."""
    taken = {slug_of_file(p): p.relative_to(root).as_posix() for p in entry_files(news)
             if not not_utf8(str(p))}        # (such a file is no entry: check says so)
    for e in entries:
        taken.setdefault(e.slug, e.source)
    return dict(sorted(taken.items()))


def form_rules(taken: dict[str, str]) -> dict[str, Any]:
    """What admin.mjs checks, as one JSON value."""
    everyone = provinces.all_provinces()
    return {
        "fields": list(NAMES),
        "limits": {"text": MAX_TEXT, "tags": MAX_TAGS, "gallery": MAX_GALLERY,
                   "first_year": FIRST_CE_YEAR, "last_year": LAST_CE_YEAR,
                   "be_offset": BE_OFFSET, "fiscal_start_month": FISCAL_YEAR_START_MONTH},
        "patterns": {"slug": SLUG_RE.pattern, "control": CONTROL.pattern},
        "messages": {key: CATALOGUE[key].th for key in MESSAGES},
        "provinces": [{"name": p.name_th, "slug": p.slug, "label": province_label(p)}
                      for p in everyone],
        "spellings": {key: p.name_th for key, p in sorted(provinces.spellings().items())},
        "province_prefix": provinces.THAI_PREFIX,
        "taken": taken,
        "entry_url": paths.entry_url("{slug}"),
        "months": list(THAI_MONTHS),
        "labels": {"year": year_label("{year}"), "authors": author_credit(["{names}"]),
                   "photographers": photo_credit(["{names}"])},
    }


def rules_script(taken: dict[str, str]) -> str:
    """admin/rules.js: the rules as an ES module."""
    text = json.dumps(form_rules(taken), ensure_ascii=False, sort_keys=True, indent=1)
    return ("// Made by newsroom/editor/rules.py from the archive's rules: do not edit.\n"
            f"export const RULES = {text};\n")
