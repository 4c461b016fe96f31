"""The files an entry's body and cover name: its photos, and other entries' files.

Every photo the entry shows (its cover, an image in the body) or links to must
be a file next to it, inside news/, of a type the site publishes; a relative
link is to a photo of the entry or to another entry's file (whose page the link
will lead to: the corpus checks there is such an entry). Anything with a scheme,
or starting with / or #, is an address elsewhere and not checked here; URLs are
read as the browser reads them (entities decoded), so 'java&#9;script:…' is a
script URL for the sanitiser, not a file name.
"""

from __future__ import annotations

import html
import re
from pathlib import Path, PurePosixPath
from typing import Callable
from urllib.parse import unquote

from ..model.entry import GalleryPhoto, LocalLink, Photo
from ..model.messages import say
from ..model.problems import CONTROL, printable
from ..model.urls import url_scheme
from .fields import Checker
from .links import references

# Photos are published only as copies the build makes (assets/photos.py), from these types.
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
ENTRY_SUFFIXES = (".md", ".markdown")
# A photo's name becomes the names of its copies, in src and srcset attributes and URLs:
# letters (Thai too), digits, - _ . only.
_SAFE_NAME = re.compile(r"^[A-Za-z0-9\u0e01-\u0e5b_][A-Za-z0-9\u0e01-\u0e5b_.\-]*$")


def _real_folder(folder: Path) -> Callable[[], Path]:
    """The folder with its links resolved, asked of the file system once, when first
    needed (each photo and link of an entry is checked against it)."""
    found: list[Path] = []

    def real() -> Path:
        if not found:
            found.append(folder.resolve())
        return found[0]
    return real


def _check_photo(c: Checker, name: str, ref: str, entry_dir: Path,
                 real_news: Callable[[], Path], line: int | None = None) -> Photo | None:
    def bad(message: str) -> None:
        c.add(name, message, line=line)

    if CONTROL.search(ref):
        return bad(say("photo.control"))
    clean = unquote(ref.split("#", 1)[0].split("?", 1)[0])    # %2e%2e is .., as MkDocs reads it
    pure = PurePosixPath(clean.replace("\\", "/"))
    if not clean.strip() or not pure.name or pure.name in (".", ".."):
        return bad(say("photo.not_a_name", ref=printable(ref[:80])))
    if pure.is_absolute() or clean.startswith(("/", "\\")) or ".." in pure.parts:
        return bad(say("photo.outside_entry", ref=printable(ref[:80])))
    if "\\" in clean:
        return bad(say("photo.backslash", ref=printable(ref[:80])))
    bad_name = next((part for part in pure.parts if not _SAFE_NAME.match(part)), None)
    if bad_name is not None:
        return bad(say("photo.bad_name", name=printable(bad_name[:80])))
    if pure.suffix.lower() not in PHOTO_SUFFIXES:
        return bad(say("photo.type", name=printable(pure.name[:80])))
    source = entry_dir / Path(*pure.parts)
    try:
        real = source.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        return bad(say("photo.missing", ref=printable(ref[:80]), file=c.source.rsplit("/", 1)[-1]))
    if not real.is_relative_to(real_news()):
        return bad(say("photo.outside_news", ref=printable(ref[:80])))
    if not real.is_file():
        return bad(say("photo.folder", ref=printable(ref[:80])))
    return Photo(source=real, target=pure.as_posix(), line=c.line(name) if line is None else line)


def _line_at(body: str, at: int, body_line: int) -> int:
    return body_line + body.count("\n", 0, at)


def _is_local(ref: str, image: bool) -> bool:
    """Whether a URL in the body names a file of the site's own, read as the browser
    reads it: entities decoded, spaces and controls around and tabs inside dropped
    (so 'java&#9;script:…' is a script URL for the sanitiser, not a file name), and
    with a path (not only #part or ?query). A link may lead to a page of the site by
    its address (/provinces/nan/); an image must be a photo of the entry's."""
    decoded = html.unescape(ref).strip()
    if url_scheme(decoded) is not None or decoded.startswith(("//", "\\\\")):
        return False
    if not image and decoded.startswith(("/", "#", "?")):
        return False
    return bool(decoded.split("#", 1)[0].split("?", 1)[0].strip())


def _check_link(c: Checker, href: str, line: int, raw: bool, entry_dir: Path,
                real_news: Callable[[], Path]) -> tuple[LocalLink | None, Photo | None]:
    """A link to another entry's file (rewritten to its page) or to a photo next to
    the entry (published as copies, the link pointing at the largest)."""
    path = unquote(href.split("#", 1)[0].split("?", 1)[0])
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in PHOTO_SUFFIXES:
        return None, _check_photo(c, "body", href, entry_dir, real_news, line)
    target = (entry_dir / path.replace("\\", "/")).resolve()
    if (target / "index.md").is_file():
        target = target / "index.md"
    if target.suffix.lower() not in ENTRY_SUFFIXES or not target.is_file():
        c.add("body", say("link.nowhere", href=printable(href[:80])),
              line=line)
        return None, None
    if raw:
        c.add("body", say("link.raw_html", href=printable(href[:80])),
              line=line)
        return None, None
    if not target.is_relative_to(real_news()):
        c.add("body", say("link.outside", href=printable(href[:80])),
              line=line)
        return None, None
    return LocalLink(href=href, target=target, line=line), None


def gallery_photos(c: Checker, gallery: tuple[tuple[str, str], ...], entry_dir: Path,
                   news_root: Path) -> tuple[list[Photo], list[GalleryPhoto]]:
    """The gallery's files, checked as every photo is, and what the page shows of them."""
    photos, shown = [], []
    real_news = _real_folder(news_root)
    for name, caption in gallery:
        photo = _check_photo(c, "photos", name, entry_dir, real_news)
        if photo is not None:
            photos.append(photo)
            shown.append(GalleryPhoto(photo.target, caption))
    return photos, shown


def cover_and_body_photos(c: Checker, image: str | None, body: str, body_line: int,
                          entry_dir: Path, news_root: Path
                          ) -> tuple[Photo | None, list[Photo], list[LocalLink]]:
    """The cover, the photos the entry shows or links to (each once, the cover first),
    and its links to entries' files."""
    photos: list[Photo] = []
    real_news = _real_folder(news_root)

    def keep(photo: Photo | None) -> None:
        if photo and photo.target not in {p.target for p in photos}:
            photos.append(photo)

    cover = _check_photo(c, "image", image, entry_dir, real_news) if image is not None else None
    keep(cover)
    links: list[LocalLink] = []
    for ref in references(body):
        if not _is_local(ref.url, ref.image):
            continue
        line = _line_at(body, ref.at, body_line)
        if ref.image:
            keep(_check_photo(c, "body", ref.url, entry_dir, real_news, line))
            continue
        link, photo = _check_link(c, ref.url, line, ref.raw, entry_dir, real_news)
        if link:
            links.append(link)
        keep(photo)
    return cover, photos, links
