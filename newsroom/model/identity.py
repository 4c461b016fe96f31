"""Who publishes the site and where: read from mkdocs.yml (site_name, copyright,
site_url, extra.data_licence), the one place they are written, and handed to whatever
shows them (pages, sharing tags, JSON-LD, feeds, open data)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteIdentity:
    name: str          # site_name: "คลังข่าวจังหวัดคุณธรรม"
    publisher: str     # copyright: "ศูนย์คุณธรรม (องค์การมหาชน)"
    url: str = ""      # site_url; absolute URLs need it (feeds, sharing tags)
    licence: str = ""  # of the open data (extra.data_licence; default: © the publisher)

    def __post_init__(self) -> None:
        if not self.licence:
            object.__setattr__(self, "licence", f"© {self.publisher}" if self.publisher else "")
