"""Thai dates: Buddhist Era years and the program (fiscal) year.

The program year is the Thai government fiscal year, counted in the Buddhist
Era (BE = CE + 543). It starts on 1 October, so 2020-10-01 opens program year
2564 and 2020-09-30 closes 2563.

>>> program_year(date(2020, 11, 6))
2564
>>> program_year(date(2020, 9, 30))
2563
>>> thai_date(date(2020, 11, 6))
'6 พฤศจิกายน 2563'
>>> thai_date_with_weekday(date(2020, 11, 6))
'วันศุกร์ที่ 6 พฤศจิกายน 2563'
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone

from pythainlp.util.date import thai_abbr_months, thai_full_months

BE_OFFSET = 543
FISCAL_YEAR_START_MONTH = 10
BANGKOK = timezone(timedelta(hours=7), "Asia/Bangkok")

# Years a Moral Province report can plausibly carry. The programme began in
# 2560 BE; the upper bound leaves room for decades of reports.
FIRST_PROGRAM_YEAR = 2540
LAST_PROGRAM_YEAR = 2700

THAI_MONTHS: tuple[str, ...] = tuple(thai_full_months)
THAI_MONTHS_SHORT: tuple[str, ...] = tuple(thai_abbr_months)


def be_year(ce_year: int) -> int:
    """Buddhist Era year of a Common Era year."""
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    """Common Era year of a Buddhist Era year."""
    return be - BE_OFFSET


def program_year(day: date) -> int:
    """The program (fiscal) year, in BE, that ``day`` belongs to."""
    ce = day.year + (1 if day.month >= FISCAL_YEAR_START_MONTH else 0)
    return be_year(ce)


def program_year_span(year: int) -> tuple[date, date]:
    """First and last day of a program year given in BE."""
    ce = ce_year(year)
    return date(ce - 1, FISCAL_YEAR_START_MONTH, 1), date(ce, FISCAL_YEAR_START_MONTH - 1, 30)


def thai_date(day: date) -> str:
    """'6 พฤศจิกายน 2563': day, full Thai month name, BE year."""
    return f"{day.day} {THAI_MONTHS[day.month - 1]} {be_year(day.year)}"


# Monday first, as date.weekday() counts
THAI_WEEKDAYS: tuple[str, ...] = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")


def thai_date_with_weekday(day: date) -> str:
    """'วันศุกร์ที่ 6 พฤศจิกายน 2563', as Thai government news dates a report."""
    return f"วัน{THAI_WEEKDAYS[day.weekday()]}ที่ {thai_date(day)}"


def thai_date_short(day: date) -> str:
    """'6 พ.ย. 2563': day, abbreviated Thai month name, BE year."""
    return f"{day.day} {THAI_MONTHS_SHORT[day.month - 1]} {be_year(day.year)}"


def bangkok_datetime(value: date | datetime) -> datetime:
    """The moment in Bangkok time: a date or naive time is taken as Bangkok time, a
    time with another offset is converted, so the day shown and the program year are
    Bangkok's (2020-09-30T23:30:00+00:00 is 1 October 2020, program year 2564).

    >>> bangkok_datetime(datetime.fromisoformat("2020-09-30T23:30:00+00:00")).isoformat()
    '2020-10-01T06:30:00+07:00'
    """
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        return value.replace(tzinfo=BANGKOK)
    return value.astimezone(BANGKOK)


def build_time() -> datetime:
    """The moment a build stands at: SOURCE_DATE_EPOCH when given (`make build` and CI
    give the last commit's time, so two builds of one commit agree), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() \
        else datetime.now(timezone.utc)
    return moment.astimezone(BANGKOK)


THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _month_number(name: str) -> int | None:
    key = name.replace(".", "").replace(" ", "")
    for months in (THAI_MONTHS, THAI_MONTHS_SHORT):
        for number, month in enumerate(months, start=1):
            if month.replace(".", "") == key:
                return number
    return None


def _ce(year: int) -> int:
    """A year as Thai writers write it (BE, two-digit BE, or CE) in the Common Era."""
    if year < 100:
        year += 2500
    return year - BE_OFFSET if year > 2400 else year


def thai_date_to_iso(text: str) -> str | None:
    """The ISO date a Thai-style date means, or None: '20 พฤศจิกายน 2567', '20 พ.ย. 67',
    '20/11/2567', Thai digits, a BE year in ISO form.

    >>> [thai_date_to_iso(t) for t in ("20 พฤศจิกายน 2567", "๒๐๒๔-๑๑-๒๐", "20/11/2567", "2567-11-20")]
    ['2024-11-20', '2024-11-20', '2024-11-20', '2024-11-20']
    >>> thai_date_to_iso("วันที่ 6 พ.ย. 2563"), thai_date_to_iso("ประชุม") is None
    ('2020-11-06', True)
    """
    import re
    written = " ".join(text.translate(THAI_DIGITS).split())
    patterns = (
        (r"^(\d{4})-(\d{1,2})-(\d{1,2})$", lambda m: (int(m[1]), int(m[2]), int(m[3]))),
        (r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$", lambda m: (int(m[3]), int(m[2]), int(m[1]))),
        (r"^(?:วัน\S*\s*)?(?:ที่\s*)?(\d{1,2})\s*([ก-๛.\s]+?)\s*(?:พ\.?\s?ศ\.?\s*)?(\d{2}|\d{4})$",
         lambda m: (int(m[3]), _month_number(m[2]), int(m[1]))),
    )
    for pattern, parts in patterns:
        m = re.match(pattern, written)
        if not m:
            continue
        year, month, day = parts(m)
        if month is None:
            return None
        try:
            return date(_ce(year), month, day).isoformat()
        except ValueError:
            return None
    return None
