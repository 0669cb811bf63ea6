"""The glossary page, and the abbreviation definitions added to the end of every page."""

from __future__ import annotations

from ...domain.models import Glossary
from .common import plain


def render_glossary(glossary: Glossary) -> str:
    """A definition list: each abbreviation, what it stands for, and what it is."""
    items = []
    for entry in sorted(glossary.entries, key=lambda entry: entry.abbreviation):
        text = plain(entry.meaning + (f". {entry.explanation}" if entry.explanation else ""))
        items.append(f"{entry.abbreviation}\n:   {text}\n")
    return "\n".join(items)


def abbreviation_lines(glossary: Glossary) -> str:
    """Markdown `abbr` definitions, so every use of an abbreviation explains itself on hover."""
    return "\n".join(f"*[{entry.abbreviation}]: {entry.meaning}" for entry in glossary.entries)
