"""Feeds, sharing tags, sitemap, reproducible builds, ProperDocs: issue 'Publishing'."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import feedparser
from PIL import Image
import pytest
from bs4 import BeautifulSoup

from newsroom.read.corpus import load
from newsroom.plan.feeds import FEED_LENGTH

from tests.helpers import ROOT, build, make_project, write_entry

SITE_URL = "https://news.moral.or.th/"


def alternate(item) -> str:
    return [l.href for l in item.links if l.rel == "alternate"][0]


def published_copy(site: Path, url: str) -> Path:
    """The file in site/ an absolute URL of the site names; it must exist."""
    assert url.startswith(SITE_URL), url
    path = site / url[len(SITE_URL):]
    assert path.is_file(), url
    return path


def feed(site: Path, path: str):
    parsed = feedparser.parse((site / path).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def test_site_feed_has_the_latest_entries(sample_site):
    entries = load(ROOT).entries
    parsed = feed(sample_site.site, "feed.xml")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "คลังข่าวจังหวัดคุณธรรม"
    assert parsed.feed.language == "th"
    links = [alternate(e) for e in parsed.entries]
    assert links == [SITE_URL + e.url for e in entries[:FEED_LENGTH]]
    for item, entry in zip(parsed.entries, entries):
        assert item.title == entry.title
        assert item.summary == entry.summary
        assert [a.name for a in item.authors] == list(entry.authors)
        assert item.published.endswith("+07:00")
        assert item.published_parsed is not None
        if entry.image:
            enclosure = item.enclosures[0]
            published = published_copy(sample_site.site, enclosure.href)
            assert published.parent == sample_site.site / entry.url.strip("/")
            assert published.name != entry.image           # a copy, not the writer's file
            assert enclosure.type == "image/jpeg" and int(enclosure.length) == published.stat().st_size


def test_province_and_year_feeds(sample_site):
    entries = load(ROOT).entries
    nan = [e for e in entries if any(p.slug == "nan" for p in e.provinces)]
    parsed = feed(sample_site.site, "provinces/nan/feed.xml")
    assert [alternate(e) for e in parsed.entries] == [SITE_URL + e.url for e in nan]
    assert "น่าน" in parsed.feed.title
    y2564 = [e for e in entries if e.year == 2564]
    parsed = feed(sample_site.site, "years/2564/feed.xml")
    assert [alternate(e) for e in parsed.entries] == [SITE_URL + e.url for e in y2564]


def test_json_feeds(sample_site):
    entries = load(ROOT).entries
    data = json.loads((sample_site.site / "feed.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == SITE_URL + "feed.json"
    assert [i["url"] for i in data["items"]] == [SITE_URL + e.url for e in entries[:FEED_LENGTH]]
    first = data["items"][0]
    assert first["date_published"].endswith("+07:00")
    assert first["authors"][0]["name"] == entries[0].authors[0]
    with_photo = [i for i in data["items"] if "image" in i]
    assert with_photo and all(i["image"].startswith(SITE_URL) for i in with_photo)
    for p in (sample_site.site / "provinces").glob("*/feed.json"):
        json.loads(p.read_text(encoding="utf-8"))


def test_feed_autodiscovery_on_every_page(sample_site):
    for html in sample_site.site.rglob("index.html"):
        if html.relative_to(sample_site.site).parts[0] == "admin":
            continue                                # the web editor (noindex), not a reader page
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        types = {l["type"] for l in soup.select('link[rel~="alternate"]')}
        assert {"application/atom+xml", "application/feed+json"} <= types, html
    province = sample_site.page("provinces/nan/")
    hrefs = [l["href"] for l in province.select('link[rel~="alternate"]')]
    assert "/provinces/nan/feed.xml" in {urljoin("/provinces/nan/", h) for h in hrefs}
    assert province.select_one("a.nr-feed")


def test_entry_sharing_tags_and_json_ld(sample_site):
    entry = [e for e in load(ROOT).entries if e.image and e.photographers][0]
    soup = sample_site.page(entry.url)
    og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
    assert og["og:title"] == entry.title and og["og:type"] == "article"
    assert og["og:locale"] == "th_TH" and og["og:url"] == SITE_URL + entry.url
    copy = published_copy(sample_site.site, og["og:image"])
    assert og["og:image:type"] == "image/jpeg" and og["og:image:alt"]
    with Image.open(copy) as im:
        assert (og["og:image:width"], og["og:image:height"]) == (str(im.width), str(im.height))
    assert copy.parent == sample_site.site / entry.url.strip("/") and copy.name != entry.image
    with Image.open(copy) as im:            # the largest copy, at most 1600 px on its long edge
        assert im.format == "JPEG" and max(im.size) <= 1600
        assert im.width == max(int(c.split()[1].rstrip("w")) for c in
                               soup.select_one(".nr-cover img")["srcset"].split(", "))
    assert og["og:description"] == entry.summary
    tw = {m["name"]: m["content"] for m in soup.select("meta[name^='twitter:']")}
    assert tw["twitter:card"] == "summary_large_image" and tw["twitter:title"] == entry.title
    blocks = soup.select('script[type="application/ld+json"]')
    assert len(blocks) == 1
    data = json.loads(blocks[0].string)
    assert data["@type"] == "NewsArticle" and data["headline"] == entry.title
    assert data["datePublished"] == entry.published.isoformat()
    assert [a["name"] for a in data["author"]] == list(entry.authors)
    assert [c["name"] for c in data["contributor"]] == list(entry.photographers)
    assert [c["name"] for c in data["contentLocation"]] == [p.name_th for p in entry.provinces]
    assert data["image"] == [og["og:image"]]
    assert soup.select_one('link[rel="canonical"]')["href"] == SITE_URL + entry.url


def test_sitemap_and_robots(sample_site):
    entries = load(ROOT).entries
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sitemap = ElementTree.parse(sample_site.site / "sitemap.xml").getroot()
    urls = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
            for u in sitemap.findall("s:url", ns)}
    for e in entries:
        assert urls[SITE_URL + e.url] == e.date.isoformat()
    assert SITE_URL + "provinces/nan/" in urls and SITE_URL + "years/2564/" in urls
    assert SITE_URL + "provinces/nan/2566/" in urls
    robots = (sample_site.site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots


def test_feed_text_is_escaped_xml(project):
    write_entry(project, "2564/2020-11-06-x.md", """\
