"""Whether a photo is one the site publishes, found once per file and kept.

A file Pillow can read as a picture may also be an HTML page (a GIF/HTML
polyglot); a 17 KB PNG can claim 144 million pixels. ``PhotoVerdicts.verdict``
(during validation, in ``newsroom check`` and the build alike) says whether a
photo is a JPEG, PNG or WebP whose type matches its name, whole (decoded to the
end), within ``MAX_PIXELS`` and ``MAX_BYTES``. Verdicts are kept in .cache/photos/
keyed by the file's path, size and modification time, so a check of 10,000
entries does not decode their photos again; an entry of that file that is not
what this version writes is ignored, never trusted.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .. import whole_files
from ..model.messages import CATALOGUE, say

VERDICTS_VERSION = "4"      # 3: problems kept as message keys; 4: whole_files.write_keyed
_KEY = f"photo-verdicts-{VERDICTS_VERSION}"
_OLDER = re.compile(r"verdicts-\d+\.json")      # the files of every version (verdicts_file)
MAX_PIXELS = 60_000_000        # a 50-megapixel phone photo fits; decoding costs 3 bytes a pixel
MAX_BYTES = 40_000_000
# The types a photo's name may say, and what Pillow must find inside (MPO: a camera's JPEG
# with a second picture in it).
FORMATS = {".jpg": {"JPEG", "MPO"}, ".jpeg": {"JPEG", "MPO"}, ".png": {"PNG"},
           ".webp": {"WEBP"}}
ROTATED = {5, 6, 7, 8}         # EXIF orientations that swap width and height



@dataclass(frozen=True)
class PhotoVerdict:
    digest: str            # of the file's bytes; keys the cached copies
    width: int             # as shown (EXIF orientation applied)
    height: int
    problem: str | None = None                   # why not published: a message key, or None
    values: tuple[tuple[str, str], ...] = ()     # what the message says of this photo

    def message(self) -> str:
        """The problem in the writer's language (kept as a key: the cache holds no words)."""
        return say(self.problem, **dict(self.values)) if self.problem else ""


def _refused(digest: str, key: str, shape: tuple[int, int] = (0, 0), **values: object
             ) -> PhotoVerdict:
    """A photo not published: why, as a message key and the values it names."""
    return PhotoVerdict(digest, shape[0], shape[1], key,
                        tuple(sorted((k, str(v)) for k, v in values.items())))


def _size_text(n: int) -> str:
    return f"{n / 1_000_000:.0f} MB"


def inspect(path: Path) -> PhotoVerdict:
    """Read a photo to the end and judge it (a few milliseconds for a phone photo:
    JPEGs are decoded at an eighth of their size, which still reads every byte)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return _refused("", "photo.too_big", size=_size_text(size), limit=_size_text(MAX_BYTES))
        data = path.read_bytes()
    except OSError as e:
        return _refused("", "file.unreadable", why=e.strerror or e)
    digest = hashlib.sha256(data).hexdigest()[:32]
    expected = FORMATS.get(path.suffix.lower(), set())
    try:
        with warnings.catch_warnings():
            # our own MAX_PIXELS is below Pillow's warning: the budget is checked below
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format or "?"
                if kind not in expected:
                    return _refused(digest, "photo.wrong_kind", kind=_kind(kind, english=False),
                                    kind_en=_kind(kind, english=True), suffix=path.suffix)
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return _refused(digest, "photo.pixels", (width, height), width=width,
                                    height=height, millions=f"{width * height / 1e6:.0f}",
                                    limit=MAX_PIXELS // 1_000_000)
                if image.getexif().get(0x0112) in ROTATED:
                    width, height = height, width
                if kind in ("JPEG", "MPO"):
                    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
    except Image.DecompressionBombError:
        return _refused(digest, "photo.bomb", over=2 * Image.MAX_IMAGE_PIXELS // 1_000_000,
                        limit=MAX_PIXELS // 1_000_000)
    except UnidentifiedImageError:
        return _refused(digest, "photo.not_image")
    except (OSError, ValueError, SyntaxError, EOFError) as e:
        return _refused(digest, "photo.damaged", why=_short(e))
    return PhotoVerdict(digest, width, height)


_KINDS = {"GIF": "kind.gif", "BMP": "kind.bmp", "TIFF": "kind.tiff", "ICO": "kind.ico",
          "PNG": "kind.png", "JPEG": "kind.jpeg", "MPO": "kind.jpeg", "WEBP": "kind.webp"}


def _kind(pillow_format: str, english: bool) -> str:
    message = CATALOGUE[_KINDS.get(pillow_format, "kind.other")]
    return (message.en if english else message.th).format(format=pillow_format)


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
        try:
            whole_files.write_keyed(self.file, _KEY,
                                    {k: asdict(v) for k, v in self.known.items()})
            self.new = {}
        except (OSError, ValueError):
            return          # a cache that cannot be written only costs time
        for other in self.file.parent.glob("verdicts-*.json"):     # other versions'
            if other != self.file and _OLDER.fullmatch(other.name):
                other.unlink(missing_ok=True)


def _read_verdicts(file: Path) -> dict[str, PhotoVerdict]:
    kept = whole_files.read_keyed(file, _KEY)
    if not isinstance(kept, dict):
        return {}
    try:
        found = {}
        for key, v in kept.items():
            problem = v["problem"]
            if problem is not None and str(problem) not in CATALOGUE:
                continue                    # a key this version does not know: made again
            verdict = PhotoVerdict(str(v["digest"]), int(v["width"]), int(v["height"]),
                                   None if problem is None else str(problem),
                                   tuple((str(k), str(x)) for k, x in v["values"]))
            found[str(key)] = verdict
        return found
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def verdicts_file(root: Path) -> Path:
    return root / ".cache" / "photos" / f"verdicts-{VERDICTS_VERSION}.json"
