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
from html import escape
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

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from policy_library import deadline  # noqa: E402
from policy_library.accessibility import RECORD, AccessibilityRun, read_test_run  # noqa: E402
from policy_library.compare import use_site_markdown  # noqa: E402
from policy_library.errors import SourceError, display_path, reading_project  # noqa: E402
from policy_library.feeds import LIBRARY_FEED, policy_feed, write_feeds  # noqa: E402
from policy_library.gitdates import last_changed  # noqa: E402
from policy_library.layout import (ALL, LIBRARY, Layout, PolicyPage,  # noqa: E402
                                   compare_page, page_url, pages_of)
from policy_library.links import Misnumbered, misnumbered_links  # noqa: E402
from policy_library.loader import GLOSSARY_FILE, SETTINGS_FILE, load_library, policy_folders  # noqa: E402
from policy_library.models import Library, Policy  # noqa: E402
from policy_library.published import (Publication, PublishedLibrary,  # noqa: E402
                                      load_publication, tagged_versions)
from policy_library.review import Review, ReviewState, reviews  # noqa: E402
from policy_library.safety import (Finding, Page as SafePage, from_templates,  # noqa: E402
                                   refuse, source_of, unsafe_feed, unsafe_parts)
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
    scripts: frozenset[str] = frozenset()  # the scripts the site ships, from its top
    #: Each policy this build builds, by the address of its text ('social-media/policy/'),
    #: for the links whose words give a clause number.
    texts: dict[str, Policy] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reviews = {review.policy.slug: review
                        for review in reviews(self.library, self.today)}
        tags = tagged_versions(self.project)
        self.publications = {
            slug: load_publication(self.project, policy, tags.get(slug, ()))
            for slug, policy in self.library.policies.items()
            if self.layout.builds_policy(slug)}
        self.texts = {f"{self.layout.policy_folder(slug)}policy/": self.library.policies[slug]
                      for slug in self.publications}


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
                         test_run=_test_run(config, project), scripts=_site_scripts(config))
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


def _site_scripts(config: MkDocsConfig) -> frozenset[str]:
    """The scripts the site ships, from its top: the theme's own (each theme folder's
    assets/javascripts/, not its sub-folders) and the guide's (docs/assets/javascripts/).
    A page may load each of these once, and nothing else (policy_library/safety.py)."""
    folders = [*config.theme.dirs, config.docs_dir]
    return frozenset(f"assets/javascripts/{script.name}" for folder in folders
                     for script in (Path(folder) / "assets" / "javascripts").glob("*.js"))


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
        # Menu titles are HTML in the theme's templates (as MkDocs makes a page's title from
        # its heading), so a policy's title, which is plain text, is escaped for them.
        nav[at:at] = [{escape(policy.meta.title): _policy_nav(policy, layout)}
                      for policy in policies]
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


@event_priority(100)  # first, so the page's time limit covers every plugin's work on it
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Edit link, last-updated date and next review date (partials/source-file.html); and
    the page's time limit (policy_library/deadline.py), which on_post_page ends."""
    build = build_of(config)
    _start_deadline(page, config)
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


@event_priority(-100)  # last: the page's text is rendered
def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """MkDocs renders every page's text, then puts every page into its template: each of
    the two is timed on its own (policy_library/deadline.py)."""
    deadline.stop()
    return html


@event_priority(100)  # first: the page goes into its template
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    _start_deadline(page, config)
    return context


def on_build_error(error: Exception) -> None:
    deadline.stop()


def _start_deadline(page: Page, config: MkDocsConfig) -> None:
    build = build_of(config)
    seconds = build.library.settings.limits.page_seconds
    where = display_path(_sources_of(page, config)[0])
    deadline.start(seconds, (
        f"{where}:\n  The page {page.file.src_uri} took more than {seconds} seconds to "
        "build, so the build was stopped. Something in its source makes the Markdown reader "
        "work far harder than its size needs: often a long run of the same mark, such as "
        "hundreds of '[' or '*', or a very long paragraph of them.\n  How to fix: look for "
        "such a run in the file, above all in text pasted from elsewhere, and remove it. "
        "('page_seconds' under 'limits:' in policy_source/library.yml sets the limit.)"))


