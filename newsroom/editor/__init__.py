"""The web editor for writers (Decap CMS at /admin/): its configuration, its rules and
its page, made from the archive's own field table, provinces and messages."""
