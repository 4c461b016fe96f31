"""`make bench` itself, at sizes small enough for the suite: it builds both kinds,
measures every figure the performance issue asks for, and writes them as JSON."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import ROOT


def test_the_benchmark_measures_every_figure_at_two_sizes(tmp_path):
    results = tmp_path / "results.json"
    out = subprocess.run([sys.executable, "-m", "bench.run", "--sizes", "30,60", "--repeat", "1",
                          "--json", str(results)], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    data = json.loads(results.read_text(encoding="utf-8"))
    assert [s["entries"] for s in data["sizes"]] == [30, 60]
    for size in data["sizes"]:
        for kind in ("project", "baseline"):
            (run,) = size[kind]
            assert run["seconds"] > 0 and run["peak_mb"] > 20 and run["output_mb"] > 0
        summary = size["summary"]
        # the project's site holds more than the baseline's: archives, feeds, search
        assert summary["project_output_mb"] > summary["baseline_output_mb"]
        assert size["check_s"] > 0 and size["preview"]["seconds"] > 0
        assert size["dirty"]["seconds"] > 0 and size["index_s"] > 0
        hugo = bool(size["hugo"])
        assert set(summary["targets_met"]) == {"build_ratio", "peak_memory", "check", "preview",
                                               "warm", *(["warm_added"] if hugo else [])}
        # the warm builds: the copy built again with its .cache/, then with one entry more
        assert 0 < summary["warm_s"] and 0 < summary["warm_added_s"]
        assert size["warm_added"]["output_mb"] > 0
        assert ("warm_added_hugo_ratio" in summary) == hugo
        assert set(size["stages"]) >= {"read + check entries (read.corpus.load)",
                                       "plan pages (plan.site_plan.plan_site)"}
    assert data["linearity"]["target"] == 2.1
    table = out.stdout
    assert "30 entries (median of 1 run)" in table and "60 entries" in table
    assert "preview after one edit (s)" in table and "linearity:" in table
    assert "warm build, nothing changed (s)" in table and "warm build, one entry added (s)" in table
    # below 10,000 entries a figure over a target is shown as such, not as a miss
    assert "MISSED" not in table
