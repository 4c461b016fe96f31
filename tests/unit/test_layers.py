"""The package in layers, as its map says (newsroom/__init__.py): only render/ imports
MkDocs, Jinja or Markdown, and each layer imports only the layers below it."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "newsroom"
ENGINE = {"mkdocs", "properdocs", "jinja2", "markdown", "pymdownx"}
# What each part of newsroom/ may import of the package (itself always).
ALLOWED = {
    "speed": set(),
    "whole_files": set(),       # files written whole: the caches, the photo copies
    "versions": set(),          # the code's version, in the caches' keys
    "model": {"speed"},
    "assets": {"model", "speed", "whole_files"},
    "read": {"model", "assets", "speed", "versions", "whole_files"},
    "plan": {"model", "assets", "speed"},
    "search": {"model", "speed", "whole_files"},
    "pipeline": {"model", "assets", "read", "plan", "search", "speed"},
    # the web editor: its form is made from the field table (read) and shows the labels
    # of the pages (plan); render writes its files
    "editor": {"model", "assets", "read", "plan", "speed"},
    "render": {"model", "assets", "read", "plan", "search", "pipeline", "editor", "speed",
               "versions", "whole_files"},
    "authoring": {"model", "assets", "read", "speed"},
}


def _part(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py") if rel.parts[0] != "__init__.py" else ""


def _imports(path: Path) -> set[tuple[str, int]]:
    """(module imported, how many levels up a relative import goes) of one file."""
    found: set[tuple[str, int]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {(alias.name, 0) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add((node.module or "", node.level))
            if node.module is None:
                found |= {(alias.name, node.level) for alias in node.names}
    return found


def _package_parts(path: Path, imports: set[tuple[str, int]]) -> set[str]:
    parts = set()
    depth = len(path.relative_to(PACKAGE).parts) - 1        # folders below newsroom/
    for name, level in imports:
        if level == 0 and name.startswith("newsroom."):
            parts.add(name.split(".")[1])
        elif level == depth + 1:                             # from newsroom/ itself
            parts.add(name.split(".")[0] if name else "")
    return {p for p in parts if p}


def test_only_render_imports_the_engine():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if _part(path) == "render":
            continue
        engine = {n for n, level in _imports(path) if level == 0 and n.split(".")[0] in ENGINE}
        if engine:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(engine)}")
    assert offenders == []


def test_each_layer_imports_only_the_layers_below_it():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        part = _part(path)
        if not part:
            continue
        used = _package_parts(path, _imports(path)) - {part}
        if not used <= ALLOWED[part]:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(used - ALLOWED[part])}")
    assert offenders == []


def test_the_layering_check_sees_a_relative_import(tmp_path):
    """The checks above would miss nothing: a plan module importing render is caught."""
    fake = PACKAGE / "plan" / "cards.py"
    imports = _imports(fake) | {("render.shells", 2)}
    assert "render" in _package_parts(fake, imports)


def test_every_module_of_the_package_is_on_the_map():
    """Each module is named in the map, after the folder it is in."""
    text = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if path.name == "__init__.py":
            continue
        folder = f"{rel.parent.name}/" if rel.parent.parts else ""
        at = text.find(folder) if folder else 0
        if at < 0 or text.find(path.name, at) < 0:
            missing.append(str(rel))
    assert missing == []
