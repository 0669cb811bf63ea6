"""Without chromium the browser tests skip and say how to install it, except in CI, where
they fail: a pipeline must never pass without having looked at the site in a browser."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

ONE_BROWSER_TEST = "tests/browser/test_privacy.py::test_a_missing_page_asks_only_the_site_itself"


def run_without_chromium(ci: str | None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env["CHROMIUM"] = str(ROOT / "no-such-browser")
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-rs", "-q", "-p", "no:cacheprovider",
                           ONE_BROWSER_TEST], capture_output=True, text=True, cwd=ROOT, env=env)


@pytest.mark.parametrize("ci", [None, "false"])
def test_they_skip_with_install_advice_outside_ci(ci):
    result = run_without_chromium(ci)
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout
    assert "apt-get install chromium" in result.stdout


def test_they_fail_in_ci():
    result = run_without_chromium("true")
    assert result.returncode != 0
    assert "Browser tests must run in CI" in result.stdout
    assert "apt-get install chromium" in result.stdout
