"""Every test file is collected by a plain `pytest` run (make test): a folder the run skips
would leave its tests passing without ever running."""

import subprocess
import sys

from conftest import ROOT


def test_a_plain_run_collects_every_test_file():
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                             "-p", "no:cacheprovider"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    collected = {line.split("::")[0] for line in result.stdout.splitlines() if "::" in line}
    files = {path.relative_to(ROOT).as_posix() for path in (ROOT / "tests").rglob("test_*.py")}
    assert files - collected == set()
    assert {path.split("/")[1] for path in collected} == {"unit", "build", "publishing",
                                                          "browser"}
