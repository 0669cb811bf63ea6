"""The library's MkDocs hook (mkdocs.yml's `hooks:`): which pages a build has, its menu, what
each page shows besides its text, and the checks of each page as it is written. The macros
the pages call are registered by policy_guide.site.macros (mkdocs-macros' `modules:`).

Adding a policy means adding its folder in policy_source/: its pages are generated here from
the shared bodies in docs/includes/policy/ (site/layout.py's POLICY_PAGES), and so is its
part of the menu (site/menu.py). What the build knows is worked out once, in on_config
(site/state.py).

MkDocs loads this file by its path, so it imports the package by its full name.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from policy_guide.domain.dates import long_date
from policy_guide.domain.loader import SOURCE_FOLDER
from policy_guide.domain.models import Policy
from policy_guide.domain.review import ReviewState
from policy_guide.site import deadline
from policy_guide.site.feeds import write_feeds
from policy_guide.site.layout import (ALL, STAFF_WORDS_FILE, PolicyPage, compare_page, page_url,
                                      pages_of)
from policy_guide.site.menu import menu
from policy_guide.site.render.standing import review_due
from policy_guide.site.pagechecks import (check_feeds, checked_page, checked_template,
                                          main_source)
from policy_guide.site.safety import build_search_index
from policy_guide.site.state import KEY, read_state, state_of
from policy_guide.tools.git import last_changed
from policy_guide.tools.search import SearchIndexError


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


@event_priority(100)  # before mkdocs-macros, whose define_env uses what this loads
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = read_state(config)
    config.extra[KEY] = state
    layout, library = state.layout, state.library
    # Reviews due are told once a build: by the process that builds the library's own pages
    # (which loads every policy), else by the one building the policy.
    for review in state.reviews.values():
        if review.state is not ReviewState.CURRENT and (
                layout.builds_library_pages or layout.builds_policy(review.policy.slug)):
            _build_log().warning("Review %s: %s", review.state.value, review.describe())
    config.nav = menu(config.nav or [], library, layout)
    if layout.consultation:
        # A draft published for the people consulted: not a version (no version menu), and
        # its banner says so (docs/overrides/main.html, assets/javascripts/library.js)
        policy = library.policies[layout.part]
        entry = policy.history.current
        config.site_name = f"{policy.meta.title} - {config.site_name}"
        config.extra["policy_consultation"] = {
            "version": policy.meta.version, "title": policy.meta.title,
            "consulted": entry.decided_by, "contact": policy.meta.contact,
            "closes": entry.closes.isoformat(), "closes_long": long_date(entry.closes),
            "published_on": long_date(state.today),
            # a policy's first draft has no version in force to lead to
            "in_force": bool(state.publications[layout.part].versions)}
    elif layout.is_policy:
        policy = library.policies[layout.part]
        config.site_name = f"{policy.meta.title} - {config.site_name}"
        # Material's version menu reads ../versions.json, which publishing writes beside
        # the policy's version folders.
        config.extra["version"] = {"provider": "mike", "alias": True}
        config.extra["policy_version"] = policy.meta.version
        config.extra["policy_published_on"] = long_date(state.today)
        config.extra["policy_title"] = policy.meta.title
    return config


def _page_text(page: PolicyPage) -> str:
    front = [f"source: {page.source}"]
    if page.search:
        front.append(f"search:\n  {page.search}")
    return "---\n" + "\n".join(front) + f'\n---\n\n{{% include "{page.body}" %}}\n'


def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = state_of(config)
    if not state.layout.builds_library_pages:  # every page in docs/ is the library's own
        for file in list(files.documentation_pages()):
            files.remove(file)

    def add(policy: Policy, page: PolicyPage, inclusion: InclusionLevel) -> None:
        src_uri = f"{state.layout.policy_folder(policy.slug)}{page.name}"
        files.append(File.generated(config, src_uri, content=_page_text(page),
                                    inclusion=inclusion))
        if inclusion is not InclusionLevel.EXCLUDED:
            state.generated[src_uri] = (policy, page)

    for slug, policy in state.library.policies.items():
        # A policy another share builds (make build) is still listed, as left out of this
        # share's site, so that a library page's Markdown link to it leads where it will be
        # once the shares are put together (the link check then checks it, #anchor and all).
        if not state.layout.builds_policy(slug):
            for page in pages_of(policy):
                add(policy, page, InclusionLevel.EXCLUDED)
            continue
        for page in pages_of(policy):
            add(policy, page, InclusionLevel.UNDEFINED)
        # This version compared with each earlier published one but the one before it, which
        # "What changed" (changes.md) compares it with; linked from there, not in the menu.
        publication = state.publications[slug]
        for version in publication.earlier(policy.meta.version):
            if version != publication.previous:
                add(policy, compare_page(version), InclusionLevel.NOT_IN_NAV)
        # ... and with each draft published for consultation before it: what the
        # consultation changed (a draft's own pages link here once this version is approved)
        for version in publication.consulted_before(policy.meta.version):
            add(policy, compare_page(version), InclusionLevel.NOT_IN_NAV)
    state.dates = last_changed(state.project, ("docs", SOURCE_FOLDER))
    return files


@event_priority(100)  # first, so the page's time limit covers every plugin's work on it
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Edit link, last-updated date and next review date (partials/source-file.html); and
    the page's time limit (site/deadline.py), which on_page_content ends."""
    state = state_of(config)
    _start_deadline(page, config)
    found = state.generated.get(page.file.src_uri)
    if found is None:
        changed = state.dates.get(f"{Path(config.docs_dir).name}/{page.file.src_uri}")
    else:
        policy, spec = found
        page.meta["policy_slug"] = policy.slug
        page.meta["policy_title"] = policy.meta.title
        source = f"{SOURCE_FOLDER}/{policy.slug}/{spec.source}"
        changed = state.dates.get(source)
        if config.repo_url and config.edit_uri:
            edit_root = config.edit_uri.rstrip("/").rsplit("/", 1)[0]  # without docs/
            page.edit_url = f"{config.repo_url.rstrip('/')}/{edit_root}/{source}"
        page.meta["policy_review"] = {
            "title": policy.meta.title,
            "date": long_date(policy.meta.next_review),
            # A published version is never rebuilt: whether its review is overdue is said
            # by the reader's browser on the day (render/standing.py), not written in.
            "state": ("published" if state.layout.is_policy
                      else state.reviews[policy.slug].state.value),
            "marker": review_due(policy.meta.next_review,
                                 state.library.settings.review.warning_days),
        }
    if changed:
        page.meta["revision_date"] = long_date(changed)
    page.meta["library_home"] = state.layout.library_url(page_url(page.file.src_uri), "")
    return markdown


