"""Legacy plain-text reports: the Thai date at the top, the report, a credit line at the end.

``parse_report`` reads one report into fields and says, for each field it
cannot determine with confidence, why (``doubts``). It never guesses between
equally likely answers; importer.py leaves such fields for the writer.

>>> r = parse_report("๖ พ.ย. ๒๕๖๓ ศูนย์คุณธรรมร่วมประชุม ณ ศาลากลางจังหวัดน่าน\\n\\n"
...                  "ข่าว : ก ไก่ / ภาพ : ข ไข่ / กลุ่มงานสื่อสาร")
>>> r.date.isoformat(), r.authors, r.photographers, r.unit, r.province.name_th
('2020-11-06', ['ก ไก่'], ['ข ไข่'], 'กลุ่มงานสื่อสาร', 'น่าน')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pythainlp.util import thai_digit_to_arabic_digit

from .program_year import BE_OFFSET, THAI_MONTHS, THAI_MONTHS_SHORT
from .province import Province, all_provinces, resolve

# -- the date ---------------------------------------------------------------

def _short_month_pattern(short: str) -> str:
    """'พ.ย.' -> a pattern that also takes 'พย', 'พ.ย' and 'พ. ย.'."""
    letters = [c for c in short if c != "."]
    return r"\.?\s?".join(re.escape(c) for c in letters) + r"\.?"


_MONTH_PATTERNS = [(i + 1, re.escape(full)) for i, full in enumerate(THAI_MONTHS)] + \
                  [(i + 1, _short_month_pattern(s)) for i, s in enumerate(THAI_MONTHS_SHORT)]
_MONTH_RE = "|".join(f"(?P<m{n}_{k}>{p})" for k, (n, p) in enumerate(_MONTH_PATTERNS))
_DATE_RE = re.compile(
    r"^\s*(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัสฯ|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?\s*ที่\s*)?"
    r"(?P<day>\d{1,2})\s*(?:" + _MONTH_RE + r")\s*(?:พ\.\s?ศ\.\s*)?(?P<year>\d{4}|\d{2})(?!\d)")

# -- the credit line --------------------------------------------------------

_BOTH = r"(?:เขียนข่าวและถ่ายภาพ|ข่าวและภาพ|ภาพและข่าว|ข่าว\s*/\s*ภาพ|ภาพ\s*/\s*ข่าว|ข่าว\s*-\s*ภาพ)"
_WRITER = r"(?:เขียนข่าว|ผู้เขียน|ข่าว)"
_PHOTO = r"(?:ถ่ายภาพ|ภาพถ่าย|ภาพ)"
_COLON = r"\s*[:：]\s*"
_CREDIT_BOTH = re.compile(rf"^{_BOTH}{_COLON}(?P<names>.+)$")
_CREDIT_SPLIT = re.compile(rf"^{_WRITER}{_COLON}(?P<writers>.+?)\s*/\s*{_PHOTO}{_COLON}(?P<photos>.+)$")
_CREDIT_SPLIT_REVERSED = re.compile(
    rf"^{_PHOTO}{_COLON}(?P<photos>.+?)\s*/\s*{_WRITER}{_COLON}(?P<writers>.+)$")
_UNIT_START = ("กลุ่มงาน", "สำนัก", "ฝ่าย", "ศูนย์", "กอง", "งาน", "ส่วน", "กลุ่ม")

# -- the province -----------------------------------------------------------

_BANGKOK = ("กรุงเทพมหานคร", "กรุงเทพฯ", "กทม.", "กทม")
VENUE_WINDOW = 160     # characters after "ณ" in which the venue's province is named
SURE = 1.5             # the winner needs this many times the runner-up's score
TITLE_LENGTH = 160
# What a report's subject did: the headline starts there ("ผู้จัดการ" and "การประชุม"
# are nouns, not the activity).
_ACTIVITIES = (
    re.compile(r"(?<!ผู้)(?<!การ)(?<!ความ)(?:ร่วมประชุม|ร่วมกับ|ร่วมเวที|ร่วมพิธี|ลงพื้นที่|จัดประชุม|"
               r"จัดอบรม|จัดเวที|จัดกิจกรรม|เข้าร่วม|ลงนาม)"),
    re.compile(r"(?<!ผู้)(?<!การ)(?<!ความ)(?:ประกาศ|ร่วม(?!มือ)|จัด(?!การ)|อบรม|ประชุม)"),
)
_ORGANISATION = "ศูนย์คุณธรรม"


@dataclass
class LegacyReport:
    date: date | None = None
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    unit: str | None = None
    province: Province | None = None
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    doubts: dict[str, str] = field(default_factory=dict)


def _blank(line: str) -> bool:
    return not line.replace("\u00a0", " ").replace("\u200b", "").strip()


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines (NBSP-only lines are blank), edges trimmed."""
    paragraphs, current = [], []
    for line in text.split("\n"):
        if _blank(line):
            if current:
                paragraphs.append("\n".join(current).strip(" \t\u00a0"))
                current = []
        else:
            current.append(line.strip(" \t\u00a0"))
    if current:
        paragraphs.append("\n".join(current).strip(" \t\u00a0"))
    return [p for p in paragraphs if p]


