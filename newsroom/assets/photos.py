"""Entry photos as the site publishes them: copies we make, never the writer's file.

``prepare`` makes the copies: JPEG and WebP at a few widths, the largest at most
``LARGEST`` px on its long edge, orientation applied to the pixels, colours
converted to sRGB, and nothing but pixels in the file (no EXIF, GPS, XMP,
comments or thumbnails). Copies are cached by content hash (the digest the
photo's verdict holds: photo_check.py), so an unchanged photo is never resized
twice. ``photo_problems`` is what validation asks of each entry's photos.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from .. import speed, whole_files
from ..model.entry import Entry, Photo
from ..model.messages import say
from ..model.problems import Problem
from .photo_check import ROTATED, PhotoVerdict, PhotoVerdicts

WIDTHS = (320, 640, 1280)      # phone thumbnails, phone full width, desktop
LARGEST = 1600                 # long edge of the largest copy
QUALITY = 78
STEP = 0.75                    # a standard width is made when at most this share of the largest
RESAMPLE = Image.Resampling.BICUBIC   # a fifth faster than LANCZOS at these sizes
SIZES = "(max-width: 45em) 100vw, 45em"
COPIES_VERSION = "4"      # 3: each size resized from the next larger copy; 4: bicubic


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
    renditions: tuple[Rendition, ...]  # JPEG, smallest first; the last is the largest copy
    webp: tuple[Rendition, ...] = ()   # the same sizes as WebP, for browsers that take it

    @property
    def srcset(self) -> str:
        return ", ".join(f"{r.name} {r.width}w" for r in self.renditions)

    @property
    def webp_srcset(self) -> str:
        return ", ".join(f"{r.name} {r.width}w" for r in self.webp)

    @property
    def files(self) -> tuple[Rendition, ...]:
        """Every file published for the photo."""
        return (*self.renditions, *self.webp)

    @property
    def smallest(self) -> Rendition:
        return self.renditions[0]

    @property
    def largest(self) -> Rendition:
        return self.renditions[-1]

    def fitting(self, width: int) -> Rendition:
        """The smallest copy at least ``width`` wide (or the largest there is)."""
        return next((r for r in self.renditions if r.width >= width), self.renditions[-1])


FORMATS = (("jpg", "JPEG", {"quality": QUALITY, "optimize": True, "progressive": True}),
           ("webp", "WEBP", {"quality": 75, "method": 2}))    # method 2: a third of 4's time


def _resized_name(target: str, width: int, suffix: str = "jpg") -> str:
    stem, _, _ = target.rpartition(".")
    return f"{stem or target}-{width}.{suffix}"


def copy_sizes(width: int, height: int) -> list[tuple[int, int]]:
    """(width, height) of each copy of a photo shown ``width`` × ``height``: the standard
    widths at most STEP of the largest copy, then the largest (long edge at most
    LARGEST, never enlarged). A copy closer to the largest than that (640 px of an
    800 px photo) would spare the few readers whose screens pick it a third of the
    pixels, and cost a resize and two encodings, a third of the photo's time."""
    scale = min(1.0, LARGEST / max(width, height, 1))
    top_w, top_h = max(1, round(width * scale)), max(1, round(height * scale))
    return ([(w, max(1, round(height * w / width))) for w in WIDTHS if w <= STEP * top_w]
            + [(top_w, top_h)])


def copy_names(target: str, verdict: PhotoVerdict) -> list[str]:
    return [_resized_name(target, w, suffix) for suffix, _, _ in FORMATS
            for w, _ in copy_sizes(verdict.width, verdict.height)]


def _pixels(source: Path, size: tuple[int, int]) -> Image.Image:
    """The photo's pixels, upright, in sRGB, on white where transparent, at least
    ``size`` (JPEGs are decoded at the smallest scale that is)."""
    with Image.open(source) as image:
        if image.format in ("JPEG", "MPO"):
            rotated = image.getexif().get(0x0112) in ROTATED
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
    """The published copies of one photo, JPEG and WebP (made once per content, then
    cached). Each size is resized once for both formats, from the next larger copy
    (the largest from the photo): a third of the resampling of each from the photo."""
    sizes = copy_sizes(verdict.width, verdict.height)
    wanted = {(w, suffix): _cached_copy(cache, verdict, w, suffix)
              for suffix, _, _ in FORMATS for w, _ in sizes}
    if any(not path.exists() for path in wanted.values()):
        cache.mkdir(parents=True, exist_ok=True)
        larger = _pixels(photo.source, sizes[-1])
        for w, h in reversed(sizes):
            small = larger.resize((w, h), RESAMPLE)
            small.info = {}                 # no comment, EXIF or XMP carried over
            for suffix, kind, options in FORMATS:
                cached = wanted[w, suffix]
                if not cached.exists():
                    with whole_files.replacing(cached) as partial:
                        small.save(partial, kind, **options)
            larger = small
    made = {suffix: tuple(Rendition(_resized_name(photo.target, w, suffix), wanted[w, suffix], w, h)
                          for w, h in sizes) for suffix, _, _ in FORMATS}
    top = made["jpg"][-1]
    return PhotoSet(photo.target, top.width, top.height, made["jpg"], made["webp"])


