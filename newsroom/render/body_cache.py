"""Entry bodies converted by an earlier build, kept in .cache/bodies/ (a speed layer).

Converting an entry's Markdown is the largest share of a build whose photos are
already cached: about 1.7 ms an entry, 17 s of a 10,000-entry build. What the
conversion gives (the HTML, the table of contents, the title, the anchors) depends
only on values, so it is kept keyed by a digest of all of them:

- the page's Markdown and its src_uri (relative links are rewritten from it),
- what the plan hands the converter (``EntryBody``: the photos' copies, the credit,
  the links to other entries' pages; every relative link of a body is one of these,
  read/references.py sees to it),
- the Markdown extensions and their settings, use_directory_urls, link validation,
- the versions of Markdown, PyMdown, MkDocs, Material and nh3, and the bytes of this
  package's own code (any change to newsroom/ is a new key).

With the conversion, the body as sanitize.py cleaned it is kept ("clean": "=" when
cleaning changed nothing, as for most bodies), used when the HTML to clean is the
kept conversion (no other plugin changed it): the photo copies it points at are in
the key already. (nh3 took 1.2 s of a warm build of 10,000 entries.)

A body that logged anything while converting is not kept; its links to anchors
(MkDocs validates those once every page is rendered) are kept with it, by the
file they lead to, and a body whose target is not in the build is converted again.
Each file holds its key and a checksum of its payload: a missing, truncated,
corrupt or foreign file is ignored and the body converted again, never trusted.
Entries are written only when the build succeeds (``commit``), and a full build
removes those it did not use. NEWSROOM_FAST=0 turns the layer off.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from .. import speed, versions, whole_files

BODIES = Path(".cache") / "bodies"
FORMAT = "2"          # 2: a header line, then the payload (whole_files.write_keyed)
SAME = "="          # a kept clean body that is the conversion itself
_PACKAGES = ("markdown", "pymdown-extensions", "mkdocs", "mkdocs-material", "nh3")


def code_version() -> str:
    """The versions of the packages that convert Markdown (and nh3, which cleans the
    result) and the bytes of newsroom/."""
    return versions.code_version(_PACKAGES, FORMAT)


def config_version(config: Any) -> str:
    """What of mkdocs.yml changes a conversion: the extensions (by name: an instance
    added by a hook has no stable repr) and their settings, URLs, link validation."""
    extensions = [e if isinstance(e, str) else f"{type(e).__module__}.{type(e).__qualname__}"
                  for e in config["markdown_extensions"]]
    values = [extensions, config["mdx_configs"] or {}, config["use_directory_urls"],
              config.get("validation")]
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=_stable,
                                     ensure_ascii=False).encode()).hexdigest()


def _stable(value: Any) -> str:
    """A setting JSON cannot hold, the same in every process: a function (a slugify of
    the toc extension) by its name, not by the address its repr shows."""
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    return repr(value)


class _Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class BodyCache:
    """One build's view of .cache/bodies/: lookups, and what to keep when it succeeds."""

    def __init__(self, root: Path, config: Any) -> None:
        self.on = speed.fast()
        self.folder = root / BODIES
        self.salt = f"{code_version()}:{config_version(config)}" if self.on else ""
        self.new: dict[str, dict[str, Any]] = {}
        self.used: set[str] = set()
        self.logged = _Logged()
        # src_uri -> (key, the conversion, its clean body or None): what ``cleaned`` asks
        self.by_page: dict[str, tuple[str, str, str | None]] = {}

    def key(self, src_uri: str, markdown: str, body: Any) -> str:
        h = hashlib.sha256(self.salt.encode())
        for part in (src_uri, markdown, repr(body)):
            h.update(b"\0")
            h.update(part.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The kept conversion, if there is one to trust."""
        if not self.on:
            return None
        payload = whole_files.read_keyed(self._path(key), key)
        try:
            if not (isinstance(payload, dict) and isinstance(payload["content"], str)
                    and isinstance(payload["toc"], list) and isinstance(payload["anchors"], list)
                    and isinstance(payload.get("clean", ""), str)
                    and all(isinstance(link, list) and len(link) == 3
                            and all(isinstance(part, str) for part in link)
                            for link in payload["links"])):
                return None
        except (KeyError, TypeError):
            return None
        self.used.add(key)
        return payload

    def converted(self, src_uri: str, key: str, content: str, clean: str | None) -> None:
        """The page's body as converted (or kept), under ``key``; its clean body if kept."""
        if self.on:
            self.by_page[src_uri] = (key, content, clean)

    def cleaned(self, src_uri: str, html: str) -> str | None:
        """The kept clean body of the page, when ``html`` is its kept conversion."""
        known = self.by_page.get(src_uri)
        if known is None or known[2] is None or known[1] != html:
            return None
        return html if known[2] == SAME else known[2]

    def keep_clean(self, src_uri: str, html: str, clean: str) -> None:
        """``clean``, the page's conversion ``html`` cleaned, kept with the conversion."""
        known = self.by_page.get(src_uri)
        if known is not None and known[1] == html and known[0] in self.new:
            self.new[known[0]]["clean"] = SAME if clean == html else clean

    def watch(self) -> "_Watch":
        """Around a conversion: whether it logged anything (then it is not kept)."""
        return _Watch(self.logged)

    def put(self, key: str, content: str, toc: list[Any], title: str | None,
            anchors: set[str], links: list[list[str]]) -> None:
        """``links``: [target src_uri, anchor, link as written] of its links to anchors."""
        if self.on:
            self.used.add(key)
            self.new[key] = {"content": content, "toc": toc, "title": title,
                             "anchors": sorted(anchors), "links": links}

    def commit(self, full: bool) -> None:
        """The build succeeded: keep its new conversions; a full build drops unused ones."""
        if not self.on:
            return
        for key, payload in self.new.items():
            path = self._path(key)
            try:
                whole_files.write_keyed(path, key, payload)
            except (OSError, ValueError):
                continue
        self.new.clear()
        if full and self.folder.is_dir():
            for path in self.folder.glob("*/*"):
                if (path.name.removesuffix(".json") not in self.used
                        and whole_files.is_key_name(path.name)):
                    try:
                        path.unlink()
                    except OSError:
                        pass


class _Watch:
    # MkDocs' own logger does not pass its records on to the root logger
    LOGGERS = (logging.getLogger(), logging.getLogger("mkdocs"))

    def __init__(self, handler: _Logged) -> None:
        self.handler = handler
        self.before = 0

    def __enter__(self) -> "_Watch":
        self.before = self.handler.count
        for logger in self.LOGGERS:
            logger.addHandler(self.handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for logger in self.LOGGERS:
            logger.removeHandler(self.handler)

    @property
    def quiet(self) -> bool:
        return self.handler.count == self.before
