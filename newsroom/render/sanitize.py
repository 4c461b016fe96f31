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
  ``__toc``, …, our ``nr-…``: model/slugs.py safe_id): such an id becomes
  ``u-<id>``; and an id already used earlier in the body is dropped, so an
  anchor names one place.
"""

from __future__ import annotations

from typing import Callable

import nh3

from ..assets.photos import PhotoSet
from ..model.slugs import safe_id
from ..model.urls import safe_url, srcset_urls

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
SHOWN_WIDTH = 1280      # the copy an <img src> names (as markdown_ext.py's)
CLEAN_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "noscript",
                 "textarea", "select", "svg", "math"}


def _attribute_filter(renamed: dict[tuple[str, str], str]) -> Callable[[str, str, str], str | None]:
    ids: set[str] = set()

    def check(element: str, attribute: str, value: str) -> str | None:
        if attribute in URL_ATTRIBUTES:
            if not safe_url(value, URL_SCHEMES):
                return None
            return renamed.get((attribute, value), value)
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


def clean(body_html: str, photos: dict[str, PhotoSet] | None = None) -> str:
    """The body with only safe elements, attributes, URLs and ids. ``photos``: the
    entry's photos by the names its body uses; a raw <img src> or <a href> naming one
    (Markdown's are pointed at the copies already) is pointed at its published copy."""
    renamed: dict[tuple[str, str], str] = {}
    for name, found in (photos or {}).items():
        renamed[("src", name)] = found.fitting(SHOWN_WIDTH).name
        renamed[("href", name)] = found.largest.name
    cleaned = nh3.clean(body_html, tags=TAGS, clean_content_tags=CLEAN_CONTENT,
                        attributes=ATTRIBUTES, url_schemes=set(URL_SCHEMES), link_rel=None,
                        strip_comments=True, attribute_filter=_attribute_filter(renamed))
    # Most bodies come out as they went in: the same string then, not a copy of it
    # (the page keeps its content to the end of the build: 10,000 bodies, ~58 MB).
    return body_html if cleaned == body_html else cleaned
