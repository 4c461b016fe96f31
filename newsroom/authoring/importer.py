"""`newsroom import`: legacy plain-text reports -> Markdown entries in news/.

legacy.py reads a report into fields; this module decides what to write.
What the parser could not determine with confidence is left empty for the
writer, explained in a YAML comment and on stderr, and the entry is written
as ``draft: true``. Imported text is untrusted: it is escaped so that it
reads as the same text in Markdown and can never become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model.calendar import program_year
from ..model.entry import Entry
from ..model.messages import say
from ..model.problems import CONTROL, Problem
from ..read.entry import MAX_FILE_BYTES, read_entry
from ..read.text import decode, normalise_newlines
from .front_matter import create_exclusive, entry_text
from .legacy import LegacyReport, parse_report

# Everything Markdown or its extensions would read as markup inside a line: emphasis,
# code, links, attribute lists ({: #id }, which could take the page's own ids) and
# table cells (|).
_MD_INLINE = re.compile(r"([\\`*_\[\]{}|])")
_MD_LINE_START = re.compile(r"^([#=+\-])|^(\d+)([.)])(?=\s|$)")
_LINE_START_ESCAPES = {"#": "\\#", "+": "\\+", "-": "\\-", "=": "&#61;"}  # no "\=" in Markdown


@dataclass
class Imported:
    source: Path
    written: Path | None = None
    doubts: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    problems: list[Problem] = field(default_factory=list)


def escape_markdown(text: str) -> str:
    """Text that Markdown renders as exactly ``text``: no markup, no HTML."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    return "\n".join(_MD_LINE_START.sub(_escape_line_start, line.lstrip())
                     for line in text.split("\n"))


def _escape_line_start(m: re.Match[str]) -> str:
    """'# x' -> '\\# x'; '1. x' -> '1\\. x': no heading, list or rule can start."""
    if m.group(1):
        return _LINE_START_ESCAPES[m.group(1)]
    return f"{m.group(2)}\\{m.group(3)}"


def render_entry(report: LegacyReport, source_name: str) -> str:
    """The Markdown file for one report; doubtful fields left empty and explained."""
    fields: dict[str, object] = {
        "title": report.title or None, "date": report.date.isoformat() if report.date else None,
        "author": report.authors or None}
    if report.photographers:
        fields["photographer"] = report.photographers
    fields["province"] = report.province.name_th if report.province else None
    if report.date:
        fields["year"] = program_year(report.date)
    fields["tags"] = []
    if report.doubts:
        fields["draft"] = True
        comments = [say("import.comment.check", name=source_name),
                    *(f"  {f}: {why}" for f, why in report.doubts.items())]
    else:
        comments = [say("import.comment", name=source_name)]
    if report.unit:
        comments.append(say("import.comment.unit", unit=report.unit))
    if report.suggested_tags:
        comments.append(say("import.comment.tags", tags=", ".join(report.suggested_tags)))
    body = "\n\n".join(escape_markdown(p) for p in report.paragraphs if p.strip())
    return entry_text(fields, body + "\n", comments)


def _stem(report: LegacyReport, source: Path) -> str:
    parts = [report.date.isoformat() if report.date else None,
             report.province.slug if report.province else None]
    if all(parts):
        return "-".join(parts)  # type: ignore[arg-type]
    ascii_name = re.sub(r"[^a-z0-9]+", "-", source.stem.lower()).strip("-")
    return "-".join(p for p in (parts[0], parts[1], ascii_name or "imported") if p)


def _same_text(a: str, b: str) -> bool:
    """Two bodies that read the same (spaces, escapes and line breaks aside)."""
    def plain(text: str) -> str:
        return "".join(text.replace("\\", "").split())
    return plain(a) == plain(b)


def import_file(source: Path, output: Path, root: Path, news: Path, taken: set[str],
                encoding: str | None = None, known: list[Entry] | None = None) -> Imported:
    """Read one legacy report and write its entry under ``output``; never overwrite.
    The entry is checked with the build's rules before it is written: a report that
    would give an entry with problems other than the fields left for the writer
    (``doubts``) is refused and nothing is written."""
    result = Imported(source)
    try:
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            result.error = say("import.too_big", size=f"{size / 1_000_000:.1f}",
                               limit=MAX_FILE_BYTES // 1_000_000)
            return result
        raw = source.read_bytes()
    except OSError as e:
        result.error = say("file.unreadable", why=e.strerror or e)
        return result
    if encoding:
        try:
            text = normalise_newlines(raw.decode(encoding))
        except (UnicodeDecodeError, LookupError) as e:
            result.error = say("import.decode", encoding=encoding, why=e)
            return result
    else:
        text, error = decode(raw)
        if text is None:
            result.error = (error or "not UTF-8") + say("import.cp874")
            return result
    bad = CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        result.error = say("import.control", line=line, code=f"{ord(bad.group()):04X}")
        return result
    report = parse_report(text)
    known = known or []
    body = "\n\n".join(escape_markdown(p) for p in report.paragraphs if p.strip())
    twin = next((e for e in known if e.date == report.date and report.province in e.provinces
                 and _same_text(e.body, body)), None)
    if twin is not None:
        result.error = say("import.duplicate", existing=twin.source)
        return result
    text_of_report = "\n".join(report.paragraphs)
    report.suggested_tags = sorted({t for e in known for t in e.tags if t in text_of_report})
    result.doubts = dict(report.doubts)
    year = program_year(report.date) if report.date else None
    folder = output if output != news else news / (str(year) if year else "imported")
    stem, markdown = _stem(report, source), render_entry(report, source.name)
    _, found = read_entry(folder / f"{stem}.md", root, news, raw=markdown.encode("utf-8"))
    unexpected = [p for p in found if p.field not in result.doubts]
    if unexpected:
        result.problems = unexpected
        result.error = (say("import.problems") + "\n"
                        + "\n".join(f"  {p.field}: {p.message}" for p in unexpected))
        return result
    path = create_exclusive(folder, stem, markdown, taken)
    result.written = path
    _, result.problems = read_entry(path, root, news)
    return result
