"""What an entry page tells a link preview (Open Graph, Twitter) and a search engine
(schema.org NewsArticle JSON-LD)."""

from __future__ import annotations

import json
from typing import Any

from ..model import paths
from ..model.entry import Entry
from ..model.identity import SiteIdentity
from ..assets.photos import Rendition
from .labels import photo_alt
from .pages import MetaTag, Sharing


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
            ("name", "twitter:card", "summary_large_image" if image else "summary"),
            ("name", "twitter:title", e.title), ("name", "twitter:description", e.summary)]
    if image and cover:
        meta += [("property", "og:image", image), ("property", "og:image:type", "image/jpeg")]
        if cover.width:
            meta += [("property", "og:image:width", str(cover.width)),
                     ("property", "og:image:height", str(cover.height))]
        meta += [("property", "og:image:alt", photo_alt(e.title)),
                 ("name", "twitter:image", image)]
    return Sharing(meta=tuple(MetaTag(a, k, v) for a, k, v in meta), json_ld=json_ld(article))
