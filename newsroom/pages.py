"""Generated pages render their Markdown with one converter per build, not one per page.

MkDocs' ``Page.render`` builds a new Python-Markdown converter for every page:
its parser, the configured extensions, MkDocs' own link and anchor processors.
That costs about 0.3 ms a page, 4 s for 12,000 archive pages, most of them
listings with no Markdown at all. ``ArchivePage`` renders exactly as MkDocs
does (the same extensions, the same MkDocs processors registered for each page,
so links are checked and rewritten the same way) but resets and reuses one
converter. hooks create these pages in on_files, as Material's blog plugin does
for its posts; tests/test_shell.py checks that every page comes out byte for byte
as MkDocs' own rendering gives it.

The engine (MkDocs or ProperDocs) is found from the File class it hands us: the
page class extends that engine's Page and uses its processors.
"""

from __future__ import annotations

import functools
import importlib
import logging
from typing import Any, Callable
from urllib.parse import urlsplit

import markdown

from .render_budget import WATCHDOG, RenderTimeout, budget_seconds

_page_classes: dict[str, type] = {}


@functools.lru_cache(maxsize=8)
def _path_of(base: str) -> str:
    """'https://example.org/archive/' -> '/archive/'."""
    return urlsplit(base).path


class Converter:
    """One build's Markdown converter, as the engine's Page.render would configure it."""

    def __init__(self, config: Any, engine: str,
                 source_of: Callable[[str], str | None] = lambda src_uri: None) -> None:
        self.config = config
        self.engine = engine
        self.source_of = source_of          # page -> the writer's file it comes from
        self.pages = importlib.import_module(f"{engine}.structure.pages")
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})

    def render(self, page: Any, files: Any) -> None:
        """What ``Page.render`` does, with ``self.md`` reset instead of a new converter."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md, pages = self.md, self.pages
        md.reset()
        raw_html = pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = pages._ExtractAnchorsTreeprocessor(page.file, files, self.config)
        anchors._register(md)
        relative = pages._RelativePathTreeprocessor(page.file, files, self.config)
        relative._register(md)
        title = pages._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = self._convert(page)
        page.toc = pages.get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors


    def _convert(self, page: Any) -> str:
        """The page's HTML, within the render budget; a failure names the writer's file
        (MkDocs would name the generated page, and print Python-Markdown's traceback)."""
        try:
            with WATCHDOG.guard():
                return self.md.convert(page.markdown)
        except (RenderTimeout, RecursionError, MemoryError) as e:
            why = (f"took more than {budget_seconds():g} s to render" if isinstance(e, RenderTimeout)
                   else "is nested too deeply to render" if isinstance(e, RecursionError)
                   else "is too large to render")
            source = self.source_of(page.file.src_uri) or page.file.src_uri
            error = importlib.import_module(f"{self.engine}.exceptions").PluginError
            raise error(f"{source}: body: the text {why}; simplify it (fewer nested lists,"
                        " quotes or brackets) and build again") from None


def archive_page(file: Any, config: Any, converter: Converter) -> Any:
    """A Page of the engine ``file`` comes from, rendered by ``converter``; sets file.page."""
    engine = type(file).__module__.split(".", 1)[0]
    cls = _page_classes.get(engine)
    if cls is None:
        base = importlib.import_module(f"{engine}.structure.pages").Page

        def render(self: Any, config: Any, files: Any) -> None:
            self.converter.render(self, files)

        def set_canonical_url(self: Any, base: str | None) -> None:
            # Page's urljoin and urlsplit, for the plain relative URLs of our pages
            # (13,000 of them, 1 s): the same strings (tests/test_shell.py).
            if not base:
                self.canonical_url = self.abs_url = None
                return
            base = base if base.endswith("/") else base + "/"
            self.canonical_url = base + self.url
            self.abs_url = _path_of(base) + self.url

        cls = _page_classes[engine] = type("ArchivePage", (base,), {
            "__doc__": "A generated page, rendered with its build's shared converter.",
            "render": render, "_set_canonical_url": set_canonical_url})
    page = cls(None, file, config)      # None: the title comes from page.meta, as for any page
    page.converter = converter
    return page
