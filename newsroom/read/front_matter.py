"""Front matter as YAML: safe, bounded, with the line of every field.

``parse_front_matter`` reads the block between the --- lines into a mapping and
the line each key is on, or says what is wrong and where, in words a writer
understands: a tab, a ':' in a title, a value in quotes. It refuses what would
cost more than a news entry can need (nesting past MAX_YAML_DEPTH, aliases
repeating a value past MAX_ALIAS_REPEATS) before composing it.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..model.messages import say, yaml_problem
from ..model.problems import control_message, printable

MAX_YAML_DEPTH = 20        # nested lists or fields in front matter (an entry needs 2)
MAX_ALIAS_REPEATS = 10_000  # values anchors and aliases (&x, *x) may repeat: no "billion laughs"

try:  # libyaml is much faster on thousands of entries; fall back to pure Python.
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML that leaves dates as text: we check them ourselves, with a line
    number and a message a writer understands (PyYAML would fail the whole block)."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()}


_YAML_TYPES = {"!!int": "a whole number", "!!float": "a number", "!!bool": "true or false",
               "!!timestamp": "a date", "!!binary": "base64 data"}
_YAML_TYPES_TH = {"!!int": "จำนวนเต็ม", "!!float": "ตัวเลข", "!!bool": "จริง/เท็จ",
                  "!!timestamp": "วันที่", "!!binary": "ข้อมูล base64"}


def _alias_overflow(node: yaml.Node) -> yaml.Node | None:
    """The anchored node whose repeats through aliases go over MAX_ALIAS_REPEATS, if any.
    An alias shares its value, but anything that walks the value once per alias (PyYAML's
    merge keys <<: do, and so would a message quoting it) pays for every repeat."""
    seen: set[int] = set()
    repeats = 0
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            repeats += 1
            if repeats > MAX_ALIAS_REPEATS:
                return n
        seen.add(id(n))
        if isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
        elif isinstance(n, yaml.MappingNode):
            for pair in n.value:
                stack.extend(pair)
    return None


def _too_deep(front: str) -> int | None:
    """The line (0-based) where the front matter nests lists or fields more than
    MAX_YAML_DEPTH deep, if it does. libyaml's composer recurses once per level in C,
    so 60,000 nested [ crash the process: the depth is read from the parser's events
    (no recursion) before anything composes them. Every level needs one of [ { - : ?,
    so front matter with few of them (nearly all) is not parsed twice."""
    if sum(front.count(c) for c in "[{-:?") < MAX_YAML_DEPTH:
        return None
    depth = 0
    try:
        for event in yaml.parse(front, Loader=_BaseLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return event.start_mark.line
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None         # reported by the real parse, with its line
    return None


def parse_front_matter(front: str) -> tuple[dict[str, Any] | None, dict[str, int], str | None, int]:
    """Mapping, line of each key (1-based within the block), error, error line."""
    deep = _too_deep(front)
    if deep is not None:
        return None, {}, say("yaml.too_deep", limit=MAX_YAML_DEPTH), deep + 1
    loader = _Loader(front)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, say("yaml.empty"), 0
        if not isinstance(node, yaml.MappingNode):
            return None, {}, say("yaml.not_fields"), 0
        repeated = _alias_overflow(node)
        if repeated is not None:
            return None, {}, say("yaml.aliases", limit=f"{MAX_ALIAS_REPEATS:,}"), \
                repeated.start_mark.line + 1
        lines: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                name, line = str(key_node.value), key_node.start_mark.line + 1
                if name in lines:   # PyYAML would keep the last value and drop the first
                    return None, {}, say("yaml.twice", name=printable(name)[:40],
                                         first=lines[name] + 1, second=line + 1), line
                lines[name] = line
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as e:    # a character YAML does not allow, e.g. U+001B
        if not isinstance(e.character, int):
            return None, {}, yaml_problem(e.reason), 0
        at = front.find(chr(e.character))
        return None, {}, control_message(chr(e.character)), (front.count("\n", 0, at) + 1
                                                             if at >= 0 else 0)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        what = e.problem or "invalid YAML"
        return None, {}, yaml_problem(what), (mark.line + 1 if mark else 0)
    except (ValueError, KeyError, AttributeError, OverflowError) as e:
        # A value its type cannot hold (!!bool 2020-11-06, !!timestamp x, a 5,000-digit
        # number): PyYAML's constructor leaves the node it failed on in recursive_objects.
        bad = next(reversed(getattr(loader, "recursive_objects", None) or {}), None)
        if not isinstance(bad, yaml.ScalarNode):
            return None, {}, yaml_problem(printable(str(e))[:120]), 0
        kind = bad.tag.replace("tag:yaml.org,2002:", "!!")
        return None, {}, say("yaml.cast", value=printable(bad.value[:40]), tag=kind,
                             kind=_YAML_TYPES_TH.get(kind, "ค่า"),
                             kind_en=_YAML_TYPES.get(kind, "a value")), bad.start_mark.line + 1
    except (yaml.YAMLError, TypeError, RecursionError) as e:
        return None, {}, yaml_problem(printable(str(e))[:120]), 0
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, {}, say("yaml.not_fields"), 0
    return data, lines, None, 0
