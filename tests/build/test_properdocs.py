"""The same sources and mkdocs.yml build with ProperDocs, the maintained fork of MkDocs 1.x,
into the same pages: the way off MkDocs 1.6.1 (frozen) is tested on every change."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT, build_env


def pages(site: Path) -> dict[str, str]:
    """Each page's address and the text of its content."""
    found = {}
    for path in site.rglob("index.html"):
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(
            "article")
        found[path.parent.relative_to(site).as_posix()] = " ".join(
            article.get_text(" ").split()) if article else ""
    return found


def test_properdocs_builds_the_same_pages_strictly(site, tmp_path, passing_record):
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file",
         str(ROOT / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")],
        capture_output=True, text=True, cwd=ROOT,
        env={**build_env(), **passing_record, "GUIDE_SEARCH_INDEX": "false"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert pages(tmp_path / "site") == pages(site)
