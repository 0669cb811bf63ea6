"""Find the structure in policy Markdown: numbered sections and clauses, FAQs, and links.

Policy text is written as

    ## 6. Personal use of social media {#personal-use}
    ### 6.2 Saying where you work {#saying-where-you-work}

The anchor in braces never changes when the wording does, so links and rules keep working.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .errors import SourceError, shortened
from .models import Clause, Section
from .sourcetext import BIDI_CONTROLS, INVISIBLE_CHARACTERS, character_name

# Every pattern here reads a line in time that grows with its length, whatever it holds: no
# pattern can try a match from a position and then again from the next (see
# tests/unit/test_bounded_work.py). A heading's anchor is split off by position
# (_split_anchor), not by a pattern that backtracks over the title.
_ANCHOR = re.compile(r"\{\s*#(?P<anchor>[^{}\s]+)\s*\}")
_SECTION = re.compile(r"## (?P<number>\d+)\.\s+(?P<title>\S.*)")
_CLAUSE = re.compile(r"### (?P<major>\d+)\.(?P<minor>\d+)\s+(?P<title>\S.*)")
_QUESTION = re.compile(r"## (?P<question>\S.*)")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+\S")
_FENCE = re.compile(r"^\s*(```|~~~)")
_VALID_ANCHOR = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
#: A Markdown link: [text](target "optional title"). Neither part may hold a bracket, so a
#: line of many '[' is read once, not once from each.
LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\((?P<target>[^()\[\]\s]+)(?:\s+\"[^\"]*\")?\)")


def _split_anchor(pattern: re.Pattern, text: str) -> dict[str, str] | None:
    """The parts of a heading that ends with its {#anchor}: `pattern`'s groups for the
    heading before the anchor, and 'anchor'; None if it does not fit."""
    heading = text.rstrip()
    start = heading.rfind("{")
    anchor = _ANCHOR.fullmatch(heading, start) if start >= 0 else None
    found = pattern.fullmatch(heading[:start].rstrip()) if anchor else None
    return {**found.groupdict(), "anchor": anchor["anchor"]} if found else None


#: How deeply a source's Markdown may nest lists, quotes and HTML blocks. A policy needs
#: three or four levels; hundreds would make the Markdown reader run out of room (Python's
#: recursion limit) and stop the build with a traceback instead of a message.
NESTING_LIMIT = 20
_ABBREVIATION = re.compile(r"^\s{0,3}\*\[[^\[\]]*\]:")
_QUOTE_MARKS = re.compile(r"^(?:[ \t]*>)+")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(/?)>")
#: HTML elements that never hold anything, so never nest.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})


def check_markdown(body: str, path: Path, first_line: int) -> None:
    """Stop at Markdown the guide cannot take: an abbreviation defined in the page (they are
    explained once for every page, in glossary.yml), or lists, quotes or HTML nested more
    than NESTING_LIMIT deep."""
    depth = 0
    for line, text in _lines(body, first_line):
        if _ABBREVIATION.match(text):
            raise SourceError(
                path,
                "This line defines an abbreviation ('*[...]: ...'). Abbreviations are "
                "explained once, for every page of the guide, in policy_source/glossary.yml.",
                "Remove the line, and add the abbreviation to policy_source/glossary.yml if it "
                "is not there yet.", line)
        indent = len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip(" "))
        quotes = _QUOTE_MARKS.match(text)
        levels = max(indent // 4, quotes.group().count(">") if quotes else 0)
        for closing, name, self_closing in _TAG.findall(text):
            if name.lower() in _VOID or self_closing:
                continue
            depth = max(depth - 1, 0) if closing else depth + 1
            levels = max(levels, depth)
        if levels > NESTING_LIMIT:
            raise SourceError(
                path,
                f"Lists, quotes or HTML blocks are nested more than {NESTING_LIMIT} deep here. "
                "Nothing a reader needs is nested that deeply, and the guide cannot build it.",
                "Check the indentation, the '>' marks and that every HTML tag opened is also "
                "closed.", line)


def _lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(file line number, text) for each line outside fenced code blocks."""
    fenced = False
    for offset, text in enumerate(body.splitlines()):
        if _FENCE.match(text):
            fenced = not fenced
            continue
        if not fenced:
            yield first_line + offset, text


def outside_code(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(file line number, text) for each line of `body` outside fenced code blocks."""
    return _lines(body, first_line)


def _check_anchor(anchor: str, seen: dict[str, int], path: Path, line: int) -> None:
    hidden = next((c for c in anchor if c in INVISIBLE_CHARACTERS | BIDI_CONTROLS), None)
    if hidden:
        raise SourceError(
            path,
            f"The anchor '#{shortened(anchor)}' holds a character nobody can see "
            f"({character_name(hidden)}), so it only looks like the anchor it should be.",
            "Delete the anchor and type it again, with lower-case letters, numbers and "
            "hyphens only, like {#saying-where-you-work}.",
            line)
    if not _VALID_ANCHOR.match(anchor):
        raise SourceError(
            path,
            f"The anchor '#{anchor}' may only use lower-case letters, numbers and hyphens.",
            "Rewrite it like {#saying-where-you-work}.",
            line,
        )
    if anchor in seen:
        raise SourceError(
            path,
            f"The anchor '#{anchor}' is already used on line {seen[anchor]}.",
            "Give each heading its own anchor.",
            line,
        )
    seen[anchor] = line


class _SectionBuilder:
    """Collects one section's clauses and their text while the parser walks the lines."""

    def __init__(self, number: int, title: str, anchor: str, line: int):
        self.number, self.title, self.anchor, self.line = number, title, anchor, line
        self.clauses: list[Clause] = []
        self._clause: dict | None = None
        self._text: list[str] = []

    @property
    def next_clause_number(self) -> str:
        done = len(self.clauses) + (self._clause is not None)
        return f"{self.number}.{done + 1}"

    def start_clause(self, number: str, title: str, anchor: str, line: int) -> None:
        self.end_clause()
        self._clause = {"number": number, "title": title, "anchor": anchor, "line": line}

    def add_text(self, text: str) -> None:
        if self._clause is not None:
            self._text.append(text)

    def end_clause(self) -> None:
        if self._clause is not None:
            self.clauses.append(Clause(text="\n".join(self._text).strip(), **self._clause))
        self._clause, self._text = None, []

    def build(self) -> Section:
        self.end_clause()
        return Section(self.number, self.title, self.anchor, self.line, tuple(self.clauses))


def parse_policy_body(body: str, first_line: int, path: Path) -> tuple[Section, ...]:
    """The numbered sections and clauses of policy.md, checked for numbering and anchors."""
    sections: list[Section] = []
    current: _SectionBuilder | None = None
    seen: dict[str, int] = {}
    for line, text in _lines(body, first_line):
        heading = _HEADING.match(text)
        level = len(heading["hashes"]) if heading else 0
        if level == 1:
            raise SourceError(
                path,
                "A '# ' heading is not allowed in the policy text: the page title comes from "
                "'title:' at the top of the file.",
                "Make it a numbered section heading like '## 3. Definitions {#definitions}'.",
                line,
            )
        if level == 2:
            match = _split_anchor(_SECTION, text)
            expected = len(sections) + (1 if current is None else 2)
            if not match:
                raise SourceError(
                    path,
                    f"This section heading is not in the expected form: '{text.strip()}'.",
                    f"Write it as '## {expected}. Title {{#anchor}}', for example "
                    "'## 6. Personal use of social media {#personal-use}'.",
                    line,
                )
            if current is not None:
                sections.append(current.build())
            if int(match["number"]) != len(sections) + 1:
                raise SourceError(
                    path,
                    f"Section {match['number']} comes where section {len(sections) + 1} "
                    "should be.",
                    "Number the sections 1, 2, 3 ... in order, with none missed or repeated.",
                    line,
                )
            _check_anchor(match["anchor"], seen, path, line)
            current = _SectionBuilder(
                int(match["number"]), match["title"], match["anchor"], line
            )
        elif level == 3:
            match = _split_anchor(_CLAUSE, text)
            if current is None or not match:
                where = current.next_clause_number if current else "1.1"
                raise SourceError(
                    path,
                    f"This clause heading is not in the expected form: '{text.strip()}'.",
                    f"Write it as '### {where} Title {{#anchor}}' inside a numbered section, "
                    "for example '### 6.2 Saying where you work {#saying-where-you-work}'.",
                    line,
                )
            expected_number = current.next_clause_number
            number = f"{match['major']}.{match['minor']}"
            if number != expected_number:
                raise SourceError(
                    path,
                    f"Clause {number} comes where clause {expected_number} should be.",
                    f"Number the clauses in section {current.number} as {current.number}.1, "
                    f"{current.number}.2 ... in order.",
                    line,
                )
            _check_anchor(match["anchor"], seen, path, line)
            current.start_clause(number, match["title"], match["anchor"], line)
        elif current is not None:
            current.add_text(text)
    if current is not None:
        sections.append(current.build())
    if not sections:
        raise SourceError(
            path,
            "No numbered sections were found in the policy text.",
            "Start each section with a heading like '## 1. Purpose {#purpose}'.",
            first_line,
        )
    return tuple(sections)


def parse_faqs(body: str, first_line: int, path: Path) -> list[tuple[str, str, int, list]]:
    """(question, anchor, line, answer lines as (line, text)) for each '## Question' block."""
    faqs: list[tuple[str, str, int, list[tuple[int, str]]]] = []
    seen: dict[str, int] = {}
    for line, text in _lines(body, first_line):
        heading = _HEADING.match(text)
        if heading and len(heading["hashes"]) <= 2:
            match = _split_anchor(_QUESTION, text)
            if len(heading["hashes"]) == 1 or not match:
                raise SourceError(
                    path,
                    f"This question heading has no anchor or the wrong level: '{text.strip()}'.",
                    "Write each question as '## The question? {#short-anchor}', for example "
                    "'## Can I use social media at work? {#use-at-work}'.",
                    line,
                )
            _check_anchor(match["anchor"], seen, path, line)
            faqs.append((match["question"], match["anchor"], line, []))
        elif faqs:
            faqs[-1][3].append((line, text))
        elif text.strip():
            raise SourceError(
                path,
                "There is text before the first question.",
                "Put introductory text in 'intro:' in the front matter, and start the body "
                "with the first '## Question? {#anchor}' heading.",
                line,
            )
    return faqs


#: A clause number in a link's words: 'clause 6.2', 'section 6', 'paragraph 4.2', or words
#: that start with the number itself ('6.2 Saying where you work').
_NAMED_NUMBER = re.compile(r"\b(?:clauses?|sections?|paragraphs?|paras?)\.?\s+(\d+(?:\.\d+)*)\b",
                           re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"\s*(\d+(?:\.\d+)*)\.?(?:\s|$)")


_ANY_NUMBER = re.compile(r"\d+(?:\.\d+)*")


def quoted_number(text: str) -> str | None:
    """The clause or section number a link's words give, if they give one and no other
    number ('clauses 6.1 and 6.3' gives two, so none is checked)."""
    if len(set(_ANY_NUMBER.findall(text))) != 1:
        return None
    named = {match.group(1) for match in _NAMED_NUMBER.finditer(text)}
    if len(named) == 1:
        return named.pop()
    if not named:
        leading = _LEADING_NUMBER.match(text)
        return leading.group(1) if leading else None
    return None


def links(body: str, first_line: int) -> Iterator[tuple[int, str, str]]:
    """(line, link text, target) for every Markdown link outside code blocks."""
    for line, text in _lines(body, first_line):
        for match in LINK.finditer(text):
            yield line, match["text"], match["target"]

