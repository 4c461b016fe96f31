"""Every file of the web editor at /admin/: its page, its configuration, its rules, our
scripts and the third-party files (assets/frontend.py ``editor_files``). Only the page
admin/index.html loads Decap's bundle; no page of the archive links to it."""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..assets.frontend import EDITOR_FOLDER, editor_files
from .config import config_yaml
from .rules import rules_script
from .settings import EditorSettings

HERE = Path(__file__).resolve().parent
FOLDER = "admin"
# Our scripts, served beside the page: the setup of the CMS and the entries' format.
SCRIPTS = {"admin.mjs": "newsroom-editor.js", "front_matter.mjs": "front-matter.js",
           "editor.css": "editor.css"}


def index_html(site_name: str) -> str:
    """The editor's page: Decap's bundle (it waits: CMS_MANUAL_INIT), then ours, which
    registers the format, widgets and preview and starts it."""
    title = escape(f"แก้ไขข่าว · {site_name}" if site_name else "แก้ไขข่าว")
    return f"""<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{title}</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
<link rel="stylesheet" href="../assets/fonts.css">
<link rel="stylesheet" href="editor.css">
</head>
<body>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="{EDITOR_FOLDER.removeprefix(FOLDER + "/")}/decap-cms.js"></script>
<script type="module" src="newsroom-editor.js"></script>
</body>
</html>
"""


def admin_files(settings: EditorSettings, site_name: str, tags: tuple[str, ...],
                taken: dict[str, str], root: Path) -> list[tuple[str, str | Path]]:
    """(site path, text or source file) of every file under admin/."""
    files: list[tuple[str, str | Path]] = [
        (f"{FOLDER}/index.html", index_html(site_name)),
        (f"{FOLDER}/config.yml", config_yaml(settings, tags)),
        (f"{FOLDER}/rules.js", rules_script(taken)),
    ]
    files += [(f"{FOLDER}/{name}", HERE / source) for source, name in SCRIPTS.items()]
    files += editor_files(root)
    return files
