"""Thai lines broken between words: the pieces of model/words.py marked in our pages' HTML.

Each piece that must stay whole goes in ``<span class="nr-w">`` (``white-space:
nowrap`` in newsroom.css) and a word boundary with no space to break at gets a
``<wbr>``. Measured in Chromium 156 on six of the sample's titles at 83 widths
(tests/browser/test_line_breaks.py checks the site the same way): the
browser's own breaking ends 235 of 1,532 lines inside a word; ``<wbr>`` with
``word-break: keep-all`` ends the same 235 there (keep-all does not apply to
Thai), so do zero-width spaces; nowrap words with ``<wbr>`` between them, none.
Neither tag is text: textContent, what a reader copies, what search and feeds
read (they never see this HTML) stay the writer's characters.

``word_breaks`` is the Jinja filter our templates put around their content
block (``{% filter word_breaks %}``): titles, cards, labels, and an entry's
body, which arrives there rendered and cleaned (render/sanitize.py). Only text
between tags changes. Tags and their attributes are copied as they are, and so
is all text inside the elements of ``VERBATIM`` (code, preformatted text,
scripts, SVG), and URLs (model/words.py leaves them whole).

What it reads is what our templates print (every value escaped with ``|e``,
attributes in double quotes) and what sanitize.py gives for a body (html5ever's
serialiser: attribute values in double quotes with ``"`` escaped, no
comments): a tag ends at the first ``>`` outside quotes, and a character
reference (``&amp;``) is copied whole.
"""

from __future__ import annotations

import re
from typing import Callable

from .. import speed
from ..model.words import Piece, Segmenter
from .line_break_cache import KeptPieces
from .marked_blocks import KeptBlocks

VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style", "svg", "math",
                      "textarea", "title"})
KEEP_OPEN, KEEP_CLOSE, WBR = '<span class="nr-w">', "</span>", "<wbr>"

# A tag: runs of what is not a quote or >, and quoted values (the loop unrolled: the
# regular expression engine takes runs at once, half the time of a character at a time).
_MARKUP = re.compile(r"""(<!--.*?-->|<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)""", re.S)
_VERBATIM_TAG = re.compile(r"<(/?)(?:%s)(?=[\s/>])" % "|".join(sorted(VERBATIM)), re.I)
_REFERENCE = re.compile(r"(&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)")
# Text with none of these is left as it is: no Thai, no separator to keep off a line's start.
_MAY_CHANGE = re.compile("[\u0e01-\u0e4e\u00b7\u2013\u2014|]")


def word_breaks(segmenter: Segmenter, kept: KeptPieces | None = None,
                blocks: KeptBlocks | None = None) -> Callable[[str], str]:
    """The ``word_breaks`` filter: HTML in, the same HTML with its Thai lines marked
    (MkDocs' Jinja environment does not autoescape: the block's HTML comes as a str).
    ``kept``: the pieces earlier builds cut texts into (line_break_cache.py);
    ``blocks``: the blocks earlier builds marked, whole (marked_blocks.py)."""
    def marked(html: str) -> str:
        return mark(html, segmenter, kept)

    def marked_html(html: str) -> str:
        return marked(str(html)) if blocks is None else blocks.marked(str(html), marked)
    return marked_html


def mark(html: str, segmenter: Segmenter, kept: KeptPieces | None = None) -> str:
    parts = _MARKUP.split(html)           # text, tag, text, tag, …, text
    memo = speed.fast()
    verbatim = 0                          # depth inside VERBATIM elements
    tags = _VERBATIM_TAG.search(html) is not None     # else no tag needs looking at

    def marked(run: str) -> str:
        return _marked_text(run, segmenter, memo, kept)

    for i in range(0, len(parts), 2):
        if i and tags:
            tag = _VERBATIM_TAG.match(parts[i - 1])
            if tag and not parts[i - 1].endswith("/>"):
                verbatim = max(0, verbatim + (-1 if tag.group(1) else 1))
        text = parts[i]
        if text and not verbatim and _MAY_CHANGE.search(text):
            parts[i] = segmenter.remembered(text, _marked_text, marked, memo)
    return "".join(parts)


def _marked_text(text: str, segmenter: Segmenter, memo: bool, kept: KeptPieces | None) -> str:
    """Escaped text (between two tags) with its pieces marked; character references
    are copied whole. With ``kept``, a text's marks are made from its kept codes
    straight (no pieces on the way), memoised as ``shaped`` memoises."""
    parts = _REFERENCE.split(text)

    def made(part: str) -> str:
        return kept.marked(part, segmenter, memo, _html, MARKS)  # type: ignore[union-attr]

    for i in range(0, len(parts), 2):
        part = parts[i]
        if not _MAY_CHANGE.search(part):
            continue
        parts[i] = (segmenter.shaped(part, _html, memo) if kept is None
                    else segmenter.remembered(part, _html, made, memo))
    return "".join(parts)


MARKS = (KEEP_OPEN, KEEP_CLOSE, WBR)      # what _html puts around and before pieces


def _html(pieces: tuple[Piece, ...]) -> str:
    out: list[str] = []
    for piece in pieces:
        if piece.wbr:
            out.append(WBR)
        out.append(f"{KEEP_OPEN}{piece.text}{KEEP_CLOSE}" if piece.keep else piece.text)
    return "".join(out)
