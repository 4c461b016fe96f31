"""Build a generated archive of a few hundred entries and compare every page with its metadata."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin
from collections import defaultdict
from typing import Any, Callable, Iterable

import pytest
from PIL import Image

from bench.generate import generate
from newsroom.model.archive import PAGE_SIZE
from newsroom.model.province import all_provinces, by_slug
from newsroom.model.calendar import thai_date_with_weekday
from datetime import date

from tests.helpers import build, make_project

N = 400


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("generated"))
    meta = generate(root, N, seed=7)
    built = build(root)
    assert built.ok, built.output
    return built, meta


def listing_slugs(built, base: str) -> list[str]:
    """Entry slugs listed on a paginated archive, following its pages in order."""
    slugs, url, seen = [], base, 0
    while url:
        soup = built.page(url)
        slugs += [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in soup.select("a.nr-card__title")]
        older = soup.select_one("a.nr-pager__older")
        url = None
        if older:
            seen += 1
            url = f"{base}page/{seen + 1}/"
            assert urljoin(f"/{base}" if seen == 1 else f"/{base}page/{seen}/", older["href"]) \
                == f"/{url}"
    return slugs


def test_every_entry_has_its_page(generated):
    built, meta = generated
    for m in meta:
        soup = built.page(f"news/{m['slug']}/")
        assert soup.select_one("article.nr-entry h1").get_text() == m["title"]
        d = date.fromisoformat(m["date"])
        assert soup.select_one(".nr-meta time").get_text() == thai_date_with_weekday(d)
        assert soup.select_one("a.nr-year")["href"].endswith(f"years/{m['year']}/")
        links = [a["href"] for a in soup.select("a.nr-province")]
        assert [l.rstrip("/").rsplit("/", 1)[-1] for l in links] == m["provinces"]
        tags = [t.get_text() for t in soup.select(".md-tags .md-tag")]
        assert sorted(tags) == sorted(m["tags"])


def grouped(meta: list[dict[str, Any]], keys: Callable[[dict[str, Any]], Iterable[Any]]
            ) -> dict[Any, list[dict[str, Any]]]:
    """The generated entries' metadata under each of their keys, in generation order."""
    groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for m in meta:
        for key in keys(m):
            groups[key].append(m)
    return groups


def test_province_pages_list_exactly_their_entries(generated):
    built, meta = generated
    expected = grouped(meta, lambda m: m["provinces"])
    assert len(expected) == 77
    for slug, ms in expected.items():
        order = sorted(ms, key=lambda m: (m["year"], m["date"], m["slug"]), reverse=True)
        assert listing_slugs(built, f"provinces/{slug}/") == [m["slug"] for m in order], slug
        soup = built.page(f"provinces/{slug}/")
        assert soup.select_one(".nr-total").get_text() == str(len(ms))
        # grouped by program year, newest year first
        years = [int(re.search(r"\d{4}", h.get_text()).group()) for h in soup.select(".nr-group__title")]
        assert years == sorted(set(years), reverse=True)


def test_province_year_pages(generated):
    built, meta = generated
    expected = grouped(meta, lambda m: [(p, m["year"]) for p in m["provinces"]])
    for (slug, year), ms in expected.items():
        order = sorted(ms, key=lambda m: (m["date"], m["slug"]), reverse=True)
        assert listing_slugs(built, f"provinces/{slug}/{year}/") == [m["slug"] for m in order]


