"""`make bench` runs end to end on a tiny library and ends with its one summary line. (The
figures themselves are for the README, never asserted: timings belong in the benchmark.)"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT
from policy_guide.bench import env, make_library, plain_project
from policy_guide.tools.browser import BrowserMissing, find_chromium

LINE = re.compile(r"^bench: policies=3 build_s=[\d.]+ plain_s=[\d.]+ ratio=[\d.]+ "
                  r"growth=[\d.]+ linkcheck_s=[\d.]+ page_kb=[\d.]+ search_kb=[\d.]+ "
                  r"preview_s=[\d.]+$")
STAFF_WORDS_LINE = re.compile(
    r"^bench: staff_words query_index_kb=[\d.]+ query_search_kb=[\d.]+ query_s=[\d.]+ "
    r"index_index_kb=[\d.]+ index_search_kb=[\d.]+ index_s=[\d.]+$")
FAQ_LINE = re.compile(r"^bench: faq_kb=64 faq_build_s=[\d.]+ faq_growth=[\d.]+$")


def test_the_benchmark_runs_and_ends_with_its_summary_line():
    try:
        find_chromium()
    except BrowserMissing as missing:
        pytest.skip(f"the benchmark's search figures need a browser: {missing}")
    result = subprocess.run([sys.executable, "-m", "policy_guide", "bench", "--sizes", "2",
                             "--sizes", "3", "--faq-kb", "32", "--faq-kb", "64"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert LINE.match(lines[3]), lines[3]
    assert STAFF_WORDS_LINE.match(lines[4]), lines[4]
    assert [line.split()[0] for line in lines[1:3]] == ["2", "3"]
    assert [line.split()[0] for line in lines[-3:-1]] == ["32", "64"]
    assert FAQ_LINE.match(lines[-1]), lines[-1]


def article_html(site) -> dict[str, str]:
    """Each page's content, as built."""
    from bs4 import BeautifulSoup

    found = {}
    for path in site.rglob("index.html"):
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(
            "article")
        for permalink in article.select(".headerlink") if article else ():
            permalink.decompose()  # the same, but their titles are the guide's own words
        found[path.parent.relative_to(site).as_posix()] = str(article)
    return found


def test_the_plain_build_renders_the_same_pages(tmp_path):
    """What the ratio compares against: plain Material must turn the captured Markdown into
    the same content as our build does (the same Markdown extensions and theme), or the
    benchmark measures something else."""
    project = make_library(ROOT, tmp_path, 2)
    plain = plain_project(project, tmp_path)
    for folder, site in ((project, tmp_path / "ours"), (plain, tmp_path / "plain-site")):
        built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet",
                                "--site-dir", str(site)], cwd=folder, env=env(),
                               capture_output=True, text=True)
        assert built.returncode == 0, built.stderr
    ours, theirs = article_html(tmp_path / "ours"), article_html(tmp_path / "plain-site")
    assert ours.keys() == theirs.keys()
    differ = [page for page in ours if ours[page] != theirs[page]]
    assert not differ, f"plain Material renders these pages differently: {differ}"
