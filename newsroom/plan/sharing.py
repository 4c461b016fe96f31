"""What an entry page tells a link preview (Open Graph, Twitter) and a search engine
(schema.org NewsArticle JSON-LD), and its share links.

An entry without a cover is shared with the site's card (SHARE_CARD: the
organisation's mark and the site's name, docs/assets/share-card.png, made by
scripts/share_card.py). The share links are plain links to LINE's and Facebook's
own share pages: no script or button of theirs is loaded, nothing leaves the
reader's browser until they tap one.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from ..model import paths
from ..model.entry import Entry
from ..model.identity import SiteIdentity
from ..assets.photos import Rendition
from .labels import photo_alt
from .pages import MetaTag, ShareLink, Sharing

SHARE_CARD = "assets/share-card.png"         # in docs/: the site's card for link previews
SHARE_CARD_SIZE = (1200, 630)                # what Facebook and LINE show large
SHARE_CARD_ALT = "ตราคลังข่าวจังหวัดคุณธรรม ศูนย์คุณธรรม (องค์การมหาชน)"
LINE_SHARE = "https://social-plugins.line.me/lineit/share?url={}"
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php?u={}"


def share_links(url: str) -> tuple[ShareLink, ...]:
    """LINE's and Facebook's share pages for ``url``.

    >>> [l.url for l in share_links("https://x.org/news/a/")][0]
    'https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fx.org%2Fnews%2Fa%2F'
    """
    given = quote(url, safe="")
    return (ShareLink("line", "แชร์ทาง LINE", LINE_SHARE.format(given)),
            ShareLink("facebook", "แชร์ทาง Facebook", FACEBOOK_SHARE.format(given)))


def json_ld(data: dict[str, Any]) -> str:
    """JSON for a <script> block: nothing in it can close the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def sharing(e: Entry, site: SiteIdentity, cover: Rendition | None) -> Sharing:
    """``cover``: the cover's largest copy beside the entry page, if it has one (at most
    1600 px on its long edge, a JPEG: what sharing services take)."""
    url = paths.absolute(site.url, e.url)
    image = paths.absolute(site.url, e.url + cover.name) if cover else None
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": e.title,
        "description": e.summary,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": e.published.isoformat(),
        "inLanguage": "th",
        "author": [{"@type": "Person", "name": n} for n in e.authors],
        "contentLocation": [{"@type": "AdministrativeArea", "name": p.name_th,
                             "alternateName": p.name_en,
                             "url": paths.absolute(site.url, paths.url_of(paths.province(p)))}
                            for p in e.provinces],
        "publisher": {"@type": "Organization", "name": site.publisher},
        "keywords": list(e.tags),
    }
    if e.photographers:
        article["contributor"] = [{"@type": "Person", "name": n, "roleName": "photographer"}
                                  for n in e.photographers]
    if image:
        article["image"] = [image]
    meta = [("property", "og:type", "article"), ("property", "og:title", e.title),
            ("property", "og:description", e.summary), ("property", "og:url", url),
            ("property", "og:locale", "th_TH"),
            ("property", "og:site_name", site.name),
            ("property", "article:published_time", e.published.isoformat()),
            *(("property", "article:tag", t) for t in e.tags),
            ("name", "twitter:card", "summary_large_image"),
            ("name", "twitter:title", e.title), ("name", "twitter:description", e.summary)]
    if image and cover:
        meta += [("property", "og:image", image), ("property", "og:image:type", "image/jpeg")]
        if cover.width:
            meta += [("property", "og:image:width", str(cover.width)),
                     ("property", "og:image:height", str(cover.height))]
        meta += [("property", "og:image:alt", photo_alt(e.title)),
                 ("name", "twitter:image", image)]
    elif site.url:          # no cover: the site's card
        card = paths.absolute(site.url, SHARE_CARD)
        meta += [("property", "og:image", card), ("property", "og:image:type", "image/png"),
                 ("property", "og:image:width", str(SHARE_CARD_SIZE[0])),
                 ("property", "og:image:height", str(SHARE_CARD_SIZE[1])),
                 ("property", "og:image:alt", SHARE_CARD_ALT), ("name", "twitter:image", card)]
    return Sharing(meta=tuple(MetaTag(a, k, v) for a, k, v in meta), json_ld=json_ld(article),
                   url=url, links=share_links(url) if site.url else ())
