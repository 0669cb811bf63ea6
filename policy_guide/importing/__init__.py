"""Bringing the council's Word policies into the guide (`make import`).

The flow follows the rest of the package, source -> models -> output:

    wordfile.py    the .docx file itself: refused, with the reason, unless it is a Word
                   document the import can read whole (not damaged, locked, macro-enabled,
                   oversized, or holding tracked changes)
    numbering.py   the numbers Word shows beside each paragraph, computed from the numbering
                   part (Word does not store them as text)
    reading.py     the document as blocks: numbered and plain paragraphs with their inline
                   text, tables, notes; every block knows the Word paragraph it came from
    facts.py       the document-control facts (version, approved by and date, owner, review
                   date, what it replaces), where the document holds them
    draft.py       the draft policy folder's text: policy.md with sections, clauses and
                   anchors; history.yml; the placeholders the owner must still fill
    report.py      the import report: everything that needs the owner's attention
    importer.py    writes the draft (all of it, or nothing) and imports a folder of files
"""
