from datetime import date, datetime

import pytest

from newsroom.model.calendar import (
    bangkok_datetime, be_year, program_year, program_year_span, thai_date, thai_date_short)


@pytest.mark.parametrize("day, year", [
    (date(2020, 9, 30), 2563),       # last day of the fiscal year
    (date(2020, 10, 1), 2564),       # first day of the next
    (date(2020, 11, 6), 2564),
    (date(2021, 1, 1), 2564),
    (date(2021, 9, 30), 2564),
    (date(2021, 10, 1), 2565),
    (date(2020, 12, 31), 2564),
])
def test_program_year_starts_on_1_october(day, year):
    assert program_year(day) == year


def test_thai_dates_use_the_buddhist_era():
    assert thai_date(date(2020, 11, 6)) == "6 พฤศจิกายน 2563"
    assert thai_date(date(2021, 1, 31)) == "31 มกราคม 2564"
    assert thai_date_short(date(2020, 11, 6)) == "6 พ.ย. 2563"
    assert be_year(2020) == 2563


def test_program_year_span():
    assert program_year_span(2564) == (date(2020, 10, 1), date(2021, 9, 30))
    first, last = program_year_span(2564)
    assert program_year(first) == program_year(last) == 2564


def test_naive_times_are_bangkok_time():
    moment = bangkok_datetime(date(2020, 11, 6))
    assert moment.isoformat() == "2020-11-06T00:00:00+07:00"
    assert bangkok_datetime(datetime(2020, 11, 6, 13, 30)).utcoffset().total_seconds() == 7 * 3600
