"""One news entry: read a Markdown file, check its front matter, build an Entry.

``read_entry`` never raises on bad input: it returns the Entry (or None) and
every Problem it found, each with the line of the field in the file. The
build hook and ``newsroom check`` both call it, so writers get exactly the
same rules from both.
"""

from __future__ import annotations

import difflib
import hashlib
import html
import re
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from . import province as provinces
from .body_limits import body_problems
from .sanitize import url_scheme
from .problems import Problem
from .program_year import (
    FIRST_PROGRAM_YEAR, LAST_PROGRAM_YEAR, BE_OFFSET, bangkok_datetime, be_year, program_year,
)
from .province import Province

try:  # libyaml is much faster on thousands of entries; fall back to pure Python.
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML that leaves dates as text: we check them ourselves, with a line
    number and a message a writer understands (PyYAML would fail the whole block)."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()}

FIELDS = ("title", "date", "author", "photographer", "province", "year", "tags",
          "summary", "image", "slug", "draft")
REQUIRED = ("title", "date", "author", "province")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TAGS = 30
MAX_TEXT = 500            # characters in a title, name, tag or summary
MAX_FILE_BYTES = 2_000_000
MAX_YAML_DEPTH = 20        # nested lists or fields in front matter (an entry needs 2)
MAX_ALIAS_REPEATS = 10_000  # values anchors and aliases (&x, *x) may repeat: no "billion laughs"
FIRST_CE_YEAR = 1990      # the archive holds no older news
LAST_CE_YEAR = 2150
SUMMARY_LENGTH = 180
# Photos are published only as copies the build makes (photos.py), from these types.
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")

