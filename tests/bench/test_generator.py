"""bench/generate.py: entries shaped like real reports, in the shares it promises,
the same bytes for the same seed, distinct photos, and entries the project accepts."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from bench.generate import SHARES, generate
from newsroom.model.province import all_provinces

from tests.helpers import make_project

N = 200
SEED = 31


def digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("generated")
    meta = generate(root, N, seed=SEED)
    return root, meta


def share(meta, test) -> float:
    return sum(1 for m in meta if test(m)) / len(meta)


@pytest.mark.parametrize("name, test, want", [
    ("short", lambda m: m["shape"]["length"] == "short", 0.05),
    ("long", lambda m: m["shape"]["length"] == "long", 0.03),
    ("normal", lambda m: m["shape"]["length"] == "normal", 0.92),
    ("headings", lambda m: m["shape"]["headings"] > 0, 0.35),
    ("sections only", lambda m: m["shape"]["sections"], 0.10),
    ("bullet lists", lambda m: m["shape"]["bullets"] > 0, 0.25),
    ("numbered lists", lambda m: m["shape"]["numbered"] > 0, 0.15),
    ("tables", lambda m: m["shape"]["table"] is not None, 0.08),
    ("links", lambda m: m["shape"]["links"] > 0, 0.30),
    ("bold", lambda m: m["shape"]["bold"] > 0, SHARES["bold"]),
    ("covers", lambda m: m["shape"]["cover"], 0.30),
    ("body photos", lambda m: m["shape"]["photos"] > 0, 0.15),
])
def test_shapes_come_in_their_shares(archive, name, test, want):
    _, meta = archive
    assert abs(share(meta, test) - want) <= 0.02, name


def test_the_files_show_the_shapes_the_metadata_records(archive):
    root, meta = archive
    for m in meta:
        text = (root / m["path"]).read_text(encoding="utf-8")
        front, body = text.split("\n---\n", 1)
        shape = m["shape"]
        blocks = [b for b in body.strip().split("\n\n")]
        headings = [b for b in blocks if re.match(r"#{2,3} ", b)]
        paragraphs = [b for b in blocks if not re.match(r"(#|- |\d+\. |\||!\[)", b)]
        assert len(headings) == shape["headings"]
        assert len(paragraphs) == m["paragraphs"]
        if shape["sections"]:
            assert [h.split(" ", 1)[1] for h in headings] == ["ช่วงเช้า", "ช่วงบ่าย"]
            assert not any(re.match(r"(- |\d+\. |\|)", b) for b in blocks)
        assert len(re.findall(r"^- ", body, re.M)) == shape["bullets"]
        assert len(re.findall(r"^\d+\. ", body, re.M)) == shape["numbered"]
        table = [line for line in body.splitlines() if line.startswith("|")]
        if shape["table"]:
            columns, rows = shape["table"]
            assert 2 <= columns <= 4 and 3 <= rows <= 8
            assert len(table) == rows + 2 and table[0].count("|") == columns + 1
        else:
            assert not table
        assert len(re.findall(r"\]\(https://www\.moral\.or\.th/", body)) == shape["links"]
        assert ("**" in body) == bool(shape["bold"])
        assert len(re.findall(r"!\[[^\]]+\]\(photo-\d\.jpg\)", body)) == shape["photos"]
        assert ("image: cover.jpg" in front) == shape["cover"] == m["photo"]
        has_photos = shape["cover"] or shape["photos"]
        assert (m["path"].endswith("/index.md") and "photographer:" in front) == bool(has_photos)
        if shape["length"] == "short":
            assert 40 <= m["words"] <= 80 and m["paragraphs"] == 1
        elif shape["length"] == "normal":
            assert 300 <= m["words"] <= 600 and 3 <= m["paragraphs"] <= 6
        else:
            assert 12 <= m["paragraphs"] <= 20


def test_every_province_and_program_year_has_entries(archive):
    _, meta = archive
    assert {p for m in meta for p in m["provinces"]} == {p.slug for p in all_provinces()}
    assert {m["year"] for m in meta} == set(range(2561, 2569))


def test_photos_are_distinct_small_jpegs(archive):
    root, meta = archive
    photos = sorted(root.rglob("*.jpg"))
    assert len(photos) == sum(m["shape"]["cover"] + m["shape"]["photos"] for m in meta)
    hashes = {hashlib.sha256(p.read_bytes()).hexdigest() for p in photos}
    assert len(hashes) == len(photos)
    for p in photos:
        assert 8_000 <= p.stat().st_size <= 40_000, p
        with Image.open(p) as im:
            assert im.format == "JPEG" and im.size in {(640, 480), (800, 600), (480, 640)}


def test_the_same_seed_gives_the_same_bytes(archive, tmp_path):
    root, _ = archive
    again = tmp_path / "again"
    generate(again, N, seed=SEED)
    assert digests(again) == digests(root)
    other = tmp_path / "other"
    generate(other, N, seed=SEED + 1)
    assert digests(other) != digests(root)


def test_newsroom_check_accepts_every_entry(archive, tmp_path):
    root, _ = archive
    project = make_project(tmp_path / "project", root / "news")
    out = subprocess.run([sys.executable, "-m", "newsroom.authoring.cli", "--root", str(project), "check"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
