"""`make bench` runs end to end on a tiny library and ends with its one summary line. (The
figures themselves are for the README, never asserted: timings belong in the benchmark.)"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from chromium import BrowserMissing, find_chromium  # scripts/chromium.py
from conftest import ROOT

LINE = re.compile(r"^bench: policies=3 build_s=[\d.]+ plain_s=[\d.]+ ratio=[\d.]+ "
                  r"growth=[\d.]+ linkcheck_s=[\d.]+ page_kb=[\d.]+ search_kb=[\d.]+ "
                  r"preview_s=[\d.]+$")


def test_the_benchmark_runs_and_ends_with_its_summary_line():
    try:
        find_chromium()
    except BrowserMissing as missing:
        pytest.skip(f"the benchmark's search figures need a browser: {missing}")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--sizes",
                             "2", "3"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert LINE.match(lines[-1]), lines[-1]
    assert [line.split()[0] for line in lines[1:3]] == ["2", "3"]
