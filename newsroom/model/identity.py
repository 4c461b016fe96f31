"""Who publishes the site and where: read from mkdocs.yml (site_name, copyright,
site_url), the one place they are written, and handed to whatever shows them
(pages, sharing tags, JSON-LD, feeds)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteIdentity:
    name: str          # site_name: "คลังข่าวจังหวัดคุณธรรม"
    publisher: str     # copyright: "ศูนย์คุณธรรม (องค์การมหาชน)"
    url: str = ""      # site_url; absolute URLs need it (feeds, sharing tags)
