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
>>> heading_slug("__config", "-")
'u-__config'

URLs of people's and tags' pages are ASCII instead (``ascii_slugs``): Thai is
romanised with pythainlp's Royal Institute rules, Thai digits become 0-9, and
names that come out alike get -2, -3, … in the order of the names, so the same
archive always gives the same URLs.

Romanising splits Thai into words first, and pythainlp's word splitter loads its
62,000-word dictionary into a trie on first use: 0.7 s of every build, a sixth
of a 1,000-entry one. The splitter only ever looks up words that occur in the
text it splits, so ``romanised`` hands it a trie of just the dictionary words
found in the names: the same words, the same romanisation (tests/test_slugs.py
compares it with pythainlp's own ``romanize`` on many names).

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

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.transliterate import romanize, royin
from pythainlp.util import Trie

from .. import speed


_TAGS = re.compile(r"<[^>]*>")
_KEEP = {"L", "N", "M"}       # letters, numbers, marks (Thai vowels and tones are M)
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MAX_SLUG = 60


# Ids of the page around an entry body: Material's all start with "__" (__config,
# __toc, __drawer, __search, __nav_…), ours with "nr-". A body's id or heading anchor
# that would take one of them becomes u-<id>.
RESERVED_ID_PREFIXES = ("__", "nr-")
RENAMED_ID_PREFIX = "u-"


_ID_UNSAFE = re.compile(r"[^\w\-.:\u0e00-\u0e7f]+")


def safe_id(value: str) -> str:
    """An id that cannot be taken for one of the page chrome's, and that the theme can
    print anywhere (its table of contents and skip link put ids in attributes without
    escaping them): letters, marks, digits, - _ . : only, others as '-'.

    >>> safe_id('a"><img src=x onerror=alert(1)>'), safe_id("__config"), safe_id("ช่วงบ่าย")
    ('a-img-src-x-onerror-alert-1-', 'u-__config', 'ช่วงบ่าย')
    """
    value = _ID_UNSAFE.sub("-", value)
    return RENAMED_ID_PREFIX + value if value.startswith(RESERVED_ID_PREFIXES) else value


def numbered(base: str, used: set[str]) -> str:
    """``base``, or base-2, base-3, …: the first not in ``used``, which it joins."""
    name, n = base, 1
    while name in used:
        n += 1
        name = f"{base}-{n}"
    used.add(name)
    return name


def heading_slug(value: str, separator: str = "-") -> str:
    text = unicodedata.normalize("NFC", _TAGS.sub("", value)).strip().lower()
    out: list[str] = []
    for ch in text:
        if unicodedata.category(ch)[0] in _KEEP or ch == "_":
            out.append(ch)
        elif ch.isspace() or ch in "-–":
            out.append(" ")
    slug = separator.join("".join(out).split())
    # The page chrome's ids (Material's __toc, __config, …; our nr-…) are not for
    # headings: "## __toc" would take over the table of contents.
    return safe_id(slug)


@lru_cache(maxsize=1)
def _dictionary() -> tuple[frozenset[str], int]:
    words = thai_words()
    return words, max(map(len, words))


def _dictionary_words_in(texts: Iterable[str]) -> set[str]:
    words, longest = _dictionary()
    found: set[str] = set()
    for text in texts:
        for start in range(len(text)):
            for end in range(start + 1, min(len(text), start + longest) + 1):
                if text[start:end] in words:
                    found.add(text[start:end])
    return found


def romanised(texts: Iterable[str]) -> dict[str, str]:
    """``pythainlp.transliterate.romanize(text, engine="royin")`` for each text (its
    core.py splits at spaces, royin.py splits words and joins their romanisations),
    with the word splitter given only the dictionary words that occur in ``texts``."""
    texts = set(texts)
    if not speed.fast():              # the plain way: pythainlp's whole dictionary
        return {text: romanize(text, engine="royin") for text in texts}
    new = texts - _known.keys()       # a preview romanises only names it has not seen
    if new:
        _known.update(_royin(new))
    return {text: _known[text] for text in texts}


_known: dict[str, str] = {}


def _royin(texts: set[str]) -> dict[str, str]:
    # An empty trie would make newmm load the whole dictionary; NUL is no Thai word.
    trie = Trie(_dictionary_words_in(texts) or {"\0"})

    def royin_words(part: str) -> str:
        words = word_tokenize(part, custom_dict=trie, engine="newmm")
        out: list[str] = []
        for i, word in enumerate(words):
            roman = royin._romanize(word)
            if i > 0 and roman and royin._should_add_syllable_separator(
                    words[i - 1], word, out[-1] if out else ""):
                roman = "a" + roman
            out.append(roman)
        return "".join(out)

    return {text: " ".join(royin_words(part) for part in text.split(" ")) if text else ""
            for text in texts}


def _ascii(text: str) -> str:
    """Lowercase a-z, 0-9 and hyphens, at most MAX_SLUG long; may be empty."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:MAX_SLUG].strip("-")


def ascii_slugs(names: Iterable[str], fallback: str,
                reserved: Iterable[str] = ()) -> dict[str, str]:
    """A unique ASCII slug for each name. A name with nothing to romanise gets
    ``fallback``; ``reserved`` slugs (names the URLs beside these already use,
    such as ``page``) are never given out."""
    slugs: dict[str, str] = {}
    used = set(reserved)
    names = sorted(set(names))
    latin = {name: name.translate(_THAI_DIGITS) for name in names}
    roman = romanised(text for text in latin.values() if _THAI.search(text))
    for name in names:
        slugs[name] = numbered(_ascii(roman.get(latin[name], latin[name])) or fallback, used)
    return slugs
