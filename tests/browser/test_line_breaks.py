"""Thai lines end between words, in Chromium at 320, 390 and 1280 px.

Every line box of every title, card, label and body paragraph is found from the
characters' own boxes (Range.getClientRects, one character at a time: a character
below the one before it starts a line). No line may start inside a piece the
segmenter keeps whole (newsroom/model/words.py: a word, a date, a count), nor
inside the splits the issue found, nor with a separator; and no character may stand
out of its block (a word kept whole but wider than its line). On the sample and on a
generated archive. (Pages scrolling sideways: tests/browser/test_readers.py.)
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from bench.generate import generate
from newsroom.model.archive import build_archive
from newsroom.model.calendar import THAI_MONTHS, THAI_MONTHS_SHORT
from newsroom.model.words import Segmenter, for_archive
from newsroom.read.corpus import load

from tests.helpers import ROOT, SiteServer, build, make_project

WIDTHS = (320, 390, 1280)
# What the browser's own breaking did to the sample's headlines (issue 21).
SPLITS = [("ขับ", "เคลื่อน"), ("เครือ", "ข่าย"), ("ผู้เข้า", "ร่วม"), ("ถอดบท", "เรียน"),
          ("แกน", "นำ"), ("ทาง", "สังคม")]
_MONTHS = "|".join(re.escape(m) for m in THAI_MONTHS + THAI_MONTHS_SHORT)
WHOLE = re.compile(rf"[0-9]{{1,2}} (?:{_MONTHS}) [0-9]{{4}}|ปีงบประมาณ [0-9]{{4}}|ข่าว [0-9]+ รายการ")

LINES = """() => {
  const root = document.querySelector('.md-content');
  const verbatim = new Set(['CODE', 'PRE', 'KBD', 'SAMP', 'SCRIPT', 'STYLE', 'TEXTAREA', 'svg']);
  const combining = /[\\u0e31\\u0e34-\\u0e3a\\u0e47-\\u0e4e]/;
  const blockOf = (node) => {
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
      const display = getComputedStyle(el).display;
      if (display !== 'inline' && display !== 'contents') return el;
    }
    return root;
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {acceptNode(n) {
    for (let el = n.parentElement; el && el !== root; el = el.parentElement)
      if (verbatim.has(el.tagName)) return NodeFilter.FILTER_REJECT;
    return NodeFilter.FILTER_ACCEPT;
  }});
  const blocks = new Map();
  const range = document.createRange();
  for (let n; (n = walker.nextNode());) {
    const block = blockOf(n);
    let b = blocks.get(block);
    if (!b) {
      let scroller = false;           // text in a table that scrolls sideways may be wider
      for (let el = block; el && el !== root; el = el.parentElement)
        scroller = scroller || ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
      const box = block.getBoundingClientRect(), style = getComputedStyle(block);
      const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
      b = {where: block.tagName + '.' + block.className, nodes: [], starts: [], top: null, height: 0,
           right: scroller ? Infinity : right, wide: ''};
      blocks.set(block, b);
    }
    const at = b.nodes.length;
    b.nodes.push(n.data);
    for (let i = 0; i < n.data.length; i++) {
      if (/\\s/.test(n.data[i]) || combining.test(n.data[i])) continue;
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      const box = range.getClientRects()[0];
      if (!box || !box.height) continue;
      if (b.top !== null && box.top > b.top + b.height / 2) b.starts.push([at, i]);
      if (box.right > b.right + 1 && !b.wide) b.wide = n.data.slice(Math.max(0, i - 12), i + 1);
      b.top = box.top;
      b.height = box.height;
    }
  }
  return [...blocks.values()].map(({where, nodes, starts, wide}) => ({where, nodes, starts, wide}));
}"""


def _inside(segmenter: Segmenter, text: str) -> set[int]:
    """Offsets strictly inside a piece kept whole."""
    found: set[int] = set()
    at = 0
    for piece in segmenter.pieces(text):
        if piece.keep:
            found.update(range(at + 1, at + len(piece.text)))
        at += len(piece.text)
    return found


def bad_line_starts(blocks: list[dict], segmenter: Segmenter) -> list[str]:
    """Each line start that cuts a word, a date or a count, or starts with a separator."""
    bad: list[str] = []
    for b in blocks:
        nodes = b["nodes"]
        offsets = [0]
        for text in nodes:
            offsets.append(offsets[-1] + len(text))
        whole = "".join(nodes)
        kept = [range(m.start() + 1, m.end()) for m in WHOLE.finditer(whole)]
        for node, i in b["starts"]:
            if i:
                cut = i in _inside(segmenter, nodes[node])
            else:           # at the start of a text node: the two nodes read as one text
                before = nodes[node - 1] if node else ""
                cut = len(before) in _inside(segmenter, before + nodes[node])
            k = offsets[node] + i
            cut = (cut or any(k in r for r in kept) or whole[k] in "·–—"
                   or any(whole.endswith(a, 0, k) and whole.startswith(z, k) for a, z in SPLITS))
            if cut:
                bad.append(f"{b['where']}: {whole[max(0, k - 12):k]}‖{whole[k:k + 12]}")
    return bad


def check_pages(browser, server, urls: list[str], segmenter: Segmenter) -> tuple[int, int]:
    """Every page at every width; the number of lines and of text blocks looked at."""
    context = browser.new_context(viewport={"width": WIDTHS[-1], "height": 800})
    page = context.new_page()
    problems: list[str] = []
    lines = blocks_seen = 0
    for url in urls:
        assert page.goto(server.url + url, wait_until="load").ok, url
        page.evaluate("document.fonts.ready")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            blocks = page.evaluate(LINES)
            lines += sum(len(b["starts"]) for b in blocks)
            blocks_seen += len(blocks)
            problems += [f"{url} at {width}px: {p}" for p in bad_line_starts(blocks, segmenter)]
            problems += [f"{url} at {width}px: out of its line: {b['where']}: {b['wide']}"
                         for b in blocks if b["wide"]]
    context.close()
    assert problems == [], "\n".join(problems[:30]) + f"\n({len(problems)} in all)"
    return lines, blocks_seen


def pages_of(site_root, entries) -> list[str]:
    """Every entry page, and the first page of every archive and index."""
    urls = [e.url for e in entries] + ["", "about/", "privacy/", "accessibility/", "site-map/"]
    for folder in ("provinces", "years", "tags", "people", "stats", "data"):
        urls += [p.parent.relative_to(site_root).as_posix() + "/"
                 for p in sorted((site_root / folder).glob("**/index.html"))
                 if "page" not in p.relative_to(site_root).parts]
    return urls


def test_the_sample_s_lines_end_between_words(browser, sample_site, sample_server):
    entries = load(sample_site.root).entries
    lines, blocks = check_pages(browser, sample_server, pages_of(sample_site.site, entries),
                                for_archive(build_archive(entries)))
    assert lines > 1000 and blocks > 1000         # the check looked at something


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("generated-lines"))
    generate(root, 40, seed=21)
    built = build(root)
    assert built.ok, built.output
    server = SiteServer(built.site)
    yield built, server
    server.close()


def test_a_generated_archive_s_lines_end_between_words(browser, generated_site):
    built, server = generated_site
    entries = load(built.root).entries
    urls = [e.url for e in entries] + ["", "provinces/", "years/", "tags/", "people/", "stats/",
                                       f"years/{entries[0].year}/", f"provinces/{entries[0].provinces[0].slug}/"]
    lines, _ = check_pages(browser, server, urls, for_archive(build_archive(entries)))
    assert lines > 3000


def test_what_a_reader_copies_is_the_title(browser, sample_site, sample_server):
    """textContent and the copied selection of a headline and its cards are the writer's
    title: <wbr> and the spans are not text, and there are no zero-width spaces."""
    entries = load(sample_site.root).entries
    entry = next(e for e in entries if "ขับเคลื่อน" in e.title)
    context = browser.new_context(viewport={"width": 390, "height": 844},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(sample_server.url + entry.url, wait_until="load")
    h1 = page.locator("article h1")
    assert h1.evaluate("h => h.querySelectorAll('wbr').length") > 0       # marked, and still:
    assert h1.evaluate("h => h.textContent") == entry.title
    assert h1.evaluate("h => { getSelection().selectAllChildren(h); return getSelection().toString(); }") \
        == entry.title
    page.keyboard.press("Control+C")
    assert page.evaluate("navigator.clipboard.readText()") == entry.title
    page.goto(sample_server.url, wait_until="load")
    by_url = {e.url: e.title for e in entries}
    cards = page.evaluate("[...document.querySelectorAll('a.nr-card__title')].map(a => [a.href, a.textContent])")
    assert cards
    for href, text in cards:
        assert text == by_url[urljoin("/", href.removeprefix(sample_server.url)).lstrip("/")]
    assert "\u200b" not in page.evaluate("document.body.textContent")
    context.close()
