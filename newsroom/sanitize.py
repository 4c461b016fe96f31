"""Entry bodies as safe HTML, decided on the HTML a browser will parse.

Markdown lets a writer put raw HTML in a report, an attribute list ({: … })
can add attributes to any element, and a report pasted or imported from
elsewhere may carry either. So every rendered entry body goes through ammonia
(the nh3 package, a well-kept HTML sanitiser), which parses it as a browser
does (entities decoded, attributes split the HTML way) and keeps only what
reports may hold: text markup, links, photos, figures, tables, headings with
their anchors. Everything else is dropped; the text inside a dropped tag stays
(scripts and styles go entirely).

Then, on each attribute that survives:

- every URL attribute (href, src, srcset, cite) is read as the URL parser of
  a browser reads it (leading and trailing spaces and controls stripped, tabs
  and line breaks inside removed) and dropped unless it is relative or uses
  http, https, mailto or tel (srcset: each candidate, http and https only);
- ids may not take a name the page's chrome uses (Material's ``__config``,
  ``__toc``, …, our ``nr-…``): such an id becomes ``u-<id>``; and an id
  already used earlier in the body is dropped, so an anchor names one place.
"""

from __future__ import annotations

import re
from typing import Callable

import nh3

_GLOBAL = {"class", "id", "title", "lang", "dir"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": _GLOBAL,
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "td": {"colspan", "rowspan", "align", "headers"},
    "th": {"colspan", "rowspan", "align", "scope", "headers"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
TAGS = (nh3.ALLOWED_TAGS - {"area", "map"}) | {"picture", "source", "tfoot"}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
IMAGE_SCHEMES = frozenset({"http", "https"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
CLEAN_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "noscript",
                 "textarea", "select", "svg", "math"}
# Ids of the page around an entry body: Material's all start with "__" (__config,
# __toc, __drawer, __search, __nav_…), ours with "nr-".
RESERVED_ID_PREFIXES = ("__", "nr-")
RENAMED_ID_PREFIX = "u-"

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


def safe_url(value: str, schemes: frozenset[str] = URL_SCHEMES) -> bool:
    """Relative, or with one of ``schemes``; also when every space, control and
    invisible character is taken out (a reader other than a browser, a feed reader
    say, may be laxer: NBSP + 'javascript:' is a relative URL to Chromium)."""
    lax = _INVISIBLE.sub("", value)
    return all(s is None or s in schemes for s in (url_scheme(value), url_scheme(lax)))


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset, split as the HTML standard's srcset parser splits them:
    a candidate's URL runs to the next space; commas that end it are separators,
    and the descriptors after it run to the next comma."""
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
            in_parens = False   # descriptors, up to the next comma outside parentheses
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


def safe_id(value: str) -> str:
    """An id that cannot be taken for one of the page chrome's."""
    return RENAMED_ID_PREFIX + value if value.startswith(RESERVED_ID_PREFIXES) else value


def _attribute_filter() -> Callable[[str, str, str], str | None]:
    ids: set[str] = set()

    def check(element: str, attribute: str, value: str) -> str | None:
        if attribute in URL_ATTRIBUTES:
            return value if safe_url(value) else None
        if attribute == "srcset":      # each candidate as parsed, and each comma's share
            parts = srcset_urls(value) + value.split(",")     # read laxly (no spaces at all)
            return value if all(safe_url(u, IMAGE_SCHEMES) for u in parts) else None
        if attribute == "id":
            value = safe_id(value)
            if value in ids:
                return None
            ids.add(value)
        return value

    return check


def clean(body_html: str) -> str:
    """The body with only safe elements, attributes, URLs and ids."""
    return nh3.clean(body_html, tags=TAGS, clean_content_tags=CLEAN_CONTENT,
                     attributes=ATTRIBUTES, url_schemes=set(URL_SCHEMES), link_rel=None,
                     strip_comments=True, attribute_filter=_attribute_filter())
