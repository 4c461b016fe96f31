"""mkdocs.yml says each setting once: YAML keeps the last of two equal keys without a word,
so a second `extra:` (a merge can leave one) silently drops the first one's settings."""

from __future__ import annotations

import yaml

from tests.helpers import ROOT


class _Strict(yaml.SafeLoader):
    """Refuses a key written twice in one mapping; MkDocs' own tags read as plain values."""


def _mapping(loader: _Strict, node: yaml.MappingNode) -> dict:
    seen: dict = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        assert key not in seen, f"line {key_node.start_mark.line + 1}: '{key}' is set twice"
        seen[key] = loader.construct_object(value_node, deep=True)
    return seen


_Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Strict.add_multi_constructor("", lambda loader, suffix, node: None)


def test_every_setting_of_mkdocs_yml_is_written_once():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Strict)
    assert config["extra"]["generator"] is False and "editor" in config["extra"]


def test_a_setting_written_twice_is_caught():
    try:
        yaml.load("extra:\n  a: 1\nextra:\n  b: 2\n", Loader=_Strict)
    except AssertionError as e:
        assert "'extra' is set twice" in str(e)
    else:
        raise AssertionError("a second extra: went unseen")
