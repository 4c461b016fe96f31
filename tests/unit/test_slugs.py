"""Heading anchors and the ASCII URL slugs of people's and tags' pages (newsroom/slugs.py)."""

from __future__ import annotations

from newsroom.model.slugs import ascii_slugs, heading_slug


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


def _names_in_sample_news() -> list[str]:
    from newsroom.read.corpus import load
    from tests.helpers import ROOT
    names: set[str] = set()
    for entry in load(ROOT).entries:
        names.update(entry.tags, entry.authors, entry.photographers)
    return sorted(names)


def test_romanisation_is_pythainlps_own_with_a_trie_of_the_words_in_the_names():
    from pythainlp.transliterate import romanize
    from bench.generate import PEOPLE, TAGS
    from newsroom.model.slugs import romanised
    names = [*_names_in_sample_news(), *PEOPLE, *TAGS, "MOU กับ อบจ.", "ปี 2564",
             "ครู  อาสา", " นำ", "สวัสดีครับ", "ๆ", "ก" * 90, "ศูนย์คุณธรรม (องค์การมหาชน)",
             "พระราชบัญญัติ", "กรุงเทพมหานคร", "ตลาดน้ำดำเนินสะดวก", "นายกฯ"]
    assert len(names) > 40
    ours = romanised(names)
    assert ours == {n: romanize(n, engine="royin") for n in names}


def test_slugs_do_not_load_the_whole_dictionary():
    import subprocess
    import sys
    from tests.helpers import ROOT
    code = ("from newsroom.model.slugs import ascii_slugs\n"
            "import pythainlp.tokenize as t\n"
            "s = ascii_slugs(['จักราชัย ทองเพ็ชร์', 'เยาวชน', 'MOU'], fallback='tag')\n"
            "print(s['จักราชัย ทองเพ็ชร์'], t.word_dict_trie.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.split() == ["chakrachai-thongphet", "0"]


def test_a_name_is_romanised_once_per_process(monkeypatch):
    """Previews plan every page again: names already romanised are not romanised again."""
    import newsroom.model.slugs as slugs
    calls: list[set[str]] = []
    royin = slugs._royin
    monkeypatch.setattr(slugs, "_royin", lambda texts: calls.append(set(texts)) or royin(texts))
    names = ["วันเพ็ญ ทดสอบแคช", "ประยูร ทดสอบแคช"]
    first = ascii_slugs(names, fallback="person")
    again = ascii_slugs([*names, "สมหญิง ทดสอบแคช"], fallback="person")
    assert calls == [set(names), {"สมหญิง ทดสอบแคช"}]
    assert {n: again[n] for n in names} == first
