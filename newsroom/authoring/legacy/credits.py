"""The credit line at the end of a legacy report: who wrote, who photographed, their unit."""

from __future__ import annotations

import re
from typing import NamedTuple

from ...model.messages import say
from .paragraphs import trim

class Credit(NamedTuple):
    writers: list[str]
    photographers: list[str]
    unit: str | None


_CREDIT_LABELS = {
    "both": (r"เขียนข่าว\s*(?:และ|/|,|-)\s*ถ่ายภาพ|ถ่ายภาพ\s*(?:และ|/|,|-)\s*เขียนข่าว"
             r"|ข่าว\s*(?:และ|/|,|-)\s*ภาพ|ภาพ\s*(?:และ|/|,|-)\s*ข่าว"),
    "writer": r"เขียนข่าว|ผู้เขียนข่าว|ผู้เขียน|เรียบเรียง|ข่าว",
    "photo": r"ผู้ถ่ายภาพ|ถ่ายภาพ|ภาพถ่าย|ภาพ",
}
# A label starts the line or follows a space or "/", and is followed by a colon.
_CREDIT_LABEL = re.compile(
    r"(?:^|(?<=[\s/]))(?:" + "|".join(f"(?P<{role}>{p})" for role, p in _CREDIT_LABELS.items())
    + r")\s*[:：]\s*")
CREDIT_LENGTH = 250        # a longer line is a paragraph, not a credit
CREDIT_LINES = 3           # at most this many credit lines at the end ("ข่าว : A" / "ภาพ : B")

UNIT_STARTS = ("กลุ่มงาน", "สำนักงาน", "สำนัก", "ฝ่าย", "ศูนย์", "กอง", "งาน", "ส่วน", "กลุ่ม",
               "หน่วย", "แผนก", "สถาบัน", "องค์การ", "กรม")
_UNIT_START = "|".join(UNIT_STARTS)
_UNIT_IN_PARENTHESES = re.compile(rf"^(?P<names>.*?)\s*\((?P<unit>(?:{_UNIT_START})[^()]*)\)$")
# Units named after a name with only a space between: the long unambiguous starts.
_UNIT_AFTER_SPACE = re.compile(r"\s+(?=(?:กลุ่มงาน|สำนักงาน|สำนัก|ฝ่าย)\S)")

