"""`make serve` with a broken entry, as a writer meets it in Chromium: the page answers at
once, names the problem in Thai (and a banner on every page says how many there are),
the other pages stay served, and the entry shows once the file is fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import ROOT, make_project

ENTRY = "news/2564/2020-10-01-chon-buri-declaration-2564.md"
PAGE = "news/2020-10-01-chon-buri-declaration-2564/"
TITLE = "ชลบุรีประกาศเจตนารมณ์ขับเคลื่อนจังหวัดคุณธรรม ปีงบประมาณ 2564"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 30) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, ""


class Serve:
    """`mkdocs serve --dirty` (what `make serve` runs) on a free loopback port."""

    def __init__(self, root: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = root / "serve.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{self.port}"],
            cwd=root, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
            env={**os.environ, "NEWSROOM_LANG": "th", "NO_MKDOCS_2_WARNING": "1"})
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("mkdocs serve stopped:\n" + self.log.read_text())
            try:
                if _get(self.url, timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError("mkdocs serve did not answer:\n" + self.log.read_text())

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def serve(tmp_path):
    root = make_project(tmp_path / "project", ROOT / "news")
    entry = root / ENTRY
    good = entry.read_text(encoding="utf-8")
    entry.write_text(good.replace("province: ชลบุรี", "province: ชลบุร"), encoding="utf-8")
    server = Serve(root)
    yield server, entry, good
    server.close()


def test_a_broken_entry_shows_its_problem_and_recovers(browser, serve):
    server, entry, good = serve
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server.url + PAGE, wait_until="load", timeout=30_000)
    assert page.locator("h1").first.text_content().strip() == "ข่าวนี้ยังแสดงไม่ได้"
    problem = page.locator(".nr-problems li").first.text_content()
    assert "บรรทัด 5" in problem and "province" in problem
    assert "จังหวัด 'ชลบุร' ไม่มีในรายชื่อ หมายถึง ชลบุรี ใช่ไหม" in problem
    banner = page.locator(".nr-preview-banner")
    banner.wait_for()
    assert "พบปัญหา 1 จุดใน 1 ไฟล์" in banner.text_content()
    # the rest of the site is served as it was, with the banner on every page
    page.goto(server.url, wait_until="load", timeout=30_000)
    page.locator(".nr-preview-banner").wait_for()
    assert page.locator(".nr-preview-banner a").get_attribute("href").endswith("/preview/problems/")
    page.locator(".nr-preview-banner a").click()
    page.wait_for_url("**/preview/problems/")
    assert ENTRY in page.locator(".nr-problems h2").first.text_content()
    # fixed: the open page reloads by itself and shows the entry, and the banner goes
    page.goto(server.url + PAGE, wait_until="load", timeout=30_000)
    entry.write_text(good, encoding="utf-8")
    page.wait_for_function(f"document.querySelector('h1') && "
                           f"document.querySelector('h1').textContent.trim() === {TITLE!r}",
                           timeout=60_000)
    page.wait_for_load_state("load")
    time.sleep(0.5)                          # the banner's fetch, had there been one
    assert page.locator(".nr-preview-banner").count() == 0
    assert all(u.startswith(server.url) for u in requests), requests
    context.close()


def test_a_front_matter_that_does_not_parse_still_answers(browser, serve):
    server, entry, good = serve
    entry.write_text(good.replace("title: ", "title: ประชุม: ", 1), encoding="utf-8")
    deadline = time.monotonic() + 60          # until the rebuild this save starts is done
    while True:
        status, html = _get(server.url + PAGE, timeout=60)
        if "เครื่องหมายคำพูด" in html or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert status == 200 and "ข่าวนี้ยังแสดงไม่ได้" in html
    assert "ให้ใส่ค่าทั้งหมดในเครื่องหมายคำพูด" in html
    status, _ = _get(server.url + "provinces/", timeout=60)
    assert status == 200
