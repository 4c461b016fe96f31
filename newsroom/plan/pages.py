"""What the planner hands the renderer: pages as values, each of a kind (a type).

A ``GeneratedPage`` is one URL MkDocs will render: where it sits, its title and
description, the Markdown of its body (entries only) and its view, the finished
display values its template lays out. Each view type names its template; the
templates in overrides/newsroom/ only print these values (they branch on whether
a value is there, never on what kind of page they are on). Every value is
frozen and compares by value, so a preview can tell an unchanged page from a
changed one and caches can be keyed by what they hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from ..assets.photos import PhotoSet
from ..model import paths

ENTRY_TEMPLATE = "newsroom/entry.html"
LISTING_TEMPLATE = "newsroom/listing.html"


# --------------------------------------------------------------------------
# Small display values
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Link:
    label: str
    url: str                     # site-relative ("provinces/nan/"), for the url filter
    count: int | None = None     # entries behind the link, where a page shows it


@dataclass(frozen=True)
class Headline:
    """An entry named by its title: the newer and older neighbours of an entry page."""
    title: str
    url: str


@dataclass(frozen=True)
class Picture:
    """One photo as a <picture>: the JPEG copy its <img src> names, the others in srcset,
    the WebP copies in a <source> for the browsers that take them."""
    src: str                     # site-relative
    width: int
    height: int
    srcset: str
    sizes: str
    webp_srcset: str = ""


@dataclass(frozen=True)
class GalleryItem:
    """A photo of an entry's gallery: its thumbnail, the copy the lightbox shows, words."""
    thumb: Picture
    full: str                    # site-relative URL of the largest JPEG copy
    full_width: int
    full_height: int
    caption: str
    alt: str


@dataclass(frozen=True)
class Card:
    """What a listing shows of one entry."""
    title: str
    url: str
    date: str                    # Thai, Buddhist Era
    date_iso: str
    summary: str
    provinces: tuple[Link, ...]
    year: Link
    image: Picture | None


@dataclass(frozen=True)
class FeedLink:
    """A <link rel=alternate> pair: an archive's Atom and JSON feeds."""
    title: str
    atom: str
    json: str


@dataclass(frozen=True)
class MetaTag:
    attr: str                    # "property" or "name"
    key: str
    value: str


@dataclass(frozen=True)
class ShareLink:
    """A plain link to a service's own share page: nothing of it loads until it is tapped."""
    service: str                 # "line", "facebook": the CSS modifier
    label: str                   # "แชร์ทาง LINE"
    url: str                     # absolute, the entry's address in its query


@dataclass(frozen=True)
class Sharing:
    """Open Graph / Twitter tags and the NewsArticle JSON-LD of an entry page, and the
    ways a reader shares it."""
    meta: tuple[MetaTag, ...]
    json_ld: str                 # escaped for a <script> block already
    url: str = ""                # the entry's absolute address (the copy-link button's)
    links: tuple[ShareLink, ...] = ()


@dataclass(frozen=True)
class Neighbours:
    """The next newer and older entry in one of an entry's provinces."""
    province: Link
    newer: Headline | None
    older: Headline | None


@dataclass(frozen=True)
class Group:
    """Cards under a heading: a province's entries by program year."""
    year: int | None
    label: str | None
    url: str | None
    entries: tuple[Card, ...]


@dataclass(frozen=True)
class PagerItem:
    number: int | None           # None for the gap between far pages
    url: str | None = None
    current: bool = False
    gap: bool = False


@dataclass(frozen=True)
class Pager:
    current: int
    total: int
    pages: tuple[PagerItem, ...]
    newer: str | None
    older: str | None


# --------------------------------------------------------------------------
# The kinds of page
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class View:
    """The display values of one page; its type says which template shows them."""
    template: ClassVar[str]


@dataclass(frozen=True)
class EntryView(View):
    template: ClassVar[str] = ENTRY_TEMPLATE
    title: str
    date: str
    date_iso: str
    authors: tuple[Link, ...]
    photographers: tuple[Link, ...]
    credit: str                  # "ภาพ: …" under the cover, as under every photo
    tags: tuple[Link, ...]
    related: tuple[Card, ...]
    provinces: tuple[Link, ...]
    year: Link
    province_years: tuple[Link, ...]
    cover: Picture | None
    cover_alt: str
    gallery: tuple[GalleryItem, ...]
    neighbours: tuple[Neighbours, ...]
    feeds: tuple[FeedLink, ...]
    sharing: Sharing


@dataclass(frozen=True)
class ProvinceFacts:
    name: str
    name_en: str
    region: str


@dataclass(frozen=True)
class PersonFacts:
    name: str
    written: int
    photographed: int
    roles: str                   # "เขียนข่าว 3 · ถ่ายภาพ 2", without a role of 0 (labels.py)


