"""The province a legacy report is set in, from how it names provinces."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ...model.messages import say
from ...model.province import EXTRA_ALIASES, Province, all_provinces, resolve

# Province names that are also everyday words (เผยแพร่, ตากแดด, ไม่เลย): they count
# only after จังหวัด, จ. or เมือง.
EVERYDAY_WORDS = frozenset({"เลย", "แพร่", "ตาก", "กระบี่"})
MENTION = 0.5         # a province named in passing
NAMED = 1.0           # after จังหวัด, จ. or เมือง; Bangkok by any of its names
MARKED = 3.0          # "(จังหวัดX)", "ศาลากลางจังหวัดX": the report says where it is set
VENUE = 3.0           # added for the first province after "ณ" (the place of the event)
MIN_SCORE = 1.0       # less than this is a passing mention
SURE = 1.5            # the winner needs this many times the runner-up's score
VENUE_WINDOW = 160    # characters after "ณ" in which the venue's province is named
_LOOK_BACK = 20

_VENUE = re.compile(r"(?:^|(?<=\s))ณ\s")
# The venue's clause ends where the sentence goes on to something else.
_VENUE_END = re.compile(r"\n|\sณ\s|\s(?:โดย|เพื่อ|ร่วมกับ|ซึ่ง|ทั้งนี้|มีผู้|ภายใต้|พร้อม|และมี)")
_NAMED_BEFORE = re.compile(r"(?:จังหวัด|จ\.|เมือง)\s?$")
_MARKED_BEFORE = re.compile(r"(?:\(\s*จังหวัด|ศาลากลาง\s?จังหวัด)\s?$")


class Mention(NamedTuple):
    province: Province
    start: int
    weight: float


@cache
def _province_names() -> dict[str, Province]:
    """Thai names of the 77 and their Thai aliases (กทม., กรุงเทพฯ, โคราช, …)."""
    names = {p.name_th: p for p in all_provinces()}
    for name_th, aliases in EXTRA_ALIASES.items():
        province = resolve(name_th)
        names.update({a: province for a in aliases if re.search(r"[\u0e00-\u0e7f]", a)})
    return names


def _mention_weight(text: str, start: int, name: str, province: Province) -> float:
    before = text[max(0, start - _LOOK_BACK):start]
    if _MARKED_BEFORE.search(before):
        return MARKED
    if _NAMED_BEFORE.search(before) or province.slug == "bangkok":
        return NAMED
    return 0.0 if name in EVERYDAY_WORDS else MENTION


@cache
def _province_pattern() -> re.Pattern[str]:
    """Any of the names, the longest first (กรุงเทพมหานคร before กรุงเทพ)."""
    return re.compile("|".join(re.escape(n) for n in sorted(_province_names(), key=len, reverse=True)))


def province_mentions(text: str) -> list[Mention]:
    """Every counted mention of a province, in order, with its weight."""
    names = _province_names()
    pattern = _province_pattern()
    mentions = []
    for m in pattern.finditer(text):
        province = names[m.group(0)]
        weight = _mention_weight(text, m.start(), m.group(0), province)
        if weight:
            mentions.append(Mention(province, m.start(), weight))
    return mentions


def _venue_mentions(text: str, mentions: list[Mention]) -> set[int]:
    """Starts of the first mention after each "ณ", within the venue's clause."""
    venues = set()
    for marker in _VENUE.finditer(text):
        end = marker.end() + VENUE_WINDOW
        stop = _VENUE_END.search(text, marker.end(), end)
        if stop:
            end = stop.start()
        first = next((m for m in mentions if marker.end() <= m.start < end), None)
        if first:
            venues.add(first.start)
    return venues


def score_provinces(text: str) -> list[tuple[Province, float]]:
    """Provinces named in ``text`` with their scores, highest first (ties: first named first)."""
    mentions = province_mentions(text)
    venues = _venue_mentions(text, mentions)
    scores: dict[Province, float] = {}
    for m in mentions:
        scores[m.province] = scores.get(m.province, 0.0) + m.weight + (VENUE if m.start in venues else 0.0)
    return sorted(scores.items(), key=lambda ps: -ps[1])


def find_province(text: str) -> tuple[Province | None, str | None]:
    """The province a report is set in, or None and why.

    The venue ("ณ … จังหวัดX"), "(จังหวัดX)" and "ศาลากลางจังหวัดX" weigh most,
    other mentions less; one province must clearly lead.
    """
    ranked = score_provinces(text)
    if not ranked:
        return None, say("legacy.no_province")
    best, score = ranked[0]
    if score < MIN_SCORE:
        return None, say("legacy.passing", names=_names_list([p for p, _ in ranked]))
    close = [p for p, s in ranked if s * SURE > score]
    if len(close) > 1:
        return None, say("legacy.equal", names=_names_list(close))
    return best, None


def _names_list(provinces: list[Province]) -> str:
    names = [p.name_th for p in provinces]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + say("legacy.and") + names[-1]
