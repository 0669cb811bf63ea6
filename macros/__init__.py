"""mkdocs-macros entry points. This module only wires things up; the work is in:

    loader.py     policy_source/ -> validated models (sourcefiles, structure, checks, safety)
    site.py       the macros pages call, handing models to render/
    render/       models -> Markdown
    pagecheck.py  template mistakes in docs/ pages, caught before rendering
    pagemeta.py   edit links and last-updated dates
    published.py  which versions were published (git tags), and their sources
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .gitdates import last_changed
from .loader import load_library
from .pagecheck import check_template
from .pagemeta import decorate
from .published import load_publication, tagged_versions
from .site import SiteMacros

SOURCE_ROOT = "policy_source"


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


def on_pre_page_macros(env) -> None:
    page = env.page
    if page.meta.get("render_macros") is False:
        return
    docs_dir = Path(env.conf["docs_dir"])
    known = set(env.variables) | set(env.env.globals) | set(page.meta)
    check_template(env.markdown, env.env, known, docs_dir / page.file.src_uri)
    decorate(page, env.policy_site.policy_for_page(page.file.src_uri), env.policy_dates,
             docs_dir.name, SOURCE_ROOT, Path(env.project_dir))
