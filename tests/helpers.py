"""What the tests share: a copy of the project around a news/ folder, built with MkDocs;
the built site read back; the site served to Chromium. Imported as tests.helpers."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

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


def build_here(root: Path) -> Any:
    """`mkdocs build` of ``root`` in this process; the hooks' NewsroomHooks, to look into
    afterwards."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    return next(p for name, p in config.plugins.items() if name.endswith("newsroom.py"))._hooks


def build(root: Path) -> Built:
    return Built(root, mkdocs(root, "build", "--strict"))


def kept_file(path: Path) -> tuple[dict[str, Any], Any]:
    """A cache file's header ({"key", "sum"}) and payload (whole_files.write_keyed)."""
    head, _, payload = path.read_text(encoding="utf-8").partition("\n")
    return json.loads(head), json.loads(payload)


def rewrite_kept(path: Path, payload: Any, key: str | None = None, same_sum: bool = False) -> None:
    """A cache file written again with ``payload`` as the cache writes it (key and sum
    right: what only someone who can write .cache/ could do); ``key`` another key;
    ``same_sum``: the old sum kept, which no longer fits the payload."""
    from newsroom import whole_files
    header, _ = kept_file(path)
    whole_files.write_keyed(path, key or header["key"], payload)
    if same_sum:
        head, _, data = path.read_text(encoding="utf-8").partition("\n")
        path.write_text(json.dumps({**json.loads(head), "sum": header["sum"]}) + "\n" + data,
                        encoding="utf-8")


def write_entry(root: Path, rel: str, front: str, body: str = "เนื้อหาข่าว") -> Path:
    path = root / "news" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------
# Browser tests: the built site served on 127.0.0.1, read by Debian's Chromium
# --------------------------------------------------------------------------

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Any) -> list[tuple[str, str, list]]:
    """What axe-core finds on a Playwright page as it is now: (rule, impact, targets)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def serious_violations(page: Any) -> list[tuple[str, str, list]]:
    """The serious and critical ones, with their first three targets."""
    return [(rule, impact, targets[:3]) for rule, impact, targets in axe_violations(page)
            if impact in ("serious", "critical")]


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


def newsroom(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``newsroom --root ROOT ARGS…`` in its own process."""
    return subprocess.run([sys.executable, "-m", "newsroom.authoring.cli", "--root", str(root), *args],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env} if env else None)


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site."""
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def built_files(root: Path) -> dict[str, bytes]:
    """`mkdocs build --strict` of ``root``, which must succeed: its site's files."""
    result = mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return site_files(root / "site")


@functools.lru_cache(maxsize=4)
def identity(url: str = "https://news.example.org/") -> "SiteIdentity":
    """The site's identity as mkdocs.yml gives it (site_name, copyright), at ``url``."""
    from mkdocs.config import load_config

    from newsroom.model.identity import SiteIdentity
    config = load_config(str(ROOT / "mkdocs.yml"))
    return SiteIdentity(config.site_name, config.copyright, url)


FIXTURES = Path(__file__).resolve().parent / "fixtures"
LEGACY_REPORTS = FIXTURES / "legacy"