def parse_date(text: str) -> tuple[date | None, int, str | None]:
    """The date at the start of ``text``: (date, characters it used, doubt)."""
    normal = thai_digit_to_arabic_digit(text[:120])
    m = _DATE_RE.match(normal)
    if not m:
        return None, 0, "no Thai date (e.g. 6 พฤศจิกายน 2563) at the top of the report"
    month = next(int(k[1:].split("_")[0]) for k, v in m.groupdict().items()
                 if k.startswith("m") and v)
    year = int(m.group("year"))
    if year < 100:
        year += 2500                       # "63" is BE 2563
    if year > 2400:
        year -= BE_OFFSET
    try:
        return date(year, month, int(m.group("day"))), m.end(), None
    except ValueError:
        return None, m.end(), f"'{m.group(0).strip()}' is not a real date"


def _names(text: str) -> list[str]:
    parts = re.split(r"\s*[,、]\s*|\s+และ\s+(?=\S+\s+\S)", text.strip())
    return [" ".join(p.split()) for p in parts if p.strip()]


def _without_unit(text: str) -> tuple[str, str | None]:
    """'A / กลุ่มงาน…' -> ('A', 'กลุ่มงาน…'); a unit in parentheses works too."""
    pieces = [p.strip() for p in re.split(r"\s+/\s+|\s*/\s*(?=" + "|".join(_UNIT_START) + ")", text)]
    for i, piece in enumerate(pieces[1:], start=1):
        if piece.startswith(_UNIT_START):
            return " / ".join(pieces[:i]), " / ".join(pieces[i:])
    m = re.match(r"^(?P<names>.+?)\s*\((?P<unit>(?:" + "|".join(_UNIT_START) + r")[^)]*)\)\s*$", text)
    if m:
        return m.group("names"), m.group("unit")
    return text, None


def parse_credit(line: str) -> tuple[list[str], list[str], str | None] | None:
    """(writers, photographers, unit) from a credit line, or None if it is not one."""
    line = " ".join(line.replace("\u00a0", " ").split())
    m = _CREDIT_SPLIT.match(line) or _CREDIT_SPLIT_REVERSED.match(line)
    if m:
        writers = m.group("writers")
        photos, unit = _without_unit(m.group("photos"))
        return _names(writers), _names(photos), unit
    m = _CREDIT_BOTH.match(line)
    if m:
        names, unit = _without_unit(m.group("names"))
        people = _names(names)
        return people, list(people), unit
    return None


def _province_names() -> list[tuple[str, Province]]:
    names = [(p.name_th, p) for p in all_provinces()]
    names += [(alias, resolve("กรุงเทพมหานคร")) for alias in _BANGKOK[1:]]
    return sorted(names, key=lambda np: -len(np[0]))


