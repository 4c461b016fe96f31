"""Jinja helpers for our templates, each a speed layer (off with NEWSROOM_FAST=0):

- ``url_filter``: what MkDocs' ``url`` filter gives (a link relative to the page),
  computed from cached parts: our templates call it 450,000 times at 10,000
  entries, and MkDocs' normalises both paths on every call;
- ``card_cache``: each entry's card rendered once per page depth;
- ``CompiledTemplates``: templates compiled once per process, not once per build.
"""

from __future__ import annotations

import functools
import posixpath
from typing import Any, Callable

import jinja2

from ..plan.pages import Card
from . import engine


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


def install(env: jinja2.Environment, compiled: "CompiledTemplates | None" = None) -> None:
    """Give the environment the cached url filter and the card cache (call in on_env);
    with ``compiled``, templates compiled by an earlier build of this process are reused."""
    env.globals["nr_card"] = card_cache()
    if compiled is not None and env.bytecode_cache is None:
        env.bytecode_cache = compiled
    utils = _engine_utils(env)
    if hasattr(utils, "_get_norm_url") and hasattr(utils, "_norm_parts"):
        env.filters["url"] = url_filter(utils)


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
    lists: 100,000 cards at 10,000 entries, 20,000 different ones. Keyed by the card's
    value (plan/pages.py Card is frozen): equal cards render alike."""
    cache: dict[tuple[Card, str], str] = {}

    @jinja2.pass_context
    def nr_card(context: Any, macro: Callable[[Any], str], card: Card) -> str:
        key = (card, context["base_url"])
        html = cache.get(key)
        if html is None:
            html = cache[key] = macro(card)
        return html

    return nr_card


def _engine_utils(env: jinja2.Environment) -> Any:
    """The utils module of the engine whose ``url`` filter the environment has."""
    return engine.module_near(env.filters.get("url"), "utils")
