"""The build side of search (no browser): the index holds every entry for every word
inside its text, however the Thai around it would be segmented."""

from __future__ import annotations

import json
import random
import re
import subprocess
from collections import Counter

import pytest

from newsroom.search import indexer as search
from newsroom.read.corpus import load
from newsroom.model import province as provinces
from newsroom.model.archive import build_archive
from newsroom.model.words import for_archive
from newsroom.search.vocabulary import search_words
from newsroom.model.calendar import thai_date
from newsroom.model.province import aliases, name_key, nearest

from tests.helpers import ROOT, build, make_project, write_entry
from tests.search_index_reader import SearchIndex, normalize, word_keys

CORE = search.CORE_SCRIPT.as_uri()


def test_page_text_is_what_a_reader_sees():
    html = ("<p>ประชุม<strong>คุณ</strong>ธรรม &amp; <a href='x'>MOU</a></p>"
            "<script>var hidden = 'ฟุตบอล';</script><figure><img alt='ภาพ'>"
            "<figcaption>ภาพ: สมชาย</figcaption></figure><ul><li>หนึ่ง</li><li>สอง</li></ul>")
    assert search.page_text(html) == "ประชุมคุณธรรม & MOU\nภาพ: สมชาย\nหนึ่ง\nสอง"


def node(script: str, data) -> object:
    out = subprocess.run(["node", "--input-type=module", "-e", script],
                         input=json.dumps(data, ensure_ascii=False), capture_output=True,
                         text=True, encoding="utf-8", check=True)
    return json.loads(out.stdout)


THAI = "กขคงจฉชซญณดตถทธนบปผพฟภมยรลวศษสหอฮะัาำิีึืุูเแโใไ่้๊๋็์ํ๐๑๒๓"


def test_every_piece_of_a_text_finds_it():
    """Keys of any 2-12 character piece (no space) of a text are among the text's keys:
    the property that makes a word inside a longer Thai word findable."""
    rng = random.Random(7)
    texts = ["".join(rng.choice(THAI + "  AbZ09") for _ in range(rng.randint(5, 80)))
             for _ in range(300)]
    texts += ["สรุปผลการขับเคลื่อนจังหวัดคุณธรรม", "ปีงบประมาณ ๒๕๖๔", "ผู้ว่าราชการจังหวัดอุดรธานี",
              "น้ํา ที่ทํา", "MOU กับ Moral", "คุณ\u200bธรรม"]
    failures = node(f"""
        import {{ readFileSync }} from "node:fs";
        import {{ normalize, wordKeys, forEachKey }} from "{CORE}";
        const bad = [];
        for (const raw of JSON.parse(readFileSync(0, "utf8"))) {{
          const text = normalize(raw, false).text;
          const keys = new Set();
          forEachKey(text, (k) => keys.add(k));
          for (let i = 0; i < text.length; i++) for (let n = 2; n <= 12 && i + n <= text.length; n++) {{
            const piece = text.slice(i, i + n);
            if (piece.includes(" ")) continue;
            if (!wordKeys(piece).every((k) => keys.has(k))) bad.push([raw, piece]);
          }}
        }}
        process.stdout.write(JSON.stringify(bad.slice(0, 5)));""", texts)
    assert failures == []


def test_query_and_text_are_normalised_alike():
    out = node(f"""
        import {{ normalize, queryWords }} from "{CORE}";
        const pairs = [["น้ำ", "น้ํา"], ["ทำ", "ทํา"], ["2564", "๒๕๖๔"], ["mou", "MOU"],
                       ["คุณธรรม", "คุณ\\u200bธรรม"]];
        process.stdout.write(JSON.stringify(pairs.map(([a, b]) =>
          normalize(a).text === normalize(b).text)
          .concat([JSON.stringify(queryWords("  เยาวชน \\t อุดรธานี ")) ===
                   JSON.stringify(["เยาวชน", "อุดรธานี"])])));""", None)
    assert out == [True] * 6


@pytest.fixture(scope="module")
def sample_index(sample_site):
    return SearchIndex(sample_site.site), load(ROOT).entries


