"""The words the search index keys whole: a reader's word that is one of them has
its exact entries at once, from one shard (search_core.mjs describes the format).

They are the segmenter's vocabulary (pythainlp's dictionary and the archive's
names: model/words.py) and the nouns Thai makes of any of its words with การ and
ความ (การขับเคลื่อน, ความร่วมมือ): a reader types them as one word, and no
dictionary can list them all, as Thai makes them at will.
"""

from __future__ import annotations

from typing import Iterable

NOMINALISERS = ("การ", "ความ")


def search_words(vocabulary: Iterable[str]) -> frozenset[str]:
    """``vocabulary`` and its words made nouns (the indexer keeps those of four
    characters or more, without spaces)."""
    words = frozenset(vocabulary)
    made = {prefix + w for prefix in NOMINALISERS for w in words
            if not w.startswith(NOMINALISERS) and " " not in w}
    return words | made
