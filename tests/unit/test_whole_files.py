"""newsroom/whole_files.py: a file is the old one or the new one, never half of one."""

from __future__ import annotations

import pytest

from newsroom import whole_files


def test_a_write_that_stops_leaves_the_old_file_and_no_partial_one(tmp_path):
    path = tmp_path / "cache" / "kept.json"
    whole_files.write_text(path, "เก่า")
    with pytest.raises(RuntimeError):
        with whole_files.replacing(path) as partial:
            partial.write_text("ครึ่ง", encoding="utf-8")
            raise RuntimeError("stopped")
    assert path.read_text(encoding="utf-8") == "เก่า"
    assert sorted(p.name for p in path.parent.iterdir()) == ["kept.json"]
    whole_files.write_text(path, "ใหม่")
    assert path.read_text(encoding="utf-8") == "ใหม่"
    assert sorted(p.name for p in path.parent.iterdir()) == ["kept.json"]
