"""mkdocs-macros entry points (mkdocs.yml: `modules: [policy_guide.site.macros]`): this
module only registers. The work is in:

    macros.py     the macros pages call, handing models to ../render/
    pagecheck.py  template mistakes in docs/ pages, caught before rendering

What the build knows is worked out once by the MkDocs hook's on_config (site/state.py),
which runs first; the hook also generates each policy's pages.
"""

from __future__ import annotations

from pathlib import Path

from ..render.common import plain
from ..render.glossary import abbreviation_lines
from ..state import KEY
from .macros import SiteMacros
from .pagecheck import check_template


def define_env(env) -> None:
    state = env.conf["extra"][KEY]  # set by the hook's on_config, which runs first
    site = SiteMacros(state, lambda: env.page.file.src_uri)
    for name, function in site.macros().items():
        env.macro(function, name)
    # Plain text an owner wrote, placed in a page's Markdown: {{ policy().meta.title | plain }}
    env.filter(plain, "plain")
    env.variables["abbreviations"] = abbreviation_lines(state.library.glossary)


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
