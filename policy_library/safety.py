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
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

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


#: The elements an HTML parser puts around any fragment. They are allowed with the global
#: attributes only: a browser gives the page's own <body> the attributes of a stray one.
_DOCUMENT_TAGS = frozenset({"html", "head", "body"})
#: What a browser removes from an address before it reads the scheme ("java&#9;script:").
_URL_INVISIBLES = str.maketrans("", "", "\t\n\r")


def unsafe_parts(html: str) -> list[Finding]:
    """Everything in the page's HTML that the allow-list does not let through, in order.
    The HTML is read as a browser reads it: Lexbor follows the HTML standard's parsing
    rules, including the odd cases (a stray <body>, a tag inside an SVG drawing)."""
    found: list[Finding] = []
    for node in LexborHTMLParser(html).root.traverse():
        tag = node.tag.lower()
        if tag.startswith("-"):  # text and comments
            continue
        if tag not in ALLOWED_TAGS and tag not in _DOCUMENT_TAGS:
            found.append(Finding(f"a <{tag}> element", f"<{tag}"))
            continue
        allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())
        attributes = {name.lower(): value for name, value in node.attributes.items()}
        if tag == "script" and (attributes.get("type") or "").lower() != "application/json":
            found.append(Finding("a <script> element, which runs code", "<script"))
        for name, value in attributes.items():
            if name not in allowed and not name.startswith(ATTRIBUTE_PREFIXES):
                why = ("which runs code" if name.startswith("on")
                       else "which pages of the library may not use")
                found.append(Finding(f"an '{name}' attribute, {why}", name))
            elif name in URL_ATTRIBUTES and value:
                found.extend(_address(tag, name, value))
    return found


def _address(tag: str, name: str, value: str) -> list[Finding]:
    address = value.translate(_URL_INVISIBLES).strip()
    scheme = _SCHEME.match(address)
    if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
        # The part of the scheme as written after any hidden character, to find its line.
        written = re.split(r"[\t\n\r]", value.split(":", 1)[0])[-1].strip()
        return [Finding(f"a '{scheme.group(1)}:' address, which can run code", written)]
    if name == "src" and (scheme or address.startswith("//")):
        return [Finding(f"an <{tag}> loaded from another website, which tells that site who "
                        "is reading", value.strip())]
    return []


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
