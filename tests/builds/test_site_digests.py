"""The sample archive builds to exactly the bytes recorded in tests/fixtures/: a change to
the code that changes the site must say so. After changing the output on purpose:

    .venv/bin/python -m bench.digest news tests/fixtures/sample-site.digests.json

and say in the commit what changed for readers."""

from __future__ import annotations

import json

from bench.digest import build_digests, compare

from tests.helpers import FIXTURES, ROOT

RECORDED = FIXTURES / "sample-site.digests.json"


def test_the_sample_site_is_byte_for_byte_as_recorded():
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    assert compare(recorded, build_digests(ROOT / "news")) == []


def test_the_comparison_sees_a_changed_missing_or_new_file():
    a = {"index.html": "1", "feed.xml": "2"}
    assert compare(a, {"index.html": "1", "feed.xml": "3", "new.html": "4"}) == [
        "only in the second: new.html", "differs: feed.xml"]
    assert compare(a, {"index.html": "1"}) == ["only in the first: feed.xml"]
