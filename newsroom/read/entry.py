"""One news entry: read a Markdown file, check it, build an Entry.

``read_entry`` never raises on bad input: it returns the Entry (or None) and
every Problem it found, each with the line in the file. The build and
``newsroom check`` both call it, so writers get exactly the same rules from
both. The steps, each in its own module:

    the file      size, links out of news/, UTF-8, NUL      (here, text.py)
    front matter  YAML, bounded, with each key's line        (front_matter.py)
    fields        the field table, one rule a field          (fields.py)
    the body      what it may cost to render                 (body.py)
    its files     the cover and body photos, entries linked  (references.py)
    across fields a photographer for photos, a body at all   (here)
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..model.entry import Entry
from ..model.messages import CATALOGUE, say
from ..model.problems import CONTROL, Problem, control_message, printable
from .body import body_problems
from .fields import INVALID, Checker, check_fields
from .front_matter import parse_front_matter
from .references import cover_and_body_photos, gallery_photos
from .text import decode, split_front_matter

MAX_FILE_BYTES = 2_000_000
PLACEHOLDER = CATALOGUE["new.placeholder"].th      # the body `newsroom new` writes
SUMMARY_LENGTH = 180


def source_path(path: Path, root: Path) -> str:
    """The path as writers see it, relative to the project ("news/2564/x.md")."""
    if path.is_absolute() and root.is_absolute():
        try:
            return path.relative_to(root).as_posix()     # no file system calls
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_text(path: Path, news_root: Path, raw: bytes | None) -> tuple[str | None, str | None]:
    """The file's text, or why it cannot be an entry (what it links to, its size, its
    encoding, NUL characters)."""
    if raw is None and path.is_symlink():
        try:
            inside = path.resolve(strict=True).is_relative_to(news_root.resolve())
        except (OSError, RuntimeError):
            return None, say("file.link_missing")
        if not inside:
            return None, say("file.link_outside")
    if raw is None:
        try:
            with open(path, "rb") as f:
                raw = f.read(MAX_FILE_BYTES + 1)
        except OSError as e:
            return None, say("file.unreadable", why=e.strerror or e)
    if len(raw) > MAX_FILE_BYTES:
        return None, say("file.too_big", limit=MAX_FILE_BYTES // 1_000_000)
    text, error = decode(raw)
    if text is None:
        return None, error or "cannot be decoded"
    if "\x00" in text:
        return None, say("file.nul")
    return text, None


def not_utf8(name: str) -> bool:
    """Whether a name the file system gave holds bytes that are not UTF-8 (Python keeps
    them as surrogate escapes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def name_problem(source: str) -> Problem:
    """What to say of a file whose path is not UTF-8, its Thai shown as Windows would
    have meant it (TIS-620, code page 874) when it reads so."""
    shown = ""
    try:
        meant = os.fsencode(source).decode("cp874")
        if re.search("[\u0e01-\u0e5b]", meant):
            shown = meant
    except (UnicodeDecodeError, ValueError):
        pass
    meant = say("file.name_not_utf8.meant", meant=shown) if shown else ""
    return Problem(printable(source), 0, "file",
                   say("file.name_not_utf8", name=printable(source), meant=meant))


def read_entry(path: Path, root: Path, news_root: Path | None = None,
               raw: bytes | None = None) -> tuple[Entry | None, list[Problem]]:
    """Read and check one entry file (``raw``: its bytes, if they are not on disk yet).

    ``root`` is the project folder (paths in messages are relative to it);
    ``news_root`` is the folder photos must stay inside (default root/news).
    """
    path = Path(path)
    source = source_path(path, Path(root))
    news_root = Path(news_root) if news_root else Path(root) / "news"
    if not_utf8(source):
        return None, [name_problem(source)]
    text, error = _read_text(path, news_root, raw)
    if text is None:
        return None, [Problem(source, 0, "file", error or "cannot be read")]
    front, body, body_line, error = split_front_matter(text)
    if error:
        return None, [Problem(source, 1, "file", error)]
    data, key_lines, error, error_line = parse_front_matter(front or "")
    if data is None:
        return None, [Problem(source, error_line + 1 if error_line else 1, "front matter",
                              error or "invalid front matter")]

    c = Checker(source, {k: line + 1 for k, line in key_lines.items()}, path)
    values = check_fields(c, data)
    limits = body_problems(body)
    for line, message in limits:
        c.add("body", message, line=body_line + line - 1)
    image = values["image"] if values["image"] is not INVALID else None
    cover, photos, links = (None, [], []) if limits else cover_and_body_photos(
        c, image, body, body_line, path.parent, news_root)
    gallery_files, gallery = gallery_photos(
        c, values["photos"] if values["photos"] is not INVALID else (), path.parent, news_root)
    photos += [p for p in gallery_files if p.target not in {q.target for q in photos}]
    if photos and not values["photographer"] and "photographer" not in data:
        c.add("photographer", say("photo.no_photographer"), line=1)
    if not body.strip():
        c.add("body", say("body.empty"), line=body_line)
    elif values["draft"] is False and PLACEHOLDER in body:
        c.add("body", say("body.placeholder"), line=body_line)
    bad = CONTROL.search(body)
    if bad:
        c.add("body", control_message(bad.group()),
              line=body_line + body[:bad.start()].count("\n"))
    if c.problems:
        return None, c.problems
    return Entry(
        path=path, source=source, title=values["title"], published=values["date"],
        authors=values["author"], photographers=values["photographer"],
        provinces=values["province"], year=values["year"], tags=values["tags"],
        summary=values["summary"] or default_summary(body),
        image=cover.target if cover else None, slug=values["slug"],
        draft=values["draft"], body=body, photos=tuple(photos), links=tuple(links),
        gallery=tuple(gallery)), []


def default_summary(body: str) -> str:
    """Plain text of the first paragraph, cut near SUMMARY_LENGTH characters."""
    for block in re.split(r"\n\s*\n", body):
        text = block.strip()
        if not text or text.startswith(("#", "!", "<", "|", "```", "---")):
            continue
        text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        text = re.sub(r"[*_`>]+", "", text)
        text = re.sub(r"^\s*(?:[-+]|\d+\.)\s+", "", text, flags=re.M)
        text = " ".join(text.split())
        if not text:
            continue
        if len(text) <= SUMMARY_LENGTH:
            return text
        cut = text.rfind(" ", SUMMARY_LENGTH - 60, SUMMARY_LENGTH)
        return text[: cut if cut > 0 else SUMMARY_LENGTH].rstrip() + "…"
    return ""


