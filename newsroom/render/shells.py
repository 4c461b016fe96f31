"""Material's page chrome, rendered once per page shape and reused for every page of that shape.

Material's base.html (head, header, tabs, navigation, footer, its config
block) costs about 2 ms a page to render, and for our generated pages (entries
and archive listings, none of them in the nav) it comes out the same for every
page of one *shape*: the same template, the same hidden sidebars, the same
place in the site's tree (links in the chrome are relative to the page). Only a
few parts are the page's own: the blocks our templates fill (``content``,
``extrahead``), its title, description and canonical address.

So the first page of each shape is rendered in full with markers in place of
its own parts: that is the shell. Every later page of the shape renders only
its own blocks and pours them, with its values, into the shell. The output is
byte for byte what the full template gives: the first pages of each shape are
rendered both ways and compared, and a shape whose outputs differ (a theme
change that puts something page-specific into the chrome) is rendered in full
from then on. A page with a table of contents has two more slots: the skip link's
target and the TOC's items (each rendered with Material's toc-item partial); a TOC
whose first heading is an h1 (Material lists that heading's children instead) is
rendered in full, and counted (``unshelled``). tests/builds/test_fast_paths.py compares every page of
the sample site both ways.

``install`` hooks this into the Jinja environment MkDocs renders with
(on_env): the environment's loader hands out a ShellTemplate for our templates,
and MkDocs calls its ``render`` as it would the template's. A speed layer: with
NEWSROOM_FAST=0 it is not installed and every page renders in full.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

import jinja2

log = logging.getLogger("mkdocs.newsroom.shell")

SLOT_BLOCKS = ("extrahead", "content")        # blocks our templates fill per page
PAGE_VALUES = ("title", "description")       # page.meta values Material prints as they are
VERIFY = 2                                    # pages of each shape rendered both ways
_MARK = "\x00nr:{}\x00"                       # front matter cannot hold NUL (entry.py rejects it)
_SPLIT = re.compile("\x00nr:([a-z_]+)\x00")

Block = Callable[..., Iterator[str]]


@dataclass
class Shell:
    """One shape's chrome: literal text at even indices of ``pieces``, slot names at odd ones."""
    pieces: list[str]
    blocks: dict[str, list[Block]]       # the template chain's blocks, as a full render sees them
    toc_separator: str | None = None     # between two TOC items, for a shape with a TOC
    checked: int = 0
    broken: bool = False


@dataclass(frozen=True)
class _MarkerTocItem:
    """Stands for a page's TOC while its shape's shell is made: the skip link's target
    and the TOC's items become slots, filled for each page from its own TOC."""
    url: str
    title: str
    level: int = 2
    children: tuple[()] = ()
    typeset: None = None


_MARKER_TOC = [_MarkerTocItem("#" + _MARK.format("skip"), "\x00nr-toc-a\x00"),
               _MarkerTocItem("#\x00nr-toc-b\x00", "\x00nr-toc-b\x00")]
TOC_ITEM = "partials/toc-item.html"      # Material's: one TOC entry and its children
TOC_NONE, TOC_SHELLED, TOC_UNSHELLED = 0, 1, 2


def _toc_kind(page: Any) -> int:
    """No TOC; a TOC of headings below the page's h1 (what entry bodies have); a TOC
    whose first heading is an h1 (Material then lists that heading's children: left
    to full rendering)."""
    first = next(iter(page.toc), None)          # MkDocs' TableOfContents: iterable, sized
    if first is None:
        return TOC_NONE
    return TOC_UNSHELLED if getattr(first, "level", 2) == 1 else TOC_SHELLED


