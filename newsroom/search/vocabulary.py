"""The words the search index keys whole: a reader's word that is one of them has
its exact entries at once, from one shard (search_core.mjs describes the format).

They are the segmenter's vocabulary (pythainlp's dictionary and the archive's
names: model/words.py; of a name of several words, such as a writer's, each word
too) of four characters or more; the nouns Thai makes of any of its words with การ
and ความ (การขับเคลื่อน, ความร่วมมือ: a reader types them as one word, and no
dictionary can list them all, as Thai makes them at will); and short words: those
Thai writes between the others (ที่, ของ, ให้, จาก: pythainlp's stopwords of two and
three characters) and those it uses most (ปี, งาน, จิต: the Thai National Corpus).
A short word alone is found exactly by its runs of three already; listed, it lets
words typed together with it (ความร่วมมือของ, งบประมาณจากหน่วยงาน) be found exactly
too, from the listed words that cover them.
"""

from __future__ import annotations

from functools import lru_cache

from pythainlp.corpus import thai_stopwords, tnc

NOMINALISERS = ("การ", "ความ")
SHORTEST_WORD = 4          # search_core.mjs SHORTEST_WORD
SHORT = (2, 3)             # the lengths of the short words listed as well
COMMON_SHORT = 400         # the most used short words of the Thai National Corpus, listed


@lru_cache(maxsize=1)
def short_words() -> frozenset[str]:
    """pythainlp's stopwords of two or three characters (169 of its 1,030), and the
    COMMON_SHORT short words the Thai National Corpus uses most (ปี, งาน, จิต)."""
    def fits(w: str) -> bool:
        return len(w) in SHORT and " " not in w and not any(c in w for c in "ฯๆ\ufeff")
    common = sorted((n, w) for w, n in tnc.word_freqs() if fits(w) and "\u0e00" < w[0] <= "\u0e7f")
    return frozenset(w for w in thai_stopwords() if fits(w)) | {w for _, w in common[-COMMON_SHORT:]}


@lru_cache(maxsize=2)
def search_words(vocabulary: frozenset[str]) -> frozenset[str]:
    """The words of ``vocabulary`` of four characters or more, its words made nouns,
    and the short words (the indexer keeps those without spaces). Kept for the
    process by value, as the segmenter is: 0.13 s, that a preview's next build does
    not pay again."""
    made = {prefix + w for prefix in NOMINALISERS for w in vocabulary
            if not w.startswith(NOMINALISERS) and " " not in w}
    parts = {part for w in vocabulary if " " in w for part in w.split()}   # a writer's first name
    return frozenset(w for w in vocabulary | made | parts if len(w) >= SHORTEST_WORD) | short_words()
