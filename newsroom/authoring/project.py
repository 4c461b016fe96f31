"""Where the project is: the folder of mkdocs.yml, found from where a command runs."""

from __future__ import annotations

from pathlib import Path


def find_root(start: Path) -> Path:
    """The project folder: the nearest parent with mkdocs.yml (else the start)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start
