"""`newsroom`: writers' tools. Checks use exactly the build's rules (entry.py, corpus.py).

    newsroom check [PATH…] [--format json]    ตรวจข่าว / check entries
    newsroom new --province … --title …       เริ่มข่าวใหม่ / start an entry
    newsroom import FILE… [--output DIR]      นำเข้าข่าวเก่า / import legacy reports

It writes only new files under news/ (or --output) and never overwrites one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from .. import speed
from ..assets.photo_check import PhotoVerdicts, verdicts_file
from ..model.messages import SWITCH, english, say
from ..model.problems import Problem, report
from ..read.corpus import check, entry_files, load
from ..read.entry import read_entry, source_path
from ..read.kept_entries import KeptEntries
from .front_matter import existing_slugs
from .new import cmd_new
from .project import find_root

HELP_TH = """\
newsroom — เครื่องมือผู้เขียนข่าว คลังข่าวจังหวัดคุณธรรม

  check   ตรวจข่าวด้วยกฎเดียวกับการสร้างเว็บ
  new     สร้างไฟล์ข่าวใหม่พร้อมหัวข้อมูลครบ
  import  แปลงข่าวรูปแบบเดิม (ข้อความล้วน) เป็นข่าว Markdown

ข้อความภาษาอังกฤษสำหรับผู้ดูแลระบบ: --lang en
"""
HELP_EN = """\
newsroom — writers' tools for the Moral Province news archive

  check   check entries with the build's rules
  new     write a new entry with complete front matter
  import  turn legacy text reports into entries
