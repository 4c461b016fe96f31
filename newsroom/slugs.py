"""Slugs: heading anchors that keep Thai intact, and ASCII URL slugs for names.

Python-Markdown's and pymdownx's slugify drop every character that is not a
"word" character, and Thai vowel and tone marks (categories Mn/Mc) are not:
น่าน would become นาน and two different headings could share an anchor.
``heading_slug`` keeps letters, digits and combining marks, lowercases Latin
text and joins words with the separator.

>>> heading_slug("จังหวัดน่าน ปี 2564", "-")
'จังหวัดน่าน-ปี-2564'
>>> heading_slug("Moral <b>Province</b>!", "-")
'moral-province'

URLs of people's and tags' pages are ASCII instead (``ascii_slugs``): Thai is
romanised with pythainlp's Royal Institute rules, Thai digits become 0-9, and
names that come out alike get -2, -3, … in the order of the names, so the same
archive always gives the same URLs.

>>> slugs = ascii_slugs(["จักราชัย ทองเพ็ชร์", "MOU", "mou", "ปี ๒๕๖๔", "?!", "page"],
...                     fallback="tag", reserved={"page"})
>>> sorted(slugs.values())
['chakrachai-thongphet', 'mou', 'mou-2', 'page-2', 'pi-2564', 'tag']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from pythainlp.transliterate import romanize

_TAGS = re.compile(r"<[^>]*>")
_KEEP = {"L", "N", "M"}       # letters, numbers, marks (Thai vowels and tones are M)
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MAX_SLUG = 60


def heading_slug(value: str, separator: str = "-") -> str:
    text = unicodedata.normalize("NFC", _TAGS.sub("", value)).strip().lower()
    out: list[str] = []
    for ch in text:
        if unicodedata.category(ch)[0] in _KEEP or ch == "_":
            out.append(ch)
        elif ch.isspace() or ch in "-–":
            out.append(" ")
    return separator.join("".join(out).split())


@lru_cache(maxsize=None)
def _ascii(name: str) -> str:
    """Lowercase a-z, 0-9 and hyphens, at most MAX_SLUG long; may be empty."""
    text = name.translate(_THAI_DIGITS)
    if _THAI.search(text):
        text = romanize(text, engine="royin")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:MAX_SLUG].strip("-")


def ascii_slugs(names: Iterable[str], fallback: str,
                reserved: Iterable[str] = ()) -> dict[str, str]:
    """A unique ASCII slug for each name. A name with nothing to romanise gets
    ``fallback``; ``reserved`` slugs (names the URLs beside these already use,
    such as ``page``) are never given out."""
    slugs: dict[str, str] = {}
    used = set(reserved)
    for name in sorted(set(names)):
        base = _ascii(name) or fallback
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        slugs[name] = slug
    return slugs
