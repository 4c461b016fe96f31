"""What an entry body may cost to render, checked before anything parses it.

Python-Markdown recurses once per level of a nested list, quote or emphasis and
scans ahead from every unclosed ``[`` or ``<`` of a paragraph: 300 nested list
items exhaust Python's stack, 20,000 unclosed ``[`` in one paragraph take
minutes. No news report comes near such input, so a body past these bounds is a
Problem naming its line, found by ``newsroom check`` and the build alike, instead of
a crash or a stuck build after MkDocs has emptied site/.

Each bound is far above what a report needs and far below where the cost
starts (measured on Python-Markdown 3.11 with the site's extensions):

- ``MAX_DEPTH`` containers (quote markers plus list levels, a level per two
  columns of indentation before a list marker) on one line: 32; recursion fails
  past about 250.
- ``MAX_OPENERS`` of ``[`` and of ``<`` in one paragraph (a block between blank
  lines; raw HTML blocks, which are not scanned that way, are left out): 300;
  2,000 unclosed ones take 1-3 s, growing with the square.
- ``MAX_RUN`` of ``*`` or ``_`` in a row inside text: 100 (nested emphasis of
  2,000 exhausts the stack); a line of only one such character is a rule, not a run.
"""

from __future__ import annotations

import re

MAX_DEPTH = 32
MAX_OPENERS = 300
MAX_RUN = 100

_CONTAINERS = re.compile(r"^((?:[ \t]*>)*)([ \t]*)(?:[-+*]|\d+[.)])(?=[ \t]|$)")
_QUOTES = re.compile(r"^((?:[ \t]*>)+)")
_RUN = re.compile(r"\*{%d,}|_{%d,}" % (MAX_RUN + 1, MAX_RUN + 1))
_RULE = re.compile(r"^[ \t]*([*_])(?:[ \t]*\1)*[ \t]*$")
_BLANK = re.compile(r"\n[ \t]*\n")


def _columns(indent: str) -> int:
    return len(indent.expandtabs(4))


def _depth(line: str) -> int:
    m = _CONTAINERS.match(line)
    if m:
        return m.group(1).count(">") + _columns(m.group(2)) // 2 + 1
    q = _QUOTES.match(line)
    return q.group(1).count(">") if q else 0


def body_problems(body: str) -> list[tuple[int, str]]:
    """(line within the body, 1-based; message) for each bound the body goes past:
    at most one message per kind, at its first line."""
    found: dict[str, tuple[int, str]] = {}
    for number, line in enumerate(body.split("\n"), start=1):
        if "depth" not in found and (">" in line or line[:1] in " \t") and \
                _depth(line) > MAX_DEPTH:
            found["depth"] = (number, f"lists or quotes are nested {_depth(line)} levels deep"
                                      f" here; at most {MAX_DEPTH} levels can be shown")
        if "run" not in found and ("*" * (MAX_RUN + 1) in line or "_" * (MAX_RUN + 1) in line) \
                and not _RULE.match(line) and _RUN.search(line):
            found["run"] = (number, f"a run of more than {MAX_RUN} '*' or '_' in a row;"
                                    " shorten it (Markdown reads them as emphasis)")
    line = 1
    start = 0
    for m in [*_BLANK.finditer(body), None]:
        end = m.start() if m else len(body)
        block = body[start:end]
        if "openers" not in found and (not block.lstrip().startswith("<") or "markdown=" in block):
            for opener in ("[", "<"):
                count = block.count(opener)
                if count > MAX_OPENERS and "openers" not in found:
                    found["openers"] = (line, f"one paragraph has {count} '{opener}'; at most"
                                              f" {MAX_OPENERS} (split it with blank lines)")
        if m:
            line += body.count("\n", start, m.end())
            start = m.end()
    return sorted(found.values())
