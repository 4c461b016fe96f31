"""Shared fixtures: the sample site built once, a fresh project, Chromium. Helpers they use
are in tests/helpers.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The suite reads the maintainers' English messages (NEWSROOM_LANG=en, as `newsroom --lang en`);
# the Thai ones, which writers read, are tested on their own (tests/unit/test_messages.py).
os.environ.setdefault("NEWSROOM_LANG", "en")

from tests.helpers import CHROMIUM, CHROMIUM_FLAGS, ROOT, Built, SiteServer, build, make_project


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