def test_every_entry_is_a_candidate_for_every_piece_of_its_text(sample_index):
    index, entries = sample_index
    rng = random.Random(3)
    for i, e in enumerate(entries):
        card = index.card(i)                      # the text as rendered (no Markdown syntax)
        text = normalize(f"{card['t']} {card['x']}")
        words = [w for w in text.split() if len(w) >= 2]
        for word in rng.sample(words, min(15, len(words))):
            start = rng.randrange(len(word) - 1)
            piece = word[start:start + rng.randint(2, 12)]
            if len(piece) >= 2:
                assert i in index.candidates(piece), (e.slug, piece)


@pytest.mark.parametrize("word", ["ขับเคลื่อน", "คุณธรรม", "งบประมาณ", "เยาวชน", "ศาลากลาง",
                                  "เครือข่าย", "ผู้ว่าราชการ", "ประมาณ", "MOU", "ฟุตบอลโลก"])
def test_candidates_are_the_entries_with_the_word(sample_index, word):
    index, entries = sample_index
    want = {i for i, e in enumerate(entries) if normalize(word) in normalize(f"{e.title}\n{e.body}")}
    found = index.candidates(word)
    assert want <= found
    # Extra candidates are possible (keys from different places) but are removed by
    # the browser's check; the cards say which really hold the word.
    assert {i for i in found if normalize(word) in normalize(
        f"{index.card(i)['t']}\n{index.card(i)['x']}")} == want


def test_cards_and_choices_match_the_archive(sample_index):
    index, entries = sample_index
    manifest = index.manifest
    assert manifest["docs"] == len(entries)
    assert len(list((index.folder / "d").iterdir())) == len(entries)   # entries only
    for i, e in enumerate(entries):                                      # newest first
        card = index.card(i)
        assert card["u"] == e.url and card["t"] == e.title and card["d"] == thai_date(e.date)
        assert card["p"] == ", ".join(p.name_th for p in e.provinces)
    provinces = Counter((p.name_th, p.slug) for e in entries for p in e.provinces)
    assert {(p["name"], p["slug"]): p["count"] for p in manifest["provinces"]} == provinces
    assert {y["year"]: y["count"] for y in manifest["years"]} == Counter(e.year for e in entries)
    for (name, slug), count in provinces.items():
        assert index.filter(f"p-{slug}") == [i for i, e in enumerate(entries)
                                             if slug in {p.slug for p in e.provinces}]
    for year in {e.year for e in entries}:
        assert index.filter(f"y-{year}") == [i for i, e in enumerate(entries) if e.year == year]


def test_page_chrome_is_not_indexed(sample_index):
    index, entries = sample_index
    for i in range(len(entries)):
        text = index.card(i)["x"]
        assert "ข่าวที่เกี่ยวข้อง" not in text and "ดูข่าวเพิ่มเติม" not in text


def test_title_markup_stays_text_in_the_index(tmp_path):
    root = make_project(tmp_path / "x")
    write_entry(root, "2564/2020-11-06-a.md", "title: '<b>ประชุม</b> & \"คุณธรรม\"'\n"
                "date: 2020-11-06\nauthor: ก\nprovince: น่าน", body="<em>เนื้อหา</em> ข่าว &amp; ภาพ")
    built = build(root)
    assert built.ok, built.output
    card = SearchIndex(built.site).card(0)
    assert card["t"] == '<b>ประชุม</b> & "คุณธรรม"'         # shown with textContent
    assert card["x"] == "เนื้อหา ข่าว & ภาพ"


def test_a_failed_index_fails_the_build(tmp_path, monkeypatch, caplog):
    root = make_project(tmp_path / "x")
    write_entry(root, "2564/2020-11-06-a.md", "title: ข่าว\ndate: 2020-11-06\nauthor: ก\nprovince: น่าน")
    broken = tmp_path / "broken.mjs"
    broken.write_text("process.stderr.write('index exploded'); process.exit(3);\n")
    monkeypatch.setattr(search, "INDEX_SCRIPT", broken)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort
    config = load_config(str(root / "mkdocs.yml"))
    with pytest.raises(Abort):
        mkdocs_build(config)
    assert "the search index could not be built:\nindex exploded" in caplog.text


