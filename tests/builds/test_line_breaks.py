"""Marking where Thai lines break changes no text: the sample built with and without
the marking (our templates' ``{% filter word_breaks %}``) has the same feeds, search
index, sitemap and open data byte for byte, and every page the same text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from tests.helpers import ROOT, build, make_project, site_files

FILTER_OPEN, FILTER_CLOSE = "{% filter word_breaks %}", "{% endfilter %}"


def _unmarked(root: Path) -> None:
    """The project's templates without the filter."""
    templates = list((root / "overrides" / "newsroom").glob("*.html"))
    marked = [t for t in templates if FILTER_OPEN in t.read_text(encoding="utf-8")]
    assert len(marked) >= 8, marked        # every page template of ours is marked
    for t in marked:
        text = t.read_text(encoding="utf-8")
        t.write_text(text.replace(FILTER_OPEN, "").replace(FILTER_CLOSE, ""), encoding="utf-8")


class _Text(HTMLParser):
    """Every character of a page's text, whitespace as it is (BeautifulSoup shortens a
    string of only whitespace)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text(html: bytes) -> str:
    reader = _Text()
    reader.feed(html.decode("utf-8"))
    reader.close()
    return "".join(reader.parts)


def test_marking_line_breaks_changes_no_text(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    marked = build(make_project(tmp_path / "marked", ROOT / "news"))
    plain_root = make_project(tmp_path / "plain", ROOT / "news")
    _unmarked(plain_root)
    plain = build(plain_root)
    assert marked.ok and plain.ok, marked.output + plain.output
    a, b = site_files(marked.site), site_files(plain.site)
    assert a.keys() == b.keys()
    pages = [name for name in a if name.endswith(".html")]
    others = [name for name in a if not name.endswith(".html")]
    assert any(n.startswith("search/") for n in others) and "feed.xml" in others
    assert [n for n in others if a[n] != b[n]] == []         # feeds, search, data, sitemap
    changed = [n for n in pages if a[n] != b[n]]
    assert len(changed) > len(pages) / 2                      # the marking is there …
    assert all(b"<wbr>" in a[n] for n in changed)
    assert [n for n in pages if _text(a[n]) != _text(b[n])] == []      # … and is no text
    assert [n for n in pages if "\u200b" in a[n].decode("utf-8")] == []
