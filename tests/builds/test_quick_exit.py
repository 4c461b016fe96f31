"""A `mkdocs build` that succeeded ends without freeing its heap (render/quick_exit.py);
every other ending is Python's own, with its exit status.

Each build runs in a child Python that registers, before MkDocs starts, an exit
handler writing a file: Python's own exit runs it, ``os._exit`` does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import write_entry

GOOD = """\
title: ประชุมหารือ จังหวัดน่าน
date: 2020-11-06
author: สุภาวดี ศรีสุข
province: น่าน"""

RUN_CLI = """\
import atexit, pathlib, sys
marker = pathlib.Path(sys.argv[1])
atexit.register(lambda: marker.write_text("python's own exit"))
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", *sys.argv[2:]]
cli()
"""

# a build called in-process, as a script or a test would: its process goes on after it
RUN_IN_PROCESS = """\
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1])
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
print("still running")
sys.exit(3)
"""


def run(project: Path, *args: str, **env: str) -> tuple[subprocess.CompletedProcess, bool]:
    """The command's result, and whether Python's own exit ran."""
    marker = project.parent / "exited-normally"
    marker.unlink(missing_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", RUN_CLI, str(marker), *args, "-f", str(project / "mkdocs.yml")],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    return result, marker.exists()


def test_a_build_that_succeeded_ends_at_once_with_its_output_flushed(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    result, normal_exit = run(project, "build", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert not normal_exit
    assert "Documentation built in" in result.stderr          # the last log line, flushed
    assert (project / "site" / "news" / "2020-11-06-nan" / "index.html").is_file()
    assert (project / "site" / "search" / "index.json").is_file()
    assert not list(project.glob(".site.*"))


def test_without_the_speed_layers_python_ends_as_usual(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    result, normal_exit = run(project, "build", "--strict", NEWSROOM_FAST="0")
    assert result.returncode == 0, result.stderr[-3000:]
    assert normal_exit


def test_a_failed_build_keeps_its_exit_status(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD.replace("น่าน", "นาน"))
    result, normal_exit = run(project, "build", "--strict")
    assert result.returncode == 1 and "นาน" in result.stderr
    assert normal_exit


def test_a_strict_build_with_warnings_keeps_its_exit_status(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    (project / "docs" / "broken.md").write_text("[x](missing.md)\n", encoding="utf-8")
    result, normal_exit = run(project, "build", "--strict")
    assert result.returncode == 1
    assert "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr
    assert normal_exit


def test_a_build_called_in_process_does_not_end_its_caller(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    result = subprocess.run([sys.executable, "-c", RUN_IN_PROCESS, str(project / "mkdocs.yml")],
                            cwd=project, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 3, result.stderr[-3000:]
    assert "still running" in result.stdout
    assert (project / "site" / "news" / "2020-11-06-nan" / "index.html").is_file()
