"""Random front matter, of every type and shape, never escapes as an exception.

Either read_entry gives an Entry that the rest of the pipeline (archive, pages,
feeds) takes, or it gives Problems, each naming the file, a line and a field.
NEWSROOM_FUZZ_EXAMPLES sets the number of cases (default 300; the team runs
10,000+ now and then: see the note on the bad-input issue).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.archive import build_archive
from newsroom.entry import FIELDS, read_entry
from newsroom.feed import atom, json_feed, plan_feeds
from newsroom.site import plan_site

EXAMPLES = int(os.environ.get("NEWSROOM_FUZZ_EXAMPLES", "300"))

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
thai = st.text(alphabet=st.sampled_from("กขคงจฉชซณดตถทนบปผพฟภมยรลวศสหอฮะาิีึืุูเแโใไ่้๊๋็์ำๆ ฯ"), max_size=30)
scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                   text, thai, st.dates(), st.datetimes(),
                   st.sampled_from(["2020-11-06", "2563-11-06", "2020-02-30", "6 พ.ย. 63", "อุดร",
                                    "กทม.", "Udon Thani", "2564", "2021", "", " ", "~", "null",
                                    "../x.jpg", "/etc/passwd", "x" * 600, "<script>alert(1)</script>",
                                    "\x00", "\x07bell", "\u202eRTL", "a\u200bb", "😀"]))
value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(text, inner, max_size=3)),
                     max_leaves=8)
keys = st.one_of(st.sampled_from(FIELDS), text)
front = st.dictionaries(keys, value, max_size=12)

YAML_ODDITIES = [
    "title: !!python/object/apply:os.system ['echo hi']",
    "title: !!binary aGVsbG8=",
    "title: !custom tag",
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "title: [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
    "title: a\ntitle: b",
    "? [complex, key]\n: value",
    "title: 'unclosed",
    "- just\n- a list",
    "title: x\n  bad: indent",
    "\ttitle: tab",
    "title: \"\\ud800\"",
    "date: 2020-11-06T25:61:00",
    "year: 1e400",
    "tags: " + ", ".join(["t"] * 50),
]


def check(tmp: Path, raw: bytes) -> None:
    path = tmp / "news" / "2564" / "2020-11-06-fuzz.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    entry, problems = read_entry(path, tmp)
    if entry is None:
        assert problems
        for p in problems:
            assert p.path == "news/2564/2020-11-06-fuzz.md"
            assert isinstance(p.line, int) and p.line >= 0 and p.field and p.message
            str(p)
        return
    assert problems == []
    archive = build_archive([entry])
    plan_site(archive, "https://example.org/")
    for feed in plan_feeds(archive):
        ElementTree.fromstring(atom(feed, "https://example.org/"))
        json_feed(feed, "https://example.org/")


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=front, body=st.one_of(text, thai, st.just("")))
def test_random_front_matter(tmp_path, data, body):
    try:
        dumped = yaml.safe_dump(data, allow_unicode=True)
    except (yaml.YAMLError, ValueError):
        return
    check(tmp_path, f"---\n{dumped}---\n\n{body}\n".encode("utf-8", "surrogatepass"))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(st.sampled_from(YAML_ODDITIES), text, thai), max_size=6),
       prefix=st.sampled_from(["---\n", "\ufeff---\n", "---\r\n", "", "--- \n"]))
def test_random_yaml_text(tmp_path, lines, prefix):
    check(tmp_path, (prefix + "\n".join(lines) + "\n---\nbody\n").encode("utf-8", "surrogatepass"))


def test_yaml_oddities_each(tmp_path):
    for oddity in YAML_ODDITIES:
        check(tmp_path, f"---\n{oddity}\n---\nbody\n".encode("utf-8", "surrogatepass"))


VALID = {"title": "ประชุมหารือ", "date": "2020-11-06", "author": "ก ไก่", "province": "น่าน",
         "tags": ["เยาวชน"]}


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(st.sampled_from(FIELDS), value, min_size=1, max_size=3),
       body=st.one_of(text, thai))
def test_one_field_wrong_in_a_good_entry(tmp_path, changes, body):
    """Start from a good entry and change a few fields, so that what still passes
    goes on through archives, pages and feeds."""
    try:
        dumped = yaml.safe_dump({**VALID, **changes}, allow_unicode=True)
    except (yaml.YAMLError, ValueError):
        return
    check(tmp_path, f"---\n{dumped}---\n\nข้อความ {body}\n".encode("utf-8", "surrogatepass"))
