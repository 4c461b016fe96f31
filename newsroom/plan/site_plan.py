"""From the archive model to every page MkDocs renders, in a stable order.

``plan_site`` returns one GeneratedPage per URL: entry pages (entry_pages.py),
/provinces/, /years/ and the home page (indexes.py), each province and each
province in each program year, each year, each person and each tag, with
/people/ and /tags/ (archives.py), /stats/ (stats.py), /data/ (open_data.py), /news/
(every entry, archives.py) and /site-map/ (indexes.py); and the values of 404.html.
Entries come first: MkDocs renders in this
order, and the search index is built from entry pages as they render, so it
can finish while the archive pages render.
"""

from __future__ import annotations

from ..model import paths
from ..model.archive import Archive
from ..model.identity import SiteIdentity
from ..model.slugs import ascii_slugs
from .archives import all_news_pages, people_pages, province_pages, tag_pages, year_pages
from .cards import Photos, entry_card
from .entry_pages import EntryPageMemo, entry_inputs, entry_page
from .indexes import home, not_found, provinces_index, site_map, years_index
from .open_data import data_page
from .pages import SitePlan
from .stats import stats_page


def plan_site(archive: Archive, site: SiteIdentity, photos: Photos | None = None,
              memo: EntryPageMemo | None = None) -> SitePlan:
    """``photos``: the published copies of each entry's photos (assets/photos.py);
    ``memo``: the entry pages of the last plan (previews)."""
    photos = photos or {}
    cards = {e.slug: memo.card(e, photos) if memo else entry_card(e, photos)
             for e in archive.entries}
    people = ascii_slugs([*archive.by_author, *archive.by_photographer], fallback="person",
                         reserved=paths.RESERVED_SLUGS)
    tags = ascii_slugs(archive.by_tag, fallback="tag", reserved=paths.RESERVED_SLUGS)
    slugs = {e.path: e.slug for e in archive.entries}
    make = memo.page if memo else entry_page
    entries = [make(entry_inputs(e, archive, site, cards, people, tags, photos, slugs))
               for e in archive.entries]
    return SitePlan(pages=[*entries, provinces_index(archive), years_index(archive),
                           home(archive, cards), *province_pages(archive, cards),
                           *year_pages(archive, cards), *people_pages(archive, cards, people),
                           *tag_pages(archive, cards, tags), stats_page(archive, people, tags),
                           data_page(archive, site), *all_news_pages(archive, cards),
                           site_map(archive)],
                    not_found=not_found(archive, cards))
