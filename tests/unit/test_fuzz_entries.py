"""Random entries, of every type and shape, never escape as an exception.

The property: ``read_entry`` gives either (Entry, []) or (None, [Problem, …]) where
each Problem names the file, a line (an int, 0 or more) and a field, in one
printable line. An Entry goes on through the archive, the pages and the feeds
without an exception, and its Atom feed is XML. Nothing hangs: every case runs
under a time limit, and alias bombs are measured for time and memory.

The YAML text itself is generated (keys, scalars in every quoting style, flow
and block collections, tags, anchors and aliases, dates out of range, odd
Unicode), then sometimes damaged, so broken YAML is covered too; other cases
are mappings dumped by PyYAML and good entries with a few fields changed.

The normal run tries DEFAULT_EXAMPLES cases per test. The fuzz target tries
NEWSROOM_FUZZ_EXAMPLES (default 10,000) and runs only when asked:

    NEWSROOM_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest -q -m fuzz tests/test_fuzz_entries.py
"""

from __future__ import annotations

import dataclasses

import json
import os
import signal
import time
import tracemalloc
import unicodedata
import xml.etree.ElementTree as ElementTree
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from newsroom.model.archive import build_archive
from newsroom.read.entry import read_entry
from tests.helpers import identity
from newsroom.read.fields import NAMES as FIELDS
from newsroom.plan.feeds import atom, json_feed, plan_feeds
from newsroom.plan.pages import EntryView
from newsroom.plan.site_plan import plan_site

DEFAULT_EXAMPLES = 300
FUZZ_EXAMPLES = int(os.environ.get("NEWSROOM_FUZZ_EXAMPLES", "10000"))
CASE_SECONDS = 10          # one case, read and (if it passes) planned: far above the usual ms
SITE = identity("https://example.org/")
SOURCE = "news/2564/2020-11-06-fuzz.md"


