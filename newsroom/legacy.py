"""Legacy plain-text reports: the Thai date at the top, the report, a credit line at the end.

``parse_report`` reads one report into fields. For each field it cannot
determine with confidence it leaves the field empty (or marks it) and says why
in ``doubts``; it never chooses between equally likely answers. The body is
kept as written: paragraphs are split on blank lines and only their edges are
trimmed; the date at the top and the credit line at the end are taken out.
Escaping for Markdown is importer.py's job, not this module's.

>>> r = parse_report("๖ พ.ย. ๒๕๖๓ ศูนย์คุณธรรมร่วมประชุม ณ ศาลากลางจังหวัดน่าน\\n\\n"
...                  "ข่าว : ก ไก่ / ภาพ : ข ไข่ / กลุ่มงานสื่อสาร")
>>> r.date, r.authors, r.photographers, r.unit, r.province.slug
(datetime.date(2020, 11, 6), ['ก ไก่'], ['ข ไข่'], 'กลุ่มงานสื่อสาร', 'nan')
>>> r.paragraphs, r.title, r.doubts
(['ศูนย์คุณธรรมร่วมประชุม ณ ศาลากลางจังหวัดน่าน'], 'ศูนย์คุณธรรมร่วมประชุม', {})

What is not there is not guessed:

>>> r = parse_report("ประชุมคณะทำงานจังหวัดชลบุรีและจังหวัดระยองผ่านระบบออนไลน์")
>>> r.date, r.authors, r.province, sorted(r.doubts)
(None, [], None, ['author', 'date', 'province'])
>>> r.doubts["province"]
'the report names ชลบุรี and ระยอง about equally; choose one'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from datetime import date
from typing import NamedTuple

from pythainlp.util import thai_digit_to_arabic_digit

from .program_year import BE_OFFSET, FIRST_PROGRAM_YEAR, LAST_PROGRAM_YEAR, THAI_MONTHS, THAI_MONTHS_SHORT
from .province import EXTRA_ALIASES, Province, all_provinces, resolve


@dataclass
class LegacyReport:
    """One legacy report read into fields; ``doubts`` maps a field to why it is uncertain."""

    date: date | None = None
    """CE date, from the Thai (BE) date at the top."""
    authors: list[str] = field(default_factory=list)
    """Writers' names as written (honorifics kept), without their unit."""
    photographers: list[str] = field(default_factory=list)
    unit: str | None = None
    """The unit at the end of the credit line, e.g. "กลุ่มงานสื่อสารและรณรงค์ทางสังคม"."""
    province: Province | None = None
    """The province the report is set in (not every province it mentions)."""
    title: str | None = None
    """A proposed headline from the report's opening sentence."""
    paragraphs: list[str] = field(default_factory=list)
    """The body as written; only the edges of each paragraph trimmed."""
    doubts: dict[str, str] = field(default_factory=dict)
    """Field ("date", "author", "province", "title") -> reason it is empty or uncertain."""


def parse_report(text: str) -> LegacyReport:
    """Read a whole legacy report (already decoded; a BOM and CRLF are fine)."""
    report = LegacyReport()
    paragraphs = split_paragraphs(normalise_newlines(text))
    if not paragraphs:
        report.doubts = {name: "the report is empty" for name in ("date", "author", "province", "title")}
        return report

    report.date, used, doubt = parse_date(paragraphs[0])
    if doubt:
        report.doubts["date"] = doubt
    paragraphs = remove_date_prefix(paragraphs, used)

    credit, paragraphs = take_credit(paragraphs)
    if credit:
        report.authors, report.photographers, report.unit = credit
    if not report.authors:
        report.doubts["author"] = _author_doubt(credit)

    report.paragraphs = paragraphs
    report.province, doubt = find_province("\n\n".join(paragraphs))
    if doubt:
        report.doubts["province"] = doubt
    report.title, doubt = propose_title(paragraphs)
    if doubt:
        report.doubts["title"] = doubt
    return report


# -- the body -----------------------------------------------------------------

# Characters that show nothing: a line of only these (and spaces) is blank.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_EDGES = re.compile(rf"^[\s{_INVISIBLE}]+|[\s{_INVISIBLE}]+$")


