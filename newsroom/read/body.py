r"""What an entry body may cost to render, checked before anything parses it.

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
- ``MAX_HTML_DEPTH`` elements of raw HTML inside one another: 64 (the sanitiser
  takes minutes on 40,000 nested lists; Markdown recurses into nested
  ``markdown="1"`` blocks). Elements whose end tag HTML leaves optional (li, p,
  td, …) close the one before them, as a browser's parser does.
- ``MAX_MARKUP`` characters that Markdown reads as markup (``* _ ` & < > [ ] ! \ |``)
  in one body: 20,000, about a second of rendering; a Thai report has a few
  hundred (100,000 of them took 20 s).
"""

from __future__ import annotations

import re

from ..model.messages import say

MAX_DEPTH = 32
MAX_OPENERS = 300
MAX_RUN = 100
MAX_HTML_DEPTH = 64
MAX_MARKUP = 20_000
MARKUP = "*_`&<>[]!\\|"
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]{0,30})\b[^<>]{0,1000}?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
# What an opening tag closes when it is still open, as a browser's parser does (the end
# tags HTML leaves optional); any block element closes an open <p>.
_CELLS = {"td", "th"}
_CLOSES = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"},
           "tr": {"tr"} | _CELLS, "td": _CELLS, "th": _CELLS, "p": {"p"},
           "thead": {"thead", "tbody", "tfoot", "tr"} | _CELLS,
           "tbody": {"thead", "tbody", "tfoot", "tr"} | _CELLS,
           "tfoot": {"thead", "tbody", "tfoot", "tr"} | _CELLS, "rt": {"rt", "rp"}, "rp": {"rt", "rp"}}
_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "details", "div", "dl",
                     "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                     "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul"})

_CONTAINERS = re.compile(r"^((?:[ \t]*+>)*+)([ \t]*+)(?:[-+*]|\d+[.)])(?=[ \t]|$)")
_QUOTES = re.compile(r"^((?:[ \t]*+>)++)")
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


def _html_depth(body: str) -> tuple[int, int]:
    """(deepest nesting of raw HTML elements, where it is): a linear scan of the tags."""
    open_tags: list[str] = []
    deepest, at = 0, 0
    for m in _TAG.finditer(body):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or self_closing:
            continue
        if closing:
            if name in open_tags:
                while open_tags.pop() != name:
                    pass
            continue
        closes = _CLOSES.get(name, {"p"} if name in _BLOCKS else ())
        while open_tags and open_tags[-1] in closes:
            open_tags.pop()
        open_tags.append(name)
        if len(open_tags) > deepest:
            deepest, at = len(open_tags), m.start()
    return deepest, at


def body_problems(body: str) -> list[tuple[int, str]]:
    """(line within the body, 1-based; message) for each bound the body goes past:
    at most one message per kind, at its first line."""
    found: dict[str, tuple[int, str]] = {}
    # Each scan runs only on a body holding what it looks for (most hold none of it).
    runs = "*" * (MAX_RUN + 1) in body or "_" * (MAX_RUN + 1) in body
    nests = ">" in body or body[:1] in " \t" or "\n " in body or "\n\t" in body
    for number, line in enumerate(body.split("\n") if runs or nests else (), start=1):
        if "depth" not in found and (">" in line or line[:1] in " \t") and \
                _depth(line) > MAX_DEPTH:
            found["depth"] = (number, say("body.depth", depth=_depth(line), limit=MAX_DEPTH))
        if "run" not in found and ("*" * (MAX_RUN + 1) in line or "_" * (MAX_RUN + 1) in line) \
                and not _RULE.match(line) and _RUN.search(line):
            found["run"] = (number, say("body.run", limit=MAX_RUN))
    line = 1
    start = 0
    many = body.count("[") > MAX_OPENERS or body.count("<") > MAX_OPENERS
    for m in [*_BLANK.finditer(body), None] if many else ():
        end = m.start() if m else len(body)
        block = body[start:end]
        if "openers" not in found and (not block.lstrip().startswith("<") or "markdown=" in block):
            for opener in ("[", "<"):
                count = block.count(opener)
                if count > MAX_OPENERS and "openers" not in found:
                    found["openers"] = (line, say("body.openers", opener=opener, count=count,
                                                          limit=MAX_OPENERS))
        if m:
            line += body.count("\n", start, m.end())
            start = m.end()
    if "<" in body:
        deepest, at = _html_depth(body)
        if deepest > MAX_HTML_DEPTH:
            found["html"] = (body.count("\n", 0, at) + 1,
                             say("body.html_depth", depth=deepest, limit=MAX_HTML_DEPTH))
    markup = sum(body.count(c) for c in MARKUP)
    if markup > MAX_MARKUP:
        found["markup"] = (1, say("body.markup", count=f"{markup:,}", chars=" ".join(MARKUP),
                                  limit=f"{MAX_MARKUP:,}"))
    return sorted(found.values())
