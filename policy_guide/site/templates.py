"""What the theme overrides in docs/overrides/ need from Python: `library_root`, the address
of the library home from the page being rendered (the search box, the feeds, the footer),
the `plain_text` filter, for titles, and the Content-Security-Policy every page carries.

It is a hook of its own, apart from hook.py, so that the overrides render without the
library's build too (the benchmark's plain Material build, policy_guide/bench.py, uses them as they are).
"""

from __future__ import annotations

import re
from html import unescape

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from policy_guide.site.safety import CONTENT_SECURITY_POLICY


def library_root(page: object, base_url: str) -> str:
    """The page's own address of the library home (library.py's on_page_markdown sets it),
    or, on a page the theme writes alone (404.html, served at any address), the top of the
    site."""
    if isinstance(page, Page) and page.meta.get("library_home"):
        return page.meta["library_home"]
    return base_url.rstrip("/") + "/"


_TAG = re.compile(r"<[^<>]*>")


def plain_text(html: object) -> Markup:
    """A title as MkDocs and the theme hold it (HTML: a page's title is made from its
    heading, with its entities kept and its tags dropped) as plain text, escaped for any
    place in a page, an attribute or <title> included. Jinja's `striptags` does the first
    half only: on a title such as '&lt;/title&gt;' it gives back real markup."""
    text = _TAG.sub("", str(html or ""))
    return escape(" ".join(unescape(text).split()))


def on_env(env, config: MkDocsConfig, files: Files):
    env.globals["content_security_policy"] = CONTENT_SECURITY_POLICY
    env.globals["library_root"] = library_root
    env.filters["plain_text"] = plain_text
    return env