def test_year_pages_are_paginated_newest_first(generated):
    built, meta = generated
    by_year = grouped(meta, lambda m: [m["year"]])
    for year, ms in by_year.items():
        order = sorted(ms, key=lambda m: (m["date"], m["slug"]), reverse=True)
        slugs = listing_slugs(built, f"years/{year}/")
        assert slugs == [m["slug"] for m in order]
        pages = -(-len(ms) // PAGE_SIZE)
        assert (built.site / f"years/{year}/page/{pages}/index.html").is_file() or pages == 1
        assert not (built.site / f"years/{year}/page/{pages + 1}").exists()
        soup = built.page(f"years/{year}/")
        counts = {a["href"].rstrip("/").split("/")[-2]: int(a.find_next("span", class_="nr-count").get_text())
                  for a in soup.select(".nr-provinces a")}
        want = defaultdict(int)
        for m in ms:
            for p in m["provinces"]:
                want[p] += 1
        assert counts == dict(want)


def test_tag_pages_are_paginated_newest_first(generated):
    built, meta = generated
    by_tag = grouped(meta, lambda m: m["tags"])
    index = built.page("tags/")
    links = {a.get_text(): a["href"] for a in index.select(".nr-tags a")}
    counts = {a.get_text(): int(a.find_next("span", class_="nr-count").get_text()) for a in index.select(".nr-tags a")}
    assert counts == {tag: len(ms) for tag, ms in by_tag.items()}
    assert any(len(ms) > PAGE_SIZE for ms in by_tag.values())
    for tag, ms in by_tag.items():
        order = sorted(ms, key=lambda m: (m["date"], m["slug"]), reverse=True)
        assert listing_slugs(built, f"tags/{links[tag]}") == [m["slug"] for m in order], tag
        pages = -(-len(ms) // PAGE_SIZE)
        assert not (built.site / f"tags/{links[tag]}page/{pages + 1}").exists()


def test_provinces_index_counts_all_77(generated):
    built, meta = generated
    soup = built.page("provinces/")
    items = soup.select(".nr-province-list li")
    assert len(items) == 77
    want = defaultdict(int)
    for m in meta:
        for p in m["provinces"]:
            want[by_slug(p).name_th] += 1
    got = {li.select_one("a, li > span").get_text(): int(li.select_one(".nr-count").get_text())
           for li in items}
    assert got == {p.name_th: want[p.name_th] for p in all_provinces()}
    assert [h.get_text().removesuffix(h.select_one(".nr-count").get_text()).strip()
            for h in soup.select(".nr-region h2")] == [
        "ภาคเหนือ", "ภาคตะวันออกเฉียงเหนือ", "ภาคกลาง", "ภาคตะวันออก", "ภาคตะวันตก", "ภาคใต้"]


def test_years_index(generated):
    built, meta = generated
    soup = built.page("years/")
    got = {a.get_text(): int(a.find_next("span", class_="nr-count").get_text()) for a in soup.select(".nr-year-list a")}
    want = defaultdict(int)
    for m in meta:
        want[f"ปีงบประมาณ {m['year']}"] += 1
    assert got == dict(want)


def test_photos_are_published_as_copies_beside_their_entry(generated):
    built, meta = generated
    with_photo = [m for m in meta if m["photo"]]
    assert with_photo
    for m in with_photo:
        folder = built.site / "news" / m["slug"]
        assert not (folder / "cover.png").exists()          # never the writer's own file
        cover = built.page(f"news/{m['slug']}/").select_one(".nr-cover img")
        with Image.open(folder / cover["src"]) as im:
            assert im.format == "JPEG" and im.width == int(cover["width"])


def test_neighbours_link_within_the_province(generated):
    built, meta = generated
    slug = "udon-thani"
    order = listing_slugs(built, f"provinces/{slug}/")
    for i, s in enumerate(order):
        soup = built.page(f"news/{s}/")
        nav = [n for n in soup.select("nav.nr-neighbours")
               if n.select_one("h2 a")["href"].rstrip("/").endswith(slug)][0]
        newer = nav.select_one(".nr-newer a")
        older = nav.select_one(".nr-older a")
        assert (newer["href"].rstrip("/").rsplit("/", 1)[-1] if newer else None) == \
            (order[i - 1] if i > 0 else None)
        assert (older["href"].rstrip("/").rsplit("/", 1)[-1] if older else None) == \
            (order[i + 1] if i + 1 < len(order) else None)
