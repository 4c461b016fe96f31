"""Files written whole or not at all: the caches under .cache/ and the photo copies.

A build may stop at any moment (a writer saves again, CI is cancelled), and two
processes may write the same file (photo workers): each writes a partial file
of its own beside the target and renames it into place, so a reader finds the
old file, the new one, or none, never half of one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """The partial file to write; it takes the place of ``path`` when the block ends
    without an error, and is removed when it does not."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        partial.unlink(missing_ok=True)     # (a link left there is not written through)
        yield partial
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


# The names the caches give their files and folders: a key (a SHA-256 in hex), as a
# file (.json, .blocks) or a folder, and their partial forms while written (.part, .new-PID).
_KEY_NAME = re.compile(r"[0-9a-f]{64}(?:\.json|\.blocks)?(?:\.\d+\.part|\.new-\d+)?")


def is_key_name(name: str) -> bool:
    """Whether a cache may have made a file or folder of this name: only those are
    removed when a cache drops what it no longer uses (a cache folder that is a link
    to a folder of other files must not lose them)."""
    return _KEY_NAME.fullmatch(name) is not None


def remove_other_keys(path: Path) -> None:
    """Remove the files beside ``path`` (a cache's file of one key) that are the files
    of other keys (``is_key_name``, with its suffix): what a cache of one file per key
    leaves behind."""
    for other in path.parent.glob(f"*{path.suffix}"):
        if other != path and is_key_name(other.name):
            try:
                other.unlink()
            except OSError:
                pass


def left_by_a_stopped_process(pid: str) -> bool:
    """Whether a file or folder named after process ``pid`` (its number as the name
    gives it: a build names its partial files and folders so) was left by a process
    that no longer runs: not this one, and not one that is running."""
    return pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid))


def _running(pid: int) -> bool:
    """Whether process ``pid`` runs: False for a number no process can have."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OverflowError, ValueError):     # beyond what a pid can be
        return False
    except OSError:                         # another user's process: running
        return True
    return True


def _sum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_keyed(path: Path, key: str, payload: Any) -> None:
    """A cache's file, whole: a first line {"key", "sum"}, then ``payload`` as JSON;
    ``sum`` is the SHA-256 of the payload's bytes (checked without encoding the payload
    again: 0.9 s for the line-break pieces of 10,000 entries when it was). Names the
    file system gives that are not UTF-8 are kept as they are (surrogates passed)."""
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass")
    with replacing(path) as partial:
        partial.write_bytes(json.dumps({"key": key, "sum": _sum(data)}).encode() + b"\n" + data)


def read_keyed(path: Path, key: str) -> Any:
    """The payload of a cache's file written by ``write_keyed`` with ``key``; None when
    the file is missing, truncated, corrupt or of another key (never trusted then)."""
    try:
        with open(path, "rb") as f:
            head = f.readline(1000)
            data = f.read()
        header = json.loads(head)
        if (not isinstance(header, dict) or header.get("key") != key
                or header.get("sum") != _sum(data)):
            return None
        return json.loads(data.decode("utf-8", "surrogatepass"))
    except (OSError, ValueError, RecursionError):
        return None


def write_text(path: Path, text: str) -> None:
    """``text`` as UTF-8 in ``path``, whole."""
    with replacing(path) as partial:
        partial.write_text(text, encoding="utf-8")


def link_or_copy(source: Path | str, target: Path | str) -> None:
    """``target`` as a hard link to ``source`` (which must be written whole and never
    changed in place: the caches' files), or a copy where no link can be made (another
    file system), its folder made first; a file already at ``target`` is replaced."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        if os.path.lexists(target):
            os.unlink(target)
    except OSError:
        pass                        # copyfile writes over it
    _link_or_copy_file(source, target)


def _link_or_copy_file(source: Path | str, target: Path | str) -> None:
    """``target`` (its folder made, no file there) a hard link to ``source``, or a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def files_under(folder: Path | str) -> dict[str, int]:
    """Every file under ``folder``: its path there ('d/12.bin') -> its size."""
    found: dict[str, int] = {}
    stack = [("", os.fspath(folder))]
    while stack:
        prefix, path = stack.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((f"{prefix}{entry.name}/", entry.path))
                elif entry.is_file(follow_symlinks=False):
                    found[prefix + entry.name] = entry.stat(follow_symlinks=False).st_size
    return found


def link_all(source: Path | str, target: Path | str, names: Iterable[str]) -> None:
    """Each of ``names`` (paths under ``source``, as files_under gives them) linked at
    the same path under ``target``, a folder no file is in yet, as link_or_copy does:
    16,000 files of a search index, each folder made once."""
    made: set[str] = set()
    source, target = os.fspath(source), os.fspath(target)
    for name in names:
        folder = name.rpartition("/")[0]
        if folder not in made:
            os.makedirs(os.path.join(target, folder), exist_ok=True)
            made.add(folder)
        _link_or_copy_file(os.path.join(source, name), os.path.join(target, name))
