"""Entry pages: one per published entry, with its neighbours, related entries, credits,
feeds and sharing tags.

``entry_inputs`` gathers everything an entry page shows into one frozen record;
``entry_page`` makes the page from that record alone. So a preview can keep the
last plan's pages and re-plan only the entries whose inputs changed
(``EntryPageMemo``, keyed by the very record the page is made from: nothing it
shows can be left out of the key).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..assets.photos import PhotoSet
from ..model import paths
from ..model.archive import Archive
from ..model.calendar import thai_date_with_weekday
from ..model.entry import Entry
from ..model.identity import SiteIdentity
from ..model.province import Province
from .cards import (COVER_WIDTH, THUMB_WIDTH, Photos, entry_card, feed_links, link, photo_set,
                    picture)
from .labels import news_of, photo_alt, photo_credit, province_label, province_year_label, year_label
from .pages import (Card, EntryBody, EntryView, GalleryItem, GeneratedPage, Headline,
                    Neighbours)
from .sharing import sharing


@dataclass(frozen=True)
class EntryInputs:
    """Everything an entry page shows, as values."""
    entry: Entry
    site: SiteIdentity
    neighbours: tuple[tuple[Province, Headline | None, Headline | None], ...]
    related: tuple[Card, ...]
    people: tuple[tuple[str, str], ...]         # (name, slug) of its writers and photographers
    tags: tuple[tuple[str, str], ...]           # (tag, slug)
    photos: tuple[tuple[str, PhotoSet | None], ...]   # (name in the body, published copies)
    links: tuple[tuple[str, str], ...]          # (href to an entry's file, slug of its page)


def _headline(e: Entry | None) -> Headline | None:
    return Headline(e.title, e.url) if e else None


def entry_inputs(e: Entry, archive: Archive, site: SiteIdentity, cards: dict[str, Card],
                 people: dict[str, str], tags: dict[str, str], photos: Photos,
                 slugs: dict[object, str]) -> EntryInputs:
    near = [(p, archive.neighbours(e, p)) for p in e.provinces]
    return EntryInputs(
        entry=e, site=site,
        neighbours=tuple((p, _headline(n.newer), _headline(n.older)) for p, n in near),
        related=tuple(cards[r.slug] for r in archive.related(e)),
        people=tuple((n, people[n]) for n in dict.fromkeys((*e.authors, *e.photographers))),
        tags=tuple((t, tags[t]) for t in e.tags),
        photos=tuple((ph.target, photos.get((e.slug, ph.target))) for ph in e.photos),
        links=tuple((link_.href, slugs[link_.target]) for link_ in e.links))


def page_link(slug: str, href: str) -> str:
    """What a link to an entry's file becomes in another entry's page: the path of its
    page relative to the linking page (both are news/<slug>/index.md), with its #part."""
    _, hash_, fragment = href.partition("#")
    return f"../{slug}/index.md{hash_}{fragment}"


GALLERY_SIZES = "(max-width: 30em) 50vw, 15em"     # two thumbnails a row on a phone, three after


def gallery(e: Entry, photos: Photos) -> tuple[GalleryItem, ...]:
    items = []
    for shown in e.gallery:
        found = photo_set(e, shown.target, photos)
        thumb = replace(picture(e, found, THUMB_WIDTH), sizes=GALLERY_SIZES)
        items.append(GalleryItem(thumb=thumb, full=f"{e.url}{found.largest.name}",
                                 full_width=found.largest.width, full_height=found.largest.height,
                                 caption=shown.caption,
                                 alt=shown.caption or photo_alt(e.title)))
    return tuple(items)


def entry_page(inputs: EntryInputs) -> GeneratedPage:
    e, site = inputs.entry, inputs.site
    people, tags = dict(inputs.people), dict(inputs.tags)
    photos = {(e.slug, name): found for name, found in inputs.photos if found is not None}
    cover = photo_set(e, e.image, photos) if e.image else None
    view = EntryView(
        title=e.title, date=thai_date_with_weekday(e.date), date_iso=e.published.isoformat(),
        authors=tuple(link(n, paths.person(people[n])) for n in e.authors),
        photographers=tuple(link(n, paths.person(people[n])) for n in e.photographers),
        credit=photo_credit(e.photographers),
        tags=tuple(link(t, paths.tag(tags[t])) for t in e.tags),
        related=inputs.related,
        provinces=tuple(link(province_label(p), paths.province(p)) for p in e.provinces),
        year=link(year_label(e.year), paths.year(e.year)),
        province_years=tuple(link(province_year_label(p, e.year), paths.province_year(p, e.year))
                             for p in e.provinces),
        cover=picture(e, cover, COVER_WIDTH) if cover else None,
        cover_alt=photo_alt(e.title),
        gallery=gallery(e, photos),
        neighbours=tuple(Neighbours(link(province_label(p), paths.province(p)), newer, older)
                         for p, newer, older in inputs.neighbours),
        feeds=feed_links(*((paths.province_folder(p), news_of(province_label(p)))
                           for p in e.provinces)),
        sharing=sharing(e, site, cover.largest if cover else None))
    body = EntryBody(photos={name: found for name, found in inputs.photos if found is not None},
                     credit=photo_credit(e.photographers), fallback_alt=photo_alt(e.title),
                     links={href: page_link(slug, href) for href, slug in inputs.links})
    return GeneratedPage(
        src_uri=paths.entry(e.slug), title=e.title, view=view, markdown=e.body,
        description=e.summary,
        # only the copies photos.prepare made: the writer's own file is never published
        files=tuple((r.name, r.source) for _, found in inputs.photos if found is not None
                    for r in found.files),
        updated=e.date.isoformat(), source=e.source,
        body=body if (body.photos or body.links) else None)


class EntryPageMemo:
    """Entry pages and cards of the last plan, for ``mkdocs serve``: a page is reused
    when its inputs are equal to last time. Unchanged files give back equal entries
    (read/corpus.py EntryCache), so after one edit about ten of 10,000 entry pages
    are planned again."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[EntryInputs, GeneratedPage]] = {}
        self.cards: dict[str, tuple[tuple[Entry, PhotoSet | None], Card]] = {}

    def page(self, inputs: EntryInputs) -> GeneratedPage:
        known = self.pages.get(inputs.entry.slug)
        if known is not None and known[0] == inputs:
            return known[1]
        page = entry_page(inputs)
        self.pages[inputs.entry.slug] = (inputs, page)
        return page

    def card(self, e: Entry, photos: Photos) -> Card:
        """The entry's card of the last plan if the entry and its cover are equal (the
        same card object then makes the related cards in a page's inputs compare at once)."""
        key = (e, photos.get((e.slug, e.image)) if e.image else None)
        known = self.cards.get(e.slug)
        if known is not None and known[0] == key:
            return known[1]
        card = entry_card(e, photos)
        self.cards[e.slug] = (key, card)
        return card