def _settings(examples: int, fixed: bool = True) -> settings:
    """``fixed``: the same cases every run (the normal suite); else new cases each run,
    reproducible with --hypothesis-seed=N or the printed @reproduce_failure blob."""
    return settings(max_examples=examples, deadline=None, derandomize=fixed, database=None,
                    print_blob=not fixed,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


# --------------------------------------------------------------------------
# Text pieces
# --------------------------------------------------------------------------

# Unicode a writer's editor or a copy and paste can bring: bidi marks and overrides,
# zero-width characters, combining marks without a base, C0/C1 controls, line and
# paragraph separators, noncharacters, astral characters.
ODD_CHARS = ["\u200f", "\u200e", "\u202e", "\u2066", "\u2069", "\u200b", "\u200c", "\u200d",
             "\ufeff", "\u0301", "\u0e48\u0e48", "\u0e31", "\x00", "\x07", "\x08", "\x0b", "\x0c",
             "\x1b", "\x1f", "\x7f", "\x85", "\x9f", "\u2028", "\u2029", "\ufffd", "\ufffe",
             "\uffff", "\U0010ffff", "\U0001f600", "\t", "\r", "\n", "\u00a0", "\u3000"]
THAI = "กขคงจฉชซณดตถทนบปผพฟภมยรลวศสหอฮะาิีึืุูเแโใไ่้๊๋็์ำๆฯ๑๒๓ "
HOSTILE = ['<script>alert(1)</script>', '" onmouseover="alert(1)', "javascript:alert(1)",
           "</script><script>alert(1)</script>", "]]>", "<![CDATA[x]]>", "&amp;&lt;&#0;&#xD800;",
           "<svg onload=alert(1)>", "{{ config }}", "{% raw %}", "\\", "%s%n", "../../etc/passwd",
           "/etc/passwd", "C:\\x", "file:///etc/passwd", "x" * 600, "ก" * 501]
VALUES = ["2020-11-06", "2563-11-06", "2020-02-30", "6 พ.ย. 63", "อุดร", "อุดรธานี", "กทม.",
          "Udon Thani", "udon thani", "น่าน", "นาน", "Nan", "2564", "2021", "cover.jpg", "a-b-c",
          "ก ไก่", "ข ไข่"]

any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
thai_text = st.text(alphabet=st.sampled_from(THAI), min_size=1, max_size=30)
odd_text = st.lists(st.one_of(st.sampled_from(ODD_CHARS), thai_text,
                              st.text(st.characters(blacklist_categories=("Cs",)), max_size=3)),
                    max_size=6).map("".join)
words = st.one_of(st.sampled_from(VALUES), st.sampled_from(HOSTILE), thai_text, any_text, odd_text)


# --------------------------------------------------------------------------
# YAML text: a small tree of nodes, rendered in flow or block style
# --------------------------------------------------------------------------

def _single(text: str) -> str:
    return "'" + text.replace("'", "''").replace("\n", " ") + "'"


def _double(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ch in "\x7f\x85\u2028\u2029\ufeff":
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


ESCAPES = ["\\0", "\\a", "\\e", "\\x07", "\\x85", "\\u200b", "\\u202e", "\\U0001F600", "\\ud800",
           "\\N", "\\_", "\\L", "\\P", "\\q", "\\x", "\\u12", "\\\n"]


def _date_text(year: int, month: int, day: int, time_: str, zone: str) -> str:
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}{time_}{zone}"


dates = st.builds(_date_text, st.one_of(st.integers(1985, 2160), st.integers(2400, 2800),
                                        st.integers(-10, 99999)),
                  st.integers(0, 13), st.integers(0, 32),
                  st.sampled_from(["", "T10:00:00", " 13:30", "T25:61:00", "T23:59:59.999999",
                                   "t10:00", " 00:00:00"]),
                  st.sampled_from(["", "Z", "+07:00", "+14:00", "-12:00", "+24:00", "+0700"]))

numbers = st.one_of(
    st.integers(-10**20, 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from([".inf", "-.inf", ".nan", "0x1F", "0o17", "0b101", "1_000", "+1", "-0",
                     "1e400", "1e-400", "2564.0", "9" * 5000, "0" * 3000 + "1", "1:20:30"]))

plain_words = st.one_of(st.sampled_from(VALUES), thai_text,
                        st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                                max_size=20))

scalar_text = st.one_of(
    plain_words,                                   # plain; may well be broken YAML
    words.map(_single),
    words.map(_double),
    st.lists(st.one_of(st.sampled_from(ESCAPES), plain_words), min_size=1, max_size=4).map(
        lambda parts: '"' + "".join(parts).replace('"', "") + '"'),
    numbers,
    dates,
    st.sampled_from(["true", "false", "yes", "no", "on", "off", "True", "~", "null", "Null", "",
                     "''", '""', "-", "?", ":", "|", ">", "&", "*", "!", "%", "@", "`", "#x",
                     "[", "]", "{", "}", ",", "- -", ": :", "'", '"']),
)

TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!binary", "!!timestamp", "!!set",
        "!!omap", "!!pairs", "!!map", "!!seq", "!!merge", "!!python/object:os.system",
        "!!python/object/apply:os.system", "!!python/name:os.system", "!!python/tuple",
        "!custom", "!tag", "!<tag:example.org,2000:x>", "!<!>", "!!", "!x!y"]
ANCHORS = ["a", "b", "c"]
decoration = st.tuples(st.one_of(st.none(), st.sampled_from(TAGS)),
                       st.one_of(st.none(), st.sampled_from(ANCHORS)))

# A node: ("scalar", text) | ("alias", name) | ("seq", [node], flow) | ("map", [(key, node)], flow)
# each wrapped as (node, (tag, anchor)).
scalar_node = st.tuples(st.tuples(st.just("scalar"), scalar_text), decoration)
alias_node = st.tuples(st.tuples(st.just("alias"), st.sampled_from(ANCHORS + ["undefined"])),
                       st.just((None, None)))
