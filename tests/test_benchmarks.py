"""The benchmarks' code runs (at a tiny size): nothing here times anything."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_the_benchmarks_run_every_goal_and_write_one_row_per_measurement(tmp_path):
    output = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks", "--smoke", "--output", str(output)]
        + ["--cache", str(tmp_path / "stores")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(output.read_text())["results"]
    assert {r["goal"] for r in results} == {
        "sign-in",
        "list",
        "search",
        "pdf",
        "rss",
        "exchange",
        "dashboard",
        "monthly",
    }
    search = next(r for r in results if r["goal"] == "search")
    assert search["baseline_samples"] and search["samples"]  # the plain side ran too
    assert all(
        r["samples"] and r["met"] is not None for r in results if r["target"].startswith("≤")
    )
    assert "| Sign in click → first rows painted" in done.stdout
