"""Nothing a reader's browser gets may run code, ask for a password, contact another website
or show words in a different order from the one reviewers read.

`unsafe_parts` reads HTML as a browser does (selectolax's Lexbor parser follows the HTML
standard, odd cases included) and judges it against an allow-list: only the elements,
attributes and kinds of address listed here get through, so anything new is refused until it
is listed. It reads either a whole page as written (`Page`: the head, the menu, every
attribute, the footer, after every template, mend and rewrite, which is the only check that
counts) or a piece of content on its own.

The guide's own scripts, forms and data are told apart from anything a page's text could
add by what they are, not by where they sit: a script must be one of the files the site
ships and load once; a form or input must be one of the guide's own controls, named by its
id, and no id may appear twice on a page, so nothing can copy or shadow them.

`check_template_markers` runs on the sources themselves: template code in a source file
would reach readers as it is written.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..domain.errors import SourceError, shortened
from ..tools.search import FOLDER as SEARCH_FOLDER, SearchIndexError, index_site, stored_pages
from ..domain.sourcetext import (BIDI_CONTROLS, INVISIBLE_CHARACTERS, character_name,
                                 line_of)

#: Elements a page's content may hold: what Markdown, the site's extensions and our macros
#: produce, and the theme's page structure.
CONTENT_TAGS = frozenset({
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "button", "caption", "code",
    "col", "colgroup", "dd", "del", "details", "div", "dl", "dt", "em", "fieldset",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins",
    "kbd", "label", "legend", "li", "main", "mark", "nav", "ol", "option", "p", "path", "pre", "q",
    "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "svg",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
})
#: The guide's own controls: allowed only as one of CONTROLS, by id.
CONTROL_TAGS = frozenset({"form", "input", "select"})
#: What only a page's <head> holds.
HEAD_TAGS = frozenset({"title", "meta", "link", "style"})
#: The elements around every document (a parser adds them around a piece of content too).
DOCUMENT_TAGS = frozenset({"html", "head", "body"})

#: Attributes any element may have.
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden",
                               "tabindex", "markdown"})
#: Attributes particular elements may have.
TAG_ATTRIBUTES = {
    "a": {"href", "rel", "hreflang", "type"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "type", "reversed"},
    "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"}, "colgroup": {"span"},
    "details": {"open"}, "time": {"datetime"}, "q": {"cite"}, "blockquote": {"cite"},
    "del": {"datetime", "cite"}, "ins": {"datetime", "cite"},
    "label": {"for"}, "option": {"value", "selected"}, "button": {"type"},
    "select": {"required"},
    "input": {"type", "name", "value", "required", "min", "max", "placeholder", "checked",
              "autocomplete", "autocapitalize", "spellcheck", "inputmode", "maxlength",
              "pattern"},
    "svg": {"xmlns", "viewbox", "width", "height", "fill", "aria-hidden", "focusable"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "script": {"type", "id", "src"},
    "meta": {"charset", "name", "content", "http-equiv"},
    "link": {"rel", "href", "type", "title", "hreflang", "sizes"},
    "html": {"lang"}, "body": set(), "head": set(), "title": set(), "style": set(),
    "form": {"novalidate"},
}
#: Attribute name prefixes any element may have: accessibility and page data, never code.
ATTRIBUTE_PREFIXES = ("aria-", "data-")

#: The guide's own controls, by id: the theme's toggles (the menu, search, the page's
#: contents, each menu section, the colour switch), the search box, the library home's
#: filters and the date box. (tag, input type or None, the id, as a pattern).
CONTROLS = (
    ("input", "checkbox", re.compile(r"__(drawer|search|toc|nav_\d+(_\d+)*)")),
    ("input", "radio", re.compile(r"__palette_\d+")),
    ("input", "text", re.compile(r"library-search-query")),
    ("input", "text", re.compile(r"on-a-date-(day|month|year)")),
    ("form", None, re.compile(r"library-filters|on-a-date")),
    ("select", None, re.compile(r"library-(category|status)")),
)
#: Material's components that its script may start, by data-md-component. Left out:
#: "source", which asks the git host's API for counts (another website), and Material's
#: own search, which the library's replaces.
THEME_COMPONENTS = frozenset({
    "announce", "consent", "container", "content", "dialog", "header", "header-title",
    "header-topic", "logo", "main", "outdated", "palette", "progress", "sidebar", "skip",
    "tabs", "toc", "top",
})
#: <link rel="..."> a page may have.
LINK_RELS = frozenset({"stylesheet", "icon", "prev", "next", "alternate", "canonical"})
#: <meta http-equiv="..."> a page may have.
META_HTTP_EQUIV = frozenset({"content-security-policy", "refresh"})

#: The browser's own guard on every page of the guide (a Content-Security-Policy, the first
#: thing in each page's head): even if something got past these checks, the browser loads
#: scripts, styles, pictures and data from the guide's own address only, runs no script
#: written inside a page, and sends no form anywhere. 'wasm-unsafe-eval' lets search run
#: Pagefind's WebAssembly; styles may be set on an element, as Material's script does;
#: Material's icons are pictures written in its styles as data: addresses.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-src 'none'")

#: A page that stands alone (the residents' house rules for the public website, the export's
#: 404 page) has no script, picture or font at all: only its own styles, written in it.
STANDALONE_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")

#: Kinds of address a link may use; anything else (javascript:, data:, vbscript:) is refused.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
#: What the URL standard strips from both ends of an address: C0 control characters and
#: the space.
_URL_ENDS = "".join(chr(code) for code in range(0x21))
#: ...and what it removes anywhere in it, before the scheme is read ("java&#9;script:").
_URL_INVISIBLES = str.maketrans("", "", "\t\n\r")
_REFRESH_URL = re.compile(r"url\s*=\s*(.*)$", re.IGNORECASE | re.DOTALL)

def _written_forms(character: str) -> tuple[str, ...]:
    """How a character may be written in a source: itself, or as an HTML entity."""
    code = ord(character)
    return (character, f"&#x{code:x};", f"&#x{code:X};", f"&#{code};")


#: Text to look for in a source to find a line: a string, or strings all on one line.
Needle = "str | tuple[str, ...]"


@dataclass(frozen=True)
class Finding:
    what: str  # "an 'onclick' attribute, which runs code"
    needles: tuple[Needle, ...]  # text to look for in the sources, most telling first

    @property
    def needle(self) -> str:
        return self.needles[0]


@dataclass(frozen=True)
class Page:
    """What a whole page may hold besides content: its address from the top of the site
    ('social-media/faqs/'), which relative addresses start from, and the scripts the site
    ships (their paths from the top of the site), each of which a page may load once. A
    page served at any address (a 404 page) writes its addresses `from_top` of the site."""

    url: str = ""
    scripts: frozenset[str] = field(default_factory=frozenset)
    from_top: bool = False
    policy: str = CONTENT_SECURITY_POLICY  # the Content-Security-Policy it must carry


def unsafe_parts(html: str | LexborHTMLParser, page: Page | None = None) -> list[Finding]:
    """Everything in `html` the allow-list does not let through, in document order. With
    `page`, `html` is a whole page as written; without, a piece of content on its own."""
    tree = html if isinstance(html, LexborHTMLParser) else LexborHTMLParser(html)
    return _Reader(page).read(tree)


class _Reader:
    def __init__(self, page: Page | None):
        self.page = page
        self.found: list[Finding] = []
        self.ids: Counter[str] = Counter()
        self.scripts: Counter[str] = Counter()
        self.titles = 0
        self.policies: list[str] = []

    def read(self, tree: LexborHTMLParser) -> list[Finding]:
        for node in tree.root.traverse(include_text=True):
            tag = node.tag.lower()
            if tag == "-text":
                self._text(node.text_content or "", node)
            elif not tag.startswith("-"):  # comments are inert once parsed
                self._element(tag, node)
        if self.page is not None and self.policies != [self.page.policy]:
            self.found.append(Finding(
                "no Content-Security-Policy, or not the guide's: every page carries the "
                "guide's, so that a browser refuses anything from another website even if "
                "it got onto a page", ("Content-Security-Policy", "<head")))
        for name, count in self.ids.items():
            if count > 1:
                self.found.append(Finding(
                    f"the id '{shortened(name)}' {count} times on one page, where each part "
                    "of a page needs its own (a copy could stand in for one of the guide's "
                    "own controls or data)", (f'#{name}', f'id="{name}"', name)))
        return self.found

    # -- elements ---------------------------------------------------------------------------

    def _element(self, tag: str, node: LexborNode) -> None:
        attributes = {name.lower(): value or "" for name, value in node.attributes.items()}
        if tag in HEAD_TAGS:
            if self.page is None or node.parent is None or node.parent.tag != "head":
                self.found.append(Finding(f"a <{tag}> element, which only the page's own "
                                          "heading part may hold", (f"<{tag}",)))
                return
            getattr(self, f"_{tag}")(attributes)
        elif tag == "script":
            self._script(attributes, node)
        elif tag in CONTROL_TAGS:
            self._control(tag, attributes)
        elif tag not in CONTENT_TAGS and tag not in DOCUMENT_TAGS:
            self.found.append(Finding(f"a <{tag}> element", (f"<{tag}",)))
            return
        self._attributes(tag, attributes)

    def _attributes(self, tag: str, attributes: dict[str, str]) -> None:
        allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())
        for name, value in attributes.items():
            written = (f'{name}="{value}"', f"{name}='{value}'", f"{name}={value}", name)
            if name not in allowed and not name.startswith(ATTRIBUTE_PREFIXES):
                why = ("which runs code" if name.startswith("on")
                       else "which pages of the library may not use")
                self.found.append(Finding(f"an '{name}' attribute, {why}", written))
                continue
            self._text(value, None)
            if name == "id":
                self.ids[value] += 1
                self._anchor(value)
            elif name == "data-md-component" and value not in THEME_COMPONENTS:
                self.found.append(Finding(
                    f"data-md-component=\"{shortened(value)}\", which would start a part of "
                    "the theme that this guide does not use", written))
            elif name in ("href", "src", "cite"):
                fetched = name == "src" or tag == "link"
                self._address(tag, name, value, fetched)
            elif name == "data-library-root":
                self._address(tag, name, value, fetched=True)

    def _anchor(self, value: str) -> None:
        hidden = sorted({character for character in value if character in
                         INVISIBLE_CHARACTERS | BIDI_CONTROLS})
        if hidden:
            self.found.append(Finding(
                f"an anchor ('#{shortened(value)}') holding a character nobody can see "
                f"({character_name(hidden[0])}), so two anchors could look the same",
                _written_forms(hidden[0])))

    def _control(self, tag: str, attributes: dict[str, str]) -> None:
        kind = attributes.get("type", "text").lower() if tag == "input" else None
        ident = attributes.get("id", "")
        if not any(tag == control_tag and kind == control_kind and pattern.fullmatch(ident)
                   for control_tag, control_kind, pattern in CONTROLS):
            what = f'<input type="{kind}">' if tag == "input" else f"<{tag}>"
            self.found.append(Finding(
                f"a form field ({shortened(what)}) that is not one of the guide's own "
                "controls: a policy page never asks readers to type anything in, and a "
                "field could be used to ask for a password", (f"<{tag}",)))

    def _script(self, attributes: dict[str, str], node: LexborNode) -> None:
        kind = attributes.get("type", "").lower()
        if kind == "application/json" and "src" not in attributes:
            return  # data, never run (an id can copy no other: ids are one to a page)
        source = attributes.get("src")
        if self.page is None or source is None or kind or (node.text() or "").strip():
            self.found.append(Finding("a <script> element, which runs code", ("<script",)))
            return
        path = self._site_path(source)
        if path is None or path not in self.page.scripts:
            self.found.append(Finding(
                f"a <script> loading '{shortened(source)}', which is not one of the scripts "
                "the guide ships", (source, "<script")))
            return
        self.scripts[path] += 1
        if self.scripts[path] > 1:
            self.found.append(Finding(f"the script '{shortened(source)}' loaded twice",
                                      (source, "<script")))

    def _title(self, attributes: dict[str, str]) -> None:
        self.titles += 1
        if self.titles > 1:
            self.found.append(Finding("a second <title> element", ("<title",)))

    def _meta(self, attributes: dict[str, str]) -> None:
        equiv = attributes.get("http-equiv", "").lower()
        content = attributes.get("content", "")
        if equiv and equiv not in META_HTTP_EQUIV:
            self.found.append(Finding(f"<meta http-equiv=\"{shortened(equiv)}\">",
                                      ("http-equiv",)))
        elif equiv == "content-security-policy":
            self.policies.append(" ".join(content.split()))
        elif equiv == "refresh":
            url = _REFRESH_URL.search(content)
            self._address("meta", "refresh", url.group(1).strip("'\" ") if url else "",
                          fetched=True)
        elif attributes.get("name") == "policy-versions":
            self._address("meta", "content", content, fetched=True)

    def _link(self, attributes: dict[str, str]) -> None:
        rels = set(attributes.get("rel", "").lower().split())
        if not rels or not rels <= LINK_RELS:
            self.found.append(Finding(f"<link rel=\"{shortened(attributes.get('rel', ''))}\">"
                                      ", which the guide does not use", ("<link",)))

    def _style(self, attributes: dict[str, str]) -> None:
        # The export's own page styles; never an address, which would be fetched.
        pass

    # -- text and addresses -----------------------------------------------------------------

    def _text(self, text: str, node: LexborNode | None) -> None:
        if node is not None and node.parent is not None and node.parent.tag == "style":
            lowered = text.lower()
            if any(marker in lowered for marker in ("url(", "@import", "image-set(", "\\")):
                self.found.append(Finding("styles that load something from an address",
                                          ("url(", "@import", "<style")))
        bidi = next((character for character in text if character in BIDI_CONTROLS), None)
        if bidi:
            self.found.append(Finding(
                f"a {character_name(bidi)} character, which makes text show in a different "
                "order from the one it is written in, so readers could see words other "
                "than the ones reviewers approved", _written_forms(bidi)))

    def _address(self, tag: str, name: str, value: str, fetched: bool) -> None:
        address = browser_address(value)
        if not address:
            return
        scheme = _SCHEME.match(address)
        written = _as_written(value)
        if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
            kind = scheme.group(1)
            why = ("which can run code" if kind.lower() in ("javascript", "vbscript")
                   else "which pages of the library may not use")
            self.found.append(Finding(f"a '{kind}:' address, {why}", written))
        elif fetched and (scheme or address.startswith("//")):
            self.found.append(Finding(
                f"a <{tag}> loaded from another website ('{shortened(value.strip())}'), "
                "which tells that site who is reading", written))
        elif fetched and address.startswith("/") and not (self.page and self.page.from_top):
            self.found.append(Finding(
                f"a <{tag}> loaded from '{shortened(value.strip())}', an address from the "
                "top of the web server, outside the guide", written))

    def _site_path(self, source: str) -> str | None:
        """The path from the top of the site of a relative address on this page."""
        address = browser_address(source).split("?", 1)[0].split("#", 1)[0]
        assert self.page is not None
        if self.page.from_top and address.startswith("/") and not address.startswith("//"):
            address = address.lstrip("/")
        elif not address or _SCHEME.match(address) or address.startswith("/"):
            return None
        joined = posixpath.normpath(posixpath.join(self.page.url, address))
        return None if joined.startswith("..") else joined


def unsafe_feed(xml: bytes) -> list[Finding]:
    """What a feed reader would be given that the guide does not allow: content marked as
    HTML (feeds hold plain text only), an address that leaves the library, or a character
    that reorders text. `xml` is an Atom feed as written (site/feeds.py)."""
    import xml.etree.ElementTree as ET

    reader = _Reader(None)
    for element in ET.fromstring(xml).iter():
        reader._text(element.text or "", None)
        reader._text(element.tail or "", None)
        for name, value in element.attrib.items():
            reader._text(value, None)
            if name == "type" and element.tag.endswith(("}title", "}summary", "}content",
                                                          "}subtitle", "}rights")) \
                    and value != "text":
                reader.found.append(Finding(f"feed text marked as '{shortened(value)}', which "
                                            "a feed reader would show as markup", (value,)))
            elif name == "href":
                reader._address("link", name, value, fetched=True)
    return reader.found


def unsafe_search_text(url: str, texts: list[str]) -> list[Finding]:
    """What the search index holds for one page (its address, and the title, words and
    headings it shows in results) that the guide does not allow."""
    reader = _Reader(None)
    if not url.startswith("/") or _SCHEME.match(browser_address(url).lstrip("/")):
        reader.found.append(Finding(f"a search result leading to '{shortened(url)}', outside "
                                    "the library", (url,)))
    for text in texts:
        reader._text(text, None)
    return reader.found


def check_search_index(site: Path) -> None:
    """Search results show what the index stores, so it passes the same check as the pages:
    every result leads into the library, and no stored text holds a character that reorders
    it. A SearchIndexError names the page it came from."""
    for page in stored_pages(site / SEARCH_FOLDER):
        texts = [page.get("content", ""), *map(str, page.get("meta", {}).values()),
                 *(anchor.get("text", "") for anchor in page.get("anchors", []))]
        found = unsafe_search_text(str(page.get("url", "")), texts)
        if found:
            raise SearchIndexError(
                f"The search index would show {found[0].what}, from the page "
                f"{page.get('url')}. Correct the page's source and build again.")


def build_search_index(site: Path, glob: str | None = None) -> None:
    """The library's search index over the pages of `site` (tools/search.py), checked."""
    index_site(site, glob)
    check_search_index(site)


