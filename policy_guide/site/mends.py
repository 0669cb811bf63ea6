"""Mends to markup Material writes in templates we cannot override one part of.

The W3C Nu HTML checker and pa11y (HTML_CodeSniffer) read every published page
(tests/browser/test_independent_checkers.py). Most of what they found is fixed in our own
templates (docs/overrides/). These four come from Material's base.html and nav-item.html,
which have no block around the markup in question; copying those whole templates to change
one attribute would fork the theme. So the MkDocs hook passes every page it writes through
`mend`, which changes only these exact pieces:

- the drawer and search toggles are checkboxes with `autocomplete="off"`, an attribute the
  HTML standard allows only on text-like inputs;
- a menu label that is a section heading gets `tabindex=""`, which is not a number (the
  label is not meant to be focusable, so the attribute is dropped);
- the current page's menu entry carries the checkbox that opens its contents (`__toc`)
  even when the page has no contents to open; with no label it is a form field with no
  name, so it is removed when nothing names it;
- the other way round, a page left out of the menu (a comparison of two versions) has no
  menu entry, so no such checkbox, yet its contents' title is still a label naming it: it
  becomes a plain title.

Every one of them is in the theme's markup before the page's own content (the header, the
menu and the page's contents list), so only that part of the page is mended: nothing a
page's text says can ever match a mend and be changed by it. The safety check reads the page
after the mends (site/pagechecks.py), so what it passes is what is written.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
    r'id="__(?:drawer|search)") autocomplete="off">')
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"<>]*"[^<>]*?) tabindex="">')
_TOC_TOGGLE = re.compile(r'\s*<input class="md-nav__toggle md-toggle" type="checkbox" '
                         r'id="__toc">')
_TOC_TITLE = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL)


#: Where the page's own content starts, in Material's base.html.
CONTENT_START = '<div class="md-content" data-md-component="content">'


def mend(html: str) -> str:
    """The page with Material's invalid pieces of markup corrected, in the theme's markup
    before the page's content only."""
    split = html.find(CONTENT_START)
    theme, content = (html, "") if split < 0 else (html[:split], html[split:])
    theme = _CHECKBOX_AUTOCOMPLETE.sub(r"\1>", theme)
    theme = _EMPTY_TABINDEX.sub(r"\1>", theme)
    if 'for="__toc"' not in theme:
        theme = _TOC_TOGGLE.sub("", theme)
    elif 'id="__toc"' not in theme:
        theme = _TOC_TITLE.sub(r'<div class="md-nav__title">\1</div>', theme)
    return theme + content
