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
from ..model.problems import Problem, report
from ..read.corpus import check, entry_files
from ..read.entry import source_path
from .front_matter import existing_slugs
from .new import cmd_new
from .project import find_root

HELP = """\
newsroom — เครื่องมือผู้เขียนข่าว คลังข่าวจังหวัดคุณธรรม
(writers' tools for the Moral Province news archive)

  check   ตรวจข่าวด้วยกฎเดียวกับการสร้างเว็บ / check entries with the build's rules
  new     สร้างไฟล์ข่าวใหม่พร้อมหัวข้อมูลครบ / write a new entry with complete front matter
  import  แปลงข่าวรูปแบบเดิม (ข้อความล้วน) เป็นข่าว Markdown / turn legacy text reports into entries
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
    everything = sorted(set(entry_files(news.resolve()))
                        | {t for t in (targets or []) if t.exists()})
    verdicts = PhotoVerdicts(verdicts_file(root) if speed.fast() else None)   # the build's
    problems = check(root, news, files=everything, verdicts=verdicts,           # cache too
                     workers=(os.cpu_count() or 1) if speed.fast() else 1)
    verdicts.save()
    if targets is not None:
        wanted = {source_path(t, root) for t in targets}
        problems = [p for p in problems if p.path in wanted]
    problems += [Problem(source_path(p, root), 0, "file", "no such file") for p in missing]
    checked = len(targets) if targets is not None else len(everything)
    elapsed = time.perf_counter() - started
    if args.format == "json":
        json.dump({"checked": checked, "seconds": round(elapsed, 3),
                   "problems": [p.as_dict() for p in sorted(set(problems))]},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif problems:
        print(report(problems))
        print(f"ตรวจ {checked} ไฟล์ พบปัญหา {len(set(problems))} จุด (checked {checked} files"
              f" in {elapsed:.2f} s)", file=sys.stderr)
    else:
        print(f"ตรวจ {checked} ไฟล์ ไม่พบปัญหา (checked {checked} files, no problems,"
              f" {elapsed:.2f} s)", file=sys.stderr)
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
    status = 0
    for name in args.files:
        result = import_file(Path(name), output, root, news, taken, args.encoding)
        if result.error:
            print(f"{name}: {result.error}", file=sys.stderr)
            status = 1
            continue
        assert result.written is not None
        written = source_path(result.written, root)
        print(written)
        for field_name, why in result.doubts.items():
            print(f"{written}: {field_name}: ไม่แน่ใจ (not sure): {why} — left for the writer;"
                  " the entry is a draft", file=sys.stderr)
        if result.problems and not result.doubts:
            for p in result.problems:
                print(str(p), file=sys.stderr)
            status = 1
    return status


# --------------------------------------------------------------------------
# the command line
# --------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="newsroom", description=HELP,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--root", type=Path, default=None,
                     help="โฟลเดอร์โครงการ / project folder (default: nearest with mkdocs.yml)")
    sub = top.add_subparsers(dest="command", required=True, metavar="{check,new,import}")

    check = sub.add_parser("check", help="ตรวจข่าว / check entries",
                           description="ตรวจข่าวด้วยกฎเดียวกับการสร้างเว็บ พิมพ์ปัญหาทีละบรรทัด"
                                       " path:line: field: message / check entries with the"
                                       " build's rules; exit 1 if any problem")
    check.add_argument("paths", nargs="*", help="ไฟล์หรือโฟลเดอร์ / files or folders"
                                                " (default: all of news/)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="รูปแบบผลลัพธ์ / output format")
    check.set_defaults(func=cmd_check)

    new = sub.add_parser("new", help="เริ่มข่าวใหม่ / start a new entry",
                         description="สร้างไฟล์ข่าวใหม่ใน news/<ปีงบประมาณ>/ พร้อมหัวข้อมูลครบ"
                                     " (ไม่เขียนทับไฟล์เดิม) / write a new entry with complete"
                                     " front matter; never overwrites a file")
    new.add_argument("--province", required=True, help="จังหวัด / province, e.g. อุดรธานี")
    new.add_argument("--title", required=True, help="หัวข้อข่าว / headline")
    new.add_argument("--date", help="วันที่ ค.ศ. / date, YYYY-MM-DD (default: today)")
    new.add_argument("--author", action="append", help="ผู้เขียนข่าว / writer (repeat or comma)")
    new.add_argument("--photographer", action="append", help="ผู้ถ่ายภาพ / photographer")
    new.add_argument("--tags", action="append", help="แท็ก / tags, comma separated")
    new.add_argument("--output", help="โฟลเดอร์ / folder (default: news/<program year>/)")
    new.set_defaults(func=cmd_new)

    imp = sub.add_parser("import", help="นำเข้าข่าวเก่า / import legacy reports",
                         description="แปลงข่าวรูปแบบเดิม (วันที่บนสุด เครดิตล่างสุด) เป็นไฟล์ข่าว"
                                     " ช่องที่ไม่แน่ใจจะเว้นว่างและเป็นร่าง / turn legacy text"
                                     " reports into entries; what is not certain is left empty"
                                     " and the entry is a draft. Prints each written path.")
    imp.add_argument("files", nargs="+", help="ไฟล์ข่าวเก่า / legacy .txt files")
    imp.add_argument("--output", help="โฟลเดอร์ / folder (default: news/<program year>/)")
    imp.add_argument("--encoding", help="เช่น cp874 สำหรับไฟล์ภาษาไทยแบบเก่า / e.g. cp874"
                                        " (default: UTF-8 only)")
    imp.set_defaults(func=cmd_import)

    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
