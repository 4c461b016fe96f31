"""Pages rendered through shells (newsroom/shell.py) and the shared Markdown converter
(newsroom/pages.py) are byte for byte what MkDocs' own rendering gives."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pytest

from newsroom.shell import CompiledTemplates, ShellTemplate, install

from conftest import ROOT, make_project

def _build(root: Path, shells: bool, monkeypatch: pytest.MonkeyPatch
           ) -> tuple[list[ShellTemplate], list[Any]]:
    """Build in this process; the templates that went through shells, the ArchivePages made."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    import newsroom.build
    pages: list[Any] = []
    made = newsroom.build.archive_page
    monkeypatch.setattr(newsroom.build, "archive_page",
                        lambda *args: pages.append(made(*args)))
    if not shells:      # MkDocs' own way: every page through its template, a converter each
        monkeypatch.setattr(newsroom.build, "install_shells", lambda env, names, compiled=None: None)
        monkeypatch.setattr(newsroom.build, "archive_page", lambda file, config, converter: None)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    monkeypatch.undo()
    hook = next(p for name, p in config.plugins.items() if name.endswith("archive.py"))
    return (hook._build.shells.loaded if shells else []), pages


def test_every_page_of_the_sample_site_is_what_mkdocs_own_rendering_gives(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    fast_root = make_project(tmp_path / "fast", ROOT / "news")
    full_root = make_project(tmp_path / "full", ROOT / "news")
    shells, pages = _build(fast_root, True, monkeypatch)
    _build(full_root, False, monkeypatch)
    fast = {p.relative_to(fast_root / "site"): p for p in (fast_root / "site").rglob("*.html")}
    full = {p.relative_to(full_root / "site"): p for p in (full_root / "site").rglob("*.html")}
    assert fast.keys() == full.keys()
    differ = [str(p) for p in sorted(fast) if fast[p].read_bytes() != full[p].read_bytes()]
    assert differ == []
    # and the shells did the work: entry and listing pages, none of them found wrong
    reused = {s.template.name: s.reused for s in shells}
    entries = sum(1 for p in fast if p.parts[0] == "news")
    assert reused["newsroom/entry.html"] == entries >= 20         # no sample entry has a TOC
    assert reused["newsroom/listing.html"] >= 20
    assert not any(sh is None or sh.broken for s in shells for sh in s.shells.values())
    rendered = [p for p in pages if p.file.src_uri.startswith("news/")]
    assert len(rendered) == entries and {type(p).__name__ for p in pages} == {"ArchivePage"}


def test_a_template_is_compiled_once_per_process_until_it_is_edited():
    """MkDocs makes a new environment each build; under serve the next one reuses
    the compiled templates, unless the template's source changed."""
    compiled = CompiledTemplates()
    sources = {"page.html": "<p>{{ x }}</p>"}

    def render(x: int) -> tuple[str, int]:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources))
        install(env, (), compiled)
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


def test_a_page_with_a_table_of_contents_is_rendered_in_full():
    env = jinja2.Environment(loader=jinja2.DictLoader(THEME))
    install(env, ["page.html"])
    template = env.get_template("page.html")
    page = _page(1, toc=("heading",))
    assert template.render({"page": page, "chrome": ""}) == \
        template.template.render({"page": page, "chrome": ""})
    assert template.shells == {} and template.reused == 0


def test_the_url_filter_gives_what_mkdocs_gives():
    import mkdocs.utils
    from newsroom.shell import url_filter
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