field_keys = st.one_of(st.sampled_from(FIELDS), st.sampled_from(FIELDS).map(str.upper),
                       plain_words, words.map(_double),
                       st.sampled_from(["1", "2020-11-06", "true", "~", "null", ".nan", "[a, b]",
                                        "{a: 1}", "<<", "!!binary aGk=", "&k title", "*k",
                                        "*a", "? title", "? [x]", "-", "title title", "'title'",
                                        '"title"', "title ", " title", "\u200btitle"]))


def _collections(inner):
    return st.one_of(
        st.tuples(st.tuples(st.just("seq"), st.lists(inner, max_size=5), st.booleans()),
                  decoration),
        st.tuples(st.tuples(st.just("map"), st.lists(st.tuples(field_keys, inner), max_size=4),
                            st.booleans()), decoration))


node = st.recursive(st.one_of(scalar_node, alias_node), _collections, max_leaves=12)


def _prefix(decor: tuple[str | None, str | None]) -> str:
    tag, anchor = decor
    return "".join(f"{p} " for p in (tag, f"&{anchor}" if anchor else None) if p)


def _flow(n) -> str:
    (kind, *rest), decor = n
    if kind == "scalar":
        return _prefix(decor) + rest[0]
    if kind == "alias":
        return f"*{rest[0]}"
    if kind == "seq":
        return _prefix(decor) + "[" + ", ".join(_flow(x) for x in rest[0]) + "]"
    return _prefix(decor) + "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in rest[0]) + "}"


def _block(n, indent: int) -> str:
    """The value after 'key:' — inline for scalars and flow, else indented lines."""
    (kind, *rest), decor = n
    if kind in ("scalar", "alias") or rest[1] or not rest[0]:
        return " " + _flow(n)
    pad = " " * indent
    head = " " + _prefix(decor).rstrip() if _prefix(decor) else ""
    if kind == "seq":
        return head + "".join(f"\n{pad}-{_block(x, indent + 2)}" for x in rest[0])
    return head + "".join(f"\n{pad}{k}:{_block(v, indent + 2)}" for k, v in rest[0])


