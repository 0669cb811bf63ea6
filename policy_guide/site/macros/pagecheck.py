"""Check a docs page's template code before mkdocs-macros renders it.

mkdocs-macros reports an undefined name with a Python traceback; this check finds it first
and stops the build with the page, the line and the names that do exist.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from jinja2 import Environment, TemplateSyntaxError, meta

from ...domain.errors import SourceError, suggestion


def front_matter_lines(path: Path) -> int:
    """How many lines come before the Markdown MkDocs hands to plugins: the front matter
    and the blank lines after it, which MkDocs strips."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return 0
    end += 1
    while end < len(lines) and not lines[end]:
        end += 1
    return end


def _line_of(name: str, markdown: str) -> int | None:
    pattern = re.compile(rf"(\{{\{{|\{{%)[^}}]*\b{re.escape(name)}\b")
    for number, line in enumerate(markdown.splitlines(), start=1):
        if pattern.search(line):
            return number
    return None


def check_template(markdown: str, jinja: Environment, known: Iterable[str], path: Path) -> None:
    """Raise a SourceError for a syntax error or an unknown variable or macro in a page."""
    offset = front_matter_lines(path)
    try:
        tree = jinja.parse(markdown)
    except TemplateSyntaxError as error:
        raise SourceError(
            path, f"The template code here is broken: {error.message}.",
            "Check that every '{{' has a matching '}}' and every '{%' a matching '%}'.",
            (error.lineno or 0) + offset) from None
    known = set(known)
    unknown = sorted(meta.find_undeclared_variables(tree) - known)
    if unknown:
        name = unknown[0]
        line = _line_of(name, markdown)
        raise SourceError(
            path,
            f"'{name}' is not a macro or variable this site knows.{suggestion(name, known)}",
            "Check the spelling against the macros listed in docs/owners/how-to-change.md.",
            line + offset if line else None)