def find_province(text: str) -> tuple[Province | None, str | None]:
    """The province a report is set in: venue ("ณ … จังหวัดX"), "(จังหวัดX)" and
    "ศาลากลางจังหวัดX" weigh most; other mentions a little. None when unsure."""
    names = _province_names()
    pattern = re.compile("|".join(re.escape(n) for n, _ in names))
    province_of = dict(names)
    scores: dict[Province, float] = {}
    mentions = list(pattern.finditer(text))
    # The venue: the first province named after each "ณ" (not others further on,
    # such as where the guests came from).
    venue_mentions = set()
    for v in (m.end() for m in re.finditer(r"(?:^|\s)ณ\s", text)):
        first = next((m for m in mentions if 0 <= m.start() - v <= VENUE_WINDOW), None)
        if first:
            venue_mentions.add(first.start())
    for m in mentions:
        p = province_of[m.group(0)]
        before = text[max(0, m.start() - 12):m.start()]
        weight = 0.5
        if before.endswith("จังหวัด") or p.slug == "bangkok":
            weight = 1.0
        if before.endswith("(จังหวัด") or before.endswith("ศาลากลางจังหวัด"):
            weight = 3.0
        if m.start() in venue_mentions:
            weight += 3.0
        scores[p] = scores.get(p, 0.0) + weight
    if not scores:
        return None, "no province is named in the report"
    ranked = sorted(scores.items(), key=lambda ps: -ps[1])
    best, score = ranked[0]
    if score < 1.0:
        return None, f"only a passing mention of {best.name_th}"
    if len(ranked) > 1 and score < SURE * ranked[1][1]:
        return None, (f"the report names {best.name_th} and {ranked[1][0].name_th} about"
                      " equally; choose one")
    return best, None


def propose_title(paragraphs: list[str]) -> str | None:
    """A headline from the report's first activity, with the organisation as its
    subject when the report opens with it: 'ศูนย์คุณธรรมร่วมประชุมหารือ… (จังหวัดอุดรธานี)'."""
    text = " ".join(" ".join(paragraphs[:3]).split())
    m = next((found for pattern in _ACTIVITIES if (found := pattern.search(text))), None)
    if not m:
        return None
    phrase = text[m.start():]
    cut = re.search(r"\s(?:ณ|ภายใต้|โดยมี|โดยได้รับ|ระหว่างวันที่)\s", phrase)
    if cut and cut.start() > 20:
        phrase = phrase[:cut.start()]
    if len(phrase) > TITLE_LENGTH:
        space = phrase.rfind(" ", 40, TITLE_LENGTH)
        phrase = phrase[: space if space > 0 else TITLE_LENGTH]
    if text.startswith(_ORGANISATION) and m.start() > 0:
        phrase = _ORGANISATION + phrase
    return phrase.strip(" ,") or None


def parse_report(text: str) -> LegacyReport:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    report = LegacyReport()
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        report.doubts.update(date="the file is empty", author="the file is empty",
                             province="the file is empty", title="the file is empty")
        return report

    report.date, used, doubt = parse_date(paragraphs[0])
    if doubt:
        report.doubts["date"] = doubt
    if used:
        rest = paragraphs[0][used:].strip(" \t\u00a0")
        paragraphs = ([rest] if rest else []) + paragraphs[1:]

    credit = None
    if paragraphs:
        last_line = paragraphs[-1].split("\n")[-1]
        credit = parse_credit(last_line)
        if credit:
            remaining = paragraphs[-1].split("\n")[:-1]
            paragraphs = paragraphs[:-1] + (["\n".join(remaining)] if remaining else [])
    if credit:
        report.authors, report.photographers, report.unit = credit
    if not report.authors:
        report.doubts["author"] = ("no credit line (เขียนข่าว : … / ถ่ายภาพ : …) at the end"
                                   if not credit else "the credit line names no writer")

    report.paragraphs = paragraphs
    report.province, doubt = find_province("\n".join(paragraphs))
    if doubt:
        report.doubts["province"] = doubt
    report.title = propose_title(paragraphs)
    if not report.title:
        report.doubts["title"] = "no sentence to make a headline from"
    return report
