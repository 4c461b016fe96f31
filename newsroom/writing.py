"""Writing new entry files: never over an existing file, never on a taken slug.

Shared by ``newsroom new`` and ``newsroom import``.
"""

from __future__ import annotations

import json
from pathlib import Path

from .corpus import entry_files


def yaml_scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly ``value`` (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def yaml_names(values: list[str]) -> str:
    """One name as a scalar, several as a flow list."""
    if len(values) == 1:
        return yaml_scalar(values[0])
    return "[" + ", ".join(yaml_scalar(v) for v in values) + "]"


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