def browser_address(value: str) -> str:
    """An address as a browser reads it before judging its scheme and host: without the
    control characters and spaces at either end, without tabs and line breaks anywhere,
    and with backslashes read as slashes (so '\\\\host' is another host, as in a browser)."""
    return value.strip(_URL_ENDS).translate(_URL_INVISIBLES).replace("\\", "/")


def _as_written(value: str) -> tuple[str, ...]:
    """Ways to find an address in its source: as written (unless it holds a character a
    source writes as an entity, such as a tab), then the part of its scheme after any
    such character, then its start."""
    trimmed = value.strip(_URL_ENDS)
    scheme_part = re.split(r"[\x00-\x20]", trimmed.split(":", 1)[0])[-1].strip()
    hidden = any(ord(character) < 0x20 for character in trimmed)
    parts = ((scheme_part, trimmed) if hidden else (trimmed, scheme_part + ":", trimmed[:20]))
    return tuple(dict.fromkeys(part for part in parts if len(part) > 2))


def source_of(finding: Finding, candidates: list[Path]) -> tuple[Path, int] | None:
    """The file and line a finding was written in: the first of `candidates` (the likeliest
    first) that holds one of its needles (the most telling first); None if none does (the
    finding came from the guide's templates, not from anything an owner wrote)."""
    texts: dict[Path, str] = {}
    for needle in finding.needles:
        for path in candidates:
            if path not in texts:
                texts[path] = path.read_text(encoding="utf-8") if path.is_file() else ""
            line = line_of(needle, texts[path])
            if line:
                return path, line
    return None


def from_templates(finding: Finding, page: str, templates: Path) -> SourceError:
    """A finding no source file holds: the guide's own templates put it on the page."""
    return SourceError(
        templates,
        f"The page {page} would contain {finding.what}. No policy source holds it, so it "
        "comes from the guide's own templates.",
        "Ask a developer to correct the template; nothing is published until it is.")


def refuse(finding: Finding, path: Path, line: int | None) -> SourceError:
    return SourceError(
        path,
        f"This contains {finding.what}. Nothing on a page may run code, ask readers to type "
        "anything in, or contact another website, to keep readers safe and their reading "
        "private.",
        "Remove it. Store any image in the repository beside the page, use ordinary "
        "Markdown for links, such as [clause 6.2](policy.md#anchor), and ask a developer if "
        "the page needs something Markdown cannot do.",
        line)
