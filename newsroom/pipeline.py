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

from dataclasses import dataclass
from pathlib import Path

from . import speed
from .model import paths
from .assets.photo_check import PhotoVerdicts, verdicts_file
from .assets.photos import prepare
from .model.archive import Archive, build_archive
from .model.calendar import build_time
from .model.identity import SiteIdentity
from .model.problems import Problem
from .model.words import Segmenter, for_archive
from .plan.entry_pages import EntryPageMemo
from .plan.feeds import FeedSpec, plan_feeds
from .plan.pages import SitePlan
from .plan.site_plan import plan_site
from .read.corpus import EntryCache, docs_collisions, load
from .search.documents import SearchDoc, documents
from .search.indexer import CORE_ASSET, MANIFEST

PHOTO_COPIES = Path(".cache") / "photos"


@dataclass
class Reuse:
    """What a serve process keeps from one preview for the next (speed layers)."""
    entries: EntryCache
    entry_pages: EntryPageMemo

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


def plan_build(root: Path, identity: SiteIdentity, include_drafts: bool, docs_dir: Path,
               reuse: Reuse | None = None) -> tuple[BuildPlan | None, list[Problem]]:
    """The plan of every page and feed, or every problem found."""
    reuse = reuse if reuse is not None and speed.fast() else None
    verdicts = PhotoVerdicts(verdicts_file(root) if speed.fast() else None)
    corpus = load(root, include_drafts=include_drafts, cache=reuse.entries if reuse else None,
                  verdicts=verdicts, published_by=build_time())
    problems = list(corpus.problems)
    photos: dict = {}
    if not problems:
        photos, problems = prepare(corpus.entries, root / PHOTO_COPIES, verdicts)
    verdicts.save()
    if problems:
        return None, problems
    archive = build_archive(corpus.entries)
    site = plan_site(archive, identity, photos, memo=reuse.entry_pages if reuse else None)
    feeds = plan_feeds(archive, identity, photos)
    collisions = docs_collisions(docs_dir, root, generated_files(site, feeds))
    if collisions:
        return None, collisions
    return BuildPlan(archive, site, feeds, documents(archive), for_archive(archive)), []


ROBOTS = "robots.txt"         # what the build writes besides pages, photos, feeds and search
DATA_FILES = (paths.DATA_ENTRIES_CSV, paths.DATA_ENTRIES_JSON, paths.DATA_SCHEMA,
              paths.DATA_COUNTS_CSV)


def generated_files(site: SitePlan, feeds: list[FeedSpec]) -> list[str]:
    """Every file the build generates, as MkDocs names them ('news/x/index.md')."""
    uris = [MANIFEST, CORE_ASSET, ROBOTS, *DATA_FILES]
    for page in site.pages:
        uris.append(page.src_uri)
        uris += [f"{page.src_uri.rsplit('/', 1)[0]}/{name}" for name, _ in page.files]
    for feed in feeds:
        uris += [feed.atom_path, feed.json_path]
    return uris
