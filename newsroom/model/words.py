"""Thai text as words: where a line may break, from one segmenter.

Thai has no spaces between words, so a browser breaks a Thai line where its
own dictionary (ICU's) sees a word end, and that dictionary splits compounds
a Thai editor keeps whole: ขับ|เคลื่อน, เครือ|ข่าย, แกน|นำ. The archive breaks
its lines at the words of one segmenter instead: pythainlp's newmm, with its
dictionary plus the archive's own words (``archive_words``: the program's
names, the 77 provinces and six regions, the archive's tags, its people's names). render/line_breaks.py marks the
pieces in the HTML; the text itself is never changed.

``Segmenter.pieces(text)`` cuts a text into pieces whose concatenation is the
text. A piece marked ``keep`` must not be broken inside; ``wbr`` marks a word
boundary before a piece that has no space to break at:

>>> seg = Segmenter(frozenset({"จังหวัดคุณธรรม"}))
>>> [p.text for p in seg.pieces("ขับเคลื่อนจังหวัดคุณธรรม ปีงบประมาณ 2564")]
['ขับเคลื่อน', 'จังหวัดคุณธรรม', ' ', 'ปีงบประมาณ 2564']

Besides words, these stay on one line (``_joined``): a number and the word
before it (ปีงบประมาณ 2564, ครั้งที่ 1, ข่าว 2); a number and a month or a
counting word after it (6 พฤศจิกายน 2563, 30 ก.ย. 2566, 2 รายการ); an
abbreviation (ก.ย., กทม.); a repetition or abbreviation mark and its word
(เครือข่ายฯ); and a separator (· – —) with the space before it, so that no
line starts with one. URLs are left as they are.

>>> [p.text for p in seg.pieces("30 ก.ย. 2566 · ข่าว 2 รายการ")]
['30 ก.ย. 2566', ' ·', ' ', 'ข่าว 2 รายการ']

Segmenting is the cost (newmm is plain Python, about 1.5 µs a character; the
pieces about as much again), so the memo is keyed by value, in one place, the
Segmenter (a speed layer, off with NEWSROOM_FAST=0: the same pieces): each
distinct run of Thai letters is segmented once per process and dictionary, and
each distinct short text (a title, a label: shown on many pages) cut and shaped
once (``shaped``).
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Callable, Iterable, NamedTuple, TypeVar

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

from .. import speed
from .archive import Archive
from .calendar import THAI_MONTHS, THAI_MONTHS_SHORT
from .province import REGIONS, all_provinces

# The program's own names, kept whole wherever they appear (pythainlp's dictionary
# splits them: จังหวัด|คุณธรรม, ถอด|บทเรียน); with the provinces and the tags.
PROGRAM_WORDS = (
    "ศูนย์คุณธรรม", "จังหวัดคุณธรรม", "อำเภอคุณธรรม", "ชุมชนคุณธรรม", "องค์กรคุณธรรม",
    "สมัชชาคุณธรรม", "ครอบครัวคุณธรรม", "โรงเรียนคุณธรรม", "คุณธรรมจริยธรรม",
    "ถอดบทเรียน", "ต้นทุนชีวิต", "จิตอาสา", "บวร",
    "ครั้งที่", "รุ่นที่", "ปีที่", "ฉบับที่",
)
# An archive word longer than this is left to the dictionary's own words: kept
# whole it could be wider than a phone's line (วิทยากร|ส่งเสริม|คุณธรรม).
LONGEST_WORD = 18
# Words a number is kept with when they follow it: months and counting words.
_MONTHS = frozenset(THAI_MONTHS + THAI_MONTHS_SHORT)
UNITS = _MONTHS | frozenset((
    "คน", "ราย", "รายการ", "แห่ง", "หน่วยงาน", "องค์กร", "จังหวัด", "อำเภอ", "ตำบล",
    "หมู่บ้าน", "ชุมชน", "โรงเรียน", "ครอบครัว", "เครือข่าย", "ครั้ง", "รุ่น", "ปี",
    "เดือน", "วัน", "สัปดาห์", "ชั่วโมง", "นาที", "บาท", "ล้าน", "พัน", "หมื่น", "แสน",
    "ภาพ", "แท็ก", "ข่าว", "หน้า", "เล่ม", "ฉบับ", "เรื่อง", "กิจกรรม", "โครงการ",
    "ทีม", "กลุ่ม", "ข้อ", "ประเด็น", "น.", "เปอร์เซ็นต์",
))
# A date, a count, a label and its number: kept together up to this length (a phone's
# h1 at 320 px holds about 20 Thai letters).
LONGEST_JOINED = 20
_NO, _WEAK, _STRONG = 0, 1, 2
T = TypeVar("T")
MEMO_TEXT = 400
_YEAR = re.compile(r"(?:19|20|25)[0-9]{2}|[\u0e51\u0e52][\u0e50-\u0e59]{3}")      # not a count

_TOKEN = re.compile(r"""
    (?P<url>(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)\S+)
  | (?P<abbr>(?:[\u0e01-\u0e4e]{1,4}\.)+)           # ก.ย.  กทม.  อ.
  | (?P<thai>[\u0e01-\u0e3a\u0e40-\u0e4e]+)           # letters, vowels, tones, ฯ ๆ
  | (?P<number>[0-9\u0e50-\u0e59]+(?:[.,:/][0-9\u0e50-\u0e59]+)*)
  | (?P<space>\s+)
  | (?P<sep>[\u00b7\u2013\u2014|])                    # · – — |
  | (?P<other>.)
