"""The Node search indexer alone, this checkout's against another git revision's.

    python -m bench.search_index [N …] [--against REV …] [--repeat R] [--json PATH]

Generates N entries (bench.generate, one photo drawn for each size: the index
holds text only), turns them into the indexer's input lines (each entry's
Markdown as its text, about what the rendered text holds, as bench.run's
search_index_alone does) and feeds the same file to search_index.mjs of this
checkout and of each REV (default main; its two .mjs files taken with git
show), alternating, R times each. Reports for each the median wall seconds, CPU seconds
(user + system: steadier than wall time on a busy machine) and peak resident MB
(GNU time's maximum resident set), and which versions wrote the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench import generate as gen

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ("newsroom/search/search_index.mjs", "newsroom/search/search_core.mjs")


class _SamePhotos:
    """bench.generate's PhotoWriter, but one drawing for each size (the index holds
    no photos; the entries only need theirs to be there)."""

    def __init__(self, n: int) -> None:
        self.drawn: dict[tuple[int, int], bytes] = {}

    def add(self, path: Path, key: str, width: int, height: int) -> None:
        if (width, height) not in self.drawn:
            self.drawn[width, height] = gen.draw_photo("bench", width, height)
        path.write_bytes(self.drawn[width, height])

    def close(self) -> None:
        pass


def input_lines(n: int, where: Path) -> Path:
    """The indexer's input for n generated entries, written under ``where``."""
    drawing, gen.PhotoWriter = gen.PhotoWriter, _SamePhotos
    try:
        gen.generate(where / "archive", n)
    finally:
        gen.PhotoWriter = drawing
    return write_input(where / "archive", where / f"input-{n}.jsonl", "OUT")


def write_input(news_root: Path, lines: Path, out: str) -> Path:
    """The indexer's input lines for the archive under ``news_root`` (index into
    ``out``), as the build sends them: the header with the vocabulary, then each entry
    with its Markdown as its text (about what the rendered text holds)."""
    from newsroom.model import paths
    from newsroom.model.archive import build_archive
    from newsroom.model.words import for_archive
    from newsroom.read.corpus import load
    from newsroom.search.documents import documents
    from newsroom.search.indexer import header
    from newsroom.search.vocabulary import search_words

    archive = build_archive(load(news_root).entries)
    docs = documents(archive)
    with lines.open("w", encoding="utf-8") as f:
        f.write(header(out, len(docs), search_words(for_archive(archive).vocabulary)) + "\n")
        for e in archive.entries:
            f.write(docs[paths.entry(e.slug)].line(e.body) + "\n")
    return lines


def scripts_of(rev: str, where: Path) -> Path:
    """REV's indexer, copied into ``where``; its search_index.mjs."""
    for name in SCRIPTS:
        text = subprocess.run(["git", "show", f"{rev}:{name}"], cwd=ROOT, check=True,
                              capture_output=True).stdout
        (where / Path(name).name).write_bytes(text)
    return where / "search_index.mjs"


def run_once(script: Path, lines: Path, out: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MB of one index build into ``out``."""
    header, rest = lines.read_text(encoding="utf-8").split("\n", 1)
    feed = out.with_suffix(".jsonl")
    head = json.loads(header)
    head["out"] = str(out)
    feed.write_text(json.dumps(head) + "\n" + rest, encoding="utf-8")
    stats = out.with_suffix(".time")
    shutil.rmtree(out, ignore_errors=True)      # each build writes a new one, as the first does
    with feed.open("rb") as stdin:
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", str(stats), "node", str(script)],
                       stdin=stdin, stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - start
    kb, user, system = stats.read_text().split()[-3:]
    feed.unlink()
    return wall, float(user) + float(system), int(kb) / 1024


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(f.relative_to(folder).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[2000, 10000])
    parser.add_argument("--against", action="append", help="a git revision (default main)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    revs = args.against or ["main"]
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-search-index-") as tmp:
        work = Path(tmp)
        versions = []
        for i, rev in enumerate(revs):
            (work / f"rev{i}").mkdir()
            versions.append((rev, scripts_of(rev, work / f"rev{i}")))
        versions.append(("this", ROOT / SCRIPTS[0]))
        for n in args.sizes:
            lines = input_lines(n, work / f"n{n}")
            runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _ in versions}
            outs = {}
            for _ in range(args.repeat):
                for i, (name, script) in enumerate(versions):
                    out = work / f"out{i}-{n}"
                    runs[name].append(run_once(script, lines, out))
                    outs[name] = out
            for name, got in runs.items():
                row = {"entries": n, "version": name, "output": digest(outs[name])[:12],
                       "wall_s": round(statistics.median(g[0] for g in got), 2),
                       "cpu_s": round(statistics.median(g[1] for g in got), 2),
                       "peak_mb": round(statistics.median(g[2] for g in got)),
                       "runs": [[round(x, 2) for x in g] for g in got]}
                results.append(row)
                print(f"{n:>6} {name:<10} wall {row['wall_s']:>6.2f} s  cpu {row['cpu_s']:>6.2f} s"
                      f"  peak {row['peak_mb']:>5} MB  output {row['output']}  runs {row['runs']}",
                      flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
