"""The speed layers (newsroom/speed.py) change nothing a reader gets: a build with them
and a build with NEWSROOM_FAST=0 (shells, the shared converter, the cached url filter
and cards, all off) give the same bytes; and the layers did the work."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pytest

from newsroom.render.jinja_helpers import CompiledTemplates, install as install_helpers
from newsroom.render.shells import ShellTemplate, install

from tests.helpers import ROOT, build_here, make_project, mkdocs, site_files, write_entry


def test_every_file_of_the_sample_site_is_the_same_with_the_speed_layers_off(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    fast_root = make_project(tmp_path / "fast", ROOT / "news")
    plain_root = make_project(tmp_path / "plain", ROOT / "news")
    assert mkdocs(fast_root, "build", "--strict").returncode == 0
    monkeypatch.setenv("NEWSROOM_FAST", "0")
    plain = mkdocs(plain_root, "build", "--strict")
    assert plain.returncode == 0, plain.stderr
    fast, full = site_files(fast_root / "site"), site_files(plain_root / "site")
    assert fast.keys() == full.keys()
    assert [name for name in fast if fast[name] != full[name]] == []
    # the photo copies: linked to .cache/photos with the layers on, copied without
    for root, linked in ((fast_root, True), (plain_root, False)):
        cached = {f.stat().st_ino for f in (root / ".cache" / "photos").iterdir()}
        published = [p for p in (root / "site" / "news").rglob("*") if p.suffix in (".jpg", ".webp")]
        assert len(published) >= 4
        assert {p.stat().st_ino in cached for p in published} == {linked}


def test_entries_of_every_shape_are_the_same_with_the_speed_layers_off(tmp_path, monkeypatch):
    """Generated entries shaped like real reports: headings (a TOC, shelled too), lists,
    tables, photos; and one whose body starts with an h1 (rendered in full)."""
    from bench.generate import generate
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    roots = []
    for name in ("fast", "plain"):
        root = make_project(tmp_path / name)
        generate(root, 80, seed=4)
        write_entry(root, "2564/2020-11-06-h1.md", "title: ข่าว\ndate: 2020-11-06\nauthor: ก\n"
                    "province: น่าน", body="# หัวเรื่อง\n\nข้อความ\n\n## ย่อย\n\nต่อ")
        roots.append(root)
    assert mkdocs(roots[0], "build", "--strict").returncode == 0
    monkeypatch.setenv("NEWSROOM_FAST", "0")
    assert mkdocs(roots[1], "build", "--strict").returncode == 0
    fast, full = site_files(roots[0] / "site"), site_files(roots[1] / "site")
    assert fast.keys() == full.keys()
    assert [name for name in fast if fast[name] != full[name]] == []
    with_toc = [p for p in (roots[0] / "site" / "news").glob("*/index.html")
                if 'class="md-skip"' in p.read_text(encoding="utf-8")]
    assert len(with_toc) >= 20


def test_the_shells_render_every_entry_and_listing_page(tmp_path, monkeypatch):
    """Built in this process, to look into the hooks' shells afterwards."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("NEWSROOM_FAST", raising=False)
    root = make_project(tmp_path / "fast", ROOT / "news")
    hooks = build_here(root)
    loaded = hooks.shells.loaded
    reused = {s.template.name: s.reused for s in loaded}
    entries = sum(1 for p in (root / "site" / "news").iterdir() if (p / "index.html").is_file())
    assert reused["newsroom/entry.html"] == entries >= 20
    assert reused["newsroom/listing.html"] >= 20
    assert not any(sh is None or sh.broken for s in loaded for sh in s.shells.values())
    assert sum(s.unshelled for s in loaded) == 0


def test_a_template_is_compiled_once_per_process_until_it_is_edited():
    """MkDocs makes a new environment each build; under serve the next one reuses
    the compiled templates, unless the template's source changed."""
    compiled = CompiledTemplates()
    sources = {"page.html": "<p>{{ x }}</p>"}

    def render(x: int) -> tuple[str, int]:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources))
        install_helpers(env, compiled)
        compiles: list[str] = []
        compile_ = env.compile
        env.compile = lambda *a, **k: compiles.append(a[1]) or compile_(*a, **k)  # type: ignore[method-assign]
        return env.get_template("page.html").render(x=x), len(compiles)

    assert render(1) == ("<p>1</p>", 1)
    assert render(2) == ("<p>2</p>", 0)
    sources["page.html"] = "<b>{{ x }}</b>"
    assert render(3) == ("<b>3</b>", 1)