def normalise_newlines(text: str) -> str:
    """Without a leading BOM, with CRLF and lone CR as LF."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def trim(text: str) -> str:
    """``text`` without whitespace (NBSP included) or invisible characters at its edges."""
    return _EDGES.sub("", text)


def is_blank(line: str) -> bool:
    return not trim(line)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines (NBSP-only lines are blank), edges trimmed,
    lines inside a paragraph kept as written."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*text.split("\n"), ""]:
        if not is_blank(line):
            current.append(line)
        elif current:
            paragraphs.append(trim("\n".join(current)))
            current = []
    return paragraphs


# -- the date -----------------------------------------------------------------

_WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "พฤหัสฯ", "พฤหัส", "ศุกร์", "เสาร์", "อาทิตย์")


def _short_month_pattern(short: str) -> str:
    """'พ.ย.' -> a pattern that also takes 'พย', 'พ.ย' and 'พ. ย.'."""
    letters = [c for c in short if c != "."]
    return r"\.?\s?".join(re.escape(c) for c in letters) + r"\.?"


def _month_key(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


_MONTH_NUMBERS = {_month_key(name): n for names in (THAI_MONTHS, THAI_MONTHS_SHORT)
                  for n, name in enumerate(names, start=1)}
# Full names first: the alternation takes the first that fits.
_MONTH = "|".join([re.escape(m) for m in THAI_MONTHS] + [_short_month_pattern(m) for m in THAI_MONTHS_SHORT])
# "6-7 พ.ย. 2563", an event over two days, is dated by its first day.
_DATE = (r"(?P<day>\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s*(?P<month>" + _MONTH + r")"
         r"\s*(?:พ\.?\s?ศ\.?\s*)?(?P<year>\d{4}|\d{2})(?!\d)")
_DATE_AT_TOP = re.compile(
    r"(?:วัน(?:" + "|".join(_WEEKDAYS) + r")\s*(?:ที่\s*)?|วันที่\s*)?" + _DATE)
_DATE_ANYWHERE = re.compile(r"(?<!\d)" + _DATE)
DATE_HINT_WINDOW = 300     # characters of the opening searched for a date to mention in the doubt


def parse_date(text: str) -> tuple[date | None, int, str | None]:
    """The date at the start of ``text``: (CE date, characters it takes, doubt).

    The characters are counted in ``text`` as given (Thai digits are read as
    Arabic ones without changing any length), so ``text[used:]`` is what follows.
    """
    normal = thai_digit_to_arabic_digit(text[:120])
    m = _DATE_AT_TOP.match(normal)
    if not m:
        return None, 0, _no_date_doubt(text)
    month = _MONTH_NUMBERS[_month_key(m.group("month"))]
    year, doubt = _ce_year(m.group("year"))
    if year is None:
        return None, m.end(), doubt
    try:
        return date(year, month, int(m.group("day"))), m.end(), doubt
    except ValueError:
        return None, m.end(), f"'{text[:m.end()].strip()}' is not a real date"


def _ce_year(written: str) -> tuple[int | None, str | None]:
    """CE year of a year as written at the top: BE, or two-digit BE ("63" = 2563)."""
    year = int(written) + (2500 if len(written) == 2 else 0)
    if FIRST_PROGRAM_YEAR <= year <= LAST_PROGRAM_YEAR:
        return year - BE_OFFSET, None
    if FIRST_PROGRAM_YEAR - BE_OFFSET <= year <= LAST_PROGRAM_YEAR - BE_OFFSET:
        return year, f"the year {written} looks like a CE year (BE {year + BE_OFFSET}?); taken as CE"
    return None, (f"the year {written} is not a Buddhist Era year of the programme"
                  f" ({FIRST_PROGRAM_YEAR}–{LAST_PROGRAM_YEAR})")


def _no_date_doubt(text: str) -> str:
    doubt = "no Thai date (e.g. 6 พฤศจิกายน 2563) at the top of the report"
    later = _DATE_ANYWHERE.search(thai_digit_to_arabic_digit(text[:DATE_HINT_WINDOW]))
    if later:
        doubt += f"; the opening mentions '{text[later.start():later.end()]}'"
    return doubt


def remove_date_prefix(paragraphs: list[str], used: int) -> list[str]:
    """The paragraphs with the first ``used`` characters (the date) taken out of the first;
    the rest of the date's line stays as body text."""
    if not used:
        return paragraphs
    rest = trim(paragraphs[0][used:])
    return ([rest] if rest else []) + paragraphs[1:]


# -- the credit line ----------------------------------------------------------

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
        return "no credit line (เขียนข่าว : … / ถ่ายภาพ : …) at the end of the report"
    return "the credit line names no writer"


# -- the province -------------------------------------------------------------

# Province names that are also everyday words (เผยแพร่, ตากแดด, ไม่เลย): they count
# only after จังหวัด, จ. or เมือง.
EVERYDAY_WORDS = frozenset({"เลย", "แพร่", "ตาก", "กระบี่"})
MENTION = 0.5         # a province named in passing
NAMED = 1.0           # after จังหวัด, จ. or เมือง; Bangkok by any of its names
MARKED = 3.0          # "(จังหวัดX)", "ศาลากลางจังหวัดX": the report says where it is set
VENUE = 3.0           # added for the first province after "ณ" (the place of the event)
MIN_SCORE = 1.0       # less than this is a passing mention
SURE = 1.5            # the winner needs this many times the runner-up's score
VENUE_WINDOW = 160    # characters after "ณ" in which the venue's province is named
_LOOK_BACK = 20

