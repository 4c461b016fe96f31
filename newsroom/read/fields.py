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

from ..model import province as provinces
from ..model.calendar import (BE_OFFSET, FIRST_PROGRAM_YEAR, LAST_PROGRAM_YEAR, bangkok_datetime,
                              be_year, program_year)
from ..model.problems import CONTROL, Problem, control_message, printable
from ..model.province import Province

MAX_TAGS = 30
MAX_TEXT = 500            # characters in a title, name, tag or summary
FIRST_CE_YEAR = 1990      # the archive holds no older news
LAST_CE_YEAR = 2150
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (date, datetime)):
        return f"a date ({value.isoformat()})"
    return f"{type(value).__name__} {value!r}"[:80]


# --------------------------------------------------------------------------
# Rules shared by several fields
# --------------------------------------------------------------------------

def text(c: Checker, name: str, value: Any, required: bool = False) -> Any:
    """One line of text: spaces made single, no control characters, not too long."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return c.fail(name, "is empty; write a value after the colon") if required else None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return c.fail(name, f"must be text, not {describe(value)}")
    value = " ".join(str(value).split())
    bad = CONTROL.search(value)
    if bad:
        return c.fail(name, control_message(bad.group()))
    if len(value) > MAX_TEXT:
        return c.fail(name, f"is {len(value)} characters long; keep it under {MAX_TEXT}")
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
            return c.fail(name, "is empty; write a name, or a list [name 1, name 2]")
        return ()
    return texts(c, name, items)


# --------------------------------------------------------------------------
# One rule per field
# --------------------------------------------------------------------------

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
        return c.fail("date", "is empty; write the publication date as YYYY-MM-DD, e.g. 2020-11-06")
    moment: date | datetime | None = None
    if isinstance(value, (date, datetime)):
        moment = value
    elif isinstance(value, str):
        written = value.strip()
        try:
            moment = (datetime.fromisoformat(written) if len(written) > 10
                      else date.fromisoformat(written))
        except ValueError:
            m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", written)
            if not (m and be_year(FIRST_CE_YEAR) <= int(m.group(1)) <= be_year(LAST_CE_YEAR)):
                return c.fail("date", f"'{printable(written[:40])}' is not a date; write YYYY-MM-DD"
                                      " (e.g. 2020-11-06), optionally with a time: 2020-11-06 13:30")
            # 29 February of a BE year is no CE date: said below
    else:
        return c.fail("date", f"must be a date like 2020-11-06, not {describe(value)}")
    year = moment.year if moment else int(str(value).strip()[:4])
    if be_year(FIRST_CE_YEAR) <= year <= be_year(LAST_CE_YEAR):
        # a Buddhist Era year written where the Common Era one belongs
        ce = year - BE_OFFSET
        fixed = f"{ce}{str(value).strip()[4:10]}"
        return c.fail("date", f"year {year} is a Buddhist Era year; dates are written in the Common"
                              f" Era: {fixed} (BE {year} = CE {ce})")
    if not FIRST_CE_YEAR <= year <= LAST_CE_YEAR:
        return c.fail("date", f"year {year} is outside the archive ({FIRST_CE_YEAR}–{LAST_CE_YEAR})")
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
        return c.fail("year", f"must be a program year in BE such as {derived or 2564},"
                              f" not {describe(value)}")
    if FIRST_CE_YEAR <= value <= LAST_CE_YEAR:
        hint = (f"; the date {published.date().isoformat()} is in program year {derived}"
                if derived and derived != be_year(value) else "")
        return c.fail("year", f"{value} is a CE year; program years are in BE: write"
                              f" year: {be_year(value)}{hint}")
    if not FIRST_PROGRAM_YEAR <= value <= LAST_PROGRAM_YEAR:
        return c.fail("year", f"{value} is not a program year (BE {FIRST_PROGRAM_YEAR}–"
                              f"{LAST_PROGRAM_YEAR})")
    if derived is not None and abs(value - derived) > 1:
        return c.fail("year", f"program year {value} is far from the date"
                              f" {published.date().isoformat()}, which falls in program year"
                              f" {derived}; leave year out to use {derived}")
    return value


def _province(c: Checker, value: Any) -> Any:
    items = value if isinstance(value, list) else [value]
    if value is None or value == [] or value == "":
        return c.fail("province", "is empty; write the province in Thai, e.g. province: อุดรธานี")
    found: list[Province] = []
    ok = True
    for item in items:
        if not isinstance(item, str) or not item.strip():
            c.add("province", f"must be a province name, not {describe(item)}")
            ok = False
            continue
        p = provinces.resolve(item)
        if p is None:
            near = provinces.suggest(item)
            hint = f"; did you mean {near.name_th}?" if near else (
                "; write one of the 77 provinces in Thai (อุดรธานี) or English (Udon Thani)")
            c.add("province", f"'{printable(item.strip()[:60])}' is not a province{hint}")
            ok = False
        elif p in found:
            c.add("province", f"{p.name_th} is listed twice")
            ok = False
        else:
            found.append(p)
    return tuple(found) if ok else INVALID


def _tags(c: Checker, value: Any) -> Any:
    if value is MISSING or value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        return c.fail("tags", f"must be a list such as [เยาวชน, ชุมชนคุณธรรม], not {describe(value)}")
    if len(items) > MAX_TAGS:
        return c.fail("tags", f"{len(items)} tags; an entry may have at most {MAX_TAGS}")
    return texts(c, "tags", items)


def _image(c: Checker, value: Any) -> Any:
    """The cover's name as written; body.py checks the file, with the body's photos."""
    if value is MISSING or value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        return c.fail("image", f"must be the file name of a photo next to the entry,"
                               f" not {describe(value)}")
    return value.strip()


MAX_GALLERY = 60


def _photos(c: Checker, value: Any) -> Any:
    """The gallery: photos next to the entry, each a file name, or file and caption
    (``- {file: photo-3.jpg, caption: …}``). body/references.py checks the files."""
    if value is MISSING or value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if len(items) > MAX_GALLERY:
        return c.fail("photos", f"{len(items)} photos; a gallery may have at most {MAX_GALLERY}")
    out: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, dict):
            unknown = set(item) - {"file", "caption"}
            if unknown or "file" not in item:
                return c.fail("photos", "each photo is a file name, or file: and caption:, e.g."
                                        " - {file: photo-3.jpg, caption: ผู้เข้าร่วมประชุม}")
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
            return c.fail("slug", f"{shown} is not a URL slug: use lowercase a–z, digits and"
                                  " hyphens, e.g. 2020-11-06-udon-thani-meeting")
        return value
    return file_slug(c)


def file_slug(c: Checker) -> Any:
    """The slug a file's name gives: news/2564/x.md and news/2564/x/index.md are both x."""
    path = c.path
    stem = path.parent.name if path.stem == "index" else path.stem
    slug = re.sub(r"[\s_]+", "-", stem.strip().lower())
    if not SLUG_RE.match(slug):
        return c.fail("slug", f"the file name '{stem}' does not make an ASCII URL; rename the file"
                              " (e.g. 2020-11-06-udon-thani-meeting.md) or add a field"
                              " slug: 2020-11-06-udon-thani-meeting", line=1)
    return slug


def _draft(c: Checker, value: Any) -> Any:
    if value is MISSING:
        return False
    if not isinstance(value, bool):
        c.add("draft", f"must be true or false, not {describe(value)}")
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
            c.add("front matter", f"field name {describe(key)} is not a name", line=1)
        elif key not in NAMES:
            near = difflib.get_close_matches(key.lower(), NAMES, n=1, cutoff=0.6)
            hint = f"; did you mean {near[0]}?" if near else f"; the fields are {', '.join(NAMES)}"
            shown = printable(key)[:40]
            c.add(shown if shown.strip() else "front matter", f"unknown field '{shown}'{hint}",
                  line=c.line(key))
    for f in FIELDS:
        if f.name in data:
            c.values[f.name] = f.rule(c, data[f.name])
        elif f.required:
            c.problems.append(Problem(c.source, 1, f.name,
                                      f"is missing; add a line such as {f.example}"))
            c.values[f.name] = INVALID
        else:
            c.values[f.name] = f.rule(c, MISSING)
    return c.values