# --------------------------------------------------------------------------
# The check that keeps a shell honest, on a small theme of our own
# --------------------------------------------------------------------------

THEME = {
    "base.html": "<title>{{ page.meta.title }}</title>{% block extrahead %}{% endblock %}"
                 "<nav>{{ chrome }}</nav><main>{% block content %}{% endblock %}</main>"
                 "<link rel=canonical href='{{ page.canonical_url }}'>",
    "page.html": "{% extends 'base.html' %}{% block content %}<h1>{{ page.meta.title }}</h1>"
                 "{{ page.content }}{% endblock %}",
}


def _page(n: int, toc: tuple = ()) -> SimpleNamespace:
    return SimpleNamespace(url=f"news/{n}/", meta={"title": f"ข่าว {n} &amp; <b>"},
                           canonical_url=f"https://example.org/news/{n}/", content=f"<p>{n}</p>",
                           toc=list(toc), is_homepage=False, previous_page=None, next_page=None)


def _render(chrome: Any) -> tuple[ShellTemplate, list[str], list[str]]:
    env = jinja2.Environment(loader=jinja2.DictLoader(THEME))
    loader = install(env, ["page.html"])
    template = env.get_template("page.html")
    assert isinstance(template, ShellTemplate) and loader.loaded == [template]
    full = jinja2.Environment(loader=jinja2.DictLoader(THEME)).get_template("page.html")
    pages = [_page(n) for n in range(6)]
    return (template, [template.render({"page": p, "chrome": chrome(p)}) for p in pages],
            [full.render({"page": p, "chrome": chrome(p)}) for p in pages])


def test_a_shell_gives_the_template_output_and_is_reused():
    template, fast, full = _render(lambda p: "same on every page")
    assert fast == full
    assert "<title>ข่าว 3 &amp; <b></title>" in fast[3] and "news/3/" in fast[3]
    assert template.reused == 6 and all(s and not s.broken for s in template.shells.values())


def test_a_chrome_that_changes_between_pages_is_rendered_in_full():
    template, fast, full = _render(lambda p: p.url)        # something page-specific in the chrome
    assert fast == full
    assert [s.broken for s in template.shells.values()] == [True]


def test_a_page_whose_toc_starts_with_an_h1_is_rendered_in_full():
    env = jinja2.Environment(loader=jinja2.DictLoader(THEME))
    install(env, ["page.html"])
    template = env.get_template("page.html")
    page = _page(1, toc=(SimpleNamespace(level=1, url="#a", title="a", children=()),))
    assert template.render({"page": page, "chrome": ""}) == \
        template.template.render({"page": page, "chrome": ""})
    assert template.shells == {} and template.reused == 0 and template.unshelled == 1


def test_the_url_filter_gives_what_mkdocs_gives():
    import mkdocs.utils
    from newsroom.render.jinja_helpers import url_filter
    url = url_filter(mkdocs.utils)
    pages = ["", "news/a/", "news/a/b/", "provinces/nan/page/2/", "about/", "x.html",
             "a/b.html", "news/", "tags/", "news/%E0%B8%99/"]
    values = ["", ".", "./", "news/a/", "news/b/", "news/a/cover.jpg", "assets/x.css",
              "https://e.org/x", "/abs", "#frag", "../up/", "../../x", "provinces/",
              "provinces/nan/", "tags/t/", "news/a/#x", "a b/", "feed.xml", "news/a",
              "a/./b/../c/", "news/%E0%B8%99/"]
    for page_url in [*pages, None]:
        page = SimpleNamespace(url=page_url) if page_url is not None else None
        for value in values:
            assert url({"page": page, "base_url": "../.."}, value) == \
                mkdocs.utils.normalize_url(value, page=page, base="../.."), (page_url, value)
