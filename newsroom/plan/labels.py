"""Every Thai label and credit string the pages and feeds show, built in one place.

>>> from newsroom.model.province import resolve
>>> province_label(resolve("น่าน")), province_label(resolve("กทม."))
('จังหวัดน่าน', 'กรุงเทพมหานคร')
>>> year_label(2564), year_span_label(2564)
('ปีงบประมาณ 2564', '1 ต.ค. 2563 – 30 ก.ย. 2564')
>>> photo_credit(("ก ไก่", "ข ไข่")), photo_alt("ประชุม")
('ภาพ: ก ไก่, ข ไข่', 'ภาพประกอบข่าว: ประชุม')
"""

from __future__ import annotations

from typing import Iterable

from ..model.calendar import program_year_span, thai_date_short
from ..model.province import Province


def province_label(p: Province) -> str:
    """'จังหวัดอุดรธานี'; Bangkok is not a จังหวัด."""
    return p.name_th if p.slug == "bangkok" else f"จังหวัด{p.name_th}"


def year_label(year: int) -> str:
    return f"ปีงบประมาณ {year}"


def year_span_label(year: int) -> str:
    first, last = program_year_span(year)
    return f"{thai_date_short(first)} – {thai_date_short(last)}"


def province_year_label(p: Province, year: int) -> str:
    """'น่าน ปีงบประมาณ 2564': an entry's link to its province's year."""
    return f"{p.name_th} {year_label(year)}"


def news_of(label: str) -> str:
    """'ข่าวจังหวัดน่าน': the news of an archive, in descriptions and feed titles."""
    return f"ข่าว{label}"


def with_page(title: str, page: int) -> str:
    """A listing's title on its later pages: 'จังหวัดน่าน (หน้า 2)'."""
    return title if page <= 1 else f"{title} (หน้า {page})"


def count_description(about: str, count: int) -> str:
    return f"{about} {count} รายการ"


def tag_heading(tag: str) -> str:
    return f"แท็ก {tag}"


def tagged_news(tag: str) -> str:
    return f"ข่าวที่ติดแท็ก {tag}"


def person_heading(name: str) -> str:
    return f"ข่าวของ {name}"


def persons_news(name: str) -> str:
    return f"ข่าวที่ {name} เขียนหรือถ่ายภาพ"


def person_roles(written: int, photographed: int) -> str:
    """'เขียนข่าว 3 · ถ่ายภาพ 2' on a person's page; a role with no entry is left out:
    a writer who took no photo is not 'ถ่ายภาพ 0'.

    >>> person_roles(3, 0), person_roles(0, 2), person_roles(1, 1)
    ('เขียนข่าว 3', 'ถ่ายภาพ 2', 'เขียนข่าว 1 · ถ่ายภาพ 1')
    """
    roles = [f"{label} {n}" for label, n in (("เขียนข่าว", written), ("ถ่ายภาพ", photographed)) if n]
    return " · ".join(roles)


def feed_title(site_name: str, label: str | None = None) -> str:
    """The site's feed is titled with the site's name; an archive's adds its label."""
    return site_name if label is None else f"{site_name}: {label}"


def photo_credit(photographers: Iterable[str]) -> str:
    """'ภาพ: ก ไก่, ข ไข่' under every photo of an entry; '' without a photographer."""
    names = list(photographers)
    return f"ภาพ: {', '.join(names)}" if names else ""


def author_credit(authors: Iterable[str]) -> str:
    """'ข่าว: ก ไก่, ข ไข่': the writers, as the entry page credits them
    (overrides/newsroom/entry.html) and the web editor's preview shows them."""
    return f"ข่าว: {', '.join(authors)}"


def photo_alt(title: str) -> str:
    """The text of a photo that has none of its own: the cover, a body photo without alt."""
    return f"ภาพประกอบข่าว: {title}"


ALL_NEWS = "ข่าวทั้งหมด"
HOME = "หน้าแรก"
SITE_MAP = "แผนผังเว็บไซต์"
ALL_PROVINCES = "จังหวัดทั้งหมด"
SEARCH_PROVINCE = "ค้นหาข่าวของจังหวัดนี้"
SEARCH_PROVINCE_YEAR = "ค้นหาข่าวของจังหวัดนี้ในปีงบประมาณนี้"
SEARCH_YEAR = "ค้นหาข่าวในปีงบประมาณนี้"
ALL_YEARS = "ปีงบประมาณทั้งหมด"
ALL_TAGS = "แท็กทั้งหมด"
PEOPLE = "ผู้เขียนข่าวและช่างภาพ"
