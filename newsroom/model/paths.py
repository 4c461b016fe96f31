"""URL shapes of every generated page, in one place.

Each function returns the page's source path inside the MkDocs file tree
(``…/index.md``); MkDocs turns ``x/index.md`` into the URL ``x/``. Pages are
numbered from 1; page 1 of a listing lives at the listing's own URL.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from .province import Province

PROVINCES = "provinces/index.md"
YEARS = "years/index.md"
HOME = "index.md"
TAGS = "tags/index.md"
PEOPLE = "people/index.md"
STATS = "stats/index.md"
DATA = "data/index.md"
# The public body's pages (docs/*.md) and the human-readable site map (plan/indexes.py)
ABOUT = "about.md"
PRIVACY = "privacy.md"
ACCESSIBILITY = "accessibility.md"
GUIDE = "guide.md"
SITE_MAP = "site-map/index.md"
# The open data beside /data/ (plan/open_data.py)
DATA_ENTRIES_CSV = "data/entries.csv"
DATA_ENTRIES_JSON = "data/entries.json"
DATA_SCHEMA = "data/entries.schema.json"
DATA_COUNTS_CSV = "data/counts.csv"
# An entry's slug, the last part of its URL: ASCII letters and digits in words joined by -.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Beneath a listing's URL its own pages live at page/2/, …: no person, tag or entry may be
# called so (entries live beneath /news/, which lists every entry).
RESERVED_SLUGS = frozenset({"page"})


def slug_of_file(path: PurePath) -> str:
    """The slug an entry file's name gives, unchecked (SLUG_RE says whether it is one):
    news/2564/x.md and news/2564/x/index.md are both x; spaces and _ become -."""
    stem = path.parent.name if path.stem == "index" else path.stem
    return re.sub(r"[\s_]+", "-", stem.strip().lower())


def url_of(src_uri: str) -> str:
    """'provinces/udon-thani/index.md' -> 'provinces/udon-thani/'."""
    if src_uri == "index.md":
        return ""
    if src_uri.endswith("/index.md"):
        return src_uri[: -len("index.md")]
    return src_uri[: -len(".md")] + "/"


def absolute(site_url: str, url: str) -> str:
    """A site-relative URL made absolute: urljoin for a site_url that names a folder
    (MkDocs ends it with '/'), at a fraction of urljoin's cost (called 40,000 times)."""
    if not site_url:
        return url
    return (site_url if site_url.endswith("/") else site_url + "/") + url


def page_file(src_uri: str) -> str:
    """The HTML file a page is written to in site/: 'news/x/index.md' -> 'news/x/index.html'."""
    return f"{url_of(src_uri)}index.html"


def _paged(base: str, page: int) -> str:
    return f"{base}/index.md" if page <= 1 else f"{base}/page/{page}/index.md"


def all_news(page: int = 1) -> str:
    """/news/: every entry, newest first (entries' own pages are beneath it)."""
    return _paged("news", page)


def search_query(province: Province | None = None, year: int | None = None) -> str:
    """'?province=udon-thani&year=2564': on any page's URL, opens the search filtered to
    them (docs/assets/search.js reads q, province and year); a query-only reference, so
    a page links to itself with it.

    >>> from newsroom.model.province import resolve
    >>> search_query(resolve("น่าน"), 2564), search_query(year=2566)
    ('?province=nan&year=2564', '?year=2566')
    """
    parts = ([f"province={province.slug}"] if province else []) + ([f"year={year}"] if year else [])
    return "?" + "&".join(parts)


def entry(slug: str) -> str:
    return f"news/{slug}/index.md"


def entry_url(slug: str) -> str:
    """'news/<slug>/': the site-relative URL of an entry's page."""
    return url_of(entry(slug))


def entry_file(slug: str, target: str) -> str:
    """A photo beside the entry page."""
    return f"news/{slug}/{target}"


def province(p: Province, page: int = 1) -> str:
    return _paged(f"provinces/{p.slug}", page)


def province_year(p: Province, year: int, page: int = 1) -> str:
    return _paged(f"provinces/{p.slug}/{year}", page)


def year(y: int, page: int = 1) -> str:
    return _paged(f"years/{y}", page)


def person(slug: str, page: int = 1) -> str:
    return _paged(f"people/{slug}", page)


def tag(slug: str, page: int = 1) -> str:
    return _paged(f"tags/{slug}", page)


# --------------------------------------------------------------------------
# Feeds: a pair in the folder of each archive that has them
# --------------------------------------------------------------------------

SITE_FEEDS = ""                      # the site's own feeds are at its root


def province_folder(p: Province) -> str:
    return f"provinces/{p.slug}/"


def year_folder(y: int) -> str:
    return f"years/{y}/"


def atom_feed(folder: str) -> str:
    return f"{folder}feed.xml"


def json_feed(folder: str) -> str:
    return f"{folder}feed.json"
