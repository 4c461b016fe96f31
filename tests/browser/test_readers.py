"""What readers see, in Chromium at phone and desktop sizes: layout, requests, accessibility.

Screenshots of every page kind at both sizes go to a folder printed at the end of the
run (NEWSROOM_SCREENSHOTS, default: a temporary folder), for a person to look at.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from newsroom.model.archive import build_archive
from newsroom.read.corpus import load
from newsroom.plan.pages import TagListing
from newsroom.plan.site_plan import plan_site

from tests.helpers import identity, ROOT, serious_violations

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def page_kinds() -> dict[str, str]:
    entries = load(ROOT).entries
    with_photo = next(e for e in entries if e.image)
    p = with_photo.provinces[0]
    tag = next(page.url for page in plan_site(build_archive(entries), identity()).pages
               if isinstance(page.view, TagListing))
    return {
        "home": "",
        "entry": with_photo.url,
        "province": f"provinces/{p.slug}/",
        "province-year": f"provinces/{p.slug}/{with_photo.year}/",
        "year": f"years/{with_photo.year}/",
        "years": "years/",
        "map": "provinces/",
        "tags": "tags/",
        "tag": tag,
        "person": "people/" + "",
        "stats": "stats/",
        "data": "data/",
    }


@pytest.fixture(scope="module")
def shots():
    folder = Path(os.environ.get("NEWSROOM_SCREENSHOTS") or tempfile.mkdtemp(prefix="newsroom-shots-"))
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    print(f"\nscreenshots: {folder}")


@pytest.mark.parametrize("size_name, size", [("phone", PHONE), ("desktop", DESKTOP)])
@pytest.mark.parametrize("kind", list(page_kinds()))
def test_page_reads_well_and_stays_on_the_site(browser, sample_server, shots, kind, size_name, size):
    url = sample_server.url + page_kinds()[kind]
    context = browser.new_context(viewport=size, device_scale_factor=1)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    response = page.goto(url, wait_until="networkidle")
    assert response.ok
    page.screenshot(path=str(shots / f"{kind}-{size_name}.png"), full_page=True)
    outside = [r for r in requests if not r.startswith(sample_server.url) and not r.startswith("data:")]
    assert outside == []
    # no horizontal scrolling
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{kind} scrolls sideways by {overflow}px"
    # Thai lines are not clipped: no text element cuts its content
    clipped = page.evaluate("""() => [...document.querySelectorAll('.md-content h1, .md-content h2, .md-content p, .md-content a')]
        .filter(el => el.scrollHeight > el.clientHeight + 2 && getComputedStyle(el).overflowY === 'hidden')
        .map(el => el.textContent.slice(0, 40))""")
    assert clipped == []
    # the Thai font is the site's own and is in use
    font = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    assert "Sarabun" in font
    assert page.evaluate("document.fonts.check('16px Sarabun', 'ก')")
    if size_name == "phone":
        small = page.evaluate("""() => [...document.querySelectorAll('.md-content a, .md-content button')]
            .filter(a => a.offsetParent !== null)
            .map(a => { const r = a.getBoundingClientRect(); return [a.textContent.trim().slice(0, 30), r.width, r.height]; })
            .filter(([t, w, h]) => h < 24 && w < 24)""")
        assert small == [], f"tap targets too small: {small[:5]}"
    context.close()


@pytest.mark.parametrize("kind", ["home", "entry", "province", "year", "tags", "tag", "map",
                                  "stats", "data"])
def test_no_serious_accessibility_violations(browser, sample_server, kind):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(sample_server.url + page_kinds()[kind], wait_until="networkidle")
    serious = serious_violations(page)
    context.close()
    assert serious == []


def test_photos_are_lazy_and_sized_in_the_browser(browser, sample_server):
    entry = next(e for e in load(ROOT).entries if e.image)
    # a small phone (320 px, one pixel per px): the sample's photos are 800 px wide,
    # published at 320 and 800 (photos.py copy_sizes)
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(sample_server.url + entry.url, wait_until="networkidle")
    info = page.evaluate("""() => [...document.querySelectorAll('.nr-body img, .nr-cover img')].map(i =>
        ({w: i.getAttribute('width'), h: i.getAttribute('height'), nw: i.naturalWidth, alt: i.alt,
          lazy: i.loading, current: i.currentSrc}))""")
    context.close()
    assert info and all(i["w"] and i["h"] and i["alt"] for i in info)
    # on a phone the browser picks a resized copy, not the original
    assert any("-320." in i["current"] for i in info if i["nw"])
