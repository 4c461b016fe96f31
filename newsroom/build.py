"""The MkDocs side of the pipeline: state for one build and what each event does.

hooks/archive.py forwards MkDocs events here. The order matters:

- ``configure`` (on_config): pin the build's clock (SOURCE_DATE_EPOCH) so two
  builds of the same news give the same bytes.
- ``load`` (on_pre_build): read and check every entry, group, plan pages and
  feeds. Any problem raises PluginError *before* MkDocs cleans site/, so a
  failed build leaves the last good site in place (and ``serve`` keeps serving it).
- ``add_files`` (on_files): add the planned pages, the entries' photos, the
  feeds and robots.txt. For ``serve --dirty`` (``make serve``) each page is a
  file in .cache/pages/ that is rewritten only when the page's content or
  display values change, so MkDocs re-renders just the pages an edit touches
  (the entry, its archives, its neighbours); in-memory pages would always
  count as modified.
  Each page is an ArchivePage (pages.py): its Markdown is rendered with one
  converter per build instead of one per page.
- ``environment`` (on_env): entry and listing pages, thousands of them, are
  rendered through shells (shell.py): Material's chrome once per page shape,
  each page's own parts poured in.
- ``page_markdown`` / ``page_context``: give each planned page its template,
  escaped title, sitemap date and display values.
- ``page_content``: clean an entry body that has raw HTML (sanitize.py), then
  hand each rendered entry body to the search indexer, which
  indexes it in a Node process while MkDocs renders the next pages.
- ``index`` (on_post_build): wait for the search index (under ``serve`` it is
  finished in the background, so a preview does not wait for it). Under
  ``serve`` the heap is then frozen until the writer is idle (idle_gc.py).
- ``failed`` (on_build_error): under ``serve``, as ``index`` for the collector.

Hook modules are loaded once per process, so all state lives on this object
and is rebuilt by ``load`` on every build.

The same code runs under MkDocs and under ProperDocs (its maintained fork):
the engine's own File and PluginError classes are looked up from the objects
MkDocs hands us, never imported by name.
"""

from __future__ import annotations

import functools
import hashlib
import html
import importlib
import marshal
import os
from pathlib import Path
from typing import Any

from . import paths
from .archive import build_archive
from .corpus import EntryCache, docs_collisions, load as load_corpus
from .feed import FeedSpec, atom, json_feed, plan_feeds
from .frontend import font_files
from .idle_gc import IdleCollector
from .pages import Converter, archive_page
from .photo_markdown import PagePhotos, PhotoExtension
from .photos import PhotoVerdicts, prepare, verdicts_file
from .problems import Problem, report
from .markdown_ids import SafeIdsExtension
from .sanitize import clean
from .search import (CORE_ASSET, CORE_SCRIPT, MANIFEST, SEARCH_DIR, SearchIndexer, documents)
from .shell import CompiledTemplates, ShellLoader, install as install_shells
from .site_folder import SiteSwap
from .site import (ENTRY_TEMPLATE, LISTING_TEMPLATE, EntryPageMemo, GeneratedPage, SitePlan,
                   plan_site)


def _engine(obj: Any) -> str:
    """'mkdocs' or 'properdocs': the package an object handed to a hook comes from."""
    return type(obj).__module__.split(".", 1)[0]


def _engine_module(obj: Any, name: str) -> Any:
    return importlib.import_module(f"{_engine(obj)}.{name}")