_VENUE = re.compile(r"(?:^|(?<=\s))ณ\s")
# The venue's clause ends where the sentence goes on to something else.
_VENUE_END = re.compile(r"\n|\sณ\s|\s(?:โดย|เพื่อ|ร่วมกับ|ซึ่ง|ทั้งนี้|มีผู้|ภายใต้|พร้อม|และมี)")
_NAMED_BEFORE = re.compile(r"(?:จังหวัด|จ\.|เมือง)\s?$")
_MARKED_BEFORE = re.compile(r"(?:\(\s*จังหวัด|ศาลากลาง\s?จังหวัด)\s?$")


class Mention(NamedTuple):
    province: Province
    start: int
    weight: float


@cache
def _province_names() -> dict[str, Province]:
    """Thai names of the 77 and their Thai aliases (กทม., กรุงเทพฯ, โคราช, …)."""
    names = {p.name_th: p for p in all_provinces()}
    for name_th, aliases in EXTRA_ALIASES.items():
        province = resolve(name_th)
        names.update({a: province for a in aliases if re.search(r"[\u0e00-\u0e7f]", a)})
    return names


def _mention_weight(text: str, start: int, name: str, province: Province) -> float:
    before = text[max(0, start - _LOOK_BACK):start]
    if _MARKED_BEFORE.search(before):
        return MARKED
    if _NAMED_BEFORE.search(before) or province.slug == "bangkok":
        return NAMED
    return 0.0 if name in EVERYDAY_WORDS else MENTION


@cache
def _province_pattern() -> re.Pattern[str]:
    """Any of the names, the longest first (กรุงเทพมหานคร before กรุงเทพ)."""
    return re.compile("|".join(re.escape(n) for n in sorted(_province_names(), key=len, reverse=True)))


def province_mentions(text: str) -> list[Mention]:
    """Every counted mention of a province, in order, with its weight."""
    names = _province_names()
    pattern = _province_pattern()
    mentions = []
    for m in pattern.finditer(text):
        province = names[m.group(0)]
        weight = _mention_weight(text, m.start(), m.group(0), province)
        if weight:
            mentions.append(Mention(province, m.start(), weight))
    return mentions


def _venue_mentions(text: str, mentions: list[Mention]) -> set[int]:
    """Starts of the first mention after each "ณ", within the venue's clause."""
    venues = set()
    for marker in _VENUE.finditer(text):
        end = marker.end() + VENUE_WINDOW
        stop = _VENUE_END.search(text, marker.end(), end)
        if stop:
            end = stop.start()
        first = next((m for m in mentions if marker.end() <= m.start < end), None)
        if first:
            venues.add(first.start)
    return venues


def score_provinces(text: str) -> list[tuple[Province, float]]:
    """Provinces named in ``text`` with their scores, highest first (ties: first named first)."""
    mentions = province_mentions(text)
    venues = _venue_mentions(text, mentions)
    scores: dict[Province, float] = {}
    for m in mentions:
        scores[m.province] = scores.get(m.province, 0.0) + m.weight + (VENUE if m.start in venues else 0.0)
    return sorted(scores.items(), key=lambda ps: -ps[1])


def find_province(text: str) -> tuple[Province | None, str | None]:
    """The province a report is set in, or None and why.

    The venue ("ณ … จังหวัดX"), "(จังหวัดX)" and "ศาลากลางจังหวัดX" weigh most,
    other mentions less; one province must clearly lead.
    """
    ranked = score_provinces(text)
    if not ranked:
        return None, "no province is named in the report"
    best, score = ranked[0]
    if score < MIN_SCORE:
        return None, f"only a passing mention of {_names_list([p for p, _ in ranked])}"
    close = [p for p, s in ranked if s * SURE > score]
    if len(close) > 1:
        return None, f"the report names {_names_list(close)} about equally; choose one"
    return best, None


def _names_list(provinces: list[Province]) -> str:
    names = [p.name_th for p in provinces]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# -- the title ----------------------------------------------------------------