def photo_problems(entry: Entry, verdicts: PhotoVerdicts) -> list[Problem]:
    """Why the entry's photos cannot be published: not a photo we publish, or a copy
    whose name another file beside the entry page already has (Cover-320.jpg and
    cover-320.jpg are one file on a host that ignores case)."""
    problems: list[Problem] = []
    taken = {"index.html": say("photo.owner.page")}
    for photo in entry.photos:
        field = "image" if photo.target == entry.image else "body"
        verdict = verdicts.verdict(photo.source)
        if verdict.problem:
            problems.append(Problem(entry.source, photo.line, field,
                                    say("photo.problem", target=photo.target, why=verdict.message())))
            continue
        mine = say("photo.owner.photo", target=photo.target)
        for name in copy_names(photo.target, verdict):      # case ignored, as some hosts do
            owner = taken.setdefault(name.casefold(), mine)
            if owner != mine:
                problems.append(Problem(entry.source, photo.line, field,
                                        say("photo.clash", target=photo.target, name=name,
                                            owner=owner)))
                break
    return problems


def _cached_copy(cache: Path, verdict: PhotoVerdict, width: int, suffix: str = "jpg") -> Path:
    return cache / f"{verdict.digest}-{COPIES_VERSION}-{width}.{suffix}"


def _missing(photo: Photo, verdict: PhotoVerdict, cache: Path) -> bool:
    return any(not _cached_copy(cache, verdict, w, suffix).exists() for suffix, _, _ in FORMATS
               for w, _ in copy_sizes(verdict.width, verdict.height))


def _make_copies(job: tuple[Photo, PhotoVerdict, Path]) -> str | None:
    """In a worker: one photo's copies into the cache; why not, if they cannot be made."""
    photo, verdict, cache = job
    try:
        prepare_photo(photo, verdict, cache)
    except (OSError, ValueError, SyntaxError, EOFError) as err:
        return " ".join(str(err).split())[:80] or type(err).__name__
    return None


PARALLEL_FROM = 8       # photos to encode before the machine's cores share the work


def _encode_in_parallel(jobs: list[tuple[Photo, PhotoVerdict, Path]]) -> None:
    """Encode photos on every core (a speed layer: forked workers, only when this
    process has no other thread, and never with NEWSROOM_FAST=0). What a worker could
    not make is made again, and reported, by the caller."""
    workers = os.cpu_count() or 1
    if (len(jobs) < PARALLEL_FROM or workers < 2 or not speed.fast()
            or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(_make_copies, jobs, chunksize=4)


def prepare(entries: list[Entry], cache: Path, verdicts: PhotoVerdicts | None = None
            ) -> tuple[dict[tuple[str, str], PhotoSet], list[Problem]]:
    """The copies of every photo of every entry, by (slug, target); problems as
    ``photo_problems`` finds them (validation has normally found them first). Photos
    with no copies in the cache yet are encoded on every core first."""
    verdicts = verdicts or PhotoVerdicts()
    sets: dict[tuple[str, str], PhotoSet] = {}
    problems: list[Problem] = []
    ready = []
    for e in entries:
        found = photo_problems(e, verdicts)
        problems += found
        if not found:
            ready.append(e)
    jobs = [(photo, verdicts.verdict(photo.source), cache) for e in ready for photo in e.photos]
    _encode_in_parallel([job for job in jobs if _missing(*job)])
    for e in ready:
        for photo in e.photos:
            try:
                sets[(e.slug, photo.target)] = prepare_photo(photo, verdicts.verdict(photo.source),
                                                             cache)
            except (OSError, ValueError, SyntaxError, EOFError) as err:
                problems.append(Problem(e.source, photo.line,
                                        "image" if photo.target == e.image else "body",
                                        say("photo.resize", target=photo.target,
                                            why=" ".join(str(err).split())[:80])))
    return sets, problems
