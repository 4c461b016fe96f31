"""Generated pages render their Markdown as MkDocs would, with what entries need besides.

MkDocs' ``Page.render`` builds a new Python-Markdown converter for every page:
its parser, the configured extensions, MkDocs' own link and anchor processors.
That costs about 0.3 ms a page, 4 s for 12,000 archive pages, most of them
listings with no Markdown at all. The ``Converter`` renders exactly as MkDocs
does (the same extensions, the same MkDocs processors registered for each page,
so links are checked and rewritten the same way) but resets and reuses one
converter (a speed layer: with NEWSROOM_FAST=0 it makes a new one per page).
It is handed each page's entry body (its photos and links: markdown_ext.py)
explicitly, and renders within the page's time budget (render_budget.py): a
failure names the writer's file. Not thread-safe: one converter per build.

``archive_page`` makes the engine's Page for a generated file, rendered by the
converter; hooks create these pages in on_files, as Material's blog plugin does
for its posts.
"""

from __future__ import annotations

import functools
import importlib
import json
import logging
from typing import Any, Callable
from urllib.parse import urlsplit

import markdown

from .. import speed
from ..model.messages import say
from ..plan.pages import GeneratedPage
from . import engine
from .body_cache import BodyCache
from .markdown_ext import register_entry_body
from .render_budget import WATCHDOG, RenderTimeout, budget_seconds

_page_classes: dict[tuple[str, bool], type] = {}


@functools.lru_cache(maxsize=8)
def _path_of(base: str) -> str:
    """'https://example.org/archive/' -> '/archive/'."""
    return urlsplit(base).path