class ArchiveBuild:
    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.plan = SitePlan()
        self.pages: dict[str, GeneratedPage] = {}
        self.feeds: list[FeedSpec] = []
        self.site_url = ""
        self.rendering: PagePhotos | None = None    # the entry page Markdown is rendering
        self.photo_credits: dict[str, PagePhotos] = {}
        self.search = SearchIndexer()
        self.entry_cache = EntryCache()        # lives as long as `mkdocs serve` does
        self.written_pages: dict[str, Any] = {}  # .cache/pages file -> what this process wrote
        self.entry_pages = EntryPageMemo()       # previews plan only the entry pages that changed
        self.feed_texts: dict[Any, tuple[str, str]] = {}       # the last preview's feeds
        self.next_feed_texts: dict[Any, tuple[str, str]] = {}
        self.shells: ShellLoader | None = None
        self.compiled = CompiledTemplates()      # kept between the builds of one serve
        self.collector = IdleCollector()         # previews: no full collection mid-build
        self.swap = SiteSwap()                   # full builds replace site/ only on success

    @property
    def include_drafts(self) -> bool:
        return self.command == "serve"

    def start(self, command: str, dirty: bool = False) -> None:
        self.command = command
        self.dirty = dirty

    def configure(self, config: Any) -> None:
        """Builds take their date from SOURCE_DATE_EPOCH (sitemap, .gz headers).
        When it is not given, use the last commit's time if known, else leave
        MkDocs' clock alone; `make build` and CI always set it."""
        config.markdown_extensions.append(PhotoExtension(lambda: self.rendering))
        config.markdown_extensions.append(SafeIdsExtension())
        if not self.dirty:
            self.swap.begin(config)     # write a fresh folder; site/ is replaced at the end
        if "SOURCE_DATE_EPOCH" not in os.environ:
            root = root_of(config)
            epoch = _git_commit_time(root)
            if epoch:
                os.environ["SOURCE_DATE_EPOCH"] = epoch

    def load(self, config: Any) -> None:
        self.search.stop()      # a preview's index still being built: this build makes a new one
        self.collector.build_starting()
        root = root_of(config)
        self.site_url = config.site_url or ""
        verdicts = PhotoVerdicts(verdicts_file(root))
        corpus = load_corpus(root, include_drafts=self.include_drafts,
                             cache=self.entry_cache if self.dirty else None, verdicts=verdicts)
        problems = list(corpus.problems)
        if not problems:
            photo_sets, problems = prepare(corpus.entries, root / ".cache" / "photos", verdicts)
        verdicts.save()
        if not problems:
            archive = build_archive(corpus.entries)
            self.plan = plan_site(archive, self.site_url, photo_sets,
                                  memo=self.entry_pages if self.dirty else None)
            slugs = {e.path: e.slug for e in archive.entries}
            self.photo_credits = {
                paths.entry(e.slug): PagePhotos(
                    photos={ph.target: photo_sets[(e.slug, ph.target)] for ph in e.photos},
                    credit=f"ภาพ: {', '.join(e.photographers)}" if e.photographers else "",
                    fallback_alt=f"ภาพประกอบข่าว {e.title}",
                    links={link.href: _page_link(slugs[link.target], link.href)
                           for link in e.links})
                for e in archive.entries if e.photos or e.links}
            self.feeds = plan_feeds(archive, photo_sets)
            problems += self._docs_collisions(Path(config.docs_dir), root)
        if not problems:
            try:
                self.search.start(Path(config.site_dir) / SEARCH_DIR, documents(archive), root,
                                  serving=self.command == "serve")
            except RuntimeError as e:       # Node is missing
                problems.append(Problem("(search index)", 0, "node", str(e)))
        if problems:
            self.plan, self.pages, self.feeds = SitePlan(), {}, []
            error = _engine_module(config, "exceptions").PluginError
            raise error("the news archive has problems; nothing was written:\n"
                        + report(problems))
        self.pages = self.plan.by_uri()

    def _docs_collisions(self, docs_dir: Path, root: Path) -> list[Problem]:
        """Files in docs/ where a generated page, photo or feed would go."""
        uris = [MANIFEST, CORE_ASSET, "robots.txt"]
        for page in self.plan.pages:
            uris.append(page.src_uri)
            uris += [f"{page.src_uri.rsplit('/', 1)[0]}/{name}" for name, _ in page.files]
        for feed in self.feeds:
            uris += [feed.atom_path, feed.json_path]
        return docs_collisions(docs_dir, root, uris)

    def add_files(self, files: Any, config: Any) -> Any:
        file_class = _engine_module(files, "structure.files").File

        def add(src_uri: str, **source: Any) -> Any:
            file = file_class.generated(config, src_uri, **source)
            files.append(file)
            return file

        if self.dirty:      # the last preview's feeds, for this one to reuse
            self.feed_texts, self.next_feed_texts = self.next_feed_texts, {}
        converter = Converter(config, _engine(files), self._source_of)
        pages_cache = root_of(config) / ".cache" / "pages"
        for page in self.plan.pages:
            if self.dirty:
                file = add(page.src_uri, abs_src_path=str(_materialise(page, pages_cache,
                                                                       self.written_pages)))
                _answer_once(file)
            else:
                file = add(page.src_uri, content=page.markdown)
            archive_page(file, config, converter)
            folder = page.src_uri.rsplit("/", 1)[0]
            for name, source in page.files:
                add(f"{folder}/{name}", abs_src_path=str(source))
        add(CORE_ASSET, abs_src_path=str(CORE_SCRIPT))
        for site_path, source in font_files(root_of(config)):
            add(site_path, abs_src_path=str(source))
        if self.site_url:
            for feed in self.feeds:
                atom_text, json_text = self._feed(feed)
                add(feed.atom_path, content=atom_text)
                add(feed.json_path, content=json_text)
            add("robots.txt", content=f"User-agent: *\nAllow: /\n\n"
                                      f"Sitemap: {self.site_url.rstrip('/')}/sitemap.xml\n")
        return files

    def _source_of(self, src_uri: str) -> str | None:
        page = self.pages.get(src_uri)
        return page.source if page is not None else None

    def _feed(self, feed: FeedSpec) -> tuple[str, str]:
        """A feed's Atom and JSON text; previews reuse the last build's for a feed of
        equal entries (an entry's photo replaced by a file of another size shows its
        new length in the feeds at the next full build)."""
        if not self.dirty:
            return atom(feed, self.site_url), json_feed(feed, self.site_url)
        key = (feed, self.site_url)
        texts = self.feed_texts.get(key)
        if texts is None:
            texts = (atom(feed, self.site_url), json_feed(feed, self.site_url))
        self.next_feed_texts[key] = texts
        return texts

    def environment(self, env: Any) -> None:
        self.shells = install_shells(env, (ENTRY_TEMPLATE, LISTING_TEMPLATE), self.compiled)

    def page_markdown(self, markdown: str, page: Any) -> str:
        # MkDocs renders each page right after this event: tell the photo
        # extension whose photos it is about to see.
        self.rendering = self.photo_credits.get(page.file.src_uri)
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return markdown
        # Material prints page.meta.title and description as HTML (in <title>,
        # the header and <meta name="description">): escape them.
        page.meta["title"] = html.escape(spec.title, quote=True)
        page.meta["template"] = spec.template
        if spec.description:
            page.meta["description"] = html.escape(spec.description, quote=True)
        if spec.hide:
            page.meta["hide"] = list(spec.hide)
        if spec.updated:
            page.update_date = spec.updated          # the sitemap's <lastmod>
        return markdown

    def page_context(self, context: dict[str, Any], page: Any) -> dict[str, Any]:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            context["newsroom"] = spec.context
        return context

    def page_content(self, html_body: str, page: Any) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is None or spec.template != ENTRY_TEMPLATE:
            return html_body
        # Every body, whatever its Markdown looks like: what is safe is decided on the
        # HTML the browser will parse (sanitize.py), not guessed from the Markdown.
        html_body = clean(html_body)
        # Previews keep each entry's text, for rebuilds that do not render it again.
        self.search.add(page.file.src_uri, html_body, keep=self.command == "serve")
        return html_body

    def index(self, config: Any) -> None:
        """The search index: every full build waits for it; under ``serve`` it is
        finished in the background, so an edit shows without waiting for it."""
        serving = self.command == "serve"
        try:
            self.search.finish(Path(config.site_dir), background=serving)
        except RuntimeError as e:   # the index builder's own failure
            raise _engine_module(config, "exceptions").PluginError(str(e)) from None
        self.swap.commit()
        if serving:
            self.collector.build_done()

    def failed(self) -> None:
        """A build stopped with an error: the site folder stays as it was."""
        self.search.stop()
        self.swap.abort()
        if self.command == "serve":
            self.collector.build_done()


