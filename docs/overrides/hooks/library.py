"""The library's MkDocs hook: which pages a build has, its menu, and what each page shows
besides its text. The macros the pages call are registered by macros/ (mkdocs-macros).

Adding a policy means adding its folder in policy_source/: its pages are generated here from
the shared bodies in docs/includes/policy/ (policy_library.layout.POLICY_PAGES), and so is
its part of the menu. Which part of the library a build makes is `extra.guide_part` in
mkdocs.yml (the GUIDE_PART environment variable): everything (`make serve`), the library
home (`library`), or one policy's pages for publishing (its folder name).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

# The project's own packages sit beside mkdocs.yml.
PROJECT = Path(__file__).resolve().parents[3]
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from policy_library.accessibility import RECORD, AccessibilityRun, read_test_run  # noqa: E402
from policy_library.compare import use_site_markdown  # noqa: E402
from policy_library.errors import reading_project  # noqa: E402
from policy_library.feeds import write_feeds  # noqa: E402
from policy_library.gitdates import last_changed  # noqa: E402
from policy_library.layout import (ALL, LIBRARY, Layout, PolicyPage,  # noqa: E402
                                   compare_page, page_url, pages_of)
from policy_library.loader import load_library, policy_folders  # noqa: E402
from policy_library.models import Library, Policy  # noqa: E402
from policy_library.published import (Publication, PublishedLibrary,  # noqa: E402
                                      load_publication, tagged_versions)
from policy_library.review import Review, ReviewState, reviews  # noqa: E402
from policy_library.safety import Finding, line_of, refuse, unsafe_parts  # noqa: E402
from policy_library.search import SearchIndexError, index_site  # noqa: E402
from policy_library.theme_markup import mend  # noqa: E402
from policy_library.dates import long_date  # noqa: E402

SOURCE_ROOT = "policy_source"
#: A policy's source files, where a page's content may come from.
POLICY_SOURCES = ("policy.md", "faqs.md", "eia.md", "rules.yml", "history.yml")


@dataclass
class LibraryBuild:
    """What one build knows, shared with the macros (macros/__init__.py) through the config."""

    library: Library
    layout: Layout
    today: dt.date
    published: PublishedLibrary
    project: Path
    reviews: dict[str, Review] = field(default_factory=dict)
    publications: dict[str, Publication] = field(default_factory=dict)
    dates: dict[str, dt.date] = field(default_factory=dict)
    generated: dict[str, tuple[Policy, PolicyPage]] = field(default_factory=dict)
    test_run: AccessibilityRun | None = None  # the last passing accessibility test run, if any

    def __post_init__(self) -> None:
        self.reviews = {review.policy.slug: review
                        for review in reviews(self.library, self.today)}
        tags = tagged_versions(self.project)
        self.publications = {
            slug: load_publication(self.project, policy, tags.get(slug, ()))
            for slug, policy in self.library.policies.items()
            if self.layout.builds_policy(slug)}


def _build_log() -> logging.Logger:
    """Messages for the build's output that must not stop a strict build: MkDocs counts
    warnings only from its own "mkdocs" loggers, so this one sits beside them."""
    log = logging.getLogger("policy_guide")
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    return log


def _today(config: MkDocsConfig) -> dt.date:
    chosen = str(config.extra.get("guide_today") or "")
    try:
        return dt.date.fromisoformat(chosen) if chosen else dt.date.today()
    except ValueError:
        raise PluginError(f"GUIDE_TODAY is '{chosen}', which is not a date written "
                          "YYYY-MM-DD.") from None


def _published(config: MkDocsConfig) -> PublishedLibrary:
    path = str(config.extra.get("guide_published") or "")
    if not path:
        return PublishedLibrary()
    return PublishedLibrary.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def _test_run(config: MkDocsConfig, project: Path) -> AccessibilityRun | None:
    """The record of the last passing accessibility test run, for the statement."""
    record = project / str(config.extra.get("guide_accessibility_record") or RECORD)
    try:
        with reading_project(project):  # the record is named from the project in messages
            return read_test_run(record)
    except ValueError as error:
        raise PluginError(str(error)) from None


def _layout(part: str, share: str, slugs: list[str]) -> Layout:
    """The build's layout; GUIDE_SHARE=2/3 makes the second of three shares of a build of the
    whole library (scripts/build.py runs one a core)."""
    if not share:
        return Layout(part)
    number, _, of = share.partition("/")
    if part != ALL or not (number.isdigit() and of.isdigit() and 1 <= int(number) <= int(of)):
        raise PluginError(f"GUIDE_SHARE is '{share}': it should be like 1/2, and only for a "
                          "build of the whole library.")
    return Layout.shared(slugs, int(number), int(of))


def build_of(config: MkDocsConfig) -> LibraryBuild:
    return config.extra["library_build"]


@event_priority(100)  # before mkdocs-macros, whose define_env uses what this loads
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = Path(config.config_file_path).resolve().parent
    part = str(config.extra.get("guide_part") or ALL)
    layout = _layout(part, str(config.extra.get("guide_share") or ""),
                     [folder.name for folder in policy_folders(project / SOURCE_ROOT)])
    # A build of one policy (make serve POLICY=..., make publish), or of a share of the
    # library without its own pages, loads only the policies it builds.
    library = load_library(project / SOURCE_ROOT, only=None if layout.builds_library_pages
                           else (layout.share or {part}))
    if part not in (ALL, LIBRARY) and part not in library.policies:
        raise PluginError(f"GUIDE_PART is '{part}', but there is no policy folder "
                          f"policy_source/{part}/.")
    use_site_markdown(config.markdown_extensions, config.mdx_configs)
    build = LibraryBuild(library, layout, _today(config), _published(config), project,
                         test_run=_test_run(config, project))
    config.extra["library_build"] = build
    # Reviews due are told once a build: by the process that builds the library's own pages
    # (which loads every policy), else by the one building the policy.
    for review in build.reviews.values():
        if review.state is not ReviewState.CURRENT and (
                layout.builds_library_pages or layout.builds_policy(review.policy.slug)):
            _build_log().warning("Review %s: %s", review.state.value, review.describe())
    config.nav = _nav(config.nav or [], library, layout)
    if layout.is_policy:
        policy = library.policies[part]
        config.site_name = f"{policy.meta.title} - {config.site_name}"
        # Material's version menu reads ../versions.json, which publishing writes beside
        # the policy's version folders.
        config.extra["version"] = {"provider": "mike", "alias": True}
        config.extra["policy_version"] = policy.meta.version
    return config


def _policy_nav(policy: Policy, layout: Layout) -> list:
    folder = layout.policy_folder(policy.slug)
    entries: list = []
    for page in pages_of(policy):
        path = f"{folder}{page.name}"
        entries.append(path if page.menu_title is None else {page.menu_title: path})
    return entries


def _nav(configured: list, library: Library, layout: Layout) -> list:
    """mkdocs.yml's menu holds the library's own pages; each policy's pages come from here."""
    if layout.is_policy:
        return _policy_nav(library.policies[layout.part], layout)
    nav = [entry for entry in configured if layout.builds_library_pages]
    if layout.part == ALL:
        policies = sorted((policy for slug, policy in library.policies.items()
                           if layout.builds_policy(slug)), key=lambda policy: policy.meta.title)
        at = 1 if nav else 0  # after Home
        nav[at:at] = [{policy.meta.title: _policy_nav(policy, layout)} for policy in policies]
    return nav


