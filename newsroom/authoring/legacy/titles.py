"""A proposed headline for a legacy report, from its opening sentence."""

from __future__ import annotations

import re

from pythainlp.util import thai_digit_to_arabic_digit

from ...model.messages import say
from .dates import DATE_PATTERN

TITLE_LENGTH = 120     # longest proposed title, cut at a space
SUBJECT_LENGTH = 60    # a longer opening before the activity is boilerplate, not a subject
MIN_TITLE = 10         # a shorter opening is no headline
ORGANISATIONS = ("ศูนย์คุณธรรม",)
# What the report's subject did: the headline starts at the first of these
# (patterns). Longer words first, so that at one place "ร่วมประชุม" wins over "ร่วม".
ACTIVITIES = (
    "ร่วมประชุม", "ร่วมกับ", "ร่วมเวที", "ร่วมพิธี", "ร่วมงาน", "ลงพื้นที่", "จัดประชุม", "จัดอบรม",
    "จัดเวที", "จัดกิจกรรม", "จัดงาน", "เข้าร่วม", "ลงนาม", "เป็นประธาน", "ประกาศเจตนารมณ์",
    "ศึกษาดูงาน", "ประกาศ", "อบรม", "(?<!ห้อง)(?<!ที่)ประชุม", "หารือ", "ติดตาม", "เปิดตัว",
    "ร่วม(?!มือ)", "จัด(?!การ)",
)
# ...and not where they are part of a noun: ผู้จัดการ, การประชุม, ความร่วมมือ.
_ACTIVITY = re.compile(r"(?<!ผู้)(?<!การ)(?<!ความ)(?:" + "|".join(ACTIVITIES) + ")")
_TITLE_END = re.compile(r"\s(?:ณ\s|ภายใต้|โดยมี|โดยได้รับ|ระหว่างวันที่|เมื่อวันที่|ในวันที่|ตั้งแต่วันที่)")
_OPENING_DATE = re.compile(r"^(?:เมื่อ|ใน)?\s*(?:วัน\S*ที่\s*)?" + DATE_PATTERN + r"\s*")
# Asides in parentheses such as "(องค์การมหาชน)"; "(จังหวัดX)" says where and stays.
_PARENTHESES = re.compile(r"\s*\((?![^()]*จังหวัด)[^()]*\)")
_BOILERPLATE = re.compile(r"\s+โดย(?:\s|$)")


def propose_title(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """A headline from the report's first activity, with its subject when the
    subject is short: 'ศูนย์คุณธรรมร่วมประชุมหารือ…'. Returns (title, doubt)."""
    found = _first_activity(paragraphs[:3])
    if found:
        i, m = found
        before = " ".join([*paragraphs[:i], paragraphs[i][:m.start()]])
        title = _shorten(_clause(_join(_subject(before), paragraphs[i][m.start():])))
        if len(title) >= MIN_TITLE:
            return title, None
    opening = _clause(_without_opening_date(paragraphs[0])) if paragraphs else ""
    title = _shorten(_PARENTHESES.sub("", opening) if opening.startswith(ORGANISATIONS) else opening)
    if len(title) < MIN_TITLE:
        return None, say("legacy.no_title")
    return title, say("legacy.title_guess")


def _first_activity(paragraphs: list[str]) -> tuple[int, re.Match[str]] | None:
    """(paragraph index, match) of the first activity, paragraph by paragraph."""
    for i, paragraph in enumerate(paragraphs):
        if m := _ACTIVITY.search(paragraph):
            return i, m
    return None


def _subject(before: str) -> str:
    """Who did it, from the words before the activity: boilerplate ("(องค์การมหาชน)",
    "โดย <name and title>") left out; '' when that is still long."""
    text = _without_opening_date(" ".join(before.split()))
    text = _BOILERPLATE.split(text, maxsplit=1)[0]
    text = " ".join(_PARENTHESES.sub("", text).split())
    if len(text) <= SUBJECT_LENGTH:
        return text
    return next((org for org in ORGANISATIONS if text.startswith(org)), "")


def _join(subject: str, activity: str) -> str:
    """Thai runs the subject into the verb ('ศูนย์คุณธรรมร่วมประชุม'), except after ')'."""
    return f"{subject} {activity}" if subject.endswith(")") else subject + activity


def _without_opening_date(text: str) -> str:
    m = _OPENING_DATE.match(thai_digit_to_arabic_digit(text))
    return text[m.end():] if m else text


def _clause(text: str) -> str:
    """The first clause: up to the venue, the programme or the date."""
    text = " ".join(text.split())
    cut = _TITLE_END.search(text, 20)
    return text[:cut.start()] if cut else text


def _shorten(title: str) -> str:
    """At most TITLE_LENGTH characters, cut at a space, with no parenthesis left open."""
    title = " ".join(title.split())
    if len(title) > TITLE_LENGTH:
        space = title.rfind(" ", 0, TITLE_LENGTH + 1)
        title = title[:space] if space > TITLE_LENGTH // 3 else title[:TITLE_LENGTH]
    while title.count("(") > title.count(")"):
        title = title[:title.rfind("(")]
    return title.strip(" ,;:-/")
