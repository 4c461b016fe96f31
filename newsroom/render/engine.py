"""The engine the hooks run under: MkDocs, or ProperDocs (its maintained fork).

Both hand the hooks objects of their own classes, under their own package name.
Its File, Page and PluginError classes are looked up here, from an object the
engine handed us, never imported by name elsewhere.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


def name_of(obj: Any) -> str:
    """'mkdocs' or 'properdocs': the package an object handed to a hook comes from."""
    return type(obj).__module__.split(".", 1)[0]


def module(obj: Any, name: str) -> ModuleType:
    """The engine's module ``name`` ('structure.files', 'utils', …)."""
    return importlib.import_module(f"{name_of(obj)}.{name}")


def plugin_error(obj: Any) -> type[Exception]:
    return module(obj, "exceptions").PluginError


def module_near(function: Any, name: str) -> ModuleType:
    """The engine's module ``name``, found from one of its functions (the ``url``
    filter a Jinja environment was given)."""
    engine = getattr(function, "__module__", "mkdocs").split(".", 1)[0]
    return importlib.import_module(f"{engine}.{name}")
