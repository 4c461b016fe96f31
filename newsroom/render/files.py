"""The files a build adds to MkDocs' (on_files): planned pages, their photos' copies,
the search script, fonts, feeds, robots.txt and the web editor (admin/). Validation has already checked
that none of them lands on a file of docs/ (pipeline.py)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from ..assets.frontend import frontend_files
from ..editor.page import admin_files
from ..editor.rules import taken_slugs
from ..editor.settings import EditorSettings
from ..model.identity import SiteIdentity
from .. import speed, whole_files
from ..pipeline import PHOTO_COPIES, ROBOTS, BuildPlan
from ..plan.feeds import atom, json_feed
from ..plan.open_data import data_files
from ..plan.problem_pages import PROBLEMS_JSON, problems_json
from ..search.indexer import CORE_ASSET, CORE_SCRIPT
from . import engine
from .body_cache import BodyCache
from .converter import Converter, archive_page
from .page_writer import PageWriter
from .preview import FeedTexts, PageFiles, answer_once

PAGES_CACHE = Path(".cache") / "pages"
# A preview's own files (never in a built site): the banner script and what it reads.
PREVIEW_SCRIPT = "assets/preview-banner.js"
PREVIEW_SOURCE = Path(__file__).with_name("preview_banner.js")


class _Adder:
    def __init__(self, files: Any, config: Any, writer: PageWriter | None = None) -> None:
        self.files, self.config, self.writer = files, config, writer
        self.file_class = engine.module(files, "structure.files").File

    def __call__(self, src_uri: str, linked: bool = False, **source: Any) -> Any:
        kind = _linked_class(self.file_class) if linked and speed.fast() else self.file_class
        file = kind.generated(self.config, src_uri, **source)
        if kind is not self.file_class:
            file.writer = self.writer
        self.files.append(file)
        return file


@functools.lru_cache(maxsize=2)
def _linked_class(file_class: type) -> type:
    """MkDocs' File, published as a hard link to its source (a speed layer: a photo
    copy in .cache/photos/, which is written whole and never changed in place, so the
    link is its bytes). 33,000 copies of a 10,000-entry archive's photos took 15 s to
    copy, 40% of them opening files. Where a link cannot be made (another file
    system), the file is copied, as MkDocs does. The page writer makes the link when
    it runs (render/page_writer.py)."""
    class LinkedFile(file_class):  # type: ignore[misc, valid-type]
        writer: PageWriter | None = None

        def copy_file(self, dirty: bool = False) -> None:
            if dirty and not self.is_modified():
                return
            if self.writer is not None and self.writer.link(self.abs_src_path, self.abs_dest_path):
                return
            whole_files.link_or_copy(self.abs_src_path, self.abs_dest_path)
    return LinkedFile


def add_pages(plan: BuildPlan, files: Any, config: Any, root: Path,
              preview: PageFiles | None, bodies: BodyCache | None = None,
              writer: PageWriter | None = None) -> None:
    """Each planned page (with ``preview``, as a file of .cache/pages that changes only
    with the page) and the photo copies beside it (linked by ``writer``, if it runs)."""
    add = _Adder(files, config, writer)
    specs = plan.site.by_uri()
    converter = Converter(config, engine.name_of(files), specs.get, bodies)
    copies = root / PHOTO_COPIES        # our copies are linked; a writer's own file is copied
    for page in plan.site.pages:
        if preview is not None:
            file = add(page.src_uri, abs_src_path=str(preview.page_file(page, root / PAGES_CACHE)))
            answer_once(file)
        else:
            file = add(page.src_uri, content=page.markdown)
        archive_page(file, config, converter)
        folder = page.src_uri.rsplit("/", 1)[0]
        for name, source in page.files:
            add(f"{folder}/{name}", linked=source.is_relative_to(copies), abs_src_path=str(source))


def add_assets(files: Any, config: Any, root: Path) -> None:
    """The search script the browser shares with the indexer, the Thai web font and the
    galleries' lightbox."""
    add = _Adder(files, config)
    add(CORE_ASSET, abs_src_path=str(CORE_SCRIPT))
    for site_path, source in frontend_files(root):
        add(site_path, abs_src_path=str(source))


def add_feeds(plan: BuildPlan, files: Any, config: Any, identity: SiteIdentity,
              texts: FeedTexts | None) -> None:
    """Every feed and robots.txt; both need the site's address, so none without one."""
    if not identity.url:
        return
    add = _Adder(files, config)
    for feed in plan.feeds:
        def make(feed: Any = feed) -> tuple[bytes, bytes]:
            return atom(feed, identity), json_feed(feed, identity)
        atom_text, json_text = texts.text((feed, identity), make) if texts else make()
        add(feed.atom_path, content=atom_text)
        add(feed.json_path, content=json_text)
    add(ROBOTS, content=f"User-agent: *\nAllow: /\n\nSitemap: {identity.url.rstrip('/')}/sitemap.xml\n")


def add_data(plan: BuildPlan, files: Any, config: Any, identity: SiteIdentity) -> None:
    """The open data files beside /data/ (plan/open_data.py)."""
    add = _Adder(files, config)
    for site_path, content in data_files(plan.archive, identity):
        add(site_path, content=content)


def add_preview_files(plan: BuildPlan, files: Any, config: Any) -> None:
    """Under ``mkdocs serve``: the banner script every page loads and the problems it
    shows (written anew by every build, so a page rendered before shows the latest)."""
    add = _Adder(files, config)
    add(PREVIEW_SCRIPT, abs_src_path=str(PREVIEW_SOURCE))
    add(PROBLEMS_JSON, content=json.dumps(problems_json(plan.problems), ensure_ascii=False))


def add_editor(plan: BuildPlan, files: Any, config: Any, root: Path, identity: SiteIdentity) -> None:
    """The web editor at /admin/ (newsroom/editor/): its page, its configuration made from
    the field table, its rules with the tags offered and the slugs taken, Decap's bundle."""
    add = _Adder(files, config)
    settings = EditorSettings.from_extra(config.extra, identity.url)
    tags = tuple(sorted(plan.archive.by_tag))
    taken = taken_slugs(root / "news", plan.archive.entries, root)
    for site_path, content in admin_files(settings, identity.name, tags, taken, root):
        if isinstance(content, Path):
            add(site_path, abs_src_path=str(content))
        else:
            add(site_path, content=content)
