"""From a read Word document to the text of a draft policy folder.

The numbered parts of the document become the policy's sections (1, 2 ...) and clauses
(1.1, 1.2 ...), each with an anchor made from its title; deeper numbers (1.1.1) stay in
their clause, in bold, as Word shows them. Which list numbers the document's structure is
worked out from the numbers Word shows: the list whose numbers have two or more parts (4.2),
or the headings' list; a document whose numbers were typed by hand gives them in its text,
and a document with headings but no numbers is numbered in order. Other lists become
Markdown lists (bullets, 1. 2. 3.) or keep their letters ((a), (b)).

Everything the import could not carry over whole is a note for the report (report.py), and
everything the owner must still write is a "[To write: ...]" mark, which `make check` lists.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from urllib.parse import quote

from ..domain.dates import add_years, long_date
from ..domain.models import name_for
from ..domain.release import history_entry, yaml_text
from ..domain.scaffold import TEMPLATES, rule_prefix, with_yaml_values
from ..domain.structure import parse_policy_body, quoted_number
from ..domain.unfinished import MARKER
from ..domain.versions import version_key
from .facts import NAMES, Facts, label_fact
from .reading import TYPED_NUMBER, Cell, Document, Inline, Note, Paragraph, Table

_DECIMAL = re.compile(r"^\(?(\d+(?:\.\d+)*)\.?\)?$")
_REFERENCE = re.compile(
    r"\b((?:paragraph|para|clause|section)\.?\s+)(\d+(?:\.\d+)*)(?!\.?\d)(?!\s+of\b)",
    re.IGNORECASE)
_SMALL_WORDS = frozenset("a an and the of to in for on or by with at from is are be will "
                         "must may this that these those it its as".split())
#: Words in a section's title that say which of the library's required sections it is.
REQUIRED_TITLES = {
    "purpose": ("purpose", "introduction", "aim", "aims", "policy statement", "background",
                "overview"),
    "scope": ("scope", "who this policy applies to", "application", "who it applies to"),
    "definitions": ("definitions", "definition", "terms", "glossary", "meaning"),
    "roles": ("roles", "responsibilities", "responsibility"),
    "monitoring": ("monitoring", "monitor", "evaluation"),
    "related": ("related", "associated", "other policies", "links to other", "references"),
    "review": ("review",),
}
#: The most words of introduction before section 1 that become the policy's summary.
SUMMARY_WORDS = 80
_CONTENTS = re.compile(r"^(table of )?contents$", re.IGNORECASE)
_CONTROL = re.compile(r"^(document|version|policy) (control|information|details|history)$",
                      re.IGNORECASE)


@dataclass
class Options:
    name: str
    title: str | None = None
    owner: str | None = None
    contact: str | None = None
    category: str | None = None


@dataclass
class DraftClause:
    number: str
    title: str
    anchor: str
    word_paragraph: int
    made_title: bool = False
    content: list = field(default_factory=list)  # ("para", Paragraph) / ("table", Table) ...
    markdown: str | None = None  # a ready clause body (a template section's)


@dataclass
class DraftSection:
    number: int
    title: str
    anchor: str
    word_paragraph: int
    made_title: bool = False
    intro: list = field(default_factory=list)
    clauses: list[DraftClause] = field(default_factory=list)
    added: bool = False  # a required section the Word file did not have


@dataclass
class Draft:
    """The draft folder's files (by name) and what the report must say."""

    files: dict[str, str]
    title: str
    facts: Facts
    notes: list[Note]
    to_write: list[str]  # the parts the owner must still write, in words for the report
    sections: int
    clauses: int
    numbering: str  # how the numbers were found: "Word's numbering", "typed", "in order"
    name: str  # the policy's folder name
    version: str  # the draft's version number
    #: What `make release` needs to record the Word file's version once the draft is
    #: finished (VERSION, DATE, DECIDED_BY, and EFFECTIVE or NEXT_REVIEW if known)
    release: dict[str, str]


def made_title(text: str) -> str:
    """A clause title from its first words, for a numbered paragraph with no heading of its
    own: up to the first comma or full stop, at most seven words."""
    words = []
    for word in text.split():
        words.append(word)
        if word[-1] in ".,;:" and len(words) >= 3 or len(words) >= 7:
            break
    while len(words) > 2 and words[-1].lower().strip(".,;:") in _SMALL_WORDS:
        words.pop()
    title = " ".join(words).rstrip(".,;:")
    return title[:1].upper() + title[1:]


def anchor_for(title: str, taken: set[str]) -> str:
    words = [word for word in re.findall(r"[a-z0-9]+", title.lower())]
    useful = [word for word in words if word not in _SMALL_WORDS] or words or ["part"]
    base = "-".join(useful[:5])
    if base[0].isdigit():
        base = f"part-{base}"
    anchor, count = base, 2
    while anchor in taken:
        anchor, count = f"{base}-{count}", count + 1
    taken.add(anchor)
    return anchor


