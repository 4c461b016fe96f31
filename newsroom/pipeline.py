"""The archive's build before anything renders: read, check, group, plan. Plain Python.

``plan_build`` runs the phases in order and stops at the first that finds
problems, so a build either has a plan for every page or a list of every
problem (nothing is written then):

    read      every file under news/, checked, photos included    read/corpus.py
    photos    the published copies of every photo                 assets/photos.py
    group     by province, program year, tag, person               model/archive.py
    plan      every page, with its display values                  plan/site_plan.py
    words     the segmenter of Thai lines, with the archive's words model/words.py
    feeds     Atom and JSON feeds of the site, provinces, years    plan/feeds.py
    search    what the index holds of each entry                   search/documents.py

render/plugin.py calls it at on_pre_build, before MkDocs touches site/.
"""

from __future__ import annotations

import os

from dataclasses import dataclass, field
from pathlib import Path

from . import speed
from .model import paths
from .assets.photo_check import PhotoVerdicts, verdicts_file
from .assets.photos import prepare
from .model.archive import Archive, build_archive
from .model.calendar import build_time
from .model.identity import SiteIdentity
from .model.entry import Entry
from .model.problems import Problem
from .model.words import Segmenter, for_archive
from .plan.entry_pages import EntryPageMemo
from .plan.feeds import FeedSpec, plan_feeds
from .plan.pages import GeneratedPage, SitePlan
from .plan.problem_pages import problem_pages
from .plan.site_plan import plan_site
from .read.corpus import Claim, EntryCache, docs_clashes, docs_collisions, link_problems, load
from .read.kept_entries import KeptEntries
from .search.documents import SearchDoc, documents
from .search.indexer import CORE_ASSET, MANIFEST

PHOTO_COPIES = Path(".cache") / "photos"


@dataclass
class Reuse:
    """What a serve process keeps from one preview for the next (speed layers)."""
    entries: EntryCache
    entry_pages: EntryPageMemo
    kept: KeptEntries | None = None       # .cache/entries, read by the first preview

    @classmethod
    def new(cls) -> "Reuse":
        return cls(EntryCache(), EntryPageMemo())


@dataclass
class BuildPlan:
    archive: Archive
    site: SitePlan
    feeds: list[FeedSpec]
    search: dict[str, SearchDoc]          # by the src_uri of the entry's page
    words: Segmenter                      # where Thai lines break (render/line_breaks.py)
    problems: list[Problem] = field(default_factory=list)   # a preview's: entries left out


def plan_build(root: Path, identity: SiteIdentity, include_drafts: bool, docs_dir: Path,
               reuse: Reuse | None = None, preview: bool = False
               ) -> tuple[BuildPlan | None, list[Problem]]:
    """The plan of every page and feed, or every problem found. A ``preview``
    (``mkdocs serve``) always has a plan: entries with problems are left out of it,
    and pages naming their problems take their place (plan/problem_pages.py)."""
    reuse = reuse if reuse is not None and speed.fast() else None
    verdicts = PhotoVerdicts(verdicts_file(root) if speed.fast() else None)
    kept = reuse.kept if reuse and reuse.kept else KeptEntries(root, Path(root) / "news")
    if reuse is not None:
        reuse.kept = kept
    corpus = load(root, include_drafts=include_drafts, cache=reuse.entries if reuse else None,
                  verdicts=verdicts, published_by=build_time(),
                  workers=(os.cpu_count() or 1) if speed.fast() and not preview else 1,
                  kept=kept)
    if reuse is None:          # a preview reads the kept entries; a build writes them
        kept.save(full=True)
    problems = list(corpus.problems)
    entries = corpus.entries
    if preview:
        entries = without_problems(entries, problems, include_drafts)
    photos: dict = {}
    if not problems or preview:
        photos, found = prepare(entries, root / PHOTO_COPIES, verdicts)
        problems += found
        if found and preview:
            entries = without_problems(entries, problems, include_drafts)
    verdicts.save()
    if problems and not preview:
        return None, problems
    archive = build_archive(entries)
    site = plan_site(archive, identity, photos, memo=reuse.entry_pages if reuse else None)
    feeds = plan_feeds(archive, identity, photos)
    collisions = docs_collisions(docs_dir, root, generated_files(site, feeds))
    if collisions and not preview:
        return None, collisions
    if preview:
        problems += collisions
        if collisions:                       # the docs/ file stays; the page is not made
            clashing = {uri for uri, _ in docs_clashes(docs_dir, generated_files(site, []))}
            site.pages = [p for p in site.pages if clashing.isdisjoint(page_files(p))]
        site.pages += problem_pages(problems, {p.src_uri for p in site.pages}
                                    | _docs_pages(docs_dir))
    return BuildPlan(archive, site, feeds, documents(archive), for_archive(archive),
                     problems), []


def without_problems(entries: list[Entry], problems: list[Problem],
                     drafts_published: bool) -> list[Entry]:
    """The entries no problem names, less those whose links then lead nowhere (their
    problems added to ``problems``), until none is left out."""
    while True:
        broken = {p.path for p in problems}
        kept = [e for e in entries if e.source not in broken]
        found = link_problems([Claim.of(e) for e in kept], drafts_published)
        if not found:
            return kept
        problems += found
        entries = kept


def _docs_pages(docs_dir: Path) -> set[str]:
    """The src_uris of docs/'s own pages: a problem page never takes one's place."""
    if not docs_dir.is_dir():
        return set()
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}


ROBOTS = "robots.txt"         # what the build writes besides pages, photos, feeds and search
DATA_FILES = (paths.DATA_ENTRIES_CSV, paths.DATA_ENTRIES_JSON, paths.DATA_SCHEMA,
              paths.DATA_COUNTS_CSV)


def page_files(page: GeneratedPage) -> list[str]:
    """A planned page and the files beside it, as MkDocs names them."""
    folder = page.src_uri.rsplit("/", 1)[0]
    return [page.src_uri, *(f"{folder}/{name}" for name, _ in page.files)]


def generated_files(site: SitePlan, feeds: list[FeedSpec]) -> list[str]:
    """Every file the build generates, as MkDocs names them ('news/x/index.md')."""
    uris = [MANIFEST, CORE_ASSET, ROBOTS, *DATA_FILES]
    for page in site.pages:
        uris += page_files(page)
    for feed in feeds:
        uris += [feed.atom_path, feed.json_path]
    return uris
