"""The Thai date at the top of a legacy report: "6 พ.ย. 2563", "วันศุกร์ที่ ๖ พฤศจิกายน ๒๕๖๓"."""

from __future__ import annotations

import re
from datetime import date

from pythainlp.util import thai_digit_to_arabic_digit

from ...model.calendar import BE_OFFSET, FIRST_PROGRAM_YEAR, LAST_PROGRAM_YEAR, THAI_MONTHS, THAI_MONTHS_SHORT
from ...model.messages import say
from .paragraphs import trim

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
DATE_PATTERN = (r"(?P<day>\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s*(?P<month>" + _MONTH + r")"
         r"\s*(?:พ\.?\s?ศ\.?\s*)?(?P<year>\d{4}|\d{2})(?!\d)")
_DATE_AT_TOP = re.compile(
    r"(?:วัน(?:" + "|".join(_WEEKDAYS) + r")\s*(?:ที่\s*)?|วันที่\s*)?" + DATE_PATTERN)
_DATE_ANYWHERE = re.compile(r"(?<!\d)" + DATE_PATTERN)
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
        return None, m.end(), say("legacy.not_real_date", date=text[:m.end()].strip())


def _ce_year(written: str) -> tuple[int | None, str | None]:
    """CE year of a year as written at the top: BE, or two-digit BE ("63" = 2563)."""
    year = int(written) + (2500 if len(written) == 2 else 0)
    if FIRST_PROGRAM_YEAR <= year <= LAST_PROGRAM_YEAR:
        return year - BE_OFFSET, None
    if FIRST_PROGRAM_YEAR - BE_OFFSET <= year <= LAST_PROGRAM_YEAR - BE_OFFSET:
        return year, say("legacy.ce_year", year=written, be=year + BE_OFFSET)
    return None, say("legacy.bad_year", year=written, first=FIRST_PROGRAM_YEAR, last=LAST_PROGRAM_YEAR)


def _no_date_doubt(text: str) -> str:
    later = _DATE_ANYWHERE.search(thai_digit_to_arabic_digit(text[:DATE_HINT_WINDOW]))
    mention = say("legacy.no_date.later", date=text[later.start():later.end()]) if later else ""
    return say("legacy.no_date", later=mention)


def remove_date_prefix(paragraphs: list[str], used: int) -> list[str]:
    """The paragraphs with the first ``used`` characters (the date) taken out of the first;
    the rest of the date's line stays as body text."""
    if not used:
        return paragraphs
    rest = trim(paragraphs[0][used:])
    return ([rest] if rest else []) + paragraphs[1:]
