"""Shared fixtures: the real library, one strict build of the real site, and broken copies.

Tests are in tiers, by folder (pyproject.toml names them): unit/ (no build; `make
test-fast`), build/, publishing/ and browser/. Each test is marked with its tier here, so
`pytest -m unit` runs the fast tier wherever a test is written."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

from policy_guide.domain.loader import load_library, policy_folders
from policy_guide.domain.models import Library, Policy
from policy_guide.domain.scaffold import NewPolicy, scaffold
from policy_guide.site.accessibility import CHECKERS, AccessibilityRun, write_test_run
from policy_guide.tools.browser import BrowserMissing, find_chromium, serve_folder
from policy_guide.tools.folders import copy_project as copy_project_parts

ROOT = Path(__file__).resolve().parent.parent
#: The tiers, by the folder a test is in (pyproject.toml's markers).
TIERS = ("unit", "build", "publishing", "browser")


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        tier = next((part for part in Path(item.fspath).relative_to(ROOT / "tests").parts
                     if part in TIERS), None)
        if tier is None:
            raise pytest.UsageError(f"{item.nodeid} is in no tier: put it in one of "
                                    f"tests/{', tests/'.join(TIERS)}.")
        item.add_marker(tier)

#: The draft policy `make new-policy` writes into a copy of the project, so that every
#: per-policy test also runs against a policy straight from the scaffold.
SCAFFOLD = "flexible-working"
REAL_POLICIES = [folder.name for folder in policy_folders(ROOT / "policy_source")]
#: Used for "edit this page" links in the test build.
TEST_REPO_URL = "https://git.example.invalid/council/policies"


#: Folders of docs/ that hold templates and shared page bodies, not pages.
NOT_PAGES = ("overrides", "includes")


def docs_page_sources() -> list[Path]:
    """Every page of the guide, as its path in docs/ (without templates or shared bodies)."""
    docs = ROOT / "docs"
    return [path.relative_to(docs) for path in sorted(docs.rglob("*.md"))
            if path.relative_to(docs).parts[0] not in NOT_PAGES]


def preview_pages(library: Library) -> list[str]:
    """Every page of a preview build (`make build`) of the library, as its address: the
    library's own pages, then each policy's pages under its folder."""
    from policy_guide.site.layout import page_url, pages_of

    pages = [page_url(source.as_posix()) for source in docs_page_sources()]
    for slug, policy in library.policies.items():
        pages += [f"{slug}/{page_url(page.name)}" for page in pages_of(policy)]
    return pages


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(ROOT / "policy_source")


@pytest.fixture(scope="session")
def policy(library):
    return library.policies["social-media"]


@dataclass(frozen=True)
class Ran:
    """What a command printed, and its exit status, as a subprocess would give them."""

    returncode: int
    stdout: str
    stderr: str


def command(project: Path, *args: str, env: dict[str, str] | None = None) -> Ran:
    """`policy-guide args...` on the project at `project`, run in this process (click's
    CliRunner): the same command as `make`'s, without starting Python again for each."""
    from click.testing import CliRunner

    from policy_guide.cli import main

    result = CliRunner(env=env).invoke(main, ["--project", str(project), *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


def build_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REPO_URL": TEST_REPO_URL,
            "EDIT_URI": "edit/main/docs/"}


def run_build(project: Path, site_dir: Path,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`make build` of the project at `project` (its own package: `python -m` in its
    folder), into `site_dir`."""
    return subprocess.run(
        [sys.executable, "-m", "policy_guide", "build", "--site-dir", str(site_dir)],
        capture_output=True, text=True, env={**build_env(), **(env or {})}, cwd=project)


@pytest.fixture(scope="session")
def passing_record(tmp_path_factory) -> dict[str, str]:
    """The environment for a build as `make publish` makes it: after a test run that every
    accessibility checker passed, so the accessibility statement names them all (whatever
    this machine's own record says)."""
    record = tmp_path_factory.mktemp("record") / "accessibility.json"
    write_test_run(record, AccessibilityRun(dt.date(2026, 11, 20), "0" * 40, 75,
                                            {tool: "1.0.0" for tool in CHECKERS}))
    return {"GUIDE_ACCESSIBILITY_RECORD": str(record)}


@pytest.fixture(scope="session")
def site(tmp_path_factory, passing_record) -> Path:
    """The real site, built once as `make build` builds it (strict, links checked)."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = run_build(ROOT, site_dir, passing_record)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@dataclass
class ProjectCopy:
    """A copy of the project to break on purpose; the real files are never touched."""

    root: Path

    def path(self, relative: str) -> Path:
        return self.root / relative

    def replace(self, relative: str, old: str, new: str) -> int:
        """Replace the first `old` (which must occur) with `new`; return the line it was on."""
        path = self.path(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}: the test needs updating"
        start = text.index(old)
        path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
        return text[:start].count("\n") + 1

    def append(self, relative: str, text: str) -> int:
        """Add `text` at the end; return the line it starts on."""
        path = self.path(relative)
        current = path.read_text(encoding="utf-8")
        path.write_text(current + text, encoding="utf-8")
        return current.count("\n") + 1 + (len(text) - len(text.lstrip("\n")))

    def build(self, site_dir: Path, env: dict[str, str] | None = None
              ) -> subprocess.CompletedProcess:
        return run_build(self.root, site_dir, env)


def copy_project(root: Path) -> ProjectCopy:
    return ProjectCopy(copy_project_parts(ROOT, root))


@pytest.fixture
def project(tmp_path) -> ProjectCopy:
    return copy_project(tmp_path / "project")


@dataclass(frozen=True)
class BuiltPolicy:
    """One policy and the site it was built into."""

    policy: Policy
    library: Library
    site: Path
    root: Path  # the project the site was built from

    def url(self, page: str = "") -> str:
        """The built folder of one of the policy's pages: url('faqs') -> 'slug/faqs'."""
        return f"{self.policy.slug}/{page}".rstrip("/")


def scaffold_project(parent: Path) -> ProjectCopy:
    """A copy of the project with a new draft policy from `make new-policy`."""
    project = copy_project(parent / "project")
    scaffold(project.root, NewPolicy(SCAFFOLD), dt.date.today())
    return project


@pytest.fixture(scope="session")
def scaffolded(tmp_path_factory) -> BuiltPolicy:
    """A policy fresh from the scaffold, built strictly with the rest of the library."""
    parent = tmp_path_factory.mktemp("scaffolded")
    project = scaffold_project(parent)
    result = project.build(parent / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    library = load_library(project.path("policy_source"))
    return BuiltPolicy(library.policies[SCAFFOLD], library, parent / "site", project.root)


@pytest.fixture(scope="session", params=[*REAL_POLICIES, f"new:{SCAFFOLD}"])
def built(request, site, library) -> BuiltPolicy:
    """Each real policy in the real site, then a new policy straight from the scaffold."""
    if request.param.startswith("new:"):
        return request.getfixturevalue("scaffolded")
    return BuiltPolicy(library.policies[request.param], library, site, ROOT)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def missing(what: str) -> NoReturn:
    """Stop a test that needs something this machine lacks (`what`, with how to install it):
    a skip, except in CI, where every test must run, so a failure."""
    if in_ci():
        pytest.fail(f"Browser tests must run in CI, but: {what}", pytrace=False)
    pytest.skip(f"Browser tests skipped: {what}")


@pytest.fixture(scope="session")
def chromium() -> str:
    try:
        return find_chromium()
    except BrowserMissing as lacking:
        missing(str(lacking))


@pytest.fixture(scope="session")
def published(tmp_path_factory, chromium):
    """A library of three policies published through several merges, and exported (see
    tests/publishing/library.py). Publishing prints each version's PDFs, so it needs chromium."""
    from publishing.library import publish_library

    return publish_library(tmp_path_factory.mktemp("publishing"))


@pytest.fixture(scope="session")
def consulted(tmp_path_factory, chromium):
    """A draft of the Social Media Policy published for consultation, then a version
    approved after it (tests/publishing/consultation.py)."""
    from publishing.consultation import publish_consultation

    return publish_consultation(tmp_path_factory.mktemp("consultation"))


@pytest.fixture(scope="session")
def published_url(published):
    """The exported site served on 127.0.0.1, as a web server would serve it."""
    with serve_folder(published.exported) as url:
        yield url


@pytest.fixture(scope="session")
def three_versions(tmp_path_factory):
    """(project, site): three versions of a policy to compare (tests/publishing/three_versions.py)."""
    from publishing.three_versions import three_versions as build_them

    return build_them(tmp_path_factory.mktemp("compare"))


@pytest.fixture(scope="session")
def public_url(published):
    """The residents' house rules (`make export-public`) served on 127.0.0.1."""
    with serve_folder(published.public) as url:
        yield url
