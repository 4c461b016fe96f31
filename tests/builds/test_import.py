"""Legacy reports -> entries: the parser field by field, then `newsroom import` end to end."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from newsroom.read.entry import read_entry
from newsroom.authoring.importer import escape_markdown

from tests.helpers import LEGACY_REPORTS, ROOT, build, make_project

FIXTURES = LEGACY_REPORTS


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_escape_markdown_renders_the_same_text():
    import markdown
    text = "ข้อความ *ไม่เอียง* _ไม่ขีด_ <script>x</script> & [ลิงก์](x) `code`\n# ไม่ใช่หัวข้อ\n- ไม่ใช่รายการ\n1. ไม่ใช่ลำดับ\n---\n=====\n+ บวก"
    html = markdown.markdown(escape_markdown(text))
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(html, "html.parser")
    assert soup.get_text() == text
    assert [t.name for t in soup.find_all(True)] == ["p"]


def reviewed(path: Path) -> None:
    """What the writer does once the proposed fields are checked: the draft is published."""
    text = path.read_text(encoding="utf-8")
    assert "draft: true\n" in text
    path.write_text(text.replace("draft: true\n", ""), encoding="utf-8")


def newsroom(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsroom.authoring.cli", *args], cwd=cwd,
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
        assert problems == [] and entry.draft       # a proposed title: for the writer to check
        reviewed(project / path)
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
    # the same report again is refused, naming the entry it already is; nothing is written
    before = sorted(p.name for p in (project / "news").rglob("*.md"))
    again = newsroom(project, "import", files[0])
    assert again.returncode == 1 and again.stdout == ""
    assert "already imported as news/2565/2022-01-14-nan.md" in again.stderr
    assert sorted(p.name for p in (project / "news").rglob("*.md")) == before


def test_import_leaves_doubtful_fields_to_the_writer(project):
    r = newsroom(project, "import", str(FIXTURES / "ambiguous.txt"), str(FIXTURES / "no-date.txt"))
    assert r.returncode == 0, r.stderr
    ambiguous, no_date = r.stdout.split()
    assert "province: not sure" in r.stderr and "ชลบุรี and ระยอง" in r.stderr
    assert "date: not sure" in r.stderr
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


SHARED_REPORT = ROOT.parent / "shared" / "examples" / "legacy" / "2563-11-06-udon-thani.txt"


@pytest.mark.skipif(not SHARED_REPORT.exists(), reason="../shared is not beside this checkout")
def test_the_shared_legacy_report_field_by_field_and_twice(tmp_path):
    project = make_project(tmp_path / "project", ROOT / "news")     # the archive's tags to find
    before = sorted(p.relative_to(project).as_posix() for p in (project / "news").rglob("*.md"))
    r = newsroom(project, "import", str(SHARED_REPORT))
    assert r.returncode == 0, r.stderr
    (written,) = r.stdout.split()
    assert written == "news/2564/2020-11-06-udon-thani.md"
    text = (project / written).read_text(encoding="utf-8")
    entry, problems = read_entry(project / written, project)
    assert problems == []
    assert entry.published.date() == date(2020, 11, 6) and entry.year == 2564
    assert entry.authors == entry.photographers == ("จักราชัย ทองเพ็ชร์",)
    assert [p.slug for p in entry.provinces] == ["udon-thani"]
    # the proposed title names the province and is left for the writer: a draft with the reason
    assert entry.title.startswith("ศูนย์คุณธรรมร่วมประชุมหารือแนวทางความร่วมมือด้านวิชาการ")
    assert entry.title.endswith("จังหวัดอุดรธานี ปีที่ 2") and entry.draft
    assert "#   title: " in text and "draft: true" in text
    # tags of the archive found in the text are proposed, as a comment to keep from
    assert entry.tags == ()
    suggested = next(line for line in text.splitlines() if line.startswith("# tags found"))
    assert "สมัชชาคุณธรรม" in suggested and "เครือข่ายทางสังคม" in suggested
    # the first sentence, cut over two blocks by the old file, is one paragraph again
    paragraphs = entry.body.strip().split("\n\n")
    assert len(paragraphs) == 3
    assert "หัวหน้ากลุ่มงานส่งเสริมคุณธรรมเครือข่ายทางสังคม หัวหน้ากลุ่มงานวิจัยนวัตกรรม" in paragraphs[0]
    assert paragraphs[1].startswith("(ช่วงเช้า)") and paragraphs[2].startswith("(ช่วงบ่าย)")
    # twice: refused, naming the file, nothing written
    again = newsroom(project, "import", str(SHARED_REPORT))
    assert again.returncode == 1 and again.stdout == ""
    assert f"already imported as {written}" in again.stderr
    after = sorted(p.relative_to(project).as_posix() for p in (project / "news").rglob("*.md"))
    assert after == sorted([*before, written])
