"""Helpers for the tests that break a copy of the project on purpose and build it: the build
must fail with a plain message and leave the previous site exactly as it was."""

from __future__ import annotations

from pathlib import Path


def previous_site(parent: Path) -> Path:
    site = parent / "site"
    site.mkdir()
    (site / "index.html").write_text("previous good build", encoding="utf-8")
    return site


def assert_failed_cleanly(result, site: Path, *expected: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for words in expected:
        assert words in output, output
    assert [p.name for p in site.iterdir()] == ["index.html"], "site/ was changed"
    assert (site / "index.html").read_text(encoding="utf-8") == "previous good build"
    assert [p.name for p in site.parent.iterdir() if p.name != "project"] == ["site"], \
        "a half-built folder was left behind"
    return output