""", re.X | re.S)
_THAI_ONLY = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]+")
_MARKS = ("ๆ", "ฯ")                                   # belong to the word before
# Thai signs that do not start a grapheme cluster: a word of one cluster cannot break.
_COMBINING = ("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
              "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
_WORD, _NUMBER, _SPACE, _SEP, _OTHER = "word", "number", "space", "sep", "other"


class Piece(NamedTuple):
    text: str
    keep: bool = False      # no line break inside
    wbr: bool = False       # a line may break right before it (a word boundary without a space)


def archive_words(tags: Iterable[str], people: Iterable[str] = ()) -> frozenset[str]:
    """The words the segmenter adds to its dictionary: the program's names, the 77
    provinces' and the six regions' Thai names, the archive's tags and the parts of its writers' and
    photographers' names, each of Thai letters only and LONGEST_WORD long at most
    (the segmenter cuts at spaces, digits and Latin letters first)."""
    names = [*PROGRAM_WORDS, *(p.name_th for p in all_provinces()), *(r[1] for r in REGIONS),
             *tags, *(part for name in people for part in name.split())]
    return frozenset(w for w in names if len(w) <= LONGEST_WORD and _THAI_ONLY.fullmatch(w))


class Segmenter:
    """pythainlp's newmm with its dictionary and ``extra`` words. One per dictionary
    (``segmenter``): its trie takes 0.4-0.7 s to build, so it is built when a text is
    first cut (a warm build whose texts' pieces are all kept cuts none)."""

    def __init__(self, extra: frozenset[str]) -> None:
        self.extra = extra
        self.vocabulary = frozenset(thai_words()) | extra     # the search index's words too
        self._words: dict[str, tuple[str, ...]] = {}
        self._shaped: dict[tuple[str, Callable], object] = {}
        self._seen: set[int] = set()     # hashes of the (text, kind) made once, not kept

    @cached_property
    def trie(self) -> Trie:
        return Trie(self.vocabulary)

    def words(self, run: str, memo: bool | None = None) -> tuple[str, ...]:
        """newmm's words of a run of Thai letters, memoised by value (a speed layer;
        ``memo``: speed.fast(), when the caller has asked already)."""
        if not (speed.fast() if memo is None else memo):
            return self._segment(run)
        found = self._words.get(run)
        if found is None:
            found = self._words[run] = self._segment(run)
        return found

    def _segment(self, run: str) -> tuple[str, ...]:
        words = tuple(word_tokenize(run, custom_dict=self.trie, engine="newmm"))
        return words if "".join(words) == run else (run,)

    def pieces(self, text: str, memo: bool | None = None) -> tuple[Piece, ...]:
        """The text in pieces (concatenated: the text), marked where it may not break."""
        return _joined(self._tokens(text, speed.fast() if memo is None else memo))

    def shaped(self, text: str, shape: Callable[[tuple[Piece, ...]], T],
               memo: bool | None = None) -> T:
        """``shape(self.pieces(text))``: the caller's form of the pieces (marked HTML).
        A text up to MEMO_TEXT long (a title, a label, a card's summary: each printed
        on many pages) is cut and shaped once per shape from its second use, memoised
        by value (a speed layer); a body's paragraph is cut where it shows, with its
        runs of Thai letters segmented once."""
        memo = speed.fast() if memo is None else memo
        return self.remembered(text, shape, lambda t: shape(self.pieces(t, memo)), memo)

    def remembered(self, text: str, kind: Callable[..., T], make: Callable[[str], T],
                   memo: bool | None = None) -> T:
        """``make(text)``, a ``kind`` of form of the text made from its pieces: for a
        text up to MEMO_TEXT long, memoised by value per kind from its second use, as
        ``shaped`` memoises its shapes (render/line_breaks.py: a run of text between
        two tags, its character references copied whole). A text used once (most of
        a body's paragraphs) is made and not kept: a memo of every one held ~90 MB of
        a 10,000-entry build's peak; only the hash of its first use is (a hash shared
        by two texts keeps the second one early, by its own value: no harm)."""
        if len(text) > MEMO_TEXT or not (speed.fast() if memo is None else memo):
            return make(text)
        key = (text, kind)
        found = self._shaped.get(key)
        if found is None:
            found = make(text)
            seen = hash(key)
            if seen in self._seen:
                self._shaped[key] = found
            else:
                self._seen.add(seen)
        return found  # type: ignore[return-value]

    def _tokens(self, text: str, memo: bool) -> list[tuple[str, str]]:
        tokens: list[tuple[str, str]] = []
        for m in _TOKEN.finditer(text):
            kind, value = m.lastgroup, m.group()
            if kind == "thai":
                for word in self.words(value, memo):
                    if word in _MARKS and tokens and tokens[-1][0] == _WORD:
                        tokens[-1] = (_WORD, tokens[-1][1] + word)
                    else:
                        tokens.append((_WORD, word))
            elif kind == "abbr":
                tokens.append((_WORD, value))
            elif kind in ("url", "other"):
                if tokens and tokens[-1][0] == _OTHER:
                    tokens[-1] = (_OTHER, tokens[-1][1] + value)
                else:
                    tokens.append((_OTHER, value))
            else:
                tokens.append((kind, value))
        return tokens


def for_archive(archive: Archive) -> "Segmenter":
    """The segmenter of an archive: its tags and people's names among its words."""
    return segmenter(archive_words(archive.by_tag, [*archive.by_author, *archive.by_photographer]))


@lru_cache(maxsize=2)
def segmenter(extra: frozenset[str]) -> Segmenter:
    """The segmenter of one dictionary, kept for the process (a preview's next build
    reuses it, and its memo, while the archive's words stay the same)."""
    return Segmenter(extra)


def _joined(tokens: list[tuple[str, str]]) -> tuple[Piece, ...]:
    join = _joins(tokens)
    if not join:                                            # most of a body: words only
        return tuple(_singles(tokens, 0, len(tokens)))
    return tuple(_grouped(tokens, join, 0, len(tokens), _WEAK))


def _joins(tokens: list[tuple[str, str]]) -> dict[int, int]:
    """How strongly token i and i + 1 stay on one line, where they do: around numbers
    and separators only."""
    join: dict[int, int] = {}
    n = len(tokens)

    def at_least(i: int, strength: int) -> None:
        join[i] = max(join.get(i, _NO), strength)

    for i, (kind, text) in enumerate(tokens):
        if kind == _SEP and i and tokens[i - 1][0] == _SPACE:
            at_least(i - 1, _STRONG)                                # " ·": not first on a line
        if kind != _NUMBER:
            continue
        before = tokens[i - 1] if i else ("", "")
        after = tokens[i + 1] if i + 1 < n else ("", "")
        if before[0] == _WORD:
            at_least(i - 1, _STRONG)                                # ครั้งที่1, ก.ย.2566
        elif before[0] == _SPACE and i > 1 and tokens[i - 2][0] in (_WORD, _NUMBER):
            strength = _STRONG if tokens[i - 2][1] in _MONTHS else _WEAK    # พฤศจิกายน 2563
            at_least(i - 2, strength)                               # ปีงบประมาณ 2564
            at_least(i - 1, strength)
        if after[0] == _WORD:
            at_least(i, _STRONG)
        elif (after[0] == _SPACE and i + 2 < n and tokens[i + 2][0] == _WORD
              and tokens[i + 2][1] in UNITS and not _YEAR.fullmatch(text)):
            at_least(i, _STRONG)                                    # 2 รายการ, 6 พฤศจิกายน
            at_least(i + 1, _STRONG)
    return join


def _singles(tokens: list[tuple[str, str]], start: int, end: int) -> list[Piece]:
    """Tokens start..end-1, one piece each: a Thai word of more than one cluster kept
    whole, a boundary marked where two words meet."""
    pieces: list[Piece] = []
    after_word = start > 0 and tokens[start - 1][0] == _WORD
    for kind, text in tokens[start:end]:
        word = kind == _WORD
        pieces.append(Piece(text, word and bool(text[1:].lstrip(_COMBINING)), word and after_word))
        after_word = word
    return pieces


def _grouped(tokens: list[tuple[str, str]], join: dict[int, int], start: int, end: int,
             least: int) -> list[Piece]:
    """Tokens start..end-1 in pieces, joined where join[i] >= least; a joined piece
    longer than LONGEST_JOINED loses its weaker joins, then all."""
    pieces: list[Piece] = []
    i = single = start
    while i < end:
        j = i
        while j < end - 1 and join.get(j, _NO) >= least:
            j += 1
        if j == i:
            i += 1
            continue
        pieces += _singles(tokens, single, i)
        if sum(len(t) for _, t in tokens[i:j + 1]) > LONGEST_JOINED:
            pieces += _grouped(tokens, join, i, j + 1, least + 1)
        else:
            pieces.append(Piece("".join(t for _, t in tokens[i:j + 1]), keep=True,
                                wbr=_boundary(tokens, i)))
        i = single = j + 1
    pieces += _singles(tokens, single, end)
    return pieces


def _boundary(tokens: list[tuple[str, str]], i: int) -> bool:
    """Two Thai words meet at token i with nothing between them to break at."""
    return 0 < i and tokens[i][0] == _WORD and tokens[i - 1][0] == _WORD
