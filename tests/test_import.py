"""Legacy reports -> entries: the parser field by field, then `newsroom import` end to end."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from newsroom.entry import read_entry
from newsroom.importer import escape_markdown
from newsroom.legacy import parse_credit, parse_date, parse_report

from conftest import ROOT, build, make_project

FIXTURES = Path(__file__).parent / "fixtures" / "legacy"
SHARED_EXAMPLE = ROOT.parent / "shared" / "examples" / "legacy" / "2563-11-06-udon-thani.txt"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("text, day", [
    ("6 พฤศจิกายน 2563 ข่าว", date(2020, 11, 6)),
    ("๖ พฤศจิกายน ๒๕๖๓ ข่าว", date(2020, 11, 6)),
    ("6 พ.ย. 2563 ข่าว", date(2020, 11, 6)),
    ("6 พย. 2563", date(2020, 11, 6)),
    ("วันที่ 6 พ.ย. 63 ข่าว", date(2020, 11, 6)),
    ("วันศุกร์ที่ 6 พฤศจิกายน พ.ศ. 2563", date(2020, 11, 6)),
    ("30 กันยายน 2563", date(2020, 9, 30)),
    ("1 ม.ค. 2564", date(2021, 1, 1)),
])
def test_thai_dates(text, day):
    assert parse_date(text)[0] == day


def test_not_a_date():
    assert parse_date("ศูนย์คุณธรรม")[0] is None
    found, _, doubt = parse_date("31 ก.พ. 2564")
    assert found is None and "not a real date" in doubt


@pytest.mark.parametrize("line, writers, photographers, unit", [
    ("เขียนข่าวและถ่ายภาพ : จักราชัย ทองเพ็ชร์ / กลุ่มงานสื่อสารและรณรงค์ทางสังคม",
     ["จักราชัย ทองเพ็ชร์"], ["จักราชัย ทองเพ็ชร์"], "กลุ่มงานสื่อสารและรณรงค์ทางสังคม"),
    ("เขียนข่าว : ก ไก่ / ถ่ายภาพ : ข ไข่", ["ก ไก่"], ["ข ไข่"], None),
    ("ข่าว : ก ไก่ / ภาพ : ข ไข่, ค ควาย / สำนักส่งเสริม", ["ก ไก่"], ["ข ไข่", "ค ควาย"], "สำนักส่งเสริม"),
    ("ภาพ/ข่าว : ก ไก่", ["ก ไก่"], ["ก ไก่"], None),
    ("ข่าว/ภาพ: ก ไก่ (กลุ่มงานสื่อสาร)", ["ก ไก่"], ["ก ไก่"], "กลุ่มงานสื่อสาร"),
])
def test_credit_lines(line, writers, photographers, unit):
    assert parse_credit(line) == (writers, photographers, unit)


@pytest.mark.parametrize("name, day, writers, photographers, unit, province, paragraphs", [
    ("both-credit.txt", date(2022, 1, 14), ["พิมพ์ชนก วงศ์สวัสดิ์"], ["พิมพ์ชนก วงศ์สวัสดิ์"],
     "กลุ่มงานสื่อสารและรณรงค์ทางสังคม", "nan", 2),
    ("split-credit.txt", date(2020, 11, 6), ["ธีรวัฒน์ คำภู"], ["ชาตรี มีสุข"], None, "khon-kaen", 2),
    ("short-credit.txt", date(2021, 9, 3), ["อรุณี ศรีประเสริฐ"], ["กัลยา ใจงาม"],
     "สำนักส่งเสริมและขับเคลื่อนเครือข่ายทางสังคม", "songkhla", 2),
    ("photo-news-bangkok.txt", date(2020, 7, 20), ["สุนิสา บุญเรือง"], ["สุนิสา บุญเรือง"], None,
     "bangkok", 2),
])
def test_reports_field_by_field(name, day, writers, photographers, unit, province, paragraphs):
    r = parse_report(fixture(name))
    assert (r.date, r.authors, r.photographers, r.unit) == (day, writers, photographers, unit)
    assert r.province.slug == province
    assert len(r.paragraphs) == paragraphs
    assert r.doubts == {} and r.title


def test_text_is_kept_unchanged():
    r = parse_report(fixture("split-credit.txt"))
    assert r.paragraphs[0] == ("ศูนย์คุณธรรม (องค์การมหาชน) ร่วมประชุมหารือแนวทางการสำรวจต้นทุนชีวิต"
                               "เด็กและเยาวชน ณ ห้องประชุมศาลากลางจังหวัดขอนแก่น")
    assert r.paragraphs[1] == "(ช่วงบ่าย) คณะทำงานร่วมกำหนดกลุ่มตัวอย่างโรงเรียน 30 แห่ง"


def test_what_is_not_certain_is_not_guessed():
    assert "province" in parse_report(fixture("ambiguous.txt")).doubts
    assert parse_report(fixture("ambiguous.txt")).province is None
    assert "author" in parse_report(fixture("no-credit.txt")).doubts
    r = parse_report(fixture("no-date.txt"))
    assert r.date is None and "date" in r.doubts


@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="../shared is not beside this checkout")
def test_the_real_example():
    r = parse_report(SHARED_EXAMPLE.read_text(encoding="utf-8"))
    assert r.date == date(2020, 11, 6)
    assert r.authors == r.photographers == ["จักราชัย ทองเพ็ชร์"]
    assert r.unit == "กลุ่มงานสื่อสารและรณรงค์ทางสังคม"
    assert r.province.slug == "udon-thani"
    assert len(r.paragraphs) == 4 and r.paragraphs[2].startswith("(ช่วงเช้า)")
    assert r.title.startswith("ศูนย์คุณธรรมร่วมประชุมหารือแนวทางความร่วมมือด้านวิชาการ")


def test_escape_markdown_renders_the_same_text():
    import markdown
    text = "ข้อความ *ไม่เอียง* _ไม่ขีด_ <script>x</script> & [ลิงก์](x) `code`\n# ไม่ใช่หัวข้อ\n- ไม่ใช่รายการ\n1. ไม่ใช่ลำดับ\n---\n=====\n+ บวก"
    html = markdown.markdown(escape_markdown(text))
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(html, "html.parser")
    assert soup.get_text() == text
    assert [t.name for t in soup.find_all(True)] == ["p"]


def newsroom(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsroom.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_import_writes_entries_that_build(project):
    files = [str(FIXTURES / n) for n in ("both-credit.txt", "split-credit.txt", "short-credit.txt",
                                         "photo-news-bangkok.txt")]
    r = newsroom(project, "import", *files)
    assert r.returncode == 0, r.stderr
    written = r.stdout.split()
    assert written == ["news/2565/2022-01-14-nan.md", "news/2564/2020-11-06-khon-kaen.md",
                       "news/2564/2021-09-03-songkhla.md", "news/2563/2020-07-20-bangkok.md"]
    for path in written:
        entry, problems = read_entry(project / path, project)
        assert problems == [] and not entry.draft
    entry, _ = read_entry(project / written[2], project)
    assert entry.year == 2564 and entry.authors == ("อรุณี ศรีประเสริฐ",)
    assert entry.photographers == ("กัลยา ใจงาม",)
    assert "ห้องประชุม" not in entry.title or len(entry.title) < 170
    assert newsroom(project, "check").returncode == 0
    built = build(project)
    assert built.ok, built.output
    page = built.page("news/2021-09-03-songkhla/")
    body = page.select_one(".nr-body").get_text()
    assert "*การลดขยะ*" in body and "<การตรงต่อเวลา>" in body      # text unchanged, not markup
    bangkok = built.page("news/2020-07-20-bangkok/").select_one(".nr-body")
    assert not bangkok.select("h1, ul") and "# หลักสูตร" in bangkok.get_text()
    # never overwrites: a second import writes new names
    again = newsroom(project, "import", files[0])
    assert again.stdout.split() == ["news/2565/2022-01-14-nan-2.md"]


def test_import_leaves_doubtful_fields_to_the_writer(project):
    r = newsroom(project, "import", str(FIXTURES / "ambiguous.txt"), str(FIXTURES / "no-date.txt"))
    assert r.returncode == 0, r.stderr
    ambiguous, no_date = r.stdout.split()
    assert "province: ไม่แน่ใจ" in r.stderr and "ชลบุรี and ระยอง" in r.stderr
    assert "date: ไม่แน่ใจ" in r.stderr
    entry, problems = read_entry(project / ambiguous, project)
    assert entry is None and [p.field for p in problems] == ["province"]
    text = (project / ambiguous).read_text(encoding="utf-8")
    assert "draft: true" in text and "province: \n" in text and "ชลบุรี and ระยอง" in text
    assert no_date.startswith("news/imported/")


def test_import_refuses_non_utf8_with_advice(project):
    r = newsroom(project, "import", str(FIXTURES / "cp874.txt"))
    assert r.returncode == 1 and r.stdout == ""
    assert "TIS-620/cp874" in r.stderr and "iconv" in r.stderr and "--encoding cp874" in r.stderr
    ok = newsroom(project, "import", "--encoding", "cp874", str(FIXTURES / "cp874.txt"))
    assert ok.returncode == 0 and ok.stdout.strip() == "news/2564/2020-11-06-nan.md"


def test_import_to_another_folder(project, tmp_path):
    out = tmp_path / "drafts"
    r = newsroom(project, "import", "--output", str(out), str(FIXTURES / "both-credit.txt"))
    assert r.returncode == 0, r.stderr
    assert (out / "2022-01-14-nan.md").is_file()