def _page_link(slug: str, href: str) -> str:
    """What a link to an entry's file becomes in another entry's page: the path of its
    page relative to the linking page (both are news/<slug>/index.md), with its #part."""
    _, hash_, fragment = href.partition("#")
    return f"../{slug}/index.md{hash_}{fragment}"


def root_of(config: Any) -> Path:
    """The project folder: where mkdocs.yml is."""
    return Path(config.config_file_path).resolve().parent


def _materialise(page: GeneratedPage, cache: Path, written: dict[str, Any]) -> Path:
    """The page as a file whose modification time changes only with its content.
    ``written`` holds what this process last wrote for each page: an unchanged page
    costs one comparison (0.3 s for 12,000 pages), no digest and no read."""
    state = (page.markdown, page.title, page.template, page.context,
             page.description, page.hide, page.updated)
    path = cache / page.src_uri
    if written.get(page.src_uri) == state:
        return path
    text = f"---\nnewsroom: {_digest(state)}\n---\n{page.markdown}"
    try:
        if path.read_text(encoding="utf-8") == text:
            written[page.src_uri] = state
            return path
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    written[page.src_uri] = state
    return path


def _answer_once(file: Any) -> None:
    """A dirty build asks each page's file twice whether it changed (before reading
    it and before writing it), three stat calls each time, 80,000 for 13,400 pages;
    nothing writes the page in between, so the first answer stands."""
    file.is_modified = functools.cache(file.is_modified)


def _digest(state: Any) -> str:
    """The same for the same values in any process (marshal's version 2 keeps no
    references, so its bytes do not depend on how objects are shared)."""
    try:
        data = marshal.dumps(state, 2)
    except ValueError:                   # a value marshal does not know
        data = repr(state).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def _git_commit_time(root: Path) -> str | None:
    import subprocess
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root,
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    value = out.stdout.strip()
    return value if out.returncode == 0 and value.isdigit() else None
