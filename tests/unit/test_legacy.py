"""legacy.py: legacy plain-text reports read into fields, field by field and whole."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest

from newsroom.authoring.legacy.titles import TITLE_LENGTH
from newsroom.authoring.legacy import (
    LegacyReport, find_province, parse_credit, parse_date, parse_report, split_paragraphs)
from newsroom.model.calendar import THAI_MONTHS, THAI_MONTHS_SHORT
from newsroom.model.messages import say
from tests.helpers import LEGACY_REPORTS, ROOT

FIXTURES = LEGACY_REPORTS
REAL_EXAMPLE = ROOT.parent / "shared" / "examples" / "legacy" / "2563-11-06-udon-thani.txt"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def squeezed(text: str) -> str:
    return re.sub(r"[\s\u200b\ufeff]", "", text)


def assert_text_kept(source: str, report: LegacyReport, date_text: str, credit_text: str) -> None:
    """The body is the source, unchanged, less the date at the top and the credit at the end:
    every paragraph appears verbatim (but for the line breaks that joined a sentence the old file
    had cut) and in order, and no other character is lost or added."""
    source = source.removeprefix("\ufeff").replace("\r\n", "\n")
    assert squeezed(source) == (squeezed(date_text) + squeezed("".join(report.paragraphs))
                                + squeezed(credit_text))
    position, spaced = 0, re.sub(r"\s+", " ", source)
    for paragraph in report.paragraphs:
        paragraph = re.sub(r"\s+", " ", paragraph)
        position = spaced.index(paragraph, position) + len(paragraph)


def test_the_report_has_the_fields_of_the_api():
    assert [f.name for f in dataclasses.fields(LegacyReport)] == [
        "date", "authors", "photographers", "unit", "province", "title", "paragraphs", "doubts",
        "suggested_tags"]


# -- whole reports ------------------------------------------------------------

REPORTS = [
    # file, date, writers, photographers, unit, province, paragraphs, date as written, credit, doubts
    ("weekday-written-and-photographed.txt", date(2021, 8, 12),
     ["นางสาวกมลชนก ศรีสุข"], ["นางสาวกมลชนก ศรีสุข"], "กลุ่มงานสื่อสารและรณรงค์ทางสังคม", "lampang", 3,
     "วันพฤหัสบดีที่ 12 สิงหาคม 2564",
     "เขียนข่าวและถ่ายภาพ : นางสาวกมลชนก ศรีสุข / กลุ่มงานสื่อสารและรณรงค์ทางสังคม", set()),
    ("thai-digits-writer-photographer.txt", date(2022, 1, 23),
     ["สมศักดิ์ ใจดี"], ["วรรณา แก้วมณี", "ปิยะพงษ์ สายทอง"], None, "chiang-mai", 2,
     "๒๓ มกราคม ๒๕๖๕", "เขียนข่าว : สมศักดิ์ ใจดี / ถ่ายภาพ : วรรณา แก้วมณี, ปิยะพงษ์ สายทอง", set()),
    ("short-month-news-photo.txt", date(2021, 10, 5),
     ["อรทัย มั่นคง"], ["ธนพล ศรีวงศ์"], "สำนักส่งเสริมและขับเคลื่อนเครือข่ายทางสังคม", "surat-thani", 2,
     "วันที่ 5 ต.ค. 2564", "ข่าว:อรทัย มั่นคง/ภาพ:ธนพล ศรีวงศ์/สำนักส่งเสริมและขับเคลื่อนเครือข่ายทางสังคม",
     set()),
    ("bangkok-photo-news.txt", date(2022, 2, 18),
     ["นายประเสริฐ บุญมา", "นางสาวสุดา ทองดี"], ["นายประเสริฐ บุญมา", "นางสาวสุดา ทองดี"], None,
     "bangkok", 2, "18 ก.พ. 65", "ภาพ/ข่าว : นายประเสริฐ บุญมา และ นางสาวสุดา ทองดี", set()),
    ("news-photo-unit-in-parentheses.txt", date(2022, 11, 1),
     ["ชุติมา รักษ์ไทย"], ["ชุติมา รักษ์ไทย"], "กลุ่มงานสื่อสารและรณรงค์ทางสังคม", "khon-kaen", 2,
     "1 พย 2565", "ข่าว/ภาพ: ชุติมา รักษ์ไทย (กลุ่มงานสื่อสารและรณรงค์ทางสังคม)", set()),
    ("equal-provinces.txt", date(2022, 6, 9),
     ["ศิริพร คำดี"], ["อนุชา พลพิทักษ์"], None, None, 2,
     "วันที่ 9 มิ.ย. 2565", "เขียนข่าว : ศิริพร คำดี / ถ่ายภาพ : อนุชา พลพิทักษ์", {"province"}),
    ("no-credit-line.txt", date(2023, 5, 20), [], [], None, "nong-bua-lam-phu", 2,
     "วันเสาร์ 20 พฤษภาคม 2566", "", {"author"}),
    ("no-date-line.txt", None, ["ณัฐวุฒิ แสงทอง"], ["ณัฐวุฒิ แสงทอง"], None, "nan", 1,
     "", "เขียนข่าวและถ่ายภาพ : ณัฐวุฒิ แสงทอง", {"date"}),
    ("both-credit.txt", date(2022, 1, 14), ["พิมพ์ชนก วงศ์สวัสดิ์"], ["พิมพ์ชนก วงศ์สวัสดิ์"],
     "กลุ่มงานสื่อสารและรณรงค์ทางสังคม", "nan", 2, "วันที่ 14 ม.ค. 2565",
     "เขียนข่าวและถ่ายภาพ : พิมพ์ชนก วงศ์สวัสดิ์ / กลุ่มงานสื่อสารและรณรงค์ทางสังคม", set()),
    ("split-credit.txt", date(2020, 11, 6), ["ธีรวัฒน์ คำภู"], ["ชาตรี มีสุข"], None, "khon-kaen", 2,
     "๖ พฤศจิกายน ๒๕๖๓", "เขียนข่าว : ธีรวัฒน์ คำภู / ถ่ายภาพ : ชาตรี มีสุข", set()),
    ("short-credit.txt", date(2021, 9, 3), ["อรุณี ศรีประเสริฐ"], ["กัลยา ใจงาม"],
     "สำนักส่งเสริมและขับเคลื่อนเครือข่ายทางสังคม", "songkhla", 2, "วันศุกร์ที่ 3 ก.ย. 2564",
     "ข่าว : อรุณี ศรีประเสริฐ / ภาพ : กัลยา ใจงาม / สำนักส่งเสริมและขับเคลื่อนเครือข่ายทางสังคม",
     set()),
    ("photo-news-bangkok.txt", date(2020, 7, 20), ["สุนิสา บุญเรือง"], ["สุนิสา บุญเรือง"], None,
     "bangkok", 2, "20 ก.ค. 63", "ภาพ/ข่าว : สุนิสา บุญเรือง", set()),
]


@pytest.mark.parametrize(
    "name, day, writers, photographers, unit, province, count, date_text, credit_text, doubts",
    REPORTS, ids=[r[0] for r in REPORTS])
def test_reports_field_by_field(name, day, writers, photographers, unit, province, count,
                                date_text, credit_text, doubts):
    source = fixture(name)
    r = parse_report(source)
    assert (r.date, r.authors, r.photographers, r.unit) == (day, writers, photographers, unit)
    assert (r.province.slug if r.province else None) == province
    assert len(r.paragraphs) == count
    assert set(r.doubts) == doubts | {"title"}     # a proposed title is always for review
    assert r.title and len(r.title) <= TITLE_LENGTH
    assert_text_kept(source, r, date_text, credit_text)


def test_paragraphs_are_split_on_blank_lines_and_kept_as_written():
    r = parse_report(fixture("weekday-written-and-photographed.txt"))
    # the line of one NBSP and the line of spaces are blank; indentation before a paragraph goes
    assert r.paragraphs == [
        "ศูนย์คุณธรรม (องค์การมหาชน) ร่วมกับสำนักงานวัฒนธรรมจังหวัดลำปาง จัดเวทีถอดบทเรียนชุมชนคุณธรรมต้นแบบ"
        " ณ หอประชุมโรงเรียนบ้านทุ่งฝาย อำเภอเมืองลำปาง จังหวัดลำปาง",
        "ผู้นำชุมชนเล่าถึงการเผยแพร่ความรู้เรื่องการออมผ่านหอกระจายข่าว และชวนเยาวชนจากจังหวัดลำพูนมาร่วมเรียนรู้",
        "ที่ประชุมเห็นควรจัดทำคู่มือชุมชนคุณธรรมเพื่อเผยแพร่ต่อไป",
    ]


def test_thai_digits_and_quotes_in_the_body_are_not_changed():
    r = parse_report(fixture("thai-digits-writer-photographer.txt"))
    assert r.paragraphs[0].endswith("มีผู้เข้าร่วม ๔๐ คน")
    assert r.paragraphs[1] == "ผลการสำรวจจะนำไปใช้วางแผนกิจกรรมของโรงเรียนในปีงบประมาณ ๒๕๖๖"
    r = parse_report(fixture("short-month-news-photo.txt"))
    assert 'กิจกรรม "ออมความดี" ของโรงเรียน' in r.paragraphs[1]


def test_the_date_on_a_line_of_its_own():
    r = parse_report(fixture("news-photo-unit-in-parentheses.txt"))
    assert r.paragraphs[0].startswith("ศูนย์คุณธรรม ร่วมกับจังหวัดขอนแก่น")


def test_crlf_and_a_bom_read_the_same():
    source = fixture("weekday-written-and-photographed.txt")
    assert parse_report("\ufeff" + source.replace("\n", "\r\n")) == parse_report(source)


def test_venue_and_ambiguity_doubts_name_the_candidates():
    r = parse_report(fixture("equal-provinces.txt"))
    assert r.province is None
    assert "นครพนม and มุกดาหาร" in r.doubts["province"]
    r = parse_report(fixture("short-month-news-photo.txt"))
    assert r.province.slug == "surat-thani"            # the venue, not the guests' provinces


def test_doubts_when_there_is_no_credit_or_no_date():
    r = parse_report(fixture("no-credit-line.txt"))
    assert r.authors == [] and r.photographers == [] and r.unit is None
    assert "credit line" in r.doubts["author"]
    assert r.paragraphs[-1] == "กิจกรรมนี้เป็นส่วนหนึ่งของแผนชุมชนคุณธรรมปีที่ 3"
    r = parse_report(fixture("no-date-line.txt"))
    assert r.date is None
    assert "at the top" in r.doubts["date"] and "14 ธันวาคม 2565" in r.doubts["date"]


@pytest.mark.parametrize("name, title", [
    ("weekday-written-and-photographed.txt",
     "ศูนย์คุณธรรมร่วมกับสำนักงานวัฒนธรรมจังหวัดลำปาง จัดเวทีถอดบทเรียนชุมชนคุณธรรมต้นแบบ"),
    ("short-month-news-photo.txt", "ศูนย์คุณธรรมจัดอบรมครูแกนนำโรงเรียนคุณธรรม จังหวัดสุราษฎร์ธานี"),
    ("no-date-line.txt", "ศูนย์คุณธรรมลงพื้นที่ติดตามโครงการครอบครัวคุณธรรม จังหวัดน่าน"),
    ("thai-digits-writer-photographer.txt",
     "คณะทำงานขับเคลื่อนจังหวัดคุณธรรม (จังหวัดเชียงใหม่) ประชุมติดตามผลการสำรวจต้นทุนชีวิตเด็กและเยาวชน"),
    ("no-credit-line.txt",
     "ชาวบ้านชุมชนคุณธรรมบ้านหนองบัว จังหวัดหนองบัวลำภูร่วมกันปลูกต้นไม้ริมหนองน้ำสาธารณะ"),
])
def test_proposed_titles(name, title):
    assert parse_report(fixture(name)).title == title


def test_a_long_title_is_cut_at_a_space_with_no_open_parenthesis():
    words = " ".join(["แลกเปลี่ยนเรียนรู้"] * 6)
    r = parse_report(
        f"6 พ.ย. 2563 ศูนย์คุณธรรมจัดเวที{words} (ครั้งที่ 1 {words})\n\nข่าว : ก ไก่")
    assert len(r.title) <= TITLE_LENGTH and not r.title.endswith(" ")
    assert r.title.count("(") == r.title.count(")")
    assert r.title.startswith("ศูนย์คุณธรรมจัดเวทีแลกเปลี่ยนเรียนรู้")
    assert r.doubts["title"] == say("legacy.title_review")      # for review, not a guess


def test_title_without_an_activity_is_proposed_with_a_doubt():
    r = parse_report("6 พ.ย. 2563 ศูนย์คุณธรรม (องค์การมหาชน) มอบทุนการศึกษาแก่นักเรียนในชุมชนคุณธรรม\n\n"
                     "ข่าว : ก ไก่")
    assert r.title == "ศูนย์คุณธรรม มอบทุนการศึกษาแก่นักเรียนในชุมชนคุณธรรม"
    assert "title" in r.doubts


def test_nothing_to_make_a_title_from():
    r = parse_report("6 พ.ย. 2563\n\nเขียนข่าวและถ่ายภาพ : ก ไก่")
    assert r.title is None and r.paragraphs == [] and "title" in r.doubts
    assert r.date == date(2020, 11, 6) and r.authors == ["ก ไก่"]


@pytest.mark.parametrize("text", ["", "  \n\u00a0\n", "\ufeff"])
def test_an_empty_report(text):
    r = parse_report(text)
    empty = {name: "the report is empty" for name in ("date", "author", "province", "title")}
    assert r == LegacyReport(doubts=empty)


# -- the body -----------------------------------------------------------------

def test_blank_lines_include_nbsp_tabs_and_invisible_characters():
    text = "  หนึ่ง\nต่อ\n\u00a0\u00a0\nสอง\n\t\nสาม\n\u200b\nสี่ \u00a0"
    assert split_paragraphs(text) == ["หนึ่ง\nต่อ", "สอง", "สาม", "สี่"]


def test_lines_inside_a_paragraph_keep_their_spacing():
    assert split_paragraphs("  หนึ่ง  \n   ต่อ") == ["หนึ่ง  \n   ต่อ"]


def test_rest_of_the_date_line_stays_and_the_next_line_is_not_joined_to_it():
    r = parse_report("6 พ.ย. 2563\nศูนย์คุณธรรมร่วมประชุม\nบรรทัดที่สอง\n\nข่าว : ก ไก่")
    assert r.paragraphs == ["ศูนย์คุณธรรมร่วมประชุม\nบรรทัดที่สอง"]


# -- the date -----------------------------------------------------------------

@pytest.mark.parametrize("text, day", [
    ("6 พฤศจิกายน 2563 ข่าว", date(2020, 11, 6)),
    ("๖ พฤศจิกายน ๒๕๖๓ ข่าว", date(2020, 11, 6)),
    ("6 พ.ย. 2563 ข่าว", date(2020, 11, 6)),
    ("6 พ.ย.2563", date(2020, 11, 6)),
    ("6 พย 2563", date(2020, 11, 6)),
    ("6 พย. 2563", date(2020, 11, 6)),
    ("วันศุกร์ที่ 6 พฤศจิกายน พ.ศ. 2563", date(2020, 11, 6)),
    ("30 กันยายน 2563", date(2020, 9, 30)),
    ("1 ม.ค. 2564", date(2021, 1, 1)),
    ("6 พ. ย. 2563", date(2020, 11, 6)),
    ("6พ.ย.63", date(2020, 11, 6)),
    ("วันที่ 6 พ.ย. 63 ข่าว", date(2020, 11, 6)),
    ("วันที่6 พฤศจิกายน 2563", date(2020, 11, 6)),
    ("วันศุกร์ที่ 6 พฤศจิกายน 2563", date(2020, 11, 6)),
    ("วันศุกร์ที่ ๖ พ.ย. ๒๕๖๓", date(2020, 11, 6)),
    ("วันศุกร์ 6 พฤศจิกายน พ.ศ. 2563", date(2020, 11, 6)),
    ("วันพฤหัสบดีที่ 1 ตุลาคม 2563", date(2020, 10, 1)),
    ("29 ก.พ. 2563", date(2020, 2, 29)),
    ("31 ธ.ค. 2563", date(2020, 12, 31)),
    ("6-7 พ.ย. 2563", date(2020, 11, 6)),              # two days: the first
    ("๖ – ๗ พฤศจิกายน ๒๕๖๓", date(2020, 11, 6)),
])
def test_thai_dates(text, day):
    found, used, doubt = parse_date(text)
    assert (found, doubt) == (day, None)
    assert used > 0


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_full_short_and_without_dots(month):
    for name in (THAI_MONTHS[month - 1], THAI_MONTHS_SHORT[month - 1],
                 THAI_MONTHS_SHORT[month - 1].replace(".", "")):
        assert parse_date(f"15 {name} 2565")[0] == date(2022, month, 15), name


def test_used_counts_characters_of_the_date_as_written():
    text = "วันศุกร์ที่ ๖ พ.ย. ๒๕๖๓ ศูนย์คุณธรรม"
    assert text[parse_date(text)[1]:] == " ศูนย์คุณธรรม"


@pytest.mark.parametrize("text, why", [
    ("31 ก.พ. 2564", "not a real date"),
    ("29 ก.พ. 2564", "not a real date"),
    ("32 มกราคม 2564", "not a real date"),
    ("6 พ.ย. 2463", "not a Buddhist Era year"),
    ("ศูนย์คุณธรรม ร่วมประชุม", "at the top"),
    ("6 พฤศจิกายน", "at the top"),
])
def test_no_date(text, why):
    found, _, doubt = parse_date(text)
    assert found is None and why in doubt


def test_a_ce_year_is_taken_with_a_doubt():
    found, _, doubt = parse_date("6 พฤศจิกายน 2020")
    assert found == date(2020, 11, 6) and "CE" in doubt


def test_an_invalid_date_is_left_out_of_the_body_and_doubted():
    r = parse_report("31 ก.พ. 2564 ศูนย์คุณธรรมจัดอบรม ณ ศาลากลางจังหวัดตาก\n\nข่าว : ก ไก่")
    assert r.date is None and "not a real date" in r.doubts["date"]
    assert r.paragraphs == ["ศูนย์คุณธรรมจัดอบรม ณ ศาลากลางจังหวัดตาก"]
    assert r.province.slug == "tak"


# -- the credit line ----------------------------------------------------------

@pytest.mark.parametrize("line, writers, photographers, unit", [
    ("เขียนข่าวและถ่ายภาพ : จักราชัย ทองเพ็ชร์ / กลุ่มงานสื่อสารและรณรงค์ทางสังคม",
     ["จักราชัย ทองเพ็ชร์"], ["จักราชัย ทองเพ็ชร์"], "กลุ่มงานสื่อสารและรณรงค์ทางสังคม"),
    ("เขียนข่าวและถ่ายภาพ: ก ไก่", ["ก ไก่"], ["ก ไก่"], None),
    ("เขียนข่าว : ก ไก่ / ถ่ายภาพ : ข ไข่", ["ก ไก่"], ["ข ไข่"], None),
    ("เขียนข่าว:ก ไก่/ถ่ายภาพ:ข ไข่/ฝ่ายประชาสัมพันธ์", ["ก ไก่"], ["ข ไข่"], "ฝ่ายประชาสัมพันธ์"),
    ("ข่าว : ก ไก่ / ภาพ : ข ไข่", ["ก ไก่"], ["ข ไข่"], None),
    ("ข่าว : ก ไก่ / ภาพ : ข ไข่, ค ควาย / สำนักส่งเสริมและขับเคลื่อนเครือข่ายทางสังคม",
     ["ก ไก่"], ["ข ไข่", "ค ควาย"], "สำนักส่งเสริมและขับเคลื่อนเครือข่ายทางสังคม"),
    ("ภาพ : ข ไข่ / ข่าว : ก ไก่", ["ก ไก่"], ["ข ไข่"], None),
    ("ภาพ/ข่าว : ก ไก่", ["ก ไก่"], ["ก ไก่"], None),
    ("ภาพ / ข่าว : ก ไก่", ["ก ไก่"], ["ก ไก่"], None),
    ("ข่าว/ภาพ: ก ไก่ (กลุ่มงานสื่อสาร)", ["ก ไก่"], ["ก ไก่"], "กลุ่มงานสื่อสาร"),
    ("ข่าว/ภาพ :ก ไก่ กลุ่มงานสื่อสารและรณรงค์ทางสังคม", ["ก ไก่"], ["ก ไก่"],
     "กลุ่มงานสื่อสารและรณรงค์ทางสังคม"),
    ("ข่าวและภาพ : ก ไก่, ข ไข่", ["ก ไก่", "ข ไข่"], ["ก ไก่", "ข ไข่"], None),
    # "และ" between two full names, or before an honorific, joins two people
    ("ภาพ : ก ไก่ และ ข ไข่", [], ["ก ไก่", "ข ไข่"], None),
    ("ข่าว : นายก ไก่ และนางสาวข ไข่ / กลุ่มงานสื่อสารและรณรงค์ทางสังคม",
     ["นายก ไก่", "นางสาวข ไข่"], [], "กลุ่มงานสื่อสารและรณรงค์ทางสังคม"),
    # ...but a "และ" that may be inside one name or a unit is left alone
    ("ข่าว : ก ไก่และข ไข่", ["ก ไก่และข ไข่"], [], None),
    ("(ข่าว : ก ไก่ / ภาพ : ข ไข่)", ["ก ไก่"], ["ข ไข่"], None),
    ("- ข่าว : ก  ไก่", ["ก ไก่"], [], None),
])
def test_credit_lines(line, writers, photographers, unit):
    assert parse_credit(line) == (writers, photographers, unit)


@pytest.mark.parametrize("line", [
    "ภาพบรรยากาศการประชุม",
    "ข่าวดีสำหรับชุมชนคุณธรรม",
    "ผู้เข้าร่วมได้ชมภาพ : การแสดงของนักเรียน",
    "ข่าว : " + "ก" * 300,
])
def test_not_credit_lines(line):
    assert parse_credit(line) is None


def test_a_credit_over_two_lines_with_the_unit_below():
    r = parse_report("6 พ.ย. 2563 ศูนย์คุณธรรมจัดอบรม ณ ศาลากลางจังหวัดน่าน\n\n"
                     "เขียนข่าว : ก ไก่\nถ่ายภาพ : ข ไข่\nกลุ่มงานสื่อสารและรณรงค์ทางสังคม\n")
    assert (r.authors, r.photographers, r.unit) == (["ก ไก่"], ["ข ไข่"], "กลุ่มงานสื่อสารและรณรงค์ทางสังคม")
    assert r.paragraphs == ["ศูนย์คุณธรรมจัดอบรม ณ ศาลากลางจังหวัดน่าน"]


def test_a_credit_on_the_last_line_of_a_paragraph():
    r = parse_report("6 พ.ย. 2563 ศูนย์คุณธรรมจัดอบรม\nบรรทัดสุดท้าย\nข่าว : ก ไก่ / ภาพ : ข ไข่")
    assert r.paragraphs == ["ศูนย์คุณธรรมจัดอบรม\nบรรทัดสุดท้าย"]
    assert (r.authors, r.photographers) == (["ก ไก่"], ["ข ไข่"])


def test_a_credit_with_only_a_photographer_leaves_the_writer_in_doubt():
    r = parse_report("6 พ.ย. 2563 ศูนย์คุณธรรมจัดอบรม ณ ศาลากลางจังหวัดน่าน\n\nภาพ : ข ไข่")
    assert r.authors == [] and r.photographers == ["ข ไข่"]
    assert r.doubts["author"] == "the credit line names no writer"
    assert set(r.doubts) == {"author", "title"}


# -- the province -------------------------------------------------------------

@pytest.mark.parametrize("text, slug", [
    ("ประชุม ณ ห้องประชุมโรงแรมแห่งหนึ่ง เขตบางรัก กรุงเทพฯ โดยมีผู้แทนจากจังหวัดนนทบุรี", "bangkok"),
    ("ประชุม ณ กรุงเทพมหานคร", "bangkok"),
    ("อบรม ณ โรงแรมในเขตพญาไท กทม. มีผู้เข้าอบรม 45 คน", "bangkok"),
    ("ขับเคลื่อนจังหวัดคุณธรรม (จังหวัดอุดรธานี) และอุดรธานีจังหวัดคุณธรรม", "udon-thani"),
    ("ประชุม ณ ศาลากลางจังหวัดน่าน ร่วมกับจังหวัดแพร่ และผู้แทนจังหวัดแพร่", "nan"),
    ("ลงพื้นที่ ณ อ.เมือง จ.เลย ร่วมกับคณะทำงาน", "loei"),
    ("ผู้แทนจังหวัดแพร่ เผยแพร่คู่มือ", "phrae"),
    ("คณะทำงานจากจังหวัดชลบุรีและจังหวัดระยอง ประชุม ณ ศาลากลางจังหวัดระยอง", "rayong"),
])
def test_the_province_a_report_is_set_in(text, slug):
    province, doubt = find_province(text)
    assert (province.slug, doubt) == (slug, None)


@pytest.mark.parametrize("text, why", [
    ("ขับเคลื่อนจังหวัดคุณธรรมผ่านระบบออนไลน์", "no province"),
    ("เผยแพร่คู่มือ ไม่เลย ตากแดด และเผยแพร่ต่อ", "no province"),     # everyday words, not provinces
    ("ผู้แทนจากนครปฐมเข้าร่วม", "only a passing mention of นครปฐม"),
    ("ประชุมร่วมกับจังหวัดชลบุรีและจังหวัดระยอง", "ชลบุรี and ระยอง about equally"),
    ("จังหวัดน่าน จังหวัดแพร่ และจังหวัดพะเยา ประชุมร่วมกัน", "น่าน, แพร่ and พะเยา about equally"),
    ("ณ ศาลากลางจังหวัดน่าน และ ณ ศาลากลางจังหวัดพะเยา", "น่าน and พะเยา"),
])
def test_no_province_when_none_clearly_leads(text, why):
    province, doubt = find_province(text)
    assert province is None and why in doubt


def test_the_credit_unit_does_not_count_as_a_province():
    r = parse_report("6 พ.ย. 2563 ประชุมออนไลน์\n\nข่าว : ก ไก่ / สำนักงานวัฒนธรรมจังหวัดน่าน")
    assert r.unit == "สำนักงานวัฒนธรรมจังหวัดน่าน" and r.province is None


# -- the real report ------------------------------------------------------------

@pytest.mark.skipif(not REAL_EXAMPLE.exists(), reason="../shared is not beside this checkout")
def test_the_real_example():
    source = REAL_EXAMPLE.read_text(encoding="utf-8")
    r = parse_report(source)
    assert r.date == date(2020, 11, 6)
    assert r.authors == r.photographers == ["จักราชัย ทองเพ็ชร์"]
    assert r.unit == "กลุ่มงานสื่อสารและรณรงค์ทางสังคม"
    assert r.province.slug == "udon-thani"
    # the old file breaks the first sentence over two blocks: joined, the other paragraphs kept
    assert len(r.paragraphs) == 3
    assert r.paragraphs[0].startswith("ศูนย์คุณธรรม (องค์การมหาชน) โดย")
    assert "หัวหน้ากลุ่มงานส่งเสริมคุณธรรมเครือข่ายทางสังคม หัวหน้ากลุ่มงานวิจัย" in r.paragraphs[0]
    assert r.paragraphs[1].startswith("(ช่วงเช้า)") and r.paragraphs[2].startswith("(ช่วงบ่าย)")
    assert r.title.startswith("ศูนย์คุณธรรมร่วมประชุมหารือแนวทางความร่วมมือด้านวิชาการ")
    assert len(r.title) <= TITLE_LENGTH
    assert set(r.doubts) == {"title"}          # a proposed title: for the writer to check
    assert_text_kept(source, r, "6 พฤศจิกายน 2563",
                     "เขียนข่าวและถ่ายภาพ : จักราชัย ทองเพ็ชร์ / กลุ่มงานสื่อสารและรณรงค์ทางสังคม")


def test_what_is_not_certain_is_not_guessed():
    ambiguous = parse_report(fixture("ambiguous.txt"))
    assert "province" in ambiguous.doubts and ambiguous.province is None
    assert "author" in parse_report(fixture("no-credit.txt")).doubts
    r = parse_report(fixture("no-date.txt"))
    assert r.date is None and "date" in r.doubts


def test_text_is_kept_unchanged():
    r = parse_report(fixture("split-credit.txt"))
    assert r.paragraphs[0] == ("ศูนย์คุณธรรม (องค์การมหาชน) ร่วมประชุมหารือแนวทางการสำรวจต้นทุนชีวิต"
                               "เด็กและเยาวชน ณ ห้องประชุมศาลากลางจังหวัดขอนแก่น")
    assert r.paragraphs[1] == "(ช่วงบ่าย) คณะทำงานร่วมกำหนดกลุ่มตัวอย่างโรงเรียน 30 แห่ง"
