"""Shared fixtures: a copy of the project around a news/ folder, built with MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import functools
import http.server
import threading

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")


@dataclass
class Built:
    root: Path
    result: subprocess.CompletedProcess

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    @property
    def output(self) -> str:
        return self.result.stdout + self.result.stderr

    def page(self, url: str) -> BeautifulSoup:
        path = self.site / url.strip("/") / "index.html" if url.strip("/") else self.site / "index.html"
        assert path.is_file(), f"no page at /{url}"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def listed(self, url: str) -> list[str]:
        """Entry slugs a listing shows, following its "older" links page after page."""
        slugs: list[str] = []
        url = f"/{url.strip('/')}/"
        while url:
            soup = self.page(url)
            slugs += [a["href"].rstrip("/").rsplit("/", 1)[-1]
                      for a in soup.select("a.nr-card__title")]
            older = soup.select_one("a.nr-pager__older")
            url = urljoin(url, older["href"]) if older else None
        return slugs


def make_project(where: Path, news: Path | None = None) -> Path:
    """A copy of the project's site parts at ``where``, with ``news`` as its news/."""
    where.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, where / part, dirs_exist_ok=True)
        else:
            shutil.copy2(src, where / part)
    if news is not None and news != where / "news":
        shutil.copytree(news, where / "news", dirs_exist_ok=True)
    (where / "news").mkdir(exist_ok=True)
    return where


def mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args, "-f", str(root / "mkdocs.yml")],
                          cwd=root, capture_output=True, text=True, env=env, timeout=600)


def build(root: Path) -> Built:
    return Built(root, mkdocs(root, "build", "--strict"))


def write_entry(root: Path, rel: str, front: str, body: str = "เนื้อหาข่าว") -> Path:
    path = root / "news" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Built:
    """The sample archive shipped in news/, built once."""
    root = make_project(tmp_path_factory.mktemp("sample"), ROOT / "news")
    built = build(root)
    assert built.ok, built.output
    return built


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


# --------------------------------------------------------------------------
# Browser tests: the built site served on 127.0.0.1, read by Debian's Chromium
# --------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


class SiteServer:
    """A built site served over HTTP on a free loopback port, until closed."""

    def __init__(self, site: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from Debian. Missing Chromium fails in CI and skips elsewhere."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed (make system-deps)")
        pytest.skip("Chromium is not installed (make system-deps)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def sample_server(sample_site):
    server = SiteServer(sample_site.site)
    yield server
    server.close()