TITLE_LENGTH = 120     # longest proposed title, cut at a space
SUBJECT_LENGTH = 60    # a longer opening before the activity is boilerplate, not a subject
MIN_TITLE = 10         # a shorter opening is no headline
ORGANISATIONS = ("ศูนย์คุณธรรม",)
# What the report's subject did: the headline starts at the first of these
# (patterns). Longer words first, so that at one place "ร่วมประชุม" wins over "ร่วม".
ACTIVITIES = (
    "ร่วมประชุม", "ร่วมกับ", "ร่วมเวที", "ร่วมพิธี", "ร่วมงาน", "ลงพื้นที่", "จัดประชุม", "จัดอบรม",
    "จัดเวที", "จัดกิจกรรม", "จัดงาน", "เข้าร่วม", "ลงนาม", "เป็นประธาน", "ประกาศเจตนารมณ์",
    "ศึกษาดูงาน", "ประกาศ", "อบรม", "(?<!ห้อง)(?<!ที่)ประชุม", "หารือ", "ติดตาม", "เปิดตัว",
    "ร่วม(?!มือ)", "จัด(?!การ)",
)
# ...and not where they are part of a noun: ผู้จัดการ, การประชุม, ความร่วมมือ.
_ACTIVITY = re.compile(r"(?<!ผู้)(?<!การ)(?<!ความ)(?:" + "|".join(ACTIVITIES) + ")")
_TITLE_END = re.compile(r"\s(?:ณ\s|ภายใต้|โดยมี|โดยได้รับ|ระหว่างวันที่|เมื่อวันที่|ในวันที่|ตั้งแต่วันที่)")
_OPENING_DATE = re.compile(r"^(?:เมื่อ|ใน)?\s*(?:วัน\S*ที่\s*)?" + _DATE + r"\s*")
# Asides in parentheses such as "(องค์การมหาชน)"; "(จังหวัดX)" says where and stays.
_PARENTHESES = re.compile(r"\s*\((?![^()]*จังหวัด)[^()]*\)")
_BOILERPLATE = re.compile(r"\s+โดย(?:\s|$)")


def propose_title(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """A headline from the report's first activity, with its subject when the
    subject is short: 'ศูนย์คุณธรรมร่วมประชุมหารือ…'. Returns (title, doubt)."""
    found = _first_activity(paragraphs[:3])
    if found:
        i, m = found
        before = " ".join([*paragraphs[:i], paragraphs[i][:m.start()]])
        title = _shorten(_clause(_join(_subject(before), paragraphs[i][m.start():])))
        if len(title) >= MIN_TITLE:
            return title, None
    opening = _clause(_without_opening_date(paragraphs[0])) if paragraphs else ""
    title = _shorten(_PARENTHESES.sub("", opening) if opening.startswith(ORGANISATIONS) else opening)
    if len(title) < MIN_TITLE:
        return None, "no sentence to make a headline from"
    return title, ("no activity (ร่วมประชุม, จัดอบรม, …) in the opening sentence;"
                   " the proposed title is its first words")


def _first_activity(paragraphs: list[str]) -> tuple[int, re.Match[str]] | None:
    """(paragraph index, match) of the first activity, paragraph by paragraph."""
    for i, paragraph in enumerate(paragraphs):
        if m := _ACTIVITY.search(paragraph):
            return i, m
    return None


def _subject(before: str) -> str:
    """Who did it, from the words before the activity: boilerplate ("(องค์การมหาชน)",
    "โดย <name and title>") left out; '' when that is still long."""
    text = _without_opening_date(" ".join(before.split()))
    text = _BOILERPLATE.split(text, maxsplit=1)[0]
    text = " ".join(_PARENTHESES.sub("", text).split())
    if len(text) <= SUBJECT_LENGTH:
        return text
    return next((org for org in ORGANISATIONS if text.startswith(org)), "")


def _join(subject: str, activity: str) -> str:
    """Thai runs the subject into the verb ('ศูนย์คุณธรรมร่วมประชุม'), except after ')'."""
    return f"{subject} {activity}" if subject.endswith(")") else subject + activity


def _without_opening_date(text: str) -> str:
    m = _OPENING_DATE.match(thai_digit_to_arabic_digit(text))
    return text[m.end():] if m else text


def _clause(text: str) -> str:
    """The first clause: up to the venue, the programme or the date."""
    text = " ".join(text.split())
    cut = _TITLE_END.search(text, 20)
    return text[:cut.start()] if cut else text


def _shorten(title: str) -> str:
    """At most TITLE_LENGTH characters, cut at a space, with no parenthesis left open."""
    title = " ".join(title.split())
    if len(title) > TITLE_LENGTH:
        space = title.rfind(" ", 0, TITLE_LENGTH + 1)
        title = title[:space] if space > TITLE_LENGTH // 3 else title[:TITLE_LENGTH]
    while title.count("(") > title.count(")"):
        title = title[:title.rfind("(")]
    return title.strip(" ,;:-/")
