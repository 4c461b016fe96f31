"""Front-end files the site serves from node_modules/ (pinned in package.json).

The Thai web font is copied into the site at build time, so no page asks a
third-party host for anything.
"""

from __future__ import annotations

from pathlib import Path


class FrontendMissing(RuntimeError):
    """A package from package.json is not installed; the message says how to install it."""


def node_modules(*roots: Path) -> Path:
    """node_modules/ of the project (or of the checkout this package runs from)."""
    for root in (*roots, Path(__file__).resolve().parents[2]):
        if (root / "node_modules").is_dir():
            return root / "node_modules"
    raise FrontendMissing("node_modules/ is missing: run `make setup` (npm ci)")


# Sarabun: a Thai typeface made for reading, with tall room for vowels and tone marks.
FONT_FILES = tuple(f"sarabun-{subset}-{weight}-normal.woff2"
                   for subset in ("thai", "latin") for weight in (400, 700))
FONT_FOLDER = "assets/fonts"


def font_files(*roots: Path) -> list[tuple[str, Path]]:
    """(site path, source file) of every font file the CSS names."""
    folder = node_modules(*roots) / "@fontsource" / "sarabun" / "files"
    files = [(f"{FONT_FOLDER}/{name}", folder / name) for name in FONT_FILES]
    missing = [str(src) for _, src in files if not src.is_file()]
    if missing:
        raise FrontendMissing(f"font files missing ({', '.join(missing)}): run `make setup`")
    return files
