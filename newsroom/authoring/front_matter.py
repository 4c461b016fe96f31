"""Writing new entry files: one writer of front matter for ``newsroom new`` and
``newsroom import``, and never a file over an existing one or on a taken slug.

``entry_text`` writes the fields in the order of the field table (read/fields.py),
each value as YAML that reads back as exactly what was given; a field given as
None is written empty, for the writer to fill in (a draft says why in its
comments).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model.problems import CONTROL
from ..read.corpus import entry_files
from ..read.fields import NAMES


def yaml_scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly ``value`` (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def yaml_names(values: list[str]) -> str:
    """One name as a scalar, several as a flow list."""
    if len(values) == 1:
        return yaml_scalar(values[0])
    return "[" + ", ".join(yaml_scalar(v) for v in values) + "]"


def _value(name: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if name == "tags":
        return "[" + ", ".join(yaml_scalar(t) for t in value) + "]"
    if isinstance(value, (list, tuple)):
        return yaml_names(list(value))
    if name in ("date", "province"):
        return str(value)           # an ISO date, a province's Thai name: plain YAML
    return yaml_scalar(str(value))


def _comment(text: str) -> str:
    """One comment line, whatever the text holds: a line break of any kind (CR, U+2028,
    …) in a file name would end the comment and start a field."""
    return " ".join(CONTROL.sub("", text).splitlines())


def entry_text(fields: dict[str, Any], body: str, comments: list[str] = ()) -> str:
    """A whole entry file: front matter (known fields, in the table's order, then
    ``comments`` as YAML comments), a blank line, the body."""
    unknown = set(fields) - set(NAMES)
    if unknown:
        raise ValueError(f"not entry fields: {sorted(unknown)}")
    lines = ["---"]
    lines += [f"{name}: {_value(name, fields[name])}".rstrip() if fields[name] is not None
              else f"{name}: " for name in NAMES if name in fields]
    lines += [f"# {_comment(c)}" for c in comments]
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body


def existing_slugs(news: Path) -> set[str]:
    """Slugs the entries under news/ take by their file names."""
    return {p.parent.name if p.stem == "index" else p.stem.lower() for p in entry_files(news)}


def create_exclusive(folder: Path, stem: str, text: str, taken: set[str]) -> Path:
    """Write text to folder/stem.md, or stem-2.md, …: the first name that is neither
    an existing file nor a slug in ``taken``. Adds the chosen name to ``taken``."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 1
    while True:
        name = stem if n == 1 else f"{stem}-{n}"
        if name not in taken:
            try:
                with open(folder / f"{name}.md", "x", encoding="utf-8") as f:
                    f.write(text)
                taken.add(name)
                return folder / f"{name}.md"
            except FileExistsError:
                pass
        n += 1
