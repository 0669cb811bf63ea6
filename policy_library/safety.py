"""Nothing on a page may run code in a reader's browser or contact another website.

The check reads the HTML the site really renders for each page (the MkDocs hook calls
`unsafe_parts` on every page, after every Markdown extension and macro has run), against an
allow-list: only the elements, attributes and kinds of address listed here get through.
So markup that an extension turns into HTML (attribute lists, Markdown inside HTML blocks)
is judged as it will be published, and anything new is refused until it is listed.

`check_template_markers` runs on the sources themselves: template code in a source file
would reach readers as it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import SourceError

#: Elements a page may hold: what Markdown, the site's extensions and our macros produce.
ALLOWED_TAGS = frozenset({
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "button", "caption", "code",
    "col", "colgroup", "dd", "del", "details", "div", "dl", "dt", "em", "figcaption",
    "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins",
    "kbd", "label", "li", "mark", "nav", "ol", "option", "p", "path", "pre", "q", "s",
    "samp", "section", "select", "small", "span", "strong", "sub", "summary", "sup", "svg",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
    "script",  # only as data: type="application/json" (checked below), never as code
})
#: Attributes any element may have.
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden",
                               "tabindex", "markdown"})
#: Attributes particular elements may have.
TAG_ATTRIBUTES = {
    "a": {"href", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "type", "reversed"},
    "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"}, "colgroup": {"span"},
    "details": {"open"}, "time": {"datetime"}, "q": {"cite"}, "blockquote": {"cite"},
    "del": {"datetime", "cite"}, "ins": {"datetime", "cite"},
    "form": {"name"}, "label": {"for"}, "option": {"value", "selected"},
    "select": {"name", "required"}, "button": {"type", "name", "value"},
    "input": {"type", "name", "value", "required", "min", "max", "placeholder"},
    "svg": {"xmlns", "viewbox", "width", "height", "fill", "aria-hidden", "focusable"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "script": {"type", "id"},
}
#: Attribute name prefixes any element may have: accessibility and page data, never code.
ATTRIBUTE_PREFIXES = ("aria-", "data-")
#: Attributes holding an address.
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
#: Kinds of address a link may use; anything else (javascript:, data:, vbscript:) is refused.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_TEMPLATE_MARKERS = ("{{", "{%")


@dataclass(frozen=True)
class Finding:
    what: str  # "an 'onclick' attribute, which runs code"
    needle: str  # text to look for in the source, to find the line


class _AllowList(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.found.append(Finding(f"a <{tag}> element", f"<{tag}"))
            return
        allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())
        values = dict(attrs)
        if tag == "script" and (values.get("type") or "").lower() != "application/json":
            self.found.append(Finding("a <script> element, which runs code", "<script"))
        for name, value in attrs:
            if name not in allowed and not name.startswith(ATTRIBUTE_PREFIXES):
                why = ("which runs code" if name.startswith("on")
                       else "which pages of the library may not use")
                self.found.append(Finding(f"an '{name}' attribute, {why}", name))
            elif name in URL_ATTRIBUTES and value:
                self._address(tag, name, value)

    handle_startendtag = handle_starttag

    def _address(self, tag: str, name: str, value: str) -> None:
        scheme = _SCHEME.match(value)
        if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
            found = scheme.group(1)
            self.found.append(Finding(f"a '{found}:' address, which can run code", f"{found}:"))
        elif name == "src" and (scheme or value.strip().startswith("//")):
            self.found.append(Finding(
                f"an <{tag}> loaded from another website, which tells that site who is "
                "reading", value.strip()))


def unsafe_parts(html: str) -> list[Finding]:
    """Everything in the page's HTML that the allow-list does not let through."""
    checker = _AllowList()
    checker.feed(html)
    checker.close()
    return checker.found


def line_of(needle: str, text: str, first_line: int = 1) -> int | None:
    for offset, line in enumerate(text.splitlines()):
        if needle.lower() in line.lower():
            return first_line + offset
    return None


def refuse(finding: Finding, path: Path, line: int | None) -> SourceError:
    return SourceError(
        path,
        f"This contains {finding.what}. Nothing on a page may run code or contact another "
        "website, to keep readers safe and their reading private.",
        "Remove it. Store any image in the repository beside the page, use ordinary "
        "Markdown for links, such as [clause 6.2](policy.md#anchor), and ask a developer if "
        "the page needs something Markdown cannot do.",
        line)


def check_template_markers(text: str, path: Path, first_line: int = 1) -> None:
    """Stop with a clear error if `text` holds template code, which is not filled in."""
    for marker in _TEMPLATE_MARKERS:
        line = line_of(marker, text, first_line)
        if line:
            raise SourceError(
                path,
                f"'{marker}' starts template code, which is not filled in inside policy "
                "source files; readers would see it as it is.",
                "Write the words themselves instead. If the page needs generated content, ask "
                "a developer to add a macro to the page in docs/.",
                line,
            )
