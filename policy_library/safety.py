"""Refuse source text that would run code in a reader's browser, or template code.

Source text is converted to HTML the way the site will see it, then read with the standard
library's HTML parser, so a word like "script" in a sentence or a code example is not a
problem, but a `<script>` tag, an `onclick=` attribute or a `javascript:` link is.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown

from .errors import SourceError

UNSAFE_TAGS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
     "meta", "link", "style"}
)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data"})
_UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_EXTERNAL_URL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
EMBEDDING_TAGS = frozenset({"img", "audio", "video", "source", "track", "picture"})
_TEMPLATE_MARKERS = ("{{", "{%")


class _Finder(HTMLParser):
    """Collects (what was found, text to look for in the source) for each unsafe thing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in UNSAFE_TAGS:
            self.found.append((f"a <{tag}> tag", f"<{tag}"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((f"an '{name}' attribute, which runs code", name))
            elif name in URL_ATTRIBUTES and value and _UNSAFE_URL.match(value):
                scheme = value.strip().split(":", 1)[0]
                self.found.append((f"a '{scheme}:' link, which runs code", f"{scheme}:"))
            elif tag in EMBEDDING_TAGS and name == "src" and value and _EXTERNAL_URL.match(value):
                self.found.append(
                    (f"a <{tag}> loaded from another website, which tells that site who is "
                     "reading", value.strip())
                )

    handle_startendtag = handle_starttag


def _line_of(needle: str, text: str, first_line: int) -> int | None:
    for offset, line in enumerate(text.splitlines()):
        if needle.lower() in line.lower():
            return first_line + offset
    return None


def check_safe(text: str, path: Path, first_line: int = 1) -> None:
    """Stop with a clear error if `text` holds unsafe HTML or template markers."""
    for marker in _TEMPLATE_MARKERS:
        line = _line_of(marker, text, first_line)
        if line:
            raise SourceError(
                path,
                f"'{marker}' starts template code, which is not filled in inside policy "
                "source files; readers would see it as it is.",
                "Write the words themselves instead. If the page needs generated content, ask "
                "a developer to add a macro to the page in docs/.",
                line,
            )
    finder = _Finder()
    finder.feed(markdown.markdown(text))
    finder.close()
    if finder.found:
        what, needle = finder.found[0]
        raise SourceError(
            path,
            f"This contains {what}. Raw HTML that can run code or contact other websites "
            "is not allowed, to keep readers safe and their reading private.",
            "Remove it. Store any image in the repository beside the page, use ordinary "
            "Markdown for links, such as [clause 6.2](policy.md#anchor), and ask a developer "
            "if the page needs something Markdown cannot do.",
            _line_of(needle, text, first_line),
        )