def test_fields_are_candidates_and_rank_like_the_title(sample_index):
    """Each entry is a candidate for its provinces' names (Thai, English, aliases), its
    tags, writers and photographers, with the title's mark on every key."""
    index, entries = sample_index
    for i, e in enumerate(entries):
        names = [n for p in e.provinces for n in (p.name_th, *aliases(p))]
        for name in [*names, *e.tags, *e.authors, *e.photographers]:
            for word in normalize(name).split():
                if len(word) < 2:
                    continue
                assert i in index.candidates(word), (e.slug, word)
                for key in word_keys(word):
                    weight = dict(index.postings(key))[i]
                    assert weight & 128, (e.slug, word)
        card = index.card(i)
        assert [tuple(f) for f in card["f"]] == [
            *(("province", p.name_th, *aliases(p)) for p in e.provinces),
            *(("tag", t) for t in e.tags), *(("author", a) for a in e.authors),
            *(("photographer", a) for a in e.photographers)]
    bangkok = {i for i, e in enumerate(entries) if any(p.slug == "bangkok" for p in e.provinces)}
    assert bangkok and bangkok <= index.candidates(normalize("กทม."))
    assert index.manifest["tags"] == sorted({t for e in entries for t in e.tags})
    assert index.manifest["people"] == sorted({a for e in entries
                                               for a in (*e.authors, *e.photographers)})


def test_what_the_index_proves_about_a_word_is_never_wrong(sample_site, sample_index):
    """The sides of each run (presence) say a word surely is, or surely is not, in a
    candidate; checked against the cards for 2,000 pieces of the archive's own text and
    words of the issue: never wrong, and deciding most candidates."""
    index, entries = sample_index
    out = node(f"""
        import {{ readFileSync }} from "node:fs";
        import {{ gunzipSync }} from "node:zlib";
        import * as core from "{CORE}";
        const dir = {json.dumps(str(sample_site.site / "search"))};
        const manifest = JSON.parse(readFileSync(`${{dir}}/index.json`, "utf8"));
        const shards = new Map();
        const shard = (n) => {{
          if (!shards.has(n)) shards.set(n, core.readShard(new Uint8Array(
            gunzipSync(readFileSync(`${{dir}}/i/${{n}}.bin`)))));
          return shards.get(n);
        }};
        const texts = [];
        for (let i = 0; i < manifest.docs; i++) {{
          const c = JSON.parse(gunzipSync(readFileSync(`${{dir}}/d/${{i}}.bin`)).toString());
          texts.push(core.normalize([c.t, c.x, ...c.f.flatMap(([, ...n]) => n)].join("\\n"), false).text);
        }}
        const words = JSON.parse(readFileSync(0, "utf8"));
        let seed = 5;
        const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        while (words.length < 2000) {{
          const t = texts[Math.floor(rnd() * texts.length)];
          const at = Math.floor(rnd() * t.length);
          const w = t.slice(at, at + 4 + Math.floor(rnd() * 9));
          if (w.length >= 4 && !w.includes(" ")) words.push(w);
        }}
        const tally = {{ sure: 0, out: 0, open: 0, wrong: [] }};
        for (const raw of words) {{
          const w = core.normalize(raw).text;
          const runs = core.wordRuns(w);
          const lists = runs.map((k) => shard(core.shardOf(k, manifest.shards)).get(k));
          if (lists.some((l) => !l)) continue;
          for (let id = 0; id < manifest.docs; id++) {{
            const at = lists.map(([ids]) => ids.indexOf(id));
            if (at.some((i) => i < 0)) continue;
            const p = core.presence(w, at.map((i, r) => lists[r][2][i]), at.map((i, r) => lists[r][3][i]));
            const holds = texts[id].includes(w);
            if (p === 1) tally.sure++; else if (p === -1) tally.out++; else tally.open++;
            if ((p === 1 && !holds) || (p === -1 && holds)) tally.wrong.push([raw, id, p]);
          }}
        }}
        process.stdout.write(JSON.stringify(tally));""",
        ["คุณธรรม", "การประชุม", "ประชุม", "เยาวชน", "ขับเคลื่อน", "งบประมาณ", "ชุมชน",
         "ครอบครัว", "จังหวัด", "ผู้ว่าราชการ", "เครือข่ายทางสังคม", "ศาลากลาง"])
    assert out["wrong"] == []
    decided = out["sure"] + out["out"]
    # most candidates are decided by the index alone (74% on the sample with photo captions)
    assert out["out"] > 0 and decided > 2.5 * out["open"], out


