"""Every message in Thai (the writers' language) and English (behind a switch), from one
catalogue that the tools use and the writers' guide shows."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from newsroom.model.messages import CATALOGUE, guide_table, say

from tests.helpers import ROOT, write_entry

THAI = re.compile(r"[\u0e01-\u0e5b]")
PLACES = re.compile(r"(?<!\{)\{([a-z_]+)\}(?!\})")
SOURCES = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "newsroom").rglob("*.py"))


@pytest.fixture
def thai(monkeypatch):
    monkeypatch.delenv("NEWSROOM_LANG", raising=False)


def test_every_message_has_thai_and_english_with_the_same_values():
    for key, m in CATALOGUE.items():
        assert m.th and m.en, key
        assert THAI.search(m.th) or key.startswith(("kind.other",)), key
        th = set(PLACES.findall(m.th))
        en = {p.removesuffix("_en") for p in PLACES.findall(m.en)}
        assert th <= en or en <= th, (key, th, en)        # one language may say more


def test_every_message_is_used():
    composed = ("kind.",)                 # looked up from Pillow's format names
    unused = [key for key in CATALOGUE
              if f'"{key}"' not in SOURCES.replace("messages.py", "") and not key.startswith(composed)
              and SOURCES.count(f'"{key}"') < 2]
    assert unused == []


def test_the_brief_s_example_word_for_word(thai):
    hint = say("province.did_you_mean", name="อุดรธานี")
    assert say("province.unknown", value="อุดร", hint=hint) == \
        "จังหวัด 'อุดร' ไม่มีในรายชื่อ หมายถึง อุดรธานี ใช่ไหม"


def _check(root, monkeypatch, front, body="ข้อความ", lang=None):
    monkeypatch.delenv("NEWSROOM_LANG", raising=False)
    write_entry(root, "2564/2020-11-06-x.md", front, body=body)
    args = [sys.executable, "-m", "newsroom.authoring.cli", "--root", str(root)]
    args += ["--lang", lang] if lang else []
    return subprocess.run([*args, "check"], capture_output=True, text=True, timeout=120)


BASE = "title: ข่าว\ndate: 2020-11-06\nauthor: ก ไก่\nprovince: น่าน"


@pytest.mark.parametrize("front, says", [
    (BASE.replace("น่าน", "อุดร"), "province: จังหวัด 'อุดร' ไม่มีในรายชื่อ หมายถึง อุดรธานี ใช่ไหม"),
    (BASE.replace("title: ข่าว", "title: ประชุม: ครั้งที่ 1"),
     "ค่าในบรรทัดนี้มีเครื่องหมาย : ให้ใส่ค่าทั้งหมดในเครื่องหมายคำพูด"),
    (BASE.replace("2020-11-06", "20 พฤศจิกายน 2567"),
     "date: '20 พฤศจิกายน 2567' เป็นวันที่แบบไทย ให้เขียน date: 2024-11-20"),
    (BASE.replace("2020-11-06", "20/11/2567"), "ให้เขียน date: 2024-11-20"),
    (BASE + "\nyear: 2021", "2021 เป็นปี ค.ศ. วันที่ 2020-11-06 อยู่ในปีงบประมาณ 2564: เขียน year: 2564"),
    (BASE + "\nauther: ข", "ไม่รู้จักช่อง 'auther' หมายถึง author ใช่ไหม"),
    ("title: ข่าว\nauthor: ก\nprovince: น่าน", "date: ยังไม่มีช่องนี้ เพิ่มบรรทัด เช่น date: 2020-11-06"),
])
def test_check_speaks_thai(project, monkeypatch, front, says):
    result = _check(project, monkeypatch, front)
    assert result.returncode == 1
    assert says in result.stdout, result.stdout
    assert "พบปัญหา 1 จุด ใน 1 ไฟล์" in result.stdout
    assert "ตรวจ 1 ไฟล์ พบปัญหา 1 จุด" in result.stderr
    assert not re.search(r"\b(is|not|the|write)\b", result.stdout), result.stdout


def test_thai_digits_in_a_date_are_a_date(project, monkeypatch):
    result = _check(project, monkeypatch, BASE.replace("2020-11-06", "๒๐๒๐-๑๑-๐๖"))
    assert result.returncode == 0, result.stdout


def test_english_behind_the_switch(project, monkeypatch):
    result = _check(project, monkeypatch, BASE.replace("น่าน", "อุดร"), lang="en")
    assert "'อุดร' is not a province; did you mean อุดรธานี?" in result.stdout
    assert "1 problem in 1 file" in result.stdout


def test_the_guide_shows_the_catalogue_s_messages(sample_site, thai):
    page = sample_site.page("guide/")
    rows = [tr.select("td") for tr in page.select("table tr") if tr.select("td")]
    shown = {cells[0].get_text() for cells in rows}
    for key, m in CATALOGUE.items():
        if m.help:
            assert any(m.th.split("{")[0].strip()[:12] in text for text in shown), key
    assert guide_table().count("\n") >= 10
