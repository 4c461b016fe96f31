"""Heading anchors and tag anchors that keep Thai intact.

Python-Markdown's and pymdownx's slugify drop every character that is not a
"word" character, and Thai vowel and tone marks (categories Mn/Mc) are not:
น่าน would become นาน and two different headings could share an anchor.
This keeps letters, digits and combining marks, lowercases Latin text and
joins words with the separator.

>>> heading_slug("จังหวัดน่าน ปี 2564", "-")
'จังหวัดน่าน-ปี-2564'
>>> heading_slug("Moral <b>Province</b>!", "-")
'moral-province'
"""

from __future__ import annotations

import re
import unicodedata

_TAGS = re.compile(r"<[^>]*>")
_KEEP = {"L", "N", "M"}       # letters, numbers, marks (Thai vowels and tones are M)


def heading_slug(value: str, separator: str = "-") -> str:
    text = unicodedata.normalize("NFC", _TAGS.sub("", value)).strip().lower()
    out: list[str] = []
    for ch in text:
        if unicodedata.category(ch)[0] in _KEEP or ch == "_":
            out.append(ch)
        elif ch.isspace() or ch in "-–":
            out.append(" ")
    return separator.join("".join(out).split())
