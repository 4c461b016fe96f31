"""The version of the code a cache under .cache/ was made by: packages and our own bytes.

Every cache keys its files by what made them: the versions of the packages whose
output it keeps, and the bytes of this package's code (.py, .mjs, .js), so any
change to newsroom/ is a new key and the cache is made again, never trusted.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from pathlib import Path


@functools.lru_cache(maxsize=8)
def code_version(packages: tuple[str, ...], salt: str = "") -> str:
    """A digest of ``salt``, the installed versions of ``packages`` (distribution
    names; "-" for one not installed) and every source file of newsroom/."""
    h = hashlib.sha256(salt.encode())
    for name in packages:
        try:
            h.update(f"{name}={importlib.metadata.version(name)};".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{name}=-;".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".mjs", ".js") and path.is_file():
            h.update(path.relative_to(package).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()
