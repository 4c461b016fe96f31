"""Decap CMS's configuration (admin/config.yml), made from the field table.

Each form field is a field of read/fields.py ``FIELDS`` (its name, label and whether it
is required), shown by the widget ``FORM`` gives it; ``DERIVED`` are the fields the
form does not show because the build derives them (the program year, from the date).
A field the form does not show is kept as it is written when an entry is saved
(the collection's format, editor/front_matter.mjs).

New entries are written as ``news/<program year>/<slug>/index.md``, a folder that
takes the entry's photos: the program year and a proposed slug are set before saving
(editor/admin.mjs, ``preSave``) as ``__newsroom_year`` and ``__newsroom_slug``, keys the
format never writes.

>>> config = decap_config(EditorSettings(repo="org/news"), tags=("เยาวชน",))
>>> config["collections"][0]["path"]
'{{__newsroom_year}}/{{slug}}/index'
>>> [f["name"] for f in config["collections"][0]["fields"]][:5]
['title', 'date', 'author', 'photographer', 'province']
"""

from __future__ import annotations

from typing import Any

import yaml

from ..model import province as provinces
from ..model.messages import CATALOGUE
from ..read.fields import FIELDS
from .settings import EditorSettings

FORMAT = "newsroom"            # the collection's format, registered by admin.mjs
COLLECTION = "news"
DERIVED = ("year",)            # fields the build derives; the form does not show them
WIDGET_PREFIX = "nr-"          # our widgets wrap Decap's own with the archive's rules


def _th(key: str) -> str:
    """The editor speaks Thai whatever NEWSROOM_LANG says: it is the writers' tool."""
    return CATALOGUE[key].th


def _names(label_key: str) -> dict[str, Any]:
    return {"widget": WIDGET_PREFIX + "list", "allow_add": True, "collapsed": False,
            "field": {"name": "name", "label": _th(label_key), "widget": "string"}}


# How each field of the table is shown: its widget and what the widget needs.
FORM: dict[str, dict[str, Any]] = {
    "title": {"widget": WIDGET_PREFIX + "string", "hint": _th("editor.hint.title")},
    "date": {"widget": WIDGET_PREFIX + "datetime", "format": "YYYY-MM-DD", "default": "{{now}}",
             "date_format": "YYYY-MM-DD", "time_format": False,
             "hint": _th("editor.hint.date")},
    "author": {**_names("editor.label.name"), "hint": _th("editor.hint.author")},
    "photographer": {**_names("editor.label.name"), "hint": _th("editor.hint.photographer")},
    "province": {"widget": WIDGET_PREFIX + "select", "multiple": True,
                 "hint": _th("editor.hint.province")},
    "tags": {"widget": WIDGET_PREFIX + "tags", "hint": _th("editor.hint.tags")},
    "summary": {"widget": WIDGET_PREFIX + "text", "hint": _th("editor.hint.summary")},
    "image": {"widget": WIDGET_PREFIX + "image", "choose_url": False,
              "hint": _th("editor.hint.image")},
    "photos": {"widget": WIDGET_PREFIX + "list", "collapsed": False,
               "summary": "{{fields.file}}", "hint": _th("editor.hint.photos"),
               "fields": [
                   {"name": "file", "label": _th("editor.label.photo_file"),
                    "widget": "image", "choose_url": False},
                   {"name": "caption", "label": _th("editor.label.caption"),
                    "widget": "string", "required": False}]},
    "slug": {"widget": WIDGET_PREFIX + "string", "hint": _th("editor.hint.slug")},
    "draft": {"widget": WIDGET_PREFIX + "boolean", "default": False,
              "hint": _th("editor.hint.draft")},
}
BODY = {"name": "body", "label": _th("editor.label.body"), "widget": WIDGET_PREFIX + "markdown",
        # raw first: the form opens the text as written (rich text rewrites its Markdown)
        "modes": ["raw", "rich_text"], "hint": _th("editor.hint.body")}


def _fields(tags: tuple[str, ...]) -> list[dict[str, Any]]:
    out = []
    for f in FIELDS:
        if f.name in DERIVED:
            continue
        spec = {"name": f.name, "label": f.label, "required": f.required, **FORM[f.name]}
        if f.name == "province":
            spec["options"] = [{"label": p.name_th, "value": p.name_th}
                               for p in provinces.all_provinces()]
        if f.name == "tags":
            spec["options"] = list(tags)
        out.append(spec)
    return out + [BODY]


def decap_config(settings: EditorSettings, tags: tuple[str, ...]) -> dict[str, Any]:
    """The whole configuration: the GitHub backend, decap-server on 127.0.0.1 for a
    writer's machine, review before publishing, and the one collection of entries."""
    backend: dict[str, Any] = {"name": "github", "repo": settings.repo or "OWNER/REPOSITORY",
                               "branch": settings.branch, "squash_merges": True}
    if settings.base_url:
        backend["base_url"] = settings.base_url
    if settings.auth_endpoint:
        backend["auth_endpoint"] = settings.auth_endpoint
    config: dict[str, Any] = {
        "locale": "th",
        "backend": backend,
        # used only when the editor is opened on 127.0.0.1 or localhost (`make edit`)
        "local_backend": {"url": settings.local_backend_url,
                          "allowed_hosts": ["127.0.0.1", "localhost"]},
        "publish_mode": "editorial_workflow",
        "media_folder": "news",
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [{
            "name": COLLECTION,
            "label": _th("editor.collection"),
            "label_singular": _th("editor.collection"),
            "description": _th("editor.collection.about"),
            "folder": "news",
            "extension": "md",
            "format": FORMAT,
            "create": True,
            "identifier_field": "title",
            "delete": False,
            # no dots in the path: Decap turns them into hyphens before filling it in
            "path": "{{__newsroom_year}}/{{slug}}/index",
            "slug": "{{__newsroom_slug}}",
            "media_folder": "",
            "public_folder": "",
            "summary": "{{title}} ({{date}})",
            "sortable_fields": ["date", "title"],
            "fields": _fields(tags),
        }],
    }
    if settings.site_url:
        config["site_url"] = config["display_url"] = settings.site_url
    return config


def config_yaml(settings: EditorSettings, tags: tuple[str, ...]) -> str:
    return ("# Made by newsroom/editor/config.py from the field table: do not edit.\n"
            + yaml.safe_dump(decap_config(settings, tags), allow_unicode=True, sort_keys=False,
                             width=100))
