"""Photos in an entry's body, as Markdown renders them.

Each photo the body shows points at its published copies (photos.py) with
width/height, srcset, ``loading="lazy"`` and a <figure> with the photographer's
credit; a link to a photo leads to its largest copy.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Any, Callable

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from .photos import SIZES, PhotoSet



@dataclass(frozen=True)
class PagePhotos:
    """What the treeprocessor needs to know about the page being rendered."""
    photos: dict[str, PhotoSet]        # by target, as written in the Markdown
    credit: str                        # "ภาพ: …", or "" without a photographer
    fallback_alt: str
    links: dict[str, str] = field(default_factory=dict)   # href to another entry's file ->
    #                                    the path of its page, as MkDocs resolves links


def _literal(text: str) -> str:
    """Plain text for Python-Markdown's serializer, which escapes '&' only where it does not
    start an entity: '&amp;' in a title would show as '&'. Escaping it first keeps it as written."""
    return text.replace("&", "&amp;")


def _local(url: str) -> str:
    return url.split("#")[0].split("?")[0]


class _PhotoTreeprocessor(Treeprocessor):
    def __init__(self, md: Any, current: Callable[[], PagePhotos | None]) -> None:
        super().__init__(md)
        self.current = current

    def run(self, root: etree.Element) -> None:
        page = self.current()
        if page is None or not (page.photos or page.links):
            return
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "a":
                    href = child.get("href", "")
                    linked = page.photos.get(_local(href))
                    if linked is not None:      # a photo: its largest copy
                        child.set("href", linked.largest.name)
                    elif href in page.links:    # another entry's file: its page
                        child.set("href", page.links[href])
                if child.tag != "img":
                    continue
                photo = page.photos.get(_local(child.get("src", "")))
                if photo is None:
                    continue
                self._enhance(child, photo, page)
                if parent.tag == "p" and len(parent) == 1 and not (parent.text or "").strip() \
                        and not (child.tail or "").strip():
                    parent.tag = "figure"
                    parent.set("class", "nr-photo")
                    if page.credit:
                        caption = etree.SubElement(parent, "figcaption")
                        caption.text = _literal(page.credit)

    @staticmethod
    def _enhance(img: etree.Element, photo: PhotoSet, page: PagePhotos) -> None:
        shown = photo.fitting(1280)
        img.set("src", shown.name)
        img.set("srcset", photo.srcset)
        img.set("sizes", SIZES)
        img.set("width", str(shown.width))
        img.set("height", str(shown.height))
        img.set("loading", "lazy")
        img.set("decoding", "async")
        if not (img.get("alt") or "").strip():
            img.set("alt", _literal(page.fallback_alt))


class PhotoExtension(Extension):
    """Registered once (on_config); asks ``current`` for the page being rendered."""

    def __init__(self, current: Callable[[], PagePhotos | None]) -> None:
        super().__init__()
        self.current = current

    def extendMarkdown(self, md: Any) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_PhotoTreeprocessor(md, self.current), "newsroom_photos", 5)
