"""Writers and photographers: stable ASCII URL slugs for Thai names.

A name is romanised with pythainlp's Royal Institute rules (จักราชัย ทองเพ็ชร์ ->
chakrachai-thongphet). Two people whose names romanise alike get -2, -3, … in
the order of their Thai names, so the same archive always gives the same URLs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pythainlp.transliterate import romanize


@lru_cache(maxsize=None)
def _ascii(name: str) -> str:
    text = romanize(name, engine="royin") if re.search(r"[\u0e00-\u0e7f]", name) else name
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-") or "person"


def person_slugs(names: set[str]) -> dict[str, str]:
    """A unique ASCII slug for each name."""
    slugs: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(names):
        base = _ascii(name)
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        slugs[name] = slug
    return slugs
