"""The archive as MkDocs hooks: one method per event, in the order MkDocs calls them.

hooks/newsroom.py forwards MkDocs' events to an instance of ``NewsroomHooks``.
Hook modules are loaded once per process (``mkdocs serve`` keeps them between
builds), so all state lives on this object and ``on_pre_build`` plans anew on
every build. The work itself is elsewhere: planning in pipeline.py (plain
Python), files in files.py, rendering in converter.py and shells.py, search in
search/indexer.py.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.plugins import CombinedEvent, event_priority

from .. import speed
from ..model.identity import SiteIdentity
from ..pipeline import BuildPlan, Reuse, plan_build
from ..model.messages import guide_table, say
from ..model.problems import Problem, report
from ..plan.pages import ENTRY_TEMPLATE, LISTING_TEMPLATE, GeneratedPage
from ..search.indexer import SEARCH_DIR, SearchIndexer, node_version, words_json
from ..search.kept_index import KeptIndex
from ..search.vocabulary import search_words
from . import engine, jinja_helpers, line_break_cache, line_breaks, marked_blocks, shells
from .files import (PREVIEW_SCRIPT, add_assets, add_data, add_editor, add_feeds, add_pages,
                    add_preview_files)
from .body_cache import BodyCache, code_version, config_version
from .idle_gc import IdleCollector
from .markdown_ext import SafeIdsExtension
from .page_writer import PageWriter
from .preview import FeedTexts, PageFiles
from .quick_exit import QuickExit
from .sanitize import clean
from .site_folder import SiteSwap


GUIDE_MESSAGES = "<!-- newsroom:messages -->"      # where docs/guide.md shows them


def root_of(config: Any) -> Path:
    """The project folder: where mkdocs.yml is."""
    return Path(config.config_file_path).resolve().parent


class NewsroomHooks:
    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.identity = SiteIdentity("", "")
        self.plan: BuildPlan | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.search = SearchIndexer()
        self.swap = SiteSwap()                   # full builds replace site/ only on success
        self.writer = PageWriter()               # pages written by another process
        # kept between the builds of one `mkdocs serve`:
        self.reuse = Reuse.new()                 # entries read and entry pages planned
        self.page_files = PageFiles()            # .cache/pages, for dirty builds
        self.feed_texts = FeedTexts()
        self.compiled = jinja_helpers.CompiledTemplates()
        self.collector = IdleCollector()         # no full collection in the middle of a preview
        self.shells: shells.ShellLoader | None = None   # this build's, for tests to look into
        self.bodies: BodyCache | None = None     # entry bodies converted by earlier builds
        self.marked: line_break_cache.KeptPieces | None = None  # Thai line-break pieces kept
        self.blocks: marked_blocks.KeptBlocks | None = None     # and blocks marked whole
        self.quick_exit = QuickExit()            # `mkdocs build` ends without freeing its heap

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    # Why each runs where it does -----------------------------------------------

    def on_startup(self, command: str, dirty: bool = False) -> None:
        """Once per process: `serve` shows drafts and previews rebuild dirty."""
        self.command, self.dirty = command, dirty

    def on_config(self, config: Any) -> None:
        """Before anything is read: ids from Markdown made safe on every page; a full
        build pointed at a fresh folder (site_folder.py); the build's clock pinned to
        the last commit (SOURCE_DATE_EPOCH) so two builds of the same news give the
        same bytes, unless it is given (`make build` and CI give it)."""
        config.markdown_extensions.append(SafeIdsExtension())
        if self.serving:                   # the banner of a preview's problems, every page
            config.extra_javascript.append(PREVIEW_SCRIPT)
        if not self.dirty:
            self.swap.begin(config)
        if "SOURCE_DATE_EPOCH" not in os.environ:
            epoch = _git_commit_time(root_of(config))
            if epoch:
                os.environ["SOURCE_DATE_EPOCH"] = epoch
        self.identity = SiteIdentity(config.site_name, config.copyright or "", config.site_url or "",
                                     licence=str((config.extra or {}).get("data_licence") or ""))

    def on_pre_build(self, config: Any) -> None:
        """Read, check and plan everything here: MkDocs has not cleaned site/ yet, so a
        problem stops the build with the last good site in place (and `serve` keeps
        serving it). Every problem is reported at once."""
        self.search.stop()      # a preview's index still being built: this build makes a new one
        self.collector.build_starting()
        root = root_of(config)
        plan, problems = plan_build(root, self.identity, include_drafts=self.serving,
                                    docs_dir=Path(config.docs_dir),
                                    reuse=self.reuse if self.dirty else None,
                                    preview=self.serving)
        if plan is not None and plan.problems:
            # A preview never fails (MkDocs' server would hold every request until a
            # build succeeds): the problems are on their pages, and in the terminal.
            print(say("report.preview") + "\n" + report(plan.problems), file=sys.stderr)
        if plan is not None:
            try:
                words = search_words(plan.words.vocabulary)
                kept = None if self.serving else KeptIndex.for_build(
                    root, [code_version(), config_version(config), node_version()],
                    plan.search, words_json(words))
                self.search.start(Path(config.site_dir) / SEARCH_DIR, plan.search, root,
                                  serving=self.serving, words=words, kept=kept)
            except RuntimeError as e:       # Node is missing
                problems.append(Problem("(search index)", 0, "node", str(e)))
        if problems:
            self.plan, self.pages = None, {}
            raise engine.plugin_error(config)(say("report.build") + "\n" + report(problems))
        self.plan = plan
        self.pages = plan.site.by_uri() if plan else {}

    def on_files(self, files: Any, config: Any) -> Any:
        """Add the planned pages, their photos' copies, assets, feeds, robots.txt, the
        open data files and the web editor."""
        assert self.plan is not None
        root = root_of(config)
        if self.dirty:
            self.feed_texts.start()
        self.bodies = BodyCache(root, config)
        self.writer.start(every_page=not self.dirty)
        add_pages(self.plan, files, config, root, self.page_files if self.dirty else None,
                  self.bodies, self.writer)
        add_assets(files, config, root)
        add_feeds(self.plan, files, config, self.identity, self.feed_texts if self.dirty else None)
        add_data(self.plan, files, config, self.identity)
        add_editor(self.plan, files, config, root, self.identity)
        if self.serving:
            add_preview_files(self.plan, files, config)
        return files

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        """Our templates' filter that breaks Thai lines between words, with this build's
        segmenter (line_breaks.py). Thousands of entry and listing pages render through
        the speed layers of jinja_helpers.py and shells.py (none with NEWSROOM_FAST=0)."""
        assert self.plan is not None
        root = root_of(config)
        if self.marked is None or self.marked.key != line_break_cache.key(self.plan.words) \
                or self.marked.folder != root / line_break_cache.FOLDER:
            self.marked = line_break_cache.KeptPieces(root, self.plan.words)
        else:
            self.marked.start_build()           # serve: the next build, the same words
        if self.blocks is None or self.blocks.key != self.marked.key \
                or self.blocks.path.parent != root / marked_blocks.FOLDER or not self.serving:
            self.blocks = marked_blocks.KeptBlocks(root / marked_blocks.FOLDER, self.marked.key,
                                                   write=not self.serving)
        env.filters["word_breaks"] = line_breaks.word_breaks(self.plan.words, self.marked,
                                                             self.blocks)
        if speed.fast():
            jinja_helpers.install(env, self.compiled)
            self.shells = shells.install(env, (ENTRY_TEMPLATE, LISTING_TEMPLATE))
        return env

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        """Right before a page's Markdown renders: its template, title and sitemap date.
        Material prints page.meta.title and description as HTML (in <title>, the header
        and <meta name="description">): escaped here."""
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            # the writers' guide: its table of messages from the one catalogue
            return markdown.replace(GUIDE_MESSAGES, guide_table())
        page.meta["title"] = html.escape(spec.title, quote=True)
        page.meta["template"] = spec.template
        if spec.description:
            page.meta["description"] = html.escape(spec.description, quote=True)
        if spec.hide:
            page.meta["hide"] = list(spec.hide)
        if spec.updated:
            page.update_date = spec.updated          # the sitemap's <lastmod>
        return markdown

    def on_page_content(self, html_body: str, page: Any, config: Any, files: Any) -> str:
        """An entry's body, rendered: cleaned on the HTML the browser will parse
        (sanitize.py), then sent to the search indexer, which indexes it in a Node
        process while MkDocs renders the next pages."""
        spec = self.pages.get(page.file.src_uri)
        if spec is None or spec.template != ENTRY_TEMPLATE:
            return html_body
        src_uri = page.file.src_uri
        cleaned = self.bodies.cleaned(src_uri, html_body) if self.bodies else None
        if cleaned is None:             # (not kept with its conversion: body_cache.py)
            cleaned = clean(html_body, spec.body.photos if spec.body else None)
            if self.bodies is not None:
                self.bodies.keep_clean(src_uri, html_body, cleaned)
        # Previews keep each entry's text, for rebuilds that do not render it again.
        self.search.add(src_uri, cleaned, keep=self.serving and speed.fast())
        return cleaned

    def on_page_context(self, context: dict[str, Any], page: Any, config: Any,
                        nav: Any) -> dict[str, Any]:
        """The page's display values, for its template (plan/pages.py)."""
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            context["newsroom"] = spec.view
        return context

    def on_template_context(self, context: dict[str, Any], template_name: str,
                            config: Any) -> dict[str, Any]:
        """A template rendered apart from the pages: 404.html, which MkDocs writes once
        for every missing address, gets its values (plan/indexes.py not_found)."""
        if template_name == "404.html" and self.plan is not None:
            context["newsroom"] = self.plan.site.not_found
        return context

    @event_priority(-100)       # after any plugin's: the page as every plugin left it
    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """The finished page, written by another process while the next one renders
        (page_writer.py; MkDocs gets an empty page, which it does not write)."""
        return self.writer.hand_over(output, page.file.src_uri, page.file.abs_dest_path)

    @event_priority(100)        # before any plugin's: they may read the pages written
    def _pages_on_disk(self, config: Any) -> None:
        try:
            self.writer.finish()
        except OSError as e:
            raise engine.plugin_error(config)(str(e)) from None

    @event_priority(-100)       # after any plugin's: the site folder is swapped in last
    def _site_done(self, config: Any) -> None:
        """Every page is written: wait for the search index (a preview finishes it in
        the background, so an edit shows at once), then put the new site in place."""
        try:
            self.search.finish(Path(config.site_dir), background=self.serving)
        except RuntimeError as e:   # the index builder's own failure
            raise engine.plugin_error(config)(str(e)) from None
        self.swap.commit()
        if self.bodies is not None:
            self.bodies.commit(full=not self.dirty)
        if self.blocks is not None and not self.serving:
            self.blocks.commit(full=not self.dirty)
        if self.marked is not None and not self.serving:
            # pieces of the texts in blocks read back whole were not looked up: kept
            self.marked.commit(full=not self.dirty and not (self.blocks and self.blocks.served))
        if self.serving:
            self.collector.build_done()
        self.quick_exit.built()

    on_post_build = CombinedEvent(_pages_on_disk, _site_done)

    def on_build_error(self, error: Exception) -> None:
        """A build stopped with an error: the site folder stays as it was."""
        self.quick_exit.failed()
        if self.blocks is not None:
            self.blocks.abort()
        self.writer.stop()
        self.search.stop()
        self.swap.abort()
        if self.serving:
            self.collector.build_done()

    @event_priority(-1000)      # after every plugin's: none can fail after it
    def on_shutdown(self) -> None:
        """The end of `mkdocs build`: the process ends without freeing its objects
        (quick_exit.py)."""
        self.quick_exit.at_shutdown(self.command)


def _git_commit_time(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root,
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    value = out.stdout.strip()
    return value if out.returncode == 0 and value.isdigit() else None