def _sources_of(page: Page, config: MkDocsConfig) -> list[Path]:
    """Every file a page's text can have come from, the likeliest first: its own source,
    its policy's other sources (or, for the library's own pages, which list every policy,
    every policy's), the glossary and settings, mkdocs.yml and the page's body in docs/."""
    build = build_of(config)
    root = build.project / SOURCE_ROOT
    generated = build.generated.get(page.file.src_uri) if page is not None else None
    everyone = [root / slug / name for slug in build.library.policies for name in POLICY_SOURCES]
    shared = [root / GLOSSARY_FILE, root / SETTINGS_FILE, build.project / "mkdocs.yml"]
    if generated is None:
        own = [Path(config.docs_dir) / page.file.src_uri] if page is not None else []
        return [*own, *everyone, *shared]
    policy, spec = generated
    folder = root / policy.slug
    names = [spec.source, *(name for name in POLICY_SOURCES if name != spec.source)]
    return [*(folder / name for name in names), *shared,
            Path(config.docs_dir) / spec.body_in_docs]


def _refuse(finding: Finding, page: Page | None, config: MkDocsConfig,
            name: str = "") -> SourceError:
    """The error for a finding on a page (or on what the build writes as `name`), naming the
    source file and line it came from, or the templates if no source holds it."""
    found = source_of(finding, _sources_of(page, config))
    if found is None:
        return from_templates(finding, page.url if page else name,
                              Path(config.docs_dir) / "overrides")
    return refuse(finding, *found)


def _misnumbered(link: Misnumbered, page: Page, config: MkDocsConfig) -> SourceError:
    """The error for a link whose words give another clause than it leads to."""
    sources = _sources_of(page, config)
    return link.error(*(source_of(link, sources) or (sources[0], None)))


@event_priority(-100)  # last: what is checked is what is written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Every page as it is written: Material's few pieces of invalid markup corrected
    (policy_library/theme_markup.py), then the whole page, head to foot, judged against the
    allow-list (policy_library/safety.py), and every link whose words give a clause number
    checked against the clause it leads to. A finding stops the build, naming the source
    file (and line) it came from. Nothing changes the page after this."""
    build = build_of(config)
    html = mend(output)
    tree = LexborHTMLParser(html)
    found = unsafe_parts(tree, SafePage(page.url, build.scripts))
    if found:
        raise _refuse(found[0], page, config)
    wrong = misnumbered_links(tree, page.url, build.texts)
    if wrong:
        raise _misnumbered(wrong[0], page, config)
    deadline.stop()
    return html


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for the pages the theme writes itself, such as 404.html, which a web server
    shows at any address, so its addresses start from the top of the site."""
    if not template_name.endswith(".html"):
        return output_content
    html = mend(output_content)
    found = unsafe_parts(html, SafePage("", build_of(config).scripts, from_top=True))
    if found:
        raise _refuse(found[0], None, config, template_name)
    return html


def on_post_build(config: MkDocsConfig) -> None:
    """The build with the library's own pages writes the feeds of published versions
    (policy_library/feeds.py). A build of the whole library (`make serve`) gets its search
    index here; `make build` indexes it beside its link check, and `make publish` the
    published library as it will stand."""
    build = build_of(config)
    if build.layout.builds_library_pages:
        site = Path(config.site_dir)
        write_feeds(site, build.library, build.published,
                    config.site_name, config.site_author or config.site_name, build.today)
        for name in [LIBRARY_FEED, *map(policy_feed, build.library.policies)]:
            found = unsafe_feed((site / name).read_bytes())
            if found:
                raise _refuse(found[0], None, config, name)
    if build.layout.part == ALL and config.extra.get("guide_search_index", True):
        try:
            index_site(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
