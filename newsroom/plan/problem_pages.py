"""What a preview (``make serve``) shows of entries that cannot be published yet.

A build refuses to publish an entry with problems; a preview must still answer
(MkDocs' server holds every request until a rebuild succeeds), so under
``mkdocs serve`` the broken entries are left out and each gets, at the URL its
page would have, a page naming its problems in Thai; one more page lists them
all, and every page's banner (render/preview_banner.js) links to it. None of
this is ever part of a built site.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import ClassVar

from ..model import paths
from ..model.messages import say
from ..model.problems import Problem, printable
from .pages import GeneratedPage, Link, View

PROBLEMS_PAGE = "preview/problems/index.md"
PROBLEMS_JSON = "preview/problems.json"


@dataclass(frozen=True)
class ProblemLine:
    where: str                   # "บรรทัด 3", or the whole file
    field: str                   # as written in the file: "province", "body", …
    message: str


@dataclass(frozen=True)
class FileProblems:
    path: str                    # "news/2564/x.md"
    problems: tuple[ProblemLine, ...]


@dataclass(frozen=True)
class ProblemsView(View):
    template: ClassVar[str] = "newsroom/problems.html"
    heading: str
    lead: str
    files: tuple[FileProblems, ...]
    overview: Link | None        # the page of every problem, from a file's own page


def by_file(problems: list[Problem]) -> tuple[FileProblems, ...]:
    """Problems grouped by file, files and lines in order."""
    grouped: dict[str, list[ProblemLine]] = defaultdict(list)
    for p in sorted(set(problems)):
        where = say("preview.line", line=p.line) if p.line else say("preview.whole_file")
        grouped[p.path].append(ProblemLine(where, printable(p.field), printable(p.message)))
    return tuple(FileProblems(printable(path), tuple(lines)) for path, lines in grouped.items())


def entry_page_of(path: str) -> str | None:
    """Where the page of the entry in ``path`` would be, from its file name alone (the
    front matter may be what is broken): news/2564/x.md and news/2564/x/index.md -> x."""
    p = PurePosixPath(path)
    if p.suffix.lower() not in (".md", ".markdown") or not p.parts or p.parts[0] != "news":
        return None
    slug = paths.slug_of_file(p)
    return paths.entry(slug) if paths.SLUG_RE.match(slug) else None


def problem_pages(problems: list[Problem], taken: set[str]) -> list[GeneratedPage]:
    """The page of every problem and one per broken entry file whose page is not
    ``taken`` by a planned page (src_uris)."""
    files = by_file(problems)
    total = sum(len(f.problems) for f in files)
    overview = GeneratedPage(
        PROBLEMS_PAGE, say("preview.all.title"),
        ProblemsView(say("preview.all.title"),
                     say("preview.all.lead", problems=total, files=len(files)) if files
                     else say("preview.all.none"), files, None),
        hide=("navigation", "toc"))
    pages = [overview]
    back = Link(say("preview.all.link"), paths.url_of(PROBLEMS_PAGE))
    for f in files:
        uri = entry_page_of(f.path)
        if uri is None or uri in taken:
            continue
        taken.add(uri)
        pages.append(GeneratedPage(
            uri, say("preview.entry.title"),
            ProblemsView(say("preview.entry.title"), say("preview.entry.lead", path=f.path),
                         (f,), back),
            hide=("navigation", "toc"), source=f.path))
    return pages


def problems_json(problems: list[Problem]) -> dict[str, object]:
    """What the banner of every preview page reads."""
    files = by_file(problems)
    total = sum(len(f.problems) for f in files)
    return {
        "problems": total,
        "files": len(files),
        "message": say("preview.banner", problems=total, files=len(files)) if files else "",
        "link": say("preview.all.link"),
        "url": paths.url_of(PROBLEMS_PAGE),
    }
