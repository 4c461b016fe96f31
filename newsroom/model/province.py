"""The 77 provinces of Thailand: Thai name, English name, URL slug, region.

Names come from pythainlp's province corpus (Thai and English names of all
77); the region grouping (the six geographic regions of the Royal Society)
and the extra aliases are ours. ``resolve`` turns what a writer types -- Thai
name, "จังหวัด…", English name in any case or spacing, or a common alias such
as กทม. -- into one Province; ``suggest`` proposes the nearest name.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from pythainlp.corpus import provinces as _pythainlp_provinces

REGIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("north", "ภาคเหนือ", (
        "เชียงราย", "เชียงใหม่", "น่าน", "พะเยา", "แพร่", "แม่ฮ่องสอน", "ลำปาง", "ลำพูน",
        "อุตรดิตถ์")),
    ("northeast", "ภาคตะวันออกเฉียงเหนือ", (
        "กาฬสินธุ์", "ขอนแก่น", "ชัยภูมิ", "นครพนม", "นครราชสีมา", "บึงกาฬ", "บุรีรัมย์",
        "มหาสารคาม", "มุกดาหาร", "ยโสธร", "ร้อยเอ็ด", "เลย", "ศรีสะเกษ", "สกลนคร", "สุรินทร์",
        "หนองคาย", "หนองบัวลำภู", "อำนาจเจริญ", "อุดรธานี", "อุบลราชธานี")),
    ("central", "ภาคกลาง", (
        "กรุงเทพมหานคร", "กำแพงเพชร", "ชัยนาท", "นครนายก", "นครปฐม", "นครสวรรค์", "นนทบุรี",
        "ปทุมธานี", "พระนครศรีอยุธยา", "พิจิตร", "พิษณุโลก", "เพชรบูรณ์", "ลพบุรี",
        "สมุทรปราการ", "สมุทรสงคราม", "สมุทรสาคร", "สิงห์บุรี", "สุโขทัย", "สุพรรณบุรี",
        "สระบุรี", "อ่างทอง", "อุทัยธานี")),
    ("east", "ภาคตะวันออก", (
        "จันทบุรี", "ฉะเชิงเทรา", "ชลบุรี", "ตราด", "ปราจีนบุรี", "ระยอง", "สระแก้ว")),
    ("west", "ภาคตะวันตก", (
        "กาญจนบุรี", "ตาก", "ประจวบคีรีขันธ์", "เพชรบุรี", "ราชบุรี")),
    ("south", "ภาคใต้", (
        "กระบี่", "ชุมพร", "ตรัง", "นครศรีธรรมราช", "นราธิวาส", "ปัตตานี", "พังงา", "พัทลุง",
        "ภูเก็ต", "ระนอง", "สตูล", "สงขลา", "สุราษฎร์ธานี", "ยะลา")),
)

# Spellings seen in reports and in English usage besides the official names.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "กรุงเทพมหานคร": ("กทม.", "กทม", "กรุงเทพฯ", "กรุงเทพ", "Krung Thep", "Krung Thep Maha Nakhon"),
    "พระนครศรีอยุธยา": ("อยุธยา", "Ayutthaya"),
    "นครราชสีมา": ("โคราช", "Korat"),
    "บุรีรัมย์": ("Buriram",),
    "ชลบุรี": ("Chonburi",),
    "ลพบุรี": ("Lopburi",),
    "ปราจีนบุรี": ("Prachinburi",),
    "สิงห์บุรี": ("Singburi",),
    "สุพรรณบุรี": ("Suphanburi",),
    "พังงา": ("Phang Nga",),
    "ศรีสะเกษ": ("Sisaket",),
    "นครศรีธรรมราช": ("นครศรีฯ",),
}

THAI_PREFIX = "จังหวัด"
T = TypeVar("T")


@dataclass(frozen=True, order=True)
class Province:
    """One of the 77. Ordered as a Thai dictionary orders the names (เชียงราย
    after ชุมพร, not after ฮ), which is the order of pythainlp's table."""

    rank: int
    name_th: str
    name_en: str
    slug: str
    region: str
    region_th: str
    abbr_th: str = ""      # the official two-letter abbreviation (อด), as on number plates

    def __str__(self) -> str:
        return self.name_th


@dataclass(frozen=True)
class Region:
    slug: str
    name_th: str
    provinces: tuple[Province, ...]


def name_key(name: str) -> str:
    """Comparison key: case, spaces, hyphens, dots and a จังหวัด prefix ignored."""
    name = name.strip()
    if name.startswith(THAI_PREFIX):
        name = name[len(THAI_PREFIX):]
    return re.sub(r"[\s\-_.]+", "", name).casefold()


def _slugify_english(name_en: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name_en.lower()).strip("-")


@cache
def _table() -> tuple[tuple[Province, ...], dict[str, Province]]:
    region_of = {th: (slug, region_th) for slug, region_th, names in REGIONS for th in names}
    provinces = []
    for rank, row in enumerate(_pythainlp_provinces(details=True)):
        region, region_th = region_of[row["name_th"]]
        provinces.append(Province(
            rank=rank, name_th=row["name_th"], name_en=row["name_en"],
            slug=_slugify_english(row["name_en"]), region=region, region_th=region_th,
            abbr_th=row["abbr_th"]))
    by_key: dict[str, Province] = {}
    for p in provinces:
        for alias in (p.name_th, p.name_en, p.slug, *EXTRA_ALIASES.get(p.name_th, ())):
            by_key[name_key(alias)] = p
    return tuple(provinces), by_key


def all_provinces() -> tuple[Province, ...]:
    """All 77, in Thai alphabetical order."""
    return _table()[0]


def regions() -> tuple[Region, ...]:
    """The six regions, each with its provinces in Thai order."""
    provinces = all_provinces()
    return tuple(
        Region(slug, name_th, tuple(p for p in provinces if p.region == slug))
        for slug, name_th, _ in REGIONS)


def spellings() -> dict[str, Province]:
    """Every spelling ``resolve`` knows, by its comparison key (case, spaces, hyphens,
    dots and a จังหวัด prefix ignored): for the web editor, which resolves in the
    browser as ``resolve`` does."""
    return dict(_table()[1])


def by_slug(slug: str) -> Province | None:
    for p in all_provinces():
        if p.slug == slug:
            return p
    return None


def resolve(name: str) -> Province | None:
    """The province a writer meant, or None if the name is not one of ours."""
    if not isinstance(name, str) or not name.strip():
        return None
    return _table()[1].get(name_key(name))


def aliases(p: Province) -> tuple[str, ...]:
    """The other names a reader may know a province by: English, and the spellings of
    EXTRA_ALIASES (กทม., โคราช). The search index holds them as fields of each entry."""
    return (p.name_en, *EXTRA_ALIASES.get(p.name_th, ()))


def suggest(name: str) -> Province | None:
    """The nearest province to a name that did not resolve (or None)."""
    by_key = _table()[1]
    return nearest(name, by_key)


def nearest(name: str, by_key: dict[str, T]) -> T | None:
    """The value of the name nearest to ``name`` among ``by_key`` (names by ``name_key``):
    the only one that starts with it or that it starts with, else the closest by
    difflib (ratio 0.6 or more). The search box offers names the same way, with the
    same rules written in JavaScript (search_core.mjs ``nearest``, pinned to this one
    by tests/builds/test_search_index.py)."""
    key = name_key(str(name))
    if not key:
        return None
    starts = {v for k, v in by_key.items() if k.startswith(key) or key.startswith(k)}
    if len(starts) == 1:
        return starts.pop()
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.6)
    return by_key[close[0]] if close else None
