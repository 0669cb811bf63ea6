"""Unfinished writing: what a policy's sources still need before the policy may be approved.

`make new-policy` writes every instruction to the owner as "[To write: ...]", and owners may
leave themselves the same mark. Besides those, a source is unfinished where it holds a
placeholder word (TODO, TBC, TBD, XXX, "lorem ipsum", "[insert ...]") or a heading with
nothing under it. A draft may be unfinished, and `make check` lists what is still to do; a
version that is approved or in force may not, so the loader refuses it, naming each place
(loader.py), and `make release` cannot record it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError, display_path, shortened

#: The mark `make new-policy` puts on every instruction, for the owner to replace.
MARKER = "[To write:"
_MARKED = re.compile(r"\[\s*to write\s*:[^\]\n]*\]?", re.IGNORECASE)
#: Words that stand in for text not yet written: capitals only, so "todo" in a sentence is
#: left alone.
_PLACEHOLDER = re.compile(r"\b(?:TODO|TBC|TBD|XXX+)\b|\blorem ipsum\b|\[\s*insert\b",
                          re.IGNORECASE)
_CAPITALS = ("TODO", "TBC", "TBD", "XXX")
_HEADING = re.compile(r"(#{1,6})\s+\S")
_FENCE = re.compile(r"\s*(```|~~~)")

#: How many places an error lists before saying how many more there are.
LISTED = 10


@dataclass(frozen=True)
class Unfinished:
    """One place in a source still to be written."""

    path: Path
    line: int | None
    what: str

    def describe(self) -> str:
        where = f"{display_path(self.path)}, line {self.line}" if self.line else display_path(
            self.path)
        return f"{where}: {self.what}"


def _placeholder(found: re.Match) -> bool:
    word = found.group().strip("[ ").lower()
    if word in ("lorem ipsum", "insert"):
        return True
    return found.group() in _CAPITALS or found.group().startswith("XXX")


def unfinished_text(text: str, path: Path, first_line: int = 1) -> list[Unfinished]:
    """Every instruction mark and placeholder word in `text` (a whole source file, or the
    part of one starting at `first_line`), one entry a line."""
    found = []
    for offset, line in enumerate(text.splitlines()):
        marked = _MARKED.search(line)
        if marked:
            instruction = marked.group().split(":", 1)[1].rstrip("]").strip()
            found.append(Unfinished(path, first_line + offset,
                                    f"to write: {shortened(instruction, 70)}"))
            continue
        placeholder = next((match for match in _PLACEHOLDER.finditer(line)
                            if _placeholder(match)), None)
        if placeholder:
            found.append(Unfinished(path, first_line + offset,
                                    f"'{placeholder.group().strip()}' stands in for words "
                                    "not yet written"))
    return found


def empty_headings(body: str, path: Path, first_line: int) -> list[Unfinished]:
    """Every heading of a Markdown body with nothing under it: the next heading is of the
    same or a higher level, or the file ends."""
    found = []
    open_heading: tuple[int, int, str] | None = None  # (level, line, text)
    fenced = False
    for offset, line in enumerate(body.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if open_heading and level <= open_heading[0]:
                found.append(_empty(path, open_heading))
            open_heading = (level, first_line + offset, line.strip())
        elif line.strip() and open_heading:
            open_heading = None
    if open_heading:
        found.append(_empty(path, open_heading))
    return found


def _empty(path: Path, heading: tuple[int, int, str]) -> Unfinished:
    title = heading[2].lstrip("#").split("{#")[0].strip()
    return Unfinished(path, heading[1], f"the heading '{shortened(title, 60)}' has nothing "
                      "written under it")


def refuse_unfinished(found: list[Unfinished], status: str) -> None:
    """Stop with every place still to be written, for a version that is `status` (approved
    or in force): it would be published as it is."""
    if not found:
        return
    first = found[0]
    places = "\n".join(f"    - {item.describe()}" for item in found[:LISTED])
    more = f"\n    ... and {len(found) - LISTED} more" if len(found) > LISTED else ""
    raise SourceError(
        first.path,
        f"This version is '{status}', so it would be published as it is, but "
        f"{len(found)} {'part is' if len(found) == 1 else 'parts are'} still to be "
        f"written:\n{places}{more}",
        "Replace each instruction and placeholder with the policy's own words, and write "
        "something under each empty heading (or remove the heading). 'make check' lists "
        "what is still to do while the policy is a draft.",
        first.line)
