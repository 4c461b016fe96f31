"""What gets installed and run is pinned: the Python lock, and the actions of the workflows.

requirements.in names the direct dependencies; requirements.txt is the lock generated from it
(`make lock`), installed with `pip install --require-hashes --no-deps`. These checks read files
only (no network) and the running interpreter's installed distributions.
"""

import re
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements.txt"
DIRECT = ROOT / "requirements.in"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))

# The project itself is installed editable from the work tree, not from the lock.
# Nothing else is left out: pip and setuptools are locked too.
NOT_LOCKED = {"newsroom"}

PIN = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
PINNED_USES = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
TAG_COMMENT = re.compile(r"^\s+#\s*v\d+(\.\d+)*\s*$")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_lines(path: Path) -> list[str]:
    """The requirement lines of a requirements file, continuations joined, comments dropped."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    lines = (line.split(" #", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def pins(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in requirement_lines(path):
        match = PIN.match(line)
        assert match, f"{path.name}: not an exact pin: {line[:80]}"
        name = canonical(match[1])
        assert name not in found, f"{path.name}: {name} pinned twice"
        found[name] = match[2]
    return found


def test_every_lock_line_is_an_exact_pin_with_hashes():
    lines = requirement_lines(LOCK)
    assert len(lines) > 18, "the lock holds the direct dependencies and all beneath them"
    for line in lines:
        requirement, *options = line.split()
        assert PIN.fullmatch(requirement), f"not name==version: {requirement}"
        assert options, f"{requirement}: no --hash"
        for option in options:
            assert HASH.fullmatch(option), f"{requirement}: {option} is not a sha256 hash"


def test_every_direct_pin_is_locked_at_its_version():
    direct, locked = pins(DIRECT), pins(LOCK)
    assert direct, "requirements.in names the direct dependencies"
    for name, version in direct.items():
        assert locked.get(name) == version, f"{name}=={version} in requirements.in, {locked.get(name)} in the lock"


@pytest.mark.skipif(Path(sys.prefix).resolve() != (ROOT / ".venv").resolve(),
                    reason="checks the project's own .venv (make setup) only")
def test_every_installed_package_is_locked_at_its_installed_version():
    locked = pins(LOCK)
    installed = {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    for name in NOT_LOCKED:
        assert installed.pop(name, None) is not None, f"{name} is expected in .venv"
    unlocked = {name: version for name, version in installed.items() if name not in locked}
    assert not unlocked, f"installed but not in the lock (run `make lock`): {unlocked}"
    differ = {name: (version, locked[name]) for name, version in installed.items()
              if locked[name] != version}
    assert not differ, f"installed version differs from the lock (installed, locked): {differ}"
    missing = sorted(set(locked) - set(installed))
    assert not missing, f"in the lock but not installed: {missing}"


def test_the_lock_is_installed_with_hashes_and_npm_without_scripts():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.txt" in make
    assert re.search(r"^\$\(STAMP\): requirements\.txt ", make, re.M)
    assert "npm ci --ignore-scripts" in make


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_its_tag(workflow):
    text = workflow.read_text(encoding="utf-8")
    lines = [m for m in map(USES.match, text.splitlines()) if m]
    for match in lines:
        assert PINNED_USES.match(match[1]), f"not pinned by a 40-hex commit: {match[1]}"
        assert TAG_COMMENT.match(match[2]), f"{match[1]}: no '# vX.Y.Z' comment"
    steps = [step for job in yaml.safe_load(text)["jobs"].values() for step in job.get("steps", [])]
    assert len(lines) == sum("uses" in step for step in steps)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_timeout_and_a_deploy_of_main_is_not_cancelled(workflow):
    flow = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    for name, job in flow["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int), f"job {name}: no timeout-minutes"
    cancel = flow.get("concurrency", {}).get("cancel-in-progress", False)
    assert cancel is False or "refs/heads/main" in str(cancel), \
        "a run on main (which deploys) must not be cancelled by the next push"


def test_there_is_a_workflow():
    assert WORKFLOWS
