"""The archive model: published entries grouped by province and program year.

Pure data, no MkDocs: ``build_archive`` groups once with dictionaries, so the
cost stays linear in the number of entries. Every list is newest first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .entry import Entry
from .province import Province, all_provinces

PAGE_SIZE = 20
RELATED = 4


@dataclass(frozen=True)
class Neighbours:
    newer: Entry | None
    older: Entry | None


@dataclass
class Archive:
    entries: list[Entry]                                            # newest first
    by_province: dict[Province, list[Entry]] = field(default_factory=dict)
    by_year: dict[int, list[Entry]] = field(default_factory=dict)
    by_province_year: dict[tuple[Province, int], list[Entry]] = field(default_factory=dict)
    by_tag: dict[str, list[Entry]] = field(default_factory=dict)
    by_author: dict[str, list[Entry]] = field(default_factory=dict)
    by_photographer: dict[str, list[Entry]] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        """Program years with entries, newest first."""
        return sorted(self.by_year, reverse=True)

    def count(self, province: Province) -> int:
        return len(self.by_province.get(province, ()))

    def years_of(self, province: Province) -> list[int]:
        return sorted({y for (p, y) in self.by_province_year if p == province}, reverse=True)

    def provinces_in(self, year: int) -> list[tuple[Province, int]]:
        """Provinces with entries in a program year and their counts, most first."""
        counts = [(p, len(es)) for (p, y), es in self.by_province_year.items() if y == year]
        return sorted(counts, key=lambda pc: (-pc[1], pc[0]))

    def neighbours(self, entry: Entry, province: Province) -> Neighbours:
        """The next newer and next older entry in the same province."""
        entries = self.by_province[province]
        i = self._index[province][entry.slug]
        return Neighbours(newer=entries[i - 1] if i > 0 else None,
                          older=entries[i + 1] if i + 1 < len(entries) else None)

    def related(self, entry: Entry, limit: int = RELATED) -> list[Entry]:
        """The ``limit`` entries sharing a province or a tag that are nearest in time
        to this one (the newer at equal distance), shown newest first: a report of
        2560 is read beside its province's reports of that time, not beside this
        week's, and a new entry changes the related news of only the few entries
        nearest it, not of every entry of its province and tags. The nearest of a
        list sorted by date are within ``limit`` places of the entry, on either side."""
        lists = [(self.by_province[p], self._index[p]) for p in entry.provinces] + \
                [(self.by_tag[t], self._tag_index[t]) for t in entry.tags]
        found: dict[str, Entry] = {}
        for entries, index in lists:
            at = index[entry.slug]
            for other in entries[max(0, at - limit):at + limit + 1]:
                if other.slug != entry.slug:
                    found.setdefault(other.slug, other)
        newest_first = sorted(found.values(), key=lambda e: e.sort_key, reverse=True)
        nearest = sorted(newest_first, key=lambda e: abs(e.published - entry.published))[:limit]
        return sorted(nearest, key=lambda e: e.sort_key, reverse=True)

    def __post_init__(self) -> None:
        self._index: dict[Province, dict[str, int]] = {}
        self._tag_index: dict[str, dict[str, int]] = {}


def build_archive(entries: list[Entry]) -> Archive:
    """Group entries (already newest first) into every archive at once."""
    entries = sorted(entries, key=lambda e: e.sort_key, reverse=True)
    by_province: dict[Province, list[Entry]] = defaultdict(list)
    by_year: dict[int, list[Entry]] = defaultdict(list)
    by_province_year: dict[tuple[Province, int], list[Entry]] = defaultdict(list)
    by_tag: dict[str, list[Entry]] = defaultdict(list)
    by_author: dict[str, list[Entry]] = defaultdict(list)
    by_photographer: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_year[e.year].append(e)
        for p in e.provinces:
            by_province[p].append(e)
            by_province_year[(p, e.year)].append(e)
        for t in e.tags:
            by_tag[t].append(e)
        for name in e.authors:
            by_author[name].append(e)
        for name in e.photographers:
            by_photographer[name].append(e)
    order = {p: i for i, p in enumerate(all_provinces())}
    archive = Archive(
        entries=entries,
        by_province=dict(sorted(by_province.items(), key=lambda kv: order[kv[0]])),
        by_year=dict(sorted(by_year.items(), reverse=True)),
        by_province_year=dict(sorted(by_province_year.items(),
                                     key=lambda kv: (order[kv[0][0]], -kv[0][1]))),
        by_tag=dict(sorted(by_tag.items())),
        by_author=dict(sorted(by_author.items())),
        by_photographer=dict(sorted(by_photographer.items())),
    )
    archive._index = {p: {e.slug: i for i, e in enumerate(es)} for p, es in by_province.items()}
    archive._tag_index = {t: {e.slug: i for i, e in enumerate(es)} for t, es in by_tag.items()}
    return archive


def paginate(items: list[Entry], size: int = PAGE_SIZE) -> list[list[Entry]]:
    """Split into pages of ``size``; an empty list still makes one (empty) page."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]
