"""The front-matter fields of an entry, as one table: name, whether it is required,
an example line, its label in Thai, and the rule that checks and normalises it.

``FIELDS`` is the one place a field's rule is written; the reader (entry.py),
``newsroom check``, ``newsroom new`` and ``newsroom import`` (authoring/) and the
writers' guide take the fields from it. Rules run in the table's order, so a
rule can use the values before it (``year`` is checked against ``date``). Each
returns the value as the Entry holds it, or INVALID after saying why, with the
line of the field, through the Checker; a missing field reaches its rule as
MISSING (year and slug are then derived).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from ..model import paths
from ..model import province as provinces
from ..model.calendar import (BE_OFFSET, FIRST_PROGRAM_YEAR, LAST_PROGRAM_YEAR, bangkok_datetime,
                              THAI_DIGITS, be_year, program_year, thai_date_to_iso)
from ..model.messages import say
from ..model.problems import CONTROL, Problem, control_message, printable
from ..model.province import Province

MAX_TAGS = 30
MAX_TEXT = 500            # characters in a title, name, tag or summary
FIRST_CE_YEAR = 1990      # the archive holds no older news
LAST_CE_YEAR = 2150
SLUG_RE = paths.SLUG_RE


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


MISSING: Any = _Marker("MISSING")     # the field is not in the front matter
INVALID: Any = _Marker("INVALID")     # the field's rule found a problem (and said so)


class Checker:
    """Collects the problems of one file and knows where each field is."""

    def __init__(self, source: str, key_lines: dict[str, int], path: Path) -> None:
        self.source = source
        self.key_lines = key_lines          # 1-based within the file
        self.path = path
        self.values: dict[str, Any] = {}    # the fields checked so far
        self.problems: list[Problem] = []

    def line(self, name: str) -> int:
        return self.key_lines.get(name, 1)

    def add(self, name: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.source, self.line(name) if line is None else line,
                                     name, message))

    def fail(self, name: str, message: str, line: int | None = None) -> Any:
        self.add(name, message, line)
        return INVALID


def describe(value: Any) -> str:
    """What a value is, for a message: 'รายการ', 'a list', …"""
    if isinstance(value, dict):
        return say("what.fields")
    if isinstance(value, list):
        return say("what.list")
    if isinstance(value, bool):
        return say("what.bool", value=str(value).lower())
    if isinstance(value, (date, datetime)):
        return say("what.date", value=value.isoformat())
    return say("what.number", kind=type(value).__name__, value=repr(value))[:80]


# --------------------------------------------------------------------------
# Rules shared by several fields
# --------------------------------------------------------------------------

def text(c: Checker, name: str, value: Any, required: bool = False) -> Any:
    """One line of text: spaces made single, no control characters, not too long."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return c.fail(name, say("field.empty")) if required else None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return c.fail(name, say("field.text", what=describe(value), what_en=describe(value)))
    value = " ".join(str(value).split())
    bad = CONTROL.search(value)
    if bad:
        return c.fail(name, control_message(bad.group()))
    if len(value) > MAX_TEXT:
        return c.fail(name, say("field.too_long", length=len(value), limit=MAX_TEXT))
    return value


def texts(c: Checker, name: str, items: list[Any]) -> Any:
    """Each item as text, repeats left out, in the order written."""
    out: list[str] = []
    for item in items:
        value = text(c, name, item, required=True)
        if value is INVALID:
            return INVALID
        if value not in out:
            out.append(value)
    return tuple(out)


def names(c: Checker, name: str, value: Any, required: bool) -> Any:
    """A name or a list of names."""
    items = value if isinstance(value, list) else [value]
    if not items or value is None:
        if required:
            return c.fail(name, say("field.names_empty"))
        return ()
    return texts(c, name, items)


# --------------------------------------------------------------------------
# One rule per field
# --------------------------------------------------------------------------

def _not_a_date(written: str) -> str:
    """What to say of a date that is not YYYY-MM-DD: a Thai date gets the exact ISO value
    to write ("20 พฤศจิกายน 2567" → date: 2024-11-20), Thai digits included."""
    iso = thai_date_to_iso(written)
    if iso:
        return say("date.thai", value=printable(written[:40]), iso=iso)
    return say("date.not_a_date", value=printable(written[:40]))


def _title(c: Checker, value: Any) -> Any:
    return text(c, "title", value, required=True)


def _summary(c: Checker, value: Any) -> Any:
    return None if value is MISSING else text(c, "summary", value)


def _author(c: Checker, value: Any) -> Any:
    return names(c, "author", value, required=True)


