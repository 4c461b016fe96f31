"""Legacy plain-text reports: the Thai date at the top, the report, a credit line at the end.

``parse_report`` reads one report into fields. For each field it cannot
determine with confidence it leaves the field empty (or marks it) and says why
in ``doubts``; it never chooses between equally likely answers. The body is
kept as written: paragraphs are split on blank lines and only their edges are
trimmed; the date at the top and the credit line at the end are taken out.
Escaping for Markdown is importer.py's job, not this module's.

>>> r = parse_report("๖ พ.ย. ๒๕๖๓ ศูนย์คุณธรรมร่วมประชุม ณ ศาลากลางจังหวัดน่าน\\n\\n"
...                  "ข่าว : ก ไก่ / ภาพ : ข ไข่ / กลุ่มงานสื่อสาร")
>>> r.date, r.authors, r.photographers, r.unit, r.province.slug
(datetime.date(2020, 11, 6), ['ก ไก่'], ['ข ไข่'], 'กลุ่มงานสื่อสาร', 'nan')
>>> r.paragraphs, r.title, list(r.doubts)
(['ศูนย์คุณธรรมร่วมประชุม ณ ศาลากลางจังหวัดน่าน'], 'ศูนย์คุณธรรมร่วมประชุม จังหวัดน่าน', ['title'])

What is not there is not guessed:

>>> r = parse_report("ประชุมคณะทำงานจังหวัดชลบุรีและจังหวัดระยองผ่านระบบออนไลน์")
>>> r.date, r.authors, r.province, sorted(r.doubts)
(None, [], None, ['author', 'date', 'province', 'title'])
>>> r.doubts["province"]
'ข่าวกล่าวถึง ชลบุรี และ ระยอง พอ ๆ กัน ให้เลือกหนึ่งจังหวัด'
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import date

from ...model.messages import say
from ...model.province import Province
from ...read.text import normalise_newlines
from .credits import Credit, parse_credit, split_names, split_unit, take_credit, _author_doubt
from .dates import parse_date, remove_date_prefix
from .paragraphs import is_blank, split_paragraphs, trim
from .provinces import find_province, province_mentions, score_provinces
from .titles import TITLE_LENGTH, propose_title

__all__ = ["Credit", "LegacyReport", "find_province", "is_blank", "normalise_newlines",
           "parse_credit", "parse_date", "parse_report", "propose_title", "province_mentions",
           "remove_date_prefix", "score_provinces", "split_names", "split_paragraphs",
           "split_unit", "take_credit", "trim"]


@dataclass
class LegacyReport:
    """One legacy report read into fields; ``doubts`` maps a field to why it is uncertain."""

    date: date | None = None
    """CE date, from the Thai (BE) date at the top."""
    authors: list[str] = field(default_factory=list)
    """Writers' names as written (honorifics kept), without their unit."""
    photographers: list[str] = field(default_factory=list)
    unit: str | None = None
    """The unit at the end of the credit line, e.g. "กลุ่มงานสื่อสารและรณรงค์ทางสังคม"."""
    province: Province | None = None
    """The province the report is set in (not every province it mentions)."""
    title: str | None = None
    """A proposed headline from the report's opening sentence."""
    paragraphs: list[str] = field(default_factory=list)
    """The body as written; only the edges of each paragraph trimmed."""
    doubts: dict[str, str] = field(default_factory=dict)
    suggested_tags: list[str] = field(default_factory=list)
    """Tags the archive already uses that the text holds (proposed in a comment)."""
    """Field ("date", "author", "province", "title") -> reason it is empty or uncertain."""


def parse_report(text: str) -> LegacyReport:
    """Read a whole legacy report (already decoded; a BOM and CRLF are fine)."""
    report = LegacyReport()
    paragraphs = split_paragraphs(normalise_newlines(text))
    if not paragraphs:
        report.doubts = {name: say("legacy.empty") for name in ("date", "author", "province", "title")}
        return report

    report.date, used, doubt = parse_date(paragraphs[0])
    if doubt:
        report.doubts["date"] = doubt
    paragraphs = remove_date_prefix(paragraphs, used)

    credit, paragraphs = take_credit(paragraphs)
    if credit:
        report.authors, report.photographers, report.unit = credit
    if not report.authors:
        report.doubts["author"] = _author_doubt(credit)

    report.paragraphs = paragraphs
    report.province, doubt = find_province("\n\n".join(paragraphs))
    if doubt:
        report.doubts["province"] = doubt
    report.title, doubt = propose_title(paragraphs)
    if report.title and report.province and report.province.name_th not in report.title:
        report.title = _longer(report.title, _province_words(report.province))
    round_ = _ROUND.search(paragraphs[0]) if report.title and paragraphs else None
    if round_ and round_.group() not in report.title:      # "ปีที่ 2": which year of the programme
        report.title = _longer(report.title, re.sub(r"\s+", " ", round_.group()))
    # A proposed title is always the writer's to check: the old reports had none.
    report.doubts["title"] = doubt or say("legacy.title_review")
    return report


_ROUND = re.compile(r"ปีที่\s?[0-9๐-๙]+")


def _longer(title: str, words: str) -> str:
    """The title with ``words`` after it, unless that makes it too long."""
    longer = f"{title} {words}"
    return longer if len(longer) <= TITLE_LENGTH else title


def _province_words(province: Province) -> str:
    return province.name_th if province.slug == "bangkok" else f"จังหวัด{province.name_th}"
