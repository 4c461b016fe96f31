"""Related news (model/archive.py related): entries sharing a province or a tag, the
nearest in time to the entry, shown newest first; a new entry changes the related news
of only the few entries nearest it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.generate import generate
from newsroom.model.archive import RELATED, build_archive
from newsroom.read.corpus import load


@pytest.fixture(scope="module")
def entries(tmp_path_factory):
    root = tmp_path_factory.mktemp("related")
    generate(root, 400, seed=11)
    found = load(root).entries
    shutil.rmtree(root)
    return found


def _shares(a, b) -> bool:
    return bool(set(a.provinces) & set(b.provinces) or set(a.tags) & set(b.tags))


def test_related_are_the_nearest_in_time_of_those_sharing_a_province_or_tag(entries):
    archive = build_archive(entries)
    for e in archive.entries:
        related = archive.related(e)
        others = sorted((o for o in archive.entries if o.slug != e.slug and _shares(e, o)),
                        key=lambda o: o.sort_key, reverse=True)
        want = sorted(others, key=lambda o: abs(o.published - e.published))[:RELATED]
        assert [o.slug for o in related] == [o.slug for o in
                                              sorted(want, key=lambda o: o.sort_key, reverse=True)]
    oldest = archive.entries[-1]
    assert all(o.slug not in {n.slug for n in archive.entries[:20]}
               for o in archive.related(oldest))          # not this week's news


def test_a_new_entry_changes_the_related_news_of_only_a_few_entries(entries):
    after = build_archive(entries)
    newest = after.entries[0]
    before = build_archive([e for e in entries if e.slug != newest.slug])
    changed = [e.slug for e in before.entries
               if [o.slug for o in before.related(e)] != [o.slug for o in after.related(e)]]
    lists = len(newest.provinces) + len(newest.tags)
    assert 0 < len(changed) <= RELATED * lists
