"""newsroom: the Moral Province news archive generator.

The pipeline, one module a step:

    entry.py     read and validate one news file          -> Entry | Problems
    corpus.py    read every file under news/, check URLs  -> Corpus (entries + problems)
    archive.py   group entries by province and year       -> Archive
    site.py      archive -> generated MkDocs pages        -> list[GeneratedPage]

Domain values live in province.py (the 77 provinces) and program_year.py
(Thai dates, Buddhist Era, fiscal/program year). hooks/archive.py wires the
pipeline into MkDocs; cli.py gives writers the same checks.
"""
