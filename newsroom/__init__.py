"""newsroom: the Moral Province news archive generator. The map of the package.

The pipeline, layer by layer; each layer imports only those above it in this
list (tests/unit/test_layers.py), and only render/ imports MkDocs, Jinja or
Markdown:

    speed.py            the one switch for every speed layer (NEWSROOM_FAST=0)
    whole_files.py      files written whole or not at all (caches, photo copies)
    versions.py         the code's version (packages, newsroom/'s bytes): the caches' keys
    model/              the domain, plain values
      messages.py         every message writers read, Thai (English behind a switch)
      problems.py         Problem: file, line, field, what would be right
      calendar.py         Buddhist Era, Thai dates, the program (fiscal) year, Bangkok time
      province.py         the 77 provinces: names, aliases, regions, suggestions
      entry.py            Entry, Photo, LocalLink: one checked news entry
      archive.py          entries grouped by province, program year, tag, person
      paths.py            the URL of every kind of page and feed
      slugs.py            heading anchors, ASCII slugs of people and tags, safe ids
      urls.py             URLs as a browser reads them (schemes, srcset)
      identity.py         who publishes the site and where (from mkdocs.yml)
      words.py            Thai text as words: where a line may break (pythainlp newmm)
    assets/             files the site serves besides pages
      photo_check.py      whether a photo is one the site publishes (cached verdicts)
      photos.py           the published copies of photos: sizes, no metadata
      frontend.py         the Thai web font and the lightbox, from node_modules/
    read/               news files to Entries, with every problem
      text.py             decoding, newlines, the front matter block
      front_matter.py     YAML, bounded, with the line of each field
      fields.py           the field table: one rule per front-matter field
      body.py             what a body may cost to render
      links.py            the links and images of a body, as Markdown finds them
      references.py       the photos and entries' files a body names
      entry.py            read_entry: one file, all of the above
      kept_entries.py     entries an earlier run read, kept in .cache/entries/ by their bytes
      corpus.py           every file under news/; what only the whole folder shows
    plan/               the archive to pages as values (no rendering)
      pages.py            GeneratedPage and the page kinds (EntryView, ProvinceListing, …)
      labels.py           every Thai label and credit string
      cards.py            what a listing shows of an entry; photos as <img> values
      sharing.py          Open Graph tags and NewsArticle JSON-LD
      entry_pages.py      entry pages, from one frozen inputs record (the preview memo)
      listings.py         an archive's pages: cards, PAGE_SIZE a page, the pager
      archives.py         which archives there are: provinces, years, people, tags
      indexes.py          the home page, /provinces/ (the map), /years/ (the chart)
      charts.py           the province tile map and the year chart, as SVG
      feeds.py            Atom and JSON feeds of the site, each province and year
      stats.py            /stats/: entries per province and year, months, most active
      open_data.py        /data/: entries.csv, entries.json (+ schema), counts.csv
      site_plan.py        plan_site: every page, in order
      problem_pages.py    a preview's pages of entries with problems (make serve)
    search/             the Thai search index, built by Node beside the pages
      documents.py        what the index holds of each entry
      indexer.py          the Node indexer process (search_index.mjs, search_core.mjs)
      vocabulary.py       the words the index keys whole (the dictionary, names, การ/ความ nouns)
      kept_index.py       the index an earlier build wrote, kept in .cache/search/
    pipeline.py         plan_build: read, photos, group, plan, feeds, search; or problems
    editor/             the web editor for writers (Decap CMS at /admin/), from the field table
      settings.py         where it commits (mkdocs.yml extra.editor), decap-server's port
      config.py           admin/config.yml: the collection and its form, from read/fields.py
      rules.py            admin/rules.js: the checks of read/fields.py and their Thai messages
      page.py             every file under admin/: the page, config, rules, scripts, Decap
      admin.mjs           (JS) the format, widgets with the rules, preview, Thai words
      front_matter.mjs    (JS) the entries' format: unchanged fields written as they were
    render/             MkDocs: the only layer that imports mkdocs, jinja2 or markdown
      plugin.py           NewsroomHooks: one method per MkDocs event (hooks/newsroom.py)
      engine.py           MkDocs or ProperDocs, looked up in one place
      files.py            the pages, photos, assets and feeds added to MkDocs
      converter.py        Markdown of generated pages, one converter per build
      body_cache.py       entry bodies converted by earlier builds (.cache/bodies/)
      markdown_ext.py     safe ids, entries' photos and links in Markdown
      sanitize.py         entry bodies cleaned on the HTML a browser parses
      line_breaks.py      Thai lines broken between words: a filter over our content
      line_break_cache.py Thai text's pieces cut by earlier builds (.cache/line-breaks/)
      marked_blocks.py    our pages' blocks marked by earlier builds (.cache/marked-blocks/)
      shells.py           Material's chrome rendered once per page shape
      jinja_helpers.py    a cached url filter, cards once per depth, compiled templates
      preview.py          what `mkdocs serve --dirty` needs: page files, reused feeds
      idle_gc.py          a preview's heap collected when the writer is idle
      quick_exit.py       a `mkdocs build` that succeeded ends without freeing its heap
      render_budget.py    a time budget for rendering one page
      site_folder.py      a build written beside site/, swapped in on success
      page_writer.py      finished pages written by another process while the next render
    authoring/          the writers' tools: `newsroom check | new | import`
      cli.py              the command line, and check
      new.py              a new entry, as a draft
      importer.py         legacy text reports to entries, checked before writing
      front_matter.py     the one writer of front matter; never over a file
      project.py          where the project is
      legacy/             reading a legacy report: paragraphs.py, dates.py,
                          credits.py, provinces.py, titles.py

Where a page comes from: a province page from plan/archives.py ``province_pages``,
rendered by overrides/newsroom/listing.html, at model/paths.py ``province``; a
feed from plan/feeds.py ``plan_feeds``; a search record from search/documents.py
``documents`` and the rendered body (render/plugin.py ``on_page_content``).
"""
