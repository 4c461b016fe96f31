"""newsroom: the Moral Province news archive generator.

The pipeline, one module a step:

    entry.py     read and validate one news file          -> Entry | Problems
    corpus.py    read every file under news/, check URLs  -> Corpus (entries + problems)
    photos.py    resize each entry's photos (cached)      -> PhotoSets | Problems
    archive.py   group entries by province, year, tag     -> Archive
    search.py    Thai sub-words for the index             -> text per entry
    site.py      archive -> pages with display values     -> SitePlan (GeneratedPage each)
    feed.py      Atom and JSON feeds                      -> bytes per feed
    charts.py    province tile map, year chart            -> SVG

Domain values live in province.py (the 77 provinces), program_year.py (Thai
dates, Buddhist Era, fiscal/program year), slugs.py (heading anchors, ASCII URL
slugs for people and tags) and paths.py (every URL). build.py wires the pipeline into MkDocs events
(hooks/archive.py forwards them); cli.py, importer.py and legacy.py are the
writers' tools and use the same entry rules.
"""
