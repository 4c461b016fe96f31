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

from ..model.entry import LocalLink, Photo
from ..model.problems import CONTROL, printable
from ..model.urls import url_scheme
from .fields import Checker

# Photos are published only as copies the build makes (assets/photos.py), from these types.
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
ENTRY_SUFFIXES = (".md", ".markdown")

_IMAGE_MD = re.compile(r"!\[[^\]]{0,2000}\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_IMAGE_HTML = re.compile(r"<img\b[^>]{0,2000}\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_LINK_MD = re.compile(r"(?<!!)\[(?:[^\]\\\n]|\\.){0,2000}\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_LINK_REF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?", re.M)
_LINK_HTML = re.compile(r"<a\b[^>]{0,2000}\bhref\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
ENTRY_SUFFIXES = (".md", ".markdown")


def _check_photo(c: Checker, name: str, ref: str, entry_dir: Path,
                 news_root: Path, line: int | None = None) -> Photo | None:
    def bad(message: str) -> None:
        c.add(name, message, line=line)

    if CONTROL.search(ref):
        return bad("the photo's file name contains control characters; rename the file")
    clean = ref.split("#", 1)[0].split("?", 1)[0]
    pure = PurePosixPath(clean.replace("\\", "/"))
    if not clean.strip() or not pure.name or pure.name in (".", ".."):
        return bad(f"'{printable(ref[:80])}' is not the name of a photo file; write the"
                   " file's name, such as photo-1.jpg")
    if pure.is_absolute() or clean.startswith(("/", "\\")) or ".." in pure.parts:
        return bad(f"photo '{ref[:80]}' must be a path next to the entry, such as"
                   " photo-1.jpg (no leading / and no ..)")
    if pure.suffix.lower() not in PHOTO_SUFFIXES:
        return bad(f"'{printable(pure.name[:80])}' is not a photo the site publishes: photos"
                   " are JPEG, PNG or WebP files (.jpg, .jpeg, .png, .webp)")
    source = entry_dir / Path(*pure.parts)
    try:
        real = source.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        return bad(f"photo '{ref[:80]}' does not exist; put the file next to"
                   f" {c.source.rsplit('/', 1)[-1]}")
    if not real.is_relative_to(news_root.resolve()):
        return bad(f"photo '{ref[:80]}' points outside the news folder")
    if not real.is_file():
        return bad(f"photo '{ref[:80]}' is a folder, not a photo file")
    return Photo(source=real, target=pure.as_posix(), line=c.line(name) if line is None else line)


def _line_at(body: str, at: int, body_line: int) -> int:
    return body_line + body.count("\n", 0, at)


def _body_images(body: str, body_line: int) -> list[tuple[str, int]]:
    """Local photos the body shows: (reference as written, line in the file)."""
    found = [(m.group(1), m.start(1)) for pattern in (_IMAGE_MD, _IMAGE_HTML)
             for m in pattern.finditer(body)]
    return [(ref, _line_at(body, at, body_line)) for ref, at in sorted(found, key=lambda f: f[1])
            if _is_local(ref)]


def _is_local(ref: str) -> bool:
    """Whether a URL in the body names a file of the site's own, read as the browser
    reads it: entities decoded, spaces and controls around and tabs inside dropped
    (so 'java&#9;script:…' is a script URL for the sanitiser, not a file name)."""
    decoded = html.unescape(ref)
    return url_scheme(decoded) is None and not decoded.strip().startswith(("//", "\\\\"))


def _local_links(body: str, body_line: int) -> list[tuple[str, int, bool]]:
    """Links to files of the site's own (relative, with a path): (href, line, whether in
    raw HTML, which Markdown does not rewrite)."""
    found = [(m.group(1), m.start(1), pattern is _LINK_HTML)
             for pattern in (_LINK_MD, _LINK_REF, _LINK_HTML) for m in pattern.finditer(body)]
    return [(href, _line_at(body, at, body_line), raw)
            for href, at, raw in sorted(found, key=lambda f: f[1])
            if _is_local(href) and not html.unescape(href).strip().startswith(("/", "\\", "#", "?"))
            and href.split("#", 1)[0].split("?", 1)[0].strip()]


def _check_link(c: Checker, href: str, line: int, raw: bool, entry_dir: Path,
                news_root: Path) -> tuple[LocalLink | None, Photo | None]:
    """A link to another entry's file (rewritten to its page) or to a photo next to
    the entry (published as copies, the link pointing at the largest)."""
    path = href.split("#", 1)[0].split("?", 1)[0]
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in PHOTO_SUFFIXES:
        return None, _check_photo(c, "body", href, entry_dir, news_root, line)
    target = (entry_dir / path.replace("\\", "/")).resolve()
    if (target / "index.md").is_file():
        target = target / "index.md"
    if target.suffix.lower() not in ENTRY_SUFFIXES or not target.is_file():
        c.add("body", f"the link '{printable(href[:80])}' leads to no entry or photo: link"
                      " another entry by its file (../2564/2020-11-06-x.md), a photo next to"
                      " this entry by its name, a web page by its full address (https://…)",
              line=line)
        return None, None
    if raw:
        c.add("body", f"the HTML link '{printable(href[:80])}' to another entry's file would"
                      " not lead to its page; write it as a Markdown link [text](file.md)",
              line=line)
        return None, None
    if not target.is_relative_to(news_root.resolve()):
        c.add("body", f"the link '{printable(href[:80])}' leads outside the news folder",
              line=line)
        return None, None
    return LocalLink(href=href, target=target, line=line), None


def cover_and_body_photos(c: Checker, image: str | None, body: str, body_line: int,
                          entry_dir: Path, news_root: Path
                          ) -> tuple[Photo | None, list[Photo], list[LocalLink]]:
    """The cover, the photos the entry shows or links to (each once, the cover first),
    and its links to entries' files."""
    photos: list[Photo] = []

    def keep(photo: Photo | None) -> None:
        if photo and photo.target not in {p.target for p in photos}:
            photos.append(photo)

    cover = _check_photo(c, "image", image, entry_dir, news_root) if image is not None else None
    keep(cover)
    for ref, line in _body_images(body, body_line):
        keep(_check_photo(c, "body", ref, entry_dir, news_root, line))
    links: list[LocalLink] = []
    for href, line, raw in _local_links(body, body_line):
        link, photo = _check_link(c, href, line, raw, entry_dir, news_root)
        if link:
            links.append(link)
        keep(photo)
    return cover, photos, links
