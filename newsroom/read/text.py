"""A news file as text: decoded, newlines made one kind, front matter split off.

One place decides what counts as a newline (CRLF and lone CR become LF) and a
byte-order mark, for entries, imported reports and everything else read here.
"""

from __future__ import annotations

import re

from ..model.messages import say

_THAI = re.compile(r"[\u0e01-\u0e5b]")


def normalise_newlines(text: str) -> str:
    """Without a leading BOM, with CRLF and lone CR as LF."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """Text of a file, or a message saying why it is not UTF-8 and how to fix it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        hint = say("file.not_utf8.save")
        try:
            if _THAI.search(raw.decode("cp874")):
                hint = say("file.not_utf8.cp874")
        except UnicodeDecodeError:
            pass
        return None, say("file.not_utf8", line=line, hint=hint)
    return normalise_newlines(text), None


def split_front_matter(text: str) -> tuple[str | None, str, int, str | None]:
    """(front matter, body, line where the body starts, error message)."""
    lines = text.split("\n")
    if not text.strip():
        return None, "", 1, say("file.empty")
    if lines[0].strip() != "---":
        return None, text, 1, say("file.no_front")
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 2, None
    return None, text, 1, say("file.unclosed")
