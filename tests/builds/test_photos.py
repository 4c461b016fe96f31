"""Entry photos: resized copies at the sizes the HTML claims, lazy loading, credits, cache."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from PIL import Image

from newsroom.plan.labels import photo_alt
from newsroom.read.corpus import load

from tests.helpers import ROOT, build, make_project, write_entry


def test_every_photo_matches_what_the_html_claims(sample_site):
    entries = [e for e in load(ROOT).entries if e.photos]
    assert entries
    for e in entries:
        soup = sample_site.page(e.url)
        images = soup.select("article .nr-cover img, article .nr-body img")
        gallery = {g.target for g in e.gallery}      # shown under the report (test_galleries.py)
        assert len(images) == len([p for p in e.photos if p.target not in gallery])
        for img in images:
            src = sample_site.site / e.url / img["src"]
            with Image.open(src) as im:
                assert (im.width, im.height) == (int(img["width"]), int(img["height"]))
            for candidate in img["srcset"].split(", "):
                name, width = candidate.split()
                with Image.open(sample_site.site / e.url / name) as im:
                    assert im.width == int(width.rstrip("w"))
            assert img.get("alt")
            # the caption: the writer's description of the photo (its ![…]), then the credit;
            # the cover and a photo described by nobody show the credit alone
            caption = img.find_parent("figure").select_one("figcaption").get_text()
            credit = "ภาพ: " + ", ".join(e.photographers)
            described = img["alt"] != photo_alt(e.title)
            assert caption == (f"{img['alt']} · {credit}" if described else credit)
        body_images = soup.select(".nr-body img")
        assert all(i["loading"] == "lazy" for i in body_images)


def test_listing_thumbnails_are_small(sample_site):
    soup = sample_site.page("provinces/nan/")
    thumbs = soup.select("img.nr-card__thumb")
    assert thumbs
    for t in thumbs:
        path = sample_site.site / urljoin("provinces/nan/", t["src"])
        with Image.open(path) as im:
            assert im.width == int(t["width"]) <= 320
        assert t["loading"] == "lazy"


def photo_entry(root: Path, data: bytes) -> Path:
    path = write_entry(root, "2564/2020-11-06-photo/index.md", """\
title: ภาพ
date: 2020-11-06
author: ก
photographer: ข
province: น่าน
image: cover.jpg""", body="ข้อความ\n\n![ภาพประชุม](cover.jpg)")
    (path.parent / "cover.jpg").write_bytes(data)
    return path


def test_resized_once_then_cached(project):
    image = Image.new("RGB", (1000, 600), (200, 100, 50))
    path = project / "in.jpg"
    image.save(path, "JPEG")
    photo_entry(project, path.read_bytes())
    assert build(project).ok
    cached = sorted((project / ".cache" / "photos").glob("*.jpg"),
                    key=lambda c: int(c.stem.rsplit("-", 1)[1]))
    assert [Image.open(c).width for c in cached] == [320, 640, 1000]
    stamps = [c.stat().st_mtime_ns for c in cached]
    assert build(project).ok
    assert [c.stat().st_mtime_ns for c in cached] == stamps


def test_a_broken_photo_stops_the_build(project):
    photo_entry(project, b"not a jpeg at all")
    failed = build(project)
    assert not failed.ok
    assert ("news/2564/2020-11-06-photo/index.md:7: image: photo 'cover.jpg': the file is not"
            " an image") in failed.output


def test_previews_read_an_entry_again_only_when_it_or_its_photos_change(project):
    """corpus.EntryCache (make serve): an unchanged entry is not read again; a photo
    replaced or gone makes it read again; a file with problems is always read again."""
    import os
    import time
    from newsroom.read.corpus import EntryCache
    image = Image.new("RGB", (200, 120), (20, 100, 50))
    source = project / "in.jpg"
    image.save(source, "JPEG")
    entry_path = photo_entry(project, source.read_bytes())
    news = project / "news"
    cache = EntryCache()
    first, problems = cache.read(entry_path, project, news)
    assert first is not None and not problems
    assert cache.read(entry_path, project, news)[0] is first          # not read again
    photo = entry_path.parent / "cover.jpg"
    Image.new("RGB", (400, 240), (20, 100, 50)).save(photo, "JPEG")    # replaced
    os.utime(photo, ns=(time.time_ns(), time.time_ns() + 10**9))
    again = cache.read(entry_path, project, news)[0]
    assert again is not None and again is not first
    assert cache.read(entry_path, project, news)[0] is again
    photo.unlink()                                                     # gone: a problem
    missing, problems = cache.read(entry_path, project, news)
    assert missing is None and problems
    Image.new("RGB", (200, 120), (20, 100, 50)).save(photo, "JPEG")    # back, entry untouched
    back, problems = cache.read(entry_path, project, news)
    assert back is not None and not problems