def _photographer(c: Checker, value: Any) -> Any:
    return () if value is MISSING else names(c, "photographer", value, required=False)


def _date(c: Checker, value: Any) -> Any:
    if value is None or value == "":
        return c.fail("date", say("date.empty"))
    moment: date | datetime | None = None
    if isinstance(value, (date, datetime)):
        moment = value
    elif isinstance(value, str):
        written = value.strip().translate(THAI_DIGITS)      # ๒๐๒๐-๑๑-๐๖ as 2020-11-06
        try:
            moment = (datetime.fromisoformat(written) if len(written) > 10
                      else date.fromisoformat(written))
        except ValueError:
            m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", written)
            if not (m and be_year(FIRST_CE_YEAR) <= int(m.group(1)) <= be_year(LAST_CE_YEAR)):
                return c.fail("date", _not_a_date(written))
            # 29 February of a BE year is no CE date: said below
    else:
        return c.fail("date", say("date.kind", what=describe(value), what_en=describe(value)))
    shown = str(value).strip().translate(THAI_DIGITS)
    year = moment.year if moment else int(shown[:4])
    if be_year(FIRST_CE_YEAR) <= year <= be_year(LAST_CE_YEAR):
        # a Buddhist Era year written where the Common Era one belongs
        ce = year - BE_OFFSET
        fixed = f"{ce}{shown[4:10]}"
        return c.fail("date", say("date.be_year", year=year, fixed=fixed, ce=ce))
    if not FIRST_CE_YEAR <= year <= LAST_CE_YEAR:
        return c.fail("date", say("date.outside", year=year, first=FIRST_CE_YEAR, last=LAST_CE_YEAR))
    assert moment is not None
    return bangkok_datetime(moment)


def _year(c: Checker, value: Any) -> Any:
    published = c.values.get("date")
    derived = program_year(published.date()) if isinstance(published, datetime) else None
    if value is MISSING or value is None:
        return derived if derived is not None else INVALID
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        return c.fail("year", say("year.kind", example=derived or 2564, what=describe(value),
                                  what_en=describe(value)))
    if FIRST_CE_YEAR <= value <= LAST_CE_YEAR:
        if derived:                  # the date says which BE year is meant, whatever CE year
            return c.fail("year", say("year.ce.date", value=value, derived=derived,
                                      date=published.date().isoformat()))
        return c.fail("year", say("year.ce", value=value, be=be_year(value)))
    if not FIRST_PROGRAM_YEAR <= value <= LAST_PROGRAM_YEAR:
        return c.fail("year", say("year.outside", value=value, first=FIRST_PROGRAM_YEAR,
                                  last=LAST_PROGRAM_YEAR))
    if derived is not None and abs(value - derived) > 1:
        return c.fail("year", say("year.far", value=value, date=published.date().isoformat(),
                                  derived=derived))
    return value


def _province(c: Checker, value: Any) -> Any:
    items = value if isinstance(value, list) else [value]
    if value is None or value == [] or value == "":
        return c.fail("province", say("province.empty"))
    found: list[Province] = []
    ok = True
    for item in items:
        if not isinstance(item, str) or not item.strip():
            c.add("province", say("province.kind", what=describe(item), what_en=describe(item)))
            ok = False
            continue
        p = provinces.resolve(item)
        if p is None:
            near = provinces.suggest(item)
            hint = say("province.did_you_mean", name=near.name_th) if near else \
                say("province.write_one")
            c.add("province", say("province.unknown", value=printable(item.strip()[:60]), hint=hint))
            ok = False
        elif p in found:
            c.add("province", say("province.twice", name=p.name_th))
            ok = False
        else:
            found.append(p)
    return tuple(found) if ok else INVALID


def _tags(c: Checker, value: Any) -> Any:
    if value is MISSING or value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        return c.fail("tags", say("tags.kind", what=describe(value), what_en=describe(value)))
    if len(items) > MAX_TAGS:
        return c.fail("tags", say("tags.too_many", count=len(items), limit=MAX_TAGS))
    return texts(c, "tags", items)


def _image(c: Checker, value: Any) -> Any:
    """The cover's name as written; body.py checks the file, with the body's photos."""
    if value is MISSING or value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        return c.fail("image", say("image.kind", what=describe(value), what_en=describe(value)))
    return value.strip()


MAX_GALLERY = 60


