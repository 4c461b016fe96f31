"""A legacy report's paragraphs: split on blank lines, edges trimmed, lines kept; a
paragraph that only continues the sentence before it joined back to it."""

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


_INDENT = re.compile(r"^[ \t\u00a0\u3000]{2,}")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines (NBSP-only lines are blank), edges trimmed,
    lines inside a paragraph kept as written. Where the report indents its paragraphs
    (most of them begin with spaces or NBSP, as the old archive's do), a block that
    does not begin so is the rest of the sentence before it, cut by a line break of
    the old file: it is joined back with a space."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in [*text.split("\n"), ""]:
        if not is_blank(line):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    indented = [bool(_INDENT.match(b[0])) for b in blocks]
    marks_paragraphs = len(blocks) > 2 and sum(indented[1:]) * 2 >= len(blocks) - 1
    paragraphs: list[str] = []
    for i, block in enumerate(blocks):
        text_of = trim("\n".join(block))
        if marks_paragraphs and i > 0 and not indented[i] and paragraphs \
                and not _ends_sentence(paragraphs[-1]) and i < len(blocks) - 1:
            paragraphs[-1] = f"{paragraphs[-1]} {text_of}"
        else:
            paragraphs.append(text_of)
    return paragraphs


def _ends_sentence(text: str) -> bool:
    """Thai has no full stop; a report's sentence ends with one, a closing bracket or
    quote, or a count ("… 30 คน")."""
    return bool(re.search(r"[.!?)\]”\"']$|\d+\s*(?:คน|หน่วยงาน|แห่ง|ราย|ครั้ง)$", text.strip()))
