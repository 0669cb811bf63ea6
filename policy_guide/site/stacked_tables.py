"""Tables that a phone can show without scrolling sideways.

On a narrow screen each row of a table becomes a block of labelled facts ("Version: 1.1",
"In force from: 19 December 2018"), so no column is out of sight (docs/assets/stylesheets/
policy.css). The labels are the table's own column headings, given to each cell as its
`data-label`: this Markdown extension does that for every table written in Markdown; the
renderers that write HTML tables do it themselves (render/common.py's labelled_cell).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

#: After Markdown's own tree processors, which make the tables and their text.
PRIORITY = 1


def _text(cell: etree.Element) -> str:
    return " ".join("".join(cell.itertext()).split())


class StackedTablesTreeprocessor(Treeprocessor):
    """Gives every body cell of every table its column's heading as `data-label`."""

    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead")
            body = table.find("tbody")
            if head is None or body is None:
                continue
            heading_row = head.find("tr")
            labels = [_text(cell) for cell in heading_row] if heading_row is not None else []
            for row in body.iter("tr"):
                for label, cell in zip(labels, row):
                    if label:
                        cell.set("data-label", label)


class StackedTablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(StackedTablesTreeprocessor(md), "stacked_tables", PRIORITY)


def makeExtension(**kwargs) -> StackedTablesExtension:
    return StackedTablesExtension(**kwargs)