@dataclass(frozen=True)
class Listing(View):
    """A page of an archive: its cards, grouped or not, and the way to its other pages.
    The kinds below add what their page shows besides (facets, facts, links)."""
    template: ClassVar[str] = LISTING_TEMPLATE
    kind: ClassVar[str] = ""     # the CSS modifier of the page: nr-listing--<kind>
    heading: str
    total: int
    groups: tuple[Group, ...]
    pager: Pager | None
    feeds: tuple[FeedLink, ...]
    up: Link
    province: ProvinceFacts | None = None
    person: PersonFacts | None = None
    span: str | None = None                   # a program year's first and last day
    years_facet: tuple[Link, ...] = ()        # a province's years, with counts
    provinces_facet: tuple[Link, ...] = ()    # a year's provinces, with counts
    year: Link | None = None                  # every province's news of this year
    search: Link | None = None                # the search, filtered to this archive (a query-only URL)


@dataclass(frozen=True)
class ProvinceListing(Listing):
    kind: ClassVar[str] = "province"


@dataclass(frozen=True)
class ProvinceYearListing(Listing):
    kind: ClassVar[str] = "province_year"


@dataclass(frozen=True)
class YearListing(Listing):
    kind: ClassVar[str] = "year"


@dataclass(frozen=True)
class PersonListing(Listing):
    kind: ClassVar[str] = "person"


@dataclass(frozen=True)
class TagListing(Listing):
    kind: ClassVar[str] = "tag"


@dataclass(frozen=True)
class AllNewsListing(Listing):
    """/news/: every entry, newest first, the home page's way into all of them."""
    kind: ClassVar[str] = "all"


@dataclass(frozen=True)
class HomeView(View):
    template: ClassVar[str] = "newsroom/home.html"
    latest: tuple[Card, ...]
    total: int
    years: tuple[Link, ...]
    provinces: tuple[Link, ...]
    provinces_url: str
    years_url: str
    tags_url: str
    people_url: str
    all_url: str                 # /news/: every entry


@dataclass(frozen=True)
class RegionGroup:
    name: str
    slug: str
    provinces: tuple[Link, ...]
    count: int


@dataclass(frozen=True)
class ProvincesIndex(View):
    template: ClassVar[str] = "newsroom/provinces.html"
    regions: tuple[RegionGroup, ...]
    total: int
    with_news: int
    map: str                     # SVG, escaped where it is built (charts.py)


@dataclass(frozen=True)
class YearSummary:
    label: str
    url: str
    count: int
    span: str
    provinces: int


@dataclass(frozen=True)
class YearsIndex(View):
    template: ClassVar[str] = "newsroom/years.html"
    total: int
    years: tuple[YearSummary, ...]
    chart: str                   # SVG


@dataclass(frozen=True)
class PeopleIndex(View):
    template: ClassVar[str] = "newsroom/people.html"
    authors: tuple[Link, ...]
    photographers: tuple[Link, ...]


@dataclass(frozen=True)
class TagsIndex(View):
    template: ClassVar[str] = "newsroom/tags.html"
    tags: tuple[Link, ...]
    tag_count: int
    total: int


@dataclass(frozen=True)
class SiteMapSection:
    """A heading of the site map and the pages under it."""
    title: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class SiteMapView(View):
    """/site-map/: every kind of page, for a reader (sitemap.xml is the search engines')."""
    template: ClassVar[str] = "newsroom/site-map.html"
    sections: tuple[SiteMapSection, ...]


@dataclass(frozen=True)
class NotFoundView(View):
    """The site's 404.html: in Thai, the way home, the search, the latest entries. MkDocs
    renders it once for every missing address at any depth, so its links are from the
    site's root (the url filter gives those on a page without a place)."""
    template: ClassVar[str] = "404.html"
    latest: tuple[Card, ...]
    home_url: str
    all_url: str
    provinces_url: str
    years_url: str
    site_map_url: str


# --------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class EntryBody:
    """What rendering an entry's Markdown needs besides the Markdown: its photos'
    published copies, the credit under them, the text of a photo without its own,
    and the pages its links to other entries' files lead to."""
    photos: dict[str, PhotoSet]        # by the name the body uses ("photo-1.jpg")
    credit: str
    fallback_alt: str
    links: dict[str, str] = field(default_factory=dict)   # href -> "../<slug>/index.md#…"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str                      # where MkDocs sees it, e.g. "provinces/nan/index.md"
    title: str                        # plain text (escaped by the renderer, not here)
    view: View                        # its display values; the type names the template
    markdown: str = ""                # the body MkDocs renders (entries only)
    description: str = ""             # plain text for <meta name="description">
    files: tuple[tuple[str, Path], ...] = ()   # (name, source) copied beside the page
    hide: tuple[str, ...] = ()        # Material's hide: navigation, toc, …
    updated: str | None = None        # ISO date of its newest entry, for the sitemap
    source: str | None = None         # the writer's file an entry page comes from
    body: EntryBody | None = None     # an entry page's photos and links

    @property
    def template(self) -> str:
        return self.view.template

    @property
    def url(self) -> str:
        return paths.url_of(self.src_uri)


@dataclass
class SitePlan:
    pages: list[GeneratedPage] = field(default_factory=list)
    not_found: NotFoundView | None = None      # 404.html's values (MkDocs renders it apart)

    def by_uri(self) -> dict[str, GeneratedPage]:
        return {p.src_uri: p for p in self.pages}
