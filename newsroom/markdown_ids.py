"""Ids written in Markdown (attribute lists, ``{: #id }``) that cannot clobber the page.

A paragraph given ``{: #__config }`` would stand before Material's own
``<script id="__config">`` and be the element its JavaScript reads; a heading
``{: #__toc }`` would take over the table of contents. This treeprocessor runs
after attr_list and before toc, so the ids toc links to are already the safe
ones: an id the page chrome uses becomes ``u-<id>`` (sanitize.safe_id) and an id
given twice is numbered (-2, -3). Raw HTML is not in the tree here; the
sanitiser applies the same rule to it (sanitize.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from .sanitize import safe_id

PRIORITY = 6        # after attr_list (8), before toc (5)


class _SafeIds(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        used: set[str] = set()
        for element in root.iter():
            given = element.get("id")
            if given is None:
                continue
            base = safe_id(given)
            value, n = base, 1
            while value in used:
                n += 1
                value = f"{base}-{n}"
            used.add(value)
            if value != given:
                element.set("id", value)


class SafeIdsExtension(Extension):
    def extendMarkdown(self, md: Any) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_SafeIds(md), "newsroom_safe_ids", PRIORITY)
