"""One news entry as the rest of the pipeline sees it: checked values, no file format.

read/entry.py makes Entries from Markdown files; nothing else does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from . import paths
from .province import Province


@dataclass(frozen=True)
class Photo:
    """A photo the entry shows: where it is, and its path beside the entry page."""

    source: Path           # absolute path of the file in news/
    target: str            # posix path relative to the entry's folder ("cover.jpg")
    line: int = 0          # where the entry names it (for messages)


@dataclass(frozen=True)
class GalleryPhoto:
    """A photo of the entry's gallery (front matter ``photos:``), under the report."""

    target: str            # as Photo.target: the file next to the entry
    caption: str           # what it shows, in the writer's words ("" if none)


@dataclass(frozen=True)
class LocalLink:
    """A link in the body to another entry's file, which the page links to its page."""

    href: str              # as written, e.g. "../2563/2019-10-17-x.md#ช่วงบ่าย"
    target: Path           # the file it names, resolved
    line: int


@dataclass(frozen=True)
class Entry:
    path: Path                       # absolute path of the Markdown file
    source: str                      # path as writers see it, e.g. "news/2564/x.md"
    title: str
    published: datetime              # timezone-aware, in Bangkok time
    authors: tuple[str, ...]
    photographers: tuple[str, ...]
    provinces: tuple[Province, ...]
    year: int                        # program year, BE
    tags: tuple[str, ...]
    summary: str
    image: str | None                # cover photo, relative to the entry's folder
    slug: str
    draft: bool
    body: str                        # Markdown, front matter removed
    photos: tuple[Photo, ...] = field(default=())
    links: tuple[LocalLink, ...] = field(default=())   # to other entries' files
    gallery: tuple[GalleryPhoto, ...] = field(default=())

    @property
    def date(self) -> date:
        return self.published.date()

    @property
    def url(self) -> str:
        """Site-relative URL of the entry page."""
        return paths.entry_url(self.slug)

    @cached_property
    def body_digest(self) -> str:
        """A short digest of the body (the search index's text cache key). Cached on the
        entry, so a preview that gets unchanged entries back does not hash them again."""
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()[:24]

    @property
    def sort_key(self) -> tuple[datetime, str]:
        """Newest first when sorted in reverse; the slug keeps ties stable."""
        return (self.published, self.slug)
