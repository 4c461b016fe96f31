import pytest

from newsroom.model import province
from newsroom.model.province import all_provinces, regions, resolve, suggest


def test_all_77_provinces_with_unique_ascii_slugs():
    ps = all_provinces()
    assert len(ps) == 77
    slugs = [p.slug for p in ps]
    assert len(set(slugs)) == 77
    assert all(s.isascii() and s == s.lower() and " " not in s for s in slugs)


def test_regions_cover_every_province_once():
    seen = [p for r in regions() for p in r.provinces]
    assert len(seen) == 77 and set(seen) == set(all_provinces())
    assert [len(r.provinces) for r in regions()] == [9, 20, 22, 7, 5, 14]


@pytest.mark.parametrize("slug", ["udon-thani", "bangkok", "nakhon-si-thammarat", "nan",
                                  "phra-nakhon-si-ayutthaya", "mae-hong-son"])
def test_known_slugs(slug):
    assert province.by_slug(slug) is not None


@pytest.mark.parametrize("p", all_provinces(), ids=lambda p: p.slug)
def test_every_province_resolves_by_every_name(p):
    for name in (p.name_th, f"จังหวัด{p.name_th}", p.name_en, p.name_en.upper(),
                 p.name_en.lower(), p.slug, f"  {p.name_th} "):
        assert resolve(name) == p, name


@pytest.mark.parametrize("alias", ["กทม.", "กทม", "กรุงเทพฯ", "กรุงเทพ", "กรุงเทพมหานคร", "Bangkok",
                                   "bangkok", "BANGKOK"])
def test_bangkok_aliases(alias):
    assert resolve(alias).slug == "bangkok"


def test_other_aliases():
    assert resolve("อยุธยา").slug == "phra-nakhon-si-ayutthaya"
    assert resolve("Korat").slug == "nakhon-ratchasima"
    assert resolve("Buriram").slug == "buri-ram"


@pytest.mark.parametrize("bad, meant", [("อุดร", "อุดรธานี"), ("นาน", "น่าน"),
                                        ("ชียงใหม่", "เชียงใหม่"), ("Udon Tani", "อุดรธานี"),
                                        ("นครศรีธรรมรา", "นครศรีธรรมราช")])
def test_suggestions_for_near_misses(bad, meant):
    assert resolve(bad) is None
    assert suggest(bad).name_th == meant


def test_no_suggestion_for_nonsense():
    assert resolve("xyz") is None and suggest("xyz") is None
    assert resolve("") is None and resolve(None) is None


def test_thai_dictionary_order():
    names = [p.name_th for p in all_provinces()]
    assert names.index("ชุมพร") < names.index("เชียงราย") < names.index("ตรัง")
