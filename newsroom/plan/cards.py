"""Cards (what a listing shows of an entry), photos as <img> values, and the little
links every page shares."""

from __future__ import annotations

from ..assets.photos import SIZES, PhotoSet, Rendition
from ..model import paths
from ..model.calendar import thai_date
from ..model.entry import Entry
from .labels import year_label
from .pages import Card, FeedLink, Link, Picture

Photos = dict[tuple[str, str], PhotoSet]  # (entry slug, photo) -> its published copies
THUMB_WIDTH = 320                         # the copy a card shows
COVER_WIDTH = 1280                        # the copy an entry page's cover names


def link(label: str, src_uri: str, count: int | None = None) -> Link:
    return Link(label, paths.url_of(src_uri), count)


def picture(e: Entry, photo: PhotoSet, width: int) -> Picture:
    """src (site-relative), srcset, sizes, width and height of one of an entry's photos."""
    shown = photo.fitting(width)
    return Picture(src=f"{e.url}{shown.name}", width=shown.width, height=shown.height,
                   srcset=photo.srcset, sizes=SIZES, webp_srcset=photo.webp_srcset)


def photo_set(e: Entry, target: str, photos: Photos) -> PhotoSet:
    """The published copies of a photo; without them (a plan made without
    photos.prepare, in tests), a stand-in of unknown size that publishes nothing."""
    found = photos.get((e.slug, target))
    if found is None:
        source = next(p.source for p in e.photos if p.target == target)
        found = PhotoSet(target, 0, 0, (Rendition(target, source, 0, 0),))
    return found


def entry_card(e: Entry, photos: Photos) -> Card:
    cover = photo_set(e, e.image, photos) if e.image else None
    return Card(
        title=e.title, url=e.url, date=thai_date(e.date), date_iso=e.published.isoformat(),
        summary=e.summary,
        provinces=tuple(link(p.name_th, paths.province(p)) for p in e.provinces),
        year=link(year_label(e.year), paths.year(e.year)),
        image=picture(e, cover, THUMB_WIDTH) if cover else None)


def feed_links(*folders_and_titles: tuple[str, str]) -> tuple[FeedLink, ...]:
    """<link rel=alternate> values for the feeds of archive folders ("" = the site)."""
    return tuple(FeedLink(title, paths.atom_feed(folder), paths.json_feed(folder))
                 for folder, title in folders_and_titles)