HONORIFICS = ("นางสาว", "นาง", "นาย", "น.ส.", "ดร.", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.")
_HONORIFIC = "|".join(re.escape(h) for h in HONORIFICS)
# "และ" joins two names only where that is safe: before an honorific, or between
# two names that each have a surname. Inside a unit ("สื่อสารและรณรงค์") it joins words.
_AND_BEFORE_HONORIFIC = re.compile(rf"\s+และ\s*(?={_HONORIFIC})")
_AND_WITH_SPACES = re.compile(r"\s+และ\s+")
_NAME_SEPARATORS = re.compile(r"\s*[,、;/]\s*")
_LEADING_MARKS = re.compile(r"^[\-–—•*·>]+\s*")


def parse_credit(line: str) -> Credit | None:
    """(writers, photographers, unit) from a credit line, or None if it is not one.

    >>> parse_credit("เขียนข่าว : ก ไก่ / ถ่ายภาพ : ข ไข่, ค ควาย / กลุ่มงานสื่อสาร")
    Credit(writers=['ก ไก่'], photographers=['ข ไข่', 'ค ควาย'], unit='กลุ่มงานสื่อสาร')
    >>> parse_credit("ภาพบรรยากาศการประชุม") is None
    True
    """
    line = _unwrap_credit(" ".join(line.split()))
    labels = list(_CREDIT_LABEL.finditer(line))
    if not labels or labels[0].start() != 0 or len(line) > CREDIT_LENGTH:
        return None
    writers: list[str] = []
    photographers: list[str] = []
    units: list[str] = []
    for label, following in zip(labels, [*labels[1:], None]):
        value = line[label.end():following.start() if following else len(line)].strip(" /,")
        names, unit = split_unit(value)
        people = split_names(names)
        if label.group("writer") or label.group("both"):
            writers += people
        if label.group("photo") or label.group("both"):
            photographers += people
        if unit:
            units.append(unit)
    return Credit(_unique(writers), _unique(photographers), " / ".join(_unique(units)) or None)


def _unwrap_credit(line: str) -> str:
    """'(ข่าว : A)' or '- ข่าว : A' -> 'ข่าว : A'."""
    line = _LEADING_MARKS.sub("", line)
    if line.startswith("(") and line.endswith(")") and line.count("(") == line.count(")"):
        inner = line[1:-1].strip()
        if _CREDIT_LABEL.match(inner):
            return inner
    return line


def split_unit(value: str) -> tuple[str, str | None]:
    """'A / กลุ่มงาน…' -> ('A', 'กลุ่มงาน…'); '(กลุ่มงาน…)' after the names works too."""
    pieces = [p.strip() for p in value.split("/")]
    for i, piece in enumerate(pieces):
        if i and piece.startswith(UNIT_STARTS):
            return " / ".join(pieces[:i]), " / ".join(pieces[i:])
    m = _UNIT_IN_PARENTHESES.match(value)
    if m and m.group("names"):
        return m.group("names"), m.group("unit")
    parts = _UNIT_AFTER_SPACE.split(value, maxsplit=1)
    if len(parts) == 2 and parts[0]:
        return parts[0], parts[1]
    return value, None


def split_names(text: str) -> list[str]:
    """Names separated by ",", "/" or a safe "และ"; spacing inside a name made single."""
    names = []
    for part in _NAME_SEPARATORS.split(text):
        for piece in _AND_BEFORE_HONORIFIC.split(part):
            names += _split_on_and_between_full_names(piece)
    return [" ".join(n.split()) for n in names if n.strip()]


def _split_on_and_between_full_names(text: str) -> list[str]:
    pieces = _AND_WITH_SPACES.split(text)
    if len(pieces) > 1 and all(len(p.split()) >= 2 or p.startswith(HONORIFICS) for p in pieces):
        return pieces
    return [text]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _unit_line(line: str) -> str | None:
    """The unit, if ``line`` is only a unit: 'กลุ่มงานสื่อสาร…', '/ กลุ่มงาน…', '(กลุ่มงาน…)'."""
    unit = trim(line).lstrip("/ ").strip("()")
    return unit if unit.startswith(UNIT_STARTS) and len(unit) <= 120 else None


def take_credit(paragraphs: list[str]) -> tuple[Credit | None, list[str]]:
    """The credit at the end of the report and the paragraphs without it.

    The credit is the last line, or up to CREDIT_LINES last lines ("ข่าว : A",
    then "ภาพ : B"), possibly followed by a line with only the unit.
    """
    lines = [(i, line) for i, p in enumerate(paragraphs) for line in p.split("\n")]
    unit_line = _unit_line(lines[-1][1]) if len(lines) > 1 and parse_credit(lines[-2][1]) else None
    if unit_line:
        lines.pop()
    credits: list[Credit] = []
    while lines and len(credits) < CREDIT_LINES and (credit := parse_credit(lines[-1][1])):
        credits.insert(0, credit)
        lines.pop()
    if not credits:
        return None, paragraphs
    units = [c.unit for c in credits if c.unit] + ([unit_line] if unit_line else [])
    merged = Credit(_unique([n for c in credits for n in c.writers]),
                    _unique([n for c in credits for n in c.photographers]),
                    " / ".join(_unique(units)) or None)
    return merged, _rejoin(lines, len(paragraphs))


def _rejoin(lines: list[tuple[int, str]], count: int) -> list[str]:
    """Paragraphs again from (paragraph index, line) pairs, dropping emptied ones."""
    grouped: list[list[str]] = [[] for _ in range(count)]
    for i, line in lines:
        grouped[i].append(line)
    return [p for p in (trim("\n".join(g)) for g in grouped) if p]


def _author_doubt(credit: Credit | None) -> str:
    if credit is None:
        return say("legacy.no_credit")
    return say("legacy.no_writer")