def _photos(c: Checker, value: Any) -> Any:
    """The gallery: photos next to the entry, each a file name, or file and caption
    (``- {file: photo-3.jpg, caption: …}``). body/references.py checks the files."""
    if value is MISSING or value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if len(items) > MAX_GALLERY:
        return c.fail("photos", say("photos.too_many", count=len(items), limit=MAX_GALLERY))
    out: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, dict):
            unknown = set(item) - {"file", "caption"}
            if unknown or "file" not in item:
                return c.fail("photos", say("photos.item"))
            name = text(c, "photos", item["file"], required=True)
            caption = text(c, "photos", item.get("caption"))
        else:
            name, caption = text(c, "photos", item, required=True), None
        if name is INVALID or caption is INVALID:
            return INVALID
        out.append((name, caption or ""))
    return tuple(out)


def _slug(c: Checker, value: Any) -> Any:
    if value is not MISSING and value is not None:
        if not isinstance(value, str) or not SLUG_RE.match(value):
            shown = describe(value) if not isinstance(value, str) else repr(value)[:60]
            return c.fail("slug", say("slug.invalid", value=shown))
        return _not_reserved(c, value)
    found = file_slug(c)
    return found if found is INVALID else _not_reserved(c, found)


def _not_reserved(c: Checker, slug: str) -> Any:
    """/news/page/2/ is the second page of every entry: no entry may be called 'page'."""
    if slug in paths.RESERVED_SLUGS:
        return c.fail("slug", say("slug.reserved", value=slug))
    return slug


def file_slug(c: Checker) -> Any:
    """The slug a file's name gives: news/2564/x.md and news/2564/x/index.md are both x."""
    path = c.path
    stem = path.parent.name if path.stem == "index" else path.stem
    slug = paths.slug_of_file(path)
    if not SLUG_RE.match(slug):
        return c.fail("slug", say("slug.file_name", stem=stem), line=1)
    return slug


def _draft(c: Checker, value: Any) -> Any:
    if value is MISSING:
        return False
    if not isinstance(value, bool):
        c.add("draft", say("draft.kind", what=describe(value), what_en=describe(value)))
        return True
    return value


@dataclass(frozen=True)
class Field:
    name: str
    required: bool
    example: str                     # a line that would be right
    label: str                       # what the field is, in Thai
    rule: Callable[[Checker, Any], Any]


FIELDS: tuple[Field, ...] = (
    Field("title", True, "title: ประชุมหารือ…", "หัวข้อข่าว", _title),
    Field("date", True, "date: 2020-11-06", "วันที่ (ค.ศ.)", _date),
    Field("author", True, "author: ชื่อ นามสกุล", "ผู้เขียนข่าว", _author),
    Field("photographer", False, "photographer: ชื่อ นามสกุล", "ผู้ถ่ายภาพ", _photographer),
    Field("province", True, "province: อุดรธานี", "จังหวัด", _province),
    Field("year", False, "year: 2564", "ปีงบประมาณ (พ.ศ.)", _year),
    Field("tags", False, "tags: [เยาวชน, ชุมชนคุณธรรม]", "แท็ก", _tags),
    Field("summary", False, "summary: …", "สรุปข่าว", _summary),
    Field("image", False, "image: cover.jpg", "ภาพปก", _image),
    Field("photos", False, "photos: [photo-3.jpg, photo-4.jpg]", "ภาพกิจกรรม (แกลเลอรี)", _photos),
    Field("slug", False, "slug: 2020-11-06-udon-thani-meeting", "ที่อยู่ของข่าว", _slug),
    Field("draft", False, "draft: true", "ร่าง", _draft),
)
NAMES = tuple(f.name for f in FIELDS)


def check_fields(c: Checker, data: dict[Any, Any]) -> dict[str, Any]:
    """Every field's value as the Entry holds it (INVALID where a rule found a problem),
    after reporting unknown and missing fields."""
    for key in data:
        if not isinstance(key, str):
            c.add("front matter", say("field.not_a_name", what=describe(key), what_en=describe(key)),
                  line=1)
        elif key not in NAMES:
            near = difflib.get_close_matches(key.lower(), NAMES, n=1, cutoff=0.6)
            hint = say("field.unknown.near", name=near[0]) if near else \
                say("field.unknown.list", names=", ".join(NAMES))
            shown = printable(key)[:40]
            c.add(shown if shown.strip() else "front matter",
                  say("field.unknown", name=shown, hint=hint), line=c.line(key))
    for f in FIELDS:
        if f.name in data:
            c.values[f.name] = f.rule(c, data[f.name])
        elif f.required:
            c.problems.append(Problem(c.source, 1, f.name, say("field.missing", example=f.example)))
            c.values[f.name] = INVALID
        else:
            c.values[f.name] = f.rule(c, MISSING)
    return c.values
