"""Search in the browser, measured: time to first results and bytes fetched after load.

    python -m bench.search SITE_DIR [QUERY …] [--phrases N [--seed S]] [--json PATH]

Serves a built site on 127.0.0.1, opens it in headless Chromium at phone size,
types each query into the header search box and reports how long the first
results took to appear and how many bytes the page fetched after it had
loaded (search-core.js, the manifest, index shards and result cards). A
fresh browser context per query, so nothing is cached between queries.

--phrases N adds N queries no one chose: 1 to 4 words (pythainlp) cut from a random
entry's text and run together, as a reader types a phrase, and checks each shown
count against the entries whose title, text or fields hold the query.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
QUERIES = ("คุณธรรม", "งบประมาณ", "เยาวชน อุดรธานี", "ผู้ว่าราชการ", "จิตอาสา", "MOU")
TARGET_SECONDS = 1.0
TARGET_KB = 300


@dataclass
class SearchTiming:
    query: str
    seconds_to_results: float
    requests: int
    kilobytes: float
    shown: str


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def measure(site: Path, queries: tuple[str, ...] = QUERIES) -> list[SearchTiming]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    timings = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for query in queries:
                context = browser.new_context(viewport={"width": 390, "height": 844})
                page = context.new_page()
                page.goto(base, wait_until="networkidle")
                sizes: list[int] = []
                page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
                page.click("label.md-header__button[for=__search]")
                started = time.perf_counter()
                page.fill("input[name=query]", query)
                page.wait_for_function(
                    "document.querySelectorAll('.nr-search__result').length > 0"
                    " || document.querySelector('[data-nr-meta]').textContent.startsWith('ไม่พบ')",
                    timeout=60_000)
                elapsed = time.perf_counter() - started
                page.wait_for_timeout(300)          # let the last fragments arrive
                timings.append(SearchTiming(query, round(elapsed, 3), len(sizes),
                                            round(sum(sizes) / 1024, 1),
                                            page.inner_text("[data-nr-meta]")))
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return timings


def phrases(site: Path, n: int, seed: int) -> list[str]:
    """N phrases of the site's entries, 1 to 4 words run together (Thai only)."""
    import random
    import re

    from pythainlp.tokenize import word_tokenize
    rng = random.Random(seed)
    texts = [card["x"] for card in _cards(site)]
    out: list[str] = []
    while len(out) < n:
        words = word_tokenize(rng.choice(texts)[:600], engine="newmm")
        if len(words) < 6:
            continue
        start = rng.randrange(len(words) - 4)
        query = "".join(words[start:start + rng.choice((1, 2, 2, 3, 3, 4))]).strip()
        if len(query) >= 4 and re.fullmatch("[\u0e00-\u0e7f]+", query):
            out.append(query)
    return out


def _cards(site: Path) -> list[dict]:
    import gzip
    folder = site / "search" / "d"
    docs = json.loads((site / "search" / "index.json").read_text(encoding="utf-8"))["docs"]
    return [json.loads(gzip.decompress((folder / f"{i}.bin").read_bytes())) for i in range(docs)]


def truth(site: Path, queries: list[str]) -> dict[str, str]:
    """query -> the count the box should show, from the cards (the index's own text)."""
    from tests.search_index_reader import normalize      # search_core normalize, in Python
    shown = [normalize("\n".join([c["t"], c["x"], *(n for f in c["f"] for n in f[1:])]))
             for c in _cards(site)]
    out = {}
    for query in queries:
        words = normalize(query).split()
        n = sum(all(w in text for w in words) for text in shown)
        out[query] = f"พบ {n:,} ข่าว" if n else "ไม่พบข่าวที่ตรงกัน"
    return out


def table(timings: list[SearchTiming], want: dict[str, str] | None = None) -> str:
    lines = [f"{'query':<18} {'first results':>14} {'requests':>9} {'KB after load':>14}  shown",
             f"{'target':<18} {'≤ %.1f s' % TARGET_SECONDS:>14} {'':>9} {'≤ %d' % TARGET_KB:>14}"]
    def right(t: SearchTiming) -> bool:
        should = want[t.query]
        if should.startswith("ไม่พบ"):          # (a suggestion may follow)
            return t.shown.startswith("ไม่พบ")
        return t.shown == should

    for t in timings:
        check = ""
        if want and t.query in want:
            check = "  ok" if right(t) else f"  WRONG, want {want[t.query]}"
        lines.append(f"{t.query:<18} {t.seconds_to_results:>12.2f} s {t.requests:>9} "
                     f"{t.kilobytes:>14.0f}  {t.shown}{check}")
    if want:
        wrong = sum(t.query in want and not right(t) for t in timings)
        lines.append(f"{len(want) - wrong} of {len(want)} phrases counted right")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("queries", nargs="*")
    parser.add_argument("--phrases", type=int, default=0, metavar="N")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    drawn = phrases(args.site, args.phrases, args.seed) if args.phrases else []
    queries = tuple(args.queries) or (() if drawn else QUERIES)
    timings = measure(args.site, (*queries, *drawn))
    print(table(timings, truth(args.site, drawn) if drawn else None))
    if args.json:
        args.json.write_text(json.dumps([asdict(t) for t in timings], ensure_ascii=False, indent=1),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