def _page_text(page: PolicyPage) -> str:
    front = [f"source: {page.source}"]
    if page.search:
        front.append(f"search:\n  {page.search}")
    return "---\n" + "\n".join(front) + f'\n---\n\n{{% include "{page.body}" %}}\n'


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = build_of(config)
    if not build.layout.builds_library_pages:  # every page in docs/ is the library's own
        for file in list(files.documentation_pages()):
            files.remove(file)

    def add(policy: Policy, page: PolicyPage, inclusion: InclusionLevel) -> None:
        src_uri = f"{build.layout.policy_folder(policy.slug)}{page.name}"
        files.append(File.generated(config, src_uri, content=_page_text(page),
                                    inclusion=inclusion))
        if inclusion is not InclusionLevel.EXCLUDED:
            build.generated[src_uri] = (policy, page)

    for slug, policy in build.library.policies.items():
        # A policy another share builds (make build) is still listed, as left out of this
        # share's site, so that a library page's Markdown link to it leads where it will be
        # once the shares are put together (lychee then checks it, #anchor and all).
        if not build.layout.builds_policy(slug):
            for page in pages_of(policy):
                add(policy, page, InclusionLevel.EXCLUDED)
            continue
        for page in pages_of(policy):
            add(policy, page, InclusionLevel.UNDEFINED)
        # This version compared with each earlier published one but the one before it, which
        # "What changed" (changes.md) compares it with; linked from there, not in the menu.
        publication = build.publications[slug]
        for version in publication.earlier(policy.meta.version):
            if version != publication.previous:
                add(policy, compare_page(version), InclusionLevel.NOT_IN_NAV)
    build.dates = last_changed(build.project)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Edit link, last-updated date and next review date (partials/source-file.html)."""
    build = build_of(config)
    found = build.generated.get(page.file.src_uri)
    if found is None:
        changed = build.dates.get(f"{Path(config.docs_dir).name}/{page.file.src_uri}")
    else:
        policy, spec = found
        page.meta["policy_slug"] = policy.slug
        page.meta["policy_title"] = policy.meta.title
        source = f"{SOURCE_ROOT}/{policy.slug}/{spec.source}"
        changed = build.dates.get(source)
        if config.repo_url and config.edit_uri:
            edit_root = config.edit_uri.rstrip("/").rsplit("/", 1)[0]  # without docs/
            page.edit_url = f"{config.repo_url.rstrip('/')}/{edit_root}/{source}"
        page.meta["policy_review"] = {
            "title": policy.meta.title,
            "date": long_date(policy.meta.next_review),
            "state": build.reviews[policy.slug].state.value,
        }
    if changed:
        page.meta["revision_date"] = long_date(changed)
    page.meta["library_home"] = build.layout.library_url(page_url(page.file.src_uri), "")
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Judge what is really published: the page's HTML after every extension and macro,
    against the allow-list in policy_library/safety.py. A finding stops the build, naming
    the source file (and line) it came from."""
    found = unsafe_parts(html)
    if found:
        raise refuse(found[0], *_source_of(found[0], page, config))
    return html


