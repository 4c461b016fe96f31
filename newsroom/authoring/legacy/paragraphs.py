"""A legacy report's paragraphs: split on blank lines, edges trimmed, lines kept."""

from __future__ import annotations

import re


# Characters that show nothing: a line of only these (and spaces) is blank.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_EDGES = re.compile(rf"^[\s{_INVISIBLE}]+|[\s{_INVISIBLE}]+$")


def trim(text: str) -> str:
    """``text`` without whitespace (NBSP included) or invisible characters at its edges."""
    return _EDGES.sub("", text)


def is_blank(line: str) -> bool:
    return not trim(line)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines (NBSP-only lines are blank), edges trimmed,
    lines inside a paragraph kept as written."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*text.split("\n"), ""]:
        if not is_blank(line):
            current.append(line)
        elif current:
            paragraphs.append(trim("\n".join(current)))
            current = []
    return paragraphs
