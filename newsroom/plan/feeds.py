"""Feeds of the latest entries: Atom (feedgenerator, Pelican's feed writer) and
JSON Feed 1.1, from the archive model.

One pair of feeds for the whole archive, each province and each program year:
/feed.xml + /feed.json, /provinces/<slug>/feed.xml, /years/<year>/feed.xml, …
Every URL in a feed is absolute (from ``site_url``); times carry the Bangkok
offset. Output depends only on the entries, so two builds give the same bytes.
"""

from __future__ import annotations

import html
import io
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from feedgenerator import Atom1Feed, Enclosure

from ..assets.photos import PhotoSet
from ..model import paths
from ..model.archive import Archive
from ..model.entry import Entry
from ..model.identity import SiteIdentity
from .labels import feed_title, province_label, year_label

FEED_LENGTH = 30


@dataclass(frozen=True)
class Cover:
    """The published copy of an entry's cover photo a feed encloses (its largest)."""
    name: str               # beside the entry page, e.g. "cover-1600.jpg"
    size: int               # bytes


@dataclass(frozen=True)
class FeedSpec:
    folder: str             # "" for the site, "provinces/nan/", "years/2564/"
    title: str
    entries: tuple[Entry, ...]
    covers: tuple[Cover | None, ...] = ()       # one per entry, when photos were prepared

    @property
    def atom_path(self) -> str:
        return paths.atom_feed(self.folder)

    @property
    def json_path(self) -> str:
        return paths.json_feed(self.folder)


def plan_feeds(archive: Archive, site: SiteIdentity,
               photos: dict[tuple[str, str], PhotoSet] | None = None) -> list[FeedSpec]:
    """The site's feed, each province's and each year's; none for an empty archive.
    ``photos``: the published copies of the entries' photos (assets/photos.py)."""
    if not archive.entries:
        return []
    photos = photos or {}

    def spec(folder: str, title: str, entries: list[Entry]) -> FeedSpec:
        chosen = tuple(entries[:FEED_LENGTH])
        return FeedSpec(folder, title, chosen, tuple(_cover(e, photos) for e in chosen))

    feeds = [spec(paths.SITE_FEEDS, feed_title(site.name), archive.entries)]
    for p, entries in archive.by_province.items():
        # Newest first by date (province pages group by program year; feeds do not).
        feeds.append(spec(paths.province_folder(p), feed_title(site.name, province_label(p)),
                          entries))
    for y, entries in archive.by_year.items():
        feeds.append(spec(paths.year_folder(y), feed_title(site.name, year_label(y)), entries))
    return feeds


def _cover(entry: Entry, photos: dict[tuple[str, str], PhotoSet]) -> Cover | None:
    found = photos.get((entry.slug, entry.image)) if entry.image else None
    if found is None:
        return None
    return Cover(found.largest.name, found.largest.source.stat().st_size)


def _enclosure(entry: Entry, cover: Cover | None, site_url: str) -> tuple[str, str, int] | None:
    """Absolute URL, media type and size of the cover photo's copy, if there is one."""
    if cover is None:
        return None
    return urljoin(site_url, entry.url + cover.name), "image/jpeg", cover.size


class _NewsAtomFeed(Atom1Feed):
    """Atom with every author of an entry, and its photographers as contributors
    (feedgenerator writes one author per entry)."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for element, names in (("author", item["authors"]), ("contributor", item["contributors"])):
            for name in names:
                handler.startElement(element, {})
                handler.addQuickElement("name", name)
                handler.endElement(element)


def atom(feed: FeedSpec, site: SiteIdentity) -> bytes:
    site_url = site.url
    home = urljoin(site_url, feed.folder)
    fg = _NewsAtomFeed(
        title=feed.title, link=home, description="", language="th",
        subtitle=f"ข่าวล่าสุด {len(feed.entries)} รายการ จาก{site.publisher}",
        author_name=site.publisher, feed_url=urljoin(site_url, feed.atom_path),
        feed_copyright=site.publisher, feed_guid=home)
    for e, found in zip(feed.entries, feed.covers or (None,) * len(feed.entries)):
        url = urljoin(site_url, e.url)
        cover = _enclosure(e, found, site_url)
        fg.add_item(
            title=e.title, link=url, unique_id=url,
            # Atom summaries are written as type="html": escape the plain text.
            description=html.escape(e.summary, quote=False),
            pubdate=e.published, updateddate=e.published,
            categories=[*(p.name_th for p in e.provinces), *e.tags],
            enclosures=[Enclosure(cover[0], str(cover[2]), cover[1])] if cover else None,
            authors=e.authors, contributors=e.photographers)
    out = io.StringIO()
    fg.write(out, "utf-8")
    return out.getvalue().encode("utf-8")


def json_feed(feed: FeedSpec, site: SiteIdentity) -> bytes:
    site_url = site.url
    items = []
    for e, found in zip(feed.entries, feed.covers or (None,) * len(feed.entries)):
        url = urljoin(site_url, e.url)
        item: dict[str, object] = {
            "id": url,
            "url": url,
            "title": e.title,
            "summary": e.summary,
            "content_text": e.summary,
            "date_published": e.published.isoformat(),
            "authors": [{"name": n} for n in e.authors],
            "tags": [*(p.name_th for p in e.provinces), *e.tags],
            "language": "th",
            "_newsroom": {"provinces": [p.slug for p in e.provinces], "program_year": e.year,
                          "photographers": list(e.photographers)},
        }
        cover = _enclosure(e, found, site_url)
        if cover:
            item["image"] = cover[0]
            item["attachments"] = [{"url": cover[0], "mime_type": cover[1],
                                    "size_in_bytes": cover[2]}]
        items.append(item)
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": urljoin(site_url, feed.folder),
        "feed_url": urljoin(site_url, feed.json_path),
        "language": "th",
        "authors": [{"name": site.publisher}],
        "items": items,
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