def _mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Damage the text: at each (position, length to delete, text to insert)."""
    for at, length, insert in edits:
        at = at % (len(text) + 1)
        text = text[:at] + insert + text[at + length:]
    return text


GOOD_FIELDS = [("title", "ประชุมหารือ"), ("date", "2020-11-06"), ("author", "ก ไก่"),
               ("province", "น่าน")]

bodies = st.one_of(
    st.just("ข้อความข่าว"), st.just(""), thai_text, any_text, odd_text, st.sampled_from(HOSTILE),
    st.sampled_from(["![ภาพ](../../secret.jpg)", '<img src="/etc/passwd">', "![x](cover.jpg)",
                     "![x](https://example.org/x.jpg)", "# หัวข้อ\n\nย่อหน้า", "---\ntitle: x\n---",
                     "[ลิงก์](javascript:alert(1))", "| a |\n|---|\n| b |"]))


OPTIONAL = ([f for f in FIELDS if f not in dict(GOOD_FIELDS)] + ["title", "author", "province"]
            + ["title", "author", "photographer", "tags", "summary"] * 3)   # the text shown most
plausible = st.one_of(  # values that often pass, so the pipeline after read_entry gets tried
    words.map(_double), words.map(_single), plain_words,
    st.lists(st.one_of(words.map(_double), plain_words), min_size=1, max_size=4).map(
        lambda xs: "[" + ", ".join(xs) + "]"),
    st.sampled_from(["true", "false", "2564", "2563", "a-b", "อุดรธานี", "[กทม., Nan]", "Udon Thani"]))


@st.composite
def yaml_documents(draw) -> bytes:
    if draw(st.booleans()):                         # a good entry with plausible fields, half
        pairs = [(k, " " + v) for k, v in GOOD_FIELDS]
        pairs += [(k, " " + v) for k, v in draw(st.lists(st.tuples(st.sampled_from(OPTIONAL),
                                                                    plausible), max_size=5))]
        front = "\n".join(f"{k}:{v}" for k, v in pairs)
        body = draw(st.one_of(thai_text, st.sampled_from(HOSTILE), odd_text.map(lambda t: "ข่าว" + t)))
        return f"---\n{front}\n---\n\n{body}\n".encode("utf-8", "surrogatepass")
    pairs = []
    if draw(st.booleans()):                         # start from a good entry half the time
        pairs += [(k, " " + v) for k, v in GOOD_FIELDS]
    for key, value in draw(st.lists(st.tuples(field_keys, node), max_size=8)):
        pairs.append((key, _block(value, 2)))
    if draw(st.booleans()):
        draw(st.randoms()).shuffle(pairs)
    front = "\n".join(f"{k}:{v}" for k, v in pairs)
    front = draw(st.sampled_from([front, front, front, "- " + front, front + "\n---\nsecond: 1",
                                  "%YAML 1.1\n" + front, "{" + front + "}", front + "\n...",
                                  front.replace("\n", "\n  ")]))
    if draw(st.integers(0, 3)) == 0:                # broken YAML, a quarter of the time
        front = _mutate(front, draw(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 5),
                                                       st.one_of(st.sampled_from(
                                                           [":", "-", "[", "{", "'", '"', "&a",
                                                            "*a", "!!", "\t", "\n", "\n  ", "#",
                                                            "? ", "%", "\x00", "\x1b"]),
                                                           any_text)),
                                             min_size=1, max_size=3)))
    opening = draw(st.sampled_from(["---\n", "---\n", "\ufeff---\n", "--- \n", "", "----\n",
                                    "\n---\n", "--- # comment\n"]))
    closing = draw(st.sampled_from(["\n---\n", "\n---\n", "\n...\n", "\n--- \n", "", "\n"]))
    text = f"{opening}{front}{closing}\n{draw(bodies)}\n"
    if draw(st.integers(0, 4)) == 0:
        text = text.replace("\n", "\r\n")
    return text.encode("utf-8", "surrogatepass")


# --------------------------------------------------------------------------
# Mappings dumped by PyYAML, and good entries with fields changed
# --------------------------------------------------------------------------

scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(),
                   words, st.dates(), st.datetimes(), st.binary(max_size=8))
value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(any_text, inner, max_size=3)),
                     max_leaves=8)
front_maps = st.dictionaries(st.one_of(st.sampled_from(FIELDS), any_text, st.integers(),
                                       st.booleans(), st.none()), value, max_size=12)
VALID = {"title": "ประชุมหารือ", "date": "2020-11-06", "author": "ก ไก่", "province": "น่าน",
         "tags": ["เยาวชน"]}


def _dumped(data: dict, body: str) -> bytes | None:
    try:
        dumped = yaml.safe_dump(data, allow_unicode=True)
    except (yaml.YAMLError, ValueError, TypeError):
        return None
    return f"---\n{dumped}---\n\n{body}\n".encode("utf-8", "surrogatepass")


dumped_documents = st.builds(_dumped, front_maps, bodies).filter(bool)
changed_documents = st.builds(
    lambda changes, body: _dumped({**VALID, **changes}, "ข้อความ " + body),
    st.dictionaries(st.sampled_from(FIELDS), value, min_size=1, max_size=3), bodies).filter(bool)


# --------------------------------------------------------------------------
# Alias bombs ("billion laughs"): aliases of aliases, in every place a value goes
# --------------------------------------------------------------------------

def bomb(width: int, depth: int, kind: str, target: str) -> str:
    """Front matter whose aliases expand to width**depth values if anything expands them."""
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, depth):
        refs = ", ".join([f"*l{i - 1}"] * width)
        if kind == "merge":      # merge keys: PyYAML copies the merged pairs into each mapping
            lines[0] = "l0: &l0 {" + ", ".join(f"k{j}: lol" for j in range(width)) + "}"
            lines.append(f"l{i}: &l{i} {{<<: [{refs}]}}")
        else:
            lines.append(f"l{i}: &l{i} [{refs}]")
    top = f"*l{depth - 1}"
    use = {"value": f"{target}: {top}", "omap": f"{target}: !!omap [k: {top}]",
           "pairs": f"{target}: !!pairs [k: {top}]", "list": f"{target}: [{top}, {top}]",
           "key": f"? {top}\n: x", "merge": f"{target}: {top}"}[kind]
    good = "\n".join(f"{k}: {v}" for k, v in GOOD_FIELDS if k != target)
    return f"---\n{chr(10).join(lines)}\n{good}\n{use}\n---\n\nข้อความ\n"


bombs = st.builds(bomb, st.integers(2, 10), st.integers(2, 12),
                  st.sampled_from(["value", "omap", "pairs", "list", "key", "merge"]),
                  st.sampled_from(FIELDS)).map(str.encode)


# --------------------------------------------------------------------------
# The property
# --------------------------------------------------------------------------

@contextmanager
def time_limit(seconds: float):
    """Fail a case that runs too long (a hang would otherwise stop the suite)."""
    def expired(signum, frame):
        raise TimeoutError(f"a case took over {seconds} s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def check(tmp: Path, raw: bytes) -> None:
    path = tmp / SOURCE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    with time_limit(CASE_SECONDS):
        entry, problems = read_entry(path, tmp)
        if currently_in_test_context():     # --hypothesis-show-statistics: how many pass
            event("entry" if entry else "problems")
        if entry is None:
            assert problems
            for p in problems:
                assert p.path == SOURCE
                assert type(p.line) is int and p.line >= 0
                assert isinstance(p.field, str) and p.field.strip()
                assert isinstance(p.message, str) and p.message.strip()
                shown = str(p)
                shown.encode("utf-8")                       # printable on any UTF-8 terminal
                assert not any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in shown), \
                    repr(shown)                             # one line, no control characters
            return
        assert problems == []
        assert path.read_bytes() == raw                     # the writer's file is left alone
        for text in (entry.title, entry.summary, *entry.authors, *entry.photographers,
                     *entry.tags, entry.slug):
            text.encode("utf-8")
        archive = build_archive([entry])
        plan = plan_site(archive, SITE)
        for page in plan.pages:
            json.dumps(dataclasses.asdict(page.view), ensure_ascii=False, default=str).encode("utf-8")
            if isinstance(page.view, EntryView):
                ld = page.view.sharing.json_ld
                assert "<" not in ld and ">" not in ld and "&" not in ld
                assert json.loads(ld)["headline"] == entry.title
        for feed in plan_feeds(archive, SITE):
            root = ElementTree.fromstring(atom(feed, SITE))
            titles = [t.text for t in root.iter("{http://www.w3.org/2005/Atom}title")]
            assert entry.title in titles
            assert json.loads(json_feed(feed, SITE))["items"][0]["title"] == entry.title


documents = st.one_of(yaml_documents(), yaml_documents(), changed_documents, dumped_documents, bombs)


@_settings(DEFAULT_EXAMPLES)
@given(raw=yaml_documents())
def test_generated_yaml_text(tmp_path, raw):
    check(tmp_path, raw)


@_settings(DEFAULT_EXAMPLES)
@given(raw=dumped_documents)
def test_random_front_matter(tmp_path, raw):
    check(tmp_path, raw)


@_settings(DEFAULT_EXAMPLES)
@given(raw=changed_documents)
def test_a_few_fields_wrong_in_a_good_entry(tmp_path, raw):
    """What still passes goes on through archives, pages and feeds."""
    check(tmp_path, raw)


@_settings(50)
@given(raw=bombs)
def test_random_alias_bombs(tmp_path, raw):
    check(tmp_path, raw)


@pytest.mark.fuzz
@_settings(FUZZ_EXAMPLES, fixed=False)
@given(raw=documents)
def test_fuzz_entries(tmp_path, raw):
    """All of the above, NEWSROOM_FUZZ_EXAMPLES new cases (default 10,000): run with -m fuzz."""
    check(tmp_path, raw)


# --------------------------------------------------------------------------
# Fixed cases: YAML's odd corners, each on its own and in a good entry
# --------------------------------------------------------------------------

YAML_ODDITIES = [
    "title: !!python/object/apply:os.system ['echo hi']",
    "title: !!python/object/new:os.system ['echo hi']",
    "title: !!python/name:os.system",
    "title: !!binary aGVsbG8=",
    "title: !custom tag",
    "title: !!timestamp 2020-11-06",
    "date: !!timestamp 2020-11-06T10:00:00+05:00",
    "date: !!timestamp 1990-01-01T00:00:00+14:00",
    "tags: !!set {a, b}",
    "tags: !!omap [a: 1, b: 2]",
    "title: a\ntitle: b",
    "? [complex, key]\n: value",
    "? {a: 1}\n: value",
    "1: one\ntrue: yes\n~: nothing\n.nan: nan",
    "<<: {title: merged}",
    "<<: 1",
    "title: &a x\nauthor: *a",
    "title: *undefined",
    "a: &a [*a]",
    "title: 'unclosed",
    "- just\n- a list",
    "just text",
    "title: x\n  bad: indent",
    "\ttitle: tab",
    'title: "\\ud800"',
    'title: "\\x07bell"',
    'province: "\\e[2J\\nน่าน"',
    'date: "\\e[31m2020\\n"',
    "date: 2020-11-06T25:61:00",
    "date: 0000-01-01",
    "date: 9999-12-31",
    "date: -2020-01-01",
    "date: '２０２０-11-06'",
    "date: '๒๕๖๓-11-06'",
    "date: 2563-02-30",
    "year: 1e400",
    "year: " + "9" * 5000,
    "title: " + "9" * 5000,
    "tags: " + ", ".join(["t"] * 50),
    "tags: " + "[" * 3000 + "]" * 3000,
    "tags:\n" + "".join(" " * i + "- \n" for i in range(0, 400, 2)),
    "title: |\n  two\n  lines",
    "title: >-\n  folded\n\n  text",
    "%YAML 9.9\n---\ntitle: x",
    "title: x\n---\nsecond: document",
]


@pytest.mark.parametrize("oddity", YAML_ODDITIES)
def test_yaml_oddities(tmp_path, oddity):
    check(tmp_path, f"---\n{oddity}\n---\nbody\n".encode("utf-8"))
    good = "\n".join(f"{k}: {v}" for k, v in GOOD_FIELDS if not oddity.startswith(k + ":"))
    check(tmp_path, f"---\n{good}\n{oddity}\n---\n\nข้อความ\n".encode("utf-8"))


@pytest.mark.parametrize("kind", ["value", "omap", "pairs", "list", "key", "merge"])
def test_billion_laughs_is_bounded(tmp_path, kind):
    """Nine levels of nine aliases (387 million values if expanded) in each place a value
    goes: answered in well under a second and a few MB, with a problem naming the aliases."""
    raw = bomb(9, 9, kind, "tags").encode("utf-8")
    path = tmp_path / SOURCE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with time_limit(CASE_SECONDS):
            entry, problems = read_entry(path, tmp_path)
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert entry is None and problems
    assert seconds < 2 and peak < 20_000_000, (seconds, peak)
    assert any("alias" in p.message for p in problems), [str(p) for p in problems]


def test_a_few_aliases_are_still_fine(tmp_path):
    raw = ("---\ntitle: ข่าว\ndate: 2020-11-06\nauthor: &who ก ไก่\nphotographer: *who\n"
           "province: น่าน\n---\n\nข้อความ\n").encode("utf-8")
    path = tmp_path / SOURCE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    entry, problems = read_entry(path, tmp_path)
    assert problems == [] and entry.photographers == ("ก ไก่",)
