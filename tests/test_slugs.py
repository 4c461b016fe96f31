"""Heading anchors and the ASCII URL slugs of people's and tags' pages (newsroom/slugs.py)."""

from __future__ import annotations

from newsroom.slugs import ascii_slugs, heading_slug


def test_heading_slug_keeps_thai_vowels_and_tone_marks():
    assert heading_slug("จังหวัดน่าน ปี 2564") == "จังหวัดน่าน-ปี-2564"
    assert heading_slug("Moral <b>Province</b>!") == "moral-province"


def test_thai_names_are_romanised():
    slugs = ascii_slugs(["จักราชัย ทองเพ็ชร์", "สมศักดิ์ ใจดี"], fallback="person")
    assert slugs == {"จักราชัย ทองเพ็ชร์": "chakrachai-thongphet",
                     "สมศักดิ์ ใจดี": "somsak-chaidi"}


def test_latin_thai_digits_and_odd_characters():
    slugs = ascii_slugs(["MOU", "COVID-19", "ปี ๒๕๖๔", "Café <b>", "{{ 7*7 }}", "?!", "…"],
                        fallback="tag")
    assert slugs == {"MOU": "mou", "COVID-19": "covid-19", "ปี ๒๕๖๔": "pi-2564",
                     "Café <b>": "cafe-b", "{{ 7*7 }}": "7-7", "?!": "tag", "…": "tag-2"}


def test_names_that_romanise_alike_get_numbers_in_name_order():
    slugs = ascii_slugs(["mou", "MOU", "Mou"], fallback="tag")
    assert slugs == {"MOU": "mou", "Mou": "mou-2", "mou": "mou-3"}
    # the order names come in does not matter
    assert ascii_slugs(["Mou", "mou", "MOU", "mou"], fallback="tag") == slugs


def test_reserved_slugs_are_never_given():
    slugs = ascii_slugs(["page", "Page 2", "PAGE"], fallback="tag", reserved={"page"})
    assert "page" not in slugs.values()
    assert len(set(slugs.values())) == 3
    assert slugs == {"PAGE": "page-2", "Page 2": "page-2-2", "page": "page-3"}


def test_slugs_are_short_ascii_and_unique():
    names = ["ก" * 200, "ข" * 200, "a" * 100, "a" * 101, "", " ", "---"]
    slugs = ascii_slugs(names, fallback="person")
    assert len(set(slugs.values())) == len(set(names))
    for slug in slugs.values():
        assert slug.isascii() and slug == slug.lower() and len(slug) <= 64
        assert slug.strip("-") == slug and "--" not in slug
