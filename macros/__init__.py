"""mkdocs-macros entry points: this module only registers. The work is in:

    site.py       the macros pages call, handing models to render/
    render/       models -> Markdown and HTML
    pagecheck.py  template mistakes in docs/ pages, caught before rendering

The library itself is loaded once per build by the MkDocs hook (docs/overrides/hooks/
library.py), which also generates each policy's pages; the domain code is policy_library/.
"""

from __future__ import annotations

from pathlib import Path

from .pagecheck import check_template
from .render.common import plain
from .render.glossary import abbreviation_lines
from .site import SiteMacros


def define_env(env) -> None:
    build = env.conf["extra"]["library_build"]  # set by the hook's on_config, which runs first
    site = SiteMacros(build.library, lambda: env.page.file.src_uri, today=build.today,
                      publications=build.publications, layout=build.layout,
                      published=build.published, test_run=build.test_run)
    for name, function in site.macros().items():
        env.macro(function, name)
    # Plain text an owner wrote, placed in a page's Markdown: {{ policy().meta.title | plain }}
    env.filter(plain, "plain")
    env.variables["abbreviations"] = abbreviation_lines(build.library.glossary)


def on_pre_page_macros(env) -> None:
    page = env.page
    if page.meta.get("render_macros") is False or page.file.generated_by:
        return  # generated pages are the library's own templates, checked by the tests
    docs_dir = Path(env.conf["docs_dir"])
    known = set(env.variables) | set(env.env.globals) | set(page.meta)
    check_template(env.markdown, env.env, known, docs_dir / page.file.src_uri)


def on_post_page_macros(env) -> None:
    """Explain every abbreviation in the glossary wherever a page uses it."""
    env.markdown += "\n\n" + env.variables["abbreviations"] + "\n"