_IMAGE_MD = re.compile(r"!\[[^\]]{0,2000}\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_IMAGE_HTML = re.compile(r"<img\b[^>]{0,2000}\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_LINK_MD = re.compile(r"(?<!!)\[(?:[^\]\\\n]|\\.){0,2000}\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_LINK_REF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?", re.M)
_LINK_HTML = re.compile(r"<a\b[^>]{0,2000}\bhref\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
ENTRY_SUFFIXES = (".md", ".markdown")
# Characters XML 1.0 cannot carry (feeds, sitemaps) and no reader can see.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True)
class Photo:
    """A photo the entry shows: where it is, and its path beside the entry page."""

    source: Path           # absolute path of the file in news/
    target: str            # posix path relative to the entry's folder ("cover.jpg")
    line: int = 0          # where the entry names it (for messages)


@dataclass(frozen=True)
class LocalLink:
    """A link in the body to another entry's file, which the page links to its page."""

    href: str              # as written, e.g. "../2563/2019-10-17-x.md#ช่วงบ่าย"
    target: Path           # the file it names, resolved
    line: int


@dataclass(frozen=True)
class Entry:
    path: Path                       # absolute path of the Markdown file
    source: str                      # path as writers see it, e.g. "news/2564/x.md"
    title: str
    published: datetime              # timezone-aware (Bangkok when not given)
    authors: tuple[str, ...]
    photographers: tuple[str, ...]
    provinces: tuple[Province, ...]
    year: int                        # program year, BE
    tags: tuple[str, ...]
    summary: str
    image: str | None                # cover photo, relative to the entry's folder
    slug: str
    draft: bool
    body: str                        # Markdown, front matter removed
    photos: tuple[Photo, ...] = field(default=())
    links: tuple[LocalLink, ...] = field(default=())   # to other entries' files

    @property
    def date(self) -> date:
        return self.published.date()

    @property
    def url(self) -> str:
        """Site-relative URL of the entry page."""
        return f"news/{self.slug}/"

    @cached_property
    def body_digest(self) -> str:
        """A short digest of the body (the search index's text cache key). Cached on the
        entry, so a preview that gets unchanged entries back does not hash them again."""
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()[:24]

    @property
    def sort_key(self) -> tuple[datetime, str]:
        """Newest first when sorted in reverse; the slug keeps ties stable."""
        return (self.published, self.slug)


# --------------------------------------------------------------------------
# Reading the file
# --------------------------------------------------------------------------

def decode(raw: bytes) -> tuple[str | None, str | None]:
    """Text of a file, or a message saying why it is not UTF-8 and how to fix it."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        hint = ""
        try:
            thai = raw.decode("cp874")
            if re.search(r"[\u0e01-\u0e5b]", thai):
                hint = (" It looks like Thai in TIS-620/cp874 (Windows Thai); convert it with"
                        " `iconv -f CP874 -t UTF-8 FILE > NEW` or save it as UTF-8 in your editor.")
        except UnicodeDecodeError:
            pass
        return None, f"line {line}: the file is not UTF-8 text.{hint or ' Save it as UTF-8.'}"
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def split_front_matter(text: str) -> tuple[str | None, str, int, str | None]:
    """(front matter, body, line where the body starts, error message)."""
    lines = text.split("\n")
    if not text.strip():
        return None, "", 1, "the file is empty; an entry starts with front matter between --- lines"
    if lines[0].strip() != "---":
        return None, text, 1, ("no front matter: the first line must be --- followed by"
                               " fields such as title:, date:, author:, province:")
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 2, None
    return None, text, 1, "the front matter is not closed: add a line with --- after the last field"


_YAML_TYPES = {"!!int": "a whole number", "!!float": "a number", "!!bool": "true or false",
               "!!timestamp": "a date", "!!binary": "base64 data"}


def _alias_overflow(node: yaml.Node) -> yaml.Node | None:
    """The anchored node whose repeats through aliases go over MAX_ALIAS_REPEATS, if any.
    An alias shares its value, but anything that walks the value once per alias (PyYAML's
    merge keys <<: do, and so would a message quoting it) pays for every repeat."""
    seen: set[int] = set()
    repeats = 0
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            repeats += 1
            if repeats > MAX_ALIAS_REPEATS:
                return n
        seen.add(id(n))
        if isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
        elif isinstance(n, yaml.MappingNode):
            for pair in n.value:
                stack.extend(pair)
    return None


def _too_deep(front: str) -> int | None:
    """The line (0-based) where the front matter nests lists or fields more than
    MAX_YAML_DEPTH deep, if it does. libyaml's composer recurses once per level in C,
    so 60,000 nested [ crash the process: the depth is read from the parser's events
    (no recursion) before anything composes them. Every level needs one of [ { - : ?,
    so front matter with few of them (nearly all) is not parsed twice."""
    if sum(front.count(c) for c in "[{-:?") < MAX_YAML_DEPTH:
        return None
    depth = 0
    try:
        for event in yaml.parse(front, Loader=_BaseLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return event.start_mark.line
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None         # reported by the real parse, with its line
    return None


def _parse_yaml(front: str) -> tuple[dict[str, Any] | None, dict[str, int], str | None, int]:
    """Mapping, line of each key (1-based within the block), error, error line."""
    deep = _too_deep(front)
    if deep is not None:
        return None, {}, (f"lists or fields are nested more than {MAX_YAML_DEPTH} levels deep;"
                          " a field holds a value or a list of values"), deep + 1
    loader = _Loader(front)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, "the front matter is empty", 0
        if not isinstance(node, yaml.MappingNode):
            return None, {}, "the front matter must be fields (name: value), one a line", 0
        repeated = _alias_overflow(node)
        if repeated is not None:
            return None, {}, (f"the aliases (*name) repeat the value anchored here (&name) more"
                              f" than {MAX_ALIAS_REPEATS:,} times; write the values out instead"
                              ), repeated.start_mark.line + 1
        lines: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                name, line = str(key_node.value), key_node.start_mark.line + 1
                if name in lines:   # PyYAML would keep the last value and drop the first
                    return None, {}, (f"the field '{_printable(name)[:40]}' is written twice"
                                      f" (lines {lines[name] + 1} and {line + 1}); keep one"), line
                lines[name] = line
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as e:    # a character YAML does not allow, e.g. U+001B
        if not isinstance(e.character, int):
            return None, {}, f"front matter is not valid YAML: {e.reason}", 0
        at = front.find(chr(e.character))
        return None, {}, (f"contains the control character U+{e.character:04X}, which no page or"
                          " feed can show; delete it (it often comes from copy and paste)"
                          ), (front.count("\n", 0, at) + 1 if at >= 0 else 0)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        what = e.problem or "invalid YAML"
        return None, {}, f"front matter is not valid YAML: {what}", (mark.line + 1 if mark else 0)
    except (ValueError, KeyError, AttributeError, OverflowError) as e:
        # A value its type cannot hold (!!bool 2020-11-06, !!timestamp x, a 5,000-digit
        # number): PyYAML's constructor leaves the node it failed on in recursive_objects.
        bad = next(reversed(getattr(loader, "recursive_objects", None) or {}), None)
        if not isinstance(bad, yaml.ScalarNode):
            return None, {}, f"front matter is not valid YAML: {_printable(str(e))[:120]}", 0
        kind = bad.tag.replace("tag:yaml.org,2002:", "!!")
        return None, {}, (f"'{_printable(bad.value[:40])}' cannot be read as"
                          f" {_YAML_TYPES.get(kind, 'a value')} ({kind}); remove the tag"
                          " or put the value in quotes"), bad.start_mark.line + 1
    except (yaml.YAMLError, TypeError, RecursionError) as e:
        return None, {}, f"front matter is not valid YAML: {_printable(str(e))[:120]}", 0
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, {}, "the front matter must be fields (name: value), one a line", 0
    return data, lines, None, 0


# --------------------------------------------------------------------------
# Checking fields
# --------------------------------------------------------------------------

class _Checker:
    """Collects the problems of one file; field checks return None when wrong."""

    def __init__(self, source: str, key_lines: dict[str, int], offset: int) -> None:
        self.source = source
        self.key_lines = key_lines
        self.offset = offset
        self.problems: list[Problem] = []

    def line(self, name: str) -> int:
        return self.key_lines[name] + self.offset if name in self.key_lines else 1

    def add(self, name: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.source, self.line(name) if line is None else line,
                                     name, message))

    def text(self, name: str, value: Any, required: bool = False) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(name, "is empty; write a value after the colon")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.add(name, f"must be text, not {_describe(value)}")
            return None
        value = " ".join(str(value).split())
        bad = CONTROL.search(value)
        if bad:
            self.add(name, f"contains the control character U+{ord(bad.group()):04X}, which no"
                           " page or feed can show; delete it (it often comes from copy and paste)")
            return None
        if len(value) > MAX_TEXT:
            self.add(name, f"is {len(value)} characters long; keep it under {MAX_TEXT}")
            return None
        return value

    def names(self, name: str, value: Any, required: bool = False) -> tuple[str, ...] | None:
        items = value if isinstance(value, list) else [value]
        if not items or value is None:
            if required:
                self.add(name, "is empty; write a name, or a list [name 1, name 2]")
            return None if required else ()
        out: list[str] = []
        for item in items:
            text = self.text(name, item, required=True)
            if text is None:
                return None
            if text not in out:
                out.append(text)
        return tuple(out)


def _printable(text: str) -> str:
    """Text safe to print in a one-line message: control characters shown as \\xNN."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (date, datetime)):
        return f"a date ({value.isoformat()})"
    return f"{type(value).__name__} {value!r}"[:80]


def _check_date(c: _Checker, value: Any) -> datetime | None:
    if value is None or value == "":
        c.add("date", "is empty; write the publication date as YYYY-MM-DD, e.g. 2020-11-06")
        return None
    moment: date | datetime | None = None
    if isinstance(value, (date, datetime)):
        moment = value
    elif isinstance(value, str):
        text = value.strip()
        try:
            moment = datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)
        except ValueError:
            m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
            if m and be_year(FIRST_CE_YEAR) <= int(m.group(1)) <= be_year(LAST_CE_YEAR):
                moment = None       # 29 February of a BE year is no CE date: said below
            else:
                c.add("date", f"'{_printable(text[:40])}' is not a date; write YYYY-MM-DD (e.g. 2020-11-06),"
                              " optionally with a time: 2020-11-06 13:30")
                return None
    else:
        c.add("date", f"must be a date like 2020-11-06, not {_describe(value)}")
        return None
    year = moment.year if moment else int(str(value).strip()[:4])
    if be_year(FIRST_CE_YEAR) <= year <= be_year(LAST_CE_YEAR):
        # a Buddhist Era year written where the Common Era one belongs
        ce = year - BE_OFFSET
        fixed = f"{ce}{str(value).strip()[4:10]}"
        c.add("date", f"year {year} is a Buddhist Era year; dates are written in the Common Era:"
                      f" {fixed} (BE {year} = CE {ce})")
        return None
    if not FIRST_CE_YEAR <= year <= LAST_CE_YEAR:
        c.add("date", f"year {year} is outside the archive ({FIRST_CE_YEAR}–{LAST_CE_YEAR})")
        return None
    assert moment is not None
    return bangkok_datetime(moment)


def _check_year(c: _Checker, value: Any, published: datetime | None) -> int | None:
    derived = program_year(published.date()) if published else None
    if value is None:
        return derived
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        c.add("year", f"must be a program year in BE such as {derived or 2564},"
                      f" not {_describe(value)}")
        return None
    if FIRST_CE_YEAR <= value <= LAST_CE_YEAR:
        hint = (f"; the date {published.date().isoformat()} is in program year {derived}"
                if derived and derived != be_year(value) else "")
        c.add("year", f"{value} is a CE year; program years are in BE: write"
                      f" year: {be_year(value)}{hint}")
        return None
    if not FIRST_PROGRAM_YEAR <= value <= LAST_PROGRAM_YEAR:
        c.add("year", f"{value} is not a program year (BE {FIRST_PROGRAM_YEAR}–{LAST_PROGRAM_YEAR})")
        return None
    if derived is not None and abs(value - derived) > 1:
        c.add("year", f"program year {value} is far from the date {published.date().isoformat()},"
                      f" which falls in program year {derived}; leave year out to use {derived}")
        return None
    return value


def _check_provinces(c: _Checker, value: Any) -> tuple[Province, ...] | None:
    items = value if isinstance(value, list) else [value]
    if value is None or value == [] or value == "":
        c.add("province", "is empty; write the province in Thai, e.g. province: อุดรธานี")
        return None
    found: list[Province] = []
    ok = True
    for item in items:
        if not isinstance(item, str) or not item.strip():
            c.add("province", f"must be a province name, not {_describe(item)}")
            ok = False
            continue
        p = provinces.resolve(item)
        if p is None:
            near = provinces.suggest(item)
            hint = f"; did you mean {near.name_th}?" if near else (
                "; write one of the 77 provinces in Thai (อุดรธานี) or English (Udon Thani)")
            c.add("province", f"'{_printable(item.strip()[:60])}' is not a province{hint}")
            ok = False
        elif p in found:
            c.add("province", f"{p.name_th} is listed twice")
            ok = False
        else:
            found.append(p)
    return tuple(found) if ok else None


def _check_tags(c: _Checker, value: Any) -> tuple[str, ...] | None:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        c.add("tags", f"must be a list such as [เยาวชน, ชุมชนคุณธรรม], not {_describe(value)}")
        return None
    if len(items) > MAX_TAGS:
        c.add("tags", f"{len(items)} tags; an entry may have at most {MAX_TAGS}")
        return None
    out: list[str] = []
    for item in items:
        text = c.text("tags", item, required=True)
        if text is None:
            return None
        if text not in out:
            out.append(text)
    return tuple(out)


def _check_slug(c: _Checker, value: Any, path: Path) -> str | None:
    if value is not None:
        if not isinstance(value, str) or not SLUG_RE.match(value):
            c.add("slug", f"{_describe(value) if not isinstance(value, str) else repr(value)[:60]}"
                          " is not a URL slug: use lowercase a–z, digits and hyphens,"
                          " e.g. 2020-11-06-udon-thani-meeting")
            return None
        return value
    stem = path.parent.name if path.stem == "index" else path.stem
    slug = re.sub(r"[\s_]+", "-", stem.strip().lower())
    if not SLUG_RE.match(slug):
        c.add("slug", f"the file name '{stem}' does not make an ASCII URL; rename the file"
                      " (e.g. 2020-11-06-udon-thani-meeting.md) or add a field"
                      " slug: 2020-11-06-udon-thani-meeting", line=1)
        return None
    return slug


def _check_photo(c: _Checker, name: str, ref: str, entry_dir: Path,
                 news_root: Path, line: int | None = None) -> Photo | None:
    def bad(message: str) -> None:
        c.add(name, message, line=line)

    if CONTROL.search(ref):
        return bad("the photo's file name contains control characters; rename the file")
    clean = ref.split("#", 1)[0].split("?", 1)[0]
    pure = PurePosixPath(clean.replace("\\", "/"))
    if not clean.strip() or not pure.name or pure.name in (".", ".."):
        return bad(f"'{_printable(ref[:80])}' is not the name of a photo file; write the"
                   " file's name, such as photo-1.jpg")
    if pure.is_absolute() or clean.startswith(("/", "\\")) or ".." in pure.parts:
        return bad(f"photo '{ref[:80]}' must be a path next to the entry, such as"
                   " photo-1.jpg (no leading / and no ..)")
    if pure.suffix.lower() not in PHOTO_SUFFIXES:
        return bad(f"'{_printable(pure.name[:80])}' is not a photo the site publishes: photos"
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


def _check_link(c: _Checker, href: str, line: int, raw: bool, entry_dir: Path,
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
        c.add("body", f"the link '{_printable(href[:80])}' leads to no entry or photo: link"
                      " another entry by its file (../2564/2020-11-06-x.md), a photo next to"
                      " this entry by its name, a web page by its full address (https://…)",
              line=line)
        return None, None
    if raw:
        c.add("body", f"the HTML link '{_printable(href[:80])}' to another entry's file would"
                      " not lead to its page; write it as a Markdown link [text](file.md)",
              line=line)
        return None, None
    if not target.is_relative_to(news_root.resolve()):
        c.add("body", f"the link '{_printable(href[:80])}' leads outside the news folder",
              line=line)
        return None, None
    return LocalLink(href=href, target=target, line=line), None


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


# --------------------------------------------------------------------------
# The entry point
# --------------------------------------------------------------------------

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


def read_entry(path: Path, root: Path, news_root: Path | None = None,
               raw: bytes | None = None) -> tuple[Entry | None, list[Problem]]:
    """Read and check one entry file.

    ``root`` is the project folder (paths in messages are relative to it);
    ``news_root`` is the folder photos must stay inside (default root/news).
    """
    path = Path(path)
    source = source_path(path, Path(root))
    news_root = Path(news_root) if news_root else Path(root) / "news"

    def fail(message: str, line: int = 0, name: str = "file") -> tuple[None, list[Problem]]:
        return None, [Problem(source, line, name, message)]

    if raw is None and path.is_symlink():
        try:
            inside = path.resolve(strict=True).is_relative_to(news_root.resolve())
        except (OSError, RuntimeError):
            return fail("is a link to a file that does not exist; put the entry itself in news/")
        if not inside:
            return fail("is a link to a file outside the news folder; put the entry itself"
                        " in news/ (a link would publish whatever it points to)")
    if raw is None:
        try:
            with open(path, "rb") as f:
                raw = f.read(MAX_FILE_BYTES + 1)
        except OSError as e:
            return fail(f"cannot be read: {e.strerror or e}")
    if len(raw) > MAX_FILE_BYTES:
        return fail(f"the file is over {MAX_FILE_BYTES // 1_000_000} MB; an entry may be at most"
                    f" {MAX_FILE_BYTES // 1_000_000} MB (put large material elsewhere)")
    text, error = decode(raw)
    if text is None:
        return fail(error or "cannot be decoded")
    if "\x00" in text:
        return fail("the file contains NUL characters; it is not a text file")
    front, body, body_line, error = split_front_matter(text)
    if error:
        return fail(error, 1)
    data, key_lines, error, error_line = _parse_yaml(front or "")
    if data is None:
        return fail(error or "invalid front matter", error_line + 1 if error_line else 1,
                    "front matter")

    c = _Checker(source, key_lines, offset=1)
    keys = [k for k in data]
    for key in keys:
        if not isinstance(key, str):
            c.add("front matter", f"field name {_describe(key)} is not a name", line=1)
        elif key not in FIELDS:
            near = difflib.get_close_matches(key.lower(), FIELDS, n=1, cutoff=0.6)
            hint = f"; did you mean {near[0]}?" if near else f"; the fields are {', '.join(FIELDS)}"
            shown = _printable(key)[:40]
            c.add(shown if shown.strip() else "front matter", f"unknown field '{shown}'{hint}",
                  line=c.line(key))
    for name in REQUIRED:
        if name not in data:
            example = {"title": "title: ประชุมหารือ…", "date": "date: 2020-11-06",
                       "author": "author: ชื่อ นามสกุล", "province": "province: อุดรธานี"}[name]
            c.problems.append(Problem(source, 1, name, f"is missing; add a line such as {example}"))

    title = c.text("title", data.get("title"), required="title" in data)
    published = _check_date(c, data["date"]) if "date" in data else None
    authors = c.names("author", data.get("author"), required="author" in data)
    photographers = c.names("photographer", data.get("photographer"))
    provs = _check_provinces(c, data["province"]) if "province" in data else None
    year = _check_year(c, data.get("year"), published)
    tags = _check_tags(c, data.get("tags"))
    summary = c.text("summary", data.get("summary"))
    slug = _check_slug(c, data.get("slug"), path)
    draft = data.get("draft", False)
    if not isinstance(draft, bool):
        c.add("draft", f"must be true or false, not {_describe(draft)}")
        draft = True

    entry_dir = path.parent
    photos: list[Photo] = []
    image = data.get("image")
    if image is not None:
        if not isinstance(image, str) or not image.strip():
            c.add("image", f"must be the file name of a photo next to the entry, not {_describe(image)}")
            image = None
        else:
            photo = _check_photo(c, "image", image.strip(), entry_dir, news_root)
            image = photo.target if photo else None
            if photo:
                photos.append(photo)
    limits = body_problems(body)
    for line, message in limits:
        c.add("body", message, line=body_line + line - 1)
    for ref, line in [] if limits else _body_images(body, body_line):
        photo = _check_photo(c, "body", ref, entry_dir, news_root, line)
        if photo and photo.target not in {p.target for p in photos}:
            photos.append(photo)
    links: list[LocalLink] = []
    for href, line, raw in [] if limits else _local_links(body, body_line):
        link, photo = _check_link(c, href, line, raw, entry_dir, news_root)
        if link:
            links.append(link)
        if photo and photo.target not in {p.target for p in photos}:
            photos.append(photo)
    if photos and not photographers and "photographer" not in data:
        c.add("photographer", "is missing: the entry shows photos, so credit the photographer"
                              " (photographer: ชื่อ นามสกุล)", line=1)
    if not body.strip():
        c.add("body", "the entry has no text below the front matter", line=body_line)
    bad = CONTROL.search(body)
    if bad:
        c.add("body", f"contains the control character U+{ord(bad.group()):04X}, which no page or"
                      " feed can show; delete it (it often comes from copy and paste)",
              line=body_line + body[:bad.start()].count("\n"))

    if c.problems:
        return None, c.problems
    assert title and published and authors and provs and year and slug is not None
    entry = Entry(
        path=path, source=source, title=title, published=published, authors=authors,
        photographers=photographers or (), provinces=provs, year=year, tags=tags or (),
        summary=summary or default_summary(body), image=image, slug=slug, draft=draft,
        body=body, photos=tuple(photos), links=tuple(links))
    return entry, []
