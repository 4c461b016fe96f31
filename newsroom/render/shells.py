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
from then on. Pages with a table of contents are always rendered in full (the
sidebar and the skip link show it). tests/test_shell.py compares every page of
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
    checked: int = 0
    broken: bool = False


@dataclass
class ShellTemplate:
    """Stands in for one Jinja template: ``render`` gives what the template would."""
    template: jinja2.Template
    shells: dict[tuple[Any, ...], Shell | None] = field(default_factory=dict)
    reused: int = 0

    def __getattr__(self, name: str) -> Any:      # blocks, is_up_to_date, … as the template's
        return getattr(self.template, name)

    def render(self, context: dict[str, Any]) -> str:
        page = context.get("page")
        if page is None or len(page.toc):
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
        meta, canonical = page.meta, page.canonical_url
        page.meta = {**meta, **{k: _MARK.format(k) for k in PAGE_VALUES if meta.get(k)}}
        if canonical:
            page.canonical_url = _MARK.format("canonical")
        try:
            ctx = self.template.new_context(dict(context))
            for name in SLOT_BLOCKS:
                ctx.blocks[name] = [_marker(name), *ctx.blocks.get(name, [])]
            text = self.template.environment.concat(self.template.root_render_func(ctx))
        finally:
            page.meta, page.canonical_url = meta, canonical
        pieces = _SPLIT.split(text)
        slots = pieces[1::2]
        if any(slots.count(name) != 1 for name in SLOT_BLOCKS):
            return None           # a slot printed twice or not at all: no shell for this shape
        blocks = {name: (fns[1:] if name in SLOT_BLOCKS else list(fns))
                  for name, fns in ctx.blocks.items()}
        if any(not blocks.get(name) for name in SLOT_BLOCKS):
            return None
        return Shell(pieces, blocks)

    def _fill(self, shell: Shell, context: dict[str, Any]) -> str:
        page = context["page"]
        ctx = self.template.new_context(dict(context))
        ctx.blocks = {name: list(fns) for name, fns in shell.blocks.items()}
        concat = self.template.environment.concat
        values = {name: concat(shell.blocks[name][0](ctx)) for name in SLOT_BLOCKS}
        for k in PAGE_VALUES:
            values[k] = str(page.meta.get(k, ""))
        values["canonical"] = page.canonical_url or ""
        pieces = shell.pieces
        return concat([piece if i % 2 == 0 else values[piece] for i, piece in enumerate(pieces)])


def shape(page: Any) -> tuple[Any, ...]:
    """What the chrome of a page depends on besides its own values: where the page sits
    (its first folder and depth: the chrome's links are relative), what it hides,
    and which of its values it has (Material prints defaults for missing ones)."""
    parts = page.url.strip("/").split("/") if page.url.strip("/") else []
    return (parts[0] if parts else "", len(parts), tuple(page.meta.get("hide") or ()),
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
