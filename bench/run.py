"""The build benchmark: our archive build against plain MkDocs + Material, in one run.

    python -m bench.run [--sizes 1000,10000] [--repeat 1] [--json bench/results.json]

For each size N it generates a deterministic archive (bench/generate.py) and,
alternating, builds (a) the project: mkdocs.yml, docs/, overrides/ and hooks/
beside the generated news/, everything included (archives, feeds, photos,
Pagefind search); (b) the baseline: the same entries as plain MkDocs + Material
pages (entries outside the nav, Material's search on) without our hooks. Each
build is a fresh process in a fresh copy, caches empty. It reports wall time,
peak memory (the largest process of the build) and output size, their ratios,
the time of each stage of our pipeline, `newsroom check` over all entries, and
a dirty rebuild after one entry is edited. Targets from the issue are printed
beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")
WORDS = 36          # sentences per entry: about 2,200 Thai characters, 300-600 words
TARGETS = {"build_ratio": 1.25, "linear_ratio": 10.5, "peak_mb": 1536, "check_s": 3.0,
           "dirty_share": 0.10}

BASELINE_YML = """\
site_name: baseline
site_url: https://example.org/
docs_dir: docs
theme:
  name: material
  language: th
  features: [navigation.tabs, navigation.top, navigation.footer]
plugins: [search]
nav: [index.md]
not_in_nav: |
  /news/
"""


@dataclass
class Run:
    seconds: float
    peak_mb: float
    output_mb: float


@dataclass
class SizeResult:
    entries: int
    project: list[Run] = field(default_factory=list)
    baseline: list[Run] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)
    check_s: float = 0.0
    dirty_s: float = 0.0

    def median(self, runs: list[Run], attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in runs)


def timed(cmd: list[str], cwd: Path) -> float:
    """Wall seconds of one command, which must succeed."""
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stderr[-3000:]}")
    return seconds


def peak_of(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak memory in MB: GNU time's maximum resident set, which is
    that of the largest process of the build (MkDocs, or Pagefind which it starts)."""
    out = Path(tempfile.mkstemp(suffix=".time")[1])
    seconds = timed(["/usr/bin/time", "-f", "%M", "-o", str(out), *cmd], cwd)
    peak_kb = int(out.read_text().split()[-1])
    out.unlink()
    return seconds, peak_kb / 1024


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def project_copy(where: Path, news: Path) -> Path:
    where.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, where / part)
    shutil.copytree(news, where / "news")
    return where


def baseline_copy(where: Path, news: Path) -> Path:
    docs = where / "docs"
    (docs / "news").mkdir(parents=True)
    (where / "mkdocs.yml").write_text(BASELINE_YML, encoding="utf-8")
    (docs / "index.md").write_text("# baseline\n", encoding="utf-8")
    for path in news.rglob("*"):
        if path.is_file():
            target = docs / "news" / path.relative_to(news)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    return where


def mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def stage_times(news_root: Path) -> dict[str, float]:
    """Our pipeline's stages, in this process (caches in a temporary folder)."""
    from newsroom.archive import build_archive
    from newsroom.corpus import load
    from newsroom.feed import atom, json_feed, plan_feeds
    from newsroom.photos import prepare
    from newsroom.search import subwords
    from newsroom.site import plan_site

    times: dict[str, float] = {}
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))

    def stage(name: str, fn):  # noqa: ANN001, ANN202
        start = time.perf_counter()
        value = fn()
        times[name] = round(time.perf_counter() - start, 3)
        return value

    corpus = stage("read + check entries", lambda: load(news_root))
    photos, _ = stage("photos (resize, cold cache)", lambda: prepare(corpus.entries, cache / "p"))
    archive = stage("group archives", lambda: build_archive(corpus.entries))
    words = stage("Thai sub-words (cold cache)", lambda: subwords(archive.entries, cache / "s.json"))
    stage("Thai sub-words (warm cache)", lambda: subwords(archive.entries, cache / "s.json"))
    stage("plan pages", lambda: plan_site(archive, "https://example.org/", words, photos))
    stage("feeds", lambda: [(atom(f, "https://example.org/"), json_feed(f, "https://example.org/"))
                            for f in plan_feeds(archive)])
    shutil.rmtree(cache, ignore_errors=True)
    return times


def bench_size(n: int, repeat: int, work: Path) -> SizeResult:
    result = SizeResult(entries=n)
    source = work / f"source-{n}"
    generate(source, n, seed=2024, words=WORDS)
    for i in range(repeat):
        for kind in ("project", "baseline"):
            folder = work / f"{kind}-{n}-{i}"
            copy = project_copy if kind == "project" else baseline_copy
            copy(folder, source / "news")
            seconds, peak = peak_of(mkdocs("build", "-q"), folder)
            getattr(result, kind).append(Run(round(seconds, 2), round(peak), round(size_mb(folder / "site"), 1)))
            print(f"  {n:>6} {kind:<8} run {i + 1}: {seconds:7.1f} s  {peak:7.0f} MB", flush=True)
            if kind == "baseline" or i < repeat - 1:
                shutil.rmtree(folder)
    last = work / f"project-{n}-{repeat - 1}"
    result.check_s = timed([str(Path(sys.executable).with_name("newsroom")), "check"], last)
    # Preview: as `make serve` rebuilds after one edit (bench/preview.py).
    out = subprocess.run([sys.executable, "-m", "bench.preview", str(last)], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    result.dirty_s = float(out.stdout.split()[-1])
    result.stages = stage_times(last)
    shutil.rmtree(last)
    return result


def report(results: list[SizeResult]) -> str:
    lines = [f"{'entries':>8} {'project s':>10} {'baseline s':>11} {'ratio':>6} {'peak MB':>8}"
             f" {'base MB':>8} {'site MB':>8} {'base site':>9} {'check s':>8} {'dirty s':>8}",
             f"{'target':>8} {'':>10} {'':>11} {'≤1.25':>6} {'≤1536':>8} {'':>8} {'':>8} {'':>9}"
             f" {'≤3':>8} {'≤10% of full':>8}"]
    for r in results:
        p, b = r.median(r.project, "seconds"), r.median(r.baseline, "seconds")
        lines.append(f"{r.entries:>8} {p:>10.1f} {b:>11.1f} {p / b:>6.2f} "
                     f"{r.median(r.project, 'peak_mb'):>8.0f} {r.median(r.baseline, 'peak_mb'):>8.0f} "
                     f"{r.median(r.project, 'output_mb'):>8.0f} {r.median(r.baseline, 'output_mb'):>9.0f} "
                     f"{r.check_s:>8.2f} {r.dirty_s:>8.1f}")
    if len(results) >= 2:
        small, big = results[0], results[-1]
        linear = big.median(big.project, "seconds") / small.median(small.project, "seconds")
        lines.append(f"linearity: {big.entries} / {small.entries} entries = {linear:.1f}x"
                     f" (target ≤ {TARGETS['linear_ratio'] * big.entries / small.entries / 10:.1f}x)")
    for r in results:
        lines.append(f"stages at {r.entries}: " + ", ".join(f"{k} {v:.2f} s" for k, v in r.stages.items()))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    results = []
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            results.append(bench_size(n, args.repeat, work))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(report(results))
    args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1),
                         encoding="utf-8")
    print(f"results: {args.json}")


if __name__ == "__main__":
    main()
