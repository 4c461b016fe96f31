"""A preview rebuild timed as `mkdocs serve --dirty` does it: one process, hooks loaded once.

    python -m bench.preview PROJECT_DIR      -> prints the seconds of the rebuild after one edit

The first dirty build warms what serve keeps between builds (the hook's state,
its entry cache, .cache/pages); then one entry is edited and built again.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def preview_rebuild_seconds(root: Path) -> float:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def once() -> float:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
        config.plugins.on_startup(command="serve", dirty=True)
        start = time.perf_counter()
        build(config, dirty=True)
        return time.perf_counter() - start

    once()
    # The warm-up wrote 13,000 pages; a writer's next save comes after the disk has
    # taken them, so let it (as bench/run.py does before every timed step).
    os.sync()
    entry = sorted((root / "news").rglob("*.md"))[len(list((root / "news").rglob("*.md"))) // 2]
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("\n\n", "\n\nแก้ไขเพื่อวัดเวลา ", 1), encoding="utf-8")
    seconds = once()
    while True:          # the search index, made in the background, finishes before we leave
        try:
            os.wait()
        except ChildProcessError:
            break
    return seconds


if __name__ == "__main__":
    import logging
    logging.disable(logging.WARNING)
    print(f"{preview_rebuild_seconds(Path(sys.argv[1]).resolve()):.2f}")
