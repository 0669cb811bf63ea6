"""Markdown's abbreviations (`*[EIA]: Equality Impact Assessment`), explained wherever they
are used, in time that grows with the page's length.

This is Python-Markdown's own `abbr` extension with one change. Its tree processor finds the
position of each element among its parent's children by searching the list of children
(`list(parent).index(el)`), once for every element: on a page of many paragraphs, such as a
long list of questions and answers, that grows with the square of the page (a 1 MB page
spent a second on it, 4 MB sixteen). Here each element's position is known as it is visited.
mkdocs.yml lists this module in place of `abbr`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions.abbr import AbbrBlockprocessor, AbbrExtension, AbbrTreeprocessor
from markdown.util import AtomicString


class LinearAbbrTreeprocessor(AbbrTreeprocessor):
    """Python-Markdown's AbbrTreeprocessor, visiting each element with its position."""

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None,
                     position: int = 0) -> None:
        # Last child first, as upstream: an <abbr> inserted after a child leaves the
        # positions of the children before it as they were.
        for index in range(len(el) - 1, -1, -1):
            self.iter_element(el[index], el, index)
        if text := el.text:
            if not isinstance(text, AtomicString):
                for match in reversed(list(self.RE.finditer(text))):
                    if self.abbrs[match.group(0)]:
                        abbr = self.create_element(self.abbrs[match.group(0)], match.group(0),
                                                   text[match.end():])
                        el.insert(0, abbr)
                        text = text[:match.start()]
                el.text = text
        if parent is not None and el.tail:
            tail = el.tail
            if not isinstance(tail, AtomicString):
                for match in reversed(list(self.RE.finditer(tail))):
                    if self.abbrs[match.group(0)]:
                        abbr = self.create_element(self.abbrs[match.group(0)], match.group(0),
                                                   tail[match.end():])
                        parent.insert(position + 1, abbr)
                        tail = tail[:match.start()]
                el.tail = tail


class LinearAbbrExtension(AbbrExtension):
    def extendMarkdown(self, md) -> None:
        if self.config["glossary"][0]:
            self.load_glossary(self.config["glossary"][0])
        self.abbrs.update(self.glossary)
        md.registerExtension(self)
        md.treeprocessors.register(LinearAbbrTreeprocessor(md, self.abbrs), "abbr", 7)
        md.parser.blockprocessors.register(AbbrBlockprocessor(md.parser, self.abbrs), "abbr", 16)


def makeExtension(**kwargs) -> LinearAbbrExtension:
    return LinearAbbrExtension(**kwargs)
