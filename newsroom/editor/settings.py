"""Where the web editor commits: read from mkdocs.yml ``extra.editor`` (render/plugin.py),
the one place a maintainer writes them (README: "The web editor")."""

from __future__ import annotations

from dataclasses import dataclass

LOCAL_PORT = 8081          # decap-server's own default (`make edit`)


@dataclass(frozen=True)
class EditorSettings:
    repo: str = ""             # owner/name on GitHub; without it only the local backend works
    branch: str = "main"       # the branch the site is built from
    base_url: str = ""         # the OAuth provider (GitHub backend); empty: Netlify's
    auth_endpoint: str = ""    # its path, when not "auth"
    local_port: int = LOCAL_PORT   # decap-server on 127.0.0.1 (`make edit`)
    site_url: str = ""

    @staticmethod
    def from_extra(extra: dict, site_url: str = "") -> "EditorSettings":
        """The settings from mkdocs.yml's ``extra.editor`` mapping (missing keys: defaults)."""
        given = (extra or {}).get("editor") or {}
        port = str(given.get("local_port") or LOCAL_PORT).strip()
        return EditorSettings(
            repo=str(given.get("repo") or "").strip(),
            branch=str(given.get("branch") or "main").strip(),
            base_url=str(given.get("base_url") or "").strip(),
            auth_endpoint=str(given.get("auth_endpoint") or "").strip(),
            local_port=int(port) if port.isdigit() else LOCAL_PORT,
            site_url=site_url)

    @property
    def local_backend_url(self) -> str:
        return f"http://127.0.0.1:{self.local_port}/api/v1"
