"""The web editor's format (newsroom/editor/front_matter.mjs, the code the editor runs)
run in Node on every sample entry and on entries written by `newsroom new` and
`newsroom import`: read as the form holds it and written back unchanged, each file comes
back byte for byte (comments included); with one field changed, every other field reads
back equal (lists stay lists, dates stay dates) and the body is byte-identical. The same
through the browser, with Decap's widgets mounted: tests/browser/test_editor.py."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from newsroom.editor.rules import form_rules
from tests.helpers import ROOT, newsroom

FORMAT = ROOT / "newsroom" / "editor" / "front_matter.mjs"
LEGACY = ROOT / "tests" / "fixtures" / "legacy"
SCRIPT = """
import YAML from "yaml";
import { frontMatterFormat } from "%s";
import fs from "fs";
const { rules, files } = JSON.parse(fs.readFileSync(0, "utf8"));
const format = frontMatterFormat(YAML, rules, rules.fields);
const out = {};
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  const same = format.toFile(format.fromFile(text));
  const data = format.fromFile(text);
  data.title = data.title + " (แก้ไข)";
  out[file] = { same, changed: format.toFile(data), form: format.fromFile(text) };
}
process.stdout.write(JSON.stringify(out));
""" % FORMAT.as_uri()


def _round_trip(files: list[Path]) -> dict:
    given = json.dumps({"rules": form_rules({}), "files": [str(f) for f in files]})
    done = subprocess.run(["node", "--input-type=module", "-e", SCRIPT], input=given, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _split(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _assert_round_trips(files: list[Path]) -> dict:
    results = _round_trip(files)
    for file in files:
        text = file.read_text(encoding="utf-8")
        r = results[str(file)]
        assert r["same"] == text, file
        before, body = _split(text)
        after, body_after = _split(r["changed"])
        assert after.pop("title") == before.pop("title") + " (แก้ไข)"
        assert after == before, file                  # same values, same types
        assert body_after == body, file
    return results


def test_every_sample_entry_round_trips():
    files = sorted((ROOT / "news").rglob("*.md"))
    assert len(files) >= 30
    results = _assert_round_trips(files)
    form = results[str(ROOT / "news/2564/2020-11-06-udon-thani-academic-network.md")]["form"]
    assert form["author"] == ["ธนากร บุญญาศิริ", "ณัฐพล วงศ์สุวรรณ"]
    assert form["photographer"] == ["ธีรภัทร มณีโชติ"]          # a name, shown as a list
    assert form["province"] == ["อุดรธานี"] and form["date"] == "2020-11-06"


def test_entries_from_newsroom_new_and_import_round_trip_with_their_comments(project):
    made = newsroom(project, "new", "--province", "Nan", "--title", "ประชุมทดสอบ",
                    "--date", "2021-03-15", "--author", "สมชาย ใจดี,สมหญิง รักงาน",
                    "--tags", "เยาวชน")
    assert made.returncode == 0, made.stderr
    imported = newsroom(project, "import", str(LEGACY / "both-credit.txt"),
                        str(LEGACY / "ambiguous.txt"))
    assert imported.returncode == 0, imported.stderr
    files = sorted((project / "news").rglob("*.md"))
    assert len(files) == 3
    commented = [f for f in files if "\n# " in f.read_text(encoding="utf-8")]
    assert commented                      # the importer's notes, as YAML comments
    results = _assert_round_trips(files)
    for f in commented:
        notes = [line for line in f.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        changed = results[str(f)]["changed"].splitlines()
        assert all(note in changed for note in notes)          # kept when another field changes
    form = results[str(files[0])]["form"]
    assert "__newsroom" in form and all(not k.startswith("__") for k in _split(
        results[str(files[0])]["changed"])[0])
