"""Entry photos: checked like any field, published only as copies we make.

A photo is untrusted input like the rest of an entry: a file Pillow can read as
a picture may also be an HTML page (a GIF/HTML polyglot), a camera file carries
where and with what it was taken, a 17 KB PNG can claim 144 million pixels. So:

- ``PhotoVerdicts.verdict`` (during validation, in ``newsroom check`` and the
  build alike) says whether a photo is one the site publishes: a JPEG, PNG or
  WebP whose type matches its name, whole (decoded to the end), within
  ``MAX_PIXELS`` and ``MAX_BYTES``. Verdicts are kept in .cache/photos/ keyed by
  the file's path, size and modification time, so a check of 10,000 entries does
  not decode their photos again.
- ``prepare`` makes the copies that are published: JPEGs at a few widths, the
  largest at most ``LARGEST`` px on its long edge, orientation applied to the
  pixels, colours converted to sRGB, and nothing but pixels in the file (no
  EXIF, GPS, XMP, comments or thumbnails). The writer's file itself is never
  published, under its name or any other. Copies are cached by content hash, so
  an unchanged photo is never resized twice.

photo_markdown.py is the Markdown side: in an entry's body it points each of
its photos at the copies.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .entry import Entry, Photo
from .problems import Problem

WIDTHS = (320, 640, 1280)      # phone thumbnails, phone full width, desktop
LARGEST = 1600                 # long edge of the largest copy
QUALITY = 78
SIZES = "(max-width: 45em) 100vw, 45em"
CACHE_VERSION = "2"
MAX_PIXELS = 60_000_000        # a 50-megapixel phone photo fits; decoding costs 3 bytes a pixel
MAX_BYTES = 40_000_000
# The types a photo's name may say, and what Pillow must find inside (MPO: a camera's JPEG
# with a second picture in it).
FORMATS = {".jpg": {"JPEG", "MPO"}, ".jpeg": {"JPEG", "MPO"}, ".png": {"PNG"},
           ".webp": {"WEBP"}}
_ROTATED = {5, 6, 7, 8}        # EXIF orientations that swap width and height


# --------------------------------------------------------------------------
# Verdicts: is this file a photo we publish?
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class PhotoVerdict:
    digest: str            # of the file's bytes; keys the cached copies
    width: int             # as shown (EXIF orientation applied)
    height: int
    problem: str | None    # why the site does not publish it; None when it does


def _size_text(n: int) -> str:
    return f"{n / 1_000_000:.0f} MB"


def inspect(path: Path) -> PhotoVerdict:
    """Read a photo to the end and judge it (a few milliseconds for a phone photo:
    JPEGs are decoded at an eighth of their size, which still reads every byte)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return PhotoVerdict("", 0, 0, f"the file is {_size_text(size)}; a photo may be at most"
                                          f" {_size_text(MAX_BYTES)} (export it smaller)")
        data = path.read_bytes()
    except OSError as e:
        return PhotoVerdict("", 0, 0, f"cannot be read: {e.strerror or e}")
    digest = hashlib.sha256(data).hexdigest()[:32]
    expected = FORMATS.get(path.suffix.lower(), set())
    try:
        with warnings.catch_warnings():
            # our own MAX_PIXELS is below Pillow's warning: the budget is checked below
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format or "?"
                if kind not in expected:
                    return PhotoVerdict(digest, 0, 0, f"the file is {_kind(kind)}, not what its"
                                                      f" name says ({path.suffix}); save it as"
                                                      " JPEG or PNG under a matching name")
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return PhotoVerdict(digest, width, height,
                                        f"{width}×{height} is {width * height / 1e6:.0f} million"
                                        f" pixels; a photo may have at most"
                                        f" {MAX_PIXELS // 1_000_000} million (export it smaller)")
                if image.getexif().get(0x0112) in _ROTATED:
                    width, height = height, width
                if kind in ("JPEG", "MPO"):
                    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
    except Image.DecompressionBombError:
        return PhotoVerdict(digest, 0, 0, f"the image has over {2 * Image.MAX_IMAGE_PIXELS // 1_000_000}"
                                          " million pixels; a photo may have at most"
                                          f" {MAX_PIXELS // 1_000_000} million (export it smaller)")
    except UnidentifiedImageError:
        return PhotoVerdict(digest, 0, 0, "the file is not an image; save it again as JPEG or PNG")
    except (OSError, ValueError, SyntaxError, EOFError) as e:
        return PhotoVerdict(digest, 0, 0, f"the image is damaged or cut short ({_short(e)});"
                                          " copy it again from the camera or save it again")
    return PhotoVerdict(digest, width, height, None)


