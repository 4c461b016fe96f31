"""Entry photos for phones: resized copies, sizes in the HTML, lazy loading, credits.

``prepare`` (during validation, before anything is written) opens every photo
once, makes JPEG copies at a few widths with Pillow and keeps them in a cache
folder keyed by the photo's content hash, so an unchanged photo is never
resized twice. A photo Pillow cannot read is a Problem naming the entry.

``PhotoExtension`` is the Markdown side: in an entry's body it gives each of
its photos width/height, srcset, ``loading="lazy"`` and a <figure> with the
photographer's credit.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from PIL import Image, ImageOps, UnidentifiedImageError

from .entry import Entry, Photo
from .problems import Problem

WIDTHS = (320, 640, 1280)      # phone thumbnails, phone full width, desktop
QUALITY = 78
SIZES = "(max-width: 45em) 100vw, 45em"
CACHE_VERSION = "1"


@dataclass(frozen=True)
class Rendition:
    name: str          # file name beside the entry page, e.g. "photo-1-640.jpg"
    source: Path       # the file to copy (cached copy, or the original)
    width: int
    height: int


@dataclass(frozen=True)
class PhotoSet:
    target: str                        # the photo's path as the entry names it
    width: int                         # of the original (after EXIF rotation)
    height: int
    renditions: tuple[Rendition, ...]  # smallest first; the last is the original

    @property
    def srcset(self) -> str:
        return ", ".join(f"{r.name} {r.width}w" for r in self.renditions)

    @property
    def smallest(self) -> Rendition:
        return self.renditions[0]

    def fitting(self, width: int) -> Rendition:
        """The smallest copy at least ``width`` wide (or the largest there is)."""
        return next((r for r in self.renditions if r.width >= width), self.renditions[-1])


def _resized_name(target: str, width: int) -> str:
    stem, _, _ = target.rpartition(".")
    return f"{stem or target}-{width}.jpg"


def prepare_photo(photo: Photo, cache: Path) -> PhotoSet:
    """Sizes of one photo and its resized copies (made once, then cached)."""
    data = photo.source.read_bytes()
    digest = hashlib.sha256(data + CACHE_VERSION.encode()).hexdigest()[:24]
    with Image.open(photo.source) as image:
        image = ImageOps.exif_transpose(image)
        width, height = image.size
        renditions = []
        for w in WIDTHS:
            if w >= width:
                break
            h = round(height * w / width)
            cached = cache / f"{digest}-{w}.jpg"
            if not cached.exists():
                cache.mkdir(parents=True, exist_ok=True)
                small = image.convert("RGB").resize((w, h), Image.Resampling.LANCZOS)
                partial = cached.with_suffix(".part")
                small.save(partial, "JPEG", quality=QUALITY, optimize=True, progressive=True)
                partial.replace(cached)
            renditions.append(Rendition(_resized_name(photo.target, w), cached, w, h))
    renditions.append(Rendition(photo.target, photo.source, width, height))
    return PhotoSet(photo.target, width, height, tuple(renditions))


def prepare(entries: list[Entry], cache: Path) -> tuple[dict[tuple[str, str], PhotoSet],
                                                        list[Problem]]:
    """Every photo of every entry, by (slug, target); unreadable photos as Problems."""
    sets: dict[tuple[str, str], PhotoSet] = {}
    problems: list[Problem] = []
    for e in entries:
        for photo in e.photos:
            try:
                sets[(e.slug, photo.target)] = prepare_photo(photo, cache)
            except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as err:
                field = "image" if photo.target == e.image else "body"
                problems.append(Problem(e.source, 0, field,
                                        f"photo '{photo.target}' cannot be read as an image"
                                        f" ({type(err).__name__}); save it again as JPEG or PNG"))
        # Every file beside the entry page needs its own name: a photo called index.html,
        # or a-320.jpg beside a.jpg (whose copy 320 px wide is a-320.jpg), would be lost.
        taken = {"index.html": "the entry page"}
        for photo in e.photos:
            mine = f"photo '{photo.target}'"
            found = sets.get((e.slug, photo.target))
            for r in found.renditions if found else ():
                owner = taken.setdefault(r.name, mine)
                if owner != mine:
                    field = "image" if photo.target == e.image else "body"
                    problems.append(Problem(e.source, 0, field,
                                            f"{mine} would be written as {r.name}, the name of"
                                            f" {owner}; rename the photo"))
    return sets, problems


# --------------------------------------------------------------------------
# Markdown: photos in an entry's body
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class PagePhotos:
    """What the treeprocessor needs to know about the page being rendered."""
    photos: dict[str, PhotoSet]        # by target, as written in the Markdown
    credit: str                        # "ภาพ: …", or "" without a photographer
    fallback_alt: str


def _literal(text: str) -> str:
    """Plain text for Python-Markdown's serializer, which escapes '&' only where it does not
    start an entity: '&amp;' in a title would show as '&'. Escaping it first keeps it as written."""
    return text.replace("&", "&amp;")


class _PhotoTreeprocessor(Treeprocessor):
    def __init__(self, md: Any, current: Callable[[], PagePhotos | None]) -> None:
        super().__init__(md)
        self.current = current

    def run(self, root: etree.Element) -> None:
        page = self.current()
        if page is None or not page.photos:
            return
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag != "img":
                    continue
                photo = page.photos.get(child.get("src", "").split("#")[0].split("?")[0])
                if photo is None:
                    continue
                self._enhance(child, photo, page)
                if parent.tag == "p" and len(parent) == 1 and not (parent.text or "").strip() \
                        and not (child.tail or "").strip():
                    parent.tag = "figure"
                    parent.set("class", "nr-photo")
                    if page.credit:
                        caption = etree.SubElement(parent, "figcaption")
                        caption.text = _literal(page.credit)

    @staticmethod
    def _enhance(img: etree.Element, photo: PhotoSet, page: PagePhotos) -> None:
        shown = photo.fitting(1280)
        img.set("src", shown.name)
        img.set("srcset", photo.srcset)
        img.set("sizes", SIZES)
        img.set("width", str(shown.width))
        img.set("height", str(shown.height))
        img.set("loading", "lazy")
        img.set("decoding", "async")
        if not (img.get("alt") or "").strip():
            img.set("alt", _literal(page.fallback_alt))


class PhotoExtension(Extension):
    """Registered once (on_config); asks ``current`` for the page being rendered."""

    def __init__(self, current: Callable[[], PagePhotos | None]) -> None:
        super().__init__()
        self.current = current

    def extendMarkdown(self, md: Any) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_PhotoTreeprocessor(md, self.current), "newsroom_photos", 5)