"""


# --------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------

def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        files += entry_files(p) if p.is_dir() else [p]
    return [f.resolve() for f in files]


def cmd_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    root = args.root or find_root(Path.cwd())
    news = root / "news"
    targets = _expand([Path(p) for p in args.paths]) if args.paths else None
    missing = [p for p in (targets or []) if not p.exists()]
    # URL clashes need every entry, so read all of news/ and report on the targets.
    everything = entry_files(news.resolve())          # sorted
    extra = {t for t in (targets or []) if t.exists()} - set(everything)
    if extra:                                          # named files outside news/
        everything = sorted(set(everything) | extra)
    verdicts = PhotoVerdicts(verdicts_file(root) if speed.fast() else None)   # the build's
    kept = KeptEntries(root, news)                                              # caches too
    problems = check(root, news, files=everything, verdicts=verdicts, kept=kept,
                     workers=(os.cpu_count() or 1) if speed.fast() else 1)
    verdicts.save()
    kept.save(full=not extra)
    if targets is not None:
        wanted = {source_path(t, root) for t in targets}
        problems = [p for p in problems if p.path in wanted]
    problems += [Problem(source_path(p, root), 0, "file", say("check.no_file")) for p in missing]
    checked = len(targets) if targets is not None else len(everything)
    elapsed = time.perf_counter() - started
    if args.format == "json":
        json.dump({"checked": checked, "seconds": round(elapsed, 3),
                   "problems": [p.as_dict() for p in sorted(set(problems))]},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif problems:
        print(report(problems))
        print(say("check.summary.bad", checked=checked, problems=len(set(problems)),
                  seconds=f"{elapsed:.2f}"), file=sys.stderr)
    else:
        print(say("check.summary.ok", checked=checked, seconds=f"{elapsed:.2f}"), file=sys.stderr)
    return 1 if problems else 0


# --------------------------------------------------------------------------
# import
# --------------------------------------------------------------------------

def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_file   # pythainlp's corpora load only for imports

    root = args.root or find_root(Path.cwd())
    news = root / "news"
    output = Path(args.output).resolve() if args.output else news
    taken = existing_slugs(news)
    known = load(root, include_drafts=True).entries     # for twins and tags already in use
    status = 0
    for name in args.files:
        result = import_file(Path(name), output, root, news, taken, args.encoding, known)
        if result.written is not None:
            entry, _ = read_entry(result.written, root, news)
            known += [entry] if entry else []
        if result.error:
            print(f"{name}: {result.error}", file=sys.stderr)
            status = 1
            continue
        assert result.written is not None
        written = source_path(result.written, root)
        print(written)
        for field_name, why in result.doubts.items():
            print(f"{written}: {field_name}: {say('import.doubt', why=why)}", file=sys.stderr)
        if result.problems and not result.doubts:
            for p in result.problems:
                print(str(p), file=sys.stderr)
            status = 1
    return status


# --------------------------------------------------------------------------
# the command line
# --------------------------------------------------------------------------

def _t(th: str, en: str) -> str:
    """Help text in the writer's language (English with --lang en)."""
    return en if english() else th


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="newsroom", description=_t(HELP_TH, HELP_EN),
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--root", type=Path, default=None,
                     help=_t("โฟลเดอร์โครงการ (ค่าเริ่มต้น: โฟลเดอร์ที่มี mkdocs.yml ที่ใกล้ที่สุด)",
                             "project folder (default: nearest with mkdocs.yml)"))
    top.add_argument("--lang", choices=("th", "en"), default=None,
                     help=_t("ภาษาของข้อความ (en สำหรับผู้ดูแลระบบ)", "language of the messages"))
    sub = top.add_subparsers(dest="command", required=True, metavar="{check,new,import}")

    check = sub.add_parser("check", help=_t("ตรวจข่าว", "check entries"),
                           description=_t("ตรวจข่าวด้วยกฎเดียวกับการสร้างเว็บ พิมพ์ปัญหาทีละบรรทัด"
                                          " ไฟล์:บรรทัด: ช่อง: ข้อความ ถ้ามีปัญหาจบด้วยสถานะ 1",
                                          "check entries with the build's rules, a line a problem"
                                          " (path:line: field: message); exit 1 if any"))
    check.add_argument("paths", nargs="*", help=_t("ไฟล์หรือโฟลเดอร์ (ค่าเริ่มต้น: ทั้ง news/)",
                                                   "files or folders (default: all of news/)"))
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help=_t("รูปแบบผลลัพธ์", "output format"))
    check.set_defaults(func=cmd_check)

    new = sub.add_parser("new", help=_t("เริ่มข่าวใหม่", "start a new entry"),
                         description=_t("สร้างไฟล์ข่าวใหม่ใน news/<ปีงบประมาณ>/ พร้อมหัวข้อมูลครบ"
                                        " (ไม่เขียนทับไฟล์เดิม)", "write a new entry with complete"
                                        " front matter; never overwrites a file"))
    new.add_argument("--province", required=True, help=_t("จังหวัด เช่น อุดรธานี", "province"))
    new.add_argument("--title", required=True, help=_t("หัวข้อข่าว", "headline"))
    new.add_argument("--date", help=_t("วันที่ ค.ศ. แบบ ปปปป-ดด-วว (ค่าเริ่มต้น: วันนี้)",
                                       "date, YYYY-MM-DD (default: today)"))
    new.add_argument("--author", action="append", help=_t("ผู้เขียนข่าว (ใส่ซ้ำหรือคั่นด้วย ,)",
                                                         "writer (repeat or comma)"))
    new.add_argument("--photographer", action="append", help=_t("ผู้ถ่ายภาพ", "photographer"))
    new.add_argument("--tags", action="append", help=_t("แท็ก คั่นด้วย ,", "tags, comma separated"))
    new.add_argument("--slug", help=_t("ที่อยู่ของข่าวบนเว็บ (a–z ตัวเลข -) ค่าเริ่มต้น: จากวันที่ จังหวัด และหัวข้อ",
                                       "the entry's URL slug (default: from date, province, title)"))
    new.add_argument("--output", help=_t("โฟลเดอร์ (ค่าเริ่มต้น: news/<ปีงบประมาณ>/)",
                                         "folder (default: news/<program year>/)"))
    new.set_defaults(func=cmd_new)

    imp = sub.add_parser("import", help=_t("นำเข้าข่าวเก่า", "import legacy reports"),
                         description=_t("แปลงข่าวรูปแบบเดิม (วันที่บนสุด เครดิตล่างสุด) เป็นไฟล์ข่าว"
                                        " ช่องที่ไม่แน่ใจจะเว้นว่างและเป็นร่าง พิมพ์ชื่อไฟล์ที่เขียน",
                                        "turn legacy text reports into entries; what is not"
                                        " certain is left empty and the entry is a draft"))
    imp.add_argument("files", nargs="+", help=_t("ไฟล์ข่าวเก่า (.txt)", "legacy .txt files"))
    imp.add_argument("--output", help=_t("โฟลเดอร์ (ค่าเริ่มต้น: news/<ปีงบประมาณ>/)",
                                         "folder (default: news/<program year>/)"))
    imp.add_argument("--encoding", help=_t("เช่น cp874 สำหรับไฟล์ภาษาไทยแบบเก่า (ค่าเริ่มต้น: UTF-8)",
                                           "e.g. cp874 (default: UTF-8 only)"))
    imp.set_defaults(func=cmd_import)

    return top


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    for i, word in enumerate(words):        # the language first: it is the help's too
        if word == "--lang" and i + 1 < len(words):
            os.environ[SWITCH] = words[i + 1]
        elif word.startswith("--lang="):
            os.environ[SWITCH] = word.split("=", 1)[1]
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
