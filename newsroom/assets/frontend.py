"""Front-end files the site serves from node_modules/ (pinned in package.json).

The Thai web font and the galleries' lightbox are copied into the site at build
time, so no page asks a third-party host for anything; so is the web editor (Decap
CMS and the YAML library its format uses), under admin/ only: no other page loads it.
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
# PhotoSwipe 5: the lightbox of entry galleries (docs/assets/gallery.js loads it).
LIGHTBOX_FILES = ("photoswipe-lightbox.esm.min.js", "photoswipe.esm.min.js", "photoswipe.css")
LIGHTBOX_FOLDER = "assets/photoswipe"
LIGHTBOX_CSS = f"{LIGHTBOX_FOLDER}/photoswipe.css"


def frontend_files(*roots: Path) -> list[tuple[str, Path]]:
    """(site path, source file) of every front-end file the site serves."""
    modules = node_modules(*roots)
    files = [(f"{FONT_FOLDER}/{name}", modules / "@fontsource" / "sarabun" / "files" / name)
             for name in FONT_FILES]
    files += [(f"{LIGHTBOX_FOLDER}/{name}", modules / "photoswipe" / "dist" / name)
              for name in LIGHTBOX_FILES]
    missing = [str(src) for _, src in files if not src.is_file()]
    if missing:
        raise FrontendMissing(f"front-end files missing ({', '.join(missing)}): run `make setup`")
    return files


# Decap CMS: the web editor at /admin/ (newsroom/editor/). Its bundle loads its chunks and
# WebAssembly from beside itself; the source maps (50 MB) are left out.
EDITOR_FOLDER = "admin/decap"
# yaml 1.10 (the version Decap uses) for the entries' format (editor/front_matter.mjs).
YAML_FOLDER = "admin/yaml"


def editor_files(*roots: Path) -> list[tuple[str, Path]]:
    """(site path, source file) of the web editor's third-party files."""
    modules = node_modules(*roots)
    dist = modules / "decap-cms" / "dist"
    yaml_dist = modules / "yaml" / "browser" / "dist"
    if not (dist / "decap-cms.js").is_file() or not (yaml_dist / "index.js").is_file():
        raise FrontendMissing("decap-cms or yaml is missing from node_modules/: run `make setup`")
    decap = sorted(p for p in dist.iterdir()
                   if p.name.endswith(("decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt")))
    files = [(f"{EDITOR_FOLDER}/{p.name}", p) for p in decap]
    files += [(f"{YAML_FOLDER}/{p.name}", p) for p in sorted(yaml_dist.glob("*.js"))]
    files.append((f"{YAML_FOLDER}/LICENSE", modules / "yaml" / "LICENSE"))
    return files