@event_priority(-100)  # last: the page's text is rendered
def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """MkDocs renders every page's text, then puts every page into its template: each of
    the two is timed on its own (site/deadline.py)."""
    deadline.stop()
    return html


@event_priority(100)  # first: the page goes into its template
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    _start_deadline(page, config)
    return context


def on_build_error(error: Exception) -> None:
    deadline.stop()


def _start_deadline(page: Page, config: MkDocsConfig) -> None:
    state = state_of(config)
    seconds = state.library.settings.limits.page_seconds
    where = main_source(state, Path(config.docs_dir), page)
    deadline.start(seconds, (
        f"{where}:\n  The page {page.file.src_uri} took more than {seconds} seconds to "
        "build, so the build was stopped. Something in its source makes the Markdown reader "
        "work far harder than its size needs: often a long run of the same mark, such as "
        "hundreds of '[' or '*', or a very long paragraph of them.\n  How to fix: look for "
        "such a run in the file, above all in text pasted from elsewhere, and remove it. "
        "('page_seconds' under 'limits:' in policy_source/library.yml sets the limit.)"))


@event_priority(-100)  # last: what is checked is what is written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Every page as it is written, mended and checked whole (site/pagechecks.py); nothing
    changes the page after this."""
    html = checked_page(output, page, state_of(config), Path(config.docs_dir))
    deadline.stop()
    return html


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for the pages the theme writes itself, such as 404.html."""
    if not template_name.endswith(".html"):
        return output_content
    return checked_template(output_content, template_name, state_of(config),
                            Path(config.docs_dir))


def on_post_build(config: MkDocsConfig) -> None:
    """The build with the library's own pages writes the feeds of published versions
    (site/feeds.py), checked as a feed reader gets them, and the staff words search looks
    for (layout.STAFF_WORDS_FILE: rewritten by every publish, so a new staff word reaches
    every published version without rebuilding any). A build of the whole library (`make
    serve`) gets its search index here; `make build` indexes it beside its link check, and
    `make publish` the published library as it will stand."""
    state = state_of(config)
    site = Path(config.site_dir)
    if state.layout.builds_library_pages:
        write_feeds(site, state.library, state.published,
                    config.site_name, config.site_author or config.site_name, state.today)
        check_feeds(site, state, Path(config.docs_dir))
        (site / STAFF_WORDS_FILE).write_text(
            json.dumps(state.library.staff_words.expansions(), ensure_ascii=False,
                       separators=(",", ":")),
            encoding="utf-8")
    if state.layout.part == ALL and config.extra.get("guide_search_index", True):
        try:
            build_search_index(site)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
