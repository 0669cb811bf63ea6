"""mkdocs-macros entry points. This module only wires things up; the work is in:

    loader.py     policy_source/ -> validated models (sourcefiles, structure, checks, safety)
    site.py       the macros pages call, handing models to render/
    render/       models -> Markdown
    pagecheck.py  template mistakes in docs/ pages, caught before rendering
    pagemeta.py   edit links, last-updated and next-review dates
    review.py     which policies are due or overdue for review
    published.py  which versions were published (git tags), and their sources
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

from policy_library.gitdates import last_changed
from policy_library.loader import load_library
from .pagecheck import check_template
from .pagemeta import decorate
from policy_library.published import load_publication, tagged_versions
from .render.glossary import abbreviation_lines
from policy_library.review import ReviewState
from .site import SiteMacros

SOURCE_ROOT = "policy_source"


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


def define_env(env) -> None:
    project_dir = Path(env.project_dir)
    library = load_library(project_dir / SOURCE_ROOT)
    tags = tagged_versions(project_dir)
    publications = {slug: load_publication(project_dir, policy, tags.get(slug, ()))
                    for slug, policy in library.policies.items()}
    site = SiteMacros(library, lambda: env.page.file.src_uri, today=dt.date.today(),
                      publications=publications)
    for name, function in site.macros().items():
        env.macro(function, name)
    env.policy_site = site
    env.policy_dates = last_changed(project_dir)
    env.policy_abbreviations = abbreviation_lines(library.glossary)
    log = _build_log()
    for review in site.reviews.values():
        if review.state is not ReviewState.CURRENT:
            log.warning("Review %s: %s", review.state.value, review.describe())


def on_pre_page_macros(env) -> None:
    page = env.page
    if page.meta.get("render_macros") is False:
        return
    docs_dir = Path(env.conf["docs_dir"])
    known = set(env.variables) | set(env.env.globals) | set(page.meta)
    check_template(env.markdown, env.env, known, docs_dir / page.file.src_uri)
    policy = env.policy_site.policy_for_page(page.file.src_uri)
    decorate(page, policy, env.policy_dates, docs_dir.name, SOURCE_ROOT, Path(env.project_dir),
             env.policy_site.reviews[policy.slug] if policy else None)


def on_post_page_macros(env) -> None:
    """Explain every abbreviation in the glossary wherever a page uses it."""
    env.markdown += "\n\n" + env.policy_abbreviations + "\n"