title: 'ข่าว <b>ตัวหนา</b> & "อัญประกาศ" ]]>'
date: 2020-11-06
author: '<script>x</script>'
province: น่าน""")
    built = build(project)
    assert built.ok, built.output
    parsed = feed(built.site, "feed.xml")
    assert parsed.entries[0].title == 'ข่าว <b>ตัวหนา</b> & "อัญประกาศ" ]]>'
    raw = (built.site / "feed.xml").read_text(encoding="utf-8")
    assert "<b>" not in raw and "<script>" not in raw
    data = json.loads((built.site / "feed.json").read_text(encoding="utf-8"))
    assert data["items"][0]["authors"][0]["name"] == "<script>x</script>"
    ld = built.page("news/2020-11-06-x/").select_one('script[type="application/ld+json"]')
    assert "<" not in ld.string and json.loads(ld.string)["headline"].startswith("ข่าว <b>")


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    """Same commit, two folders, two moments: the same bytes (the clock comes from git)."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    sites = []
    for name in ("one", "two"):
        root = make_project(tmp_path / name, ROOT / "news")
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        subprocess.run([*git, "add", "-A"], cwd=root, check=True)
        subprocess.run([*git, "commit", "-q", "-m", "x", "--date=2024-01-02T03:04:05+07:00"],
                       cwd=root, check=True,
                       env={**env, "GIT_COMMITTER_DATE": "2024-01-02T03:04:05+07:00"})
        r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                           capture_output=True, text=True, env=env)
        assert r.returncode == 0, r.stderr
        sites.append(tree(root / "site"))
        time.sleep(1.1)
    assert sites[0].keys() == sites[1].keys()
    assert [k for k in sites[0] if sites[0][k] != sites[1][k]] == []
    for name, data in sites[0].items():
        assert str(tmp_path).encode() not in data, name


def test_builds_with_properdocs_too(tmp_path):
    pages = {}
    for engine in ("mkdocs", "properdocs"):
        root = make_project(tmp_path / engine, ROOT / "news")
        r = subprocess.run([sys.executable, "-m", engine, "build", "--strict"], cwd=root,
                           capture_output=True, text=True,
                           env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000",
                                "NO_MKDOCS_2_WARNING": "1"})
        assert r.returncode == 0, r.stderr
        pages[engine] = {k: v.replace(b'content="mkdocs-ProperDocs 1.6.7,', b'content="mkdocs-1.6.1,')
                         for k, v in tree(root / "site").items()}
    assert pages["mkdocs"].keys() == pages["properdocs"].keys()
    assert [k for k in pages["mkdocs"] if pages["mkdocs"][k] != pages["properdocs"][k]] == []


def test_properdocs_reports_bad_entries_cleanly(project):
    write_entry(project, "2564/2020-11-06-x.md", "title: x\ndate: 2020-11-06\nauthor: ก\nprovince: นาน")
    r = subprocess.run([sys.executable, "-m", "properdocs", "build"], cwd=project,
                       capture_output=True, text=True)
    assert r.returncode != 0
    assert "news/2564/2020-11-06-x.md:5: province: 'นาน' is not a province" in r.stderr
    assert "Traceback" not in r.stderr


def test_workflow_runs_the_readme_commands():
    import yaml
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    build_steps = workflow["jobs"]["build"]["steps"]
    runs = [s.get("run") for s in build_steps if s.get("run")]
    assert "make test" in runs and "make build" in runs
    assert "make test" in readme.split("\n\n")[1] and "make serve" in readme.split("\n\n")[1]
    uses = [s.get("uses", "") for s in build_steps + workflow["jobs"]["deploy"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    python = [s for s in build_steps if s.get("uses", "").startswith("actions/setup-python")]
    assert python[0]["with"]["python-version"] == "3.11"
    on = workflow.get("on") or workflow.get(True)
    assert "push" in on and "pull_request" in on
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in make and "requirements.txt" in make
