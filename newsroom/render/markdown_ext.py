"""What Markdown does for entry bodies beyond the site's configured extensions.

- ``SafeIdsExtension`` (every page, registered at on_config): ids written in
  Markdown (attribute lists, ``{: #id }``) that cannot clobber the page. A
  paragraph given ``{: #__config }`` would stand before Material's own
  ``<script id="__config">`` and be the element its JavaScript reads. Running
  after attr_list and before toc, so the ids toc links to are already the safe
  ones: an id the page chrome uses becomes ``u-<id>`` (model/slugs.py safe_id)
  and an id given twice is numbered (-2, -3). Raw HTML is not in the tree here;
  the sanitiser applies the same rule to it (sanitize.py).
- ``register_entry_body`` (each entry page, by the converter that renders it):
  its photos point at their published copies with width/height, srcset,
  ``loading="lazy"`` and, standing alone in its paragraph, a <figure> whose caption is
  the writer's description of it (``![…]``) and the photographer's credit; a link to a
  photo leads to its largest copy, a link to another entry's file to its page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..assets.photos import SIZES, PhotoSet
from ..model.slugs import numbered, safe_id
from ..plan.pages import EntryBody
from .sanitize import SHOWN_WIDTH       # the copy an <img src> names (srcset offers the others)

IDS_PRIORITY = 6        # after attr_list (8), before toc (5)
BODY_PRIORITY = 5       # before MkDocs' own link processor (0), which resolves .md links


class _SafeIds(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        used: set[str] = set()
        for element in root.iter():
            given = element.get("id")
            if given is not None:
                value = numbered(safe_id(given), used)
                if value != given:
                    element.set("id", value)


class SafeIdsExtension(Extension):
    def extendMarkdown(self, md: Any) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_SafeIds(md), "newsroom_safe_ids", IDS_PRIORITY)


def _literal(text: str) -> str:
    """Plain text for Python-Markdown's serializer, which escapes '&' only where it does not
    start an entity: '&amp;' in a title would show as '&'. Escaping it first keeps it as written."""
    return text.replace("&", "&amp;")


def _local(url: str) -> str:
    return url.split("#")[0].split("?")[0]


class _EntryBody(Treeprocessor):
    """One entry page's photos and links (given by the converter for that page)."""

    def __init__(self, md: Any, body: EntryBody) -> None:
        super().__init__(md)
        self.body = body

    def run(self, root: etree.Element) -> None:
        body = self.body
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "a":
                    href = child.get("href", "")
                    linked = body.photos.get(_local(href))
                    if linked is not None:      # a photo: its largest copy
                        child.set("href", linked.largest.name)
                    elif href in body.links:    # another entry's file: its page
                        child.set("href", body.links[href])
                if child.tag != "img":
                    continue
                photo = body.photos.get(_local(child.get("src", "")))
                if photo is None:
                    continue
                alone = parent.tag == "p" and len(parent) == 1 and \
                    not (parent.text or "").strip() and not (child.tail or "").strip()
                described = (child.get("alt") or "").strip()    # the writer's ![…]
                self._enhance(child, photo)
                if photo.webp:
                    _picture(parent, child, photo)
                if alone:
                    parent.tag = "figure"
                    parent.set("class", "nr-photo")
                    shown = caption_text(described, body.credit)
                    if shown:
                        caption = etree.SubElement(parent, "figcaption")
                        caption.text = _literal(shown)

    def _enhance(self, img: etree.Element, photo: PhotoSet) -> None:
        shown = photo.fitting(SHOWN_WIDTH)
        img.set("src", shown.name)
        img.set("srcset", photo.srcset)
        img.set("sizes", SIZES)
        img.set("width", str(shown.width))
        img.set("height", str(shown.height))
        img.set("loading", "lazy")
        img.set("decoding", "async")
        if not (img.get("alt") or "").strip():
            img.set("alt", _literal(self.body.fallback_alt))


def caption_text(described: str, credit: str) -> str:
    """Under a photo standing alone: the writer's description (``![…]``), then the credit.

    >>> caption_text("ผู้เข้าร่วมประชุม", "ภาพ: ก ไก่"), caption_text("", "ภาพ: ก ไก่")
    ('ผู้เข้าร่วมประชุม · ภาพ: ก ไก่', 'ภาพ: ก ไก่')
    """
    return " · ".join(part for part in (described, credit) if part)


def _picture(parent: etree.Element, img: etree.Element, photo: PhotoSet) -> None:
    """The <img> in a <picture> whose <source> offers the WebP copies."""
    picture = etree.Element("picture")
    source = etree.SubElement(picture, "source")
    source.set("type", "image/webp")
    source.set("srcset", photo.webp_srcset)
    source.set("sizes", SIZES)
    index = list(parent).index(img)
    parent.remove(img)
    picture.append(img)
    picture.tail, img.tail = img.tail, None
    parent.insert(index, picture)


def register_entry_body(md: Any, body: EntryBody | None) -> None:
    """Give ``md`` the photos and links of the page it renders next (or none)."""
    if "newsroom_entry_body" in md.treeprocessors:
        md.treeprocessors.deregister("newsroom_entry_body")
    if body is not None and (body.photos or body.links):
        md.treeprocessors.register(_EntryBody(md, body), "newsroom_entry_body", BODY_PRIORITY)