def _title_like(paragraph: Paragraph, text: str, words: int) -> bool:
    """Whether a numbered paragraph is a heading (its text the title of what follows) rather
    than a clause's own words: a heading style, bold throughout, or a few words with no
    punctuation, link or footnote."""
    if paragraph.heading:
        return True
    pieces = [piece for piece in paragraph.inlines if piece.kind != "text" or piece.text.strip()]
    if pieces and all(piece.kind == "text" and piece.bold for piece in pieces):
        return True
    plain = all(piece.kind == "text" and not piece.href and piece.bookmark is None
                for piece in pieces)
    return plain and len(text.split()) <= words and not re.search(r"[.,;:!?]", text)


# -- Markdown text ----------------------------------------------------------------------------

_ESCAPE = str.maketrans({"\\": "\\\\", "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[",
                         "]": "\\]", "{": "\\{", "}": "\\}"})
#: Where '<' could open HTML (a tag, a comment, an autolink) and '&' a character reference;
#: anywhere else both are shown as they are, so a title such as 'Roles & duties' reads the
#: same in every place the guide shows it.
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^(\s*)([#+=:-]|\d+(?=[.)]))")


def escape(text: str, in_table: bool = False) -> str:
    """Word text as Markdown that shows exactly those characters: nothing in it becomes
    markup, a link, an attribute or HTML."""
    text = _HTML_START.sub("&lt;", _ENTITY.sub("&amp;", text.replace("\t", " ").translate(_ESCAPE)))
    if in_table:
        text = text.replace("|", "\\|")
    return text


def start_of_line(text: str) -> str:
    """A paragraph's Markdown, made safe at the start of its line (a Word paragraph starting
    '2018.' or '- ' is text, not a list)."""
    match = _LINE_START.match(text)
    if not match:
        return text
    lead, mark = match.groups()
    if mark.isdigit():
        return f"{lead}{mark}\\{text[match.end():]}"
    return f"{lead}&#{ord(mark)};{text[match.end():]}"


class _Writer:
    """Writes paragraphs as Markdown once every number's anchor is known."""

    def __init__(self, numbers: dict[str, tuple[str, str]], bookmarks: dict[str, str],
                 footnotes: dict[str, list[Paragraph]], notes: list[Note]):
        self.numbers = numbers  # Word's number -> (its number in the draft, anchor)
        self.bookmarks = bookmarks  # Word bookmark -> Word's number of its clause
        self.footnotes = footnotes
        self.notes = notes
        self.footnote_names: dict[str, str] = {}
        self.cell_notes: list[str] = []  # footnotes met in a table's cells, for after it
        self.deep_references: set[str] = set()

    def inline(self, paragraph: Paragraph, in_table: bool = False) -> tuple[str, list[str]]:
        """The paragraph's text as Markdown, and any footnotes and text boxes it holds (as
        Markdown blocks to follow it)."""
        pieces: list[str] = []
        after: list[str] = []
        merged: list[Inline] = []
        for piece in paragraph.inlines:
            last = merged[-1] if merged else None
            if (last and piece.kind == last.kind == "text" and piece.bold == last.bold
                    and piece.italic == last.italic and piece.href == last.href
                    and piece.bookmark == last.bookmark):
                merged[-1] = Inline(last.text + piece.text, last.bold, last.italic, last.href,
                                    last.bookmark)
            else:
                merged.append(Inline(piece.text, piece.bold, piece.italic, piece.href,
                                     piece.bookmark, piece.kind))
        for piece in merged:
            if piece.kind == "footnote":
                name = self._footnote(piece.text, paragraph, after)
                if name:
                    pieces.append(f"[^{name}]")
                continue
            if piece.kind == "picture":
                pieces.append(f" (Picture: {escape(piece.text, in_table)})" if piece.text else
                              f" {MARKER} the Word file has a picture here with no "
                              "description. Describe what it shows, or remove this mark.]")
                continue
            if piece.kind == "text box":
                if piece.text:
                    after.append(escape(piece.text))
                continue
            pieces.append(self._text(piece, paragraph, in_table))
        return "".join(pieces).strip(), after

    def _text(self, piece: Inline, paragraph: Paragraph, in_table: bool) -> str:
        text = piece.text.replace("\n", " ")
        if piece.href:
            body = escape(text.strip(), in_table)
            if re.match(r"^https?://", piece.href, re.IGNORECASE):
                link = quote(piece.href, safe=":/?#[]@!$&'*+,;=%~.-_")
                return self._emphasis(f"[{body}]({link})", piece, text)
            self.notes.append(Note(paragraph.number, "link",
                                   f"a link to '{piece.href}' was kept as text only: the guide "
                                   "links to web addresses (https://...) only"))
            return self._emphasis(body, piece, text)
        if piece.bookmark is not None:
            target = self.bookmarks.get(piece.bookmark)
            if target and target in self.numbers:
                number, anchor = self.numbers[target]
                words = text.strip()
                quoted = quoted_number(words)
                if quoted is None or quoted == number:
                    return self._emphasis(f"[{escape(words, in_table)}](#{anchor})", piece, text)
            self.notes.append(Note(paragraph.number, "reference",
                                   f"the cross-reference \"{text.strip()}\" was kept as text: "
                                   "it leads to a part of the document with no anchor in the "
                                   "guide"))
            return self._emphasis(escape(text.strip(), in_table), piece, text)
        return self._emphasis(self._references(text, paragraph, in_table), piece, text)

    @staticmethod
    def _emphasis(markdown: str, piece: Inline, text: str) -> str:
        """`markdown` (the piece's words, as text or a link) in bold or italic as Word shows
        them, with the spaces around the piece kept outside the marks."""
        core = markdown.strip()
        if not core:
            return " " if text else ""
        if piece.bold or piece.italic:
            mark = "***" if piece.bold and piece.italic else "**" if piece.bold else "*"
            core = f"{mark}{core}{mark}"
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        return f"{lead}{core}{trail}"

    def _references(self, text: str, paragraph: Paragraph, in_table: bool) -> str:
        """'see paragraph 4.2' as a link to clause 4.2's anchor."""
        out, position = [], 0
        for match in _REFERENCE.finditer(text):
            word_number = match.group(2)
            target = self.numbers.get(word_number)
            if target is None:
                if word_number.count(".") >= 2 and word_number not in self.deep_references:
                    self.deep_references.add(word_number)
                    self.notes.append(Note(paragraph.number, "reference",
                                           f"\"{match.group(0)}\" is kept as text: the guide "
                                           "gives anchors to sections and clauses, not to "
                                           "their numbered sub-paragraphs"))
                continue
            number, anchor = target
            words = match.group(1) + number
            out.append(escape(text[position:match.start()], in_table))
            out.append(f"[{escape(words, in_table)}](#{anchor})")
            position = match.end()
        out.append(escape(text[position:], in_table))
        return "".join(out)

    def _footnote(self, word_id: str, paragraph: Paragraph, after: list[str]) -> str | None:
        if word_id not in self.footnotes:
            return None
        if word_id not in self.footnote_names:
            name = f"note{len(self.footnote_names) + 1}"
            self.footnote_names[word_id] = name
            text = " ".join(self.inline(note)[0] for note in self.footnotes[word_id]).strip()
            after.append(f"[^{name}]: {text or '(The footnote is empty in the Word file.)'}")
        return self.footnote_names[word_id]

    def table(self, table: Table) -> str:
        rows = [[self._cell(cell) for cell in row] for row in table.rows if row]
        if not rows:
            return ""
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        merged = sorted({number for index, row in enumerate(table.rows) for cell in row
                         if cell.merged for number in (
                             (index, index + 1) if cell.merged == "down" else (index + 1,))})
        if merged:
            self.notes.append(Note(
                table.after, "merged cells",
                f"table {table.number}, just after it, had merged cells (row{'s' if len(merged) > 1 else ''} "
                f"{', '.join(map(str, merged))}): each is now one cell, with its words in the "
                "first and the cells it covered left empty; check the table reads correctly"))
        lines = ["| " + " | ".join(cell or " " for cell in rows[0]) + " |",
                 "|" + "---|" * width]
        lines.extend("| " + " | ".join(cell or " " for cell in row) + " |" for row in rows[1:])
        after, self.cell_notes = self.cell_notes, []
        return "\n\n".join(["\n".join(lines), *after])

    def _cell(self, cell: Cell) -> str:
        texts = []
        for paragraph in cell.paragraphs:
            text, after = self.inline(paragraph, in_table=True)
            texts.append(text)
            texts.extend(item.replace("|", "\\|") for item in after if not item.startswith("[^"))
            self.cell_notes.extend(item for item in after if item.startswith("[^"))
        return " ".join(text for text in texts if text)


# -- structure --------------------------------------------------------------------------------

def _decimal_parts(paragraph: Paragraph) -> list[int] | None:
    if paragraph.shown is None or paragraph.shown.bullet:
        return None
    match = _DECIMAL.match(paragraph.shown.label)
    return [int(part) for part in match.group(1).split(".")] if match else None


def _structural_lists(paragraphs: list[Paragraph]) -> set[str]:
    """The lists that number the document's sections and clauses."""
    deep: dict[str, int] = {}
    for paragraph in paragraphs:
        parts = _decimal_parts(paragraph)
        if parts and len(parts) >= 2:
            deep[paragraph.shown.list_id] = deep.get(paragraph.shown.list_id, 0) + 1
    chosen = {max(deep, key=deep.get)} if deep else set()
    chosen |= {paragraph.shown.list_id for paragraph in paragraphs
               if paragraph.heading and _decimal_parts(paragraph)}
    return chosen


@dataclass
class _Number:
    parts: list[int]
    label: str  # as Word shows it (or as typed)
    typed: bool  # typed by hand, so taken off the front of the text


class _Structure:
    """Walks the blocks once, deciding for each whether it starts a section, a clause, a
    sub-paragraph, or belongs to what came before."""

    def __init__(self, document: Document, notes: list[Note]):
        self.document = document
        self.notes = notes
        paragraphs = [block for block in document.blocks if isinstance(block, Paragraph)]
        self.lists = _structural_lists(paragraphs)
        self.typed = not self.lists and self._typed_count(paragraphs) >= 2
        self.in_order = not self.lists and not self.typed
        self.sections: list[DraftSection] = []
        self.numbers: dict[str, tuple[str, str]] = {}
        self.bookmarks: dict[str, str] = {}
        self.anchors: set[str] = set()
        self.renumbered: list[tuple[int, str, str]] = []

    @staticmethod
    def _typed_count(paragraphs: list[Paragraph]) -> int:
        return sum(1 for paragraph in paragraphs
                   if paragraph.shown is None and TYPED_NUMBER.match(paragraph.text))

    @property
    def numbering(self) -> str:
        return ("Word's automatic numbering" if self.lists else
                "numbers typed in the text" if self.typed else
                "none: sections and clauses were numbered in order")

    def number_of(self, paragraph: Paragraph) -> _Number | None:
        if self.lists:
            parts = _decimal_parts(paragraph)
            if parts and paragraph.shown.list_id in self.lists:
                return _Number(parts, paragraph.shown.label, False)
            return None
        if self.typed and paragraph.shown is None:
            match = TYPED_NUMBER.match(paragraph.text)
            if match:
                parts = [int(part) for part in match.group(1).split(".")]
                if len(parts) == 2 and parts[1] == 0:
                    parts = parts[:1]  # "1.0 Introduction" heads section 1
                if len(parts) == 1 and not _title_like(
                        paragraph, paragraph.text[match.end():], 12):
                    return None  # "3 days' notice is needed." is a sentence, not section 3
                return _Number(parts, match.group(1), True) if self._fits(parts) else None
        return None

    def _fits(self, parts: list[int]) -> bool:
        """Whether a typed number carries on the numbering: the next section, clause or
        sub-paragraph, so that '3 days' at the start of a sentence is not read as one."""
        section = self.sections[-1] if self.sections else None
        if len(parts) == 1:
            return parts[0] == (section.number + 1 if section else 1) or (
                section is None and parts[0] in (0, 1))
        if section is None or parts[0] != section.number:
            return False
        if len(parts) == 2:
            return parts[1] == len(section.clauses) + 1
        return bool(section.clauses)

    def _title(self, paragraph: Paragraph, text: str, title_like: bool, name: str,
               content: list) -> tuple[str, str]:
        """The title and anchor of a section or clause (`name`, such as 'clause 4.2'): the
        paragraph's words if it reads as a heading; else its first words, with the whole
        paragraph kept as its text (`content`) and the made title reported."""
        if title_like:
            return text, anchor_for(text, self.anchors)
        title = made_title(text)
        content.append(("para", paragraph, True))
        self.notes.append(Note(paragraph.number, "made title", f"{name} is titled \"{title}\""))
        return title, anchor_for(title, self.anchors)

    def section(self, paragraph: Paragraph, text: str, label: str) -> None:
        number = len(self.sections) + 1
        title_like = _title_like(paragraph, text, 12) or (
            len(text.split()) <= 12 and text[-1:] not in ".:;,")
        section = DraftSection(number, "", "", paragraph.number, made_title=not title_like)
        section.title, section.anchor = self._title(paragraph, text, title_like,
                                                    f"section {number}", section.intro)
        self.sections.append(section)
        self._number(label, str(number), section.anchor, paragraph)

    def clause(self, paragraph: Paragraph, text: str, label: str, has_body: bool) -> None:
        section = self.sections[-1]
        number = f"{section.number}.{len(section.clauses) + 1}"
        title_like = has_body and _title_like(paragraph, text, 8)
        clause = DraftClause(number, "", "", paragraph.number, made_title=not title_like)
        clause.title, clause.anchor = self._title(paragraph, text, title_like,
                                                  f"clause {number}", clause.content)
        section.clauses.append(clause)
        self._number(label, number, clause.anchor, paragraph)

    def _number(self, label: str, number: str, anchor: str, paragraph: Paragraph) -> None:
        word = label.strip("().")
        if not word:
            return
        if word != number:
            self.renumbered.append((paragraph.number, word, number))
        self.numbers.setdefault(word, (number, anchor))
        for bookmark in paragraph.bookmarks:
            self.bookmarks[bookmark] = word

    def place(self, item: tuple, paragraph_number: int) -> None:
        """Put a block into the part it belongs to: the current clause, or the section's
        text before its first clause."""
        if not self.sections:
            return
        section = self.sections[-1]
        if section.clauses:
            section.clauses[-1].content.append(item)
            current = section.clauses[-1].number
        else:
            section.intro.append(item)
            current = str(section.number)
        paragraph = item[1] if item[0] != "table" else None
        if paragraph is not None:
            for bookmark in paragraph.bookmarks:
                self.bookmarks.setdefault(bookmark, current)


def _has_body(blocks: list, index: int, structure: _Structure) -> bool:
    """Whether the numbered paragraph at `index` has text of its own under it (so it is a
    heading) before the next numbered part."""
    for block in blocks[index + 1:]:
        if isinstance(block, Table):
            return True
        if not block.text and not any(p.kind != "text" for p in block.inlines):
            continue
        number = structure.number_of(block)
        if number is not None and len(number.parts) <= 2:
            return False
        return True
    return False


# -- the whole draft --------------------------------------------------------------------------

def build_draft(document: Document, options: Options, categories: list[str],
                today: dt.date) -> Draft:
    notes = list(document.notes)
    facts = Facts()
    structure = _Structure(document, notes)
    blocks = document.blocks
    start = _first_part(blocks, structure)
    structured = start < len(blocks)
    title, introduction = _preamble(blocks[:start], facts, notes, document, structured)
    intro_paragraphs = [block for block in introduction if isinstance(block, Paragraph)]
    short = sum(len(block.text.split()) for block in intro_paragraphs) <= SUMMARY_WORDS
    summary_parts = [block.text for block in intro_paragraphs] if structured and short else []
    title = (options.title or "").strip() or title or _title_from_file(document.name)
    name = (options.name or "").strip() or name_from_title(title)
    _body(blocks[start:], structure, notes)
    if not structure.sections:
        section = DraftSection(1, "Policy", anchor_for("policy", structure.anchors), 1)
        clause = DraftClause("1.1", title, anchor_for(title, structure.anchors), 1)
        clause.content = [("para", block, False) if isinstance(block, Paragraph)
                          else ("table", block) for block in introduction]
        section.clauses.append(clause)
        structure.sections.append(section)
        notes.append(Note(1, "number", "no numbered sections or headings were found, so the "
                          "whole text is in clause 1.1: split it into sections and clauses"))
    elif introduction and not (short and len(introduction) == len(intro_paragraphs)):
        # A long introduction, or a table before section 1, is kept under section 1's heading
        kept = [("table", block) if isinstance(block, Table) else ("para", block, False)
                for block in introduction if isinstance(block, Table) or not short]
        structure.sections[0].intro[:0] = kept
        notes.append(Note(0, "text", "the text before section 1 is kept under section 1's "
                          "heading, before its first clause: "
                          + ("write a summary of a sentence or two, and move or remove it"
                             if not short else "check where it belongs")))
    for word_paragraph, word, number in structure.renumbered:
        notes.append(Note(word_paragraph, "number",
                          f"Word shows {word} here, which does not follow on from the number "
                          f"before it: it is {number} in the draft. Check the numbering in "
                          "Word (an empty numbered line often takes a number)"))
    if structure.in_order and structure.sections:
        notes.append(Note(structure.sections[0].word_paragraph, "number",
                          "the Word file shows no numbers: its headings were numbered in "
                          "order (sections 1, 2, 3 ...; clauses 1.1, 1.2 ...)"))
    values = _values(options, facts, categories, today, title, summary_parts, notes)
    values["prefix"] = rule_prefix(name)
    required = _fill_required(structure, values)
    writer = _Writer(structure.numbers, structure.bookmarks, document.footnotes, notes)
    body = _markdown(structure.sections, writer)
    draft_version, release, history = _history(facts, values, document.name, today)
    values.update(required)
    files = {
        "policy.md": _front_matter(values) + "\n" + body,
        "history.yml": history,
        "rules.yml": _template("rules.yml", values),
        "faqs.md": _template("faqs.md", values),
        "eia.md": _template("eia.md", values),
    }
    # The draft's numbering must read back as written; if it does not, that is a fault in
    # this module, not in the Word file, and the import stops before anything is written.
    parse_policy_body(body, 1, Path("policy.md"))
    clauses = sum(len(section.clauses) for section in structure.sections)
    to_write = [f"{NAMES[fact]} (not in the Word file)" for fact in facts.missing()
                if fact in ("owner", "next_review", "version", "approved_by", "approved_on")]
    to_write += [f"section '{section.title}', which the library requires and the Word file "
                 "did not have" for section in structure.sections if section.added]
    to_write += ["the summary at the top of policy.md" if values["summary"].startswith(MARKER)
                 else "", "who the policy applies to ('audience:' in policy.md)",
                 "the questions and answers (faqs.md)", "the do and don't rules (rules.yml)",
                 "the equality impact assessment (eia.md)"]
    return Draft(files, title, facts, notes, [item for item in to_write if item],
                 len(structure.sections), clauses, structure.numbering, name, draft_version,
                 release)


def _first_part(blocks: list, structure: _Structure) -> int:
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or not block.text:
            continue
        number = structure.number_of(block)
        if number is not None and len(number.parts) == 1:
            return index
        if structure.in_order and block.heading == 1 and not _CONTROL.match(block.text) \
                and not _CONTENTS.match(block.text) and block.style.lower() != "title":
            return index
    return len(blocks)


def name_from_title(title: str) -> str:
    """A folder name from a policy's title: 'Flexible Working Policy' -> flexible-working."""
    name = name_for(title)
    for ending in ("-policy", "-procedure", "-and-procedure"):
        name = name.removesuffix(ending)
    return name[:60].rstrip("-") or "imported-policy"


def _title_from_file(name: str) -> str:
    stem = re.sub(r"[_-]+", " ", name.rsplit(".", 1)[0]).strip()
    return stem[:1].upper() + stem[1:] if stem else "Imported Policy"


def _preamble(blocks: list, facts: Facts, notes: list[Note], document: Document,
              structured: bool) -> tuple[str | None, list]:
    """Read what comes before section 1: the title, document control and the introduction,
    returned as the blocks it holds (the whole text, when the document has no sections)."""
    title = document.title
    kept: list = []
    for block in blocks:
        if isinstance(block, Table):
            if not _control_table(block, facts):
                kept.append(block)
            continue
        text = block.text
        style = block.style.lower()
        if not text or style.startswith("toc") or _CONTROL.match(text) or text == title:
            continue
        if _CONTENTS.match(text):
            notes.append(Note(block.number, "contents",
                              "the table of contents was left out: the guide makes its own"))
        elif facts.add_line(text, f"paragraph {block.number}"):
            continue
        elif style == "title" or (title is None and (block.heading or len(text.split()) <= 12)):
            title = title or text
        else:
            kept.append(block)
    return title, kept


def _control_table(table: Table, facts: Facts) -> bool:
    """Read a document-control table: label and value side by side in each row, or labels
    across the first row and values in the last (a version history's newest row)."""
    rows = [[" ".join(p.text for p in cell.paragraphs).strip() for cell in row]
            for row in table.rows]
    where = f"table {table.number}"
    found = False
    if rows and sum(1 for cell in rows[0] if label_fact(cell)) >= 2 and len(rows) >= 2:
        values = next((row for row in reversed(rows[1:]) if any(row)), [])
        for label, value in zip(rows[0], values):
            found |= facts.add(label, value, where)
        return found
    for row in rows:
        cells = [cell for cell in row if cell]
        for index in range(0, len(cells) - 1, 2):
            found |= facts.add(cells[index], cells[index + 1], where)
    return found


#: Paragraph styles whose meaning the draft carries (headings, lists, body text); any other
#: style is read as a plain paragraph, and the report names it once.
_KNOWN_STYLE = re.compile(r"^(normal|body text.*|list.*|heading \d|title|subtitle|toc.*|"
                          r"no spacing|default|plain text|footnote text|table.*|"
                          r"normal \(web\))$", re.IGNORECASE)


def _body(blocks: list, structure: _Structure, notes: list[Note]) -> None:
    unknown: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            structure.place(("table", block), block.after)
            continue
        text = block.text
        if not text and not any(piece.kind != "text" for piece in block.inlines):
            continue
        if not _KNOWN_STYLE.match(block.style.strip()):
            unknown.setdefault(block.style.strip(), []).append(block.number)
        number = structure.number_of(block)
        if number is None and structure.in_order and block.heading in (1, 2) and text:
            parts = [0] * block.heading
            number = _Number(parts, "", False)
        if number is None and block.heading and structure.sections and text:
            notes.append(Note(block.number, "heading",
                              f"the heading \"{text}\" has no number, so it is bold text in "
                              "the clause above it"))
            structure.place(("bold", block), block.number)
            continue
        if number is None:
            typed = TYPED_NUMBER.match(text) if structure.typed else None
            if typed and "." in typed.group(1) and structure.sections:
                notes.append(Note(block.number, "number",
                                  f"the paragraph starts with the number {typed.group(1)}, which "
                                  "does not follow on from the numbers before it, so it is text "
                                  "in the clause above: check the numbering in Word"))
            kind = "list" if block.shown is not None else "para"
            structure.place((kind, block), block.number)
            continue
        if number.typed:
            _drop_typed_number(block)
            text = block.text
        if len(number.parts) == 1:
            structure.section(block, text, number.label)
        elif not structure.sections:
            structure.place(("para", block), block.number)
        elif len(number.parts) == 2:
            structure.clause(block, text, number.label, _has_body(blocks, index, structure))
        else:
            structure.place(("sub", block, number.label), block.number)
    _style_notes(unknown, notes)


def _style_notes(unknown: dict[str, list[int]], notes: list[Note]) -> None:
    for style, paragraphs in unknown.items():
        others = (f" (and {len(paragraphs) - 1} more paragraph"
                  f"{'s' if len(paragraphs) > 2 else ''} in it)" if len(paragraphs) > 1 else "")
        notes.append(Note(paragraphs[0], "style",
                          f"the Word style '{style}'{others} is not one the import knows, so "
                          "its text is an ordinary paragraph: check nothing it meant (a quote, "
                          "a warning, a note) is lost"))


def _drop_typed_number(paragraph: Paragraph) -> None:
    """Take a typed number off the front of the paragraph's text."""
    for piece in paragraph.inlines:
        if piece.kind != "text" or not piece.text.strip():
            continue
        match = TYPED_NUMBER.match(piece.text)
        if match:
            piece.text = piece.text[match.end():]
        break


def _markdown(sections: list[DraftSection], writer: _Writer) -> str:
    out: list[str] = []
    for section in sections:
        out.append(f"## {section.number}. {escape(section.title)} {{#{section.anchor}}}")
        out.extend(_blocks(section.intro, writer))
        for clause in section.clauses:
            out.append(f"### {clause.number} {escape(clause.title)} {{#{clause.anchor}}}")
            if clause.markdown is not None:
                out.append(clause.markdown)
            else:
                out.extend(_blocks(clause.content, writer))
    return "\n\n".join(part for part in out if part) + "\n"


def _blocks(items: list, writer: _Writer) -> list[str]:
    out: list[str] = []
    list_lines: list[str] = []
    list_levels: list[int] = []

    def close_list() -> None:
        if list_lines:
            out.append("\n".join(list_lines))
            list_lines.clear()
            list_levels.clear()

    for item in items:
        kind = item[0]
        if kind == "table":
            close_list()
            table = writer.table(item[1])
            if table:
                out.append(table)
            continue
        paragraph: Paragraph = item[1]
        text, after = writer.inline(paragraph)
        if kind == "list" and paragraph.shown is not None and (
                paragraph.shown.bullet or _DECIMAL.match(paragraph.shown.label or "x")):
            level = paragraph.shown.level
            if list_levels and level < list_levels[0]:
                close_list()
            if not list_levels:
                list_levels.append(level)
            marker = "-" if paragraph.shown.bullet else "1."
            list_lines.append(f"{'    ' * (level - list_levels[0])}{marker} {text}")
            if after:
                close_list()
                out.extend(after)
            continue
        close_list()
        if kind == "list" and paragraph.shown is not None and paragraph.shown.label:
            text = f"{escape(paragraph.shown.label)} {text}"
        elif kind == "sub":
            text = f"**{escape(item[2])}** {text}"
        elif kind == "bold" and text:
            text = f"**{text.replace('**', '')}**"
        else:
            text = start_of_line(text)
        if text:
            out.append(text)
        out.extend(after)
    close_list()
    return out


# -- the other files --------------------------------------------------------------------------

def _values(options: Options, facts: Facts, categories: list[str], today: dt.date,
            title: str, summary: list[str], notes: list[Note]) -> dict[str, str]:
    marked = {}
    owner = (options.owner or "").strip() or facts.values.get("owner")
    contact = (options.contact or "").strip() or facts.values.get("contact")
    dates = facts.dates
    last = dates.get("last_reviewed") or dates.get("approved_on")
    last_reviewed = last.date if last else today
    if not last:
        marked["last_reviewed"] = "the Word file does not say when it was last reviewed or approved"
    review = dates.get("next_review")
    next_review = review.date if review else add_years(last_reviewed, 2)
    if review and next_review <= last_reviewed:
        notes.append(Note(0, "fact", f"the Word file's review date ({long_date(next_review)}) is "
                          f"not after its approval or last review ({long_date(last_reviewed)})"))
        next_review, review = add_years(last_reviewed, 2), None
    if not review:
        marked["next_review"] = "the Word file gives no usable review date; this one is two years on"
    for fact, found in dates.items():
        if not found.day_given:
            notes.append(Note(0, "fact", f"{NAMES[fact]} gives a month but no day: the 1st "
                              f"({long_date(found.date)}) was taken"))
    summary_text = escape(" ".join(summary))
    if summary_text:
        notes.append(Note(0, "text", "the text before section 1 became the policy's summary: "
                          "check it reads as one"))
    return {
        "title": title,
        "category": (options.category or "").strip() or categories[0],
        "owner": owner or f"{MARKER} the role that owns this policy]",
        "contact": contact or f"{MARKER} the team or role staff should ask about it]",
        "last_reviewed": last_reviewed.isoformat(),
        "next_review": next_review.isoformat(),
        "supersedes": facts.values.get("replaces", ""),
        "summary": summary_text or f"{MARKER} in one or two sentences, what the policy asks of "
                                   "the people it covers.]",
        "marked": marked,
        "today": today.isoformat(), "today_long": long_date(today),
    }


def _front_matter(values: dict) -> str:
    marked = values["marked"]

    def line(key: str) -> str:
        note = f"  # {MARKER} {marked[key]}.]" if key in marked else ""
        return f"{key}: {yaml_text(str(values[key]))}{note}"

    lines = ["---", line("title"), line("category"), line("owner"), line("contact"),
             line("last_reviewed"), line("next_review")]
    if values["supersedes"]:
        lines.append(line("supersedes"))
    audience = f"{MARKER} who the policy applies to, such as All Council employees]"
    lines += ["audience:", f"  - {yaml_text(audience)}", "summary: >-"]
    lines += textwrap.wrap(values["summary"], width=88, initial_indent="  ",
                           subsequent_indent="  ", break_on_hyphens=False,
                           break_long_words=False)
    return "\n".join(lines + ["---", ""])


def _history(facts: Facts, values: dict, file_name: str, today: dt.date
             ) -> tuple[str, dict[str, str], str]:
    version = facts.values.get("version")
    approved = facts.dates.get("approved_on")
    by = facts.values.get("approved_by")
    owner = values["owner"]
    # the comments at the top of the new-policy template's history.yml, which explain it
    template = _template("history.yml", values)
    header = template[:template.index("\n- version:") + 1]

    still = ("the questions and answers, the do and don't rules and the equality impact "
             "assessment are still to write.")
    approved_on = approved.date if approved else None
    effective = facts.dates.get("effective_from")
    if version and approved_on and by:
        said = (f"In Word it is version {version}, approved by {by} on {long_date(approved_on)}"
                + (f" and in force from {long_date(effective.date)}" if effective else "") + ".")
        release = {"VERSION": version, "DATE": approved_on.isoformat(), "DECIDED_BY": by}
        if effective and effective.date > approved_on:
            release["EFFECTIVE"] = effective.date.isoformat()
        if "next_review" in facts.dates and "next_review" not in values["marked"]:
            release["NEXT_REVIEW"] = values["next_review"]
        changes = (f"Brought into the guide from the Word file {file_name} on "
                   f"{long_date(today)}. {said} The {still[4:]} Once they are written, "
                   f"it is released as version {version}.")
        date = approved_on
    else:
        missing = [NAMES[fact] for fact, known in (("version", version),
                                                   ("approved_on", approved_on),
                                                   ("approved_by", by)) if not known]
        release = {"VERSION": version or "1.0", "DATE": "...", "DECIDED_BY": by or "..."}
        changes = (f"Brought into the guide from the Word file {file_name} on "
                   f"{long_date(today)}; {still} {MARKER} the Word file did not give "
                   f"{', '.join(missing)}: find them, and give them when the policy is "
                   "released.]")
        date = min(approved_on or today, today)
    first = "0.1" if version is None or version_key(version) > version_key("0.1") else "0.0"
    return first, release, header + history_entry(first, date, owner, changes, status="draft")


def _template(name: str, values: dict) -> str:
    return Template((TEMPLATES / name).read_text(encoding="utf-8")).substitute(
        with_yaml_values(values))


def _fill_required(structure: _Structure, values: dict) -> dict[str, str]:
    """Give the library's required sections their anchors, by their titles, and add each
    one the Word file lacks, from the new-policy template, for the owner to write. Returns
    the anchors and numbers the rules and questions templates point to."""
    from ..domain.scaffold import TEMPLATES as templates
    text = Template((templates / "policy.md").read_text(encoding="utf-8")).safe_substitute(
        with_yaml_values(values))
    body = text.split("\n---\n", 1)[1]
    template_sections = parse_policy_body(body, 1, Path("policy.md"))
    taken: dict[str, DraftSection] = {}
    for section in structure.sections:
        for clause in section.clauses:
            if clause.anchor in REQUIRED_TITLES or clause.anchor in {
                    template.anchor for template in template_sections}:
                # A clause titled 'Scope' keeps its title; the section anchor goes to a section
                renamed = anchor_for(f"{clause.title} {clause.number}", structure.anchors)
                for word, (number, anchor) in list(structure.numbers.items()):
                    if anchor == clause.anchor:
                        structure.numbers[word] = (number, renamed)
                structure.anchors.discard(clause.anchor)
                clause.anchor = renamed
    for required, words in REQUIRED_TITLES.items():
        already = next((section for section in structure.sections
                        if section.anchor == required), None)
        if already is not None:
            taken[required] = already
            continue
        for section in structure.sections:
            title = section.title.lower()
            if section in taken.values() or section.made_title:
                continue
            if any(re.search(rf"\b{re.escape(word)}\b", title) for word in words):
                structure.anchors.discard(section.anchor)
                section.anchor = required
                structure.anchors.add(required)
                for word, (number, _) in list(structure.numbers.items()):
                    if number == str(section.number):
                        structure.numbers[word] = (number, required)
                taken[required] = section
                break
    for template in template_sections:
        if template.anchor in taken:
            continue
        number = len(structure.sections) + 1
        anchor = template.anchor if template.anchor not in structure.anchors else anchor_for(
            template.title, structure.anchors)
        structure.anchors.add(anchor)
        section = DraftSection(number, template.title, anchor, 0, added=True)
        for index, clause in enumerate(template.clauses, start=1):
            section.clauses.append(DraftClause(
                f"{number}.{index}", clause.title, anchor_for(clause.title, structure.anchors)
                if clause.anchor in structure.anchors else clause.anchor, 0,
                markdown=clause.text))
            structure.anchors.add(section.clauses[-1].anchor)
        taken[template.anchor] = section
        structure.sections.append(section)

    def first(anchor: str) -> tuple[str, str]:
        section = taken[anchor]
        if section.clauses:
            return section.clauses[0].number, section.clauses[0].anchor
        return str(section.number), section.anchor

    scope_number, scope_anchor = first("scope")
    return {"scope_number": scope_number, "scope_clause": scope_anchor,
            "roles_clause": first("roles")[1], "review_clause": first("review")[1],
            }
