"""Shared fixtures: a copy of the project around a news/ folder, built with MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

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
