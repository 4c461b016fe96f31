"""The links and images of a Markdown body, found the way Python-Markdown finds them.

Validation must see every URL the renderer will: a link text may hold brackets of
its own (``[a [b] c](x.md)``) or run over a line break, a destination may be in
angle brackets with spaces (``<a b.md>``) or be followed by a title in quotes or
parentheses, a reference definition may stand inside a quote or a list item. So
this is a small scanner of Markdown's link grammar (as Python-Markdown's
LinkInlineProcessor and ReferencePreprocessor read it), not a regular
expression: brackets are matched with their nesting and escapes, destinations
with their parentheses. Code (fenced, indented by a tab or four spaces, or
between backticks) holds no links and is skipped. Raw HTML ``<a href>`` and
``<img src>`` are read with their quoted or bare values.

>>> [(u.url, u.image) for u in references("[a [b] c](x.md) ![p](<my photo.jpg> 'title')")]
[('x.md', False), ('my photo.jpg', True)]
>>> [u.url for u in references("> [ref]: ../2564/a.md\\n\\n`[no](code.md)`")]
['../2564/a.md']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TEXT = 2000          # characters of a link's text looked through for its closing ]
MAX_URL = 2000

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.M | re.S)
_INDENT = ("\t", "    ")
_INDENTED = re.compile(r"(?:(?<=\n\n)|\A)(?:(?:\t| {4})[^\n]*(?:\n|\Z))+")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
# After any quote markers and a list marker (possessive: no backtracking over the spaces
# of a long "> > > …", which would take exponential time).
_REFERENCE = re.compile(
    r"^[ \t>]*+(?:(?:[-+*]|\d+[.)])[ \t]++)?"
    r"\[[^\]\n]{1,999}\]:[ \t]*+(?:<([^>\n]*)>|(\S+))", re.M)
_HTML_URL = re.compile(
    r"<(a|img)\b[^<>]{0,2000}?\b(href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)


@dataclass(frozen=True)
class Reference:
    url: str             # as written (angle brackets taken off)
    at: int              # where it starts in the body
    image: bool          # an image (![…](…), <img src>) rather than a link
    raw: bool            # in raw HTML, which Markdown does not rewrite


def _blank(match: re.Match[str]) -> str:
    """The matched text as spaces, its line breaks kept: offsets stay where they were."""
    return re.sub(r"[^\n]", " ", match.group(0))


def mask_code(body: str) -> str:
    """The body with its code (fenced, indented, spans) made blank. Each pattern is
    tried only on a body holding what its match must start with (most reports hold
    no code: the three scans were a fifth of checking an entry)."""
    if "```" in body or "~~~" in body:
        body = _FENCE.sub(_blank, body)
    if body.startswith(_INDENT) or any(f"\n\n{i}" in body for i in _INDENT):
        body = _INDENTED.sub(_blank, body)
    if "`" in body:
        body = _CODE_SPAN.sub(_blank, body)
    return body


def _escaped(text: str, at: int) -> bool:
    """Whether the character at ``at`` is escaped by an odd number of backslashes."""
    n = 0
    while at - n - 1 >= 0 and text[at - n - 1] == "\\":
        n += 1
    return n % 2 == 1


_BRACKET = re.compile(r"\\.|[\[\]]|\n[ \t]*\n", re.S)


def _bracket_pairs(text: str) -> dict[int, int]:
    """Where the ] matching each [ is (escapes skipped, nesting counted, a blank line
    ending the paragraph), found in one pass over the text."""
    pairs: dict[int, int] = {}
    if "[" not in text:
        return pairs
    open_at: list[int] = []
    for m in _BRACKET.finditer(text):
        token = m.group()
        if token == "[":
            open_at.append(m.start())
        elif token == "]":
            if open_at:
                start = open_at.pop()
                if m.start() - start <= MAX_TEXT:
                    pairs[start] = m.start()
        elif token[0] == "\n":
            open_at.clear()
    return pairs


def _destination(text: str, start: int) -> tuple[str, int, int] | None:
    """(URL, where it starts, where the link ends) for the ( at ``start`` - 1."""
    i, n = start, len(text)
    while i < n and text[i] in " \t":
        i += 1
    if i < n and text[i] == "\n":
        i += 1
        while i < n and text[i] in " \t":
            i += 1
    if i < n and text[i] == "<":
        close = text.find(">", i + 1, i + MAX_URL)
        if close < 0 or "\n" in text[i:close]:
            return None
        url, url_at, i = text[i + 1:close], i + 1, close + 1
    else:
        url_at, depth = i, 0
        while i < n and i - url_at < MAX_URL:
            c = text[i]
            if c == "\\":
                i += 2
                continue
            if c.isspace():
                break
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    break
                depth -= 1
            i += 1
        url = text[url_at:i]
    while i < n and text[i] in " \t\n":
        i += 1
    if i < n and text[i] in "\"'(":
        closer = {'"': '"', "'": "'", "(": ")"}[text[i]]
        close = text.find(closer, i + 1, i + MAX_URL)
        if close < 0:
            return None
        i = close + 1
        while i < n and text[i] in " \t\n":
            i += 1
    if i >= n or text[i] != ")":
        return None
    return url, url_at, i + 1


def _inline(text: str) -> list[Reference]:
    found: list[Reference] = []
    for start, close in sorted(_bracket_pairs(text).items()):   # links in a link's text too
        if not text.startswith("(", close + 1):
            continue
        dest = _destination(text, close + 2)
        if dest is None:
            continue
        url, at, _ = dest
        image = start > 0 and text[start - 1] == "!" and not _escaped(text, start - 1)
        found.append(Reference(url, at, image, raw=False))
    return found


def references(body: str) -> list[Reference]:
    """Every link and image destination of the body, in order."""
    text = mask_code(body)
    found = _inline(text)
    for m in _REFERENCE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        found.append(Reference(m.group(group), m.start(group), image=False, raw=False))
    for m in _HTML_URL.finditer(text):
        group = next(g for g in (3, 4, 5) if m.group(g) is not None)
        found.append(Reference(m.group(group), m.start(group),
                               image=m.group(1).lower() == "img", raw=True))
    return sorted(found, key=lambda r: r.at)
