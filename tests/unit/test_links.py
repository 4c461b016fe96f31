"""The body scanner sees no links in code, and its shortcuts change nothing.

``mask_code`` tries each code pattern only on a body holding what a match must
start with; these tests hold it to the patterns applied to every body.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom.read import links
from newsroom.read.links import mask_code, references


def _every_pattern(body: str) -> str:
    body = links._FENCE.sub(links._blank, body)
    body = links._INDENTED.sub(links._blank, body)
    return links._CODE_SPAN.sub(links._blank, body)


_PIECES = st.sampled_from(["\n", "\n\n", " ", "    ", "\t", "`", "``", "```", "~~~", "ก",
                           "[a](b.md)", "![p](p.jpg)", "\r\n", "> ", "- "])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_shortcuts_mask_what_every_pattern_masks(body):
    assert mask_code(body) == _every_pattern(body)


def test_links_in_code_are_not_references():
    body = ("ข่าว [ก](a.md)\n\n    [โค้ด](indented.md)\n\n```\n[f](fenced.md)\n```\n\n"
            "~~~\n![x](tilde.jpg)\n~~~\n\n`[s](span.md)` และ [ข](b.md)\n")
    assert [r.url for r in references(body)] == ["a.md", "b.md"]


def test_indented_code_at_the_start_and_after_a_blank_line():
    assert [r.url for r in references("\t[t](tab.md)\n\n[a](a.md)")] == ["a.md"]
    assert [r.url for r in references("ย่อหน้า\n    [ต่อ](line.md)")] == ["line.md"]
    assert [r.url for r in references("ย่อหน้า\n\n    [โค้ด](code.md)")] == []


def test_offsets_stay_where_they_were():
    body = "`x` [a](a.md)"
    (ref,) = references(body)
    assert body[ref.at:ref.at + 4] == "a.md"


def test_body_limits_are_found_in_every_kind_of_line():
    from newsroom.read.body import MAX_DEPTH, MAX_OPENERS, MAX_RUN, body_problems

    def kinds(body: str) -> list[str]:
        return [message for _, message in body_problems(body)]

    tabbed = "ข่าว\n" + "\n".join("\t" * i + "- ข้อ" for i in range(MAX_DEPTH + 1))
    assert len(kinds(tabbed)) == 1
    assert body_problems("\t" * MAX_DEPTH + "- ข้อ")[0][0] == 1     # the first line
    quoted = "ข่าว\n\n" + "> " * (MAX_DEPTH + 1) + "ข้อความ"
    assert body_problems(quoted)[0][0] == 3
    assert kinds("ก " + "_" * (MAX_RUN + 1) + "x")
    # openers are counted per paragraph: as many in the body, spread out, pass
    spread = "\n\n".join("[" * (MAX_OPENERS // 2) for _ in range(3))
    assert not kinds(spread)
    assert body_problems("ก\n\n" + "[" * (MAX_OPENERS + 1))[0][0] == 3
