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
and MkDocs calls its ``render`` as it would the template's. It also gives the
environment a ``url`` filter that computes what MkDocs' does (a link relative to
the page) from cached parts: our templates call it 450,000 times at 10,000
entries, and MkDocs' normalises both paths on every call.
"""

from __future__ import annotations

import functools
import importlib
import logging
import posixpath
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


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process, not once per build: MkDocs makes a new
    environment for every build, and under ``serve`` compiling Material's templates
    and the shells again took 0.25 s of each preview. Keyed by Jinja's own key and
    the source's checksum, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.codes: dict[tuple[str, str, tuple[str, ...]], Any] = {}

    def _key(self, bucket: jinja2.bccache.Bucket) -> tuple[str, str, tuple[str, ...]]:
        # Jinja's extensions shape the compiled code too (a plugin added in mkdocs.yml)
        return bucket.key, bucket.checksum, tuple(sorted(bucket.environment.extensions))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        bucket.code = self.codes.get(self._key(bucket))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[self._key(bucket)] = bucket.code


def install(env: jinja2.Environment, names: Iterable[str],
            compiled: CompiledTemplates | None = None) -> ShellLoader:
    """Render the templates ``names`` through shells from now on, and compute links
    with the cached ``url`` filter (call in on_env). With ``compiled``, templates
    compiled by an earlier build of this process are reused."""
    env.globals["nr_card"] = card_cache()
    if compiled is not None and env.bytecode_cache is None:
        env.bytecode_cache = compiled
    utils = _engine_utils(env)
    if hasattr(utils, "_get_norm_url") and hasattr(utils, "_norm_parts"):
        env.filters["url"] = url_filter(utils)
    loader = ShellLoader(env.loader, names)
    env.loader = loader
    return loader


def url_filter(engine_utils: Any) -> Callable[..., str]:
    """MkDocs' ``url`` filter (``normalize_url(value, page, base_url)``), with the
    normalised parts of each link target and each page URL computed once."""
    norm_url = engine_utils._get_norm_url
    norm_parts = engine_utils._norm_parts

    @functools.lru_cache(maxsize=65536)
    def target(value: str) -> tuple[str, int, tuple[str, ...]]:
        path, level = norm_url(value)
        return path, level, (tuple(norm_parts(path)) if level != -1 else ())

    @functools.lru_cache(maxsize=4096)
    def here(page_url: str) -> tuple[str, ...]:
        dirname, _, basename = page_url.rpartition("/")
        return tuple(norm_parts(dirname if "." in basename else page_url))

    @jinja2.pass_context
    def url(context: Any, value: Any) -> str:
        path, level, dest = target(str(value))
        if level == -1:
            return path
        page = context["page"]
        if page is None:
            return posixpath.join(context["base_url"], path)
        other = here(page.url)
        common = 0
        for a, b in zip(other, dest):
            if a != b:
                break
            common += 1
        relative = "/".join(("..",) * (len(other) - common) + dest[common:]) or "."
        if path.endswith("/"):
            relative += "/"
        return "../" * level + relative if level > 0 else relative

    return url


def card_cache() -> Callable[..., str]:
    """``nr_card(macro, card)``: a card's HTML, rendered once per card and base_url (its
    links start from base_url, so it is the same on every page at one depth). An
    entry's card shows in its archives, its tags' pages and its neighbours' related
    lists: 100,000 cards at 10,000 entries, 20,000 different ones."""
    cache: dict[tuple[int, str], str] = {}
    keep: list[Any] = []          # the cards whose id() keys the cache stay alive

    @jinja2.pass_context
    def nr_card(context: Any, macro: Callable[[Any], str], card: Any) -> str:
        key = (id(card), context["base_url"])
        html = cache.get(key)
        if html is None:
            html = cache[key] = macro(card)
            keep.append(card)
        return html

    return nr_card


def _engine_utils(env: jinja2.Environment) -> Any:
    """The utils module of the engine whose ``url`` filter the environment has."""
    current = env.filters.get("url")
    engine = getattr(current, "__module__", "mkdocs").split(".", 1)[0]
    return importlib.import_module(f"{engine}.utils")
