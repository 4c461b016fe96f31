"""The MkDocs side of the pipeline: state for one build and what each event does.

hooks/archive.py forwards MkDocs events here. The order matters:

- ``load`` (on_pre_build): read and check every entry, group, plan pages.
  Any problem raises PluginError *before* MkDocs cleans site/, so a failed
  build leaves the last good site in place (and ``serve`` keeps serving it).
- ``add_files`` (on_files): add the planned pages and the entries' photos.
- ``page_markdown`` / ``page_context``: give each planned page its template,
  escaped title, tags and display values.

Hook modules are loaded once per process, so all state lives on this object
and is rebuilt by ``load`` on every build.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .archive import build_archive
from .corpus import load as load_corpus
from .problems import Problem, report
from .site import GeneratedPage, SitePlan, plan_site


class ArchiveBuild:
    def __init__(self) -> None:
        self.command = "build"
        self.plan = SitePlan()
        self.pages: dict[str, GeneratedPage] = {}

    @property
    def include_drafts(self) -> bool:
        return self.command == "serve"

    def start(self, command: str) -> None:
        self.command = command

    def load(self, config: Any) -> None:
        root = Path(config.config_file_path).resolve().parent
        corpus = load_corpus(root, include_drafts=self.include_drafts)
        problems = list(corpus.problems)
        if not problems:
            self.plan = plan_site(build_archive(corpus.entries))
            problems += self._docs_collisions(Path(config.docs_dir), root)
        if problems:
            self.plan, self.pages = SitePlan(), {}
            raise PluginError("the news archive has problems; nothing was written:\n"
                              + report(problems))
        self.pages = self.plan.by_uri()

    def _docs_collisions(self, docs_dir: Path, root: Path) -> list[Problem]:
        """A file in docs/ that sits where a generated page or photo would go."""
        found = []
        for page in self.plan.pages:
            uris = [page.src_uri] if page.generated else []
            uris += [f"{page.src_uri.rsplit('/', 1)[0]}/{ph.target}" for ph in page.photos]
            for uri in uris:
                if (docs_dir / uri).exists() or (uri.endswith("/index.md") and
                                                 (docs_dir / (uri[:-9] + ".md")).exists()):
                    rel = os.path.relpath(docs_dir / uri, root)
                    found.append(Problem(rel, 0, "url", f"docs/ already has a page at /{page.url};"
                                                        " move or rename it"))
        return found

    def add_files(self, files: Files, config: Any) -> Files:
        for page in self.plan.pages:
            if not page.generated:
                continue
            files.append(File.generated(config, page.src_uri, content=page.markdown))
            folder = page.src_uri.rsplit("/", 1)[0]
            for photo in page.photos:
                files.append(File.generated(config, f"{folder}/{photo.target}",
                                            abs_src_path=str(photo.source)))
        return files

    def page_markdown(self, markdown: str, page: Any) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return markdown
        # Material prints page.meta.title, description and tag names as HTML
        # (in <title>, the header, tag chips, the tags index and its TOC): escape them.
        page.meta["title"] = html.escape(spec.title, quote=True)
        page.meta["template"] = spec.template
        if spec.description:
            page.meta["description"] = html.escape(spec.description, quote=True)
        if spec.tags:
            page.meta["tags"] = [html.escape(t, quote=True) for t in spec.tags]
        if spec.hide:
            page.meta["hide"] = list(spec.hide)
        return markdown

    def page_context(self, context: dict[str, Any], page: Any) -> dict[str, Any]:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            context["newsroom"] = spec.context
        return context
