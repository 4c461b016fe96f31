"""The examples in the package's docstrings hold (every module of newsroom/)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsroom

MODULES = sorted(m.name for m in pkgutil.walk_packages(newsroom.__path__, "newsroom."))


def test_there_are_doctests_to_run():
    found = sum(len(doctest.DocTestFinder().find(importlib.import_module(m))) for m in MODULES)
    assert found >= 10


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name, monkeypatch):
    monkeypatch.setenv("NEWSROOM_LANG", "th")          # the examples show what writers read
    assert doctest.testmod(importlib.import_module(name)).failed == 0