def test_a_vocabulary_word_lists_exactly_the_entries_that_hold_it(sample_index):
    """Each word of the index's vocabulary (four characters or more: the segmenter's
    words and the nouns การ and ความ make of them) that an entry holds is in the index
    with exactly the entries whose text, title or a field holds it anywhere (inside a
    longer word too), each with its count in the text and its title mark. A word no
    entry holds is not listed (the browser takes its runs of three)."""
    index, entries = sample_index
    vocabulary = {normalize(w) for w in search_words(for_archive(build_archive(entries)).vocabulary)}
    vocabulary = {w for w in vocabulary if len(w) >= 2 and " " not in w}
    assert {"ของ", "จาก", "ให้", "ปี", "งาน"} <= vocabulary and not {"โล่", "ทุจ"} & vocabulary
    people = {normalize(p) for e in entries for p in (*e.authors, *e.photographers)}
    assert {part for p in people for part in p.split() if len(part) >= 4} <= vocabulary
    cards = [index.card(i) for i in range(index.manifest["docs"])]
    parts = [(normalize(c["x"]), [normalize(c["t"]), *(normalize(n) for f in c["f"] for n in f[1:])])
             for c in cards]
    everything = "\n".join(f"{text}\n" + "\n".join(marked) for text, marked in parts)
    present = {w for w in vocabulary if w in everything}
    assert len(present) > 1000 and {"ผู้ว่าราชการ", "การขับเคลื่อน", "ความร่วมมือ"} <= present
    assert "การขับเคลื่อน" not in for_archive(build_archive(entries)).vocabulary
    for word in random.Random(7).sample(sorted(vocabulary - present), 300):
        assert index.word(word) is None, word
    for word in sorted(present):
        find = re.compile(f"(?={re.escape(word)})")
        want = []
        for i, (text, marked) in enumerate(parts):
            n, title = len(find.findall(text)), any(word in m for m in marked)
            if n or title:
                want.append((i, min(n or 1, 127) | (128 if title else 0)))
        assert index.word(word) == want, word
    for word in random.Random(5).sample(sorted(present), 200):
        assert index.places(word) == _places_kept(index, parts, word), word
    # Not words of the vocabulary: the browser takes their runs of three.
    assert index.word("ฟุตบอลโลกคุณธรรม") is None and index.word("ประชุมคณะ") is None


def _places_kept(index, parts: list[tuple[str, list[str]]], word: str) -> dict[int, list[int]] | None:
    """A vocabulary word's places as the index keeps them: none for a word whose
    counts reach the manifest's pair_count alone (it makes a pair with every word
    beside it, whose places the browser reads instead)."""
    places = _expected_places(parts, word)
    if not places or _counted(parts, word) >= index.manifest["pair_count"]:
        return None
    return places


def _expected_places(parts: list[tuple[str, list[str]]], word: str) -> dict[int, list[int]]:
    """entry id -> the word's places (search_core.mjs readPlaces): in the text from 0,
    then in the title and each field, each part starting one after the previous one's
    end; written again from the format's rules."""
    find = re.compile(f"(?={re.escape(word)})")
    out = {}
    for i, (text, marked) in enumerate(parts):
        places, base = [], 0
        for part in (text, *marked):
            places += [base + m.start() for m in find.finditer(part)]
            base += len(part) + 1
        if places:
            out[i] = places
    return out


def _side(c: str | None) -> int:
    """search_core.mjs sideCode, written again."""
    if c is None or c == " ":
        return 0
    if 0x0E00 < ord(c) <= 0x0E7F:
        return ord(c) - 0x0E00
    if 32 < ord(c) < 127:
        return ord(c) + 95
    return 254


