"""URLs as a browser reads them: which scheme an attribute's value has, what a srcset
holds. The sanitiser decides on these (render/sanitize.py), the entry reader uses
them to tell a file of the site's own from an address elsewhere (read/body.py).

>>> url_scheme(" java\\tscript:alert(1)")
'javascript'
>>> url_scheme("photo-1.jpg") is None
True
>>> srcset_urls("a.jpg 1x, b.jpg (x, y) 2x,c.jpg")
['a.jpg', 'b.jpg', 'c.jpg']
"""

from __future__ import annotations

import re

# What the WHATWG URL parser strips around a URL and removes inside it.
_EDGES = "".join(chr(c) for c in range(0x21))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+")


def url_scheme(value: str) -> str | None:
    """The scheme a browser sees in an attribute's (entity-decoded) value, lowercased,
    or None for a relative URL. 'java&#9;script:' decoded is 'java\\tscript:', which a
    browser reads as javascript:."""
    url = _TAB_OR_NEWLINE.sub("", value.strip(_EDGES))
    m = _SCHEME.match(url)
    return m.group(1).lower() if m else None


def safe_url(value: str, schemes: frozenset[str]) -> bool:
    """Relative, or with one of ``schemes``; also when every space, control and
    invisible character is taken out (a reader other than a browser, a feed reader
    say, may be laxer: NBSP + 'javascript:' is a relative URL to Chromium)."""
    lax = _INVISIBLE.sub("", value)
    return all(s is None or s in schemes for s in (url_scheme(value), url_scheme(lax)))


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset, split as the HTML standard's srcset parser splits them:
    a candidate's URL runs to the next space; commas that end it are separators,
    and the descriptors after it run to the next comma outside parentheses."""
    urls: list[str] = []
    i, n = 0, len(value)
    while i < n:
        while i < n and (value[i].isspace() or value[i] == ","):
            i += 1
        start = i
        while i < n and not value[i].isspace():
            i += 1
        url = value[start:i]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            in_parens = False
            while i < n:
                c = value[i]
                if in_parens:
                    in_parens = c != ")"
                elif c == "(":
                    in_parens = True
                elif c == ",":
                    break
                i += 1
        if url:
            urls.append(url)
    return urls
