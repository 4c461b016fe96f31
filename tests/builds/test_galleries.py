"""Photos as the site publishes them: WebP beside JPEG in <picture>, nothing but pixels in
any file, upright, and galleries (front matter photos:) whose thumbnails link to the photo."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from newsroom.read.corpus import load

from tests.helpers import ROOT, build, write_entry

GALLERY_ENTRY = "news/2020-12-17-nakhon-si-thammarat-moral-assembly/"
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")


def test_every_published_image_is_pixels_only(sample_site):
    """Every photo file of the entries (the theme's own icons in assets/ are not photos)."""
    images = [p for p in (sample_site.site / "news").rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES]
    assert len(images) > 50
    for path in images:
        data = path.read_bytes()
        with Image.open(path) as im:
            assert im.format in ("JPEG", "WEBP"), path
            assert not im.getexif(), path                      # no EXIF, so no GPS either
            for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"):
                assert key not in im.info, (path, key)
        assert b"Sample Camera" not in data and b"Exif" not in data, path


def test_a_photo_taken_sideways_is_published_upright(sample_site):
    source = ROOT / "news" / "2564" / "2020-12-17-nakhon-si-thammarat-moral-assembly" / "photo-5.jpg"
    with Image.open(source) as im:
        assert im.height > im.width and im.getexif().get(0x0112) == 8    # stored on its side
    for copy in (sample_site.site / GALLERY_ENTRY).glob("photo-5-*"):
        with Image.open(copy) as im:
            assert im.width > im.height, copy                           # shown as taken


def test_every_photo_is_offered_as_webp_beside_jpeg(sample_site):
    for e in [e for e in load(ROOT).entries if e.photos]:
        soup = sample_site.page(e.url)
        pictures = soup.select("article picture")
        assert pictures
        for picture in pictures:
            source, img = picture.select_one("source[type='image/webp']"), picture.img
            assert source is not None and img is not None
            assert source["sizes"] == img["sizes"]
            webp = [c.split() for c in source["srcset"].split(", ")]
            jpeg = [c.split() for c in img["srcset"].split(", ")]
            assert [w for _, w in webp] == [w for _, w in jpeg]
            folder = sample_site.site / e.url
            for (wname, width), (jname, _) in zip(webp, jpeg):
                with Image.open(folder / wname) as w, Image.open(folder / jname) as j:
                    assert w.format == "WEBP" and j.format == "JPEG"
                    assert w.size == j.size and w.width == int(width.rstrip("w"))


def test_the_gallery_shows_every_photo_with_its_caption_and_credit(sample_site):
    soup = sample_site.page(GALLERY_ENTRY)
    items = soup.select(".nr-gallery__item")
    assert len(items) == 4
    captions = [i.select_one(".nr-gallery__caption").get_text() for i in items]
    assert captions[0] == "ผู้แทนภาคศาสนาเสนอแนวทางงานบุญปลอดโฟม · ภาพ: ศิริพร จันทร์หอม"
    assert captions[3] == "ภาพ: ศิริพร จันทร์หอม"                      # no caption of its own
    for item in items:
        link = item.select_one("a.nr-gallery__link")
        full = sample_site.site / GALLERY_ENTRY / link["href"]
        with Image.open(full) as im:                       # without JavaScript: the photo itself
            assert im.size == (int(link["data-pswp-width"]), int(link["data-pswp-height"]))
        assert link.img["alt"] and link.img["loading"] == "lazy"
    assert soup.select_one('script[type="module"][src$="assets/gallery.js"]')
    assert soup.select_one('link[rel="stylesheet"][href$="assets/photoswipe/photoswipe.css"]')
    for name in ("photoswipe-lightbox.esm.min.js", "photoswipe.esm.min.js", "photoswipe.css"):
        assert (sample_site.site / "assets" / "photoswipe" / name).is_file()


def test_gallery_fields_that_are_wrong_are_problems(project):
    folder = project / "news" / "2564" / "2020-11-06-g"
    folder.mkdir(parents=True)
    Image.new("RGB", (60, 40)).save(folder / "a.jpg")
    base = "title: ข่าว\ndate: 2020-11-06\nauthor: ก\nprovince: น่าน"
    cases = {
        "photos: [missing.jpg]": "photos: photo 'missing.jpg' does not exist",
        "photos: [{file: a.jpg, note: x}]": "photos: each photo is a file name, or file: and caption:",
        "photos: [a.jpg]": "photographer: is missing: the entry shows photos",
        "photos: [page.html]": "photos: 'page.html' is not a photo the site publishes",
    }
    for i, (line, message) in enumerate(cases.items()):
        write_entry(project, f"2564/2020-11-06-g/index.md", base + "\n" + line)
        built = build(project)
        assert not built.ok and message in built.output, (line, built.output)