@dataclass
class ShellTemplate:
    """Stands in for one Jinja template: ``render`` gives what the template would."""
    template: jinja2.Template
    shells: dict[tuple[Any, ...], Shell | None] = field(default_factory=dict)
    reused: int = 0
    unshelled: int = 0            # pages of a shape no shell can take (the benchmark says so)

    def __getattr__(self, name: str) -> Any:      # blocks, is_up_to_date, … as the template's
        return getattr(self.template, name)

    def render(self, context: dict[str, Any]) -> str:
        page = context.get("page")
        if page is None or _toc_kind(page) == TOC_UNSHELLED:
            self.unshelled += page is not None
            return self.template.render(context)
        key = shape(page)
        if key not in self.shells:
            self.shells[key] = self._shell(context)
        shell = self.shells[key]
        if shell is None or shell.broken:
            return self.template.render(context)
        output = self._fill(shell, context)
        if shell.checked < VERIFY:
            shell.checked += 1
            full = self.template.render(context)
            if full != output:
                shell.broken = True
                log.debug("%s: the chrome of %s differs between pages; rendering it in full",
                          self.template.name, page.url)
                return full
        self.reused += 1
        return output

    def _shell(self, context: dict[str, Any]) -> Shell | None:
        page = context["page"]
        meta, canonical, toc = page.meta, page.canonical_url, page.toc
        page.meta = {**meta, **{k: _MARK.format(k) for k in PAGE_VALUES if meta.get(k)}}
        if canonical:
            page.canonical_url = _MARK.format("canonical")
        if len(toc):
            page.toc = _MARKER_TOC
        try:
            ctx = self.template.new_context(dict(context))
            for name in SLOT_BLOCKS:
                ctx.blocks[name] = [_marker(name), *ctx.blocks.get(name, [])]
            text = self.template.environment.concat(self.template.root_render_func(ctx))
        finally:
            page.meta, page.canonical_url, page.toc = meta, canonical, toc
        item_sep = None
        if len(toc):
            text, item_sep = self._toc_slot(text)
            if item_sep is None:
                return None
        pieces = _SPLIT.split(text)
        slots = pieces[1::2]
        if any(slots.count(name) != 1 for name in SLOT_BLOCKS):
            return None           # a slot printed twice or not at all: no shell for this shape
        blocks = {name: (fns[1:] if name in SLOT_BLOCKS else list(fns))
                  for name, fns in ctx.blocks.items()}
        if any(not blocks.get(name) for name in SLOT_BLOCKS):
            return None
        return Shell(pieces, blocks, item_sep)

    def _toc_slot(self, text: str) -> tuple[str, str | None]:
        """The shell's text with the marker TOC's items as one slot, and what stands
        between two items; (text, None) if the items are not where they should be."""
        items = [self._toc_item(item) for item in _MARKER_TOC]
        first = text.find(items[0])
        second = text.find(items[1], first + len(items[0])) if first >= 0 else -1
        if first < 0 or second < 0 or text.count(items[0]) != 1:
            return text, None
        separator = text[first + len(items[0]):second]
        return (text[:first] + _MARK.format("toc_items") + text[second + len(items[1]):],
                separator)

    def _toc_item(self, item: Any) -> str:
        return self.template.environment.get_template(TOC_ITEM).render(toc_item=item)

    def _fill(self, shell: Shell, context: dict[str, Any]) -> str:
        page = context["page"]
        ctx = self.template.new_context(dict(context))
        ctx.blocks = {name: list(fns) for name, fns in shell.blocks.items()}
        concat = self.template.environment.concat
        values = {name: concat(shell.blocks[name][0](ctx)) for name in SLOT_BLOCKS}
        for k in PAGE_VALUES:
            values[k] = str(page.meta.get(k, ""))
        values["canonical"] = page.canonical_url or ""
        if shell.toc_separator is not None:
            values["skip"] = next(iter(page.toc)).url[1:]      # after the '#' the shell keeps
            values["toc_items"] = shell.toc_separator.join(self._toc_item(i) for i in page.toc)
        pieces = shell.pieces
        return concat([piece if i % 2 == 0 else values[piece] for i, piece in enumerate(pieces)])


def shape(page: Any) -> tuple[Any, ...]:
    """What the chrome of a page depends on besides its own values: where the page sits
    (its first folder and depth: the chrome's links are relative), what it hides,
    and which of its values it has (Material prints defaults for missing ones)."""
    parts = page.url.strip("/").split("/") if page.url.strip("/") else []
    return (parts[0] if parts else "", len(parts), _toc_kind(page), tuple(page.meta.get("hide") or ()),
            tuple(k for k in PAGE_VALUES if page.meta.get(k)), bool(page.canonical_url),
            page.is_homepage, page.previous_page is None and page.next_page is None)


def _marker(name: str) -> Block:
    def block(context: Any, *args: Any, **kwargs: Any) -> Iterator[str]:
        yield _MARK.format(name)
    return block


class ShellLoader(jinja2.BaseLoader):
    """The environment's own loader, except that ``names`` load as ShellTemplates."""

    def __init__(self, inner: jinja2.BaseLoader, names: Iterable[str]) -> None:
        self.inner = inner
        self.names = frozenset(names)
        self.loaded: list[ShellTemplate] = []

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        return self.inner.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()

    def load(self, environment: jinja2.Environment, name: str,
             globals: Any = None) -> Any:
        template = self.inner.load(environment, name, globals)
        if name not in self.names:
            return template
        shell = ShellTemplate(template)
        self.loaded.append(shell)
        return shell


def install(env: jinja2.Environment, names: Iterable[str]) -> ShellLoader:
    """Render the templates ``names`` through shells from now on (call in on_env)."""
    loader = ShellLoader(env.loader, names)
    env.loader = loader
    return loader