def _kind(pillow_format: str) -> str:
    return {"GIF": "a GIF image", "BMP": "a BMP image", "TIFF": "a TIFF image",
            "ICO": "an icon", "PNG": "a PNG image", "JPEG": "a JPEG photo",
            "MPO": "a JPEG photo", "WEBP": "a WebP image"}.get(pillow_format,
                                                               f"a {pillow_format} file")


def _short(error: BaseException) -> str:
    return " ".join(str(error).split())[:80] or type(error).__name__


class PhotoVerdicts:
    """Verdicts by (path, size, modification time), kept in ``file`` between runs. An
    entry of the file that is not what this version writes is ignored, never trusted."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file
        self.known: dict[str, PhotoVerdict] = {}
        self.new: dict[str, PhotoVerdict] = {}
        if file is not None:
            self.known = _read_verdicts(file)

    @staticmethod
    def _key(path: Path) -> str | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}"

    def verdict(self, path: Path) -> PhotoVerdict:
        key = self._key(path)
        found = self.known.get(key) if key else None
        if found is None:
            found = inspect(path)
            if key:
                self.known[key] = self.new[key] = found
        return found

    def merge(self, new: dict[str, PhotoVerdict]) -> None:
        """Verdicts another process found (newsroom check's workers)."""
        self.known.update(new)
        self.new.update(new)

    def save(self) -> None:
        if self.file is None or not self.new:
            return
        data = {"version": CACHE_VERSION,
                "verdicts": {k: asdict(v) for k, v in self.known.items()}}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            partial = self.file.with_name(f"{self.file.name}.{os.getpid()}.part")
            partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            partial.replace(self.file)
            self.new = {}
        except OSError:
            pass            # a cache that cannot be written only costs time


def _read_verdicts(file: Path) -> dict[str, PhotoVerdict]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get("version") != CACHE_VERSION:
            return {}
        found = {}
        for key, v in data["verdicts"].items():
            verdict = PhotoVerdict(str(v["digest"]), int(v["width"]), int(v["height"]),
                                   None if v["problem"] is None else str(v["problem"]))
            found[str(key)] = verdict
        return found
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def verdicts_file(root: Path) -> Path:
    return root / ".cache" / "photos" / f"verdicts-{CACHE_VERSION}.json"


# --------------------------------------------------------------------------
# The copies that are published
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Rendition:
    name: str          # file name beside the entry page, e.g. "photo-1-640.jpg"
    source: Path       # the cached copy to publish
    width: int
    height: int


@dataclass(frozen=True)
class PhotoSet:
    target: str                        # the photo's path as the entry names it
    width: int                         # of the largest copy
    height: int
    renditions: tuple[Rendition, ...]  # smallest first; the last is the largest copy

    @property
    def srcset(self) -> str:
        return ", ".join(f"{r.name} {r.width}w" for r in self.renditions)

    @property
    def smallest(self) -> Rendition:
        return self.renditions[0]

    @property
    def largest(self) -> Rendition:
        return self.renditions[-1]

    def fitting(self, width: int) -> Rendition:
        """The smallest copy at least ``width`` wide (or the largest there is)."""
        return next((r for r in self.renditions if r.width >= width), self.renditions[-1])


def _resized_name(target: str, width: int) -> str:
    stem, _, _ = target.rpartition(".")
    return f"{stem or target}-{width}.jpg"


def copy_sizes(width: int, height: int) -> list[tuple[int, int]]:
    """(width, height) of each copy of a photo shown ``width`` × ``height``: the standard
    widths below the largest copy, then the largest (long edge at most LARGEST, never
    enlarged)."""
    scale = min(1.0, LARGEST / max(width, height, 1))
    top_w, top_h = max(1, round(width * scale)), max(1, round(height * scale))
    return [(w, max(1, round(height * w / width))) for w in WIDTHS if w < top_w] + [(top_w, top_h)]


def copy_names(target: str, verdict: PhotoVerdict) -> list[str]:
    return [_resized_name(target, w) for w, _ in copy_sizes(verdict.width, verdict.height)]


def _pixels(source: Path, size: tuple[int, int]) -> Image.Image:
    """The photo's pixels, upright, in sRGB, on white where transparent, at least
    ``size`` (JPEGs are decoded at the smallest scale that is)."""
    with Image.open(source) as image:
        if image.format in ("JPEG", "MPO"):
            rotated = image.getexif().get(0x0112) in _ROTATED
            image.draft("RGB", (size[1], size[0]) if rotated else size)
        icc = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)
    if upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P"
                                                 and "transparency" in upright.info):
        rgba = upright.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        upright = Image.alpha_composite(white, rgba)
    rgb = upright.convert("RGB")
    if icc:
        try:
            rgb = ImageCms.profileToProfile(rgb, ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                                            ImageCms.createProfile("sRGB"), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass        # a broken profile: the pixels as they are
    return rgb


def prepare_photo(photo: Photo, verdict: PhotoVerdict, cache: Path) -> PhotoSet:
    """The published copies of one photo (made once per content, then cached)."""
    sizes = copy_sizes(verdict.width, verdict.height)
    renditions = []
    pixels: Image.Image | None = None
    for w, h in sizes:
        cached = cache / f"{verdict.digest}-{CACHE_VERSION}-{w}.jpg"
        if not cached.exists():
            if pixels is None:
                pixels = _pixels(photo.source, sizes[-1])
            cache.mkdir(parents=True, exist_ok=True)
            small = pixels.resize((w, h), Image.Resampling.LANCZOS)
            small.info = {}             # no comment, EXIF or XMP carried over
            partial = cached.with_name(f"{cached.name}.{os.getpid()}.part")
            small.save(partial, "JPEG", quality=QUALITY, optimize=True, progressive=True)
            partial.replace(cached)
        renditions.append(Rendition(_resized_name(photo.target, w), cached, w, h))
    top = renditions[-1]
    return PhotoSet(photo.target, top.width, top.height, tuple(renditions))


def photo_problems(entry: Entry, verdicts: PhotoVerdicts) -> list[Problem]:
    """Why the entry's photos cannot be published: not a photo we publish, or a copy
    whose name another file beside the entry page already has."""
    problems: list[Problem] = []
    taken = {"index.html": "the entry page"}
    for photo in entry.photos:
        field = "image" if photo.target == entry.image else "body"
        verdict = verdicts.verdict(photo.source)
        if verdict.problem:
            problems.append(Problem(entry.source, photo.line, field,
                                    f"photo '{photo.target}': {verdict.problem}"))
            continue
        mine = f"photo '{photo.target}'"
        for name in copy_names(photo.target, verdict):
            owner = taken.setdefault(name, mine)
            if owner != mine:
                problems.append(Problem(entry.source, photo.line,
                                        field, f"{mine} would be published as {name}, the"
                                               f" name of {owner}; rename the photo"))
                break
    return problems


def prepare(entries: list[Entry], cache: Path, verdicts: PhotoVerdicts | None = None
            ) -> tuple[dict[tuple[str, str], PhotoSet], list[Problem]]:
    """The copies of every photo of every entry, by (slug, target); problems as
    ``photo_problems`` finds them (validation has normally found them first)."""
    verdicts = verdicts or PhotoVerdicts()
    sets: dict[tuple[str, str], PhotoSet] = {}
    problems: list[Problem] = []
    for e in entries:
        found = photo_problems(e, verdicts)
        problems += found
        if found:
            continue
        for photo in e.photos:
            try:
                sets[(e.slug, photo.target)] = prepare_photo(photo, verdicts.verdict(photo.source),
                                                             cache)
            except (OSError, ValueError, SyntaxError, EOFError) as err:
                problems.append(Problem(e.source, photo.line,
                                        "image" if photo.target == e.image else "body",
                                        f"photo '{photo.target}' cannot be resized"
                                        f" ({_short(err)}); save it again as JPEG"))
    return sets, problems
