"""The import report: what the owner must look at after `make import`, written beside the
draft (policy_source/<name>.import-report.md, never published) and summed up on screen.

Every item names the Word paragraph it came from, counted from the top of the document, with
its first words, so the owner can find it in Word (Word's Navigation pane, or Find).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain.dates import long_date
from .draft import Draft
from .facts import NAMES
from .reading import Document, Note, Paragraph, Table

#: The headings the notes are grouped under, in the order the owner should work.
KINDS = {
    "number": "Numbers",
    "fact": "Document control",
    "made title": "Titles made from first words (Word gave these paragraphs no heading)",
    "picture": "Pictures",
    "text box": "Text boxes",
    "merged cells": "Tables with merged cells",
    "table": "Tables left out",
    "reference": "Cross-references",
    "link": "Links",
    "heading": "Headings without numbers",
    "style": "Word styles the import does not know",
    "text": "Introduction and summary",
    "comment": "Comments",
    "contents": "Contents",
}


def report_path(root: Path, source_folder: str, name: str) -> Path:
    return root / source_folder / f"{name}.import-report.md"


def _excerpts(document: Document) -> dict[int, str]:
    found = {}
    for block in document.blocks:
        if isinstance(block, Paragraph) and block.text:
            found[block.number] = block.excerpt()
        elif isinstance(block, Table):
            found.setdefault(block.after, f"table {block.number}")
    return found


def write_report(path: Path, draft: Draft, document: Document, folder: str,
                 today: dt.date) -> str:
    """Write the report to `path` and return its text."""
    excerpts = _excerpts(document)
    facts = draft.facts
    lines = [f"# Import report: {draft.title}", "",
             f"Imported from the Word file `{document.name}` on {long_date(today)} into "
             f"`{folder}` as a draft (version {draft.version}). This report is not published: "
             "work through it, then delete it.", "",
             "## What was imported", "",
             f"- {draft.sections} sections and {draft.clauses} clauses. Numbers came from "
             f"{draft.numbering}.",
             ]
    for fact in NAMES:
        if fact in facts.dates:
            lines.append(f"- {NAMES[fact].capitalize()}: {long_date(facts.dates[fact].date)} "
                         f"(from {facts.where.get(fact) or 'the document control'}).")
        elif fact in facts.values:
            lines.append(f"- {NAMES[fact].capitalize()}: {facts.values[fact]} "
                         f"(from {facts.where.get(fact) or 'the document control'}).")
    missing = facts.missing()
    if missing:
        lines.append(f"- Not in the Word file: {', '.join(NAMES[fact] for fact in missing)}.")
    lines += ["", "## Still to write", "",
              "`make check` lists each of these with its file and line.", ""]
    lines += [f"- {item[:1].upper() + item[1:]}." for item in draft.to_write]
    notes = sorted(draft.notes + [
        *(_problem(where, what) for where, what in facts.problems)],
        key=lambda note: (list(KINDS).index(note.kind) if note.kind in KINDS else 99,
                          note.paragraph))
    if notes:
        lines += ["", "## To check", "",
                  "Each item names the Word paragraph it came from, counted from the top of "
                  "the document, with its first words.", ""]
        heading = None
        for note in notes:
            if KINDS.get(note.kind, "Other") != heading:
                heading = KINDS.get(note.kind, "Other")
                lines += ["", f"### {heading}", ""]
            where = (f"Paragraph {note.paragraph} (\"{excerpts[note.paragraph]}\")"
                     if note.paragraph in excerpts else
                     f"Paragraph {note.paragraph}" if note.paragraph else "The document")
            lines.append(f"- {where}: {note.what}.")
    text = "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def _problem(where: str, what: str) -> Note:
    number = int(where.split()[-1]) if where.startswith("paragraph ") else 0
    return Note(number, "fact", f"{what} (in {where})" if not number else what)