def _expected_postings(docs: list[dict]) -> dict[int, dict[int, tuple]]:
    """key -> id -> (weight, before, after) (sides None for a pair), from the texts,
    titles and fields by the format's rules, independently of search_index.mjs."""
    out: dict[int, dict[int, tuple]] = {}
    for d in docs:
        counts: Counter[int] = Counter()
        marked: set[int] = set()
        sides: dict[int, tuple[int, int]] = {}
        parts = [(d["text"], False), (d["title"], True),
                 *((n, True) for f in d["fields"] for n in f[1:])]
        for raw, title in parts:
            text = normalize(raw)
            for i in range(len(text) - 1):
                piece = text[i:i + 3]
                if " " in piece[:2]:
                    continue
                keys = [(word_keys(piece[:2]).pop(), None)]
                if len(piece) == 3 and piece[2] != " ":
                    around = (_side(text[i - 1] if i else None),
                              _side(text[i + 3] if i + 3 < len(text) else None))
                    keys.append((word_keys(piece).pop(), around))
                for key, around in keys:
                    if title:
                        marked.add(key)
                    else:
                        counts[key] += 1
                    if around:
                        was = sides.get(key, around)
                        sides[key] = (was[0] if was[0] == around[0] else 255,
                                      was[1] if was[1] == around[1] else 255)
        for key in counts.keys() | marked:
            weight = min(counts[key] or 1, 127) | (128 if key in marked else 0)
            out.setdefault(key, {})[d["id"]] = (weight, *sides.get(key, (None, None)))
    return out


PAIR_COUNT = 60         # the tests' least counts of two words that make a pair word


def _counted(parts: list[tuple[str, list[str]]], word: str) -> int:
    """The counts of a word's postings, summed: in each entry holding it, how often
    its text has it (at most 127), 1 if only its title or a field has it."""
    return sum(min(len([p for p in at if p < len(parts[i][0])]) or 1, 127)
               for i, at in _expected_places(parts, word).items())


def _pair_words(parts: list[tuple[str, list[str]]], vocabulary: list[str], least: int) -> set[str]:
    """search_index.mjs pairWords written again: two vocabulary words whose counts
    reach ``least`` together, one right after the other in some part of an entry,
    are a word (unless the vocabulary has it)."""
    totals = {w: _counted(parts, w) for w in vocabulary}
    everything = "\n".join(f"{text}\n" + "\n".join(marked) for text, marked in parts)
    known = set(vocabulary)
    return {a + b for a in vocabulary for b in vocabulary
            if totals[a] + totals[b] >= least and a + b not in known and a + b in everything}


