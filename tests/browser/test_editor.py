"""The web editor at /admin/ in headless Chromium, on a copy of the project made a git
repository, with decap-server (the local backend, as `make edit` starts it) on a free
port of 127.0.0.1: a writer makes an entry through the form only and takes it through
review to publication; the file passes `newsroom check` and builds to its province and
year pages; the form refuses what the build would refuse, in Thai, beside the field;
an existing entry opened and saved keeps its metadata; every request stays on
127.0.0.1; axe-core on the editor's screens."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, SiteServer, build, make_project, newsroom

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
COVER = ROOT / "news" / "2563" / "2019-12-12-nan-huai-lan-moral-community" / "cover.jpg"
TITLE = "ประชุมเครือข่ายคุณธรรมจังหวัดน่าน ทดลองเขียนข่าวผ่านหน้าเว็บ"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=ทดสอบ", "-c", "user.email=test@example.org",
                           *args], cwd=root, check=True, capture_output=True, text=True).stdout


class Editor:
    """The project, its built site served on 127.0.0.1, decap-server beside it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = _free_port()
        os.environ["EDITOR_PORT"] = str(self.port)
        try:
            built = build(root)
        finally:
            del os.environ["EDITOR_PORT"]
        assert built.ok, built.output
        self.built = built
        _git(root, "init", "-q", "-b", "main")
        _git(root, "add", "-A")
        _git(root, "commit", "-qm", "the sample")
        self.log = open(root / "decap-server.log", "w")
        self.server = subprocess.Popen(
            ["node", str(SERVER)], cwd=root, stdout=self.log, stderr=subprocess.STDOUT,
            env={**os.environ, "PORT": str(self.port), "BIND_HOST": "127.0.0.1", "MODE": "git",
                 "GIT_REPO_DIRECTORY": str(root)})
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        self.site = SiteServer(built.site)
        self.url = self.site.url + "admin/"

    def close(self) -> None:
        self.site.close()
        self.server.terminate()
        self.server.wait(timeout=10)
        self.log.close()


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("editor") / "project", ROOT / "news")
    (root / ".gitignore").write_text("site/\n.cache/\n.site.building-*\ndecap-server.log\n")
    e = Editor(root)
    yield e
    e.close()


@pytest.fixture
def page(browser, editor):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(editor.url)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_selector("text=ข่าว")
    yield page
    context.close()


# --------------------------------------------------------------------------
# Driving the form
# --------------------------------------------------------------------------

def _field(page, name: str):
    """The control of the form's field ``name`` (Decap gives it the id name-field-N)."""
    return page.locator(f"[id^='{name}-field-']").first


def _add_name(page, field: str, name: str) -> None:
    box = page.locator(f"[id^='{field}-field-']").first.locator("xpath=ancestor::div[contains(@class,'')][1]")
    page.get_by_role("button", name=re.compile(f"เพิ่ม {_label(field)}")).click()
    inputs = page.locator(f"input[id^='{field}-field-'], [id^='{field}-field-'] input[type=text]")
    del box
    inputs.last.fill(name)


LABELS = {"author": "ผู้เขียนข่าว", "photographer": "ผู้ถ่ายภาพ"}


def _label(field: str) -> str:
    return LABELS[field]


def _new_entry(page, editor) -> None:
    page.goto(editor.url + "#/collections/news/new")
    page.wait_for_selector("[id^='title-field-']")


def _choose_province(page, name: str) -> None:
    box = _field(page, "province")
    box.click()
    page.keyboard.type(name)
    page.keyboard.press("Enter")


def _errors(page) -> list[str]:
    return [t.strip() for t in page.locator("ul[class*='ControlErrorsList'] li, [class*='ControlErrorsList'] li").all_inner_texts()]


def _save(page) -> None:
    page.get_by_role("button", name="บันทึก", exact=True).click()