def _source_of(finding: Finding, page: Page, config: MkDocsConfig) -> tuple[Path, int | None]:
    """The file the finding was written in: one of the policy's sources (the page's own
    first), else the shared page body, else the page in docs/."""
    build = build_of(config)
    generated = build.generated.get(page.file.src_uri)
    if generated is None:
        candidates = [Path(config.docs_dir) / page.file.src_uri]
    else:
        policy, spec = generated
        folder = build.project / SOURCE_ROOT / policy.slug
        names = [spec.source, *(name for name in POLICY_SOURCES if name != spec.source)]
        candidates = [folder / name for name in names]
        candidates.append(Path(config.docs_dir) / spec.body_in_docs)
    for path in candidates:
        line = line_of(finding.needle, path.read_text(encoding="utf-8"))
        if line:
            return path, line
    return candidates[0], None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Every page as written: Material's few pieces of invalid markup corrected
    (policy_library/theme_markup.py)."""
    return mend(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for the pages the theme writes itself, such as 404.html."""
    return mend(output_content)


def on_post_build(config: MkDocsConfig) -> None:
    """The build with the library's own pages writes the feeds of published versions
    (policy_library/feeds.py). A build of the whole library (`make serve`) gets its search
    index here; `make build` indexes it beside its link check, and `make publish` the
    published library as it will stand."""
    build = build_of(config)
    if build.layout.builds_library_pages:
        write_feeds(Path(config.site_dir), build.library, build.published,
                    config.site_name, config.site_author or config.site_name, build.today)
    if build.layout.part == ALL and config.extra.get("guide_search_index", True):
        try:
            index_site(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