def test_each_posting_says_its_count_title_mark_sides_and_places_in_any_order(tmp_path):
    """The indexer's postings for random texts with many keys (their arrays grow while
    an entry is read), entries sent in the archive's order and shuffled: the same
    bytes, each posting's weight and sides those of its entry's text and title, each
    vocabulary word's places those of its entries, and the pairs of frequent words
    written together listed as words, with their entries and places."""
    rng = random.Random(11)
    alphabet = THAI + "  AbZ09"

    def text(n: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(n))

    docs, pieces = [], set()
    for i in range(150):
        words = [text(rng.randint(2, 9)) for _ in range(rng.randint(0, 40))]
        pieces.update(words)
        docs.append({"id": i, "url": f"news/{i}/", "title": text(rng.randint(0, 200)),
                     "date": "1 ตุลาคม 2567", "provinces": [["น่าน", "nan"]], "year": 2568,
                     "fields": [["province", "น่าน", "Nan"], ["tag", text(12)]],
                     "text": "".join(rng.choice(words) + rng.choice(("", " ", " "))
                                     for _ in range(rng.randint(0, 300))) if words else ""})
    # (the words of the texts, some written together: a pair is two of them)
    vocabulary = sorted({normalize(w) for w in pieces if len(normalize(w)) >= 2 and " " not in normalize(w)})[::5]
    built = {}
    for order, sent in (("archive", docs), ("shuffled", rng.sample(docs, len(docs)))):
        site = tmp_path / order
        lines = [json.dumps({"out": str(site / "search"), "docs": len(docs), "words": vocabulary,
                             "pair_count": PAIR_COUNT}, ensure_ascii=False)]
        lines += [json.dumps(d, ensure_ascii=False) for d in sent]
        subprocess.run(["node", str(search.INDEX_SCRIPT)], input="\n".join(lines) + "\n",
                       text=True, encoding="utf-8", capture_output=True, check=True)
        built[order] = {f.relative_to(site).as_posix(): f.read_bytes()
                        for f in sorted(site.rglob("*")) if f.is_file()}
    assert built["archive"] == built["shuffled"]
    index = SearchIndex(tmp_path / "archive")
    want = _expected_postings(docs)
    assert len(want) > 20_000                     # the indexer's first arrays hold 4,096
    for key, by_id in want.items():
        postings = index.postings(key)            # (reads the key's shard and its sides)
        before, after = index.sides.get(key, (None, None))
        got = {i: (w, before[n] if before else None, after[n] if after else None)
               for n, (i, w) in enumerate(postings)}
        assert got == by_id, key
    parts = [(normalize(d["text"]), [normalize(d["title"]), *(normalize(n) for f in d["fields"] for n in f[1:])])
             for d in docs]
    assert len(vocabulary) > 100
    assert index.manifest["pair_count"] == PAIR_COUNT
    assert any(len(w) < 4 and index.word(w) for w in vocabulary)
    frequent = [w for w in vocabulary if _counted(parts, w) >= PAIR_COUNT]
    assert 0 < len(frequent) < len(vocabulary) / 2
    for word in vocabulary:
        assert index.places(word) == _places_kept(index, parts, word), word
    pairs = _pair_words(parts, vocabulary, PAIR_COUNT)
    rare = _pair_words(parts, vocabulary, 0) - pairs
    assert len(pairs) > 10 and len(rare) > 50
    for word in rare:
        assert index.word(word) is None, word
    assert not any(index.is_pair(w) for w in vocabulary if index.word(w))
    for word in pairs:
        places = _expected_places(parts, word)
        assert index.places(word) == places and index.is_pair(word), word
        assert index.word(word) == [
            (i, min(len([p for p in at if p < len(parts[i][0])]) or 1, 127)
             | (128 if at[-1] >= len(parts[i][0]) else 0)) for i, at in sorted(places.items())], word


NAMES = ["อุดรธานี", "Udon Thani", "นครราชสีมา", "โคราช", "Korat", "กรุงเทพมหานคร", "กทม.", "กทม",
         "สมัชชาคุณธรรม", "เครือข่ายทางสังคม", "ต่อต้านการทุจริต", "กิตติพงษ์ ชัยมงคล",
         "วรรณิภา ทองสุข", "MOU", "น่าน", "ลำปาง", "ลำพูน", "ชลบุรี", "Chonburi"]
TYPED = ["อุดรทานี", "อุดร", "udon", "โคราด", "กทม.", "จังหวัดน่าน", "ลำปน", "ลำ", "สมัชาคุณธรรม",
         "ต่อต้านทุจริต", "กิตติพง ชัยมงคล", "วรรณภา ทองสุก", "mou", "ชลบุลี", "ฟุตบอลโลก", "", "ก",
         "เครือข่าย สังคม", "Kora", "อุบลราชธานี"]


def test_the_box_offers_the_name_check_would(sample_site):
    """search_core.mjs nearest is province.py nearest written again: same answers."""
    want = [nearest(t, {name_key(n): n for n in NAMES}) for t in TYPED]
    got = node(f"""
        import {{ readFileSync }} from "node:fs";
        import {{ nearest }} from "{CORE}";
        const [names, typed] = JSON.parse(readFileSync(0, "utf8"));
        process.stdout.write(JSON.stringify(typed.map((t) => nearest(t, names.map((n) => [n, n])))));""",
        [NAMES, TYPED])
    assert got == want
    assert want[0] == "อุดรธานี" and want[3] == "โคราช" and want[8] == "สมัชชาคุณธรรม"
    assert provinces.suggest("อุดรทานี").name_th == "อุดรธานี"      # check's own suggestion
