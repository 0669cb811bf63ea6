"""What the theme overrides in docs/overrides/ need from Python: `library_root`, the address
of the library home from the page being rendered (the search box, the feeds, the footer).

It is a hook of its own, apart from library.py, so that the overrides render without the
library's build too (scripts/bench.py's plain Material build uses them as they are).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def library_root(page: object, base_url: str) -> str:
    """The page's own address of the library home (library.py's on_page_markdown sets it),
    or, on a page the theme writes alone (404.html, served at any address), the top of the
    site."""
    if isinstance(page, Page) and page.meta.get("library_home"):
        return page.meta["library_home"]
    return base_url.rstrip("/") + "/"


def on_env(env, config: MkDocsConfig, files: Files):
    env.globals["library_root"] = library_root
    return env
