"""What the search index holds of each entry: its card, and the text a reader sees.

Entry titles, bodies and fields are indexed (no navigation, listings or page
chrome); the text is the rendered body with its tags dropped (page_text), so
the index holds exactly what the page shows. The fields are the names a reader
may search an entry by though its text need not spell them: its provinces (Thai,
English and the aliases the archive accepts, กทม., โคราช), tags, writers and
photographers; a word in a field ranks like a word in the title.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import paths
from ..model.archive import Archive
from ..model.calendar import thai_date
from ..model.entry import Entry
from ..model.province import aliases

# The kinds of fields, as search.js names their chips.
PROVINCE, TAG, AUTHOR, PHOTOGRAPHER = "province", "tag", "author", "photographer"


@dataclass(frozen=True)
class SearchDoc:
    """What a search result shows of an entry, and what it is filtered by."""
    id: int                    # the entry's place in the archive, newest first
    url: str
    title: str
    date: str                  # Thai, Buddhist Era
    provinces: tuple[tuple[str, str], ...]     # (Thai name, slug)
    year: int
    source: str                # the Markdown the page is rendered from (text cache key)
    fields: tuple[tuple[str, ...], ...] = ()   # (kind, name as shown, other names …)

    def line(self, text: str) -> str:
        return json.dumps({"id": self.id, "url": self.url, "title": self.title,
                           "date": self.date, "provinces": self.provinces,
                           "year": self.year, "fields": self.fields, "text": text},
                          ensure_ascii=False)


def fields(e: Entry) -> tuple[tuple[str, ...], ...]:
    """The entry's searchable fields: each province with its other names, each tag,
    writer and photographer."""
    return (*((PROVINCE, p.name_th, *aliases(p)) for p in e.provinces),
            *((TAG, t) for t in e.tags),
            *((AUTHOR, a) for a in e.authors),
            *((PHOTOGRAPHER, a) for a in e.photographers))


def documents(archive: Archive) -> dict[str, SearchDoc]:
    """Each entry of the archive as the index sees it, by the src_uri of its page."""
    return {paths.entry(e.slug): SearchDoc(
        id=i, url=e.url, title=e.title, date=thai_date(e.date),
        provinces=tuple((p.name_th, p.slug) for p in e.provinces), year=e.year,
        source=e.body_digest, fields=fields(e))
        for i, e in enumerate(archive.entries)}


_HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.I | re.S)
_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|figure|figcaption|blockquote|table"
                    r"|thead|tbody|tr|td|th|br|hr|pre|section|article|aside|details|summary)"
                    r"\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[^\S\n]+")
_LINES = re.compile(r"\s*\n\s*")
BODY_START = "<!-- nr-body -->"
BODY_END = "<!-- /nr-body -->"


def page_text(body_html: str) -> str:
    """The text a reader sees in an entry's body: tags dropped (block ends become
    line breaks, inline tags nothing, so คุณ<b>ธรรม</b> stays one word), entities decoded."""
    text = _TAG.sub("", _BLOCK.sub("\n", _HIDDEN.sub(" ", body_html)))
    return _LINES.sub("\n", _SPACES.sub(" ", html.unescape(text))).strip()


def written_text(page_file: Path) -> str | None:
    """The body text of an entry page already in site/ (a dirty build did not render it)."""
    try:
        written = page_file.read_text(encoding="utf-8")
    except OSError:
        return None
    start, end = written.find(BODY_START), written.find(BODY_END)
    if start < 0 or end < start:
        return None
    return page_text(written[start + len(BODY_START):end])
