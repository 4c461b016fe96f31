"""The pages of one archive: its entries as cards, PAGE_SIZE to a page, with a pager.

``listing_pages`` is the one way every archive (a province, a province's year, a
year, a person, a tag) becomes pages; archives.py says which archives there are
and what each shows besides its cards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import paths
from ..model.archive import PAGE_SIZE, paginate
from ..model.entry import Entry
from ..model.province import Province
from .cards import feed_links
from .labels import count_description, news_of, with_page, year_label
from .pages import Card, GeneratedPage, Group, Listing, Pager, PagerItem

PAGER_REACH = 2        # page links either side of the current page; the first and last always

PageUri = Callable[[int], str]      # page number -> src_uri of that page of the archive


@dataclass(frozen=True)
class ListingSpec:
    """One archive to list: its pages' addresses, its entries, how it is titled."""
    kind: type[Listing]              # the page kind (ProvinceListing, TagListing, …)
    uri: PageUri
    heading: str                     # h1
    entries: list[Entry]
    title: str | None = None         # of its first page (default: the heading)
    about: str | None = None         # its news, in the description and feed title
    #                                  (default: ข่าว + heading)
    by_year_of: Province | None = None   # cards grouped by program year, linking to the
    #                                  province's year pages (None: years link to /years/)
    grouped: bool = False
    feed: str | None = None          # the folder of its feeds, if it has them


def pager(uri: PageUri, current: int, total: int) -> Pager | None:
    """Links to the first, the last and the pages around the current one, '…' between:
    a year with 100 pages of news gets 7 links a page, not 100."""
    if total <= 1:
        return None
    shown = sorted({1, total, *range(max(1, current - PAGER_REACH),
                                     min(total, current + PAGER_REACH) + 1)})
    items: list[PagerItem] = []
    for n in shown:
        if items and n > (items[-1].number or 0) + 1:
            items.append(PagerItem(number=None, gap=True))
        items.append(PagerItem(number=n, url=paths.url_of(uri(n)), current=n == current))
    return Pager(current=current, total=total, pages=tuple(items),
                 newer=paths.url_of(uri(current - 1)) if current > 1 else None,
                 older=paths.url_of(uri(current + 1)) if current < total else None)


def _groups_by_year(entries: list[Entry], province: Province | None,
                    cards: dict[str, Card]) -> tuple[Group, ...]:
    groups: list[tuple[int, list[Card]]] = []
    for e in entries:
        if not groups or groups[-1][0] != e.year:
            groups.append((e.year, []))
        groups[-1][1].append(cards[e.slug])
    return tuple(Group(year, year_label(year),
                       paths.url_of(paths.province_year(province, year) if province
                                    else paths.year(year)), tuple(found))
                 for year, found in groups)


def newest(entries: list[Entry]) -> str | None:
    return max(e.date for e in entries).isoformat() if entries else None


def listing_pages(archive: ListingSpec, cards: dict[str, Card], **shown: object) -> list[GeneratedPage]:
    """The pages of ``archive``; ``shown``: what its kind shows besides the cards."""
    about = archive.about or news_of(archive.heading)
    chunks = paginate(archive.entries, PAGE_SIZE)
    pages = []
    for n, chunk in enumerate(chunks, start=1):
        groups = (_groups_by_year(chunk, archive.by_year_of, cards) if archive.grouped else
                  (Group(None, None, None, tuple(cards[e.slug] for e in chunk)),))
        view = archive.kind(
            heading=archive.heading, total=len(archive.entries), groups=groups,
            pager=pager(archive.uri, n, len(chunks)),
            feeds=feed_links((archive.feed, about)) if archive.feed is not None else (),
            **shown)  # type: ignore[arg-type]
        pages.append(GeneratedPage(
            src_uri=archive.uri(n), title=with_page(archive.title or archive.heading, n), view=view,
            description=count_description(about, len(archive.entries)), hide=("toc",),
            updated=newest(chunk)))
    return pages
