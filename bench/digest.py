"""Digests of every file a build writes: to show two builds are byte for byte the same.

    python -m bench.digest NEWS_DIR OUT.json [--code CHECKOUT]

Builds a copy of the project (mkdocs.yml, docs/, overrides/, hooks/ of this checkout,
or of CHECKOUT with its newsroom package) around NEWS_DIR with a fixed clock and
site URL, and writes {path: sha256} of site/. Compare two such files with
``python -m bench.digest --compare A.json B.json``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")
EPOCH = "1700000000"
SITE_URL = "https://example.org/"


def _content(path: Path) -> bytes:
    """A file's bytes; a .gz file's uncompressed (zlib builds may compress alike data
    to other bytes, and the digest is about what the site holds)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def site_digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(_content(p)).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def build_digests(news: Path, code: Path = ROOT, env: dict[str, str] | None = None) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        for part in PARTS:
            src = code / part
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / part)
        shutil.copytree(news, project / "news")
        run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH,
                   "SITE_URL": SITE_URL, "PYTHONPATH": str(code), **(env or {})}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"],
                                cwd=project, env=run_env, capture_output=True, text=True)
        if result.returncode:
            raise SystemExit(result.stdout + result.stderr)
        return site_digests(project / "site")


def compare(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """What differs: files only in one, files whose bytes differ."""
    return ([f"only in the first: {p}" for p in sorted(a.keys() - b.keys())]
            + [f"only in the second: {p}" for p in sorted(b.keys() - a.keys())]
            + [f"differs: {p}" for p in sorted(a.keys() & b.keys()) if a[p] != b[p]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs=2, type=Path)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    if args.compare:
        a, b = (json.loads(p.read_text(encoding="utf-8")) for p in args.paths)
        diff = compare(a, b)
        print("\n".join(diff[:50]) or f"identical: {len(a)} files")
        sys.exit(1 if diff else 0)
    digests = build_digests(args.paths[0], args.code)
    args.paths[1].write_text(json.dumps(digests, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(digests)} files")


if __name__ == "__main__":
    main()