class Converter:
    """One build's Markdown rendering, as the engine's Page.render would do it."""

    def __init__(self, config: Any, engine_name: str,
                 spec_of: Callable[[str], GeneratedPage | None],
                 bodies: BodyCache | None = None) -> None:
        self.config = config
        self.bodies = bodies                # entry bodies of earlier builds (body_cache.py)
        self.engine = engine_name
        self.spec_of = spec_of              # page -> what the plan says of it
        self.pages = importlib.import_module(f"{engine_name}.structure.pages")
        self.reuse = speed.fast()
        self.md = self._new_markdown() if self.reuse else None

    def _new_markdown(self) -> markdown.Markdown:
        return markdown.Markdown(extensions=self.config["markdown_extensions"],
                                 extension_configs=self.config["mdx_configs"] or {})

    def render(self, page: Any, files: Any) -> None:
        """What ``Page.render`` does, with the shared converter reset instead of a new one."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        pages = self.pages
        spec = self.spec_of(page.file.src_uri)
        cache = self.bodies if spec is not None and spec.source is not None else None  # entries
        key = cache.key(page.file.src_uri, page.markdown, spec.body) if cache else ""
        kept = cache.get(key) if cache else None
        links = _links_to_anchors(kept["links"], files) if kept is not None else None
        if kept is not None and links is not None:
            page.content = kept["content"]
            cache.converted(page.file.src_uri, key, kept["content"], kept.get("clean"))
            page.toc = pages.get_toc(kept["toc"])
            page._title_from_render = kept["title"]
            page.present_anchor_ids = set(kept["anchors"])
            if pages.log.getEffectiveLevel() > logging.DEBUG:
                page.links_to_anchors = links      # validated by MkDocs as if converted
            return
        md = self.md or self._new_markdown()
        md.reset()
        raw_html = pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = pages._ExtractAnchorsTreeprocessor(page.file, files, self.config)
        anchors._register(md)
        relative = pages._RelativePathTreeprocessor(page.file, files, self.config)
        relative._register(md)
        title = pages._ExtractTitleTreeprocessor()
        title._register(md)
        register_entry_body(md, spec.body if spec else None)
        if cache is None:
            page.content = self._convert(md, page, spec)
        else:
            with cache.watch() as watch:
                page.content = self._convert(md, page, spec)
        tokens = getattr(md, "toc_tokens", [])
        page.toc = pages.get_toc(tokens)
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors
        if cache is not None and watch.quiet:
            links = [[target.src_uri, anchor, url]
                     for target, found in relative.links_to_anchors.items()
                     for anchor, url in found.items()]
            cache.put(key, page.content, json.loads(json.dumps(tokens)), title.title,
                      page.present_anchor_ids, links)
            cache.converted(page.file.src_uri, key, page.content, None)

    def _convert(self, md: markdown.Markdown, page: Any, spec: GeneratedPage | None) -> str:
        """The page's HTML, within the render budget; a failure names the writer's file
        (MkDocs would name the generated page, and print Python-Markdown's traceback)."""
        try:
            with WATCHDOG.guard():
                return md.convert(page.markdown)
        except (RenderTimeout, RecursionError, MemoryError) as e:
            seconds = f"{budget_seconds():g}"
            why, why_en = ((f"ใช้เวลาเกิน {seconds} วินาที", f"took more than {seconds} s to render")
                           if isinstance(e, RenderTimeout) else
                           ("ซ้อนกันลึกเกินกว่าจะแสดงได้", "is nested too deeply to render")
                           if isinstance(e, RecursionError) else
                           ("ใหญ่เกินกว่าจะแสดงได้", "is too large to render"))
            source = (spec.source if spec else None) or page.file.src_uri
            error = engine.module(self.config, "exceptions").PluginError
            raise error(say("render.failed", source=source, why=why, why_en=why_en)) from None


def _links_to_anchors(kept: list[list[str]], files: Any) -> dict[Any, dict[str, str]] | None:
    """Links to anchors as MkDocs' link processor records them, by file; None when a
    file they lead to is not in this build (the body is then converted again)."""
    links: dict[Any, dict[str, str]] = {}
    for src_uri, anchor, url in kept:
        target = files.get_file_from_path(src_uri)
        if target is None:
            return None
        links.setdefault(target, {}).setdefault(anchor, url)
    return links


def _set_canonical_url(self: Any, base: str | None) -> None:
    # Page's urljoin and urlsplit, for the plain relative URLs of our pages
    # (13,000 of them, 1 s): the same strings (tests/build/test_fast_paths.py).
    if not base:
        self.canonical_url = self.abs_url = None
        return
    base = base if base.endswith("/") else base + "/"
    self.canonical_url = base + self.url
    self.abs_url = _path_of(base) + self.url


def archive_page(file: Any, config: Any, converter: Converter) -> Any:
    """A Page of the engine ``file`` comes from, rendered by ``converter``; sets file.page."""
    name = engine.name_of(file)
    cls = _page_classes.get((name, speed.fast()))
    if cls is None:
        base = engine.module(file, "structure.pages").Page

        def render(self: Any, config: Any, files: Any) -> None:
            self.converter.render(self, files)

        def read_source(self: Any, config: Any) -> None:
            """The page's Markdown as the plan made it, with no meta: the plan sets
            page.meta (on_page_markdown). MkDocs reads a page's text for meta, and first
            lines of the form "Key: value" (MultiMarkdown's meta: an entry beginning
            "Facebook: ศูนย์คุณธรรม" or "Tel: 02 …") vanished from the built page, though
            a preview (whose page files begin with a front matter) showed them. The
            plan's own string, not MkDocs' copy of it: 10,000 bodies, ~52 MB. A
            plugin's source (on_page_read_source) is read as MkDocs reads any page's;
            a page the plan does not know, by MkDocs' own reading."""
            spec = self.converter.spec_of(self.file.src_uri)
            if spec is None:
                return base.read_source(self, config)
            source = config.plugins.on_page_read_source(page=self, config=config)
            self.markdown, self.meta = ((spec.markdown, {}) if source is None else
                                        engine.module(self.file, "utils.meta").get_data(source))

        members: dict[str, Any] = {
            "__doc__": "A generated page, rendered with its build's converter.", "render": render,
            "read_source": read_source}
        if speed.fast():
            members["_set_canonical_url"] = _set_canonical_url
        cls = _page_classes[(name, speed.fast())] = type("ArchivePage", (base,), members)
    page = cls(None, file, config)      # None: the title comes from page.meta, as for any page
    page.converter = converter
    return page
